package nndl.kernel;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Collects a cell's printed bytes into whole lines before they go to the notebook. jjava's streams
 * publish every write as its own message, so a line printed in pieces ({@code printf}, or
 * {@code print} then {@code println}) became a dozen outputs. Pending bytes go out at a newline or
 * carriage return (progress bars), on {@link #flush()}, and at the latest {@value #PARTIAL_DELAY_MS}
 * ms after a partial line started, so {@code print("loading...")} before long work still shows.
 */
final class LineBuffer extends OutputStream {
    static final long PARTIAL_DELAY_MS = 500;
    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "nndl-kernel-output");
        thread.setDaemon(true);
        return thread;
    });

    private final PrintStream target;
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
    private ScheduledFuture<?> partialFlush;

    /** Lines go to {@code target}, which publishes each write. */
    LineBuffer(PrintStream target) {
        this.target = target;
    }

    @Override
    public synchronized void write(int b) {
        pending.write(b);
        afterWrite(b == '\n' || b == '\r');
    }

    @Override
    public synchronized void write(byte[] bytes, int offset, int length) {
        pending.write(bytes, offset, length);
        boolean lineEnd = false;
        for (int i = offset; i < offset + length && !lineEnd; i++) {
            lineEnd = bytes[i] == '\n' || bytes[i] == '\r';
        }
        afterWrite(lineEnd);
    }

    private void afterWrite(boolean lineEnd) {
        if (lineEnd) {
            flush();
        } else if (partialFlush == null) {
            partialFlush = TIMER.schedule(this::flush, PARTIAL_DELAY_MS, TimeUnit.MILLISECONDS);
        }
    }

    /** Sends what is pending, whole lines or not. */
    @Override
    public synchronized void flush() {
        if (partialFlush != null) {
            partialFlush.cancel(false);
            partialFlush = null;
        }
        if (pending.size() > 0) {
            target.write(pending.toByteArray(), 0, pending.size());
            pending.reset();
        }
    }
}
