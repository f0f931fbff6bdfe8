package nndl.optim;

import nndl.util.Checks;
import org.ejml.data.DMatrixRMaj;

/**
 * The update rules of cs231n's {@code optim.py} as functions a notebook can call on their own:
 * each takes the parameter, its gradient, the hyperparameters and the rule's state, overwrites the
 * parameter with {@code next_w}, advances the state in place, and returns the parameter. The same
 * maths backs {@link UpdateRule#update}, so these are exactly what the Solver runs.
 */
public final class Optim {
    private Optim() {
    }

    /**
     * Vanilla SGD with cs231n's default learning rate 1e-2.
     *
     * @param w  parameter, any shape (modified: becomes next_w)
     * @param dw gradient, same shape as {@code w} (not modified)
     * @return {@code w}
     */
    public static DMatrixRMaj sgd(DMatrixRMaj w, DMatrixRMaj dw) {
        return sgd(w, dw, new Sgd());
    }

    /**
     * Vanilla SGD: {@code w -= learning_rate * dw}.
     *
     * @param w      parameter, any shape (modified: becomes next_w)
     * @param dw     gradient, same shape as {@code w} (not modified)
     * @param config hyperparameters
     * @return {@code w}
     */
    public static DMatrixRMaj sgd(DMatrixRMaj w, DMatrixRMaj dw, Sgd config) {
        Checks.sameShapeNotNull("sgd", "w", w, "dw", dw);
        Checks.notNull("sgd", "config", config);
        double lr = config.learningRate();
        double[] wd = w.data;
        double[] g = dw.data;
        int n = w.getNumElements();
        for (int i = 0; i < n; i++) {
            wd[i] -= lr * g[i];
        }
        return w;
    }

    /**
     * SGD with momentum: {@code v = momentum * v - learning_rate * dw; w += v}.
     *
     * @param w      parameter, any shape (modified: becomes next_w)
     * @param dw     gradient, same shape as {@code w} (not modified)
     * @param config hyperparameters
     * @param state  velocity, same shape as {@code w} (modified: becomes the next velocity)
     * @return {@code w}
     */
    public static DMatrixRMaj sgdMomentum(DMatrixRMaj w, DMatrixRMaj dw, SgdMomentum config, SgdMomentum.State state) {
        Checks.sameShapeNotNull("sgdMomentum", "w", w, "dw", dw);
        Checks.notNull("sgdMomentum", "config", config);
        Checks.notNull("sgdMomentum", "state", state);
        Checks.sameShapeNotNull("sgdMomentum", "w", w, "velocity", state.velocity());
        double lr = config.learningRate();
        double mu = config.momentum();
        double[] wd = w.data;
        double[] g = dw.data;
        double[] v = state.velocity().data;
        int n = w.getNumElements();
        for (int i = 0; i < n; i++) {
            v[i] = mu * v[i] - lr * g[i];
            wd[i] += v[i];
        }
        return w;
    }

    /**
     * RMSProp: {@code cache = decay_rate * cache + (1 - decay_rate) * dw²;
     * w -= learning_rate * dw / (√cache + epsilon)}.
     *
     * @param w      parameter, any shape (modified: becomes next_w)
     * @param dw     gradient, same shape as {@code w} (not modified)
     * @param config hyperparameters
     * @param state  squared-gradient cache, same shape as {@code w} (modified: becomes the next cache)
     * @return {@code w}
     */
    public static DMatrixRMaj rmsprop(DMatrixRMaj w, DMatrixRMaj dw, RmsProp config, RmsProp.State state) {
        Checks.sameShapeNotNull("rmsprop", "w", w, "dw", dw);
        Checks.notNull("rmsprop", "config", config);
        Checks.notNull("rmsprop", "state", state);
        Checks.sameShapeNotNull("rmsprop", "w", w, "cache", state.cache());
        double lr = config.learningRate();
        double decay = config.decayRate();
        double eps = config.epsilon();
        double[] wd = w.data;
        double[] g = dw.data;
        double[] cache = state.cache().data;
        int n = w.getNumElements();
        for (int i = 0; i < n; i++) {
            cache[i] = decay * cache[i] + (1 - decay) * (g[i] * g[i]);
            wd[i] -= lr * g[i] / (Math.sqrt(cache[i]) + eps);
        }
        return w;
    }

    /**
     * Adam with bias correction: {@code t += 1} first, then {@code m = β1·m + (1−β1)·dw},
     * {@code v = β2·v + (1−β2)·dw²}, {@code m̂ = m/(1−β1^t)}, {@code v̂ = v/(1−β2^t)},
     * {@code w −= learning_rate·m̂/(√v̂ + epsilon)}.
     *
     * @param w      parameter, any shape (modified: becomes next_w)
     * @param dw     gradient, same shape as {@code w} (not modified)
     * @param config hyperparameters
     * @param state  moments m and v, same shape as {@code w}, and step count t (all modified)
     * @return {@code w}
     */
    public static DMatrixRMaj adam(DMatrixRMaj w, DMatrixRMaj dw, Adam config, Adam.State state) {
        Checks.sameShapeNotNull("adam", "w", w, "dw", dw);
        Checks.notNull("adam", "config", config);
        Checks.notNull("adam", "state", state);
        Checks.sameShapeNotNull("adam", "w", w, "m", state.m());
        double lr = config.learningRate();
        double b1 = config.beta1();
        double b2 = config.beta2();
        double eps = config.epsilon();
        int t = state.nextStep();
        double correction1 = 1 - Math.pow(b1, t);
        double correction2 = 1 - Math.pow(b2, t);
        double[] wd = w.data;
        double[] g = dw.data;
        double[] m = state.m().data;
        double[] v = state.v().data;
        int n = w.getNumElements();
        for (int i = 0; i < n; i++) {
            m[i] = b1 * m[i] + (1 - b1) * g[i];
            v[i] = b2 * v[i] + (1 - b2) * (g[i] * g[i]);
            double mHat = m[i] / correction1;
            double vHat = v[i] / correction2;
            wd[i] -= lr * mHat / (Math.sqrt(vHat) + eps);
        }
        return w;
    }
}
