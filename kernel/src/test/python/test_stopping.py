"""Interrupting busy cells on the real kernel: each stops, leaves no thread of the cell computing,
and the session goes on. "Busy" and "stopped" are read from the states of the kernel JVM's threads
in /proc (a computing thread is runnable however little CPU a loaded machine gives it), never from
the CPU share the JVM gets, so the tests pass however busy the machine is."""
import time
import unittest

import kernel_support
from kernel_support import execute, reply_for, result_text
from test_session import OneKernel

# How long the threads of a stopped cell may take to exit or settle before the test calls them left
# running: generous, since a loaded machine may not schedule them at once (and longer than the ten
# seconds of the spin that cannot be stopped). A thread left running never stops computing, so this
# bounds the wait, it is not a claim about speed.
WIND_DOWN = 30.0


class Stopping(OneKernel):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.pid = cls.manager.provisioner.process.pid
        content, _ = execute(cls.client, "%jars ext/*.jar deps/*.jar")
        assert content["status"] == "ok", content

    def interrupt(self, code, computing=1, mark="started"):
        """Runs `code`, waits for `mark` on its output and for `computing` threads started since then
        computing (the cell's, not the kernel's compiling it), interrupts it; returns the reply's
        content, after checking that no thread of the kernel computes any more and that 1+1 works."""
        existing = set(kernel_support.thread_states(self.pid))
        before = set(kernel_support.spinning_threads(self.pid))
        msg_id = self.started(code, mark)
        busy = self.await_computing(existing, computing, code)
        started = time.monotonic()
        self.manager.interrupt_kernel()
        reply = reply_for(self.client, msg_id, timeout=kernel_support.TIMEOUT)["content"]
        took = time.monotonic() - started
        left = self.await_settled(before)
        print("\n    %s: %s computing -> %s in %.2f s, then %s" % (
            code.splitlines()[-1][:60], ", ".join(sorted(busy.values())), reply.get("ename"), took,
            "still computing: " + ", ".join(sorted(left.values())) if left else "no thread computing"))
        self.assertEqual({}, left, "threads still computing after the interrupt (those of the cell: %s)" % busy)
        content, messages = execute(self.client, "1+1")
        self.assertEqual(result_text(messages), "2")
        return reply

    def await_computing(self, existing, count, code):
        """{tid: name} of the kernel's threads computing that did not exist before `code` ran (the
        cell's thread and those it started), once there are `count`."""
        deadline = time.monotonic() + kernel_support.TIMEOUT
        while True:
            busy = {tid: name for tid, name in kernel_support.spinning_threads(self.pid).items() if tid not in existing}
            if len(busy) >= count or time.monotonic() > deadline:
                self.assertGreaterEqual(len(busy), count, "the cell was not busy: %s (computing: %s)" % (code, busy))
                return busy

    def await_settled(self, before):
        """{tid: name} of the threads still computing (and not before the cell) once they settle or
        WIND_DOWN has passed: empty when the cell's threads stopped."""
        deadline = time.monotonic() + WIND_DOWN
        while True:
            left = {tid: name for tid, name in kernel_support.spinning_threads(self.pid).items() if tid not in before}
            if not left or time.monotonic() > deadline:
                return left

    def started(self, code, mark="started"):
        """Runs `code` after a statement printing "started", and returns once `mark` arrived (that
        one, or one `code` prints), so that the interrupt meets `code` running, not still compiling
        on a loaded machine."""
        msg_id = self.client.execute('System.out.println("started");\n' + code)
        deadline = time.time() + kernel_support.TIMEOUT
        while True:
            msg = self.client.get_iopub_msg(timeout=max(0.1, deadline - time.time()))
            if (msg["parent_header"].get("msg_id") == msg_id and msg["msg_type"] == "stream"
                    and mark in msg["content"]["text"]):
                return msg_id

    def assert_interrupted(self, reply):
        self.assertEqual(reply["status"], "error")
        self.assertEqual(reply["ename"], "Interrupted", reply.get("traceback"))

    def test_a_busy_loop_without_calls(self):
        self.assert_interrupted(self.interrupt("long n = 0;\nwhile (true) { n++; }"))

    def test_an_empty_loop(self):
        self.assert_interrupted(self.interrupt("while (true) { }"))

    def test_a_loop_calling_methods(self):
        self.assert_interrupted(self.interrupt(
            "long calls = 0;\nwhile (true) { calls += String.valueOf(Math.sqrt(calls)).length(); }"))

    def test_a_training_loop_defined_in_a_cell(self):
        execute(self.client, "double step(double w, int i) { return w * 0.9999 + Math.sin(i) * 1e-9; }\n"
                             "double train(int epochs) {\n"
                             "    System.out.println(\"training\");\n"
                             "    double w = 1;\n"
                             "    for (int epoch = 0; epoch < epochs; epoch++) {\n"
                             "        for (int i = 0; i < 10_000; i++) { w = step(w, i); }\n"
                             "    }\n"
                             "    return w;\n"
                             "}\n"
                             "int before = 6;")
        reply = self.interrupt("double trained = train(Integer.MAX_VALUE);", mark="training")
        self.assert_interrupted(reply)
        self.assertTrue(any("train" in line for line in reply["traceback"]), reply["traceback"])
        content, messages = execute(self.client, "before * 7")
        self.assertEqual(result_text(messages), "42", "state was lost")

    def test_a_library_loop_that_checks_the_interrupt_flag(self):
        self.assert_interrupted(self.interrupt("double w = nndl.kernel.testext.LongWork.trainUntilInterrupted();"))

    def test_threads_the_cell_started_stop_with_it(self):
        self.assert_interrupted(self.interrupt(
            "for (int t = 0; t < 2; t++) { new Thread(() -> { long k = 0; while (true) { k++; } }).start(); }\n"
            "while (true) { Thread.sleep(50); }", computing=2))

    def test_code_that_cannot_be_stopped_is_named_not_interrupted(self):
        # Ten seconds of spinning: far longer than the kernel waits for a cell to stop, even when a
        # loaded machine delays the interrupt.
        before = set(kernel_support.spinning_threads(self.pid))
        msg_id = self.started("nndl.kernel.testext.LongWork.spinIgnoringInterrupts(10_000);")
        time.sleep(1.0)
        self.manager.interrupt_kernel()
        reply = reply_for(self.client, msg_id, timeout=30)["content"]
        self.assertEqual(reply["ename"], "NotStopped")
        self.assertTrue(any("still running: nndl-cell-" in line for line in reply["traceback"]), reply["traceback"])
        self.assertTrue(any("Restart the kernel" in line for line in reply["traceback"]), reply["traceback"])
        content, messages = execute(self.client, "1+1")
        self.assertEqual(result_text(messages), "2")
        # The spin ends by itself; later tests start from a kernel where nothing computes.
        self.assertEqual({}, self.await_settled(before), "the spin did not end by itself")


if __name__ == "__main__":
    unittest.main()
