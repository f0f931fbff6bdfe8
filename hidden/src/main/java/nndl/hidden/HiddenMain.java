package nndl.hidden;

import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs the hidden checks against whatever library is on the classpath (a submission's, when the
 * grader calls it) and reports each measured value on stdout for the grader to grade.
 *
 * <p>The submission's code runs in this JVM, so the report is guarded: the grader writes a one-line
 * token on stdin, read before any submission code runs, and accepts only result lines that start
 * with it; the submission's own output goes to stderr. A check that does not finish within its time
 * limit ends the JVM (its thread cannot be stopped), after reporting it as timed out. How the grader
 * reads this: docs/editions.md.
 */
public final class HiddenMain {
    /** Exit status after a check ran out of time. */
    public static final int TIMED_OUT = 3;

    private HiddenMain() {
    }

    /**
     * {@code HiddenMain [--timeout SECONDS] [--only NAME]}: one line per check on stdout,
     * {@code TOKEN hidden.NAME VALUE} or {@code TOKEN hidden.NAME error BASE64(message)} or
     * {@code TOKEN hidden.NAME timeout}, then {@code TOKEN done}.
     */
    public static void main(String[] args) throws Exception {
        double timeoutSeconds = 60;
        String only = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--timeout" -> timeoutSeconds = Double.parseDouble(value(args, ++i));
                case "--only" -> only = value(args, ++i);
                default -> throw new IllegalArgumentException("HiddenMain: unknown argument " + args[i]
                        + " (usage: HiddenMain [--timeout SECONDS] [--only NAME], token on stdin)");
            }
        }
        String token = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        if (token == null || token.isBlank()) {
            throw new IllegalArgumentException("HiddenMain: expected a token line on stdin");
        }
        PrintStream report = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        System.setOut(new PrintStream(OutputStream.nullOutputStream()));
        List<HiddenCheck> checks = HiddenChecks.all();
        for (HiddenCheck check : checks) {
            if (only == null || only.equals(check.name())) {
                report.println(token + " " + check.id() + " " + run(check, timeoutSeconds, token, report));
            }
        }
        report.println(token + " done");
        report.flush();
        Runtime.getRuntime().halt(0);
    }

    private static String value(String[] args, int i) {
        if (i >= args.length) {
            throw new IllegalArgumentException("HiddenMain: " + args[i - 1] + " needs a value");
        }
        return args[i];
    }

    /** The check's value, or {@code error <base64 message>}; halts the JVM after a time-out. */
    private static String run(HiddenCheck check, double timeoutSeconds, String token, PrintStream report) {
        FutureTask<Double> task = new FutureTask<>(check.measure());
        Thread worker = new Thread(task, "hidden-" + check.name());
        worker.setDaemon(true);
        worker.start();
        try {
            double value = task.get((long) (timeoutSeconds * 1000), TimeUnit.MILLISECONDS);
            return Double.toString(value);
        } catch (TimeoutException e) {
            report.println(token + " " + check.id() + " timeout");
            report.flush();
            Runtime.getRuntime().halt(TIMED_OUT);
            throw new IllegalStateException("unreachable after halt");
        } catch (ExecutionException e) {
            return "error " + encode(describe(e.getCause()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "error " + encode("interrupted");
        }
    }

    /** The failure as one line: the exception's class and message, and where in the library it was thrown. */
    static String describe(Throwable t) {
        String where = "";
        for (StackTraceElement frame : t.getStackTrace()) {
            if (frame.getClassName().startsWith("nndl.") && !frame.getClassName().startsWith("nndl.hidden.")) {
                where = " (at " + frame.getClassName() + "." + frame.getMethodName() + ":" + frame.getLineNumber() + ")";
                break;
            }
        }
        String message = t.getMessage() == null ? "" : ": " + t.getMessage();
        return t.getClass().getSimpleName() + message + where;
    }

    private static String encode(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
