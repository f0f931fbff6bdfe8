package nndl.kernel.log;

import java.io.PrintStream;
import java.util.Locale;
import org.slf4j.ILoggerFactory;
import org.slf4j.IMarkerFactory;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.BasicMarkerFactory;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;
import org.slf4j.helpers.NOPMDCAdapter;
import org.slf4j.spi.MDCAdapter;
import org.slf4j.spi.SLF4JServiceProvider;

/**
 * Routes jjava-jupyter's SLF4J logging to the kernel process's own stderr (the terminal that runs
 * Jupyter), never into a cell, whose {@code System.err} the kernel swaps in while it runs.
 * Warnings and errors are shown; {@code NNDL_KERNEL_LOG=debug} (or {@code info}, {@code trace})
 * shows more.
 */
public final class StderrLoggerProvider implements SLF4JServiceProvider {
    private static final PrintStream STDERR = System.err;

    private final IMarkerFactory markers = new BasicMarkerFactory();
    private final MDCAdapter mdc = new NOPMDCAdapter();
    private final Level threshold = threshold(System.getenv("NNDL_KERNEL_LOG"));
    private final ILoggerFactory loggers = name -> new StderrLogger(name, threshold);

    @Override
    public ILoggerFactory getLoggerFactory() {
        return loggers;
    }

    @Override
    public IMarkerFactory getMarkerFactory() {
        return markers;
    }

    @Override
    public MDCAdapter getMDCAdapter() {
        return mdc;
    }

    @Override
    public String getRequestedApiVersion() {
        return "2.0.99";
    }

    @Override
    public void initialize() {
        // Everything is ready at construction.
    }

    static Level threshold(String setting) {
        if (setting == null || setting.isBlank()) {
            return Level.WARN;
        }
        try {
            return Level.valueOf(setting.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return Level.WARN;
        }
    }

    private static final class StderrLogger extends LegacyAbstractLogger {
        private static final long serialVersionUID = 1L;
        private final transient Level threshold;

        StderrLogger(String name, Level threshold) {
            this.name = name;
            this.threshold = threshold;
        }

        private boolean enabled(Level level) {
            return level.toInt() >= threshold.toInt();
        }

        @Override
        public boolean isTraceEnabled() {
            return enabled(Level.TRACE);
        }

        @Override
        public boolean isDebugEnabled() {
            return enabled(Level.DEBUG);
        }

        @Override
        public boolean isInfoEnabled() {
            return enabled(Level.INFO);
        }

        @Override
        public boolean isWarnEnabled() {
            return enabled(Level.WARN);
        }

        @Override
        public boolean isErrorEnabled() {
            return enabled(Level.ERROR);
        }

        @Override
        protected String getFullyQualifiedCallerName() {
            return null;
        }

        @Override
        protected void handleNormalizedLoggingCall(Level level, Marker marker, String pattern, Object[] arguments, Throwable thrown) {
            STDERR.println("[nndl-kernel " + level + " " + name + "] " + MessageFormatter.basicArrayFormat(pattern, arguments));
            if (thrown != null) {
                thrown.printStackTrace(STDERR);
            }
        }
    }
}
