package io.github.spencerpark.ijava;

import io.github.spencerpark.jupyter.kernel.display.DisplayData;
import io.github.spencerpark.jupyter.kernel.magic.registry.Magics;
import java.util.List;
import org.dflib.jjava.jupyter.kernel.HelpLink;
import org.dflib.jjava.jupyter.kernel.JupyterIO;
import org.dflib.jjava.jupyter.kernel.LanguageInfo;
import org.dflib.jjava.jupyter.kernel.comm.CommManager;
import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.dflib.jjava.jupyter.kernel.history.HistoryManager;
import org.dflib.jjava.jupyter.kernel.magic.MagicParser;
import org.dflib.jjava.jupyter.kernel.magic.MagicsRegistry;
import org.dflib.jjava.jupyter.kernel.util.StringStyler;

/**
 * The kernel type IJava's notebooks get from {@link IJava#getKernelInstance()}: the part of IJava's
 * {@code JavaKernel} that notebooks call, on top of JJava's. {@code getRenderer()},
 * {@code display(...)}, {@code evalRaw(...)} and {@code addToClasspath(...)} are inherited;
 * {@link #getMagics()} and {@link #eval(String)} take IJava's types.
 */
public abstract class JavaKernel extends org.dflib.jjava.kernel.JavaKernel {
    private final Magics magics = new Magics(this);

    /** The arguments of {@code BaseKernel}'s constructor, passed through. */
    protected JavaKernel(String name, String version, LanguageInfo languageInfo, List<HelpLink> helpLinks,
                         HistoryManager historyManager, JupyterIO io, CommManager commManager, Renderer renderer,
                         MagicParser magicParser, MagicsRegistry magicsRegistry, boolean extensionsEnabled,
                         StringStyler errorStyler) {
        super(name, version, languageInfo, helpLinks, historyManager, io, commManager, renderer, magicParser,
                magicsRegistry, extensionsEnabled, errorStyler);
    }

    /** IJava's magics registry: register and apply line and cell magics by name. */
    public Magics getMagics() {
        return magics;
    }

    /** Evaluates {@code expr} (a cell's code, magics included) and renders its value, or returns null. */
    @Override
    public DisplayData eval(String expr) {
        org.dflib.jjava.jupyter.kernel.display.DisplayData data = super.eval(expr);
        return data == null ? null : new DisplayData(data);
    }
}
