"""Interrupting busy cells on the real kernel: each stops within 2 s, leaves no thread of the cell
running (the kernel JVM's CPU, read from /proc, falls under 5 %), and the session goes on."""
import time
import unittest

import kernel_support
from kernel_support import execute, reply_for, result_text
from test_session import OneKernel

STOP_WITHIN = 2.0
IDLE_CPU_PERCENT = 5.0
# The machine is shared: a busy cell gets less than a core when others build at the same time.
BUSY_CPU_PERCENT = 20.0
# The reply leaves the kernel a moment of its own work (publishing, the JIT, a garbage collection
# of what the loop allocated) before it idles; a thread left running never falls under the bound.
SETTLE = 0.5
CPU_WINDOWS = 3


class Stopping(OneKernel):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.pid = cls.manager.provisioner.process.pid
        content, _ = execute(cls.client, "%jars ext/*.jar deps/*.jar")
        assert content["status"] == "ok", content

    def interrupt(self, code, busy_for=1.0):
        """Runs `code`, checks that it keeps a core busy, interrupts it; returns the reply's
        content, after checking how fast it came, the JVM's CPU after it, and that 1+1 works."""
        msg_id = self.started(code)
        time.sleep(busy_for)
        self.assertGreater(kernel_support.cpu_percent(self.pid, 0.5), BUSY_CPU_PERCENT, "the cell was not busy: " + code)
        started = time.monotonic()
        self.manager.interrupt_kernel()
        reply = reply_for(self.client, msg_id, timeout=30)["content"]
        took = time.monotonic() - started
        time.sleep(SETTLE)
        for _ in range(CPU_WINDOWS):
            cpu = kernel_support.cpu_percent(self.pid, 1.0)
            if cpu < IDLE_CPU_PERCENT:
                break
        print("\n    %s -> %s in %.2f s, then %.1f %% CPU" % (code.splitlines()[-1][:60], reply.get("ename"), took, cpu))
        self.assertLess(took, STOP_WITHIN, "the interrupt took %.2f s" % took)
        self.assertLess(cpu, IDLE_CPU_PERCENT, "the kernel JVM still burns %.1f %% CPU after the interrupt" % cpu)
        content, messages = execute(self.client, "1+1")
        self.assertEqual(result_text(messages), "2")
        return reply

    def started(self, code):
        """Runs `code` after a statement printing a mark, and returns once the mark arrived, so that
        the interrupt meets `code` running, not still compiling on a loaded machine."""
        msg_id = self.client.execute('System.out.println("started");\n' + code)
        deadline = time.time() + kernel_support.TIMEOUT
        while True:
            msg = self.client.get_iopub_msg(timeout=max(0.1, deadline - time.time()))
            if (msg["parent_header"].get("msg_id") == msg_id and msg["msg_type"] == "stream"
                    and "started" in msg["content"]["text"]):
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
                             "    double w = 1;\n"
                             "    for (int epoch = 0; epoch < epochs; epoch++) {\n"
                             "        for (int i = 0; i < 10_000; i++) { w = step(w, i); }\n"
                             "    }\n"
                             "    return w;\n"
                             "}\n"
                             "int before = 6;")
        reply = self.interrupt("double trained = train(Integer.MAX_VALUE);")
        self.assert_interrupted(reply)
        self.assertTrue(any("train" in line for line in reply["traceback"]), reply["traceback"])
        content, messages = execute(self.client, "before * 7")
        self.assertEqual(result_text(messages), "42", "state was lost")

    def test_a_library_loop_that_checks_the_interrupt_flag(self):
        self.assert_interrupted(self.interrupt("double w = nndl.kernel.testext.LongWork.trainUntilInterrupted();"))

    def test_threads_the_cell_started_stop_with_it(self):
        self.assert_interrupted(self.interrupt(
            "for (int t = 0; t < 2; t++) { new Thread(() -> { long k = 0; while (true) { k++; } }).start(); }\n"
            "while (true) { Thread.sleep(50); }"))

    def test_code_that_cannot_be_stopped_is_named_not_interrupted(self):
        msg_id = self.started("nndl.kernel.testext.LongWork.spinIgnoringInterrupts(6_000);")
        time.sleep(1.0)
        self.manager.interrupt_kernel()
        reply = reply_for(self.client, msg_id, timeout=30)["content"]
        self.assertEqual(reply["ename"], "NotStopped")
        self.assertTrue(any("still running: nndl-cell-" in line for line in reply["traceback"]), reply["traceback"])
        self.assertTrue(any("Restart the kernel" in line for line in reply["traceback"]), reply["traceback"])
        content, messages = execute(self.client, "1+1")
        self.assertEqual(result_text(messages), "2")
        time.sleep(5)  # the spin ends by itself; later tests measure an idle JVM


if __name__ == "__main__":
    unittest.main()
