package nndl.kernel;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.dflib.jjava.jupyter.channels.ShellReplyEnvironment;
import org.dflib.jjava.jupyter.kernel.JupyterIO;
import org.dflib.jjava.jupyter.messages.publish.PublishClearOutput;

/**
 * The cell's stdout, stderr, stdin and display channel, bound to the request being executed.
 * Printing streams to the notebook as it happens (see {@link CellOutput}).
 */
final class KernelIO extends JupyterIO {
    private final CellOutput output;
    private volatile ShellReplyEnvironment current;

    /** Streams that show at most {@code outputCapBytes} of a cell's output (head and tail). */
    KernelIO(long outputCapBytes) {
        super(StandardCharsets.UTF_8);
        this.output = new CellOutput(out, err, outputCapBytes);
    }

    /** The cells' {@code System.out}. */
    PrintStream cellOut() {
        return output.out;
    }

    /** The cells' {@code System.err}. */
    PrintStream cellErr() {
        return output.err;
    }

    /** Sends the cells' pending output, before a display or the cell's result. */
    void flushLines() {
        output.flush();
    }

    /** Routes output to the request answered through {@code env}, that of cell {@code In [count]}. */
    void attach(ShellReplyEnvironment env, boolean stdinAllowed, int count) {
        current = env;
        setEnv(env);
        setJupyterInEnabled(stdinAllowed);
        output.beginCell(count);
    }

    /** Stops routing output to {@code env}, after sending all the cell printed. */
    void detach(ShellReplyEnvironment env) {
        output.endCell();
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
