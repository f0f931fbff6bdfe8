#!/usr/bin/python3
"""Expected values of LayersTest's softmax and SVM loss tests (lib/src/test/java/nndl/layers/LayersTest.java).

The cs231n softmax and multiclass-SVM (hinge) losses in NumPy, on the draws the tests make with the same
seeds: NpRandom.seed(s); randn(50, 10); randint(10, 50) is np.random.seed(s); np.random.randn(50, 10);
np.random.randint(10, size=50). Run with Debian's NumPy: /usr/bin/python3 instructor/reference/losses.py
"""
import numpy as np


def softmax_loss(x, y):
    shifted = x - np.max(x, axis=1, keepdims=True)
    log_probs = shifted - np.log(np.sum(np.exp(shifted), axis=1, keepdims=True))
    return -np.sum(log_probs[np.arange(x.shape[0]), y]) / x.shape[0]


def svm_loss(x, y):
    n = x.shape[0]
    correct = x[np.arange(n), y]
    margins = np.maximum(0, x - correct[:, None] + 1.0)
    margins[np.arange(n), y] = 0
    return np.sum(margins) / n


np.random.seed(0)
x = 0.001 * np.random.randn(50, 10)
y = np.random.randint(10, size=50)
print("softmaxLossIsLog10AtSmallScoresAndItsGradientChecks:", repr(softmax_loss(x, y)))

np.random.seed(1)
x = np.random.randn(50, 10)
y = np.random.randint(10, size=50)
print("svmLossMatchesNumpyAndItsGradientChecks:", repr(svm_loss(x, y)))
