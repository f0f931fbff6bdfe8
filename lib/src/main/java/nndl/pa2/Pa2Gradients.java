package nndl.pa2;

import java.util.LinkedHashMap;
import java.util.Map;
import nndl.util.Matrices;
import org.ejml.data.DMatrixRMaj;

/**
 * The four gradients of the PA2 derivation, each shaped like its parameter.
 *
 * @param dWo H×K ∂L/∂W_o
 * @param dbo 1×K ∂L/∂b_o
 * @param dWh F×H ∂L/∂W_h
 * @param dbh 1×H ∂L/∂b_h
 */
public record Pa2Gradients(DMatrixRMaj dWo, DMatrixRMaj dbo, DMatrixRMaj dWh, DMatrixRMaj dbh) {
    /** The gradients keyed by their parameter's name in {@link Pa2Net#params()}: Wh, bh, Wo, bo. */
    public Map<String, DMatrixRMaj> byName() {
        Map<String, DMatrixRMaj> out = new LinkedHashMap<>();
        out.put("Wh", dWh);
        out.put("bh", dbh);
        out.put("Wo", dWo);
        out.put("bo", dbo);
        return out;
    }

    @Override
    public String toString() {
        return "Pa2Gradients(dWo " + Matrices.shape(dWo) + ", dbo " + Matrices.shape(dbo) + ", dWh "
                + Matrices.shape(dWh) + ", dbh " + Matrices.shape(dbh) + ")";
    }
}
