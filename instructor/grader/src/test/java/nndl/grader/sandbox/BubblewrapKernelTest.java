package nndl.grader.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nndl.grader.sandbox.SandboxFixture.Run;
import nndl.grader.sandbox.SandboxResult.Status;
import nndl.grader.sandbox.hostile.KernelLike;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What grading runs inside the sandbox still works there: a JVM, EJML on the native BLAS, ZMQ over loopback for Jupyter. */
class BubblewrapKernelTest {
    @TempDir
    Path dir;
    SandboxFixture fx;

    @BeforeAll
    static void sandboxStartsHere() {
        SandboxFixture.assumeSandbox();
    }

    @BeforeEach
    void scratch() throws IOException {
        fx = new SandboxFixture(dir);
    }

    @Test
    void nbclientRunsAKernelInside() throws Exception {
        // What run_notebooks.py does, with Debian's python3 kernel in place of the Java one: a kernel
        // started by nbclient, its five ZMQ channels on 127.0.0.1, the connection file under HOME.
        String script = "import nbformat, nbclient\n"
                + "nb = nbformat.v4.new_notebook()\n"
                + "nb.cells.append(nbformat.v4.new_code_cell('import socket; print(6 * 7, socket.gethostname())'))\n"
                + "nbclient.NotebookClient(nb, kernel_name='python3', timeout=120).execute()\n"
                + "print('CELL', nb.cells[0].outputs[0]['text'].strip())\n";
        SandboxSpec base = fx.spec(List.of("/usr/bin/python3", "-c", script), SandboxFixture.limits(1024, 256, 64, 256, 180), List.of());
        SandboxSpec spec = new SandboxSpec(base.command(), base.workDir(), base.scratch(), base.readOnly(),
                Map.of("PATH", "/usr/bin:/bin", "HOME", fx.scratch.toString(), "PYDEVD_DISABLE_FILE_VALIDATION", "1"),
                base.limits(), base.log());
        SandboxResult result;
        try (Sandboxed s = new Bubblewrap().start(spec)) {
            result = s.waitFor();
        }
        String log = Files.readString(fx.log);
        assertEquals(new SandboxResult(Status.EXITED, 0, "exited with code 0"), result, log);
        assertTrue(log.contains("CELL 42 " + BwrapArgs.HOSTNAME), log);
    }

    @Test
    void stdinAndStdoutArePipesWhenThereIsNoLog() throws Exception {
        // The judge's worker: requests on stdin, replies on stdout, stderr kept apart (capped).
        SandboxSpec spec = new SandboxSpec(List.of("/bin/sh", "-c", "echo to-stderr >&2; while read line; do echo \"reply $line\"; done"),
                fx.scratch, fx.scratch, List.of(), Map.of("PATH", "/usr/bin:/bin"), SandboxFixture.limits(), null);
        try (Sandboxed s = new Bubblewrap().start(spec)) {
            s.stdin().write("one\ntwo\n".getBytes());
            s.stdin().close();
            String replies = new String(s.stdout().readAllBytes());
            assertEquals("reply one\nreply two\n", replies);
            assertEquals(new SandboxResult(Status.EXITED, 0, "exited with code 0"), s.waitFor());
            assertEquals("to-stderr\n", ((BubblewrapRun) s).stderr());
        }
    }

    @Test
    void javaStarts() throws Exception {
        Run r = fx.run(List.of(SandboxFixture.JAVA.toString(), "-version"), SandboxFixture.limits());
        assertEquals(new SandboxResult(Status.EXITED, 0, "exited with code 0"), r.result(), r::toString);
        assertTrue(r.log().contains("version \"" + System.getProperty("java.version") + "\""), r::toString);
    }

    @Test
    void ejmlAndTheNativeBlasRunFromReadOnlyJars() throws Exception {
        // The library's jars as the grader would lay them out: a folder of its own, readable by others, mounted read-only.
        Path jars = Files.createDirectories(dir.resolve("jars"));
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(jars, PosixFilePermissions.fromString("rwxr-xr-x"));
        List<String> classpath = new ArrayList<>(List.of(fx.classes.toString()));
        for (Class<?> c : List.of(org.ejml.data.DMatrixRMaj.class, org.ejml.dense.row.CommonOps_DDRM.class,
                dev.ludovic.netlib.blas.NativeBLAS.class, org.netlib.util.booleanW.class)) {
            Path jar = Path.of(c.getProtectionDomain().getCodeSource().getLocation().getPath());
            Path copy = jars.resolve(jar.getFileName());
            if (!Files.exists(copy)) Files.copy(jar, copy);
            Files.setPosixFilePermissions(copy, PosixFilePermissions.fromString("rw-r--r--"));
            if (!classpath.contains(copy.toString())) classpath.add(copy.toString());
        }
        List<String> command = List.of(SandboxFixture.JAVA.toString(), "-cp", String.join(":", classpath), KernelLike.class.getName());
        Run r = fx.run(command, SandboxFixture.limits(), List.of(jars));
        assertEquals(new SandboxResult(Status.EXITED, 0, "exited with code 0"), r.result(), r::toString);
        assertTrue(r.log().contains("EJML 4.0 5.0 10.0 11.0"), r::toString);
        // dgemm of [1 3; 2 4] (column-major) by the identity, on libblas.so.3 (OpenBLAS) through JNI.
        assertTrue(r.log().contains("BLAS dev.ludovic.netlib.blas.JNIBLAS 1.0 2.0 3.0 4.0"), r::toString);
        assertTrue(r.log().contains("OpenBLAS mapped: true"), r::toString);
    }

    @Test
    void zmqOverLoopbackBetweenTwoProcesses() throws Exception {
        String server = "import zmq\nc = zmq.Context()\ns = c.socket(zmq.REP)\ns.bind('tcp://127.0.0.1:5555')\n"
                + "m = s.recv()\ns.send(b'pong ' + m)\n";
        String client = "import zmq, jupyter_client, nbclient\nc = zmq.Context()\ns = c.socket(zmq.REQ)\n"
                + "s.connect('tcp://127.0.0.1:5555')\ns.send(b'ping')\nprint(s.recv().decode())\n";
        SandboxSpec base = fx.spec(List.of("/bin/sh", "-c",
                "/usr/bin/python3 -c \"$SERVER\" & /usr/bin/python3 -c \"$CLIENT\"; wait"), SandboxFixture.limits(), List.of());
        SandboxSpec spec = new SandboxSpec(base.command(), base.workDir(), base.scratch(), base.readOnly(),
                Map.of("PATH", "/usr/bin:/bin", "HOME", fx.scratch.toString(), "SERVER", server, "CLIENT", client),
                base.limits(), base.log());
        SandboxResult result;
        try (Sandboxed s = new Bubblewrap().start(spec)) {
            result = s.waitFor();
        }
        String log = Files.readString(fx.log);
        assertEquals(new SandboxResult(Status.EXITED, 0, "exited with code 0"), result, log);
        assertTrue(log.contains("pong ping"), log);
    }
}
