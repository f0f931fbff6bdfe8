package nndl.bench;

import nndl.internal.GemmBackend;
import nndl.random.RandomState;
import org.ejml.data.DMatrixRMaj;

import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * The matrix products of one training step of the two-layer net in neural_net.py's layout (W1 is H×D,
 * W2 is C×H, rows are samples): forward {@code X·W1ᵀ} and {@code h·W2ᵀ}, backward
 * {@code dW2 = dscoresᵀ·h}, {@code dh = dscores·W2} and {@code dW1 = dhᵀ·X}; the input gradient is
 * never formed. Operands are fixed random matrices and outputs reused buffers, so a run costs the
 * products and nothing else: the floor under a real step.
 */
public final class StepProducts {
    /**
     * One product of the step.
     *
     * @param id           short key shared with the NumPy reference (xw1t, hw2t, dw2, dh, dw1)
     * @param name         the formula
     * @param shapes       operand shapes, "M×K · K×N"
     * @param multiplyAdds M·N·K
     * @param run          computes the product on a backend into its reused output
     */
    public record Product(String id, String name, String shapes, long multiplyAdds, Consumer<GemmBackend> run) {
    }

    private final int batch;
    private final int inputSize;
    private final int hidden;
    private final int classes;
    private final List<Product> products;

    /**
     * Random operands for a step.
     *
     * @param batch     N, samples per batch
     * @param inputSize D, input dimension
     * @param hidden    H, hidden units
     * @param classes   C, classes
     * @param seed      seed of the RandomState filling the operands
     */
    public StepProducts(int batch, int inputSize, int hidden, int classes, long seed) {
        this.batch = batch;
        this.inputSize = inputSize;
        this.hidden = hidden;
        this.classes = classes;
        RandomState random = new RandomState(seed);
        DMatrixRMaj x = random.randn(batch, inputSize);
        DMatrixRMaj w1 = random.randn(hidden, inputSize);
        DMatrixRMaj w2 = random.randn(classes, hidden);
        DMatrixRMaj h = random.randn(batch, hidden);
        DMatrixRMaj dscores = random.randn(batch, classes);
        DMatrixRMaj dh = random.randn(batch, hidden);
        DMatrixRMaj hidIn = new DMatrixRMaj(batch, hidden);
        DMatrixRMaj scores = new DMatrixRMaj(batch, classes);
        DMatrixRMaj dw2 = new DMatrixRMaj(classes, hidden);
        DMatrixRMaj dhOut = new DMatrixRMaj(batch, hidden);
        DMatrixRMaj dw1 = new DMatrixRMaj(hidden, inputSize);
        long n = batch, d = inputSize, hh = hidden, c = classes;
        products = List.of(
                new Product("xw1t", "X·W1ᵀ", dims(batch, inputSize, inputSize, hidden), n * d * hh,
                        g -> g.gemm(false, true, 1.0, x, w1, 0.0, hidIn)),
                new Product("hw2t", "h·W2ᵀ", dims(batch, hidden, hidden, classes), n * hh * c,
                        g -> g.gemm(false, true, 1.0, h, w2, 0.0, scores)),
                new Product("dw2", "dW2 = dscoresᵀ·h", dims(classes, batch, batch, hidden), c * n * hh,
                        g -> g.gemm(true, false, 1.0, dscores, h, 0.0, dw2)),
                new Product("dh", "dh = dscores·W2", dims(batch, classes, classes, hidden), n * c * hh,
                        g -> g.gemm(false, false, 1.0, dscores, w2, 0.0, dhOut)),
                new Product("dw1", "dW1 = dhᵀ·X", dims(hidden, batch, batch, inputSize), hh * n * d,
                        g -> g.gemm(true, false, 1.0, dh, x, 0.0, dw1)));
    }

    /** The seed's sizes: N = 200, D = 3,072, H = 50, C = 10. */
    public static StepProducts seedSizes(long seed) {
        return new StepProducts(200, 3072, 50, 10, seed);
    }

    /** The step's products in order. */
    public List<Product> products() {
        return products;
    }

    /** Runs every product of one step on {@code backend}. */
    public void runStep(GemmBackend backend) {
        for (Product product : products) {
            product.run().accept(backend);
        }
    }

    /** Floating-point operations of one step (2 per multiply-add). */
    public double flopsPerStep() {
        return 2.0 * products.stream().mapToLong(Product::multiplyAdds).sum();
    }

    private static String dims(int m, int k, int k2, int n) {
        return m + "×" + k + " · " + k2 + "×" + n;
    }

    @Override
    public String toString() {
        return "StepProducts[N=" + batch + ", D=" + inputSize + ", H=" + hidden + ", C=" + classes
                + ", " + products.size() + " products, " + String.format(Locale.ROOT, "%.1f", flopsPerStep() / 1e6) + " MFLOP/step]";
    }
}
