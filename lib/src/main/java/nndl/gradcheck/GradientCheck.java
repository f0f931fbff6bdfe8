package nndl.gradcheck;

import java.io.PrintStream;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import java.util.function.UnaryOperator;
import nndl.random.NpRandom;
import nndl.random.RandomState;
import nndl.util.Checks;
import nndl.util.Matrices;
import org.ejml.data.DMatrixRMaj;

/**
 * Numerical gradients by centred differences and the relative error used to compare them with
 * analytic ones, the seed's {@code gradient_check.py} and {@code rel_error}.
 *
 * <p>As in the seed, the numerical gradient perturbs the entries of {@code x} <em>in place</em> and
 * restores each one before moving on (also when {@code f} throws). That is what lets a function that
 * ignores its argument check a model's own parameter matrix:
 * {@code evalNumericalGradient(w -> net.loss(X, y, 0.05).loss(), net.params().get("W1"))}.
 */
public final class GradientCheck {
    /** The seed's default step. */
    public static final double DEFAULT_H = 1e-5;

    private GradientCheck() {
    }

    /**
     * Computes the numerical gradient of the scalar function {@code f} at {@code x} with step 1e-5, silently.
     *
     * @param f scalar function of a matrix; it may read {@code x} or ignore its argument and read shared state
     * @param x the point, any shape (each entry is temporarily changed by ±h and then restored)
     * @return df/dx, a new matrix of x's shape
     */
    public static DMatrixRMaj evalNumericalGradient(ToDoubleFunction<DMatrixRMaj> f, DMatrixRMaj x) {
        return evalNumericalGradient(f, x, false, DEFAULT_H);
    }

    /** As {@link #evalNumericalGradient(ToDoubleFunction, DMatrixRMaj)}, printing each entry when {@code verbose}. */
    public static DMatrixRMaj evalNumericalGradient(ToDoubleFunction<DMatrixRMaj> f, DMatrixRMaj x, boolean verbose) {
        return evalNumericalGradient(f, x, verbose, DEFAULT_H);
    }

    /**
     * Computes the numerical gradient {@code (f(x + h·eᵢ) − f(x − h·eᵢ))/(2h)} for every entry i.
     *
     * @param f       scalar function of a matrix
     * @param x       the point, any shape (each entry is temporarily changed by ±h and then restored)
     * @param verbose print {@code (row, col) gradient} per entry, as the seed does
     * @param h       the step, positive
     * @return df/dx, a new matrix of x's shape
     */
    public static DMatrixRMaj evalNumericalGradient(ToDoubleFunction<DMatrixRMaj> f, DMatrixRMaj x, boolean verbose, double h) {
        requireStep("evalNumericalGradient", h);
        DMatrixRMaj grad = new DMatrixRMaj(x.numRows, x.numCols);
        for (int i = 0; i < x.getNumElements(); i++) {
            double old = x.data[i];
            try {
                x.data[i] = old + h;
                double plus = f.applyAsDouble(x);
                x.data[i] = old - h;
                double minus = f.applyAsDouble(x);
                grad.data[i] = (plus - minus) / (2 * h);
            } finally {
                x.data[i] = old;
            }
            if (verbose) {
                System.out.println("(" + i / x.numCols + ", " + i % x.numCols + ") " + grad.data[i]);
            }
        }
        return grad;
    }

    /** {@link #evalNumericalGradientArray(UnaryOperator, DMatrixRMaj, DMatrixRMaj, double)} with step 1e-5. */
    public static DMatrixRMaj evalNumericalGradientArray(UnaryOperator<DMatrixRMaj> f, DMatrixRMaj x, DMatrixRMaj dout) {
        return evalNumericalGradientArray(f, x, dout, DEFAULT_H);
    }

    /**
     * Computes the numerical gradient of {@code Σ f(x)·dout} for a matrix-valued {@code f}, the seed's
     * {@code eval_numerical_gradient_array}: entry i is {@code Σ((f(x + h·eᵢ) − f(x − h·eᵢ))·dout)/(2h)}.
     *
     * @param f    matrix function, e.g. a layer's forward output as a function of one input
     * @param x    the point, any shape (each entry is temporarily changed by ±h and then restored)
     * @param dout upstream gradient, the shape of f(x) (not modified)
     * @param h    the step, positive
     * @return a new matrix of x's shape
     */
    public static DMatrixRMaj evalNumericalGradientArray(UnaryOperator<DMatrixRMaj> f, DMatrixRMaj x, DMatrixRMaj dout, double h) {
        requireStep("evalNumericalGradientArray", h);
        DMatrixRMaj grad = new DMatrixRMaj(x.numRows, x.numCols);
        for (int i = 0; i < x.getNumElements(); i++) {
            double old = x.data[i];
            try {
                x.data[i] = old + h;
                DMatrixRMaj plus = f.apply(x).copy();
                x.data[i] = old - h;
                DMatrixRMaj minus = f.apply(x);
                if (plus.numRows != dout.numRows || plus.numCols != dout.numCols) {
                    throw new IllegalArgumentException("evalNumericalGradientArray: f(x) is " + Matrices.shape(plus)
                            + " but dout is " + Matrices.shape(dout));
                }
                double sum = 0.0;
                for (int k = 0; k < dout.getNumElements(); k++) {
                    sum += (plus.data[k] - minus.data[k]) * dout.data[k];
                }
                grad.data[i] = sum / (2 * h);
            } finally {
                x.data[i] = old;
            }
        }
        return grad;
    }

    /**
     * Compares {@code numChecks} randomly chosen entries of an analytic gradient with centred differences,
     * printing the seed's line {@code numerical: %f analytic: %f, relative error: %e} for each; entries are
     * drawn from the global {@link NpRandom}.
     *
     * @return the relative error of each check
     * @see #gradCheckSparse(ToDoubleFunction, DMatrixRMaj, DMatrixRMaj, int, double, RandomState, PrintStream)
     */
    public static double[] gradCheckSparse(ToDoubleFunction<DMatrixRMaj> f, DMatrixRMaj x, DMatrixRMaj analyticGrad, int numChecks) {
        return gradCheckSparse(f, x, analyticGrad, numChecks, DEFAULT_H, NpRandom.global(), System.out);
    }

    /** As {@link #gradCheckSparse(ToDoubleFunction, DMatrixRMaj, DMatrixRMaj, int)} with step {@code h}. */
    public static double[] gradCheckSparse(ToDoubleFunction<DMatrixRMaj> f, DMatrixRMaj x, DMatrixRMaj analyticGrad, int numChecks,
                                           double h) {
        return gradCheckSparse(f, x, analyticGrad, numChecks, h, NpRandom.global(), System.out);
    }

    /**
     * Compares {@code numChecks} randomly chosen entries of an analytic gradient with centred differences,
     * the seed's {@code grad_check_sparse}.
     *
     * @param f            scalar function of a matrix
     * @param x            the point (each checked entry is temporarily changed by ±h and then restored)
     * @param analyticGrad the gradient to check, the shape of x (not modified)
     * @param numChecks    how many entries to check (with replacement), non-negative
     * @param h            the step, positive
     * @param random       source of the entry indices: a row, then a column, per check
     * @param out          where the lines go (null: nowhere)
     * @return the relative error {@code |num − ana|/(|num| + |ana|)} of each check (0 when both are 0)
     */
    public static double[] gradCheckSparse(ToDoubleFunction<DMatrixRMaj> f, DMatrixRMaj x, DMatrixRMaj analyticGrad,
                                           int numChecks, double h, RandomState random, PrintStream out) {
        requireStep("gradCheckSparse", h);
        if (x.getNumElements() == 0) {
            throw new IllegalArgumentException("gradCheckSparse: x is empty (" + Matrices.shape(x) + ")");
        }
        if (numChecks < 0) {
            throw new IllegalArgumentException("gradCheckSparse: numChecks must not be negative, got " + numChecks);
        }
        Checks.sameShape("gradCheckSparse", x, analyticGrad);
        double[] errors = new double[numChecks];
        for (int c = 0; c < numChecks; c++) {
            int i = (int) random.nextBounded(x.numRows - 1L) * x.numCols + (int) random.nextBounded(x.numCols - 1L);
            double old = x.data[i];
            double numerical;
            try {
                x.data[i] = old + h;
                double plus = f.applyAsDouble(x);
                x.data[i] = old - h;
                numerical = (plus - f.applyAsDouble(x)) / (2 * h);
            } finally {
                x.data[i] = old;
            }
            double analytic = analyticGrad.data[i];
            double denominator = Math.abs(numerical) + Math.abs(analytic);
            errors[c] = denominator == 0 ? 0.0 : Math.abs(numerical - analytic) / denominator;
            if (out != null) {
                out.println(String.format(Locale.ROOT, "numerical: %f analytic: %f, relative error: %e", numerical, analytic, errors[c]));
            }
        }
        return errors;
    }

    /**
     * Computes the seed's relative error {@code max(|x − y| / max(1e-8, |x| + |y|))} over all entries.
     *
     * @param x any shape (not modified)
     * @param y the shape of x (not modified)
     * @return the largest entrywise relative error (0 for empty matrices)
     */
    public static double relError(DMatrixRMaj x, DMatrixRMaj y) {
        if (x.numRows != y.numRows || x.numCols != y.numCols) {
            throw new IllegalArgumentException("relError: x is " + Matrices.shape(x) + " but y is " + Matrices.shape(y));
        }
        double worst = 0.0;
        for (int i = 0; i < x.getNumElements(); i++) {
            worst = Math.max(worst, relError(x.data[i], y.data[i]));
        }
        return worst;
    }

    /** The seed's relative error for two numbers: {@code |x − y| / max(1e-8, |x| + |y|)}. */
    public static double relError(double x, double y) {
        double error = Math.abs(x - y) / Math.max(1e-8, Math.abs(x) + Math.abs(y));
        return Double.isNaN(error) ? Double.POSITIVE_INFINITY : error;
    }

    /**
     * Checks an analytic gradient of a scalar function against the numerical one (step 1e-5), for the
     * hand derivations of the backprop exercises.
     *
     * @param f            scalar function of a matrix
     * @param x            the point (entries temporarily changed and restored)
     * @param analyticGrad the derived gradient, the shape of x (not modified)
     * @return {@code relError(numerical, analyticGrad)}
     */
    public static double checkGradient(ToDoubleFunction<DMatrixRMaj> f, DMatrixRMaj x, DMatrixRMaj analyticGrad) {
        Checks.sameShape("checkGradient", x, analyticGrad);
        return relError(evalNumericalGradient(f, x), analyticGrad);
    }

    private static void requireStep(String function, double h) {
        if (!(h > 0) || Double.isInfinite(h)) {
            throw new IllegalArgumentException(function + ": step h must be positive, got " + h);
        }
    }
}
