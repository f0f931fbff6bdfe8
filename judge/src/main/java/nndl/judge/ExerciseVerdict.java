package nndl.judge;

import java.util.List;

/**
 * How one exercise went: every case's verdict and the points.
 *
 * @param exercise the rubric's exercise
 * @param cases    its cases' verdicts, public first
 * @param earned   its points when every case passed, else 0
 * @param graded   false when it is not graded on this data (out of the total's denominator)
 */
public record ExerciseVerdict(Exercise exercise, List<CaseVerdict> cases, double earned, boolean graded) {
    public ExerciseVerdict {
        cases = List.copyOf(cases);
    }

    /** The verdict's word: passed, failed, not implemented, not judged, not graded on this data. */
    public String status() {
        if (!graded) {
            return "not graded on this data";
        }
        if (cases.isEmpty()) {
            return "not judged";
        }
        if (cases.stream().allMatch(CaseVerdict::passed)) {
            return "passed";
        }
        boolean ownStub = cases.stream().anyMatch(v -> !v.passed() && v.rootCause() == null
                && v.findings().stream().anyMatch(f -> f.startsWith("NotImplementedYet")));
        return ownStub ? "not implemented" : "failed";
    }

    /**
     * The cases the feedback lists under the heading: none when it passed or is not graded; the
     * first when a stub fails them all the same way; else every failing case.
     */
    public List<CaseVerdict> shownCases() {
        if (!graded || status().equals("passed")) {
            return List.of();
        }
        return status().equals("not implemented") ? cases.stream().limit(1).toList() : cases.stream().filter(c -> !c.passed()).toList();
    }

    /** The exercise's heading line, e.g. {@code "✗ TwoLayerNet.loss: 0 / 3 points, failed (public cases pass, hidden fail)"}. */
    public String line() {
        String status = status();
        StringBuilder s = new StringBuilder(status.equals("passed") ? "✓ " : graded ? "✗ " : "– ").append(exercise.id()).append(": ");
        if (!graded) {
            return s.append(exercise.points()).append(" points not graded on this data (").append(exercise.what()).append(')').toString();
        }
        s.append(Score.points(earned)).append(" / ").append(exercise.points()).append(" points, ").append(status);
        // The hint needs public cases that pin exact numbers (a bound such as the toy training's final loss does not).
        boolean publicPass = cases.stream().filter(v -> !v.c().hidden()).allMatch(v -> v.passed()
                && v.c().outputs().stream().allMatch(o -> o.kind() == Case.Kind.MATCH));
        boolean hiddenFail = cases.stream().anyMatch(v -> v.c().hidden() && !v.passed());
        if (status.equals("failed") && publicPass && hiddenFail && cases.stream().anyMatch(v -> !v.c().hidden())) {
            s.append(" (the public cases pass, hidden cases fail: an answer that fits only the notebook's numbers?)");
        }
        cases.stream().filter(v -> !v.passed() && v.rootCause() != null && !status.equals("not implemented")).findFirst()
                .ifPresent(v -> s.append(" — root cause: ").append(v.rootCause()).append(" is not implemented yet"));
        return s.toString();
    }
}
