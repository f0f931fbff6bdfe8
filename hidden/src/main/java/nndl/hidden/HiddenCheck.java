package nndl.hidden;

import java.util.concurrent.Callable;

/**
 * One hidden check: an exercise run on inputs the notebooks never show, measured against
 * {@link Reference}. The rubric entry {@code hidden.<name>} grades the measured value.
 *
 * @param name    the rubric check's name within the {@code hidden} group, e.g. {@code affine_forward}
 * @param measure computes the value the rubric grades (an error or a mismatch count: lower is better)
 */
record HiddenCheck(String name, Callable<Double> measure) {
    /** The rubric id, {@code hidden.<name>}. */
    String id() {
        return "hidden." + name;
    }
}
