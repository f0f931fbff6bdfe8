package nndl.data;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;

/** The shared real-data folder named by the {@code nndl.sharedDatasets} system property (set by surefire). */
public final class SharedDatasets {
    private SharedDatasets() {
    }

    /** The datasets folder; fails the test with a clear message when it is not configured or absent. */
    public static Path dir() {
        String property = System.getProperty("nndl.sharedDatasets");
        if (property == null || property.isBlank()) {
            fail("system property nndl.sharedDatasets is not set: it must name the shared datasets folder"
                    + " (surefire sets it; from an IDE pass -Dnndl.sharedDatasets=/path/to/shared/datasets)");
        }
        Path dir = Path.of(property).toAbsolutePath().normalize();
        if (!Files.isDirectory(dir.resolve("cifar-10-subset")) || !Files.isDirectory(dir.resolve("mnist-subset"))) {
            fail("nndl.sharedDatasets = " + dir + " does not hold cifar-10-subset/ and mnist-subset/");
        }
        return dir;
    }
}
