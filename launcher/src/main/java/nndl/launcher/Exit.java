package nndl.launcher;

import sun.misc.Signal;

/**
 * The exit status of the launcher and the signals that end it: Ctrl-C ends a command with status 130,
 * SIGTERM with 143 (as a shell's), after the foreground child (which got the terminal's Ctrl-C too, and
 * is passed SIGTERM as an interrupt) has ended; shutdown hooks see the status.
 */
public final class Exit {
    private static volatile int status = 1;
    private static volatile boolean stopping;
    private static boolean exiting;

    private Exit() {
    }

    /** Returns the status the launcher is exiting with (1 until one is set). */
    public static int status() {
        return status;
    }

    /** Exits with {@code code}, recording it for the shutdown hooks; a second caller waits for the first. */
    public static void exit(int code) {
        synchronized (Exit.class) {
            if (exiting) {
                hang();
            }
            exiting = true;
            status = code;
        }
        System.exit(code);
    }

    /** Returns whether a signal is ending the launcher (the main thread must not go on). */
    public static boolean stopping() {
        return stopping;
    }

    /** Blocks the calling thread for good (the launcher is exiting on another thread). */
    public static void hang() {
        while (true) {
            try {
                Thread.sleep(Long.MAX_VALUE);
            } catch (InterruptedException e) {
                // exiting: keep waiting for the exit
            }
        }
    }

    /**
     * SIGINT and SIGTERM end the launcher with 130 and 143 (shutdown hooks run), once the foreground
     * child has ended: it got Ctrl-C from the terminal itself, and SIGTERM is passed on to it.
     */
    public static void onSignalsExit() {
        Signal.handle(new Signal("INT"), s -> {
            stopping = true;
            Proc.awaitForeground(60);
            exit(130);
        });
        Signal.handle(new Signal("TERM"), s -> {
            stopping = true;
            // SIGINT, not SIGTERM: the notebook runner stops its kernel on an interrupt, and dies at once on SIGTERM
            Proc.interruptForeground();
            Proc.awaitForeground(30);
            exit(143);
        });
    }

    /**
     * For a child that owns the session (Jupyter, the test driver): Ctrl-C reaches it from the terminal
     * and is left to it; SIGTERM and SIGHUP are passed on to it. The launcher then exits with its status.
     */
    public static void onSignalsPassToChild() {
        Signal.handle(new Signal("INT"), s -> {
        });
        for (String name : new String[] {"TERM", "HUP"}) {
            Signal.handle(new Signal(name), s -> {
                Process p = Proc.foreground();
                if (p != null) {
                    p.destroy();
                }
            });
        }
    }

    /** Ignores SIGINT and SIGTERM (while a complete run is moved into place). */
    public static void ignoreSignals() {
        Signal.handle(new Signal("INT"), sun.misc.SignalHandler.SIG_IGN);
        Signal.handle(new Signal("TERM"), sun.misc.SignalHandler.SIG_IGN);
    }
}
