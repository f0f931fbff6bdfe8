package nndl.launcher;

/** A failure the launcher reports as {@code workbook: error: MESSAGE} and exit status 1. */
public final class Die extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** A failure with its message (without the {@code workbook: error: } prefix). */
    public Die(String message) {
        super(message);
    }
}
