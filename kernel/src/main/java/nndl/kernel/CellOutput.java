package nndl.kernel;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import nndl.kernel.exec.CellThreads;

/**
 * The cells' {@code System.out} and {@code System.err}: batches what they print into few stream
 * messages, in the order it was printed, and never drops any of it.
 *
 * <ul>
 *   <li>A line goes out at once when nothing was sent for {@value #BATCH_MILLIS} ms; under a burst,
 *       lines are gathered and sent every {@value #BATCH_MILLIS} ms or every {@value #BATCH_BYTES}
 *       bytes, so a loop printing a million lines sends a few hundred messages, not a million
 *       (which Jupyter's message queues would drop). A partial line ({@code print("loading...")})
 *       waits at most {@value #PARTIAL_DELAY_MILLIS} ms; pieces of a line go out together.</li>
 *   <li>A cell printing more than the cap keeps its head and tail ({@link OutputCap}).</li>
 *   <li>A thread started by an earlier cell prints labelled lines, {@code [In [3] worker-1] ...},
 *       into the running cell, or, when no cell runs, held for the next one.</li>
 * </ul>
 *
 * The streams ignore {@code close()}: a cell closing {@code System.out} does not mute later cells.
 */
final class CellOutput {
    static final long BATCH_MILLIS = 50;
    static final long PARTIAL_DELAY_MILLIS = 500;
    static final int BATCH_BYTES = 64 * 1024;
    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "nndl-kernel-output");
        thread.setDaemon(true);
        return thread;
    });

    /** The cells' {@code System.out}. */
    final PrintStream out = new CellStream(0);
    /** The cells' {@code System.err}. */
    final PrintStream err = new CellStream(1);

    private final PrintStream[] targets;
    private final OutputCap cap;
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
    private final Map<Thread, ByteArrayOutputStream> background = new LinkedHashMap<>();
    private final List<OutputCap.Chunk> held = new ArrayList<>();
    private long heldBytes;
    private long heldLeftOut;
    private int pendingStream;
    private boolean pendingLineEnd;
    private long lastSendNanos;
    private ScheduledFuture<?> scheduled;
    private long scheduledAtNanos;
    private int cell = -1;

    /**
     * Output sent to {@code stdout} and {@code stderr}, which publish each write as one message.
     *
     * @param capBytes what one cell may show, see {@link OutputCap}
     */
    CellOutput(PrintStream stdout, PrintStream stderr, long capBytes) {
        this.targets = new PrintStream[] {stdout, stderr};
        this.cap = new OutputCap(capBytes);
    }

    /** Cell {@code In [count]} starts: its output goes out from now; held background lines first. */
    synchronized void beginCell(int count) {
        cell = count;
        cap.reset();
        background.entrySet().removeIf(e -> !e.getKey().isAlive() && e.getValue().size() == 0);
        List<OutputCap.Chunk> waiting = new ArrayList<>(held);
        held.clear();
        heldBytes = 0;
        waiting.forEach(chunk -> enqueue(chunk.stream(), chunk.bytes(), 0, chunk.bytes().length));
        if (heldLeftOut > 0) {
            byte[] notice = String.format("[%,d lines from earlier cells' threads were left out while no cell ran]%n", heldLeftOut)
                    .getBytes(StandardCharsets.UTF_8);
            enqueue(1, notice, 0, notice.length);
            heldLeftOut = 0;
        }
    }

    /** The cell ends: everything pending goes out, then what the cap kept back. */
    synchronized void endCell() {
        send();
        for (OutputCap.Chunk chunk : cap.finish()) {
            targets[chunk.stream()].write(chunk.bytes(), 0, chunk.bytes().length);
        }
        lastSendNanos = System.nanoTime();
        cell = -1;
    }

    /** Sends what is pending now, before a display or the cell's result. */
    synchronized void flush() {
        send();
    }

    private synchronized void write(int stream, byte[] bytes, int offset, int length) {
        int owner = CellThreads.cellOf(Thread.currentThread());
        if (owner >= 0 && owner != cell) {
            fromEarlierCell(owner, stream, bytes, offset, length);
        } else if (cell < 0) {
            hold(stream, bytes, offset, length);
        } else {
            enqueue(stream, bytes, offset, length);
        }
    }

    /** Gathers a background thread's bytes into lines and labels each with the thread and its cell. */
    private void fromEarlierCell(int owner, int stream, byte[] bytes, int offset, int length) {
        Thread thread = Thread.currentThread();
        ByteArrayOutputStream line = background.computeIfAbsent(thread, t -> new ByteArrayOutputStream());
        for (int i = offset; i < offset + length; i++) {
            line.write(bytes[i]);
            if (bytes[i] == '\n') {
                byte[] labelled = ("[In [" + owner + "] " + thread.getName() + "] " + line.toString(StandardCharsets.UTF_8))
                        .getBytes(StandardCharsets.UTF_8);
                line.reset();
                if (cell < 0) {
                    hold(stream, labelled, 0, labelled.length);
                } else {
                    enqueue(stream, labelled, 0, labelled.length);
                }
            }
        }
    }

    /** Keeps output printed while no cell runs, up to the cap, for the next cell. */
    private void hold(int stream, byte[] bytes, int offset, int length) {
        if (heldBytes + length > cap.limit()) {
            for (int i = offset; i < offset + length; i++) {
                heldLeftOut += bytes[i] == '\n' ? 1 : 0;
            }
            return;
        }
        byte[] copy = new byte[length];
        System.arraycopy(bytes, offset, copy, 0, length);
        held.add(new OutputCap.Chunk(stream, copy));
        heldBytes += length;
    }

    private void enqueue(int stream, byte[] bytes, int offset, int length) {
        boolean wasHolding = cap.holding();
        int live = cap.admit(stream, bytes, offset, length);
        if (live > 0) {
            append(stream, bytes, offset, live);
        }
        if (!wasHolding && cap.holding()) {
            byte[] notice = cap.holdingNotice().getBytes(StandardCharsets.UTF_8);
            append(1, notice, 0, notice.length);
        }
    }

    private void append(int stream, byte[] bytes, int offset, int length) {
        if (stream != pendingStream && pending.size() > 0) {
            send();
        }
        pendingStream = stream;
        pending.write(bytes, offset, length);
        for (int i = offset; i < offset + length && !pendingLineEnd; i++) {
            pendingLineEnd = bytes[i] == '\n' || bytes[i] == '\r';
        }
        if (pending.size() >= BATCH_BYTES) {
            send();
            return;
        }
        long now = System.nanoTime();
        if (pendingLineEnd) {
            long sinceLast = now - lastSendNanos;
            if (sinceLast >= TimeUnit.MILLISECONDS.toNanos(BATCH_MILLIS)) {
                send();
            } else {
                scheduleAt(lastSendNanos + TimeUnit.MILLISECONDS.toNanos(BATCH_MILLIS));
            }
        } else {
            scheduleAt(now + TimeUnit.MILLISECONDS.toNanos(PARTIAL_DELAY_MILLIS));
        }
    }

    /** Sends pending bytes at {@code atNanos}, unless a send is already due earlier. */
    private void scheduleAt(long atNanos) {
        if (scheduled != null) {
            if (scheduledAtNanos <= atNanos) {
                return;
            }
            scheduled.cancel(false);
        }
        scheduledAtNanos = atNanos;
        scheduled = TIMER.schedule(this::flush, Math.max(0, atNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
    }

    private void send() {
        if (scheduled != null) {
            scheduled.cancel(false);
            scheduled = null;
        }
        if (pending.size() == 0) {
            return;
        }
        byte[] bytes = pending.toByteArray();
        int end = wholeCharacters(bytes);
        targets[pendingStream].write(bytes, 0, end);
        pending.reset();
        pending.write(bytes, end, bytes.length - end);
        pendingLineEnd = false;
        lastSendNanos = System.nanoTime();
    }

    /** How many of {@code bytes} end at a UTF-8 character boundary (a message is decoded on its own). */
    private static int wholeCharacters(byte[] bytes) {
        int end = bytes.length;
        int back = 0;
        while (back < 3 && end - back - 1 >= 0 && (bytes[end - back - 1] & 0xC0) == 0x80) {
            back++;
        }
        int lead = end - back - 1;
        if (lead < 0 || (bytes[lead] & 0x80) == 0) {
            return end;
        }
        int needed = (bytes[lead] & 0xE0) == 0xC0 ? 2 : (bytes[lead] & 0xF0) == 0xE0 ? 3 : 4;
        return back + 1 >= needed ? end : lead;
    }

    /** A print stream into this output that a cell cannot close. */
    private final class CellStream extends PrintStream {
        CellStream(int stream) {
            super(new OutputStream() {
                @Override
                public void write(int b) {
                    CellOutput.this.write(stream, new byte[] {(byte) b}, 0, 1);
                }

                @Override
                public void write(byte[] bytes, int offset, int length) {
                    CellOutput.this.write(stream, bytes, offset, length);
                }

                @Override
                public void flush() {
                    CellOutput.this.flush();
                }
            }, false, StandardCharsets.UTF_8);
        }

        /** Flushes only: the stream serves every later cell too. */
        @Override
        public void close() {
            flush();
        }
    }
}
