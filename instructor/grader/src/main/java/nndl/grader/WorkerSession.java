package nndl.grader;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import nndl.grader.sandbox.SandboxResult;
import nndl.grader.sandbox.Sandboxed;
import nndl.judge.Case;
import nndl.judge.Reply;
import nndl.judge.Wire;

/**
 * The judge's side of the pipe to a worker JVM running the hand-in's library in the sandbox
 * ({@code nndl.judge.WorkerMain}): sends a case's inputs, reads the reply as capped data within the
 * case's time limit, and starts a new worker when one timed out, died or wrote something that is
 * not a reply. It never reads a verdict from the worker, only outputs.
 */
final class WorkerSession implements AutoCloseable {
    /** Fresh workers allowed per hand-in after the first, so a hand-in that kills every worker ends. */
    static final int MAX_RESTARTS = 12;

    private final GradingContext context;
    private final Scratch scratch;
    private final Path log;
    private final ExecutorService reader = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "judge-reader");
        t.setDaemon(true);
        return t;
    });
    private final List<String> incidents = new ArrayList<>();
    private final java.util.Set<String> timedOut = new java.util.HashSet<>();
    private Sandboxed worker;
    private InputStream replies;
    private OutputStream requests;
    private int started;
    private double nextId;
    private SandboxResult.Status worstEnd;

    WorkerSession(GradingContext context, Scratch scratch, Path log) {
        this.context = context;
        this.scratch = scratch;
        this.log = log;
    }

    /** What went wrong with the workers, in order (time-outs, deaths, garbage): for the status and feedback. */
    List<String> incidents() {
        return incidents;
    }

    /** The most telling way a worker was ended by the sandbox (memory, processes, disk), or null. */
    SandboxResult.Status worstEnd() {
        return worstEnd;
    }

    /** Runs {@code c} on the hand-in's library; never throws for the hand-in's faults. */
    Reply call(Case c) {
        if (timedOut.contains(c.exercise())) {
            return Reply.failed("not run: an earlier case of " + c.exercise() + " timed out");
        }
        try {
            if (worker == null) {
                if (started > MAX_RESTARTS) {
                    return Reply.failed("not run: the worker failed " + started + " times, so the judge stopped starting it");
                }
                start();
            }
            Map<String, Object> request = new LinkedHashMap<>();
            double id = nextId++;
            request.put("id", id);
            request.put("op", c.op());
            request.putAll(c.inputs());
            Wire.write(requests, request);
            Future<Map<String, Object>> pending = reader.submit(() -> Wire.read(replies));
            Map<String, Object> reply;
            try {
                reply = pending.get(context.options().checkTimeout(), TimeUnit.SECONDS);
            } catch (TimeoutException e) {
                pending.cancel(true);
                stop(false);
                String what = "timed out after " + context.options().checkTimeout() + " s";
                incidents.add("timed-out at " + c.exercise() + " (" + c.describe() + ")");
                timedOut.add(c.exercise());
                return Reply.failed(what);
            }
            if (reply == null) {
                return died(c, "the worker ended");
            }
            if (!(reply.get("id") instanceof Double d) || d != id) {
                stop(false);
                incidents.add("the worker wrote something that is not a reply during " + c.exercise());
                return Reply.failed("the worker's output was not a reply (the library wrote to the judge's pipe?)");
            }
            Reply answer = Reply.fromWire(reply);
            if (answer.error() != null && answer.error().startsWith("OutOfMemoryError")) {
                // The heap (or the direct-buffer limit, both below the memory cap) ran out: the memory cap is the
                // cause, and a JVM after an OutOfMemoryError is not trusted with the next case.
                stop(false);
                incidents.add("memory cap (" + answer.error() + ") during " + c.exercise());
                worstEnd = worstEnd == null ? SandboxResult.Status.MEMORY_CAP : worstEnd;
            } else if (answer.error() != null && answer.error().contains("File too large")) {
                // The file-size cap (RLIMIT_FSIZE) refused a write: the worker may answer before the sandbox's
                // watcher sees the file at the cap, so the reply itself names the cause.
                incidents.add("disk cap (" + answer.error() + ") during " + c.exercise());
                worstEnd = worstEnd == null ? SandboxResult.Status.FILE_SIZE_CAP : worstEnd;
            }
            return answer;
        } catch (ExecutionException e) {
            return died(c, "the worker's reply was unreadable: " + (e.getCause() == null ? e : e.getCause().getMessage()));
        } catch (IOException e) {
            return died(c, "the worker could not be reached: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stop(false);
            return Reply.failed("grading was interrupted");
        }
    }

    private Reply died(Case c, String what) {
        SandboxResult end = stop(true);
        String why = end == null ? what : what + " (" + end.detail() + ")";
        incidents.add(why + " during " + c.exercise());
        return Reply.failed(why);
    }

    private void start() throws IOException {
        started++;
        List<String> command = List.of(context.jdk().resolve("bin/java").toString(), "-Xmx" + context.options().memory(),
                "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Djava.awt.headless=true", "-Dfile.encoding=UTF-8",
                "-cp", scratch.workerClasspath(context), "nndl.judge.WorkerMain");
        worker = context.sandbox().start(context.spec(command, scratch, null, context.workerLimits()));
        replies = new BufferedInputStream(worker.stdout());
        requests = new BufferedOutputStream(worker.stdin());
        try (var ignored = java.nio.file.Files.newOutputStream(log, java.nio.file.StandardOpenOption.CREATE,
                java.nio.file.StandardOpenOption.APPEND)) {
            ignored.write(("worker " + started + " started\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    /** Ends the current worker ({@code ending}: its pipe closed, so it is probably ending on its own); returns how it ended. */
    private SandboxResult stop(boolean ending) {
        if (worker == null) {
            return null;
        }
        SandboxResult end = worker.result();
        // A worker whose pipe closed is usually ending: give it a moment to say how (exit status, a cap).
        for (int i = 0; ending && i < 40 && end == null; i++) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            end = worker.result();
        }
        worker.close();
        if (end == null) {
            end = worker.result();
        }
        if (end != null && end.status() != SandboxResult.Status.EXITED && end.status() != SandboxResult.Status.KILLED
                && end.status() != SandboxResult.Status.TIMED_OUT) {
            worstEnd = end.status();
        }
        worker = null;
        return end;
    }

    @Override
    public void close() {
        if (worker != null) {
            try {
                requests.close();
            } catch (IOException ignored) {
                // The worker is ended below either way.
            }
        }
        stop(false);
        reader.shutdownNow();
    }
}
