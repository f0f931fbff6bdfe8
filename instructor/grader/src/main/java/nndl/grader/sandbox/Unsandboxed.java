package nndl.grader.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.TimeUnit;

/**
 * {@code ./workbook grade --no-sandbox}: the command runs as the instructor's user with the
 * instructor's files in reach. Unsafe (like otter-grader's non-containerised mode); for trusted
 * hand-ins or machines where no sandbox can start. It honours the spec's command, environment (nothing
 * inherited), working folder, log and wall clock, and on close kills the process and every
 * descendant it can still see; it caps no memory beyond what the command's own options say, and a
 * process that detached into another session escapes it.
 */
public final class Unsandboxed implements Sandbox {
    @Override
    public Sandboxed start(SandboxSpec spec) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(spec.command()).directory(spec.workDir().toFile());
        builder.environment().clear();
        builder.environment().putAll(spec.env());
        if (spec.log() != null) {
            builder.redirectErrorStream(true).redirectOutput(spec.log().toFile());
        } else {
            builder.redirectError(ProcessBuilder.Redirect.DISCARD);
        }
        return new Running(builder.start(), spec, System.nanoTime());
    }

    @Override
    public String describe() {
        return "no sandbox (--no-sandbox: the hand-in runs with the instructor's rights)";
    }

    /** One started process tree. */
    private static final class Running implements Sandboxed {
        private final Process process;
        private final SandboxSpec spec;
        private final long started;
        private volatile SandboxResult result;

        Running(Process process, SandboxSpec spec, long started) {
            this.process = process;
            this.spec = spec;
            this.started = started;
        }

        @Override
        public OutputStream stdin() {
            return process.getOutputStream();
        }

        @Override
        public InputStream stdout() {
            return process.getInputStream();
        }

        @Override
        public SandboxResult waitFor() throws InterruptedException {
            long left = spec.limits().wallClock().toNanos() - (System.nanoTime() - started);
            if (left > 0 && process.waitFor(left, TimeUnit.NANOSECONDS)) {
                record(new SandboxResult(SandboxResult.Status.EXITED, process.exitValue(), "exited with status " + process.exitValue()));
            } else {
                kill();
                record(new SandboxResult(SandboxResult.Status.TIMED_OUT, -1,
                        "timed out after " + spec.limits().wallClock().toSeconds() + " s"));
            }
            return result;
        }

        @Override
        public SandboxResult result() {
            if (result == null && !process.isAlive()) {
                record(new SandboxResult(SandboxResult.Status.EXITED, process.exitValue(), "exited with status " + process.exitValue()));
            }
            return result;
        }

        private synchronized void record(SandboxResult r) {
            if (result == null) {
                result = r;
            }
        }

        private void kill() {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }

        @Override
        public void close() {
            if (process.isAlive()) {
                kill();
                record(new SandboxResult(SandboxResult.Status.KILLED, -1, "killed when the grader closed it"));
            }
            try {
                process.waitFor(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
