package nndl.kernel;

import java.nio.charset.StandardCharsets;
import org.dflib.jjava.jupyter.channels.ShellReplyEnvironment;
import org.dflib.jjava.jupyter.kernel.JupyterIO;
import org.dflib.jjava.jupyter.messages.publish.PublishClearOutput;

/**
 * The cell's stdout, stderr, stdin and display channel, bound to the request being executed.
 * Printing streams to the notebook as it happens: the streams flush on every line.
 */
final class KernelIO extends JupyterIO {
    private volatile ShellReplyEnvironment current;

    KernelIO() {
        super(StandardCharsets.UTF_8);
    }

    /** Routes output to the request answered through {@code env}. */
    void attach(ShellReplyEnvironment env, boolean stdinAllowed) {
        current = env;
        setEnv(env);
        setJupyterInEnabled(stdinAllowed);
    }

    /** Stops routing output to {@code env}, flushing what was printed. */
    void detach(ShellReplyEnvironment env) {
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
        out.flush();
        err.flush();
        env.publish(wait ? PublishClearOutput.BEFORE_NEXT_OUTPUT : PublishClearOutput.NOW);
        return true;
    }
}
