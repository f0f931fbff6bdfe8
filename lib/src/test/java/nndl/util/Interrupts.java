package nndl.util;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/** Runs a long loop on a thread of its own, interrupts it once it has started and returns what it threw. */
public final class Interrupts {
    private Interrupts() {
    }

    /**
     * Starts {@code loop} on a new thread, interrupts that thread {@code afterMillis} after the loop
     * began, and waits (at most 10 s) for the thread to end.
     *
     * @return what the loop threw (null if it returned normally)
     */
    public static Throwable interruptDuring(Runnable loop, long afterMillis) throws InterruptedException {
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        CountDownLatch started = new CountDownLatch(1);
        Thread thread = new Thread(() -> {
            started.countDown();
            try {
                loop.run();
            } catch (Throwable t) {
                thrown.set(t);
            }
        }, "interrupted-loop");
        thread.setDaemon(true);
        thread.start();
        assertTrue(started.await(10, TimeUnit.SECONDS), "the loop's thread did not start");
        Thread.sleep(afterMillis);
        thread.interrupt();
        thread.join(10_000);
        assertFalse(thread.isAlive(), "the loop did not end within 10 s of the interrupt");
        return thrown.get();
    }
}
