"""Executes notebooks/kernel_features.ipynb through nbclient and checks every cell's outputs."""
import os
import unittest

import nbformat

import kernel_support

MARKER = "nndl-marker-7d1f"


class KernelFeaturesNotebook(kernel_support.TaggedNotebook):
    @classmethod
    def setUpClass(cls):
        cls.workdir = kernel_support.make_workdir()
        nb = nbformat.read(str(kernel_support.NOTEBOOKS / "kernel_features.ipynb"), as_version=4)
        os.environ["NNDL_KERNEL_TEST_MARKER"] = MARKER
        try:
            cls.run_notebook(nb, timeout=120)
        finally:
            del os.environ["NNDL_KERNEL_TEST_MARKER"]

    def error(self, tag):
        errors = self.outputs(tag, "error")
        self.assertEqual(len(errors), 1, "cell %s: expected one error, got %s" % (tag, self.cells[tag]["outputs"]))
        return errors[0]

    def stdout(self, tag):
        return "".join(o["text"] for o in self.outputs(tag, "stream") if o["name"] == "stdout")

    def test_state_is_kept_across_cells(self):
        self.assertEqual(self.result("state-use")["text/plain"], "42")
        self.assertEqual(self.result("survives")["text/plain"], "41", "state must survive the error cells")

    def test_kernel_inherits_the_environment(self):
        self.assertEqual(self.result("environment")["text/plain"], MARKER)

    def test_buffered_image_is_png(self):
        data = self.result("image")
        self.assertIn("image/png", data)
        self.assertTrue(data["image/png"].startswith("iVBORw0KGgo"), "not a base64 PNG")

    def test_display_call_shows_image_without_its_id(self):
        displays = self.outputs("display", "display_data")
        self.assertEqual(len(displays), 1)
        self.assertIn("image/png", displays[0]["data"])
        self.assertEqual(self.outputs("display", "execute_result"), [], "display(x); must not show the display id")
        self.assertEqual(self.stdout("display"), "after display\n")

    def test_trailing_semicolon_still_shows_the_value(self):
        # IJava's rule: the last expression is shown whether or not it ends with ';'.
        self.assertEqual(self.result("semicolon")["text/plain"], "42")

    def test_extension_from_runtime_jar_renders_html(self):
        # The extension's jar comes one line before the jar its renderer's type lives in.
        data = self.result("jars")
        self.assertIn("text/html", data)
        self.assertIn("<table", data["text/html"])
        self.assertIn("<td>b</td><td>2</td>", data["text/html"])
        self.assertIn("text/plain", data)

    def test_library_code_displays_custom_mime_type(self):
        displays = self.outputs("grade", "display_data")
        self.assertEqual(len(displays), 1)
        data = displays[0]["data"]
        self.assertEqual(data["application/vnd.nndl.grade+json"], {"id": "kernel.check", "value": 0.97, "status": "graded"})
        self.assertEqual(data["text/plain"], "kernel.check: 0.97")

    def test_compile_error_names_the_line_and_marks_it(self):
        error = self.error("compile-error")
        self.assertEqual(error["ename"], "CompileError")
        text = "\n".join(error["traceback"])
        self.assertIn("line 2", text)
        self.assertIn("cannot find symbol", text)
        self.assertIn("    int broken = undefinedThing + 1;", error["traceback"])
        self.assertIn("                 " + "^" * len("undefinedThing"), error["traceback"])

    def test_runtime_error_shows_user_frames_only(self):
        error = self.error("runtime-error")
        self.assertEqual(error["ename"], "ArithmeticException")
        text = "\n".join(error["traceback"])
        self.assertIn("java.lang.ArithmeticException: / by zero", text)
        define_count = self.cells["define-method"]["execution_count"]
        self.assertIn("at divide (In [%d], line 2)" % define_count, text)
        self.assertIn("at line 2", text)
        for internal in ("jdk.jshell", "nndl.kernel", "REPL.", "do_it$", "java.lang.reflect", "Thread.run"):
            self.assertNotIn(internal, text)

    def test_cell_and_line_time(self):
        self.assertEqual(self.result("cell-time")["text/plain"], "499500")
        self.assertRegex(self.stdout("cell-time"), r"Wall time: [0-9.]+ (ns|µs|ms|s)")
        self.assertRegex(self.stdout("line-time"), r"CPU time: .*, Wall time: [0-9.]+ (ms|s)")

    def test_unknown_magic_is_named(self):
        error = self.error("unknown-magic")
        self.assertEqual(error["ename"], "MagicError")
        self.assertIn("%nosuchmagic", error["evalue"])
        self.assertIn("%classpath", error["evalue"], "the message should list the known magics")

    def test_load_runs_a_jsh_file(self):
        self.assertEqual(self.result("load")["text/plain"], "42")

    def test_load_runs_a_notebooks_code_cells(self):
        self.assertEqual(self.result("load-notebook")["text/plain"], "10")

    def test_update_display_replaces_the_shown_value(self):
        displays = self.outputs("update-display", "display_data")
        self.assertEqual(len(displays), 1)
        self.assertEqual(displays[0]["data"]["text/plain"], "second")
        self.assertEqual(self.outputs("update-display", "execute_result"), [])

    def test_render_chooses_the_mime_type(self):
        self.assertEqual(self.result("render")["text/html"], "<b>bold</b>")


if __name__ == "__main__":
    unittest.main()
