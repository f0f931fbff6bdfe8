package nndl.viz;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProgressTest {

    @Test
    void linesCountStepsAndEstimateTheTimeLeft() {
        assertEquals("SGD: 350 / 1000 (35%), loss 1.9234, 14 s so far, about 26 s left",
                Progress.text("SGD", 350, 1000, 1.92341, 14.0));
        assertEquals("SGD: 1000 / 1000 (100%), loss 1.5000, done in 2 min 05 s",
                Progress.text("SGD", 1000, 1000, 1.5, 125.2));
        assertEquals("sweep: 0 / 4 (0%), loss NaN, 0 s so far, time left unknown", Progress.text("sweep", 0, 4, Double.NaN, 0.2));
        assertEquals("<div style=\"font-family: monospace\"><progress value=\"1\" max=\"2\" style=\"width: 16em; "
                + "vertical-align: middle\"></progress> a&lt;b: 1 / 2 (50%), loss 1.0000, 1 s so far, about 1 s left</div>",
                Progress.html("a<b", 1, 2, 1.0, 1.0));
    }

    @Test
    void refreshesAtMostEveryHalfSecondAndAlwaysShowsTheLastStep() {
        long[] now = {0};
        List<String> shown = new ArrayList<>();
        Progress progress = new Progress("t", () -> now[0], (text, html) -> shown.add(text));
        for (int step = 1; step <= 10; step++) {
            now[0] = step * 200_000_000L;  // 0.2 s per step
            progress.progress(step, 10, step);
        }
        // Shown when made (0 s), then at 0.6 s, 1.2 s, 1.8 s and for the last step at 2.0 s.
        assertEquals(List.of("t: starting", "t: 3 / 10 (30%), loss 3.0000, 1 s so far, about 1 s left",
                "t: 6 / 10 (60%), loss 6.0000, 1 s so far, about 1 s left",
                "t: 9 / 10 (90%), loss 9.0000, 2 s so far, about 0 s left",
                "t: 10 / 10 (100%), loss 10.0000, done in 2 s"), shown);
    }

    @Test
    void outsideAKernelItPrintsNothing() {
        PrintStream original = System.out;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try {
            Progress progress = Progress.of("quiet");
            progress.progress(1, 2, 0.5);
            progress.progress(2, 2, 0.25);
        } finally {
            System.setOut(original);
        }
        assertEquals("", bytes.toString(StandardCharsets.UTF_8));
    }
}
