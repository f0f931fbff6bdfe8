package nndl.kernel.exec;

/**
 * Stand-ins for the calls that end the JVM. {@link CellBytecode} rewrites a cell's calls of
 * {@code System.exit}, {@code Runtime.exit} and {@code Runtime.halt} (and method references to
 * them) into calls of these methods, which throw instead. This works on every JDK, unlike a
 * {@code SecurityManager}, which JDK 24 and later refuse to install.
 */
public final class ExitGuard {
    private ExitGuard() {
    }

    /**
     * Replaces {@link System#exit(int)} in cells.
     *
     * @throws SystemExitRefused always
     */
    public static void exit(int status) {
        throw new SystemExitRefused("System.exit", status);
    }

    /**
     * Replaces {@link Runtime#exit(int)} in cells.
     *
     * @throws SystemExitRefused always
     */
    public static void runtimeExit(Runtime runtime, int status) {
        throw new SystemExitRefused("Runtime.exit", status);
    }

    /**
     * Replaces {@link Runtime#halt(int)} in cells.
     *
     * @throws SystemExitRefused always
     */
    public static void halt(Runtime runtime, int status) {
        throw new SystemExitRefused("Runtime.halt", status);
    }
}
