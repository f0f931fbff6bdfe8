#!/usr/bin/python3
"""Save → re-run → new result, through a real kernel (kernel/README.md, Hot reload).

Starts the installed `java` kernelspec (JUPYTER_PATH must hold it; ./workbook bench installs it) on a
scratch copy of the project's lib/src/main/java (NNDL_ROOT points the kernel at it; the copy is
dated before the library's jar, as after a build, and the real tree is never written), runs a cell
calling Relu.reluForward, then, RUNS + 1 times: writes Relu.java with reluForward scaling its input
by a different factor (never the model answer: this file ships in both editions) and runs the same cell until it shows that factor's result. The time from
before the write to the result is one measurement; the first pays the compiler's start in the
kernel JVM and is reported apart. Prints a line per run, then lines that nndl.bench.HotReloadLatency
reads:
  hot_reload.first_seconds=<first save after the kernel started>
  hot_reload.runs=<run 1> <run 2> ...
"""
import argparse
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

from jupyter_client.manager import KernelManager

RELU = "lib/src/main/java/nndl/layers/Relu.java"
FORWARD = "    public static Forward<Cache> reluForward(DMatrixRMaj x) {\n"
CELL = "java.util.Arrays.toString(Relu.reluForward(x).out().data)"
TIMEOUT = 300


def with_factor(text, factor):
    """Relu.java's `text` with reluForward returning `factor` times its input."""
    start = text.index(FORWARD)
    end = text.index("\n    }\n", start) + len("\n    }\n")
    return (text[:start] + FORWARD + "        DMatrixRMaj out = x.copy();\n"
            "        for (int i = 0; i < out.data.length; i++) {\n"
            "            out.data[i] = %d * x.data[i];\n"
            "        }\n"
            "        return new Forward<>(out, new Cache(x));\n"
            "    }\n" % factor + text[end:])


def execute(client, code):
    """Runs `code`; returns (status, text/plain result or the error's traceback, stdout)."""
    msg_id = client.execute(code)
    result = None
    stdout = ""
    while True:
        msg = client.get_iopub_msg(timeout=TIMEOUT)
        if msg["parent_header"].get("msg_id") != msg_id:
            continue
        if msg["msg_type"] == "execute_result":
            result = msg["content"]["data"].get("text/plain")
        elif msg["msg_type"] == "stream" and msg["content"]["name"] == "stdout":
            stdout += msg["content"]["text"]
        elif msg["msg_type"] == "error":
            result = "\n".join(msg["content"]["traceback"])
        elif msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
            break
    while True:
        reply = client.get_shell_msg(timeout=TIMEOUT)
        if reply["parent_header"].get("msg_id") == msg_id:
            return reply["content"]["status"], result, stdout


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--project", required=True, help="the project root (lib/, display/target/dependency/)")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    project = Path(args.project).resolve()
    dependencies = project / "display" / "target" / "dependency"
    jars = sorted(dependencies.glob("nndl-lib-*.jar"))
    if not jars:
        sys.exit("hot reload bench: no nndl-lib jar in %s (build first)" % dependencies)
    root = Path(tempfile.mkdtemp(prefix="nndl-hot-reload-bench-"))
    manager = None
    try:
        shutil.copytree(project / "lib" / "src" / "main" / "java", root / "lib" / "src" / "main" / "java")
        shutil.copy(project / "pom.xml", root / "pom.xml")
        built = jars[0].stat().st_mtime - 60
        for path in (root / "lib").rglob("*.java"):
            os.utime(path, (built, built))
        (root / "display" / "target").mkdir(parents=True)
        (root / "display" / "target" / "dependency").symlink_to(dependencies, target_is_directory=True)
        relu = root / RELU
        original = relu.read_text()
        if FORWARD not in original:
            sys.exit("hot reload bench: %s no longer declares the method it edits: %s" % (RELU, FORWARD.strip()))

        manager = KernelManager(kernel_name="java")
        manager.start_kernel(cwd=str(root), env=dict(os.environ, NNDL_ROOT=str(root)))
        client = manager.client()
        client.start_channels()
        client.wait_for_ready(timeout=TIMEOUT)
        status, text, _ = execute(client, "%%classpath %s/*.jar\nimport nndl.layers.Relu;\nimport org.ejml.data.DMatrixRMaj;\n"
                                       "var x = new DMatrixRMaj(new double[][] {{-1, 2}, {3, -4}});" % dependencies)
        if status != "ok":
            sys.exit("hot reload bench: the set-up cell failed: %s" % text)
        execute(client, CELL)  # the library's own reluForward: the model answer, or the student edition's stub

        seconds = []
        for run in range(args.runs + 1):
            factor = run + 2
            expected = "[%s, %s, %s, %s]" % tuple(repr(float(factor * v)) for v in (-1, 2, 3, -4))
            start = time.monotonic()
            relu.write_text(with_factor(original, factor))
            os.utime(relu, (built + 60 * (run + 2), built + 60 * (run + 2)))
            status, text, stdout = execute(client, CELL)
            elapsed = time.monotonic() - start
            if status != "ok" or text != expected:
                sys.exit("hot reload bench: after the edit the cell gave %s (%s), expected %s" % (text, status, expected))
            inside = [line for line in stdout.splitlines() if line.startswith("hot reload:")]
            print("  save → re-run → new result, edit %d%s: %.2f s [kernel: %s]"
                  % (run + 1, " (first, cold compiler)" if run == 0 else "", elapsed, inside[0] if inside else "no reload line"))
            seconds.append(elapsed)
        print("hot_reload.first_seconds=%.3f" % seconds[0])
        print("hot_reload.runs=" + " ".join("%.3f" % s for s in seconds[1:]))
    finally:
        if manager is not None and manager.has_kernel:
            manager.shutdown_kernel(now=False)
        shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main()
