package nndl.grader.sandbox;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import nndl.grader.sandbox.SandboxResult.Status;

/**
 * One running {@link Bubblewrap} sandbox. A watcher thread ends the whole tree at the first cap it
 * sees (wall clock, an OOM kill in the memory group, a refused fork in the pids group, the scratch
 * folder past its disk cap, a file at the file-size cap) and names that cap in the result; when the
 * command ends by itself, bwrap's PID 1 dies with it and the kernel kills whatever it left behind.
 */
public final class BubblewrapRun implements Sandboxed {
    /** Bytes of output kept from the start and from the end of a log (spec §10.6). */
    static final int LOG_HEAD_BYTES = 256 << 10;
    static final int LOG_TAIL_BYTES = 256 << 10;
    private static final long POLL_MILLIS = 100;
    private static final long DISK_POLL_MILLIS = 400;

    private final Process process;
    private final Cgroup cgroup;
    private final SandboxSpec spec;
    private final long deadlineNanos;
    private final long diskBaseline;
    private final Set<Path> bigFilesBefore;
    private final Thread pump;
    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    private final CountDownLatch done = new CountDownLatch(1);
    private volatile SandboxResult result;
    private volatile Cause cause;

    private record Cause(Status status, String detail) {
    }

    BubblewrapRun(Process process, Cgroup cgroup, SandboxSpec spec, ScratchUsage before) {
        this.process = process;
        this.cgroup = cgroup;
        this.spec = spec;
        this.deadlineNanos = System.nanoTime() + spec.limits().wallClock().toNanos();
        this.diskBaseline = before.bytes();
        this.bigFilesBefore = before.filesAtCap();
        this.pump = new Thread(this::pumpOutput, "sandbox-output-" + process.pid());
        pump.setDaemon(true);
        pump.start();
        Thread watcher = new Thread(this::watch, "sandbox-watch-" + process.pid());
        watcher.setDaemon(true);
        watcher.start();
    }

    private void pumpOutput() {
        try {
            CappedLog log = new CappedLog(LOG_HEAD_BYTES, LOG_TAIL_BYTES);
            if (spec.log() != null) {
                log.copy(process.getInputStream(), spec.log());
            } else {
                log.copy(process.getErrorStream(), stderr);
            }
        } catch (IOException e) {
            // the stream closed under us when the tree was killed: what was read is kept
        }
    }

    private void watch() {
        long lastDisk = 0;
        try {
            while (!process.waitFor(POLL_MILLIS, TimeUnit.MILLISECONDS)) {
                if (System.nanoTime() - deadlineNanos > 0) {
                    end(Status.TIMED_OUT, "timed out after " + seconds(spec.limits().wallClock()));
                } else if (cgroup.oomKills() > 0) {
                    end(Status.MEMORY_CAP, memoryDetail());
                } else if (cgroup.processCapHits() > 0) {
                    end(Status.PROCESS_CAP, processDetail());
                } else if (System.nanoTime() / 1_000_000 - lastDisk >= DISK_POLL_MILLIS) {
                    lastDisk = System.nanoTime() / 1_000_000;
                    Cause disk = diskCause(0);
                    if (disk != null) end(disk.status(), disk.detail());
                }
                if (cause != null) break;
            }
            finish();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException | Error e) {
            // a watcher that cannot watch must not leave the tree running
            end(Status.KILLED, "sandbox watcher failed: " + e);
            finish();
        }
    }

    /**
     * Records why the tree is ended (the first reason wins) and kills it. Killing goes through the
     * process handle: {@code Process.destroyForcibly()} would also close the output pipe, losing what
     * the tree wrote last.
     */
    private void end(Status status, String detail) {
        synchronized (this) {
            if (cause == null) cause = new Cause(status, detail);
        }
        process.toHandle().destroyForcibly();
    }

    private Cause diskCause(int exitCode) {
        ScratchUsage now = ScratchUsage.measure(spec.scratch(), spec.limits().maxFileBytes());
        Set<Path> grown = new HashSet<>(now.filesAtCap());
        grown.removeAll(bigFilesBefore);
        if (!grown.isEmpty() || exitCode == 128 + 25) {
            String file = grown.isEmpty() ? "" : ": " + grown.iterator().next();
            return new Cause(Status.FILE_SIZE_CAP, "file size cap (" + bytes(spec.limits().maxFileBytes()) + ")" + file);
        }
        if (now.bytes() - diskBaseline > spec.limits().diskBytes()) {
            return new Cause(Status.DISK_CAP, "disk cap (" + bytes(spec.limits().diskBytes()) + " in the scratch folder)");
        }
        return null;
    }

    /** Kills what is left, then settles the result: the cause seen first, else what the counters and exit code say. */
    private void finish() {
        synchronized (this) {
            if (result != null) return;
        }
        process.toHandle().destroyForcibly();
        boolean empty;
        try {
            process.waitFor(10, TimeUnit.SECONDS);
            empty = cgroup.killAll(40);
            pump.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            empty = false;
        }
        int exit = process.isAlive() ? -1 : process.exitValue();
        Cause seen = cause;
        SandboxResult settled;
        if (seen != null) {
            settled = new SandboxResult(seen.status(), -1, seen.detail());
        } else if (cgroup.oomKills() > 0) {
            settled = new SandboxResult(Status.MEMORY_CAP, -1, memoryDetail());
        } else if (cgroup.processCapHits() > 0) {
            settled = new SandboxResult(Status.PROCESS_CAP, -1, processDetail());
        } else {
            Cause disk = diskCause(exit);
            settled = disk != null ? new SandboxResult(disk.status(), -1, disk.detail())
                    : new SandboxResult(Status.EXITED, exit, "exited with code " + exit);
        }
        if (empty) {
            try {
                cgroup.remove();
            } catch (IOException e) {
                // an empty group the kernel has not released yet; the next probe removes it
            }
        }
        synchronized (this) {
            result = settled;
        }
        done.countDown();
    }

    private String memoryDetail() {
        return "memory cap (" + bytes(spec.limits().memoryBytes()) + ")";
    }

    private String processDetail() {
        return "process cap (" + spec.limits().maxProcesses() + " processes and threads)";
    }

    static String bytes(long n) {
        if (n >= 1L << 30) return String.format("%.1f GB", n / (double) (1L << 30));
        if (n >= 1L << 20) return String.format("%.0f MB", n / (double) (1L << 20));
        return n + " B";
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() / 1000.0 + " s";
    }

    @Override
    public OutputStream stdin() {
        return process.getOutputStream();
    }

    @Override
    public InputStream stdout() {
        return spec.log() != null ? InputStream.nullInputStream() : process.getInputStream();
    }

    /** The command's stderr, capped (head and tail), when the spec named no log; empty otherwise. */
    public String stderr() {
        try {
            pump.join(TimeUnit.SECONDS.toMillis(1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (stderr) {
            return stderr.toString(StandardCharsets.UTF_8);
        }
    }

    @Override
    public SandboxResult waitFor() throws InterruptedException {
        done.await();
        return result;
    }

    @Override
    public SandboxResult result() {
        return result;
    }

    /** The sandbox's pid as the host sees it (bwrap's), for tests and logs. */
    public long pid() {
        return process.pid();
    }

    @Override
    public void close() {
        if (result == null) {
            // A cap hit that the tree survived (a fork refused, then the shell gave up) is still its cause.
            if (cgroup.oomKills() > 0) {
                end(Status.MEMORY_CAP, memoryDetail());
            } else if (cgroup.processCapHits() > 0) {
                end(Status.PROCESS_CAP, processDetail());
            } else {
                end(Status.KILLED, "killed by the grader before it ended");
            }
        }
        try {
            if (!done.await(30, TimeUnit.SECONDS)) {
                throw new UncheckedIOException(new IOException("sandbox " + cgroup + " did not end within 30 s of being killed"));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
