package io.github.spencerpark.jupyter.kernel.magic.registry;

import java.util.List;
import org.dflib.jjava.jupyter.kernel.BaseKernel;

/**
 * IJava's magics registry ({@code getKernelInstance().getMagics()}), over the kernel's own
 * registry: what is registered here is a magic of the kernel like any other ({@code %lsmagic}
 * lists it), and the kernel's magics can be applied from code.
 */
public final class Magics {
    private final BaseKernel kernel;

    /** The registry of {@code kernel}'s magics. */
    public Magics(BaseKernel kernel) {
        this.kernel = kernel;
    }

    /** Registers {@code %name}; a later registration of the same name replaces it. */
    public <T> void registerLineMagic(String name, LineMagicFunction<T> magic) {
        kernel.getMagicsRegistry().registerLineMagic(name, (k, args) -> magic.execute(args));
    }

    /** Registers {@code %%name}; a later registration of the same name replaces it. */
    public <T> void registerCellMagic(String name, CellMagicFunction<T> magic) {
        kernel.getMagicsRegistry().registerCellMagic(name, (k, args, body) -> magic.execute(args, body));
    }

    /** Runs line magic {@code %name} on {@code args} and returns its value. */
    public <T> T applyLineMagic(String name, List<String> args) throws Exception {
        return kernel.getMagicsRegistry().evalLineMagic(kernel, name, args);
    }

    /** Runs cell magic {@code %%name} on {@code args} and {@code body} and returns its value. */
    public <T> T applyCellMagic(String name, List<String> args, String body) throws Exception {
        return kernel.getMagicsRegistry().evalCellMagic(kernel, name, args, body);
    }
}
