package nndl.kernel.cell;

import java.util.Locale;

/** Human-readable durations for {@code %time}: three significant digits in a fitting unit. */
public final class Durations {
    private Durations() {
    }

    /**
     * {@code nanos} as e.g. {@code 812 µs}, {@code 12.3 ms}, {@code 1.23 s} or {@code 2 min 3.4 s}.
     *
     * @param nanos a non-negative duration in nanoseconds
     */
    public static String format(long nanos) {
        if (nanos < 0) {
            throw new IllegalArgumentException("format: negative duration " + nanos + " ns");
        }
        if (nanos < 1_000) {
            return nanos + " ns";
        }
        if (nanos < 1_000_000) {
            return significant(nanos / 1e3) + " µs";
        }
        if (nanos < 1_000_000_000) {
            return significant(nanos / 1e6) + " ms";
        }
        double seconds = nanos / 1e9;
        if (seconds < 60) {
            return significant(seconds) + " s";
        }
        long minutes = (long) (seconds / 60);
        return minutes + " min " + String.format(Locale.ROOT, "%.1f", seconds - 60 * minutes) + " s";
    }

    private static String significant(double value) {
        if (value >= 100) {
            return String.format(Locale.ROOT, "%.0f", value);
        }
        return String.format(Locale.ROOT, value >= 10 ? "%.1f" : "%.2f", value);
    }
}
