package nndl.release;

/** A release refused: the message names the file and line (e.g. {@code lib/.../Affine.java:40: block left open}). */
public final class ReleaseError extends Exception {
    private static final long serialVersionUID = 1L;

    /** An error at {@code file:line}. */
    public ReleaseError(String file, int line, String message) {
        super(file + ":" + line + ": " + message);
    }

    /** An error not tied to a line. */
    public ReleaseError(String message) {
        super(message);
    }
}
