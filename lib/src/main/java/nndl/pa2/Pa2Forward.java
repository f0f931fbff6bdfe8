package nndl.pa2;

import nndl.util.Matrices;
import org.ejml.data.DMatrixRMaj;

/**
 * What {@link Pa2Net#forwardProp} computes, the seed's {@code x_h, x_o, z_o, z_h} plus the input the
 * backward pass needs.
 *
 * @param x  N×F input
 * @param zh N×H hidden pre-activations {@code x·W_h + b_h}
 * @param xh N×H hidden activations {@code relu(z_h)}
 * @param zo N×K output pre-activations (scores) {@code x_h·W_o + b_o}
 * @param xo N×K softmax probabilities {@code softmax(z_o)}
 */
public record Pa2Forward(DMatrixRMaj x, DMatrixRMaj zh, DMatrixRMaj xh, DMatrixRMaj zo, DMatrixRMaj xo) {
    @Override
    public String toString() {
        return "Pa2Forward(x " + Matrices.shape(x) + ", z_h " + Matrices.shape(zh) + ", x_h " + Matrices.shape(xh)
                + ", z_o " + Matrices.shape(zo) + ", x_o " + Matrices.shape(xo) + ")";
    }
}
