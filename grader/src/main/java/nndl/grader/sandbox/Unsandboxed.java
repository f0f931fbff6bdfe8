package nndl.grader.sandbox;

import java.io.IOException;

/**
 * {@code ./workbook grade --no-sandbox}: the command runs as the instructor's user with the
 * instructor's files in reach. Unsafe (like otter-grader's non-containerised mode); for trusted
 * hand-ins or machines where no sandbox can start. Placeholder until the sandbox branch lands.
 */
public final class Unsandboxed implements Sandbox {
    @Override
    public Sandboxed start(SandboxSpec spec) throws IOException {
        throw new UnsupportedOperationException("not built yet");
    }

    @Override
    public String describe() {
        return "no sandbox (--no-sandbox: the hand-in runs with the instructor's rights)";
    }
}
