package nndl.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class BenchResultsTest {
    private static final Timing STEP = new Timing("step", new double[] {4.4, 4.0, 4.2});
    private static final Timing FLOOR = new Timing("floor", new double[] {3.5, 3.3});
    private static final Timing FLOOR_ALL = new Timing("floor all cores", new double[] {2.1});
    private static final Timing NUMPY = new Timing("numpy", new double[] {5.25});

    @Test
    void ratiosAreOfMedians() {
        assertEquals(4.2 / 3.4, BenchResults.ratio(STEP, FLOOR), 1e-15);
        assertEquals(0.8, BenchResults.ratio(STEP, NUMPY), 1e-15);
        assertTrue(Double.isNaN(BenchResults.ratio(STEP, null)));
    }

    @Test
    void specLinesComeLastInTheirOrder() {
        BenchResults r = new BenchResults(STEP, FLOOR, FLOOR_ALL, NUMPY, new Timing("as installed", new double[] {8.4}),
                new Timing("seq", new double[] {15.0, 14.0, 16.0}), new Timing("par", new double[] {8.0, 8.5}), "openblas");
        List<String> lines = r.machineLines();
        assertEquals(List.of(
                "bench.step_to_floor_ratio=2.0000",
                "bench.floor_all_cores_seconds_per_1000=2.1000",
                "bench.numpy_step_seconds_per_1000=5.2500",
                "bench.step_to_numpy_ratio=0.8000",
                "bench.numpy_as_installed_step_seconds_per_1000=8.4000",
                "bench.step_to_numpy_as_installed_ratio=0.5000",
                "bench.step_seconds_per_1000=4.2000",
                "bench.floor_seconds_per_1000=3.4000",
                "bench.sweep_quick_seconds_sequential=15.0000",
                "bench.sweep_quick_seconds_parallel=8.2500",
                "bench.blas=openblas"), lines);
        for (String line : lines) {
            assertTrue(line.matches("bench\\.[a-z0-9_]+=([0-9]+\\.[0-9]{4}|nan|[a-z]+)"), line);
        }
    }

    @Test
    void withoutNumpyOrSweepTheirLinesAreLeftOut() {
        List<String> lines = new BenchResults(STEP, FLOOR, FLOOR_ALL, null, null, null, null, "ejml").machineLines();
        assertEquals(List.of("bench.step_to_floor_ratio=2.0000", "bench.floor_all_cores_seconds_per_1000=2.1000",
                "bench.step_seconds_per_1000=4.2000",
                "bench.floor_seconds_per_1000=3.4000", "bench.blas=ejml"), lines);
        assertEquals("bench.x=nan", BenchResults.line("bench.x", Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> new BenchResults(STEP, FLOOR, null, null, null, null, null, "ejml"));
    }

    @Test
    void rowsShowMedianSpreadRunsAndLoad() {
        assertEquals("  step      4.200  (4.000–4.400, 3 runs)     load 1.52", BenchResults.row("step", 6, STEP, "1.52"));
        assertEquals("  numpy  —                                 ", BenchResults.row("numpy", 6, null, null));
        assertEquals("  ratio     1.24×", BenchResults.ratioRow("ratio", 6, BenchResults.ratio(STEP, FLOOR)));
        assertEquals("  ratio         —", BenchResults.ratioRow("ratio", 6, Double.NaN));
    }
}
