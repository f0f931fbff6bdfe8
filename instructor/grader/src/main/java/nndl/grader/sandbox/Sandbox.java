package nndl.grader.sandbox;

import java.io.IOException;

/**
 * Runs a process tree that executes hand-in code, so that it can reach nothing it must not see or
 * change (docs/editions.md, "The sandbox"). Implementations: {@link Bubblewrap} (the default) and
 * {@link Unsandboxed} (the instructor's explicit {@code --no-sandbox}, unsafe).
 */
public interface Sandbox {

    /**
     * Starts {@code spec.command()} inside the sandbox.
     *
     * @param spec what to run, what it may see and write, and its limits
     * @return the running tree; the caller must {@link Sandboxed#close()} it
     * @throws IOException when the process cannot be started
     */
    Sandboxed start(SandboxSpec spec) throws IOException;

    /** One line for logs and the feedback: which sandbox, with which isolation. */
    String describe();
}
