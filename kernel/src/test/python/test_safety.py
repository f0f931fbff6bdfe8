"""A session nothing in a cell can break, and output that is never dropped: System.exit, closed or
replaced standard streams, a statement past the class file's limits, threads of earlier cells,
and bursts of printed lines."""
import re
import unittest

from kernel_support import execute, result_text, stream_text
from test_session import OneKernel

LINES = 500_000


class Output(OneKernel):
    def test_every_line_of_a_burst_arrives_in_order(self):
        content, messages = execute(self.client, "for (int i = 0; i < %d; i++) { System.out.println(\"line \" + i); }" % LINES,
                                    timeout=300)
        self.assertEqual(content["status"], "ok")
        lines = stream_text(messages).splitlines()
        print("\n    %d lines printed, %d received in %d stream messages"
              % (LINES, len(lines), sum(1 for m in messages if m["msg_type"] == "stream")))
        self.assertEqual(len(lines), LINES)
        self.assertEqual(lines, ["line %d" % i for i in range(LINES)])
        self.assertLess(sum(1 for m in messages if m["msg_type"] == "stream"), LINES // 100, "lines were not batched")


class OutputCap(OneKernel):
    """A kernel with a 1 MB cap keeps head and tail and says exactly how many lines it left out."""
    env = {"NNDL_KERNEL_OUTPUT_CAP": "1MB"}

    def test_the_notice_counts_what_was_left_out(self):
        content, messages = execute(self.client, "for (int i = 0; i < %d; i++) { System.out.println(\"line \" + i); }" % LINES,
                                    timeout=300)
        self.assertEqual(content["status"], "ok")
        shown = [line for line in stream_text(messages).splitlines() if line.startswith("line ")]
        notice = re.search(r"\[output cap: ([\d,]+) lines \(.*\) left out here", stream_text(messages, "stderr"))
        self.assertIsNotNone(notice, stream_text(messages, "stderr"))
        left_out = int(notice.group(1).replace(",", ""))
        self.assertEqual(len(shown) + left_out, LINES)
        self.assertEqual(shown[0], "line 0")
        self.assertEqual(shown[-1], "line %d" % (LINES - 1))


class Mishaps(OneKernel):
    def assert_session_usable(self):
        content, messages = execute(self.client, "1+1")
        self.assertEqual(content["status"], "ok", content)
        self.assertEqual(result_text(messages), "2")

    def test_system_exit_is_an_error_in_the_cell(self):
        execute(self.client, "int survivor = 12;")
        for call in ("System.exit(0);", "Runtime.getRuntime().halt(1);", "Runtime.getRuntime().exit(2);"):
            content, _ = execute(self.client, call)
            self.assertEqual(content["status"], "error", call)
            self.assertIn("SystemExitRefused", content["ename"] + " ".join(content["traceback"]), call)
        self.assertTrue(self.manager.is_alive())
        self.assert_session_usable()
        content, messages = execute(self.client, "survivor")
        self.assertEqual(result_text(messages), "12")

    def test_closing_system_out_does_not_mute_later_cells(self):
        execute(self.client, "System.out.close();\nSystem.err.close();")
        content, messages = execute(self.client, 'System.out.println("heard"); System.err.println("heard too");')
        self.assertEqual(stream_text(messages), "heard\n")
        self.assertEqual(stream_text(messages, "stderr"), "heard too\n")

    def test_replacing_system_out_does_not_mute_later_cells(self):
        execute(self.client, "System.setOut(null);\nSystem.setErr(new PrintStream(OutputStream.nullOutputStream()));")
        content, messages = execute(self.client, 'System.out.println("back"); System.err.println("back too");')
        self.assertEqual(stream_text(messages), "back\n")
        self.assertEqual(stream_text(messages, "stderr"), "back too\n")

    def test_code_too_large_leaves_the_session_usable(self):
        execute(self.client, "int kept = 3;")
        literal = "int[] huge = {" + ",".join(str(i) for i in range(100_000)) + "};"
        content, _ = execute(self.client, literal, timeout=120)
        self.assertEqual(content["status"], "error")
        self.assertIn("code too large", "\n".join(content["traceback"]))
        self.assertIn("it was dropped", "\n".join(content["traceback"]))
        self.assert_session_usable()
        content, messages = execute(self.client, "kept + 1")
        self.assertEqual(result_text(messages), "4")

    def test_output_of_an_earlier_cells_thread_is_labelled(self):
        content, _ = execute(self.client, "Thread ticker = new Thread(() -> {\n"
                                          "    for (int i = 0; i < 8; i++) {\n"
                                          "        System.out.println(\"tick \" + i);\n"
                                          "        try { Thread.sleep(100); } catch (InterruptedException e) { return; }\n"
                                          "    }\n"
                                          "}, \"ticker\");\nticker.start();")
        starter = content["execution_count"]
        content, messages = execute(self.client, 'Thread.sleep(1500);\nSystem.out.println("mine");')
        text = stream_text(messages)
        ticks = [line for line in text.splitlines() if "tick" in line]
        self.assertTrue(ticks, text)
        for line in ticks:
            self.assertRegex(line, r"^\[In \[%d\] ticker\] tick \d$" % starter)
        self.assertIn("mine\n", text)


if __name__ == "__main__":
    unittest.main()
