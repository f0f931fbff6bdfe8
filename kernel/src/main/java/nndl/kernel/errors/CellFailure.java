package nndl.kernel.errors;

/**
 * A failed cell that the kernel can explain in the user's terms; {@link #report()} is what the
 * notebook shows. The kernel's own stack is irrelevant to the user, so none is recorded.
 */
public abstract sealed class CellFailure extends RuntimeException
        permits CompileFailure, UserCodeFailure, StoppedFailure, MagicFailure, ReportedFailure {
    private static final long serialVersionUID = 1L;

    /** A failure whose one-line summary is {@code message}. */
    protected CellFailure(String message) {
        super(message, null, false, false);
    }

    /** The error as the notebook shows it. */
    public abstract ErrorReport report();
}
