package nndl.multilayer;

/**
 * A layer's cache: the seed's {@code {"lin_cache": ..., "act_cache": ...}}.
 *
 * @param linear     the linear step's cache (its input A_prev)
 * @param activation the activation's cache (its input Z)
 */
public record LayerCache(LinearCache linear, ActivationCache activation) {
    @Override
    public String toString() {
        return "LayerCache(A_prev: " + linear.a().numRows + "×" + linear.a().numCols
                + ", Z: " + activation.z().numRows + "×" + activation.z().numCols + ")";
    }
}
