package nndl.grader.sandbox.hostile;

import dev.ludovic.netlib.blas.NativeBLAS;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/** What the notebook kernel's JVM does first: EJML products and a dgemm on the native BLAS (OpenBLAS). */
public final class KernelLike {
    private KernelLike() {
    }

    public static void main(String[] args) throws IOException {
        DMatrixRMaj a = new DMatrixRMaj(2, 3, true, 1, 2, 3, 4, 5, 6);
        DMatrixRMaj b = new DMatrixRMaj(3, 2, true, 1, 0, 0, 1, 1, 1);
        DMatrixRMaj c = new DMatrixRMaj(2, 2);
        CommonOps_DDRM.mult(a, b, c);
        System.out.println("EJML " + c.get(0, 0) + " " + c.get(0, 1) + " " + c.get(1, 0) + " " + c.get(1, 1));
        // As nndl.internal.NativeGemm does: the JNI binding, which dlopens libblas.so.3 (OpenBLAS on Debian).
        NativeBLAS blas = NativeBLAS.getInstance();
        double[] x = {1, 2, 3, 4};
        double[] y = {1, 0, 0, 1};
        double[] z = new double[4];
        blas.dgemm("N", "N", 2, 2, 2, 1.0, x, 2, y, 2, 0.0, z, 2);
        System.out.println("BLAS " + blas.getClass().getName() + " " + z[0] + " " + z[1] + " " + z[2] + " " + z[3]);
        boolean openBlas = Files.readAllLines(Path.of("/proc/self/maps")).stream().anyMatch(l -> l.contains("libopenblas"));
        System.out.println("OpenBLAS mapped: " + openBlas);
    }
}
