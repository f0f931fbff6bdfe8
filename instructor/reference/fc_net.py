#!/usr/bin/python3
"""Expected values of FullyConnectedNetTest.seedCheckAtReg0And314 (lib/src/test/java/nndl/nets/FullyConnectedNetTest.java).

cs231n's FullyConnectedNet (affine - ReLU - affine - ReLU - affine - softmax, hidden dims 20 and 30, input 15,
10 classes, weight_scale 5e-2, W_i = weight_scale * randn(in, out) drawn in layer order, zero biases, loss =
softmax loss + 0.5 * reg * sum of ||W_i||^2) in NumPy, on the test's draws: seed 3, X = randn(2, 15),
y = randint(10, size=2), then one net per reg from the same global stream (reg 0.0 first, then 3.14).
Run with Debian's NumPy: /usr/bin/python3 instructor/reference/fc_net.py
"""
import numpy as np


def initial_loss(x, y, reg, dims=(15, 20, 30, 10), weight_scale=5e-2):
    weights = [weight_scale * np.random.randn(dims[i], dims[i + 1]) for i in range(len(dims) - 1)]
    h = x
    for i, w in enumerate(weights):
        h = h.dot(w) + np.zeros(w.shape[1])
        if i < len(weights) - 1:
            h = np.maximum(0, h)
    shifted = h - np.max(h, axis=1, keepdims=True)
    log_probs = shifted - np.log(np.sum(np.exp(shifted), axis=1, keepdims=True))
    data_loss = -np.sum(log_probs[np.arange(x.shape[0]), y]) / x.shape[0]
    return data_loss + 0.5 * reg * sum(np.sum(w * w) for w in weights)


np.random.seed(3)
x = np.random.randn(2, 15)
y = np.random.randint(10, size=2)
print("initial losses per reg:", [repr(initial_loss(x, y, reg)) for reg in (0.0, 3.14)])
