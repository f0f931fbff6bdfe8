package nndl.report;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Why a check left no grade record. The checks a cell would have recorded are the
 * {@code Grade.check("id"} calls in its source; a cell whose error is {@code NotImplementedYet}
 * (a stub of the student edition, docs/editions.md) makes them not-implemented, another error
 * "failed at cell N: message", a cell or notebook never executed "not executed". A cell that failed
 * only because an earlier one did (the notebook runner rewrote its error as {@code KnockOn}, see
 * launcher/src/main/python/knock_on.py) keeps the runner's sentence naming the cause, "needs `bestNet`
 * from cell 17, which stopped: not implemented yet: ...", and is not-implemented when that root cause
 * is a stub. Cells are numbered among the notebook's code cells from 1, as the runner's progress
 * lines number them.
 */
final class MissingChecks {
    /** Why a check has no record. */
    enum Kind { NOT_IMPLEMENTED, FAILED, NOT_EXECUTED, NOT_RUN, ERROR }

    /**
     * Why one check has no record.
     *
     * @param kind   what happened
     * @param cell   the code cell (from 1) that would have recorded it, 0 when unknown
     * @param detail e.g. "not implemented yet: TwoLayerNet.loss, forward pass — lib/...:97"
     */
    record Reason(Kind kind, int cell, String detail) {
        /** Returns the short status, e.g. "not-implemented", "failed at cell 12", "not executed", "not run". */
        String status() {
            return switch (kind) {
                case NOT_IMPLEMENTED -> "not-implemented";
                case FAILED -> "failed at cell " + cell;
                case NOT_EXECUTED -> "not executed";
                case NOT_RUN -> "not run";
                case ERROR -> "error";
            };
        }
    }

    static final String NOT_IMPLEMENTED_YET = "NotImplementedYet";
    /** The ename the notebook runner gives a knock-on failure; its evalue names the cause. */
    static final String KNOCK_ON = "KnockOn";
    /** How a knock-on's evalue ends when its root cause is a stub (NotImplementedYet's message follows). */
    static final String STOPPED_AT_STUB = ", which stopped: not implemented yet: ";
    private static final Pattern CHECK_CALL = Pattern.compile("Grade\\s*\\.\\s*check\\s*\\(\\s*\"([^\"]+)\"");
    private static final Pattern CAUSED_BY = Pattern.compile("^(?:Caused by: )?(?:[\\w$]+\\.)*NotImplementedYet: (.*)$");
    private static final Pattern ANSI = Pattern.compile("\\x1b\\[[0-9;]*m");

    private MissingChecks() {
    }

    /** Returns, per check id that a cell of these notebooks calls, why it would be missing. */
    static Map<String, Reason> of(List<NotebookFile> files) {
        Map<String, Reason> reasons = new HashMap<>();
        for (NotebookFile file : files) {
            boolean executed = file.cells().stream().anyMatch(c -> c instanceof NotebookFile.Code code
                    && (code.executionCount() != null || !code.outputs().isEmpty()));
            int position = 0;
            String stubBefore = null;
            for (NotebookFile.Cell cell : file.cells()) {
                if (!(cell instanceof NotebookFile.Code code)) {
                    continue;
                }
                position++;
                Reason reason = reason(code, position, executed, stubBefore);
                if (reason.kind() == Kind.NOT_IMPLEMENTED && stubBefore == null) {
                    stubBefore = "cell " + position + " " + reason.detail();
                }
                Matcher call = CHECK_CALL.matcher(code.source());
                while (call.find()) {
                    reasons.merge(call.group(1), reason, (old, next) -> old.kind() == Kind.NOT_RUN ? next : old);
                }
            }
        }
        return reasons;
    }

    private static Reason reason(NotebookFile.Code code, int position, boolean executed, String stubBefore) {
        for (NotebookFile.Output output : code.outputs()) {
            if (output instanceof NotebookFile.Error error) {
                if (KNOCK_ON.equals(error.ename())) {
                    String cause = error.evalue() == null ? "" : error.evalue().strip();
                    return cause.contains(STOPPED_AT_STUB) ? new Reason(Kind.NOT_IMPLEMENTED, position, cause)
                            : new Reason(Kind.FAILED, position, "failed at cell " + position + ": " + cause);
                }
                String stub = notImplemented(error);
                if (stub != null) {
                    return new Reason(Kind.NOT_IMPLEMENTED, position, stub);
                }
                String message = error.evalue() == null ? "" : error.evalue().strip();
                int newline = message.indexOf('\n');
                message = error.ename() + (message.isEmpty() ? "" : ": " + (newline < 0 ? message : message.substring(0, newline)));
                return new Reason(Kind.FAILED, position, "failed at cell " + position + ": " + message
                        + (stubBefore == null ? "" : " (after " + stubBefore + ")"));
            }
        }
        if (!executed || code.executionCount() == null && code.outputs().isEmpty()) {
            return new Reason(Kind.NOT_EXECUTED, position, "not executed");
        }
        return new Reason(Kind.NOT_RUN, position, "not run (cell " + position + " ran without recording it)");
    }

    /** Returns the stub's message when the error is (or was caused by) NotImplementedYet, else null. */
    static String notImplemented(NotebookFile.Error error) {
        String ename = error.ename() == null ? "" : error.ename();
        if (ename.equals(NOT_IMPLEMENTED_YET) || ename.endsWith("." + NOT_IMPLEMENTED_YET)) {
            return error.evalue();
        }
        for (String line : error.traceback()) {
            Matcher cause = CAUSED_BY.matcher(ANSI.matcher(line).replaceAll("").strip());
            if (cause.matches()) {
                return cause.group(1);
            }
        }
        return null;
    }
}
