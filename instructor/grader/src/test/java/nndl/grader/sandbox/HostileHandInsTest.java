package nndl.grader.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.tools.ToolProvider;
import nndl.grader.sandbox.SandboxFixture.Run;
import nndl.grader.sandbox.SandboxResult.Status;
import nndl.grader.sandbox.hostile.HandInDriver;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hostile hand-ins of instructor/grader/src/test/resources/hostile/ (the grading tests' fixtures) against
 * the sandbox alone: each one's Relu.java compiled, its reluForward called once inside bwrap as the
 * judge's worker would, and the sandbox's verdict held to the fixture's expect file. Nothing of it
 * may be left running, nothing above its scratch folder written, and it never returns a result.
 */
class HostileHandInsTest {
    private static final Path FIXTURES = Path.of("src/test/resources/hostile");
    /** This tree's model Relu.java (the module runs its tests in instructor/grader). */
    private static final Path MODEL_RELU = Path.of("../../lib/src/main/java/nndl/layers/Relu.java");
    private static final Pattern FORWARD_BLOCK =
            Pattern.compile("(// BEGIN SOLUTION Relu\\.reluForward: relu forward\n)(.*?)(\\s*// END SOLUTION)", Pattern.DOTALL);

    @TempDir
    static Path dir;

    @BeforeAll
    static void sandboxStartsHere() {
        SandboxFixture.assumeSandbox();
    }

    @TestFactory
    Stream<DynamicTest> eachHostileHandInStaysLocal() throws IOException {
        List<Path> handIns;
        try (var list = Files.list(FIXTURES)) {
            handIns = list.filter(Files::isDirectory).sorted().toList();
        }
        assertTrue(handIns.size() >= 15, handIns.toString());
        return handIns.stream().map(h -> DynamicTest.dynamicTest(h.getFileName().toString(), () -> check(h)));
    }

    /**
     * The hand-in's Relu.java: the model file with the hand-in's attack.java as reluForward's solution
     * block, as hostile_fixtures.py writes it for grading.
     */
    static String handInRelu(Path handIn) throws IOException {
        String model = Files.readString(MODEL_RELU);
        Matcher block = FORWARD_BLOCK.matcher(model);
        assertTrue(block.find(), MODEL_RELU + " has no reluForward solution block");
        StringBuilder body = new StringBuilder();
        for (String line : Files.readString(handIn.resolve("attack.java")).stripTrailing().split("\n")) {
            body.append(body.length() == 0 ? "" : "\n").append(line.isBlank() ? "" : "        " + line);
        }
        return model.substring(0, block.start(2)) + body + model.substring(block.end(2));
    }

    static Map<String, String> expect(Path handIn) throws IOException {
        Map<String, String> out = new LinkedHashMap<>();
        for (String line : Files.readAllLines(handIn.resolve("expect"))) {
            int colon = line.indexOf(": ");
            if (colon > 0) out.put(line.substring(0, colon), line.substring(colon + 2));
        }
        return out;
    }

    private static void check(Path handIn) throws Exception {
        String name = handIn.getFileName().toString();
        Map<String, String> expect = expect(handIn);
        assertEquals("0", expect.get("points"), name);
        SandboxFixture fx = new SandboxFixture(Files.createDirectories(dir.resolve(name)));
        Path jars = libraryJars();
        Path relu = Files.createDirectories(dir.resolve(name + "-source")).resolve("Relu.java");
        Files.writeString(relu, handInRelu(handIn));
        compile(relu, fx.classes, jars);
        List<String> classpath = new ArrayList<>(List.of(fx.classes.toString()));
        try (var list = Files.list(jars)) {
            list.sorted().forEach(j -> classpath.add(j.toString()));
        }
        List<String> command = List.of(SandboxFixture.JAVA.toString(), "-XX:+UseSerialGC", "-Xmx1g", "-Xss512k",
                "-cp", String.join(":", classpath), HandInDriver.class.getName());
        // A short clock for the hand-ins that can only end by it; room for a busy machine for the rest.
        int seconds = expect.get("status").equals("timed-out") ? 8 : 90;
        Run r = fx.run(command, SandboxFixture.limits(512, 96, 64, 256, seconds), List.of(jars));

        System.out.println("hostile " + name + ": " + r.result());
        assertTrue(matches(expect.get("status"), r), () -> name + ": expected " + expect.get("status") + ", got " + r);
        assertFalse(r.log().contains("RESULT "), () -> name + " returned a result: " + r);
        assertEquals(List.of(), SandboxFixture.hostProcessesMentioning(fx.scratch.toString()), name);
        assertEquals(List.of(), SandboxFixture.hostProcessesMentioning("HACKED-by-hostile"), name);
        for (Path p = fx.scratch.getParent(); p != null; p = p.getParent()) {
            for (String rel : List.of("HACKED-by-hostile", "notebooks/HACKED-by-hostile", "instructor/HACKED-by-hostile")) {
                assertFalse(Files.exists(p.resolve(rel)), name + " wrote " + p.resolve(rel));
            }
        }
        Path home = Path.of(System.getProperty("user.home"));
        for (Path p : List.of(home.resolve("HACKED-by-hostile"), home.resolve(".m2/HACKED-by-hostile"), Path.of("/tmp/HACKED-by-hostile"))) {
            assertFalse(Files.exists(p), name + " wrote " + p);
        }
        if (name.equals("exfiltrate")) {
            assertFalse(r.log().contains("BEGIN SOLUTION"), "an instructor source was readable:\n" + r);
            assertFalse(r.log().contains("nndl-lib"), "~/.m2's nndl jars were listed:\n" + r);
        }
        if (name.equals("forged-result")) {
            assertFalse(r.log().contains("surefire"), "the grader's JVM was visible:\n" + r);
        }
        if (name.equals("network")) {
            assertTrue(r.log().contains("no network: java.net.SocketException: Network is unreachable"), r::toString);
        }
    }

    /** True when the run ended as one of the expect file's statuses (alternatives separated by " | "). */
    private static boolean matches(String statuses, Run r) {
        for (String status : statuses.split(" \\| ")) {
            SandboxResult s = r.result();
            boolean ok = switch (status.split(":")[0]) {
                case "timed-out" -> s.status() == Status.TIMED_OUT;
                case "memory cap" -> s.status() == Status.MEMORY_CAP;
                case "process cap" -> s.status() == Status.PROCESS_CAP;
                case "disk cap" -> s.status() == Status.DISK_CAP || s.status() == Status.FILE_SIZE_CAP;
                case "crashed", "kernel died" -> s.status() == Status.EXITED && s.exitCode() != 0
                        && (!status.contains(": ") || r.log().contains(status.substring(status.indexOf(": ") + 2)));
                // Graded: the worker ran to its end and answered; the judge gives the exercise nothing.
                case "graded" -> s.status() == Status.EXITED && s.exitCode() == 0 && r.log().contains("THREW ");
                default -> throw new IllegalArgumentException("unknown status in an expect file: " + status);
            };
            if (ok) return true;
        }
        return false;
    }

    /** The jars a hand-in's library compiles and runs against, copied out of the Maven repository into a readable folder. */
    private static synchronized Path libraryJars() throws IOException {
        Path jars = dir.resolve("jars");
        if (Files.isDirectory(jars)) return jars;
        Files.createDirectories(jars);
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(jars, PosixFilePermissions.fromString("rwxr-xr-x"));
        for (Class<?> c : List.of(nndl.layers.Relu.class, org.ejml.data.DMatrixRMaj.class, org.ejml.dense.row.CommonOps_DDRM.class)) {
            Path jar = Path.of(c.getProtectionDomain().getCodeSource().getLocation().getPath());
            Path copy = jars.resolve(jar.getFileName());
            if (!Files.exists(copy)) Files.copy(jar, copy);
            Files.setPosixFilePermissions(copy, PosixFilePermissions.fromString("rw-r--r--"));
        }
        return jars;
    }

    private static void compile(Path source, Path classes, Path jars) throws IOException {
        List<String> classpath = new ArrayList<>();
        try (var list = Files.list(jars)) {
            list.forEach(j -> classpath.add(j.toString()));
        }
        int status = ToolProvider.getSystemJavaCompiler().run(null, null, null, "-nowarn", "-d", classes.toString(),
                "-cp", String.join(":", classpath), source.toString());
        assertEquals(0, status, "javac " + source);
    }
}
