"""Shared helpers for the kernel's protocol tests (run with Debian's /usr/bin/python3).

The kernelspec `java` must be installed (./workbook kernel) and JUPYTER_PATH must point at its
data dir; ./workbook test does both before running these tests.
"""
import os
import shutil
import subprocess
import tempfile
import time
import unittest
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from jupyter_client.kernelspec import KernelSpecManager

KERNEL_NAME = "java"
HERE = Path(__file__).resolve().parent
TEST_DIR = HERE.parent
EXTENSION_SOURCES = TEST_DIR / "extension"
NOTEBOOKS = TEST_DIR / "notebooks"
TIMEOUT = 60


def kernel_spec():
    """The installed `java` kernelspec; fails with the command to run when it is missing."""
    try:
        return KernelSpecManager().get_kernel_spec(KERNEL_NAME)
    except Exception as e:  # NoSuchKernel; keep the message actionable
        raise AssertionError(
            "kernelspec 'java' not found on JUPYTER_PATH=%r: run ./workbook kernel and export "
            "JUPYTER_PATH=<the dir it prints> (%s)" % (os.environ.get("JUPYTER_PATH"), e))


def kernel_jar():
    """The kernel jar the installed kernelspec runs."""
    jar = Path(kernel_spec().resource_dir) / "nndl-kernel.jar"
    if not jar.is_file():
        raise AssertionError("kernel jar missing: %s" % jar)
    return jar


def build_extension_jar(directory):
    """Compiles the test-only Extension (a Grid type rendered as HTML, plus a custom-MIME emitter)
    against the installed kernel jar and packs it, with its service file, into
    `directory`/ext/grid-extension.jar, all but the Grid type itself, which goes to
    `directory`/deps/grid-type.jar: like a library jar added before its dependencies, the extension
    can only install once the second jar is on the classpath. Returns the extension jar's path."""
    javac = shutil.which("javac")
    jar_tool = shutil.which("jar")
    if not javac or not jar_tool:
        raise AssertionError("javac and jar (a JDK) are needed on PATH to build the test extension")
    directory = Path(directory)
    classes = directory / "ext-classes"
    classes.mkdir(parents=True, exist_ok=True)
    sources = sorted(str(p) for p in EXTENSION_SOURCES.rglob("*.java"))
    subprocess.run([javac, "--release", "17", "-cp", str(kernel_jar()), "-d", str(classes)] + sources,
                   check=True)
    shutil.copytree(EXTENSION_SOURCES / "META-INF", classes / "META-INF", dirs_exist_ok=True)
    grid_type = classes / "nndl" / "kernel" / "testext" / "Grid.class"
    (directory / "deps").mkdir(exist_ok=True)
    subprocess.run([jar_tool, "--create", "--file", str(directory / "deps" / "grid-type.jar"),
                    "-C", str(classes), str(grid_type.relative_to(classes))], check=True)
    grid_type.unlink()
    (directory / "ext").mkdir(exist_ok=True)
    jar = directory / "ext" / "grid-extension.jar"
    subprocess.run([jar_tool, "--create", "--file", str(jar), "-C", str(classes), "."], check=True)
    return jar


def make_workdir():
    """A fresh temporary working directory for a kernel, holding the extension jar, and
    helpers.jsh and setup.ipynb for %load."""
    directory = Path(tempfile.mkdtemp(prefix="nndl-kernel-test-"))
    build_extension_jar(directory)
    (directory / "helpers.jsh").write_text("int tripled(int v) {\n    return 3 * v;\n}\n")
    setup = nbformat.v4.new_notebook(cells=[
        nbformat.v4.new_markdown_cell("Loaded by %load in the feature notebook."),
        nbformat.v4.new_code_cell("int fromNotebook = 4;"),
        nbformat.v4.new_code_cell("fromNotebook += 1;"),
    ])
    nbformat.write(setup, str(directory / "setup.ipynb"))
    return directory


def kernel_pids():
    """PIDs of running JVMs that run this checkout's installed kernel jar."""
    jar = str(kernel_jar())
    pids = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            cmdline = (entry / "cmdline").read_bytes().split(b"\0")
        except OSError:
            continue
        if any(arg.decode(errors="replace") == jar for arg in cmdline):
            pids.append(int(entry.name))
    return sorted(pids)


def wait_until_gone(pid, timeout=20):
    """True once process `pid` has exited (or is a zombie), within `timeout` seconds."""
    deadline = time.time() + timeout
    while time.time() < deadline:
        try:
            state = Path("/proc/%d/stat" % pid).read_text().split(")")[-1].split()[0]
        except OSError:
            return True
        if state == "Z":
            return True
        time.sleep(0.1)
    return False


def reply_for(client, msg_id, timeout=TIMEOUT):
    """The shell reply to request `msg_id`, skipping replies to other requests."""
    deadline = time.time() + timeout
    while True:
        reply = client.get_shell_msg(timeout=max(0.1, deadline - time.time()))
        if reply["parent_header"].get("msg_id") == msg_id:
            return reply


def outputs_for(client, msg_id, timeout=TIMEOUT):
    """The iopub messages of request `msg_id` up to its idle status, with arrival times."""
    deadline = time.time() + timeout
    messages = []
    while True:
        msg = client.get_iopub_msg(timeout=max(0.1, deadline - time.time()))
        if msg["parent_header"].get("msg_id") != msg_id:
            continue
        if msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
            return messages
        if msg["msg_type"] not in ("status", "execute_input"):
            messages.append((time.time(), msg))


def execute(client, code, timeout=TIMEOUT):
    """Runs `code`; returns (reply content, [iopub messages])."""
    msg_id = client.execute(code)
    reply = reply_for(client, msg_id, timeout)
    messages = [m for _, m in outputs_for(client, msg_id, timeout)]
    return reply["content"], messages


def result_text(messages):
    """text/plain of the execute_result among `messages`, or None."""
    for msg in messages:
        if msg["msg_type"] == "execute_result":
            return msg["content"]["data"].get("text/plain")
    return None


# Threads of the JVM itself (the JIT compilers, the garbage collector, ...), which may work on after a
# cell stops; /proc shows thread names cut to 15 characters.
JVM_THREAD_NAMES = ("C1 CompilerThre", "C2 CompilerThre", "GC Thread", "G1 ", "VM Thread", "VM Periodic",
                    "Sweeper thread", "Service Thread", "Monitor Deflati", "Common-Cleaner", "Reference Handl",
                    "Finalizer", "Signal Dispatch", "Notification Th", "Attach Listener")


def thread_states(pid):
    """{tid: (state, name)} for the threads of process `pid` now, from /proc/<pid>/task/*/stat.
    State R means running or waiting for a core: a computing thread shows R however loaded the
    machine is; a sleeping, waiting or blocked one shows S or D."""
    states = {}
    for task in Path("/proc/%d/task" % pid).iterdir():
        try:
            stat = (task / "stat").read_text()
        except OSError:
            continue  # the thread ended meanwhile
        states[int(task.name)] = (stat[stat.rindex(")") + 2], stat[stat.index("(") + 1:stat.rindex(")")])
    return states


def spinning_threads(pid, samples=10, every=0.05):
    """{tid: name} of the threads of process `pid` that compute: in state R in most of `samples`
    looks `every` seconds apart (a look may meet a computing thread paused at a JVM safepoint),
    JVM-internal threads left out. Decided from the threads' states, not from the CPU they get, so
    the machine's load does not change the answer."""
    running, names = {}, {}
    for i in range(samples):
        if i:
            time.sleep(every)
        for tid, (state, name) in thread_states(pid).items():
            if not name.startswith(JVM_THREAD_NAMES):
                names[tid] = name
                running[tid] = running.get(tid, 0) + (state == "R")
    return {tid: names[tid] for tid, count in running.items() if 2 * count > samples}


def stream_text(messages, name="stdout"):
    """All the text of stream `name` among `messages`, joined."""
    return "".join(m["content"]["text"] for m in messages
                   if m["msg_type"] == "stream" and m["content"]["name"] == name)


class TaggedNotebook(unittest.TestCase):
    """A test class over one notebook executed through nbclient in a fresh working folder: its cells
    by their tags, and their outputs by type. Subclasses call `run_notebook` from setUpClass."""

    @classmethod
    def run_notebook(cls, nb, timeout):
        """Executes `nb` (an nbformat notebook) in `cls.workdir` and keeps its cells by tag."""
        client = NotebookClient(nb, kernel_name=KERNEL_NAME, timeout=timeout, startup_timeout=60,
                                resources={"metadata": {"path": str(cls.workdir)}})
        client.execute()
        cls.cells = {}
        for cell in nb.cells:
            for tag in cell.get("metadata", {}).get("tags", []):
                cls.cells[tag] = cell

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.workdir, ignore_errors=True)

    def outputs(self, tag, output_type=None):
        outs = self.cells[tag]["outputs"]
        return [o for o in outs if output_type is None or o["output_type"] == output_type]

    def result(self, tag):
        results = self.outputs(tag, "execute_result")
        self.assertEqual(len(results), 1, "cell %s: expected one execute_result, got %s" % (tag, self.cells[tag]["outputs"]))
        return results[0]["data"]
