#!/usr/bin/env python3
"""Fault tests of the launcher, on scratch copies of the tree and of the datasets (no network).

Each test reproduces one report of the issue "76 bad inputs and faults" as a user meets it, by
running `./workbook` in a scratch copy of this tree (its git-tracked files plus the built jars) whose
notebooks are replaced by tiny ones, on a scratch copy of ../shared/datasets, and asserts the
new behaviour: the exit status, a message naming the file or argument, nothing stale or lost.
The Java-level reports (library errors, loaders, the data check) are JUnit tests in their modules
(LibraryFaultsTest, DataFaultsTest, DataMainFaultsTest).

Run with Debian's /usr/bin/python3 (it has Jupyter): ./workbook test runs it as its own stage, after
the Maven build; alone: /usr/bin/python3 -m unittest -v test_faults (in this folder, jars built).
"""
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import unittest
from pathlib import Path

SOURCE = Path(__file__).resolve().parents[4]
SHARED = Path(os.environ.get("NNDL_SHARED_DATASETS", SOURCE.parent / "shared" / "datasets")).resolve()
NOTEBOOKS = ["two_layer_nn", "fc_nets", "mnist_multilayer", "backprop_exercises", "momentum_training"]
MODULES = ["launcher", "lib", "judge", "display", "report", "tools", "bench", "kernel"]

TREE = None        # the scratch tree
DATA = None        # a scratch copy of the shared datasets
BASELINE = None    # (exit status, output) of a complete run of the tiny notebooks in TREE
SCRATCH = None     # their parent, removed at the end


def notebook(*cells):
    """A minimal nbformat 4 notebook on the java kernel: a markdown cell, then the code cells."""
    def cell(index, kind, text):
        c = {"cell_type": kind, "id": f"cell-{index}", "metadata": {}, "source": text}
        if kind == "code":
            c.update(execution_count=None, outputs=[])
        return c
    return {"nbformat": 4, "nbformat_minor": 5,
            "metadata": {"kernelspec": {"name": "java", "display_name": "Java", "language": "java"}},
            "cells": [cell(0, "markdown", "# tiny")] + [cell(i + 1, "code", c) for i, c in enumerate(cells)]}


def write_notebook(name, *cells):
    (TREE / "notebooks" / f"{name}.ipynb").write_text(json.dumps(notebook(*cells), indent=1))


def tiny_notebooks():
    """The notebooks as two-cell ones that print their name (a few seconds each, kernel start included)."""
    for name in NOTEBOOKS:
        write_notebook(name, f'System.out.println("tiny {name}");')


def copy_tree(dest):
    """The tracked files of this tree, then the built jars (made newer than every source, so the
    launcher does not rebuild); dependency folders are linked, not copied."""
    files = subprocess.run(["git", "ls-files", "-z"], cwd=SOURCE, check=True, capture_output=True).stdout
    for rel in filter(None, files.decode().split("\0")):
        src = SOURCE / rel
        if src.is_file():
            (dest / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(src, dest / rel)
    for module in MODULES:
        target = SOURCE / module / "target"
        jars = list(target.glob("*.jar"))
        if not jars:
            raise unittest.SkipTest(f"{target} has no jar: build first (mvn -B -q install -DskipTests)")
        (dest / module / "target").mkdir(parents=True, exist_ok=True)
        for jar in jars:
            shutil.copy(jar, dest / module / "target" / jar.name)
        if (target / "dependency").is_dir():
            os.symlink(target / "dependency", dest / module / "target" / "dependency")
    # A developer's private Maven repository (untracked .mvn/maven.config) also serves the builds the
    # compile-error tests start in the copy; CI has none and uses ~/.m2.
    if (SOURCE / ".mvn" / "maven.config").is_file():
        (dest / ".mvn").mkdir(exist_ok=True)
        shutil.copy(SOURCE / ".mvn" / "maven.config", dest / ".mvn" / "maven.config")
    jars_newer_than_sources(dest)


def jars_newer_than_sources(dest):
    """Makes the built jars newer than every source, so that the launcher does not rebuild."""
    now = time.time() + 5
    for jar in dest.glob("*/target/*.jar"):
        os.utime(jar, (now, now))


def setUpModule():
    global TREE, DATA, SCRATCH
    if not SHARED.is_dir():
        raise unittest.SkipTest(f"no shared datasets at {SHARED}")
    SCRATCH = Path(tempfile.mkdtemp(prefix="nndl-faults-"))
    TREE = SCRATCH / "tree"
    TREE.mkdir()
    copy_tree(TREE)
    DATA = SCRATCH / "datasets"
    for folder in ("cifar-10-subset", "mnist-subset"):
        shutil.copytree(SHARED / folder, DATA / folder)
    # Bullet 6: an empty official folder (a failed unpack) beside the good subset, in every run here.
    (DATA / "cifar-10-batches-bin").mkdir()
    tiny_notebooks()
    global BASELINE
    BASELINE = workbook("run")


def tearDownModule():
    if SCRATCH is not None:
        shutil.rmtree(SCRATCH, ignore_errors=True)


def environment(**overrides):
    env = {k: v for k, v in os.environ.items() if k not in ("WORKBOOK_LOCKED", "JUPYTER_PATH", "NNDL_PROFILE")}
    env.update(NNDL_PROFILE="quick", NNDL_DATA=str(DATA))
    for key, value in overrides.items():
        if value is None:
            env.pop(key, None)
        else:
            env[key] = value
    return env


def workbook(*args, timeout=300, **env):
    """Runs ./workbook in the scratch tree; returns (exit status, stdout and stderr together)."""
    done = subprocess.run([str(TREE / "workbook"), *args], cwd=TREE, env=environment(**env), timeout=timeout,
                          stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    return done.returncode, done.stdout


class Background:
    """./workbook run in its own session (as a terminal's foreground job), output collected live."""

    def __init__(self, *args, **env):
        self.lines = []
        self.proc = subprocess.Popen([str(TREE / "workbook"), *args], cwd=TREE, env=environment(**env),
                                     stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                                     start_new_session=True)
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()

    def _read(self):
        with self.proc.stdout:
            for line in self.proc.stdout:
                self.lines.append(line)

    def text(self):
        return "".join(self.lines)

    def wait_for(self, needle, timeout=180):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if needle in self.text():
                return
            if self.proc.poll() is not None:
                break
            time.sleep(0.2)
        raise AssertionError(f"'{needle}' never appeared:\n{self.text()}")

    def ctrl_c(self, timeout=90):
        """SIGINT to the whole process group, as Ctrl-C in a terminal; returns the exit status."""
        os.killpg(self.proc.pid, signal.SIGINT)
        try:
            status = self.proc.wait(timeout)
        except subprocess.TimeoutExpired:
            os.killpg(self.proc.pid, signal.SIGKILL)
            raise
        self.reader.join(5)
        return status


def digest(folder):
    """{file name: bytes} of a folder, to compare before and after."""
    return {p.name: p.read_bytes() for p in sorted(Path(folder).iterdir())} if Path(folder).is_dir() else None


def processes_mentioning(text):
    """Pids of live processes whose command line mentions text (our own scratch tree's kernels)."""
    pids = []
    for proc in Path("/proc").iterdir():
        if proc.name.isdigit():
            try:
                if text in (proc / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace"):
                    pids.append(int(proc.name))
            except OSError:
                pass
    return pids


class FaultTest(unittest.TestCase):
    """Shared helpers: the published results and a planted stale report."""

    pdf = property(lambda self: TREE / "build" / "report" / "graded-report.pdf")
    published = property(lambda self: TREE / "build" / "notebooks")
    partial = property(lambda self: TREE / "build" / "partial-run" / "notebooks")

    def setUp(self):
        tiny_notebooks()

    previous = property(lambda self: TREE / "build" / "report" / "previous" / "graded-report.pdf")
    STALE = b"%PDF-1.4 a report of an earlier run\n"

    def plant_stale_report(self):
        """Puts a report of an earlier run in place (and no older one); returns build/notebooks/ as it is now."""
        self.pdf.parent.mkdir(parents=True, exist_ok=True)
        self.pdf.write_bytes(self.STALE)
        shutil.rmtree(self.previous.parent, ignore_errors=True)
        return digest(self.published)

    def assertFailedCleanly(self, status, out, before):
        """A failed or stopped run: non-zero, the earlier PDF moved to build/report/previous/ and said so,
        build/notebooks/ as it was."""
        self.assertNotEqual(0, status, out)
        self.assertFalse(self.pdf.exists(), "a stale report was left in place:\n" + out)
        self.assertEqual(self.STALE, self.previous.read_bytes() if self.previous.exists() else None,
                         "the last good report was not kept in build/report/previous/:\n" + out)
        self.assertIn("moved the report of your last complete run to build/report/previous/graded-report.pdf", out)
        self.assertEqual(before, digest(self.published), "build/notebooks/ changed:\n" + out)
        self.assertNotIn("Total:", out)
        self.assertEqual([], list((TREE / "build").glob(".run-*")), "a scratch folder was left behind")


class AtomicRunTest(FaultTest):
    """Bullet 1 (a failed or stopped run leaves a stale PDF and wipes build/notebooks/) and bullet 4
    (a failing notebook; a notebook that is not JSON)."""

    def test_a_complete_run_publishes_notebooks_and_report(self):
        status, out = BASELINE
        self.assertEqual(0, status, out)
        self.assertIn("Total:", out)
        self.assertIn(str(self.pdf), out, "the score lines should name the published PDF, not the scratch one")
        self.assertIn("executed notebooks in build/notebooks/", out)
        self.assertEqual([], list((TREE / "build").glob(".run-*")))

    def test_a_cell_that_throws_keeps_nothing_stale(self):
        before = self.plant_stale_report()
        write_notebook("fc_nets", 'throw new IllegalStateException("boom in fc_nets");')
        status, out = workbook("run")
        self.assertFailedCleanly(status, out, before)
        self.assertIn("fc_nets.ipynb failed", out)
        self.assertIn("build/partial-run/notebooks/", out)
        self.assertTrue((self.partial / "two_layer_nn.ipynb").is_file(), out)
        self.assertIn("failed", (self.partial.parent / "STATUS").read_text())

    def test_a_notebook_that_is_not_json_is_named_before_any_run(self):
        before = self.plant_stale_report()
        (TREE / "notebooks" / "mnist_multilayer.ipynb").write_text('{"cells": [}\n')
        status, out = workbook("run")
        self.assertFailedCleanly(status, out, before)
        self.assertIn("notebooks/mnist_multilayer.ipynb: not JSON: Expecting value at line 1, column 12", out)
        self.assertNotIn("Traceback", out)
        self.assertNotIn("[1/", out, "a notebook ran although one file was bad")

    def test_a_notebook_of_another_format_or_schema_is_named(self):
        path = TREE / "notebooks" / "backprop_exercises.ipynb"
        path.write_text(json.dumps({"nbformat": 3, "worksheets": []}))
        status, out = workbook("run")
        self.assertNotEqual(0, status)
        self.assertIn("backprop_exercises.ipynb: not a Jupyter notebook of format 4 (its nbformat is 3)", out)
        broken = notebook("int x = 1;")
        del broken["cells"][1]["outputs"]
        path.write_text(json.dumps(broken))
        status, out = workbook("run")
        self.assertNotEqual(0, status)
        self.assertIn("backprop_exercises.ipynb: not a valid nbformat 4 notebook: data.cells[1] must be valid", out)
        self.assertNotIn("[1/", out)

    def test_every_bad_notebook_file_is_named_in_one_run(self):
        (TREE / "notebooks" / "fc_nets.ipynb").write_bytes(b'{"cells": [], "nbformat": 4, "x": "\xff"}')
        (TREE / "notebooks" / "momentum_training.ipynb").write_text('{"nbformat": 4,')
        status, out = workbook("run")
        self.assertEqual(1, status, out)
        self.assertIn("notebooks/fc_nets.ipynb: not UTF-8 text: byte offset 35", out)
        self.assertIn("notebooks/momentum_training.ipynb: not JSON: Expecting property name enclosed in double quotes "
                      "at line 1, column 16", out)
        self.assertIn("no notebook was run: fix the files named above", out)
        self.assertNotIn("[1/", out, "a notebook ran although two files were bad")

    def test_ctrl_c_keeps_the_partial_run_apart_and_says_where(self):
        before = self.plant_stale_report()
        write_notebook("mnist_multilayer", 'System.out.println("about to sleep");', "Thread.sleep(120_000);")
        run = Background("run")
        run.wait_for("mnist_multilayer: cell 1/2 ok")
        status = run.ctrl_c()
        out = run.text()
        self.assertEqual(130, status, out)
        self.assertFailedCleanly(status, out, before)
        self.assertIn("was stopped (interrupted)", out)
        self.assertIn("build/partial-run/notebooks/", out)
        # The two notebooks that ran (and the interrupted one as far as it got, when the kernel saw
        # the interrupt before the runner did).
        kept = {p.name for p in self.partial.iterdir()}
        self.assertLessEqual({"two_layer_nn.ipynb", "fc_nets.ipynb"}, kept, out)
        self.assertLessEqual(kept, {"two_layer_nn.ipynb", "fc_nets.ipynb", "mnist_multilayer.ipynb"}, out)
        time.sleep(3)
        self.assertEqual([], processes_mentioning(str(TREE / "build" / "jupyter")), "a kernel outlived the run")


class LockTest(FaultTest):
    """Bullet 2: two ./workbook run in one tree."""

    def test_a_second_run_in_the_same_tree_is_refused_naming_the_first(self):
        write_notebook("two_layer_nn", "Thread.sleep(120_000);")
        first = Background("run")
        try:
            first.wait_for("two_layer_nn.ipynb: 1 code cells")
            status, out = workbook("run", timeout=60)
            self.assertEqual(1, status, out)
            self.assertIn("another ./workbook is running in this tree (./workbook run, pid", out)
            self.assertNotIn("Total:", out)
            # Refused at once, not after waiting for the lock: the first run is still in its cell
            # (a state, not a time, so a loaded machine changes nothing).
            self.assertIsNone(first.proc.poll(), "the second run waited for the first to end")
            status, out = workbook("report", timeout=60)
            self.assertEqual(1, status, out)
            self.assertIn("another ./workbook is running in this tree", out)
        finally:
            first.ctrl_c()


class OptionsTest(FaultTest):
    """Bullet 3: unknown options and arguments were ignored and a full-profile run started."""

    def test_unknown_options_and_arguments_are_rejected_before_anything_starts(self):
        for args in (["run", "--quick"], ["run", "fc_nets", "--quick"], ["report", "--quick"], ["kernel", "--quick"],
                     ["test", "--quick"], ["lab", "--quick"], ["kernel", "extra"]):
            with self.subTest(args=args):
                status, out = workbook(*args, timeout=60)
                self.assertEqual(1, status, out)
                self.assertIn(f"{args[0]}: unknown option '{args[-1]}'" if args[-1].startswith("-")
                              else f"{args[0]}: unexpected argument '{args[-1]}'", out)
                # Rejected before anything starts: no build, no notebook, no kernel (what it did,
                # not how long it took, so a loaded machine changes nothing).
                self.assertNotIn("executing", out)
                self.assertNotIn("building", out)
                self.assertNotIn("installing", out)
        self.assertEqual([], list((TREE / "build").glob(".run-*")))

    def test_a_test_stage_that_does_not_exist_is_refused_before_anything_starts(self):
        for stages in ("9", "3,x", "0-2"):
            with self.subTest(stages=stages):
                status, out = workbook("test", timeout=60, NNDL_TEST_STAGES=stages)
                self.assertEqual(1, status, out)
                self.assertIn("workbook: error: test stages: '" + stages.split(",")[-1] + "'", out)
                self.assertNotIn("stage 1:", out)
                self.assertNotIn("building", out)


class SmallRunTest(FaultTest):
    """Issue 23, item 2: ./workbook run NOTEBOOK... runs those notebooks only."""

    def test_a_named_notebook_runs_alone_and_the_others_stay_from_the_earlier_run(self):
        self.assertEqual(0, workbook("run")[0])  # every notebook executed once
        before = digest(self.published)
        write_notebook("fc_nets", 'System.out.println("fc_nets, second version");')
        status, out = workbook("run", "fc_nets.ipynb")
        self.assertEqual(0, status, out)
        self.assertIn("executing fc_nets (profile quick), 1 of 5 notebooks", out)
        self.assertIn("[1/1] fc_nets.ipynb", out)
        self.assertNotIn("two_layer_nn.ipynb:", out, "a notebook that was not named ran")
        self.assertIn("the report also holds, from earlier runs: two_layer_nn (executed ", out)
        self.assertIn("Total:", out)
        after = digest(self.published)
        self.assertIn(b"fc_nets, second version", after["fc_nets.ipynb"])
        self.assertEqual({k: v for k, v in before.items() if k != "fc_nets.ipynb"},
                         {k: v for k, v in after.items() if k != "fc_nets.ipynb"},
                         "the notebooks not named were changed")
        self.assertTrue(self.pdf.is_file())

    def test_names_are_taken_in_course_order_and_a_notebook_never_executed_is_said(self):
        (self.published / "backprop_exercises.ipynb").unlink(missing_ok=True)
        status, out = workbook("run", "momentum_training", "notebooks/two_layer_nn.ipynb")
        self.assertEqual(0, status, out)
        self.assertLess(out.index("[1/2] two_layer_nn.ipynb"), out.index("[2/2] momentum_training.ipynb"), out)
        self.assertIn("never executed, scored 0 as not executed: backprop_exercises (./workbook run backprop_exercises)", out)
        self.assertFalse((self.published / "backprop_exercises.ipynb").exists())

    def test_an_unknown_notebook_is_refused_listing_the_valid_ones(self):
        self.plant_stale_report()
        status, out = workbook("run", "fc_nets", "fc_net", timeout=60)
        self.assertEqual(1, status, out)
        self.assertIn("run: unknown notebook 'fc_net'; the notebooks are: two_layer_nn fc_nets mnist_multilayer "
                      "backprop_exercises momentum_training", out)
        self.assertNotIn("executing", out)
        self.assertEqual(self.STALE, self.pdf.read_bytes(), "a refused command line touched the report")
        self.assertNotIn("building", out)

    def test_help_says_what_a_partial_run_replaces(self):
        status, out = workbook("run", "--help", timeout=30)
        self.assertEqual(0, status, out)
        self.assertIn("Usage: ./workbook run [NOTEBOOK...]", out)
        self.assertIn("the others there (from earlier runs", out)
        self.assertIn("build/report/previous/graded-report.pdf", out)


RELU = "lib/src/main/java/nndl/layers/Relu.java"


class CompileErrorTest(FaultTest):
    """Issue 23, item 3: a compile error is one block per error, file:line, message, source line,
    caret, without Maven's boilerplate; and the failed run keeps the last good report."""

    def setUp(self):
        super().setUp()
        self.source = (TREE / RELU).read_text()

    def tearDown(self):
        (TREE / RELU).write_text(self.source)
        jars_newer_than_sources(TREE)

    def break_relu(self):
        """Two errors in Relu.java: a semicolon missing and a misspelt field (javac stops at the first
        kind, so only the syntax error is reported); returns the broken line."""
        lines = self.source.splitlines(keepends=True)
        number = next(i for i, line in enumerate(lines) if "Math.max(0.0, x.data[i]);" in line) + 1
        lines[number - 1] = lines[number - 1].replace("x.data[i]);", "x.data[i])")
        (TREE / RELU).write_text("".join(lines))
        later = time.time() + 30  # newer than the jars, which setUp dated a few seconds ahead
        os.utime(TREE / RELU, (later, later))
        return number, lines[number - 1].strip()

    def assertOneBlock(self, out, number, line):
        self.assertIn(f"{RELU}:{number}: ';' expected\n    {line}\n", out)
        self.assertEqual(1, out.count(f"{RELU}:{number}:"), "the error is printed more than once:\n" + out)
        caret = out.split(f"    {line}\n", 1)[1].split("\n", 1)[0]
        self.assertEqual("    " + " " * len(line) + "^", caret, out)
        for boilerplate in ("[ERROR]", "-rf :", "Help 1", "BUILD FAILURE", str(TREE / "lib")):
            self.assertNotIn(boilerplate, out)
        self.assertIn("stopped at 1 compile error (above): fix it and run again", out)

    def test_run_prints_the_error_once_with_its_line_and_keeps_the_last_report(self):
        before = self.plant_stale_report()
        number, line = self.break_relu()
        status, out = workbook("run", timeout=600)
        self.assertFailedCleanly(status, out, before)
        self.assertOneBlock(out, number, line)
        self.assertNotIn("[1/", out)

    def test_lab_prints_the_same_block_before_jupyter_starts(self):
        number, line = self.break_relu()
        status, out = workbook("lab", "--no-browser", "--port", "9", timeout=600)
        self.assertEqual(1, status, out)
        self.assertOneBlock(out, number, line)
        self.assertNotIn("opening Jupyter", out)


class LastGoodReportTest(FaultTest):
    """Issue 23, item 5: a failed run never deletes the last good report; submit says what to do."""

    def test_a_kernel_that_dies_moves_the_report_to_previous(self):
        before = self.plant_stale_report()
        # The kernel refuses System.exit and Runtime.halt; a SIGKILL of its own process is a death.
        write_notebook("mnist_multilayer",
                       'new ProcessBuilder("kill", "-KILL", Long.toString(ProcessHandle.current().pid())).start().waitFor();')
        status, out = workbook("run")
        self.assertFailedCleanly(status, out, before)
        self.assertIn("mnist_multilayer.ipynb failed in code cell 1/1", out)
        self.assertIn("Kernel died", out)

    def test_a_complete_run_replaces_the_report_and_drops_the_previous_one(self):
        self.plant_stale_report()
        self.assertNotEqual(0, workbook("run", NNDL_DATA=str(SCRATCH / "nowhere"))[0])
        self.assertTrue(self.previous.is_file())
        status, out = workbook("run", "backprop_exercises")
        self.assertEqual(0, status, out)
        self.assertTrue(self.pdf.is_file())
        self.assertNotEqual(self.STALE, self.pdf.read_bytes())
        self.assertFalse(self.previous.parent.exists(), "the report of an older run was left in previous/")

    def test_submit_after_a_failed_run_says_what_to_do(self):
        self.plant_stale_report()
        write_notebook("two_layer_nn", 'throw new IllegalStateException("boom");')
        self.assertNotEqual(0, workbook("run")[0])
        edition = TREE / "student-edition.json"  # submit packs student editions only
        edition.write_text("{}")
        try:
            status, out = workbook("submit", NNDL_STUDENT="s123", timeout=60)
        finally:
            edition.unlink()
        self.assertEqual(1, status, out)
        self.assertIn("no build/report/graded-report.pdf: your last ./workbook run did not complete", out)
        self.assertIn("run ./workbook run again, then ./workbook submit", out)
        self.assertIn("build/report/previous/graded-report.pdf", out)
        self.assertEqual(self.STALE, self.previous.read_bytes())


class KnockOnTest(FaultTest):
    """Issue 23, item 4: with --keep-going (the student edition's run) a cell that fails only because an
    earlier one failed names that cell, its variable and the root cause, in the progress line, the
    executed notebook and its failed_cells; other failures keep their own error."""

    CELLS = [
        f"%classpath {SOURCE / 'lib' / 'target' / 'nndl-lib.jar'}",
        'Object train() {\n    nndl.util.NotImplementedYet.raise("Net.train", "SGD step", "lib/src/main/java/nndl/Net.java:9");\n'
        '    return null;\n}',
        "Object stats = train();",                                 # 3: the stub
        "stats.hashCode()",                                        # 4: NPE on stats
        'Object best = stats.toString();\nString bestName = "b";',  # 5: NPE; bestName never declared
        "System.out.println(bestName.length());",                  # 6: cannot find symbol bestName
        "int[] a = new int[1];\na[2] = 1;",                         # 7: its own bug
        "String s = null;\ns.length()",                            # 8: its own NPE
        "System.out.println(a.length);",                           # 9: runs
    ]
    STUB = "not implemented yet: Net.train, SGD step — lib/src/main/java/nndl/Net.java:9"

    def test_knock_on_failures_name_their_cause(self):
        path = SCRATCH / "knock" / "knock_on.ipynb"
        path.parent.mkdir(exist_ok=True)
        path.write_text(json.dumps(notebook(*self.CELLS)))
        out_dir = SCRATCH / "knock" / "out"
        env = environment(JUPYTER_PATH=str(TREE / "build" / "jupyter" / "share" / "jupyter"))
        done = subprocess.run(["/usr/bin/python3", str(TREE / "launcher/src/main/python/run_notebooks.py"), str(path),
                               "--out", str(out_dir), "--keep-going", "--quiet"], env=env, timeout=300,
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        out = done.stdout
        self.assertEqual(0, done.returncode, out)
        root = f"which stopped: {self.STUB}"
        self.assertIn(f"cell 3/9 {self.STUB}", out)
        self.assertIn(f"cell 4/9 needs `stats` from cell 3, {root}", out)
        self.assertIn(f"cell 5/9 needs `stats` from cell 3, {root}", out)
        self.assertIn(f"cell 6/9 needs `bestName` from cell 5, which needs `stats` from cell 3, {root}", out)
        self.assertIn("cell 7/9 failed: ArrayIndexOutOfBoundsException", out)
        self.assertIn("cell 8/9 failed: NullPointerException", out)
        self.assertIn("cell 9/9 ok", out)
        self.assertIn("6 cells failed: 1 reached a stub that is not implemented yet, 3 needed the result of a cell "
                      "that failed earlier, 2 failed otherwise", out)
        executed = json.loads((out_dir / "knock_on.ipynb").read_text())
        code = [c for c in executed["cells"] if c["cell_type"] == "code"]
        errors = {n + 1: o for n, c in enumerate(code) for o in c["outputs"] if o["output_type"] == "error"}
        for cell in (4, 5, 6):
            self.assertEqual("KnockOn", errors[cell]["ename"], errors[cell])
            self.assertTrue(errors[cell]["traceback"][0].startswith("needs `"), errors[cell])
            self.assertNotIn("NullPointerException", errors[cell]["traceback"][0])
        self.assertIn("this cell then reported: Compile error at line 1: cannot find symbol (symbol: variable bestName)",
                      errors[6]["traceback"][1])
        self.assertIn('"REPL.$JShell$', errors[4]["traceback"][1], "the kernel's own error is kept, second")
        self.assertEqual("NullPointerException", errors[8]["ename"].split(".")[-1])
        failed = {f["cell"]: f for f in executed["metadata"]["nndl"]["failed_cells"]}
        self.assertEqual({"name": "bestName", "cell": 5, "root_cell": 3}, failed[6]["knock_on"])
        self.assertTrue(failed[6]["not_implemented"], "a knock-on of a stub stays not-implemented")
        self.assertFalse(failed[8]["not_implemented"])
        self.assertNotIn("knock_on", failed[7])


class KnockOnRulesTest(unittest.TestCase):
    """The rules of launcher/src/main/python/knock_on.py on cells as the kernel reports them (no kernel)."""

    @classmethod
    def setUpClass(cls):
        sys.path.insert(0, str(SOURCE / "launcher" / "src" / "main" / "python"))
        import knock_on
        cls.k = knock_on

    def npe(self, name):
        return {"output_type": "error", "ename": "NullPointerException",
                "evalue": f'Cannot invoke "Object.toString()" because "REPL.$JShell$12.{name}" is null',
                "traceback": [f'java.lang.NullPointerException: Cannot invoke "Object.toString()" because '
                              f'"REPL.$JShell$12.{name}" is null', "    at line 1"]}

    def test_names_in_strings_comments_and_returns_are_not_assignments(self):
        names = self.k.assigned_names('String s = "net = 3;"; // best = 4;\nint f() { return count; }\nTwoLayerNet bestNet;\n'
                                      'x = 1; y == 2;')
        self.assertEqual({"s", "bestNet", "x"}, names)

    def test_a_variable_set_by_a_cell_that_ran_is_this_cells_own_bug(self):
        t = self.k.Tracker()
        t.executed(1, "Object stats = null;", None)
        t.executed(2, "Object other = make();", {"message": "IllegalStateException: boom", "not_implemented": False})
        self.assertIsNone(t.cause(3, "stats.toString(); other.hashCode();", self.npe("stats")))

    def test_only_null_and_missing_symbols_are_explained(self):
        t = self.k.Tracker()
        t.executed(1, "Object stats = train();", {"message": "not implemented yet: Net.train", "not_implemented": True})
        wrong_shape = {"output_type": "error", "ename": "IllegalArgumentException", "evalue": "x is 2×3",
                       "traceback": ["java.lang.IllegalArgumentException: x is 2×3"]}
        self.assertIsNone(t.cause(2, "check(stats);", wrong_shape))
        cause = t.cause(2, "stats.toString()", self.npe("stats"))
        self.assertEqual("needs `stats` from cell 1, which stopped: not implemented yet: Net.train", cause["message"])
        self.assertTrue(cause["root_not_implemented"])

    def test_a_later_successful_assignment_clears_the_knock_on(self):
        t = self.k.Tracker()
        t.executed(1, "Object stats = train();", {"message": "not implemented yet: Net.train", "not_implemented": True})
        t.executed(2, "stats = new Object();", None)
        self.assertIsNone(t.cause(3, "stats.toString()", self.npe("stats")))

class DataCheckTest(FaultTest):
    """Bullets 5 and 6: the data check before the notebooks, and where the data is looked for."""

    def broken_copy(self, name, change):
        """A scratch copy of the datasets with one change applied; returns its root."""
        root = SCRATCH / name
        if root.exists():
            shutil.rmtree(root)
        shutil.copytree(DATA, root)
        change(root)
        return root

    def assertRefusedBeforeNotebooks(self, root, *needles, **env):
        self.plant_stale_report()
        status, out = workbook("run", NNDL_DATA=str(root), **env)
        self.assertEqual(1, status, out)
        for needle in needles:
            self.assertIn(needle, out)
        self.assertIn("no notebook was run", out)
        self.assertNotIn("[1/", out)
        self.assertFalse(self.pdf.exists(), out)
        return out

    def test_an_empty_batch_file_is_named_before_the_notebooks(self):
        root = self.broken_copy("empty", lambda r: (r / "cifar-10-subset" / "data_batch_3.bin").write_bytes(b""))
        self.assertRefusedBeforeNotebooks(root, "data_batch_3.bin: empty file")

    def test_a_truncated_batch_file_is_named_with_its_offset(self):
        def truncate(r):
            path = r / "cifar-10-subset" / "test_batch.bin"
            path.write_bytes(path.read_bytes()[:3073 * 7 + 100])
        root = self.broken_copy("truncated", truncate)
        self.assertRefusedBeforeNotebooks(root, "test_batch.bin: truncated record at byte offset 21511: 100 of 3073 bytes")

    def test_a_wrong_magic_number_is_named(self):
        def magic(r):
            (r / "mnist-subset" / "t10k-images-idx3-ubyte.gz").unlink()
            (r / "mnist-subset" / "t10k-images-idx3-ubyte").write_bytes(bytes([0, 0, 8, 1]) + bytes(12))
        root = self.broken_copy("magic", magic)
        self.assertRefusedBeforeNotebooks(root, "t10k-images-idx3-ubyte: wrong magic number 2049 at byte offset 0")

    def test_the_subset_without_a_profile_advises_the_quick_profile(self):
        out = self.assertRefusedBeforeNotebooks(DATA, "NNDL_PROFILE=quick", NNDL_PROFILE=None)
        self.assertIn("the full profile needs 50000 training", out)

    def test_a_data_root_that_does_not_exist_is_not_created(self):
        missing = SCRATCH / "no-such-data"
        self.plant_stale_report()
        status, out = workbook("run", NNDL_DATA=str(missing))
        self.assertEqual(1, status, out)
        self.assertIn(f"NNDL_DATA={missing}: no such folder", out)
        self.assertFalse(missing.exists(), "the missing data root was created")
        self.assertNotIn("download", out.lower().replace("to download the datasets there", ""))
        self.assertFalse(self.pdf.exists())
        self.assertEqual(self.STALE, self.previous.read_bytes(), "a wrong data path lost the last good report")
        self.assertIn("moved the report of your last complete run to build/report/previous/", out)

    def test_an_empty_official_folder_beside_the_subset_is_passed_over(self):
        status, out = BASELINE  # DATA holds an empty cifar-10-batches-bin/ beside cifar-10-subset/
        self.assertTrue((DATA / "cifar-10-batches-bin").is_dir())
        self.assertEqual(0, status, out)
        self.assertIn(f"CIFAR-10: {DATA / 'cifar-10-subset'} (5170 training + 1017 test records)", out)


if __name__ == "__main__":
    unittest.main(verbosity=2)
