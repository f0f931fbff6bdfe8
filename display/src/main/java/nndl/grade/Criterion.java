package nndl.grade;

/**
 * How a measured value earns a check's points: below or above a threshold, exactly equal to a
 * target, or a linear ramp of partial credit. Every criterion maps a value to a credit in [0, 1];
 * a value that is not finite never earns credit, and neither does a negative value under a
 * "below" criterion (those measure errors, differences and counts, which are never negative: a
 * negative one is a wrong or forged measurement).
 */
public sealed interface Criterion {

    /** Returns the fraction of the check's points that {@code value} earns, in [0, 1]. */
    double credit(double value);

    /** Returns whether {@code value} meets the criterion in full. */
    default boolean passed(double value) {
        return credit(value) >= 1.0;
    }

    /** Returns the threshold recorded in a grade's JSON (for a ramp: the value of full credit). */
    double threshold();

    /** Returns the criterion as a short text for tables, e.g. {@code "< 1e-07"} or {@code "≥ 0.27"}. */
    String describe();

    /** Returns the criterion "value &lt; limit". */
    static Criterion lessThan(double limit) {
        return new Below(limit, false);
    }

    /** Returns the criterion "value ≤ limit". */
    static Criterion atMost(double limit) {
        return new Below(limit, true);
    }

    /** Returns the criterion "value &gt; limit". */
    static Criterion greaterThan(double limit) {
        return new Above(limit, false);
    }

    /** Returns the criterion "value ≥ limit". */
    static Criterion atLeast(double limit) {
        return new Above(limit, true);
    }

    /** Returns the criterion "value = target" (used for counts such as mismatches). */
    static Criterion equalTo(double target) {
        return new Equal(target);
    }

    /** Returns the linear ramp: no credit at or below {@code from}, full credit at or above {@code to}. */
    static Criterion ramp(double from, double to) {
        return new Ramp(from, to);
    }

    /** Passes when the value is finite, non-negative and below {@code limit} (or equal to it when {@code inclusive}). */
    record Below(double limit, boolean inclusive) implements Criterion {
        public Below {
            requireFinite("limit", limit);
        }

        @Override
        public double credit(double value) {
            boolean measured = Double.isFinite(value) && value >= 0.0;
            return measured && (inclusive ? value <= limit : value < limit) ? 1.0 : 0.0;
        }

        @Override
        public double threshold() {
            return limit;
        }

        @Override
        public String describe() {
            return (inclusive ? "≤ " : "< ") + Numbers.format(limit);
        }
    }

    /** Passes when the value is finite and above {@code limit} (or equal to it when {@code inclusive}). */
    record Above(double limit, boolean inclusive) implements Criterion {
        public Above {
            requireFinite("limit", limit);
        }

        @Override
        public double credit(double value) {
            return Double.isFinite(value) && (inclusive ? value >= limit : value > limit) ? 1.0 : 0.0;
        }

        @Override
        public double threshold() {
            return limit;
        }

        @Override
        public String describe() {
            return (inclusive ? "≥ " : "> ") + Numbers.format(limit);
        }
    }

    /** Passes when the value equals {@code target} exactly. */
    record Equal(double target) implements Criterion {
        public Equal {
            requireFinite("target", target);
        }

        @Override
        public double credit(double value) {
            return value == target ? 1.0 : 0.0;
        }

        @Override
        public double threshold() {
            return target;
        }

        @Override
        public String describe() {
            return "= " + Numbers.format(target);
        }
    }

    /** Earns {@code clamp((value − from) / (to − from), 0, 1)} of the points; passes at full credit. */
    record Ramp(double from, double to) implements Criterion {
        public Ramp {
            requireFinite("from", from);
            requireFinite("to", to);
            if (!(from < to)) {
                throw new IllegalArgumentException("Ramp: from (" + from + ") must be below to (" + to + ")");
            }
        }

        @Override
        public double credit(double value) {
            if (!Double.isFinite(value)) {
                return 0.0;
            }
            return Math.max(0.0, Math.min(1.0, (value - from) / (to - from)));
        }

        @Override
        public double threshold() {
            return to;
        }

        @Override
        public String describe() {
            return "ramp " + Numbers.format(from) + " → " + Numbers.format(to);
        }
    }

    private static void requireFinite(String name, double x) {
        if (!Double.isFinite(x)) {
            throw new IllegalArgumentException("Criterion: " + name + " must be finite, not " + x);
        }
    }
}
