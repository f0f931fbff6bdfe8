package nndl.kernel.errors;

import java.util.ArrayList;
import java.util.List;

/**
 * A cell the kernel stopped, interrupted by the user or over the statement time-out; or one it
 * tried to stop but could not (then named {@code NotStopped}, never "interrupted").
 */
public final class StoppedFailure extends CellFailure {
    private static final long serialVersionUID = 1L;
    private final Reason reason;
    private final List<String> frames;
    private final List<String> stillRunning;

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
     * @param stillRunning the cell's threads that ignored every attempt to stop them, each named
     *                     with where it runs (empty if all stopped)
     */
    public StoppedFailure(Reason reason, String detail, List<String> frames, List<String> stillRunning) {
        super(detail);
        this.reason = reason;
        this.frames = List.copyOf(frames);
        this.stillRunning = List.copyOf(stillRunning);
    }

    /** Why the cell was stopped. */
    public Reason reason() {
        return reason;
    }

    @Override
    public ErrorReport report() {
        if (!stillRunning.isEmpty()) {
            return notStopped();
        }
        String name = reason == Reason.INTERRUPTED ? "Interrupted" : "TimedOut";
        List<String> lines = new ArrayList<>();
        lines.add(name + ": " + getMessage());
        UserCodeFailure.appendFrames(lines, frames);
        return new ErrorReport(name, getMessage(), lines);
    }

    private ErrorReport notStopped() {
        String message = (reason == Reason.INTERRUPTED ? "the interrupt" : "the time-out") + " could not stop the cell: "
                + (stillRunning.size() == 1 ? "a thread of it still runs" : stillRunning.size() + " threads of it still run")
                + " (in native code or in a library that ignores interrupts)";
        List<String> lines = new ArrayList<>();
        lines.add("NotStopped: " + message);
        UserCodeFailure.appendFrames(lines, frames);
        stillRunning.forEach(thread -> lines.add("    still running: " + thread));
        lines.add("Restart the kernel (Kernel > Restart) to end it; variables will have to be recomputed.");
        return new ErrorReport("NotStopped", message, lines);
    }
}
