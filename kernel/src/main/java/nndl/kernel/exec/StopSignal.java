package nndl.kernel.exec;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;

/**
 * The flag that the stop checks compiled into the cells' code read (see {@link CellBytecode}).
 *
 * <p>A stop targets the thread group of one cell ({@link CellThreads}): the statement's worker and
 * every thread the cell started. While a stop is being carried out, the common fork-join pool's
 * workers stop too, since a cell's parallel streams run there. The fast path is one read of a
 * volatile field, as in the JDK's own JShell since JDK 20 (JDK-8289613), so unstopped code pays
 * almost nothing.
 */
public final class StopSignal {
    private static final Set<ThreadGroup> STOPPING = ConcurrentHashMap.newKeySet();
    private static volatile boolean raised;
    private static volatile boolean commonPoolToo;

    private StopSignal() {
    }

    /**
     * Called by the cells' code at every method entry and backward branch.
     *
     * @throws CellStopped if the calling thread belongs to a cell being stopped
     */
    public static void check() {
        if (raised && applies(Thread.currentThread())) {
            throw new CellStopped();
        }
    }

    /** Makes every thread of {@code group} (and, for now, of the common pool) stop at its next check. */
    static synchronized void raise(ThreadGroup group) {
        STOPPING.add(group);
        commonPoolToo = true;
        raised = true;
    }

    /** Ends the common pool's part of the stops raised so far: its workers serve later cells too. */
    static synchronized void spareCommonPool() {
        commonPoolToo = false;
    }

    /**
     * Forgets the stop of {@code group}, once it has no thread left, so that the checks are back on
     * their fast path.
     */
    static synchronized void lower(ThreadGroup group) {
        STOPPING.remove(group);
        raised = !STOPPING.isEmpty();
    }

    private static boolean applies(Thread thread) {
        if (commonPoolToo && thread instanceof ForkJoinWorkerThread worker && worker.getPool() == ForkJoinPool.commonPool()) {
            return true;
        }
        for (ThreadGroup group = thread.getThreadGroup(); group != null; group = group.getParent()) {
            if (STOPPING.contains(group)) {
                return true;
            }
        }
        return false;
    }
}
