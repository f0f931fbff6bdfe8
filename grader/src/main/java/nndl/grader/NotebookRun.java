package nndl.grader;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import nndl.grade.Rubric;

/**
 * Executes the instructor's notebooks, from the submission's scratch tree, against its library:
 * the launcher's headless runner on the project's kernel, every cell attempted, each under the
 * per-cell time limit, the kernel's heap capped. Its output goes to a log file.
 *
 * @param executed the folder of the executed copies
 * @param ended    null when every notebook ran to its end; else why the run stopped (time-out, a dead kernel)
 * @param timedOut whether it stopped because a cell ran out of time
 */
record NotebookRun(Path executed, String ended, boolean timedOut) {

    static NotebookRun run(Scratch scratch, GradeOptions options, Path log) throws IOException, InterruptedException {
        Path executed = scratch.dir().resolve("build/notebooks");
        List<String> command = new ArrayList<>(List.of(options.python(), "-Xfrozen_modules=off",
                scratch.dir().resolve("kernel/src/main/python/run_notebooks.py").toString()));
        for (String notebook : Rubric.NOTEBOOKS) {
            command.add(scratch.dir().resolve("notebooks/" + notebook + ".ipynb").toString());
        }
        command.addAll(List.of("--out", executed.toString(), "--keep-going", "--timeout", Integer.toString(options.cellTimeout())));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("NNDL_PROFILE", options.profile());
        builder.environment().put("NNDL_DATA", options.data().toAbsolutePath().toString());
        builder.environment().put("JJAVA_JVM_OPTS", "-Xmx" + options.memory());
        builder.environment().put("OPENBLAS_NUM_THREADS", "1");
        // Hot reload off: the kernelspec would watch the instructor's lib/ sources, and a submission is
        // graded on the jar built from its own (kernel/README.md, Hot reload).
        builder.environment().put("NNDL_ROOT", "");
        int status = builder.start().waitFor();
        if (status == 0) {
            return new NotebookRun(executed, null, false);
        }
        String text = Files.readString(log, StandardCharsets.UTF_8);
        String reason = text.lines().filter(l -> l.startsWith("error:")).findFirst().orElse("the notebook runner exited with status " + status)
                .replaceFirst("^error: ", "");
        boolean timedOut = text.contains("CellTimeoutError") || text.contains("timed out");
        return new NotebookRun(executed, reason, timedOut);
    }
}
