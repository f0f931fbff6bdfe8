package nndl.bench;

import java.util.Arrays;
import java.util.Locale;

/**
 * Wall-clock timings of repeated runs of one task: the median is what a benchmark reports, min and
 * max show the spread. Warm-up runs (JIT compilation, first-touch of buffers, thread-pool start) are
 * executed but not recorded.
 *
 * @param label   what was timed
 * @param seconds the recorded run times in seconds, in run order
 */
public record Timing(String label, double[] seconds) {

    /** Checks there is at least one run and copies the array. */
    public Timing {
        if (seconds.length == 0) {
            throw new IllegalArgumentException("Timing: " + label + " has no runs");
        }
        seconds = seconds.clone();
    }

    /**
     * Times {@code task}: {@code warmups} unrecorded runs, then {@code runs} recorded ones.
     *
     * @param label   what is timed
     * @param warmups unrecorded runs first (≥ 0)
     * @param runs    recorded runs (≥ 1)
     * @param task    the work of one run
     * @return the recorded timings
     */
    public static Timing measure(String label, int warmups, int runs, Runnable task) {
        if (warmups < 0 || runs < 1) {
            throw new IllegalArgumentException("Timing.measure: warmups is " + warmups + " and runs " + runs + " (need ≥ 0 and ≥ 1)");
        }
        for (int i = 0; i < warmups; i++) {
            task.run();
        }
        double[] seconds = new double[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            task.run();
            seconds[i] = (System.nanoTime() - start) * 1e-9;
        }
        return new Timing(label, seconds);
    }

    /** The recorded times in seconds (a copy). */
    @Override
    public double[] seconds() {
        return seconds.clone();
    }

    /** Median run time in seconds (mean of the middle two for an even count). */
    public double median() {
        double[] sorted = seconds.clone();
        Arrays.sort(sorted);
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : 0.5 * (sorted[mid - 1] + sorted[mid]);
    }

    /** Fastest run in seconds. */
    public double min() {
        return Arrays.stream(seconds).min().orElseThrow();
    }

    /** Slowest run in seconds. */
    public double max() {
        return Arrays.stream(seconds).max().orElseThrow();
    }

    /** This timing with every run multiplied by {@code factor}, e.g. to report per 1,000 iterations. */
    public Timing scaled(double factor) {
        return new Timing(label, Arrays.stream(seconds).map(s -> s * factor).toArray());
    }

    /** "median s (min–max, n runs)", e.g. {@code 1.234 s (1.201–1.302, 5 runs)}. */
    public String summary() {
        return String.format(Locale.ROOT, "%.3f s (%.3f–%.3f, %d runs)", median(), min(), max(), seconds.length);
    }

    @Override
    public String toString() {
        return "Timing[" + label + ": " + summary() + "]";
    }
}
