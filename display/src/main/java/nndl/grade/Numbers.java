package nndl.grade;

import java.math.BigDecimal;
import java.util.Locale;

/** Formats measured values, thresholds and points the way the seed prints them (3.38e-08, 0.513, 4.5). */
public final class Numbers {
    private Numbers() {
    }

    /**
     * Returns a short text for {@code x}: scientific with up to three significant digits for tiny or
     * huge magnitudes (3.38e-08, 1e-07, 1.5e-05), plain with up to four significant digits otherwise
     * (0.513, 0.0145, 12), and NaN / Infinity as such.
     */
    public static String format(double x) {
        if (Double.isNaN(x) || Double.isInfinite(x)) {
            return Double.toString(x);
        }
        if (x == 0.0) {
            return "0";
        }
        double magnitude = Math.abs(x);
        if (magnitude < 1e-3 || magnitude >= 1e6) {
            return scientific(x);
        }
        BigDecimal rounded = new BigDecimal(x).round(new java.math.MathContext(4));
        return rounded.stripTrailingZeros().toPlainString();
    }

    /** Returns points with at most two decimals and no trailing zeros: 4, 4.5, 3.33. */
    public static String points(double points) {
        BigDecimal rounded = BigDecimal.valueOf(points).setScale(2, java.math.RoundingMode.HALF_UP);
        String text = rounded.stripTrailingZeros().toPlainString();
        return text.equals("-0") ? "0" : text;
    }

    private static String scientific(double x) {
        for (int digits = 0; digits < 3; digits++) {
            String text = String.format(Locale.ROOT, "%." + digits + "e", x);
            if (Math.abs(Double.parseDouble(text) - x) <= 1e-12 * Math.abs(x)) {
                return text;
            }
        }
        return String.format(Locale.ROOT, "%.2e", x);
    }
}
