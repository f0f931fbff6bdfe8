"""Executes notebooks/ijava_style.ipynb, cells written as notebooks for IJava and JJava write them,
through nbclient and checks that each behaves as under IJava (kernel/README.md, "IJava and JJava")."""
import base64
import os
import re
import struct
import unittest
from pathlib import Path

import nbformat

import kernel_support

# Small artifacts without dependencies that `mvn test` (stage 1 of ./workbook test) leaves in the
# local Maven repository: JUnit 5's. The kernel resolves them from there, without the network.
LOCAL_ARTIFACTS = [
    ("org.apiguardian", "apiguardian-api", "org.apiguardian.api.API.Status.STABLE"),
    ("org.opentest4j", "opentest4j", "new org.opentest4j.ValueWrapper(null).toString()"),
]


def local_repository():
    """The local Maven repository the kernel uses: -Dmaven.repo.local in JJAVA_JVM_OPTS, else ~/.m2."""
    match = re.search(r"-Dmaven\.repo\.local=(\S+)", os.environ.get("JJAVA_JVM_OPTS", ""))
    return Path(match.group(1)) if match else Path.home() / ".m2" / "repository"


def local_artifact():
    """(dependency XML, an expression using the artifact) for an artifact whose jar and POM are in
    the local repository; fails naming where it looked."""
    repo = local_repository()
    for group, artifact, use in LOCAL_ARTIFACTS:
        base = repo / group.replace(".", "/") / artifact
        versions = sorted(v.name for v in base.glob("*")
                          if (v / ("%s-%s.jar" % (artifact, v.name))).is_file()
                          and (v / ("%s-%s.pom" % (artifact, v.name))).is_file()) if base.is_dir() else []
        if versions:
            xml = ("<dependency>\n  <groupId>%s</groupId>\n  <artifactId>%s</artifactId>\n  <version>%s</version>\n"
                   "</dependency>" % (group, artifact, versions[-1]))
            return xml, use
    raise AssertionError("none of %s is in the local Maven repository %s (run mvn test first)"
                         % (", ".join(a for _, a, _ in LOCAL_ARTIFACTS), repo))


def png_size(data):
    """(width, height) of a base64 PNG, read from its IHDR chunk."""
    raw = base64.b64decode(data)
    if raw[:8] != b"\x89PNG\r\n\x1a\n":
        raise AssertionError("not a PNG")
    return struct.unpack(">II", raw[16:24])


class IJavaStyleNotebook(kernel_support.TaggedNotebook):
    @classmethod
    def setUpClass(cls):
        cls.workdir = kernel_support.make_workdir()
        (cls.workdir / "utils").mkdir()
        (cls.workdir / "utils" / "ijava-imports.jsh").write_text("import java.time.*;\nint fromImports = 21;\n")
        nb = nbformat.read(str(kernel_support.NOTEBOOKS / "ijava_style.ipynb"), as_version=4)
        dependency, use = local_artifact()
        for cell in nb.cells:
            cell.source = cell.source.replace("@ARTIFACT@", dependency).replace("@USE@", use)
        cls.run_notebook(nb, timeout=180)

    def stream(self, tag, name):
        return "".join(o["text"] for o in self.outputs(tag, "stream") if o["name"] == name)

    def test_no_cell_fails(self):
        for tag, cell in self.cells.items():
            self.assertEqual(self.outputs(tag, "error"), [], "cell %s failed" % tag)

    def test_last_expression_is_shown_after_a_semicolon(self):
        self.assertEqual(self.result("sum-semicolon")["text/plain"], "7")
        self.assertEqual(self.result("call-semicolon")["text/plain"], "2.0")

    def test_statements_and_void_calls_show_nothing(self):
        self.assertEqual(self.outputs("define"), [])
        self.assertEqual(self.outputs("declaration"), [])
        self.assertEqual(self.outputs("void-call", "execute_result"), [])
        self.assertEqual(self.stream("void-call", "stdout"), "void\n")

    def test_load_without_extension_finds_jsh_and_ipynb(self):
        self.assertEqual(self.result("load-jsh")["text/plain"], "42")
        self.assertEqual(self.result("load-ipynb")["text/plain"], "5")

    def test_load_from_pom_takes_loose_tags(self):
        self.assertIn("%%loadFromPOM: added", self.stream("loose-pom", "stdout"))
        self.assertTrue(self.result("loose-pom-use")["text/plain"], "the artifact's class must be usable")

    def test_renderer_registered_through_ijava(self):
        self.assertEqual(self.outputs("renderer"), [])
        self.assertEqual(self.result("renderer-use")["text/html"], "<b>21.5 &deg;C</b>")

    def test_kernel_reachable_under_ijava_and_jjava_names(self):
        self.assertEqual(self.result("kernel-names")["text/plain"], "true")
        displays = self.outputs("display-data", "display_data")
        self.assertEqual([d["data"].get("text/html") for d in displays], ["<i>shown</i>"] * 2,
                         "kernel.display(bundle) and display(bundle) must both show the bundle")
        self.assertEqual(self.outputs("display-data", "execute_result"), [], "display(x); must not show the display id")

    def test_magics_registered_and_applied_through_ijava(self):
        self.assertEqual(self.result("register-magic")["text/plain"], "APPLIED")
        self.assertEqual(self.result("magic-line")["text/plain"], "HELLO THERE")

    def test_line_magic_as_an_expression(self):
        self.assertEqual(self.result("magic-expression")["text/plain"], "QUIET WORDS 1 true")

    def test_swing_component_is_a_png_of_its_preferred_size(self):
        data = self.result("swing")
        self.assertIn("image/png", data)
        self.assertEqual(png_size(data["image/png"]), (120, 40))
        displays = self.outputs("swing-display", "display_data")
        self.assertEqual(len(displays), 1)
        width, height = png_size(displays[0]["data"]["image/png"])
        self.assertGreater(width, 10)
        self.assertGreater(height, 5)

    def test_lsmagic_lists_line_and_cell_magics(self):
        text = self.stream("lsmagic", "stdout")
        for name in ("%classpath", "%jars", "%load", "%maven", "%lsmagic", "%shout", "%%loadFromPOM", "%%time"):
            self.assertIn(name, text)

    def test_library_logging_below_warning_is_not_shown(self):
        stderr = self.stream("logging", "stderr")
        self.assertNotIn("an info line", stderr)
        self.assertNotIn("a fine line", stderr)
        self.assertIn("WARNING: a warning from a library", stderr)

    def test_unresolved_method_is_named_and_the_class_kept(self):
        self.assertEqual(self.outputs("unresolved", "error"), [])
        self.assertIn("cannot be used until method salutation() is defined", self.stream("unresolved", "stderr"))
        self.assertEqual(self.result("unresolved-use")["text/plain"], "hello!")


if __name__ == "__main__":
    unittest.main()
