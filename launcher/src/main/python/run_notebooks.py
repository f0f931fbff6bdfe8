#!/usr/bin/env python3
"""Execute notebooks headless on this project's Java kernel, in order, with progress.

Run with Debian's /usr/bin/python3 (it has nbclient); the launcher calls it for
`./workbook run`, the test driver (.ci/test-stages) for `./workbook test`. Before running any, it checks every notebook file (UTF-8,
JSON, a valid nbformat 4 notebook), prints "workbook: error: <path>: <what>" for each bad one and
exits with status 2, nothing run. Each notebook is executed with the kernel's
working directory set to the notebook's own folder (so `%classpath ../lib/target/...`
resolves), and its executed copy is written to --out, also when a cell fails, so the
failing output can be read there.
"""
import argparse
import json
import os
import re
import sys
import time
import warnings
from pathlib import Path

import nbformat
from jupyter_client.kernelspec import KernelSpecManager, NoSuchKernel
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError, DeadKernelError, CellTimeoutError

import knock_on


class ProgressClient(NotebookClient):
    """An nbclient that echoes stream output live and reports each finished code cell."""

    def __init__(self, nb, label, echo, keep_going=False, **kw):
        super().__init__(nb, allow_errors=keep_going, **kw)
        self.label = label
        self.echo = echo
        self.failed = []
        self.code_cells = [i for i, c in enumerate(nb.cells) if c.cell_type == "code"]
        self.started = None
        self.current = None
        self.knock_on = knock_on.Tracker()
        self.on_cell_start = self._cell_start
        self.on_cell_executed = self._cell_executed

    def _position(self, cell_index):
        return self.code_cells.index(cell_index) + 1

    def _cell_start(self, cell, cell_index, **_):
        self.started = time.monotonic()
        self.current = cell_index

    def _cell_executed(self, cell, cell_index, execute_reply, **_):
        took = time.monotonic() - self.started
        status = execute_reply["content"]["status"] if execute_reply else "?"
        position = self._position(cell_index)
        if status == "error" and self.allow_errors:
            failure = self._failure(cell, position)
            failure.update(cell=position, index=cell_index)
            self.failed.append(failure)
            what = failure["message"] if failure["not_implemented"] else f"failed: {failure['message']}"
            print(f"  {self.label}: cell {position}/{len(self.code_cells)} {what} ({took:.1f} s)", flush=True)
            return
        self.knock_on.executed(position, cell.source, None)
        print(f"  {self.label}: cell {position}/{len(self.code_cells)} "
              f"{'ok' if status == 'ok' else status} ({took:.1f} s)", flush=True)

    def _failure(self, cell, position):
        """The failure of a cell that errored (see cell_failure). When it failed only because an earlier
        cell failed (a null or missing variable that cell was to set), its error output is rewritten to
        say so, and the failure takes the root cause's message and stub status (spec section 11)."""
        failure = cell_failure(cell)
        error = knock_on.error_output(cell)
        cause = None if failure["not_implemented"] or error is None else self.knock_on.cause(position, cell.source, error)
        if cause:
            knock_on.rewrite_error(error, cause)
            failure.update(message=cause["message"], not_implemented=cause["root_not_implemented"],
                           knock_on={k: cause[k] for k in ("name", "cell", "root_cell")})
        self.knock_on.executed(position, cell.source, failure)
        return failure

    def output(self, outs, msg, display_id, cell_index):
        if self.echo and msg["msg_type"] == "stream":
            for line in msg["content"]["text"].splitlines():
                print(f"    | {line}", flush=True)
        return super().output(outs, msg, display_id, cell_index)


# The student edition's stubs throw nndl.util.NotImplementedYet (docs/editions.md); the kernel names
# it as ename (simple name) or, when it is the cause of another exception, in a "Caused by:" line.
NOT_IMPLEMENTED = "NotImplementedYet"
CAUSED_BY = re.compile(r"^(?:Caused by: )?(?:[\w$]+\.)*NotImplementedYet: (.*)$")


def cell_failure(cell):
    """The error of a failed cell: {"ename", "message", "not_implemented"}; the message of a stub
    reached is its own ("not implemented yet: <method>, <block> — <file>:<line>")."""
    for out in cell.get("outputs", []):
        if out.get("output_type") == "error":
            ename, evalue = out.get("ename", "Error"), out.get("evalue", "")
            if ename.split(".")[-1] == NOT_IMPLEMENTED:
                return {"ename": ename, "message": evalue, "not_implemented": True}
            for line in out.get("traceback", []):
                match = CAUSED_BY.match(re.sub(r"\x1b\[[0-9;]*m", "", line).strip())
                if match:
                    return {"ename": NOT_IMPLEMENTED, "message": match.group(1), "not_implemented": True}
            first = (evalue or "").strip().splitlines()
            return {"ename": ename, "message": f"{ename}: {first[0] if first else ''}".rstrip(": "),
                    "not_implemented": False}
    return {"ename": "Error", "message": "the cell failed without an error output", "not_implemented": False}


def failure_text(nb, cell_index, error):
    """What went wrong in the failing cell: the exception and its message as the kernel reported
    them (the full traceback stays in the executed copy), else the end of nbclient's error."""
    if cell_index is not None:
        for out in nb.cells[cell_index].get("outputs", []):
            if out.get("output_type") == "error":
                return f"    {out.get('ename', 'Error')}: {out.get('evalue', '')}"
    return "\n".join("    " + line for line in str(error).strip().splitlines()[-12:])


def notebook_problems(paths):
    """What is wrong with each notebook file, before any runs: one line per bad file ("<path>: ..."):
    unreadable, not UTF-8 (the byte offset), not JSON (line and column), not nbformat 4, or not valid
    against the nbformat 4 schema (the failing field). Empty when every file is good."""
    bad = []
    for path in paths:
        try:
            text = Path(path).read_bytes().decode("utf-8")
        except OSError as e:
            bad.append(f"{path}: cannot read: {e.strerror}")
            continue
        except UnicodeDecodeError as e:
            bad.append(f"{path}: not UTF-8 text: byte offset {e.start}")
            continue
        try:
            data = json.loads(text)
        except json.JSONDecodeError as e:
            bad.append(f"{path}: not JSON: {e.msg} at line {e.lineno}, column {e.colno} (char {e.pos})")
            continue
        version = data.get("nbformat") if isinstance(data, dict) else None
        if version != 4:
            bad.append(f"{path}: not a Jupyter notebook of format 4 (its nbformat is {version!r})")
            continue
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                nbformat.validate(nbformat.from_dict(data))
        except nbformat.ValidationError as e:
            where = "/".join(str(p) for p in e.absolute_path)
            bad.append(f"{path}: not a valid nbformat 4 notebook: {e.message}" + (f" (at {where})" if where else ""))
    return bad


def run(paths, out_dir, kernel, timeout, echo, keep_going=False):
    try:
        KernelSpecManager().get_kernel_spec(kernel)
    except NoSuchKernel:
        print(f"error: no Jupyter kernel named '{kernel}'; install it with ./workbook kernel and put the "
              f"directory it prints on JUPYTER_PATH (as an absolute path)", file=sys.stderr)
        return 1
    out_dir.mkdir(parents=True, exist_ok=True)
    failures = []
    for n, path in enumerate(paths, 1):
        nb = nbformat.read(path, as_version=4)
        label = path.stem
        client = ProgressClient(nb, label, echo, keep_going=keep_going, kernel_name=kernel, timeout=timeout,
                                record_timing=True,
                                resources={"metadata": {"path": str(path.parent.resolve())}})
        print(f"[{n}/{len(paths)}] {path.name}: {len(client.code_cells)} code cells", flush=True)
        started = time.monotonic()
        target = out_dir / path.name
        try:
            client.execute()
        except (CellExecutionError, CellTimeoutError, DeadKernelError) as error:
            nbformat.write(nb, target)
            where = (f"code cell {client._position(client.current)}/{len(client.code_cells)}"
                     if client.current is not None else "kernel start-up")
            print(f"error: {path.name} failed in {where}; partial output in {target}\n"
                  f"{failure_text(nb, client.current, error)}", file=sys.stderr, flush=True)
            return 1
        except RuntimeError as error:
            # nbclient raises a bare RuntimeError when the kernel dies before its first reply.
            print(f"error: the '{kernel}' kernel did not start for {path.name}: {error} (see its output above)",
                  file=sys.stderr, flush=True)
            return 1
        if keep_going:
            # Which cells failed, for the report (kept under the notebook's "nndl" metadata).
            nb.metadata["nndl"] = {"executed": True, "failed_cells": client.failed}
            failures.extend(client.failed)
        nbformat.write(nb, target)
        print(f"[{n}/{len(paths)}] {path.name}: done in {time.monotonic() - started:.0f} s -> {target}"
              + (f" ({len(client.failed)} cells failed)" if client.failed else ""), flush=True)
    if failures:
        stubs = sum(1 for f in failures if f["not_implemented"] and "knock_on" not in f)
        knock = sum(1 for f in failures if "knock_on" in f)
        print(f"{len(failures)} cells failed: {stubs} reached a stub that is not implemented yet, {knock} needed "
              f"the result of a cell that failed earlier, {len(failures) - stubs - knock} failed otherwise; "
              f"later cells still ran", flush=True)
    return 0


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("notebooks", nargs="+", type=Path, help="notebooks to execute, in order")
    parser.add_argument("--out", type=Path, required=True, help="folder for the executed copies")
    parser.add_argument("--kernel", default="java", help="kernelspec name (default: java)")
    parser.add_argument("--timeout", type=int, default=-1,
                        help="seconds a cell may run; -1 (default) means no limit")
    parser.add_argument("--quiet", action="store_true", help="do not echo the cells' printed output")
    parser.add_argument("--keep-going", action="store_true",
                        help="run every cell even when one fails (the student edition's run): each failing cell "
                             "prints one line (a cell that failed only because an earlier one did names that "
                             "cell and the root cause instead of its NullPointerException or cannot-find-symbol), "
                             "its notebook records the failed cells in its metadata (nndl.failed_cells) and the "
                             "exit status stays 0; a kernel that dies or times out is still an error")
    args = parser.parse_args()
    # Every file is checked before any notebook runs: a bad one found after an hour of training
    # would cost that hour. Status 2 tells the launcher that nothing was run.
    bad = notebook_problems(args.notebooks)
    if bad:
        for line in bad:
            print("workbook: error: " + line, file=sys.stderr, flush=True)
        sys.exit(2)
    timeout = None if args.timeout < 0 else args.timeout
    # Kernels start in each notebook's folder: a relative kernelspec path would point nowhere there.
    if os.environ.get("JUPYTER_PATH"):
        os.environ["JUPYTER_PATH"] = os.pathsep.join(
            os.path.abspath(p) for p in os.environ["JUPYTER_PATH"].split(os.pathsep) if p)
    sys.exit(run(args.notebooks, args.out, args.kernel, timeout, not args.quiet, args.keep_going))


if __name__ == "__main__":
    main()
