package nndl.viz;

import java.util.Locale;
import java.util.UUID;
import java.util.function.LongSupplier;
import nndl.util.ProgressListener;
import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;

/**
 * A live progress display for a long loop in a notebook: one output, updated in place, showing the
 * step count, the current loss and an estimate of the time left, as {@code text/plain} and as a
 * small {@code text/html} bar. Pass it where a loop takes a {@link ProgressListener}:
 *
 * <pre>{@code
 * net.train(xTrain, yTrain, xVal, yVal, options, Progress.of("SGD"));
 * }</pre>
 *
 * The display appears when it is made (so above the loop's log lines, reading "starting"), is
 * refreshed at most every half second, and always for the last step, so the saved
 * notebook keeps the final state. Outside the Java kernel (a plain {@code java} run, a unit test)
 * it shows nothing; the loop's own log lines are unaffected either way. One per loop: the clock
 * starts when it is made.
 */
public final class Progress implements ProgressListener {
    private static final long REFRESH_NANOS = 500_000_000L;
    private static final boolean KERNEL_CLASSES_PRESENT = kernelClassesPresent();

    /** Where the display goes: the first call shows it, later calls replace it. */
    interface Screen {
        void show(String text, String html);
    }

    private final String title;
    private final LongSupplier clock;
    private final Screen screen;
    private final long start;
    private long lastShown;

    Progress(String title, LongSupplier clock, Screen screen) {
        this.title = title;
        this.clock = clock;
        this.screen = screen;
        this.start = clock.getAsLong();
        if (screen != null) {
            screen.show(title + ": starting", "<div style=\"font-family: monospace\"><progress style=\"width: 16em; "
                    + "vertical-align: middle\"></progress> " + escape(title) + ": starting</div>");
            lastShown = start;
        }
    }

    /**
     * A progress display named {@code title}, shown in the running notebook (nothing outside one).
     *
     * @param title what runs ({@code "SGD"}, {@code "sweep"}), written before the numbers
     */
    public static Progress of(String title) {
        Screen screen = KERNEL_CLASSES_PRESENT ? KernelScreen.inRunningKernel() : null;
        return new Progress(title, System::nanoTime, screen);
    }

    private static boolean kernelClassesPresent() {
        try {
            Class.forName("org.dflib.jjava.jupyter.kernel.BaseKernel", false, Progress.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /** Shows step {@code done} of {@code total}, unless the display was refreshed less than half a second ago. */
    @Override
    public synchronized void progress(int done, int total, double loss) {
        if (screen == null) {
            return;
        }
        long now = clock.getAsLong();
        if (done < total && now - lastShown < REFRESH_NANOS) {
            return;
        }
        double seconds = (now - start) / 1e9;
        screen.show(text(title, done, total, loss, seconds), html(title, done, total, loss, seconds));
        lastShown = now;
    }

    /**
     * The line shown: {@code SGD: 350 / 1000 (35%), loss 1.9234, 12 s so far, about 22 s left}, or
     * {@code ..., done in 34 s} for the last step.
     *
     * @param seconds time since the loop started
     */
    static String text(String title, int done, int total, double loss, double seconds) {
        String head = String.format(Locale.ROOT, "%s: %d / %d (%d%%), loss %.4f, ", title, done, total,
                total > 0 ? (int) (100L * done / total) : 100, loss);
        if (done >= total) {
            return head + "done in " + duration(seconds);
        }
        double left = done > 0 ? seconds / done * (total - done) : Double.NaN;
        return head + duration(seconds) + " so far, " + (Double.isNaN(left) ? "time left unknown" : "about " + duration(left) + " left");
    }

    /** The same line after an HTML progress bar. */
    static String html(String title, int done, int total, double loss, double seconds) {
        String line = escape(text(title, done, total, loss, seconds));
        return "<div style=\"font-family: monospace\"><progress value=\"" + done + "\" max=\"" + total
                + "\" style=\"width: 16em; vertical-align: middle\"></progress> " + line + "</div>";
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** {@code 7 s}, or {@code 2 min 05 s} from a minute on. */
    static String duration(double seconds) {
        long whole = Math.round(seconds);
        return whole < 60 ? whole + " s" : String.format(Locale.ROOT, "%d min %02d s", whole / 60, whole % 60);
    }

    /** The only code touching jjava-jupyter types; loaded lazily, after the presence check. */
    static final class KernelScreen implements Screen {
        private final BaseKernel kernel;
        private String displayId;

        private KernelScreen(BaseKernel kernel) {
            this.kernel = kernel;
        }

        /** A screen on the kernel this code runs in, or null when no notebook kernel is running. */
        static Screen inRunningKernel() {
            try {
                BaseKernel kernel = BaseKernel.notebookKernel();
                return kernel == null ? null : new KernelScreen(kernel);
            } catch (NullPointerException e) {
                // jjava-jupyter 1.0-a6 reports "No kernel running" with requireNonNull instead of returning null.
                return null;
            }
        }

        @Override
        public void show(String text, String html) {
            DisplayData data = new DisplayData(text);
            data.putHTML(html);
            if (displayId == null) {
                displayId = UUID.randomUUID().toString();
                data.setDisplayId(displayId);
                kernel.display(data);
            } else {
                kernel.getIO().display.updateDisplay(displayId, data);
            }
        }
    }
}
