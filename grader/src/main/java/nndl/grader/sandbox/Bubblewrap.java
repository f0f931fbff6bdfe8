package nndl.grader.sandbox;

import java.io.IOException;

/** bubblewrap with every namespace unshared, read-only root, caps (docs/editions.md). Placeholder until the sandbox branch lands. */
public final class Bubblewrap implements Sandbox {
    /** Null when the sandbox can start here, else why not (said by {@code grade} when it refuses). */
    public static String unavailableBecause() {
        return "the bubblewrap sandbox is not built yet";
    }

    @Override
    public Sandboxed start(SandboxSpec spec) throws IOException {
        throw new UnsupportedOperationException("not built yet");
    }

    @Override
    public String describe() {
        return "bubblewrap";
    }
}
