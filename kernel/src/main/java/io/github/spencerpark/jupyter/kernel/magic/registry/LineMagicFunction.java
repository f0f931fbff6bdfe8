package io.github.spencerpark.jupyter.kernel.magic.registry;

import java.util.List;

/** IJava's line magic: {@code %name args...} calls it with the arguments split into words. */
@FunctionalInterface
public interface LineMagicFunction<T> {
    /** Runs the magic on {@code args} and returns its value (or null). */
    T execute(List<String> args) throws Exception;
}
