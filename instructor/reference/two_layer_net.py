#!/usr/bin/python3
"""Expected values of TwoLayerNetTest's toy training runs (lib/src/test/java/nndl/neuralnet/TwoLayerNetTest.java).

The seed's two-layer net (neural_net.py of seed 001: W1 is H×D and W2 is C×H, scores = max(0, X·W1ᵀ + b1)·W2ᵀ + b2,
softmax loss + 0.5·reg·(‖W1‖² + ‖W2‖²)) and its minibatch SGD train loop (learning rate × 0.95 at every epoch boundary), in NumPy, on the toy problem:
X = 10·randn(5, 4) after seed 1, the net (std 1e-1, H 10, C 3) drawn after seed 0, and every minibatch
np.random.choice(5, 200) from the same global stream. Run with Debian's NumPy:
/usr/bin/python3 instructor/reference/two_layer_net.py
"""
import numpy as np

Y = np.array([0, 1, 2, 2, 1])


def toy():
    np.random.seed(1)
    x = 10 * np.random.randn(5, 4)
    np.random.seed(0)
    params = {"W1": 1e-1 * np.random.randn(10, 4), "b1": np.zeros(10),
              "W2": 1e-1 * np.random.randn(3, 10), "b2": np.zeros(3)}
    return x, params


def loss(params, x, y, reg):
    w1, b1, w2, b2 = params["W1"], params["b1"], params["W2"], params["b2"]
    hidden = np.maximum(0, x.dot(w1.T) + b1)
    scores = hidden.dot(w2.T) + b2
    shifted = scores - np.max(scores, axis=1, keepdims=True)
    probs = np.exp(shifted) / np.sum(np.exp(shifted), axis=1, keepdims=True)
    n = x.shape[0]
    data_loss = -np.sum(np.log(probs[np.arange(n), y])) / n
    total = data_loss + 0.5 * reg * (np.sum(w1 * w1) + np.sum(w2 * w2))
    dscores = probs.copy()
    dscores[np.arange(n), y] -= 1
    dscores /= n
    grads = {"W2": dscores.T.dot(hidden) + reg * w2, "b2": dscores.sum(axis=0)}
    dhidden = dscores.dot(w2) * (hidden > 0)
    grads["W1"] = dhidden.T.dot(x) + reg * w1
    grads["b1"] = dhidden.sum(axis=0)
    return total, grads


def train(x, y, params, learning_rate, reg, num_iters, batch_size=200, learning_rate_decay=0.95):
    history = []
    iterations_per_epoch = max(x.shape[0] / batch_size, 1)
    for it in range(num_iters):
        idx = np.random.choice(x.shape[0], batch_size)
        value, grads = loss(params, x[idx], y[idx], reg)
        history.append(value)
        for name in params:
            params[name] -= learning_rate * grads[name]
        if it % iterations_per_epoch == 0:
            learning_rate *= learning_rate_decay
    return history


x, params = toy()
history = train(x, Y, params, learning_rate=1e-1, reg=5e-6, num_iters=101)
print("toyTrainingFollowsTheNumpyLossCurveAndPrintsLikePython: loss history at 0, 1, 2, 50, 100:",
      [repr(history[i]) for i in (0, 1, 2, 50, 100)])
x, params = toy()
history = train(x, Y, params, learning_rate=1e-1, reg=5e-6, num_iters=100)
print("toy training, 100 iterations: final loss", repr(history[-1]))
