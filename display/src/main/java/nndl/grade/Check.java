package nndl.grade;

/**
 * One graded check of the rubric (README.md, "What is inside"; {@link Rubric}): which notebook records it, what value it measures,
 * how that value earns its points, and whether it only makes sense on the full CIFAR-10 dataset.
 * A check with 0 points is ungraded: the notebook still checks it numerically, the report lists it.
 *
 * @param notebook        notebook name without extension, e.g. {@code "two_layer_nn"}
 * @param name            check name within the notebook, e.g. {@code "toy_scores"}
 * @param measures        what the value is, e.g. {@code "sum of abs diff of the scores"}
 * @param points          points at stake (0 for an ungraded check)
 * @param criterion       how the value earns its points
 * @param fullDatasetOnly true when the threshold needs the full dataset (49,000 training images)
 */
public record Check(String notebook, String name, String measures, int points,
                    Criterion criterion, boolean fullDatasetOnly) {
    public Check {
        if (notebook == null || notebook.isBlank() || name == null || name.isBlank()) {
            throw new IllegalArgumentException("Check: notebook and name must be non-blank, got " + notebook + "." + name);
        }
        if (points < 0) {
            throw new IllegalArgumentException("Check " + notebook + "." + name + ": points must be ≥ 0, not " + points);
        }
        if (criterion == null) {
            throw new IllegalArgumentException("Check " + notebook + "." + name + ": criterion is missing");
        }
    }

    /** Returns the full id {@code "<notebook>.<name>"}, e.g. {@code "two_layer_nn.toy_scores"}. */
    public String id() {
        return notebook + "." + name;
    }

    /** Returns whether the check is worth no points (reported as "ungraded"). */
    public boolean ungraded() {
        return points == 0;
    }

    /**
     * Grades a measured value against this check.
     *
     * @param value       the measured value (a difference, an error, an accuracy, a count)
     * @param fullDataset whether the run used the full dataset; when false and the check needs it,
     *                    the result is "not-graded-on-this-data" and earns nothing
     * @param dataset     the dataset description to record (may be null)
     */
    public GradeResult evaluate(double value, boolean fullDataset, String dataset) {
        boolean graded = fullDataset || !fullDatasetOnly;
        double credit = criterion.credit(value);
        double earned = graded ? Math.round(points * credit * 100.0) / 100.0 : 0.0;
        GradeResult.Status status = graded ? GradeResult.Status.GRADED : GradeResult.Status.NOT_GRADED_ON_THIS_DATA;
        return new GradeResult(id(), notebook, value, criterion.threshold(), criterion.passed(value),
                points, earned, status, dataset);
    }

    @Override
    public String toString() {
        return id() + " (" + measures + " " + criterion.describe() + ", "
                + (ungraded() ? "ungraded" : points + " pts") + (fullDatasetOnly ? ", full CIFAR only" : "") + ")";
    }
}
