package nndl.grade;

import nndl.data.DataSplits;

/**
 * The grading calls of the notebooks. A check cell computes its value, prints the seed's sentence,
 * then records the grade:
 * <pre>{@code
 * Grade.check("two_layer_nn.toy_scores", diff);              // value-only check
 * Grade.check("two_layer_nn.tuning", bestValAcc, data);      // needs to know which data it ran on
 * }</pre>
 * Each call looks the id up in the {@link Rubric}, grades the value, and shows the result: inside
 * the Java kernel as one display_data holding the human line (text/plain) and the JSON record
 * ({@value GradeResult#MIME_TYPE}) that the report reads back; elsewhere it prints the human line.
 * Assign the result ({@code var graded = Grade.check(...);}): the kernel, like IJava, displays a
 * cell's last expression even when it ends with {@code ;}, and would show the record a second time.
 */
public final class Grade {
    private Grade() {
    }

    /**
     * Grades {@code value} against the rubric check {@code id} and shows the result.
     *
     * @param id    full check id, e.g. {@code "two_layer_nn.toy_scores"}
     * @param value the measured value (not modified)
     * @return the graded record
     * @throws IllegalArgumentException if the id is unknown (naming the closest ids) or the check
     *                                  needs the data splits to know whether the dataset is complete
     */
    public static GradeResult check(String id, double value) {
        Check check = Rubric.get(id);
        if (check.fullDatasetOnly()) {
            throw new IllegalArgumentException("Grade.check: " + id + " is graded on the full CIFAR-10 dataset only; "
                    + "pass the data it ran on: Grade.check(\"" + id + "\", value, data)");
        }
        return record(check.evaluate(value, true, null));
    }

    /**
     * Grades {@code value} against check {@code id} for a run on {@code data}; a check that needs
     * the full dataset is "not-graded-on-this-data" (and leaves the possible total) unless
     * {@link DataSplits#fullDataset()} finds the official files by their checksums. The record's
     * {@code dataset} field is {@code data.source()}.
     *
     * @param id    full check id, e.g. {@code "two_layer_nn.tuning"}
     * @param value the measured value
     * @param data  the data splits the value was measured on (not modified)
     */
    public static GradeResult check(String id, double value, DataSplits data) {
        if (data == null) {
            throw new IllegalArgumentException("Grade.check: data is null for " + id);
        }
        return record(Rubric.get(id).evaluate(value, data.fullDataset(), data.source()));
    }

    /**
     * Grades {@code value} against check {@code id}, recording {@code dataset} as the data it was
     * measured on (for data that is not a {@link DataSplits}, e.g. the MNIST columns). A label never
     * makes data count as the full dataset: a check that needs it must be given its {@link DataSplits}.
     *
     * @param id      full check id
     * @param value   the measured value
     * @param dataset what the data was, e.g. {@code "mnist-subset (8000 train + 2000 test)"}
     * @throws IllegalArgumentException if the check is graded on the full CIFAR-10 only
     */
    public static GradeResult check(String id, double value, String dataset) {
        Check check = Rubric.get(id);
        if (check.fullDatasetOnly()) {
            throw new IllegalArgumentException("Grade.check: " + id + " is graded on the full CIFAR-10 dataset only; "
                    + "pass the data splits it ran on: Grade.check(\"" + id + "\", value, data)");
        }
        return record(check.evaluate(value, true, dataset));
    }

    private static GradeResult record(GradeResult result) {
        KernelDisplay.show(result.humanLine(), GradeResult.MIME_TYPE, result.toJson());
        return result;
    }
}
