#!/usr/bin/python3
"""NumPy reference for the training-step benchmark (nndl.internal.bench.Bench).

Times 1,000 iterations of the seed's two-layer training (neural_net.py's TwoLayerNet.train, as the
two_layer_nn notebook calls it: hidden 50, batch 200, learning rate 1e-4, decay 0.95, reg 0.25) on
the CIFAR-10 rows the Java side uses: the first N_train training records, the next N_val for
validation, mean image of the training split subtracted, rows in (32, 32, 3) order.

This is our own code, written to perform operation for operation what the seed's code computes
(W1 is H x D; Hin = X @ W1.T + b1; ReLU by copy-and-mask; softmax with max subtraction; the
indicator matrix; (prob.T - indicator.T) / N; relu_indicator = Hout / Hin; grads with reg * W;
p -= lr * grad; minibatches by np.random.choice with replacement; every epoch the accuracy of
predict on the minibatch and the validation set, and the learning-rate decay). Each run starts from
np.random.seed(seed) and a fresh net, as the Java side starts from RandomState(seed), so both follow
the same minibatches and their final losses agree to rounding.

Run with /usr/bin/python3 (Debian's numpy, on OpenBLAS). Prints a short table, then lines that
nndl.internal.bench.NumpyReference reads (seconds per 1,000 iterations):
  numpy.runs.step=<run 1> <run 2> ...   every recorded run of the training loop
  numpy.step_seconds_per_1000=<median>
  numpy.final_loss=<last loss of the last run>
  numpy.version=<numpy version>
  numpy.openblas_core=<kernels OpenBLAS picked, e.g. SkylakeX or Prescott>
  numpy.openblas_threads=<threads OpenBLAS runs per product>
"""
import argparse
import ctypes
import os
import time

import numpy as np


def load_split(folder, num_training, num_validation):
    """(X_train, y_train, X_val, y_val) from the CIFAR-10 binary batches in folder, mean-subtracted."""
    records = []
    for i in range(1, 6):
        path = os.path.join(folder, "data_batch_%d.bin" % i)
        if os.path.exists(path):
            records.append(np.fromfile(path, dtype=np.uint8).reshape(-1, 3073))
    data = np.concatenate(records)
    needed = num_training + num_validation
    if data.shape[0] < needed:
        raise SystemExit("%s holds %d training records, %d needed" % (folder, data.shape[0], needed))
    labels = data[:needed, 0].astype(np.int64)
    images = data[:needed, 1:].reshape(-1, 3, 32, 32).transpose(0, 2, 3, 1).astype(np.float64)
    x_train, x_val = images[:num_training], images[num_training:needed]
    mean_image = np.mean(x_train, axis=0)
    x_train = (x_train - mean_image).reshape(num_training, -1)
    x_val = (x_val - mean_image).reshape(num_validation, -1)
    return x_train, labels[:num_training], x_val, labels[num_training:]


class TwoLayerNet:
    """input - affine - ReLU - affine - softmax, W1 of shape (H, D) and W2 of shape (C, H)."""

    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        self.params = {
            "W1": std * np.random.randn(hidden_size, input_size),
            "b1": np.zeros(hidden_size),
            "W2": std * np.random.randn(output_size, hidden_size),
            "b2": np.zeros(output_size),
        }

    def loss(self, X, y=None, reg=0.0):
        W1, b1 = self.params["W1"], self.params["b1"]
        W2, b2 = self.params["W2"], self.params["b2"]
        N = X.shape[0]
        Hin = X @ W1.T + b1
        Hout = Hin.copy()
        Hout[Hout < 0] = 0
        scores = Hout @ W2.T + b2
        if y is None:
            return scores

        shifted = np.exp(scores - np.max(scores, axis=1).reshape(-1, 1))
        prob = shifted / np.sum(shifted, axis=1).reshape(-1, 1)
        loss = 0.5 * reg * (np.linalg.norm(W1, "fro") ** 2 + np.linalg.norm(W2, "fro") ** 2)
        loss += -np.sum(np.log(prob[np.arange(N), y])) / N

        C = W2.shape[0]
        indicator = np.zeros((N, C))
        indicator[np.arange(N), y] = 1
        dscores = (prob.T - indicator.T) / N
        grads = {"W2": dscores @ Hout + reg * W2, "b2": np.sum(dscores, axis=1)}
        with np.errstate(divide="ignore", invalid="ignore"):
            relu_indicator = Hout / Hin
        dhidden = np.multiply(relu_indicator, (W2.T @ dscores).T).T
        grads["W1"] = dhidden @ X + reg * W1
        grads["b1"] = np.sum(dhidden, axis=1)
        return loss, grads

    def train(self, X, y, X_val, y_val, learning_rate, learning_rate_decay, reg, num_iters, batch_size):
        num_train = X.shape[0]
        iterations_per_epoch = max(num_train / batch_size, 1)
        loss_history, train_acc_history, val_acc_history = [], [], []
        for it in np.arange(num_iters):
            batch_indices = np.random.choice(num_train, batch_size, replace=True)
            X_batch = X[batch_indices]
            y_batch = y[batch_indices]
            loss, grads = self.loss(X_batch, y=y_batch, reg=reg)
            loss_history.append(loss)
            for name in ("W1", "b1", "W2", "b2"):
                self.params[name] -= learning_rate * grads[name]
            if it % iterations_per_epoch == 0:
                train_acc_history.append((self.predict(X_batch) == y_batch).mean())
                val_acc_history.append((self.predict(X_val) == y_val).mean())
                learning_rate *= learning_rate_decay
        return loss_history, train_acc_history, val_acc_history

    def predict(self, X):
        Hin = X @ self.params["W1"].T + self.params["b1"]
        Hout = Hin.copy()
        Hout[Hout < 0] = 0
        return np.argmax(Hout @ self.params["W2"].T + self.params["b2"], axis=1)


def openblas_core():
    """The kernel family OpenBLAS chose when it loaded (numpy 1.24 does not say), or 'unknown'."""
    try:
        library = ctypes.CDLL("libopenblas.so.0")
        library.openblas_get_corename.restype = ctypes.c_char_p
        return library.openblas_get_corename().decode()
    except (OSError, AttributeError):
        return "unknown"


def openblas_threads():
    """The threads OpenBLAS runs per product (its OPENBLAS_NUM_THREADS, else all cores), or 'unknown'."""
    try:
        library = ctypes.CDLL("libopenblas.so.0")
        return str(library.openblas_get_num_threads())
    except (OSError, AttributeError):
        return "unknown"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", required=True, help="folder holding data_batch_1.bin ...")
    parser.add_argument("--num-training", type=int, default=4000)
    parser.add_argument("--num-validation", type=int, default=1000)
    parser.add_argument("--iterations", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--warmups", type=int, default=1)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--hidden", type=int, default=50)
    parser.add_argument("--batch", type=int, default=200)
    args = parser.parse_args()

    x, y, x_val, y_val = load_split(args.data, args.num_training, args.num_validation)
    per_1000 = 1000.0 / args.iterations
    core = openblas_core()
    threads = os.environ.get("OPENBLAS_NUM_THREADS", "all cores")
    print(f"NumPy {np.__version__} two-layer training, {args.iterations} iterations x {args.runs} runs after "
          f"{args.warmups} warm-up (OPENBLAS_NUM_THREADS={threads}, OpenBLAS core {core})", flush=True)
    seconds = []
    losses = []
    for run in range(args.warmups + args.runs):
        np.random.seed(args.seed)
        net = TwoLayerNet(x.shape[1], args.hidden, int(y.max()) + 1)
        start = time.perf_counter()
        losses, _, _ = net.train(x, y, x_val, y_val, learning_rate=1e-4, learning_rate_decay=0.95, reg=0.25,
                                 num_iters=args.iterations, batch_size=args.batch)
        elapsed = (time.perf_counter() - start) * per_1000
        if run >= args.warmups:
            seconds.append(elapsed)
        print(f"  {'warm-up' if run < args.warmups else 'run'} {run + 1}: {elapsed:.3f} s per 1000", flush=True)
    print(f"numpy.runs.step=" + " ".join(f"{s:.6f}" for s in seconds))
    print(f"numpy.step_seconds_per_1000={np.median(seconds):.6f}")
    print(f"numpy.final_loss={float(losses[-1])!r}")
    print(f"numpy.version={np.__version__}")
    print(f"numpy.openblas_core={core}")
    print(f"numpy.openblas_threads={openblas_threads()}")


if __name__ == "__main__":
    main()
