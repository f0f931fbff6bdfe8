package nndl.grader;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.File;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Runs the hidden checks ({@code nndl.hidden.HiddenMain}) on a submission's library in a JVM of its
 * own, with a heap cap and a time limit per check, and reads back only the lines that carry the
 * token this run handed it on stdin (the protocol is in HiddenMain's documentation).
 *
 * @param values the measured value of each check that finished, by id
 * @param errors the failure of each check whose code threw, by id
 * @param ended  null when every check ran; else why the run ended early (a time-out or a crash)
 * @param timedOut whether it ended because a check ran out of time
 */
record HiddenRun(Map<String, Double> values, Map<String, String> errors, String ended, boolean timedOut) {

    static HiddenRun run(Path hiddenJar, Scratch scratch, GradeOptions options, Path log) throws IOException, InterruptedException {
        String javaCommand = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder builder = new ProcessBuilder(javaCommand, "-Xmx" + options.memory(), "-Djava.awt.headless=true",
                "-cp", hiddenJar + File.pathSeparator + scratch.classpath(), "nndl.hidden.HiddenMain",
                "--timeout", Integer.toString(Math.min(options.cellTimeout(), 120)));
        builder.redirectError(log.toFile());
        builder.environment().put("OPENBLAS_NUM_THREADS", "1");
        Process process = builder.start();
        String token = UUID.randomUUID().toString();
        try (Writer stdin = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8)) {
            stdin.write(token + "\n");
        }
        Map<String, Double> values = new LinkedHashMap<>();
        Map<String, String> errors = new LinkedHashMap<>();
        String timedOutId = null;
        boolean done = false;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                List<String> parts = List.of(line.split(" "));
                if (parts.size() < 2 || !parts.get(0).equals(token)) {
                    continue;
                }
                if (parts.get(1).equals("done")) {
                    done = true;
                } else if (parts.size() == 3 && parts.get(2).equals("timeout")) {
                    timedOutId = parts.get(1);
                } else if (parts.size() == 4 && parts.get(2).equals("error")) {
                    errors.put(parts.get(1), new String(Base64.getDecoder().decode(parts.get(3)), StandardCharsets.UTF_8));
                } else if (parts.size() == 3) {
                    values.put(parts.get(1), Double.parseDouble(parts.get(2)));
                }
            }
        }
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
        if (timedOutId != null) {
            return new HiddenRun(values, errors, timedOutId + " ran longer than " + Math.min(options.cellTimeout(), 120) + " s", true);
        }
        if (!done) {
            return new HiddenRun(values, errors, "the hidden checks' JVM ended with status " + process.exitValue()
                    + " before finishing (System.exit or a crash in the submission's code; see " + log.getFileName() + ")", false);
        }
        return new HiddenRun(values, errors, null, false);
    }
}
