package nndl.random;

import org.ejml.data.DMatrixRMaj;

/** Turns a numpy shape into the library's N×D matrix form. */
final class NpShape {
    private NpShape() {
    }

    static DMatrixRMaj matrix(String function, int... shape) {
        if (shape.length == 0) {
            throw new IllegalArgumentException(function + ": give a shape, e.g. (5, 4)");
        }
        long rest = 1;
        for (int i = 1; i < shape.length; i++) {
            rest *= shape[i];
        }
        for (int d : shape) {
            if (d < 0) {
                throw new IllegalArgumentException(function + ": negative dimensions are not allowed, got " + java.util.Arrays.toString(shape));
            }
        }
        if (shape.length == 1) {
            return new DMatrixRMaj(1, shape[0]);
        }
        if ((long) shape[0] * rest > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(function + ": shape " + java.util.Arrays.toString(shape) + " is too large");
        }
        return new DMatrixRMaj(shape[0], (int) rest);
    }
}
