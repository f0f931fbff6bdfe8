package nndl.grade;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.gson.Gson;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import nndl.data.DataSplits;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/**
 * jjava-jupyter is a provided dependency: from a plain {@code java -cp nndl-display.jar:nndl-lib.jar:...} command
 * its classes are absent. Loads the library without them and grades a value.
 */
class WithoutKernelClassesTest {
    private static URL location(Class<?> type) {
        return type.getProtectionDomain().getCodeSource().getLocation();
    }

    @Test
    void gradeAndProfileWorkWhenJjavaIsAbsent() throws Exception {
        URL[] classpath = {location(Grade.class), location(DataSplits.class), location(Gson.class), location(DMatrixRMaj.class)};
        try (URLClassLoader loader = new URLClassLoader(classpath, ClassLoader.getPlatformClassLoader())) {
            assertThrows(ClassNotFoundException.class, () -> loader.loadClass("org.dflib.jjava.jupyter.kernel.BaseKernel"));
            Class<?> grade = loader.loadClass("nndl.grade.Grade");
            PrintStream original = System.out;
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
            Object result;
            try {
                result = grade.getMethod("check", String.class, double.class).invoke(null, "fc_nets.relu_backward", 3e-12);
                loader.loadClass("nndl.grade.Profile").getMethod("header", String.class).invoke(null, "fc_nets");
            } finally {
                System.setOut(original);
            }
            String[] lines = bytes.toString(StandardCharsets.UTF_8).split("\\R");
            assertEquals("✓ fc_nets.relu_backward: 3e-12 < 1e-10 — 1/1 points", lines[0]);
            assertEquals(true, lines[1].startsWith("Profile: "));
            assertEquals(1.0, result.getClass().getMethod("earned").invoke(result));
        }
    }
}
