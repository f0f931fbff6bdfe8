package nndl.internal;

import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * The helper threads of {@link RowSplit}: daemon threads, each with a one-task mailbox, that after a
 * task keep watching their mailbox for {@link #SPIN_NANOS} before they sleep. A training step hands
 * them a split product or gather every few hundred microseconds; a thread woken from sleep on a
 * virtual machine often started only after the caller had finished its own block and claimed the
 * helper's too, so the step ran on one core (docs/performance.md). Watching costs a core for at most
 * {@link #SPIN_NANOS} after the last task.
 */
final class Helpers {
    /** How long a helper watches its mailbox after a task before it sleeps. */
    static final long SPIN_NANOS = 2_000_000L;

    private final Mailbox[] mailboxes;

    /**
     * Starts {@code count} helper threads named {@code prefix-1 ...}.
     *
     * @param count  threads (≥ 1)
     * @param prefix their name prefix
     */
    Helpers(int count, String prefix) {
        mailboxes = new Mailbox[count];
        for (int i = 0; i < count; i++) {
            Mailbox mailbox = new Mailbox();
            Thread thread = new Thread(mailbox::serve, prefix + "-" + (i + 1));
            thread.setDaemon(true);
            mailbox.thread = thread;
            mailboxes[i] = mailbox;
            thread.start();
        }
    }

    /**
     * Gives {@code task} to helper {@code helper}, which runs it as soon as it is free. A task the helper
     * has not taken yet is replaced: {@link RowSplit} gives the next one only after every block of the
     * previous split is done, so a replaced task would have found nothing left to claim.
     */
    void give(int helper, Runnable task) {
        Mailbox mailbox = mailboxes[helper];
        mailbox.task.set(task);
        LockSupport.unpark(mailbox.thread);
    }

    private static final class Mailbox {
        private final AtomicReference<Runnable> task = new AtomicReference<>();
        private Thread thread;

        void serve() {
            while (true) {
                take().run();
            }
        }

        /** The next task: watched for while the last one is recent, then slept for (unpark wakes). */
        private Runnable take() {
            long watchUntil = System.nanoTime() + SPIN_NANOS;
            while (true) {
                Runnable next = task.getAndSet(null);
                if (next != null) {
                    return next;
                }
                if (System.nanoTime() < watchUntil) {
                    Thread.onSpinWait();
                } else {
                    LockSupport.park(this);
                }
            }
        }
    }
}
