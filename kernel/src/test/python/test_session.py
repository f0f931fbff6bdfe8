"""Kernel life cycle through jupyter_client: live output, interrupt, time-out, restart, shutdown,
and the JJava environment variables."""
import os
import shutil
import time
import unittest
from pathlib import Path

from jupyter_client.manager import KernelManager

import kernel_support
from kernel_support import execute, outputs_for, reply_for, result_text


def start(workdir, env=None):
    """A started kernel and a ready client, in `workdir`, with extra environment `env`."""
    manager = KernelManager(kernel_name=kernel_support.KERNEL_NAME)
    manager.start_kernel(cwd=str(workdir), env=dict(os.environ, **(env or {})))
    client = manager.client()
    client.start_channels()
    client.wait_for_ready(timeout=kernel_support.TIMEOUT)
    return manager, client


def stop(manager, client):
    """Shuts the kernel down politely; returns its pid and exit status (0 when it exited by itself,
    negative when jupyter_client had to kill it)."""
    process = manager.provisioner.process
    client.stop_channels()
    manager.shutdown_kernel(now=False)
    return process.pid, process.wait(timeout=30)


class OneKernel(unittest.TestCase):
    """A test class whose tests share one kernel, started in a fresh working folder with the extra
    environment `env` and shut down, and waited for, after the last test."""
    env = None

    @classmethod
    def setUpClass(cls):
        cls.workdir = kernel_support.make_workdir()
        cls.manager, cls.client = start(cls.workdir, cls.env)

    @classmethod
    def tearDownClass(cls):
        pid, _ = stop(cls.manager, cls.client)
        kernel_support.wait_until_gone(pid)
        shutil.rmtree(cls.workdir, ignore_errors=True)


class KernelSession(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.workdir = kernel_support.make_workdir()
        cls.pids_before = kernel_support.kernel_pids()
        cls.manager, cls.client = start(cls.workdir)

    @classmethod
    def tearDownClass(cls):
        if cls.manager.has_kernel and cls.manager.is_alive():
            stop(cls.manager, cls.client)
        shutil.rmtree(cls.workdir, ignore_errors=True)

    def test_1_output_streams_while_the_cell_runs(self):
        # The cell waits for a file the test creates only after seeing the first line: if output
        # reached the notebook only at the end of the cell, this would time out.
        go = self.workdir / "go"
        code = ('System.out.println("waiting");\n'
                'while (!Files.exists(Path.of("go"))) { Thread.sleep(20); }\n'
                'System.out.println("done");')
        msg_id = self.client.execute(code)
        deadline = time.time() + kernel_support.TIMEOUT
        while True:
            msg = self.client.get_iopub_msg(timeout=max(0.1, deadline - time.time()))
            if msg["parent_header"].get("msg_id") == msg_id and msg["msg_type"] == "stream":
                self.assertEqual(msg["content"]["text"], "waiting\n")
                break
        go.write_text("")
        self.assertEqual(reply_for(self.client, msg_id)["content"]["status"], "ok")
        texts = [m["content"]["text"] for _, m in outputs_for(self.client, msg_id) if m["msg_type"] == "stream"]
        self.assertEqual(texts, ["done\n"])

    def interrupt_and_check(self, code, expected_frame=None):
        msg_id = self.client.execute(code)
        time.sleep(1.0)
        self.manager.interrupt_kernel()
        reply = reply_for(self.client, msg_id, timeout=30)["content"]
        self.assertIn(reply["status"], ("error", "aborted"))
        if reply["status"] == "error":
            self.assertEqual(reply["ename"], "Interrupted")
            if expected_frame:
                self.assertIn(expected_frame, reply["traceback"])
        content, messages = execute(self.client, "1+1")
        self.assertEqual(content["status"], "ok")
        self.assertEqual(result_text(messages), "2")

    def test_1b_pieces_of_a_line_arrive_as_one_message(self):
        # One statement each, as a library call printing in pieces (JShell runs each statement of a
        # cell as its own snippet, and compiling the next one may outlast the partial-line delay).
        content, messages = execute(self.client, '{ System.out.print("a"); System.out.print("b"); System.out.println("c"); }\n'
                                                 'printf("%d-%d%n", 1, 2);\n{ System.err.print("e"); System.err.println("rr"); }')
        streams = [(m["content"]["name"], m["content"]["text"]) for m in messages if m["msg_type"] == "stream"]
        self.assertEqual(streams, [("stdout", "abc\n"), ("stdout", "1-2\n"), ("stderr", "err\n")])

    def test_1c_a_partial_line_shows_before_the_cell_ends(self):
        # The cell ends only once the test, having received the partial line, creates the file it
        # waits for: a partial line held back until the end of the cell never arrives (ordering, not
        # timing, so a loaded machine changes nothing).
        gate = Path(self.workdir) / "partial-line-seen"
        msg_id = self.client.execute('{ System.out.print("working"); var gate = java.nio.file.Path.of("%s");\n'
                                     'while (!java.nio.file.Files.exists(gate)) { Thread.sleep(20); }\n'
                                     'System.out.println(" done"); }' % gate)
        deadline = time.time() + kernel_support.TIMEOUT
        texts = []
        while not texts:
            msg = self.client.get_iopub_msg(timeout=max(0.1, deadline - time.time()))
            if msg["parent_header"].get("msg_id") == msg_id and msg["msg_type"] == "stream":
                texts.append(msg["content"]["text"])
        gate.touch()
        rest = [m for _, m in kernel_support.outputs_for(self.client, msg_id)]
        kernel_support.reply_for(self.client, msg_id)
        texts += [m["content"]["text"] for m in rest if m["msg_type"] == "stream"]
        self.assertEqual(texts, ["working", " done\n"], "the partial line came before the cell ended, alone")

    def test_2_interrupt_stops_a_loop_that_ignores_interrupts(self):
        self.interrupt_and_check("int spins = 0;\nwhile (true) { spins++; }", "    at line 2")

    def test_3_interrupt_stops_a_sleep(self):
        self.interrupt_and_check("Thread.sleep(600_000);")

    def test_4_state_survives_an_interrupt(self):
        execute(self.client, "int kept = 5;")
        self.interrupt_and_check("while (true) { }")
        content, messages = execute(self.client, "kept")
        self.assertEqual(result_text(messages), "5")

    def test_5_restart_gives_a_fresh_kernel_and_ends_the_old_one(self):
        execute(self.client, "int beforeRestart = 1;")
        old = self.manager.provisioner.process
        self.manager.restart_kernel(now=False)
        self.client.wait_for_ready(timeout=kernel_support.TIMEOUT)
        self.assertEqual(old.wait(timeout=30), 0, "the old kernel did not exit by itself on restart")
        self.assertTrue(kernel_support.wait_until_gone(old.pid), "the old kernel JVM is still running")
        content, _ = execute(self.client, "beforeRestart")
        self.assertEqual(content["status"], "error")
        self.assertEqual(content["ename"], "CompileError")
        content, messages = execute(self.client, "2+2")
        self.assertEqual(result_text(messages), "4")

    def test_6_shutdown_leaves_no_kernel_jvm(self):
        # Non-daemon threads left by user code and a cell still running must not keep the JVM alive.
        execute(self.client, "var pool = java.util.concurrent.Executors.newFixedThreadPool(2);\n"
                             "pool.submit(() -> { while (true) { Thread.sleep(1000); } });")
        self.client.execute("while (true) { }")
        time.sleep(1.0)
        pid, status = stop(self.manager, self.client)
        self.assertEqual(status, 0, "the kernel did not exit by itself on shutdown_request")
        self.assertTrue(kernel_support.wait_until_gone(pid), "kernel JVM %d still running after shutdown" % pid)
        deadline = time.time() + 20
        while kernel_support.kernel_pids() != self.pids_before and time.time() < deadline:
            time.sleep(0.2)
        self.assertEqual(kernel_support.kernel_pids(), self.pids_before, "stray kernel JVMs")


class ExtensionMissingItsDependency(unittest.TestCase):
    """An extension whose classes need a jar that is not on the classpath says what to do."""

    def test_message_names_the_missing_class_and_the_remedy(self):
        workdir = kernel_support.make_workdir()
        manager, client = start(workdir)
        try:
            content, messages = execute(client, "%jars ext/*.jar")
            self.assertEqual(content["status"], "ok")
            stderr = "".join(m["content"]["text"] for m in messages
                             if m["msg_type"] == "stream" and m["content"]["name"] == "stderr")
            self.assertIn("extension nndl.kernel.testext.GridExtension cannot install: it needs "
                          "nndl.kernel.testext.Grid", stderr)
            self.assertIn("in the same cell as its own jar", stderr)
        finally:
            pid, _ = stop(manager, client)
            kernel_support.wait_until_gone(pid)
            shutil.rmtree(workdir, ignore_errors=True)


class JJavaEnvironment(unittest.TestCase):
    """JJAVA_CLASSPATH, JJAVA_STARTUP_SCRIPT(S_PATH), JJAVA_TIMEOUT and JJAVA_JVM_OPTS."""

    @classmethod
    def setUpClass(cls):
        cls.workdir = kernel_support.make_workdir()
        (cls.workdir / "startup.jsh").write_text("int fromScript = 11;\n")
        cls.manager, cls.client = start(cls.workdir, {
            "JJAVA_CLASSPATH": "ext/*.jar:deps/*.jar",
            "JJAVA_STARTUP_SCRIPTS_PATH": "startup.jsh",
            "JJAVA_STARTUP_SCRIPT": "int fromVariable = 31;",
            "JJAVA_TIMEOUT": "2 SECONDS",
            "JJAVA_JVM_OPTS": "-Xmx300m",
        })

    @classmethod
    def tearDownClass(cls):
        pid, _ = stop(cls.manager, cls.client)
        kernel_support.wait_until_gone(pid)
        shutil.rmtree(cls.workdir, ignore_errors=True)

    def test_startup_scripts_ran(self):
        content, messages = execute(self.client, "fromScript + fromVariable")
        self.assertEqual(result_text(messages), "42")

    def test_classpath_extension_is_installed_at_start(self):
        content, messages = execute(self.client, 'new nndl.kernel.testext.Grid(List.of("k"), List.of(List.of(1)))')
        html = [m for m in messages if m["msg_type"] == "execute_result"][0]["content"]["data"]
        self.assertIn("text/html", html)

    def test_timeout_stops_a_long_statement(self):
        content, _ = execute(self.client, "while (true) { }", timeout=30)
        self.assertEqual(content["status"], "error")
        self.assertEqual(content["ename"], "TimedOut")
        content, messages = execute(self.client, "3+3")
        self.assertEqual(result_text(messages), "6")

    def test_jvm_options_reach_the_kernel(self):
        content, messages = execute(self.client, "Runtime.getRuntime().maxMemory() <= 300L * 1024 * 1024")
        self.assertEqual(result_text(messages), "true")


if __name__ == "__main__":
    unittest.main()


class KnockOnFailures(OneKernel):
    """A cell that fails only because an earlier cell failed ends its error with the cell it needed
    and that cell's own failure (spec section 11), numbered by execution count as the notebook shows."""

    def error_of(self, code):
        reply, messages = execute(self.client, code)
        self.assertEqual(reply["status"], "error", code)
        errors = [m["content"] for m in messages if m["msg_type"] == "error"]
        self.assertEqual(len(errors), 1, messages)
        return reply["execution_count"], errors[0]

    def test_a_null_variable_of_a_failed_cell_names_that_cell_and_its_cause(self):
        count, _ = self.error_of('String word = Integer.toString(Integer.parseInt("x"));')
        _, error = self.error_of("word.length()")
        self.assertEqual(error["ename"], "NullPointerException")
        self.assertIn('"REPL.', error["traceback"][0], "the kernel's own report stays first")
        self.assertEqual(error["traceback"][-1],
                         f'needs `word` from In [{count}], which stopped: NumberFormatException: For input string: "x"')

    def test_a_variable_never_declared_after_a_failure_names_that_cell(self):
        count, _ = self.error_of('int k = Integer.parseInt("y");\nint later = 5;')
        _, error = self.error_of("int doubled = later * 2;")
        self.assertEqual(error["ename"], "CompileError")
        self.assertEqual(error["traceback"][-1],
                         f'needs `later` from In [{count}], which stopped: NumberFormatException: For input string: "y"')

    def test_a_null_the_cell_itself_made_is_its_own_bug(self):
        reply, _ = execute(self.client, "String fine = null;")
        self.assertEqual(reply["status"], "ok")
        _, error = self.error_of("fine.length()")
        self.assertFalse(any("needs `" in line for line in error["traceback"]), error["traceback"])
