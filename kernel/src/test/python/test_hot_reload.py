"""Hot reload of the course library (kernel/README.md, Hot reload), through the Jupyter protocol: a
cell using Relu.reluForward, the file rewritten, the same cell again in the same kernel.

Each test class works on a scratch copy of lib/src/main/java (NNDL_ROOT points the kernel at it);
the library's built jars (display/target/dependency, from the Maven build) are linked in, never
changed. The copied sources are dated before the jar, as after a build."""
import os
import re
import shutil
import tempfile
import time
import unittest
from pathlib import Path

import kernel_support
from kernel_support import execute, result_text, stream_text
from test_session import start, stop

PROJECT = kernel_support.HERE.parents[3]
DEPENDENCIES = PROJECT / "display" / "target" / "dependency"
RELU = "lib/src/main/java/nndl/layers/Relu.java"
FORWARD = "    public static Forward<Cache> reluForward(DMatrixRMaj x) {\n"
CELL = "java.util.Arrays.toString(Relu.reluForward(x).out().data)"
TIMEOUT = 180  # the first cell after a start may compile the whole library on a loaded machine


def library_jar():
    jars = sorted(DEPENDENCIES.glob("nndl-lib-*.jar"))
    if not jars:
        raise AssertionError("no nndl-lib jar in %s: build the project first (mvn install, or ./workbook kernel after "
                             "./workbook run)" % DEPENDENCIES)
    return jars[0]


def scratch_project():
    """A project folder with a copy of lib/src/main/java, dated a minute before the library's jar,
    and display/target/dependency linked to the real one."""
    root = Path(tempfile.mkdtemp(prefix="nndl-hot-reload-test-"))
    shutil.copytree(PROJECT / "lib" / "src" / "main" / "java", root / "lib" / "src" / "main" / "java")
    shutil.copy(PROJECT / "pom.xml", root / "pom.xml")
    before_jar = library_jar().stat().st_mtime - 60
    for path in (root / "lib").rglob("*.java"):
        os.utime(path, (before_jar, before_jar))
    (root / "display" / "target").mkdir(parents=True)
    (root / "display" / "target" / "dependency").symlink_to(DEPENDENCIES, target_is_directory=True)
    return root


def with_forward(text, line, extra_member=""):
    """Relu.java's `text` with reluForward replaced by a loop running `line` for each element of
    `out`, a copy of x (never the model answer: this file ships in both editions), and
    `extra_member` after it."""
    start = text.index(FORWARD)
    end = text.index("\n    }\n", start) + len("\n    }\n")
    method = (FORWARD + "        DMatrixRMaj out = x.copy();\n"
              "        for (int i = 0; i < out.data.length; i++) {\n"
              "            %s\n"
              "        }\n"
              "        return new Forward<>(out, new Cache(x));\n"
              "    }\n" % line)
    if extra_member:
        method += "\n" + extra_member + "\n"
    return text[:start] + method + text[end:]


def save(path, text):
    """Writes `text` as an editor saves, with a modification time surely later than the last one."""
    before = path.stat().st_mtime
    path.write_text(text)
    if path.stat().st_mtime <= before:
        os.utime(path, (before + 1, before + 1))


class HotReload(unittest.TestCase):
    """One kernel; the tests run in name order and each leaves Relu.java compatible with the loaded class."""

    @classmethod
    def setUpClass(cls):
        cls.root = scratch_project()
        cls.relu = cls.root / RELU
        cls.original = cls.relu.read_text()
        assert FORWARD in cls.original, "Relu.java no longer declares the method this test edits: " + FORWARD
        cls.manager, cls.client = start(cls.root, {"NNDL_ROOT": str(cls.root)})
        content, messages = execute(cls.client, "%%classpath %s/*.jar\n"
                                    "import nndl.layers.Relu;\n"
                                    "import org.ejml.data.DMatrixRMaj;\n"
                                    "var x = new DMatrixRMaj(new double[][] {{-1, 2}, {3, -4}});\n"
                                    "int kept = 41;" % DEPENDENCIES, timeout=TIMEOUT)
        if content["status"] != "ok":
            cls.tearDownClass()
            raise AssertionError("the set-up cell failed: %s" % content)

    @classmethod
    def tearDownClass(cls):
        pid, _ = stop(cls.manager, cls.client)
        kernel_support.wait_until_gone(pid)
        shutil.rmtree(cls.root, ignore_errors=True)

    def run_cell(self, code=CELL):
        return execute(self.client, code, timeout=TIMEOUT)

    def assert_result(self, expected, code=CELL):
        content, messages = self.run_cell(code)
        self.assertEqual(content["status"], "ok", content)
        self.assertEqual(result_text(messages), expected)
        return messages

    def edit(self, line, extra_member=""):
        """Relu.java with reluForward's loop running `line`, and `extra_member` after reluForward."""
        save(self.relu, with_forward(self.original, line, extra_member))

    def test_1_a_new_body_runs_in_the_same_kernel_and_variables_stay(self):
        content, messages = self.run_cell()
        if content["status"] == "ok":  # the instructor edition's model answer
            self.assertEqual(result_text(messages), "[0.0, 2.0, 3.0, 0.0]")
        else:  # the student edition's stub
            self.assertIn("not implemented yet: Relu.reluForward", "\n".join(content["traceback"]))
        self.edit("out.data[i] = 10 * x.data[i];")
        messages = self.assert_result("[-10.0, 20.0, 30.0, -40.0]")
        self.assertRegex(stream_text(messages), "hot reload: " + re.escape(RELU) + r" compiled, [12] loaded class(es)? redefined")
        self.assert_result("42", "kept + 1")
        # Saving the same text again (a new modification time only) compiles nothing.
        save(self.relu, self.relu.read_text())
        content, messages = self.run_cell()
        self.assertNotIn("hot reload", stream_text(messages))

    def test_2_a_helper_or_a_lambda_added_is_refused_then_a_plain_body_applies(self):
        restart = " — restart the kernel to load it (Kernel ▸ Restart)"
        self.edit("out.data[i] = triple(x.data[i]);",
                  "    private static double triple(double v) {\n        return 3 * v;\n    }")
        content, _ = self.run_cell()
        self.assertEqual(content["traceback"], [RELU + ": method triple(double) added" + restart])
        self.edit("java.util.function.DoubleUnaryOperator f = v -> 3 * v;\n            out.data[i] = f.applyAsDouble(x.data[i]);")
        content, _ = self.run_cell()
        self.assertEqual(content["traceback"], [RELU + ": lambda in method reluForward added" + restart])
        self.edit("out.data[i] = 3 * x.data[i];")
        self.assert_result("[-3.0, 6.0, 9.0, -12.0]")

    def test_3_a_new_public_method_is_refused_in_one_line_until_reverted(self):
        self.edit("out.data[i] = 5 * x.data[i];",
                  "    public static double helper(double v) {\n        return v;\n    }")
        expected = RELU + ": method helper(double) added — restart the kernel to load it (Kernel ▸ Restart)"
        for code in (CELL, "kept"):  # no cell runs while the loaded class is stale
            content, messages = self.run_cell(code)
            self.assertEqual(content["status"], "error", content)
            self.assertEqual(content["traceback"], [expected])
            self.assertEqual(content["ename"], "RestartNeeded")
        self.edit("out.data[i] = 7 * x.data[i];")
        self.assert_result("[-7.0, 14.0, 21.0, -28.0]")
        self.assert_result("41", "kept")

    def test_4_a_changed_signature_and_a_new_field_are_named(self):
        text = with_forward(self.original, "out.data[i] = x.data[i];").replace(
            "public static Forward<Cache> reluForward(DMatrixRMaj x) {",
            "public static Forward<Cache> reluForward(DMatrixRMaj x, double scale) {")
        text = text.replace("public final class Relu {", "public final class Relu {\n    static int calls;", 1)
        self.assertIn("static int calls;", text)
        save(self.relu, text)
        content, _ = self.run_cell()
        self.assertEqual(content["status"], "error", content)
        self.assertEqual(content["traceback"], [
            RELU + ": field calls added, signature of method reluForward(DMatrixRMaj) changed to "
                   "reluForward(DMatrixRMaj, double) — restart the kernel to load it (Kernel ▸ Restart)"])
        self.edit("out.data[i] = x.data[i];")
        self.assert_result("[-1.0, 2.0, 3.0, -4.0]")

    def test_5_a_compile_error_names_file_line_and_column(self):
        self.edit("out.data[i] = 2 * x.data[i]")  # no semicolon
        line = 1 + self.relu.read_text().splitlines().index("            out.data[i] = 2 * x.data[i]")
        content, _ = self.run_cell()
        self.assertEqual(content["status"], "error", content)
        self.assertEqual(content["ename"], "CompileError")
        self.assertEqual(content["traceback"], [
            "%s:%d: ';' expected" % (RELU, line),
            "                out.data[i] = 2 * x.data[i]",
            "    " + " " * len("            out.data[i] = 2 * x.data[i]") + "^"])
        self.assertEqual(content["evalue"], "%s:%d: ';' expected" % (RELU, line))
        content, _ = self.run_cell("kept")
        self.assertEqual(content["status"], "error", "a cell ran while the library did not compile")
        self.edit("out.data[i] = 2 * x.data[i];")
        self.assert_result("[-2.0, 4.0, 6.0, -8.0]")

    def test_6_a_class_not_loaded_yet_loads_its_new_code(self):
        path = self.root / "lib/src/main/java/nndl/layers/SmoothActivations.java"
        text = path.read_text()
        marker = "    public static double sigmoid(double k) {"
        self.assertIn(marker, text)
        save(path, text.replace(marker, "    public static double doubled(double v) {\n        return 2 * v;\n    }\n\n" + marker, 1))
        self.assert_result("42.0", "nndl.layers.SmoothActivations.doubled(21)")


class Restart(unittest.TestCase):
    """A restarted kernel compiles the sources that are newer than the jar, whatever changed."""

    def test_a_restart_loads_an_edit_that_needed_it(self):
        root = scratch_project()
        relu = root / RELU
        manager, client = start(root, {"NNDL_ROOT": str(root)})
        try:
            setup = "%%classpath %s/*.jar\nimport nndl.layers.Relu;\n" % DEPENDENCIES
            content, messages = execute(client, setup + "Relu.class.getSimpleName()", timeout=TIMEOUT)  # loads Relu
            self.assertEqual(result_text(messages), "Relu", content)
            save(relu, with_forward(relu.read_text(), "out.data[i] = -x.data[i];",
                                    "    public static String added() {\n        return \"new method\";\n    }"))
            content, _ = execute(client, "1 + 1", timeout=TIMEOUT)
            self.assertEqual(content["status"], "error")
            self.assertEqual(content["traceback"], [RELU + ": method added() added — restart the kernel to load it (Kernel ▸ Restart)"])
            manager.restart_kernel(now=False)
            client.wait_for_ready(timeout=kernel_support.TIMEOUT)
            content, messages = execute(client, setup + "Relu.added() + \" \" + Relu.reluForward(new org.ejml.data.DMatrixRMaj("
                                                "new double[][] {{5}})).out().get(0, 0)", timeout=TIMEOUT)
            self.assertEqual(content["status"], "ok", content)
            self.assertEqual(result_text(messages), "new method -5.0")
            self.assertRegex(stream_text(messages), r"hot reload: \d+ library sources compiled, 0 loaded classes redefined")
        finally:
            pid, _ = stop(manager, client)
            kernel_support.wait_until_gone(pid)
            shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    unittest.main()
