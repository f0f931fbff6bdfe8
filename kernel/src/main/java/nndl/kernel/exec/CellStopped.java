package nndl.kernel.exec;

/**
 * Thrown by a stop check in the cells' code when the cell that owns the thread was interrupted or
 * timed out. An {@link Error}, so that {@code catch (Exception e)} in a cell does not swallow it;
 * a cell catching {@code Throwable} in a loop meets it again at the loop's next turn.
 */
public final class CellStopped extends Error {
    private static final long serialVersionUID = 1L;

    CellStopped() {
        super("the cell was stopped");
    }
}
