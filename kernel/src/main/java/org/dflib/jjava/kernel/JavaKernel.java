package org.dflib.jjava.kernel;

import java.util.List;
import org.dflib.jjava.jupyter.kernel.BaseKernel;
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
 * The name JJava's notebooks know the kernel by ({@code org.dflib.jjava.kernel.JavaKernel}, as
 * returned by {@link JavaNotebookStatics#kernel()}), so that their code compiles here unchanged.
 * The nndl kernel is one: it adds nothing to {@link BaseKernel} but JJava's
 * {@link #addToClasspath(String)}.
 */
public abstract class JavaKernel extends BaseKernel {

    /** The arguments of {@link BaseKernel}'s constructor, passed through. */
    protected JavaKernel(String name, String version, LanguageInfo languageInfo, List<HelpLink> helpLinks,
                         HistoryManager historyManager, JupyterIO io, CommManager commManager, Renderer renderer,
                         MagicParser magicParser, MagicsRegistry magicsRegistry, boolean extensionsEnabled,
                         StringStyler errorStyler) {
        super(name, version, languageInfo, helpLinks, historyManager, io, commManager, renderer, magicParser,
                magicsRegistry, extensionsEnabled, errorStyler);
    }

    /**
     * Adds jars or directories to the cells' classpath, as {@code %classpath} does.
     *
     * @param classpath entries (globs allowed) separated by the platform's path separator
     */
    public abstract void addToClasspath(String classpath);
}
