package nndl.judge;

import java.util.List;
import java.util.Map;

/**
 * One case of an exercise: the operation the worker runs, its inputs, and how each output is judged.
 *
 * @param exercise the exercise it belongs to ({@link Exercise#id()})
 * @param op       the operation of {@link Exercises#run} the worker runs
 * @param label    what the case is, for feedback: for a public case the notebook's input, for a
 *                 hidden case its shapes and seed (never its expected values)
 * @param hidden   false for a public case (the notebook's own input), true for a hidden one
 * @param inputs   what the worker is sent
 * @param secret   what stays with the judge (labels for accuracy), never sent
 * @param outputs  how each output is judged
 */
public record Case(String exercise, String op, String label, boolean hidden, Map<String, Object> inputs,
                   Map<String, Object> secret, List<Output> outputs) {
    public Case {
        inputs = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(inputs));
        secret = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(secret));
        outputs = List.copyOf(outputs);
    }

    /** What the feedback calls the case: "public case (…)" or "hidden case (…)". */
    public String describe() {
        return (hidden ? "hidden case (" : "public case (") + label + ")";
    }

    /**
     * How one output is judged.
     *
     * @param name      the output's name
     * @param kind      how it is compared
     * @param tolerance the largest relative error ({@link Kind#MATCH}), the bound ({@link Kind#AT_MOST}),
     *                  the least accuracy ({@link Kind#ACCURACY}) or the relative spread ({@link Kind#INIT})
     * @param labels    for {@link Kind#ACCURACY}: the secret entry with the true labels
     */
    public record Output(String name, Kind kind, double tolerance, String labels) {
        /** The output equals the reference's within a relative error (label arrays: exactly). */
        public static Output match(String name, double tolerance) {
            return new Output(name, Kind.MATCH, tolerance, null);
        }

        /** The output is a number no larger than {@code bound}. */
        public static Output atMost(String name, double bound) {
            return new Output(name, Kind.AT_MOST, bound, null);
        }

        /** The output is predictions whose accuracy on the secret {@code labels} is at least {@code least}. */
        public static Output accuracy(String name, String labels, double least) {
            return new Output(name, Kind.ACCURACY, least, labels);
        }

        /** The output is an initial parameter: the reference's shape; zero for a bias; a weight's spread near the reference's. */
        public static Output init(String name, double spread) {
            return new Output(name, Kind.INIT, spread, null);
        }
    }

    /** How an output is compared. */
    public enum Kind { MATCH, AT_MOST, ACCURACY, INIT }
}
