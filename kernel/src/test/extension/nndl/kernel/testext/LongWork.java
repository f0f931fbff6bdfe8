package nndl.kernel.testext;

import java.util.concurrent.CancellationException;

/**
 * Library loops as the kernel's stop tests need them: one that checks the interrupt flag, as the
 * library's training loops do, and one that ignores it, as a native call would.
 */
public final class LongWork {
    private LongWork() {
    }

    /**
     * Runs a training-like loop until the thread is interrupted.
     *
     * @throws CancellationException once interrupted
     */
    public static double trainUntilInterrupted() {
        double w = 1;
        while (true) {
            for (int i = 0; i < 10_000; i++) {
                w = w * 0.9999 + Math.sin(i) * 1e-9;
            }
            if (Thread.interrupted()) {
                throw new CancellationException("training interrupted, w = " + w);
            }
        }
    }

    /** Busy for {@code millis} ms whatever happens: nothing in the kernel can stop it. */
    public static void spinIgnoringInterrupts(long millis) {
        long end = System.nanoTime() + millis * 1_000_000;
        while (System.nanoTime() < end) {
            Thread.onSpinWait();
        }
    }
}
