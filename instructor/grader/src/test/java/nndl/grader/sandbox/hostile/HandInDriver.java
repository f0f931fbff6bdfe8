package nndl.grader.sandbox.hostile;

import nndl.layers.Forward;
import nndl.layers.Relu;
import org.ejml.data.DMatrixRMaj;

/**
 * Calls a hand-in's {@code Relu.reluForward} once, as the judge's worker would, and prints its output
 * or the exception's type. HostileHandInsTest runs it in the sandbox on each hostile hand-in.
 */
public final class HandInDriver {
    private HandInDriver() {
    }

    public static void main(String[] args) {
        DMatrixRMaj x = new DMatrixRMaj(2, 2, true, -1, 2, 3, -4);
        try {
            Forward<Relu.Cache> f = Relu.reluForward(x);
            System.out.println("RESULT " + java.util.Arrays.toString(f.out().data));
        } catch (RuntimeException e) {
            System.out.println("THREW " + e.getClass().getName());
        }
    }
}
