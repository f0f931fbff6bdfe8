package nndl.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class DataMainTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return DataMain.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void findsBothSharedSubsetsWithoutDownloading() {
        String shared = System.getProperty("nndl.sharedDatasets");
        assertTrue(shared != null && Path.of(shared).toFile().isDirectory(), "nndl.sharedDatasets must name the shared datasets, got " + shared);
        assertEquals(0, run("--root", shared, "--profile", "quick"), err.toString(StandardCharsets.UTF_8));
        String text = out.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("CIFAR-10: " + Path.of(shared).toAbsolutePath().normalize().resolve("cifar-10-subset")), text);
        assertTrue(text.contains("in " + Path.of(shared).toAbsolutePath().normalize().resolve("mnist-subset")), text);
    }

    @Test
    void badUsageIsExitTwoWithHelp() {
        assertEquals(2, run("--nope"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("Usage:"));
        assertEquals(0, run("--help"));
    }
}
