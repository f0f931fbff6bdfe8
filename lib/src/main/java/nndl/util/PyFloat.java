package nndl.util;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Formats doubles as Python 3's {@code repr(float)} (and {@code print(x)}) does: the shortest digits
 * that read back to the same double, in positional notation for exponents −4 ≤ e < 16 and scientific
 * notation with a two-digit exponent otherwise ({@code 2.302757518613176}, {@code 1e-05},
 * {@code 3.381231233889892e-08}). Java 17's {@link Double#toString} differs ({@code 1.0E-5}) and is
 * not always shortest, hence this class.
 */
public final class PyFloat {
    private PyFloat() {
    }

    /** {@code repr(v)} as Python 3 prints it. */
    public static String repr(double v) {
        if (Double.isNaN(v)) {
            return "nan";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "inf" : "-inf";
        }
        if (v == 0.0) {
            return Double.doubleToRawLongBits(v) < 0 ? "-0.0" : "0.0";
        }
        BigDecimal shortest = shortestRoundTrip(v).stripTrailingZeros();
        String digits = shortest.unscaledValue().abs().toString();
        int pointPosition = digits.length() - shortest.scale();
        String sign = v < 0 ? "-" : "";
        if (pointPosition > -4 && pointPosition <= 16) {
            return sign + positional(digits, pointPosition);
        }
        return sign + scientific(digits, pointPosition - 1);
    }

    private static BigDecimal shortestRoundTrip(double v) {
        BigDecimal exact = new BigDecimal(v);
        for (int precision = 1; precision < 17; precision++) {
            BigDecimal candidate = exact.round(new MathContext(precision, RoundingMode.HALF_EVEN));
            if (candidate.doubleValue() == v) {
                return candidate;
            }
        }
        return exact.round(new MathContext(17, RoundingMode.HALF_EVEN));
    }

    private static String positional(String digits, int pointPosition) {
        if (pointPosition <= 0) {
            return "0." + "0".repeat(-pointPosition) + digits;
        }
        if (pointPosition >= digits.length()) {
            return digits + "0".repeat(pointPosition - digits.length()) + ".0";
        }
        return digits.substring(0, pointPosition) + "." + digits.substring(pointPosition);
    }

    private static String scientific(String digits, int exponent) {
        String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
        String magnitude = Integer.toString(Math.abs(exponent));
        return mantissa + "e" + (exponent < 0 ? "-" : "+") + (magnitude.length() < 2 ? "0" + magnitude : magnitude);
    }
}
