#!/usr/bin/python3
"""NumPy reference for the Java GEMM floor benchmark (nndl.internal.bench.GemmBench).

Times the matrix products of one training step of the two-layer net in neural_net.py's layout
(W1 is H x D, W2 is C x H, rows are samples), written the way NumPy code writes them: `@` on
transposed views, a fresh output array per product. NumPy hands the transposes to BLAS as flags,
so with Debian's numpy this is OpenBLAS dgemm, the same library the Java side loads.

Run with /usr/bin/python3 (Debian's numpy). Prints a table, then machine-readable lines that
GemmBench parses (ids match StepProducts in Java; times are seconds per 1,000 iterations):
  numpy.runs.<id>=<run 1> <run 2> ...     every recorded run of one product
  numpy.runs.floor=<run 1> <run 2> ...    every recorded run of the whole step's products
  numpy.floor_seconds_per_1000=<median>
  numpy.openblas_core=<kernels OpenBLAS picked for this CPU, e.g. SkylakeX or Prescott>
"""
import argparse
import ctypes
import os
import time

import numpy as np


def timed(task, iterations, warmups, runs):
    """Seconds of `runs` recorded runs of `iterations` calls of task, after `warmups` unrecorded runs."""
    for _ in range(warmups):
        for _ in range(iterations):
            task()
    seconds = []
    for _ in range(runs):
        start = time.perf_counter()
        for _ in range(iterations):
            task()
        seconds.append(time.perf_counter() - start)
    return seconds


def openblas_core():
    """The kernel family OpenBLAS chose when it loaded (numpy 1.24 does not say), or 'unknown'."""
    try:
        library = ctypes.CDLL("libopenblas.so.0")
        library.openblas_get_corename.restype = ctypes.c_char_p
        return library.openblas_get_corename().decode()
    except (OSError, AttributeError):
        return "unknown"


def step_products(batch, inputs, hidden, classes, seed):
    """(id, formula, thunk) for each product of the step, on fixed random operands."""
    random = np.random.RandomState(seed)
    x = random.randn(batch, inputs)
    w1 = random.randn(hidden, inputs)
    w2 = random.randn(classes, hidden)
    h = random.randn(batch, hidden)
    dscores = random.randn(batch, classes)
    dh = random.randn(batch, hidden)
    return [
        ("xw1t", "X.W1^T", lambda: x @ w1.T),
        ("hw2t", "h.W2^T", lambda: h @ w2.T),
        ("dw2", "dW2 = dscores^T.h", lambda: dscores.T @ h),
        ("dh", "dh = dscores.W2", lambda: dscores @ w2),
        ("dw1", "dW1 = dh^T.X", lambda: dh.T @ x),
    ]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--iterations", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--warmups", type=int, default=1)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--floor-only", action="store_true", help="skip the per-product timings")
    args = parser.parse_args()

    products = step_products(200, 3072, 50, 10, args.seed)
    per_1000 = 1000.0 / args.iterations
    threads = os.environ.get("OPENBLAS_NUM_THREADS", "all cores")
    core = openblas_core()
    print(f"NumPy {np.__version__} step products, {args.iterations} iterations x {args.runs} runs "
          f"(OPENBLAS_NUM_THREADS={threads}, OpenBLAS core {core})")
    lines = []
    for key, formula, task in ([] if args.floor_only else products):
        seconds = [s * per_1000 for s in timed(task, args.iterations, args.warmups, args.runs)]
        print(f"  {formula:<20} {np.median(seconds):8.3f} s per 1000")
        lines.append(f"numpy.runs.{key}=" + " ".join(f"{s:.6f}" for s in seconds))

    def step():
        for _, _, task in products:
            task()

    seconds = [s * per_1000 for s in timed(step, args.iterations, args.warmups, args.runs)]
    print(f"  {'floor (all five)':<20} {np.median(seconds):8.3f} s per 1000")
    lines.append("numpy.runs.floor=" + " ".join(f"{s:.6f}" for s in seconds))
    lines.append(f"numpy.floor_seconds_per_1000={np.median(seconds):.6f}")
    lines.append(f"numpy.version={np.__version__}")
    lines.append(f"numpy.openblas_core={core}")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
