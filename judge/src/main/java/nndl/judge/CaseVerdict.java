package nndl.judge;

import java.util.List;

/**
 * How one case went.
 *
 * @param c        the case
 * @param passed   every output as required
 * @param findings one line per output that differs (which, by how much, what was allowed), or the failure
 * @param mistake  a named common mistake the outputs match, or null
 * @param rootCause for a knock-on failure: the other exercise's stub it reached, or null
 */
public record CaseVerdict(Case c, boolean passed, List<String> findings, String mistake, String rootCause) {
    public CaseVerdict {
        findings = List.copyOf(findings);
    }

    /** One line, the same in {@code ./workbook check}, the grader's feedback and the report. */
    public String line() {
        StringBuilder s = new StringBuilder(passed ? "✓ " : "✗ ").append(c.exercise()).append(" · ").append(c.describe());
        if (passed) {
            return s.append(": passes").toString();
        }
        s.append(": ").append(String.join("; ", findings));
        if (mistake != null) {
            s.append(" — looks like ").append(mistake);
        }
        if (rootCause != null) {
            s.append(" — knock-on: it needs ").append(rootCause).append(", which is not implemented yet");
        }
        return s.toString();
    }
}
