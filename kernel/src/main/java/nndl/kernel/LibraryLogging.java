package nndl.kernel;

import java.util.logging.ConsoleHandler;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * {@code java.util.logging} as cells see it. The JDK's root console handler prints INFO and above
 * to the {@code System.err} of the moment it was created, so a library's INFO chatter would land
 * as red text in whichever cell first logged (or on the kernel's own stderr). It is replaced by a
 * handler that prints WARNING and above to the running cell's stderr; a notebook that wants more
 * lowers that handler's level ({@code Logger.getLogger("").getHandlers()}) or adds its own.
 */
final class LibraryLogging {
    private LibraryLogging() {
    }

    /** Replaces the root logger's console handlers with a {@link CellStderr} handler at WARNING. */
    static void install() {
        Logger root = Logger.getLogger("");
        for (Handler handler : root.getHandlers()) {
            if (handler instanceof ConsoleHandler) {
                root.removeHandler(handler);
            }
        }
        CellStderr handler = new CellStderr();
        handler.setLevel(Level.WARNING);
        handler.setFormatter(new SimpleFormatter());
        root.addHandler(handler);
    }

    /** Prints each record to {@code System.err} as it is when the record is published. */
    static final class CellStderr extends Handler {
        @Override
        public void publish(LogRecord record) {
            if (isLoggable(record)) {
                System.err.print(getFormatter().format(record));
            }
        }

        @Override
        public void flush() {
            System.err.flush();
        }

        @Override
        public void close() {
            // System.err belongs to the kernel; nothing of the handler's own to release.
        }
    }
}
