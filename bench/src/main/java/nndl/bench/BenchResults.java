package nndl.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What {@link Bench} measured, every time in seconds (per 1,000 iterations for the step, the floors and
 * NumPy; per whole sweep for the sweeps), and the lines it ends with.
 *
 * @param step             the Java training loop ({@code TwoLayerNet.train}) on all cores
 * @param floor            its matrix products alone, on one core
 * @param floorAllCores    its matrix products alone, on all cores (as the step runs them)
 * @param numpy            NumPy running the seed's loop on one OpenBLAS thread, or null
 * @param numpyAsInstalled NumPy as installed (no OPENBLAS_* settings: all cores), or null
 * @param sweepSequential  the quick sweep, one configuration at a time on one core, or null when not run
 * @param sweepParallel    the quick sweep, configurations in parallel, or null when not run
 * @param blas             the active backend's short name (openblas, ejml, ...)
 */
public record BenchResults(Timing step, Timing floor, Timing floorAllCores, Timing numpy, Timing numpyAsInstalled,
                           Timing sweepSequential, Timing sweepParallel, String blas) {

    /** Checks that the step, the floors and the backend are there. */
    public BenchResults {
        if (step == null || floor == null || floorAllCores == null || blas == null) {
            throw new IllegalArgumentException("BenchResults: step, floor, floorAllCores and blas are required");
        }
    }

    /** {@code a / b} of the medians, NaN when either is missing. */
    public static double ratio(Timing a, Timing b) {
        return a == null || b == null ? Double.NaN : a.median() / b.median();
    }

    /**
     * The machine-readable lines: ratios, the all-cores floor and the NumPy times first
     * ({@code bench.step_to_floor_ratio} is the step over its all-cores floor, the floor it runs on;
     * {@code bench.numpy_step_seconds_per_1000} is NumPy on one thread), then, as the last lines,
     * {@code bench.step_seconds_per_1000}, {@code bench.floor_seconds_per_1000} (one core),
     * {@code bench.sweep_quick_seconds_sequential}, {@code bench.sweep_quick_seconds_parallel} (when the
     * sweep ran) and {@code bench.blas}; values are medians.
     */
    public List<String> machineLines() {
        List<String> lines = new ArrayList<>();
        lines.add(line("bench.step_to_floor_ratio", ratio(step, floorAllCores)));
        lines.add(line("bench.floor_all_cores_seconds_per_1000", floorAllCores.median()));
        if (numpy != null) {
            lines.add(line("bench.numpy_step_seconds_per_1000", numpy.median()));
            lines.add(line("bench.step_to_numpy_ratio", ratio(step, numpy)));
        }
        if (numpyAsInstalled != null) {
            lines.add(line("bench.numpy_as_installed_step_seconds_per_1000", numpyAsInstalled.median()));
            lines.add(line("bench.step_to_numpy_as_installed_ratio", ratio(step, numpyAsInstalled)));
        }
        lines.add(line("bench.step_seconds_per_1000", step.median()));
        lines.add(line("bench.floor_seconds_per_1000", floor.median()));
        if (sweepSequential != null && sweepParallel != null) {
            lines.add(line("bench.sweep_quick_seconds_sequential", sweepSequential.median()));
            lines.add(line("bench.sweep_quick_seconds_parallel", sweepParallel.median()));
        }
        lines.add("bench.blas=" + blas);
        return lines;
    }

    /** {@code key=value} with four decimals, {@code nan} for a missing value. */
    static String line(String key, double value) {
        return key + "=" + (Double.isNaN(value) ? "nan" : String.format(Locale.ROOT, "%.4f", value));
    }

    /**
     * One table row: the label padded to {@code width}, then the median, the spread and the run count,
     * and the load average after the measurement.
     */
    static String row(String label, int width, Timing timing, String load) {
        String cells = timing == null ? "—"
                : String.format(Locale.ROOT, "%8.3f  (%.3f–%.3f, %d runs)", timing.median(), timing.min(), timing.max(),
                timing.seconds().length);
        return String.format(Locale.ROOT, "  %-" + width + "s %-34s%s", label, cells, load == null ? "" : "  load " + load);
    }

    /** One table row holding a ratio of medians, e.g. {@code 1.18×}. */
    static String ratioRow(String label, int width, double ratio) {
        return String.format(Locale.ROOT, "  %-" + width + "s %8s", label, Double.isNaN(ratio) ? "—" : String.format(Locale.ROOT, "%.2f×", ratio));
    }
}
