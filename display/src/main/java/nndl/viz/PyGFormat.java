package nndl.viz;

import java.text.FieldPosition;
import java.text.NumberFormat;
import java.text.ParsePosition;
import java.util.Locale;

/**
 * Python's {@code '%g'} for table cells: six significant digits, trailing zeros dropped, scientific
 * notation below 1e-4 or from 1e6 on, so learning rates read {@code 0.0001} or {@code 5e-05},
 * accuracies {@code 0.513} and iteration counts {@code 1000}. This is a different job from
 * {@link nndl.util.PyFloat#repr}, which prints every digit needed to read the double back: a table
 * column wants six digits at most.
 */
final class PyGFormat extends NumberFormat {
    private static final long serialVersionUID = 1L;

    /** The text of {@code value} as {@code '%g' % value} prints it in Python. */
    static String percentG(double value) {
        if (Double.isNaN(value)) {
            return "nan";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "inf" : "-inf";
        }
        if (value == 0.0) {
            return "0";
        }
        String text = String.format(Locale.ROOT, "%g", value);
        int e = text.indexOf('e');
        String mantissa = e < 0 ? text : text.substring(0, e);
        String exponent = e < 0 ? "" : text.substring(e);
        if (mantissa.contains(".")) {
            mantissa = mantissa.replaceAll("0+$", "");
            if (mantissa.endsWith(".")) {
                mantissa = mantissa.substring(0, mantissa.length() - 1);
            }
        }
        return mantissa + exponent;
    }

    @Override
    public StringBuffer format(double number, StringBuffer toAppendTo, FieldPosition pos) {
        return toAppendTo.append(percentG(number));
    }

    @Override
    public StringBuffer format(long number, StringBuffer toAppendTo, FieldPosition pos) {
        return toAppendTo.append(number);
    }

    @Override
    public Number parse(String source, ParsePosition parsePosition) {
        try {
            String rest = source.substring(parsePosition.getIndex()).trim();
            double value = Double.parseDouble(rest);
            parsePosition.setIndex(source.length());
            return value;
        } catch (NumberFormatException e) {
            parsePosition.setErrorIndex(parsePosition.getIndex());
            return null;
        }
    }
}
