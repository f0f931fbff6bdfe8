package nndl.kernel.errors;

import java.util.ArrayList;
import java.util.List;

/** A cell the kernel stopped: interrupted by the user or over the statement time-out. */
public final class StoppedFailure extends CellFailure {
    private static final long serialVersionUID = 1L;
    private final Reason reason;
    private final List<String> frames;
    private final boolean stillRunning;

    /** Why the cell was stopped. */
    public enum Reason {
        /** The user asked (Kernel › Interrupt, or an interrupt request). */
        INTERRUPTED,
        /** A statement ran longer than the configured time-out (JJAVA_TIMEOUT). */
        TIMED_OUT
    }

    /**
     * A stopped cell.
     *
     * @param reason       why it was stopped
     * @param detail       one line saying what happened, e.g. the time-out's length
     * @param frames       where the user's code was when stopped, top first (may be empty)
     * @param stillRunning true if the cell's thread ignored every attempt to stop it
     */
    public StoppedFailure(Reason reason, String detail, List<String> frames, boolean stillRunning) {
        super(detail);
        this.reason = reason;
        this.frames = List.copyOf(frames);
        this.stillRunning = stillRunning;
    }

    /** Why the cell was stopped. */
    public Reason reason() {
        return reason;
    }

    @Override
    public ErrorReport report() {
        String name = reason == Reason.INTERRUPTED ? "Interrupted" : "TimedOut";
        List<String> lines = new ArrayList<>();
        lines.add(name + ": " + getMessage());
        UserCodeFailure.appendFrames(lines, frames);
        if (stillRunning) {
            lines.add("The cell's thread did not stop and still runs; restart the kernel to free it.");
        }
        return new ErrorReport(name, getMessage(), lines);
    }
}
