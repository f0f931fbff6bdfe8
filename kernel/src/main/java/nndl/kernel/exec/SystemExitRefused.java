package nndl.kernel.exec;

/**
 * What {@code System.exit}, {@code Runtime.exit} and {@code Runtime.halt} throw when a cell calls
 * them: ending the JVM would end the kernel and every variable of the session.
 */
public final class SystemExitRefused extends RuntimeException {
    private static final long serialVersionUID = 1L;

    SystemExitRefused(String call, int status) {
        super(call + "(" + status + ") would end the kernel and all its state, so the kernel refused it;"
                + " to start afresh use Kernel > Restart");
    }
}
