package nndl.kernel;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.dflib.jjava.jupyter.channels.ShellReplyEnvironment;
import org.dflib.jjava.jupyter.kernel.JupyterIO;
import org.dflib.jjava.jupyter.messages.publish.PublishClearOutput;

/**
 * The cell's stdout, stderr, stdin and display channel, bound to the request being executed.
 * Printing streams to the notebook as it happens, a line at a time.
 */
final class KernelIO extends JupyterIO {
    /** The cells' {@code System.out}: whole lines to the notebook (see {@link LineBuffer}). */
    final PrintStream cellOut = new PrintStream(new LineBuffer(out), false, StandardCharsets.UTF_8);
    /** The cells' {@code System.err}, line-buffered like {@link #cellOut}. */
    final PrintStream cellErr = new PrintStream(new LineBuffer(err), false, StandardCharsets.UTF_8);
    private volatile ShellReplyEnvironment current;

    KernelIO() {
        super(StandardCharsets.UTF_8);
    }

    /** Sends the cells' pending partial lines, before a display or the cell's result. */
    void flushLines() {
        cellOut.flush();
        cellErr.flush();
    }

    /** Routes output to the request answered through {@code env}. */
    void attach(ShellReplyEnvironment env, boolean stdinAllowed) {
        current = env;
        setEnv(env);
        setJupyterInEnabled(stdinAllowed);
    }

    /** Stops routing output to {@code env}, flushing what was printed. */
    void detach(ShellReplyEnvironment env) {
        flushLines();
        out.flush();
        err.flush();
        retractEnv(env);
        if (current == env) {
            current = null;
        }
    }

    /**
     * Clears the cell's output: at once, or (with {@code wait}) when the next output arrives, which
     * avoids flicker when redrawing progress.
     *
     * @return false when no cell is running
     */
    boolean clearOutput(boolean wait) {
        ShellReplyEnvironment env = current;
        if (env == null) {
            return false;
        }
        flushLines();
        out.flush();
        err.flush();
        env.publish(wait ? PublishClearOutput.BEFORE_NEXT_OUTPUT : PublishClearOutput.NOW);
        return true;
    }
}
