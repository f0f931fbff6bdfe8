package nndl.kernel.exec;

import java.lang.management.ManagementFactory;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import jdk.jshell.execution.DirectExecutionControl;
import nndl.kernel.errors.StoppedFailure.Reason;

/**
 * Runs JShell's snippets inside the kernel's JVM, each on its own worker thread, so that user code
 * reaches the kernel ({@code display(...)}) and a stuck statement can be stopped.
 *
 * <p>The thread that asked JShell to evaluate supervises the worker. A cell's worker and every
 * thread it starts share the cell's thread group ({@link CellThreads}). When the user interrupts
 * (or the {@code JJAVA_TIMEOUT} time-out passes) the supervisor raises the {@link StopSignal} for
 * that group and interrupts its threads: sleeps, waits and library loops that check the interrupt
 * flag end, and the cells' own code, which carries a stop check at every method entry and backward
 * branch ({@link CellBytecode}), throws {@link CellStopped} at once, on every JDK. Code that
 * checks nothing (a native call, a library loop ignoring interrupts) is given
 * {@value #STOP_GRACE_MILLIS} ms; if it still runs, the cell says so and names where, and never
 * claims to have stopped it. {@code Thread.stop} is not used: it is gone from JDK 20 on.
 *
 * <p>JShell only gets a key from {@link #invoke(Method)}; the value itself is kept here, so that
 * the kernel can render the real object (an image, a table) rather than its string.
 */
public final class CellExecutionControl extends DirectExecutionControl {
    private static final long POLL_MILLIS = 20;
    private static final long STOP_GRACE_MILLIS = 1_500;
    private static final Object NULL = new Object();

    private final CellClassLoader classes;
    private final Duration timeout;
    private final Map<String, Object> results = new ConcurrentHashMap<>();
    private final AtomicLong counter = new AtomicLong();
    private volatile boolean interruptRequested;
    private volatile boolean closed;
    private volatile Reason stopReason;
    private volatile List<String> stillRunning = List.of();
    private volatile Thread worker;
    private volatile ThreadGroup cellGroup = CellThreads.newCell(0);
    private final AtomicLong executionWallNanos = new AtomicLong();
    private final AtomicLong executionCpuNanos = new AtomicLong();

    /**
     * Time spent running statements since the kernel started, compilation excluded.
     *
     * @param wallNanos wall-clock nanoseconds
     * @param cpuNanos  CPU nanoseconds of the whole process while statements ran, or -1 if unknown
     */
    public record Usage(long wallNanos, long cpuNanos) {
        /** The time spent between {@code earlier} and this reading. */
        public Usage since(Usage earlier) {
            long cpu = cpuNanos < 0 || earlier.cpuNanos < 0 ? -1 : cpuNanos - earlier.cpuNanos;
            return new Usage(wallNanos - earlier.wallNanos, cpu);
        }
    }

    /**
     * A control loading classes through {@code classes}; {@code timeout} bounds each top-level
     * statement ({@code null} or non-positive: no bound).
     */
    public CellExecutionControl(CellClassLoader classes, Duration timeout) {
        super(classes);
        this.classes = classes;
        this.timeout = timeout == null || timeout.isZero() || timeout.isNegative() ? null : timeout;
    }

    /** The configured time-out per statement, or {@code null} for none. */
    public Duration timeout() {
        return timeout;
    }

    /** Forgets any earlier interrupt and gives cell {@code In [count]} its thread group. */
    public void beginCell(int count) {
        interruptRequested = false;
        stopReason = null;
        stillRunning = List.of();
        cellGroup = CellThreads.newCell(count);
    }

    /** Asks the running statement, if any, to stop; later statements of the cell are skipped. */
    public void requestInterrupt() {
        interruptRequested = true;
    }

    /**
     * Stops the threads earlier statements of the cell started, when an interrupt came while no
     * statement ran (between two, or while one compiled); see {@link #stillRunning()}.
     */
    public void stopCellThreads() {
        halt(null, Reason.INTERRUPTED);
    }

    /** True once an interrupt was requested during the current cell. */
    public boolean interruptRequested() {
        return interruptRequested;
    }

    /** Why the last statement was stopped, or {@code null} if it was not. */
    public Reason stopReason() {
        return stopReason;
    }

    /**
     * The threads of the last stopped cell that ignored every attempt to stop them, each as its
     * name and where it runs; empty when all stopped.
     */
    public List<String> stillRunning() {
        return stillRunning;
    }

    /** Time spent running statements so far; {@code %time} reports differences of readings. */
    public Usage usage() {
        return new Usage(executionWallNanos.get(), processCpuNanos() < 0 ? -1 : executionCpuNanos.get());
    }

    /** True when the calling thread is running a cell's statement. */
    public boolean onWorkerThread() {
        return Thread.currentThread() == worker;
    }

    /**
     * Removes and returns the value JShell knows by {@code key}.
     *
     * @throws IllegalArgumentException if no value has that key
     */
    public Object takeResult(String key) {
        Object value = results.remove(key);
        if (value == null) {
            throw new IllegalArgumentException("takeResult: no value with key " + key);
        }
        return value == NULL ? null : value;
    }

    /** True if {@code key} names a value this control holds. */
    public boolean hasResult(String key) {
        return key != null && results.containsKey(key);
    }

    /** Drops values nobody took, so that they can be garbage collected. */
    public void clearResults() {
        results.clear();
    }

    /** Looks a class up by name among the cells' classes and the added classpath. */
    public Class<?> loadClass(String name) throws ClassNotFoundException {
        return classes.findClass(name);
    }

    @Override
    protected String invoke(Method doit) throws Exception {
        if (interruptRequested || closed) {
            stopCellThreads();
            throw new InvocationTargetException(new InterruptedException("statement skipped: the cell was interrupted"));
        }
        Statement statement = new Statement(doit);
        Thread thread = new Thread(cellGroup, statement, "nndl-cell-" + counter.incrementAndGet());
        thread.setDaemon(true);
        thread.setContextClassLoader(classes.classLoader());
        worker = thread;
        long cpuBefore = processCpuNanos();
        long start = System.nanoTime();
        try {
            thread.start();
            supervise(thread);
        } finally {
            worker = null;
            executionWallNanos.addAndGet(System.nanoTime() - start);
            long cpuAfter = processCpuNanos();
            executionCpuNanos.addAndGet(cpuBefore < 0 || cpuAfter < 0 ? 0 : cpuAfter - cpuBefore);
        }
        if (thread.isAlive()) {
            InterruptedException notStopped = new InterruptedException("the statement did not stop");
            notStopped.setStackTrace(thread.getStackTrace());
            throw new InvocationTargetException(notStopped);
        }
        if (statement.failure != null) {
            throw new InvocationTargetException(statement.failure);
        }
        String key = "nndl-result-" + counter.incrementAndGet();
        results.put(key, statement.value == null ? NULL : statement.value);
        return key;
    }

    @Override
    public void stop() {
        requestInterrupt();
    }

    @Override
    public void close() {
        closed = true;
        Thread running = worker;
        if (running != null) {
            halt(running, Reason.INTERRUPTED);
        }
        results.clear();
        super.close();
    }

    private void supervise(Thread thread) throws InterruptedException {
        long deadline = timeout == null ? Long.MAX_VALUE : System.nanoTime() + timeout.toNanos();
        while (thread.isAlive()) {
            thread.join(POLL_MILLIS);
            if (!thread.isAlive()) {
                return;
            }
            if (interruptRequested || closed) {
                halt(thread, Reason.INTERRUPTED);
                return;
            }
            if (System.nanoTime() > deadline) {
                halt(thread, Reason.TIMED_OUT);
                return;
            }
        }
    }

    /**
     * Stops the cell's threads, {@code thread} (the statement's worker, or null between statements)
     * first; see the class comment. Leaves in {@link #stillRunning()} those that would not stop.
     */
    private void halt(Thread thread, Reason reason) {
        stopReason = reason;
        ThreadGroup group = cellGroup;
        StopSignal.raise(group);
        long deadline = System.nanoTime() + STOP_GRACE_MILLIS * 1_000_000;
        try {
            CellThreads.threads(group).forEach(Thread::interrupt);
            if (thread != null) {
                thread.join(STOP_GRACE_MILLIS);
            }
            while (!CellThreads.running(group).isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(POLL_MILLIS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            StopSignal.spareCommonPool();
        }
        List<Thread> left = CellThreads.running(group);
        if (thread != null && thread.isAlive() && !left.contains(thread)) {
            left.add(0, thread);
        }
        if (left.isEmpty()) {
            // Threads of the cell that wait (an idle executor) keep no CPU; their next task may run.
            StopSignal.lower(group);
        }
        stillRunning = left.stream().map(CellExecutionControl::whereItRuns).toList();
    }

    private static String whereItRuns(Thread thread) {
        StackTraceElement[] stack = thread.getStackTrace();
        return stack.length == 0 ? thread.getName() : thread.getName() + " in " + stack[0];
    }

    private static long processCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return -1;
    }

    /** One top-level statement: the snippet's {@code do_it$} method, run once. */
    private static final class Statement implements Runnable {
        private final Method doit;
        private volatile Object value;
        private volatile Throwable failure;

        Statement(Method doit) {
            this.doit = doit;
        }

        @Override
        public void run() {
            try {
                value = doit.invoke(null);
            } catch (InvocationTargetException e) {
                failure = e.getCause();
            } catch (Throwable e) {
                failure = e;
            }
        }
    }
}
