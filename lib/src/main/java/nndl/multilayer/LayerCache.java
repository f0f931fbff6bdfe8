package nndl.multilayer;

import nndl.util.Matrices;

/**
 * A layer's cache: the seed's {@code {"lin_cache": ..., "act_cache": ...}}.
 *
 * @param linear     the linear step's cache (its input A_prev)
 * @param activation the activation's cache (its input Z)
 */
public record LayerCache(LinearCache linear, ActivationCache activation) {
    @Override
    public String toString() {
        return "LayerCache(A_prev: " + Matrices.shape(linear.a())
                + ", Z: " + Matrices.shape(activation.z()) + ")";
    }
}
