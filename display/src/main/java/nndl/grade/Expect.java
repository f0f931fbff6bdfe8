package nndl.grade;

import nndl.util.PyFloat;

/**
 * The seed's {@code assert condition, message} for notebook cells, made visible: each expectation
 * prints one line ending in {@code ... ok}, so the reader sees every condition that was checked,
 * and a failed one prints {@code ... FAILED} and throws, which fails the cell as the seed's
 * {@code assert} does.
 * <pre>{@code
 * Expect.below("Testing initialization: |W1.std() - std|", w1Std, std / 10, "First layer weights do not seem right");
 * Expect.that("Testing initialization: b1 is all zeros", allZero, "First layer biases do not seem right");
 * }</pre>
 */
public final class Expect {
    private Expect() {
    }

    /**
     * Prints {@code "<what> ... ok"} when {@code holds}; otherwise prints {@code "<what> ... FAILED: <failure>"}
     * and throws.
     *
     * @param what    the condition in words, e.g. "Testing initialization: b1 is all zeros"
     * @param holds   whether the condition holds
     * @param failure the seed's assertion message, e.g. "First layer biases do not seem right"
     * @throws AssertionError with {@code failure} when the condition does not hold
     */
    public static void that(String what, boolean holds, String failure) {
        String line = what + " ... " + (holds ? "ok" : "FAILED: " + failure);
        System.out.println(line);
        if (!holds) {
            throw new AssertionError(line);
        }
    }

    /**
     * Expects {@code value < limit}, printing {@code "<what>: <value> < <limit> ... ok"} with both numbers
     * as Python prints them; NaN never passes.
     *
     * @param what    the measured quantity, e.g. "|loss - correct_loss|"
     * @param value   the measured value
     * @param limit   the exclusive upper bound
     * @param failure the seed's assertion message
     * @throws AssertionError with {@code failure} when {@code value} is not below {@code limit}
     */
    public static void below(String what, double value, double limit, String failure) {
        that(what + ": " + PyFloat.repr(value) + " < " + PyFloat.repr(limit), value < limit, failure);
    }
}
