package io.github.spencerpark.jupyter.kernel.magic.registry;

import java.util.List;

/** IJava's cell magic: a cell starting {@code %%name args...} calls it with the rest of the cell. */
@FunctionalInterface
public interface CellMagicFunction<T> {
    /** Runs the magic on the first line's {@code args} and the cell's {@code body}. */
    T execute(List<String> args, String body) throws Exception;
}
