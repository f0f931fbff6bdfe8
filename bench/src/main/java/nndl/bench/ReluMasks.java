package nndl.bench;

import java.util.Locale;
import nndl.random.RandomState;
import nndl.util.Matrices;
import org.ejml.data.DMatrixRMaj;

/**
 * The ReLU gradient mask of the step (200×50) written with a branch per element, as a loop would
 * write it, and as the model answers write it ({@link Matrices#keepWherePositive}, no branch), on 64
 * random patterns in turn so that the branch predictor cannot learn one (docs/performance.md).
 */
final class ReluMasks {
    private static final int PATTERNS = 64;
    private static final int CALLS = 20_000;

    /**
     * Microseconds per mask of each way, medians of {@code runs} runs.
     *
     * @param branching the loop {@code if (hidden <= 0) dHidden = 0}
     * @param branchless {@code Matrices.keepWherePositive(dHidden, hidden)}
     */
    record Result(double branching, double branchless) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%.1f µs with a branch per element, %.1f µs without (Matrices.keepWherePositive)",
                    branching, branchless);
        }
    }

    private ReluMasks() {
    }

    static Result measure(int runs) {
        RandomState random = new RandomState(17);
        DMatrixRMaj[] hidden = new DMatrixRMaj[PATTERNS];
        DMatrixRMaj[] upstream = new DMatrixRMaj[PATTERNS];
        for (int k = 0; k < PATTERNS; k++) {
            hidden[k] = random.randn(Bench.BATCH, Bench.HIDDEN);
            upstream[k] = random.randn(Bench.BATCH, Bench.HIDDEN);
        }
        DMatrixRMaj gradient = new DMatrixRMaj(Bench.BATCH, Bench.HIDDEN);
        Runnable branching = () -> {
            for (int call = 0; call < CALLS; call++) {
                DMatrixRMaj h = hidden[call % PATTERNS];
                System.arraycopy(upstream[call % PATTERNS].data, 0, gradient.data, 0, gradient.data.length);
                for (int i = 0; i < gradient.data.length; i++) {
                    if (h.data[i] <= 0) {
                        gradient.data[i] = 0.0;
                    }
                }
            }
        };
        Runnable branchless = () -> {
            for (int call = 0; call < CALLS; call++) {
                System.arraycopy(upstream[call % PATTERNS].data, 0, gradient.data, 0, gradient.data.length);
                Matrices.keepWherePositive(gradient, hidden[call % PATTERNS]);
            }
        };
        double perCall = 1e6 / CALLS;
        return new Result(Timing.measure("branching mask", 1, runs, branching).median() * perCall,
                Timing.measure("keepWherePositive", 1, runs, branchless).median() * perCall);
    }
}
