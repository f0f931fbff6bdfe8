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
MODULES = ["lib", "notebook", "report", "tools", "bench", "kernel"]

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

    def plant_stale_report(self):
        """Puts a report of an earlier run in place; returns build/notebooks/ as it is now."""
        self.pdf.parent.mkdir(parents=True, exist_ok=True)
        self.pdf.write_bytes(b"%PDF-1.4 a report of an earlier run\n")
        return digest(self.published)

    def assertFailedCleanly(self, status, out, before):
        """A failed or stopped run: non-zero, the earlier PDF gone and said so, build/notebooks/ as it was."""
        self.assertNotEqual(0, status, out)
        self.assertFalse(self.pdf.exists(), "a stale report was kept:\n" + out)
        self.assertIn("removed build/report/graded-report.pdf of an earlier run", out)
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
        for args in (["run", "--quick"], ["run", "quick"], ["report", "--quick"], ["kernel", "--quick"],
                     ["test", "--quick"], ["lab", "--quick"], ["kernel", "extra"]):
            with self.subTest(args=args):
                status, out = workbook(*args, timeout=60)
                self.assertEqual(1, status, out)
                self.assertIn(f"{args[0]}: unknown option '{args[1]}'" if args[1].startswith("-")
                              else f"{args[0]}: unexpected argument '{args[1]}'", out)
                # Rejected before anything starts: no build, no notebook, no kernel (what it did,
                # not how long it took, so a loaded machine changes nothing).
                self.assertNotIn("executing", out)
                self.assertNotIn("building", out)
                self.assertNotIn("installing", out)
        self.assertEqual([], list((TREE / "build").glob(".run-*")))


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

    def test_an_empty_official_folder_beside_the_subset_is_passed_over(self):
        status, out = BASELINE  # DATA holds an empty cifar-10-batches-bin/ beside cifar-10-subset/
        self.assertTrue((DATA / "cifar-10-batches-bin").is_dir())
        self.assertEqual(0, status, out)
        self.assertIn(f"CIFAR-10: {DATA / 'cifar-10-subset'} (5170 training + 1017 test records)", out)


if __name__ == "__main__":
    unittest.main(verbosity=2)
