package nndl.solver;

import java.util.LinkedHashMap;
import java.util.Map;
import nndl.internal.Gemm;
import nndl.nets.LossAndGrads;
import nndl.nets.Model;
import org.ejml.data.DMatrixRMaj;

/**
 * Test-only model: a linear softmax classifier, scores = X·W + b with W D×C and b 1×C, loss = mean
 * cross-entropy + 0.5·reg·‖W‖². The same maths as the numpy reference in the tests' comments.
 */
final class SoftmaxClassifier implements Model {
    private final Map<String, DMatrixRMaj> params = new LinkedHashMap<>();
    private final double reg;

    SoftmaxClassifier(DMatrixRMaj w, double reg) {
        params.put("W", w);
        params.put("b", new DMatrixRMaj(1, w.numCols));
        this.reg = reg;
    }

    @Override
    public Map<String, DMatrixRMaj> params() {
        return params;
    }

    @Override
    public DMatrixRMaj loss(DMatrixRMaj x) {
        DMatrixRMaj w = params.get("W");
        DMatrixRMaj b = params.get("b");
        DMatrixRMaj scores = Gemm.mult(false, false, x, w);
        for (int r = 0; r < scores.numRows; r++) {
            for (int c = 0; c < scores.numCols; c++) {
                scores.data[r * scores.numCols + c] += b.data[c];
            }
        }
        return scores;
    }

    @Override
    public LossAndGrads loss(DMatrixRMaj x, int[] y) {
        DMatrixRMaj w = params.get("W");
        DMatrixRMaj scores = loss(x);
        int n = x.numRows;
        int c = scores.numCols;
        double loss = 0;
        DMatrixRMaj dscores = new DMatrixRMaj(n, c);
        for (int r = 0; r < n; r++) {
            int base = r * c;
            double max = Double.NEGATIVE_INFINITY;
            for (int k = 0; k < c; k++) {
                max = Math.max(max, scores.data[base + k]);
            }
            double sum = 0;
            for (int k = 0; k < c; k++) {
                dscores.data[base + k] = Math.exp(scores.data[base + k] - max);
                sum += dscores.data[base + k];
            }
            for (int k = 0; k < c; k++) {
                dscores.data[base + k] /= sum;
            }
            loss -= Math.log(dscores.data[base + y[r]]);
            dscores.data[base + y[r]] -= 1;
            for (int k = 0; k < c; k++) {
                dscores.data[base + k] /= n;
            }
        }
        loss /= n;
        double sq = 0;
        for (double v : w.data) {
            sq += v * v;
        }
        loss += 0.5 * reg * sq;
        DMatrixRMaj dw = Gemm.mult(true, false, x, dscores);
        for (int i = 0; i < dw.data.length; i++) {
            dw.data[i] += reg * w.data[i];
        }
        DMatrixRMaj db = new DMatrixRMaj(1, c);
        for (int r = 0; r < n; r++) {
            for (int k = 0; k < c; k++) {
                db.data[k] += dscores.data[r * c + k];
            }
        }
        return new LossAndGrads(loss, Map.of("W", dw, "b", db));
    }
}
