package nndl.grader;

/** The feedback file of one hand-in: status and total, the run's messages, then the judge's verdicts per exercise. */
final class Feedback {
    private Feedback() {
    }

    /** The feedback text (spec §10.5): every line from the judge; nothing the hand-in printed beyond capped lines. */
    static String text(Outcome outcome) {
        StringBuilder s = new StringBuilder();
        s.append("Hand-in ").append(outcome.id()).append(" (").append(outcome.file()).append("): ").append(outcome.status())
                .append(", ").append(outcome.score().totalLine()).append('\n');
        for (String message : outcome.messages()) {
            s.append("  ").append(message).append('\n');
        }
        s.append("\nThe judge's verdicts (each exercise on its public cases, the notebook's inputs, and hidden ones: other shapes, "
                + "seeds and labels; an exercise earns its points when every case passes):\n\n");
        s.append(outcome.score().text());
        return s.toString();
    }
}
