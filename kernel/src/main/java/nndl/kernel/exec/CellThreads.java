package nndl.kernel.exec;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * One thread group per cell: the cell's statements run in it, and every thread they start (a
 * {@code new Thread}, an executor's workers) joins it, so the kernel knows which cell a thread
 * belongs to: to stop all of a cell's threads, and to label output that a thread of an earlier
 * cell prints while another cell runs. Virtual threads (JDK 21+) all share one JDK group and are
 * not attributed.
 */
public final class CellThreads {
    private static final ThreadGroup ALL_CELLS = new CellGroup(null, "nndl-cells");
    private static final Map<ThreadGroup, Integer> CELLS = Collections.synchronizedMap(new WeakHashMap<>());

    private CellThreads() {
    }

    /** A new group for the threads of cell {@code In [count]}. */
    static ThreadGroup newCell(int count) {
        ThreadGroup group = new CellGroup(ALL_CELLS, "In [" + count + "]");
        CELLS.put(group, count);
        return group;
    }

    /** The execution count of the cell whose code started {@code thread}, or -1 if none did. */
    public static int cellOf(Thread thread) {
        for (ThreadGroup group = thread.getThreadGroup(); group != null; group = group.getParent()) {
            Integer count = CELLS.get(group);
            if (count != null) {
                return count;
            }
        }
        return -1;
    }

    /** The live threads of {@code group} and its subgroups. */
    static List<Thread> threads(ThreadGroup group) {
        Thread[] found = new Thread[group.activeCount() + 8];
        int n = group.enumerate(found, true);
        while (n == found.length) {
            found = new Thread[found.length * 2];
            n = group.enumerate(found, true);
        }
        return new ArrayList<>(Arrays.asList(found).subList(0, n));
    }

    /** The threads of {@code group} still on a CPU (neither waiting nor sleeping). */
    static List<Thread> running(ThreadGroup group) {
        List<Thread> running = threads(group);
        running.removeIf(t -> t.getState() != Thread.State.RUNNABLE);
        return running;
    }

    /** A cell's group: a thread of it that a stop ended dies quietly, others report as usual. */
    private static final class CellGroup extends ThreadGroup {
        CellGroup(ThreadGroup parent, String name) {
            super(parent == null ? Thread.currentThread().getThreadGroup() : parent, name);
        }

        @Override
        public void uncaughtException(Thread thread, Throwable e) {
            if (!(e instanceof CellStopped)) {
                super.uncaughtException(thread, e);
            }
        }
    }
}
