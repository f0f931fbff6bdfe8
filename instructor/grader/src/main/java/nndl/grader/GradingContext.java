package nndl.grader;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import nndl.grader.sandbox.Limits;
import nndl.grader.sandbox.Sandbox;
import nndl.grader.sandbox.SandboxSpec;
import nndl.release.ReleaseError;
import nndl.release.StudentEdition;

/**
 * What one {@code ./workbook grade} call shares between its hand-ins: the student edition released
 * once in memory, the sandbox, the JDK, and a folder outside the instructor tree ({@code OUT/work/.shared})
 * holding the only files of the instructor's build a hand-in's processes may read: the third-party
 * jars (never the instructor's {@code nndl-lib} jar: it holds the model answers), the display
 * module's jar and the kernelspec.
 *
 * @param options the command line
 * @param edition the student edition of the instructor tree
 * @param sandbox where every process running hand-in code starts
 * @param jdk     the JDK home
 * @param shared  the shared read-only folder
 */
record GradingContext(GradeOptions options, StudentEdition.Tree edition, Sandbox sandbox, Path jdk, Path shared) {

    /** Releases the student edition and fills the shared folder. */
    static GradingContext create(GradeOptions options, Sandbox sandbox) throws IOException {
        StudentEdition.Tree edition;
        try {
            edition = StudentEdition.build(options.root());
        } catch (ReleaseError e) {
            throw new IOException("the student edition cannot be released from " + options.root() + ": " + e.getMessage(), e);
        }
        Path shared = options.out().resolve("work/.shared");
        Scratch.deleteTree(shared);
        Path jars = shared.resolve("jars");
        Files.createDirectories(jars);
        Path instructorJars = options.root().resolve(Scratch.CLASSPATH_DIR);
        try (Stream<Path> list = Files.list(instructorJars)) {
            for (Path jar : list.filter(p -> p.toString().endsWith(".jar")).toList()) {
                if (!jar.getFileName().toString().startsWith("nndl-")) {
                    Files.copy(jar, jars.resolve(jar.getFileName()));
                }
            }
        }
        Files.copy(options.root().resolve("display/target/nndl-display.jar"), shared.resolve("nndl-display.jar"));
        Path kernelspec = options.root().resolve("build/jupyter/share/jupyter/kernels/java");
        if (Files.isDirectory(kernelspec)) {
            Path target = shared.resolve("jupyter/share/jupyter/kernels/java");
            Files.createDirectories(target);
            try (Stream<Path> list = Files.list(kernelspec)) {
                for (Path f : list.toList()) {
                    Files.copy(f, target.resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        Path jdk = Path.of(System.getProperty("java.home"));
        return new GradingContext(options, edition, sandbox, jdk, shared);
    }

    /** The third-party jars. */
    Path jars() {
        return shared.resolve("jars");
    }

    /** The display module's jar (plots, tables, the notebooks' checks). */
    Path displayJar() {
        return shared.resolve("nndl-display.jar");
    }

    /** Every shared jar, as a classpath. */
    String jarsClasspath() {
        return jars() + "/*";
    }

    /** The sandbox spec of one command of a hand-in: writable scratch, read-only JDK, shared folder, data and system. */
    SandboxSpec spec(List<String> command, Scratch scratch, Path log, Limits limits) throws IOException {
        Path tmp = scratch.dir().resolve("tmp");
        Files.createDirectories(tmp);
        Map<String, String> env = new LinkedHashMap<>();
        env.put("PATH", "/usr/local/bin:/usr/bin:/bin");
        env.put("HOME", scratch.dir().toString());
        env.put("TMPDIR", tmp.toString());
        env.put("LANG", "C.UTF-8");
        env.put("JAVA_HOME", jdk.toString());
        env.put("OPENBLAS_NUM_THREADS", "1");
        env.put("NNDL_PROFILE", options.profile());
        env.put("NNDL_DATA", options.data().toAbsolutePath().toString());
        env.put("JUPYTER_PATH", shared.resolve("jupyter/share/jupyter").toString());
        env.put("JJAVA_JVM_OPTS", "-Xmx" + options.memory());
        env.put("PYTHONDONTWRITEBYTECODE", "1");
        // Hot reload off: the kernelspec would default to the instructor's tree (not mounted), and a hand-in is
        // graded on the library built from its own sources (kernel/README.md, Hot reload).
        env.put("NNDL_ROOT", "");
        List<Path> readOnly = new ArrayList<>(List.of(jdk, shared, options.data().toAbsolutePath()));
        return new SandboxSpec(command, scratch.dir(), scratch.dir(), readOnly, env, limits, log);
    }

    /** Memory cap of a tree running one JVM of the hand-in: its heap and what a JVM needs besides. */
    long memoryBytes() {
        String m = options.memory();
        long n = Long.parseLong(m.substring(0, m.length() - 1));
        long heap = Character.toLowerCase(m.charAt(m.length() - 1)) == 'g' ? n << 30 : n << 20;
        return heap + (1L << 30);
    }

    /** Limits of the library's compilation. */
    Limits buildLimits() {
        return new Limits(2L << 30, 512, 256L << 20, 512L << 20, Duration.ofSeconds(300));
    }

    /** Limits of the judge's worker (each case has its own time limit, enforced by the judge). */
    Limits workerLimits() {
        return new Limits(memoryBytes(), 512, 256L << 20, 512L << 20, Duration.ofSeconds(Math.max(600, 20L * options.checkTimeout())));
    }

    /** Limits of the notebooks' re-execution (Jupyter, the kernel, its JVM). */
    Limits notebookLimits() {
        return new Limits(memoryBytes() + (1L << 30), 2048, 512L << 20, 2L << 30, Duration.ofSeconds(options.notebookTimeout()));
    }
}
