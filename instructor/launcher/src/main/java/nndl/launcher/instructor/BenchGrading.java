package nndl.launcher.instructor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import nndl.launcher.Die;
import nndl.launcher.Proc;
import nndl.launcher.Tree;

/**
 * ./workbook bench's instructor part: the model answers handed in and graded, quick profile, once by the
 * judge alone (--judge-only: scratch, build, every case) and once in full (with the notebooks and the
 * PDF); prints bench.judge_seconds= and bench.grade_seconds= (the grader's time for the hand-in).
 */
public final class BenchGrading {
    private static final Pattern SECONDS = Pattern.compile("(?m)^\\[1/1\\] .* in ([0-9]*) s$");
    private static final Pattern FULL_MARKS = Pattern.compile("(?m)^\\[1/1\\] .*: ([0-9]+) / \\1 points");

    private BenchGrading() {
    }

    /** Grades the model answers twice and prints the two timings. */
    public static void run(Tree tree) throws IOException {
        Path dir = tree.benchGrade();
        nndl.launcher.KernelSpec.deleteTree(dir);
        Path model = Files.createDirectories(dir.resolve("model"));
        try (Stream<Path> all = Files.walk(tree.libSources())) {
            for (Path f : all.filter(Files::isRegularFile).toList()) {
                if (Files.readString(f).contains("// BEGIN SOLUTION")) {
                    Path to = model.resolve(tree.relative(f));
                    Files.createDirectories(to.getParent());
                    Files.copy(f, to);
                }
            }
        }
        Files.writeString(model.resolve("manifest.json"), "{\"student\": \"bench-model\"}\n");
        for (String mode : List.of("judge", "grade")) {
            Path log = dir.resolve(mode + ".log");
            List<String> cmd = Proc.cmd(tree.workbook(), "grade");
            if (mode.equals("judge")) {
                cmd.add("--judge-only");
            }
            cmd.addAll(Proc.cmd("--out", dir.resolve("out-" + mode), model));
            ProcessBuilder pb = Proc.builder(tree, cmd).redirectErrorStream(true).redirectOutput(log.toFile());
            pb.environment().put("NNDL_PROFILE", "quick");
            pb.environment().put("NNDL_DATA", Proc.env("NNDL_DATA") != null ? Proc.env("NNDL_DATA") : tree.sharedDatasets().toString());
            if (Proc.run(pb) != 0) {
                throw new Die("grading the model answers failed (log: " + log + ")");
            }
            String text = Files.readString(log);
            Matcher seconds = SECONDS.matcher(text);
            if (!FULL_MARKS.matcher(text).find()) {
                throw new Die("the model answers did not score full marks (log: " + log + ")");
            }
            System.out.println("bench." + mode + "_seconds=" + (seconds.find() ? seconds.group(1) : ""));
        }
    }
}
