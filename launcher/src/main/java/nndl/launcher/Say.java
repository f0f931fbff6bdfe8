package nndl.launcher;

/** The launcher's messages on stderr, prefixed {@code workbook: }. */
public final class Say {
    private Say() {
    }

    /** Prints {@code workbook: MESSAGE} on stderr. */
    public static void say(String message) {
        System.err.println("workbook: " + message);
        System.err.flush();
    }

    /** Returns the failure {@code workbook: error: MESSAGE} for the caller to throw. */
    public static Die die(String message) {
        return new Die(message);
    }
}
