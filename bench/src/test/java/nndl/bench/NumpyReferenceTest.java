package nndl.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Parsing a reference script's output; /bin/sh stands in for Python so the test needs no NumPy. */
class NumpyReferenceTest {

    @Test
    void runsAndTimingsAndInfoAreRead(@TempDir Path dir) throws Exception {
        Path script = Files.writeString(dir.resolve("fake.sh"), String.join("\n",
                "echo \"a readable table line\"",
                "echo \"numpy.runs.floor=3.5 2.5 3.0\"",
                "echo \"numpy.runs.xw1t=1.0\"",
                "echo \"numpy.floor_seconds_per_1000=3.0\"",
                "echo \"numpy.openblas_core=SkylakeX\"",
                "echo \"numpy.args=$*\"", ""));
        NumpyReference reference = NumpyReference.run("/bin/sh", script, List.of("--runs", "3"));
        assertNull(reference.problem());
        assertArrayEquals(new double[] {3.5, 2.5, 3.0}, reference.timing("floor").seconds(), 0.0);
        assertEquals(3.0, reference.timing("floor").median());
        assertEquals(1.0, reference.timing("xw1t").median());
        assertEquals("SkylakeX", reference.info().get("openblas_core"));
        assertEquals("3.0", reference.info().get("floor_seconds_per_1000"));
        assertEquals("--runs 3", reference.info().get("args"));
    }

    @Test
    void theTrainingStepScriptsLinesAreRead(@TempDir Path dir) throws Exception {
        Path script = Files.writeString(dir.resolve("step.sh"), String.join("\n",
                "echo \"NumPy 1.24.2 two-layer training, 1000 iterations x 2 runs\"",
                "echo \"numpy.runs.step=6.694038 6.849967\"",
                "echo \"numpy.step_seconds_per_1000=6.772003\"",
                "echo \"numpy.final_loss=2.233747196351332\"",
                "echo \"numpy.openblas_core=Prescott\"", ""));
        NumpyReference reference = NumpyReference.run("/bin/sh", script, List.of());
        assertArrayEquals(new double[] {6.694038, 6.849967}, reference.timing("step").seconds(), 0.0);
        assertEquals((6.694038 + 6.849967) / 2, reference.timing("step").median(), 1e-12);
        assertEquals("2.233747196351332", reference.info().get("final_loss"));
        assertEquals("Prescott", reference.info().get("openblas_core"));
        assertNull(reference.timing("floor"));
    }

    @Test
    void unsetVariablesAreRemovedForTheChild(@TempDir Path dir) throws Exception {
        Path script = Files.writeString(dir.resolve("env.sh"), "echo \"numpy.runs.floor=1\"\necho \"numpy.home=${HOME:-unset}\"\n");
        assertEquals("unset", NumpyReference.run("/bin/sh", script, List.of(), List.of("HOME")).info().get("home"));
    }

    @Test
    void problemsAreNamed(@TempDir Path dir) throws Exception {
        assertTrue(NumpyReference.run("/bin/sh", dir.resolve("missing.py"), List.of()).problem().startsWith("no script at "));
        Path failing = Files.writeString(dir.resolve("fail.sh"), "echo \"numpy.runs.floor=1\"\nexit 3\n");
        assertTrue(NumpyReference.run("/bin/sh", failing, List.of()).problem().contains("exited with 3"));
        assertTrue(NumpyReference.run("/nonexistent/python3", failing, List.of()).problem().startsWith("cannot run /nonexistent/python3"));
    }
}
