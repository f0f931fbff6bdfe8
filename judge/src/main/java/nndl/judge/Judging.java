package nndl.judge;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.ejml.data.DMatrixRMaj;

/**
 * Compares a case's outputs with the expected ones (the reference's) and words what differs: the
 * judge's verdict on one case, the same code for {@code ./workbook check} and the grader.
 */
public final class Judging {
    private Judging() {
    }

    /**
     * Judges one case.
     *
     * @param c        the case (its secret labels are used for accuracy outputs)
     * @param expected the reference's outputs
     * @param reply    what the hand-in's library returned
     * @param exercise the case's exercise (for telling a knock-on stub from its own)
     */
    public static CaseVerdict judge(Case c, Map<String, Object> expected, Reply reply, Exercise exercise) {
        if (!reply.ok()) {
            String finding = reply.error() + (reply.frame() != null ? " (at " + reply.frame() + ")" : "");
            String root = reply.stub() != null && exercise != null && !exercise.methods().contains(reply.stub()) ? reply.stub() : null;
            String mistake = c.op().equals("TwoLayerNet.train") && reply.error().contains("when replace=false")
                    ? "sampling without replacement (the seed samples each minibatch with replacement: batch 200 from 5 rows must work)"
                    : null;
            return new CaseVerdict(c, false, List.of(finding), mistake, root);
        }
        List<String> findings = new ArrayList<>();
        for (Case.Output o : c.outputs()) {
            String f = compare(c, o, expected.get(o.name()), reply.outputs().get(o.name()));
            if (f != null) {
                findings.add(f);
            }
        }
        String mistake = findings.isEmpty() ? null : Mistakes.name(c, expected, reply.outputs());
        return new CaseVerdict(c, findings.isEmpty(), findings, mistake, null);
    }

    /** Null when the output is as required, else one line saying how it is not. */
    static String compare(Case c, Case.Output o, Object expected, Object actual) {
        String name = o.name();
        if (actual == null) {
            return name + " is missing";
        }
        switch (o.kind()) {
            case AT_MOST -> {
                if (!(actual instanceof Double v)) {
                    return name + " is not a number";
                }
                return v <= o.tolerance() ? null : name + " is " + num(v) + ", must be at most " + num(o.tolerance());
            }
            case ACCURACY -> {
                int[] labels = (int[]) c.secret().get(o.labels());
                if (!(actual instanceof int[] p) || p.length != labels.length) {
                    return name + ": expected " + labels.length + " predictions";
                }
                int right = 0;
                for (int i = 0; i < p.length; i++) {
                    right += p[i] == labels[i] ? 1 : 0;
                }
                double acc = right / (double) p.length;
                return acc >= o.tolerance() ? null : name + ": accuracy " + num(acc) + ", must be at least " + num(o.tolerance());
            }
            case INIT -> {
                return initFinding(name, (DMatrixRMaj) expected, actual, o.tolerance());
            }
            default -> {
                return matchFinding(name, expected, actual, o.tolerance());
            }
        }
    }

    private static String matchFinding(String name, Object expected, Object actual, double tolerance) {
        if (expected instanceof int[] e) {
            if (!(actual instanceof int[] a) || a.length != e.length) {
                return name + ": expected " + e.length + " labels";
            }
            int wrong = 0;
            for (int i = 0; i < e.length; i++) {
                wrong += a[i] == e[i] ? 0 : 1;
            }
            return wrong == 0 ? null : name + ": " + wrong + " of " + e.length + " differ from the reference's";
        }
        if (expected instanceof Double e) {
            if (!(actual instanceof Double a)) {
                return name + " is not a number";
            }
            double err = relError(e, a);
            return err <= tolerance ? null : name + " differs: rel err " + num(err) + " (allowed " + num(tolerance) + ")";
        }
        DMatrixRMaj e = (DMatrixRMaj) expected;
        if (!(actual instanceof DMatrixRMaj a)) {
            return name + " is not a matrix";
        }
        if (a.numRows != e.numRows || a.numCols != e.numCols) {
            return name + " is " + a.numRows + "×" + a.numCols + ", expected " + e.numRows + "×" + e.numCols;
        }
        double worst = 0;
        for (int i = 0; i < e.getNumElements(); i++) {
            worst = Math.max(worst, relError(e.data[i], a.data[i]));
        }
        if (worst <= tolerance) {
            return null;
        }
        if (name.startsWith(Exercises.INPUT_AFTER)) {
            return "the input " + name.substring(Exercises.INPUT_AFTER.length()) + " was modified by the call (the instructions "
                    + "say to leave it as it is: compute into a new matrix): max rel err " + num(worst) + " against the input sent";
        }
        return name + " differs: max rel err " + num(worst) + " (allowed " + num(tolerance) + ")";
    }

    private static String initFinding(String name, DMatrixRMaj e, Object actual, double spread) {
        if (!(actual instanceof DMatrixRMaj a)) {
            return name + " is missing";
        }
        if (a.numRows != e.numRows || a.numCols != e.numCols) {
            return name + " is " + a.numRows + "×" + a.numCols + ", expected " + e.numRows + "×" + e.numCols;
        }
        double se = std(e);
        double sa = std(a);
        if (se == 0) {
            return sa == 0 && mean(a) == 0 ? null : name + " must start at zero";
        }
        return Math.abs(sa - se) <= spread * se ? null
                : name + ": standard deviation " + num(sa) + ", expected about " + num(se);
    }

    /** cs231n's relative error of two numbers; NaN counts as the largest error. */
    public static double relError(double e, double a) {
        double err = Math.abs(e - a) / Math.max(1e-8, Math.abs(e) + Math.abs(a));
        return Double.isNaN(err) ? Double.POSITIVE_INFINITY : err;
    }

    private static double mean(DMatrixRMaj m) {
        double s = 0;
        for (int i = 0; i < m.getNumElements(); i++) {
            s += m.data[i];
        }
        return s / Math.max(1, m.getNumElements());
    }

    private static double std(DMatrixRMaj m) {
        double mu = mean(m);
        double s = 0;
        for (int i = 0; i < m.getNumElements(); i++) {
            s += (m.data[i] - mu) * (m.data[i] - mu);
        }
        return Math.sqrt(s / Math.max(1, m.getNumElements()));
    }

    /** A number as the feedback prints it. */
    public static String num(double v) {
        return String.format(Locale.ROOT, "%.3g", v);
    }
}
