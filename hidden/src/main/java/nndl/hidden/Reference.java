package nndl.hidden;

import java.util.Map;
import org.ejml.data.DMatrixRMaj;

/**
 * Independent reference implementations, written as plain loops, that the hidden checks compare a
 * submission's exercises with. They share no code with the library's model answers, so a submission
 * is measured against the mathematics, not against whatever the library happens to contain.
 */
final class Reference {
    private Reference() {
    }

    /** x: N×D, w: D×M, b: 1×M → N×M {@code x·w + b}. */
    static DMatrixRMaj affine(DMatrixRMaj x, DMatrixRMaj w, DMatrixRMaj b) {
        DMatrixRMaj out = new DMatrixRMaj(x.numRows, w.numCols);
        for (int i = 0; i < x.numRows; i++) {
            for (int j = 0; j < w.numCols; j++) {
                double sum = b.get(0, j);
                for (int k = 0; k < x.numCols; k++) {
                    sum += x.get(i, k) * w.get(k, j);
                }
                out.set(i, j, sum);
            }
        }
        return out;
    }

    /** Any shape → {@code max(0, x)} elementwise. */
    static DMatrixRMaj relu(DMatrixRMaj x) {
        DMatrixRMaj out = x.copy();
        for (int i = 0; i < out.getNumElements(); i++) {
            out.data[i] = Math.max(0.0, out.data[i]);
        }
        return out;
    }

    /** Transpose of an R×C matrix. */
    static DMatrixRMaj transpose(DMatrixRMaj m) {
        DMatrixRMaj t = new DMatrixRMaj(m.numCols, m.numRows);
        for (int i = 0; i < m.numRows; i++) {
            for (int j = 0; j < m.numCols; j++) {
                t.set(j, i, m.get(i, j));
            }
        }
        return t;
    }

    /** scores: N×C, y: N labels → mean of {@code −log softmax(scores_i)[y_i]}. */
    static double softmaxLoss(DMatrixRMaj scores, int[] y) {
        double total = 0.0;
        for (int i = 0; i < scores.numRows; i++) {
            double max = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < scores.numCols; j++) {
                max = Math.max(max, scores.get(i, j));
            }
            double sum = 0.0;
            for (int j = 0; j < scores.numCols; j++) {
                sum += Math.exp(scores.get(i, j) - max);
            }
            total += Math.log(sum) - (scores.get(i, y[i]) - max);
        }
        return total / scores.numRows;
    }

    /** Σ of the squares of every element. */
    static double squaredSum(DMatrixRMaj m) {
        double sum = 0.0;
        for (double v : m.data) {
            sum += v * v;
        }
        return sum;
    }

    /**
     * The scores of the neural_net.py two-layer net (W1: H×D, b1: 1×H, W2: C×H, b2: 1×C) on x: N×D →
     * N×C {@code max(0, x·W1ᵀ + b1)·W2ᵀ + b2}.
     */
    static DMatrixRMaj neuralNetScores(Map<String, DMatrixRMaj> p, DMatrixRMaj x) {
        DMatrixRMaj hidden = relu(affine(x, transpose(p.get("W1")), p.get("b1")));
        return affine(hidden, transpose(p.get("W2")), p.get("b2"));
    }

    /**
     * The scores of a modular fully-connected net of {@code layers} affine layers (W_l: D×M, b_l: 1×M),
     * ReLU between them, on x: N×D → N×C.
     */
    static DMatrixRMaj fcScores(Map<String, DMatrixRMaj> p, int layers, DMatrixRMaj x) {
        DMatrixRMaj a = x;
        for (int l = 1; l <= layers; l++) {
            a = affine(a, p.get("W" + l), p.get("b" + l));
            if (l < layers) {
                a = relu(a);
            }
        }
        return a;
    }

    /** Column convention: W: n×k, aPrev: k×m, b: n×1 → n×m {@code W·aPrev + b}. */
    static DMatrixRMaj linear(DMatrixRMaj w, DMatrixRMaj aPrev, DMatrixRMaj b) {
        return transpose(affine(transpose(aPrev), transpose(w), transpose(b)));
    }

    /** Column convention: z: n×m → the column-wise softmax, n×m. */
    static DMatrixRMaj softmaxColumns(DMatrixRMaj z) {
        DMatrixRMaj t = transpose(z);
        DMatrixRMaj out = new DMatrixRMaj(t.numRows, t.numCols);
        for (int i = 0; i < t.numRows; i++) {
            double max = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < t.numCols; j++) {
                max = Math.max(max, t.get(i, j));
            }
            double sum = 0.0;
            for (int j = 0; j < t.numCols; j++) {
                sum += Math.exp(t.get(i, j) - max);
            }
            for (int j = 0; j < t.numCols; j++) {
                out.set(i, j, Math.exp(t.get(i, j) - max) / sum);
            }
        }
        return transpose(out);
    }

    /** Row convention: x: N×K → the softmax of each row, N×K. */
    static DMatrixRMaj softmaxRows(DMatrixRMaj x) {
        return transpose(softmaxColumns(transpose(x)));
    }

    /** target, prediction: N×K → {@code −(1/N) Σ t·ln p} over the entries where the target is not 0. */
    static double crossEntropy(DMatrixRMaj target, DMatrixRMaj prediction) {
        double sum = 0.0;
        for (int i = 0; i < target.numRows; i++) {
            for (int k = 0; k < target.numCols; k++) {
                if (target.get(i, k) != 0.0) {
                    sum += target.get(i, k) * Math.log(prediction.get(i, k));
                }
            }
        }
        return -sum / target.numRows;
    }

    /** Index of the largest entry of each column of an n×m matrix (the first of equals). */
    static int[] argmaxColumns(DMatrixRMaj a) {
        int[] best = new int[a.numCols];
        for (int j = 0; j < a.numCols; j++) {
            for (int i = 1; i < a.numRows; i++) {
                if (a.get(i, j) > a.get(best[j], j)) {
                    best[j] = i;
                }
            }
        }
        return best;
    }

    /** Index of the largest entry of each row of an N×C matrix (the first of equals). */
    static int[] argmaxRows(DMatrixRMaj a) {
        return argmaxColumns(transpose(a));
    }
}
