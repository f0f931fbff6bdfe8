package nndl.grader;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nndl.grade.Rubric;
import nndl.grader.sandbox.SandboxResult;
import nndl.grader.sandbox.Sandboxed;

/**
 * Re-executes the instructor's notebooks (the student edition's copies in the scratch folder)
 * against the hand-in's library, only to render the report (spec §10.4): Jupyter's runner, the kernel
 * and its JVM start as one sandboxed command. A grade record in a notebook never counts.
 *
 * @param executed the folder of the executed copies
 * @param problem  null when every notebook ran to its end; else the status that says why not
 *                 ({@code timed-out at two_layer_nn cell 12}, {@code kernel died}, a cap, {@code crashed: …})
 */
record NotebookRun(Path executed, String problem) {
    private static final Pattern PYTHON_ERROR = Pattern.compile("^[A-Za-z_][\\w.]*(Error|Exception): .*");
    private static final Pattern FAILED_AT = Pattern.compile("error: (\\w+)\\.ipynb failed in code cell (\\d+)/\\d+");

    static NotebookRun run(GradingContext context, Scratch scratch, Path log) throws IOException, InterruptedException {
        Path executed = scratch.dir().resolve("build/notebooks");
        List<String> command = new ArrayList<>(List.of(context.options().python(), "-Xfrozen_modules=off",
                scratch.dir().resolve("launcher/src/main/python/run_notebooks.py").toString()));
        for (String notebook : Rubric.NOTEBOOKS) {
            command.add(scratch.dir().resolve("notebooks/" + notebook + ".ipynb").toString());
        }
        command.addAll(List.of("--out", executed.toString(), "--keep-going", "--timeout", Integer.toString(context.options().cellTimeout())));
        SandboxResult result;
        try (Sandboxed run = context.sandbox().start(context.spec(command, scratch, log, context.notebookLimits()))) {
            result = run.waitFor();
        }
        Logs.cap(log);
        return new NotebookRun(executed, problem(result, Logs.head(log, 100_000)));
    }

    /** The hand-in's status from how the run ended and what the runner said, or null when it ran through. */
    static String problem(SandboxResult result, List<String> log) {
        switch (result.status()) {
            case MEMORY_CAP -> {
                return "memory cap";
            }
            case PROCESS_CAP -> {
                return "process cap";
            }
            case DISK_CAP, FILE_SIZE_CAP -> {
                return "disk cap";
            }
            case TIMED_OUT -> {
                return "timed-out at the notebooks (" + result.detail() + ")";
            }
            default -> {
                if (result.exitCode() == 0) {
                    return null;
                }
            }
        }
        String text = String.join("\n", log);
        String where = null;
        Matcher m = FAILED_AT.matcher(text);
        if (m.find()) {
            where = m.group(1) + " cell " + m.group(2);
        }
        if (text.contains("CellTimeoutError") || text.contains("timed out")) {
            return "timed-out at " + (where == null ? "the notebooks" : where);
        }
        if (text.contains("DeadKernelError") || text.contains("Kernel died") || text.contains("did not start")) {
            return "kernel died" + (where == null ? "" : " at " + where);
        }
        // The runner's own "error:" line, else the last line of a Python traceback (the exception that ended it).
        String traceback = log.stream().filter(l -> PYTHON_ERROR.matcher(l).matches()).reduce((first, second) -> second)
                .map(l -> ": " + l).orElse("");
        String reason = log.stream().filter(l -> l.startsWith("error:")).findFirst().orElse("the notebook runner exited with status "
                + result.exitCode() + traceback);
        return "crashed: " + nndl.judge.Reply.cap(reason.replaceFirst("^error: ", ""));
    }
}
