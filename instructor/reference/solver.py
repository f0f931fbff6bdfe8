#!/usr/bin/python3
"""Expected values of SolverTest.runMatchesNumpyReferenceOfSolverPy (lib/src/test/java/nndl/solver/SolverTest.java).

An independent NumPy reference of cs231n's solver.py (the train loop, check_accuracy with sub-sampling,
learning-rate decay at epoch ends, the best parameters kept and restored) and optim.py's adam, with the test's
linear softmax model (scores = X·W + b, loss = softmax loss + 0.5·reg·‖W‖²). Data from RandomState(1):
means = 2·randn(4, 6), y = randint(4, size=210), X = randn(210, 6) + means[y], the first 150 rows for training
and the other 60 for validation, W = 1e-3·randn(6, 4); the solver draws from RandomState(2). reg 1e-3, batch 20,
5 epochs, learning rate 5e-2, decay 0.9, 100 train / 50 val accuracy samples.
Run with Debian's NumPy: /usr/bin/python3 instructor/reference/solver.py
"""
import numpy as np

data = np.random.RandomState(1)
means = 2.0 * data.randn(4, 6)
y_all = data.randint(4, size=210)
x_all = data.randn(210, 6) + means[y_all]
x_train, y_train, x_val, y_val = x_all[:150], y_all[:150], x_all[150:], y_all[150:]
params = {"W": 1e-3 * data.randn(6, 4), "b": np.zeros(4)}
reg = 1e-3
rs = np.random.RandomState(2)


def scores(x):
    return x.dot(params["W"]) + params["b"]


def loss(x, y):
    s = scores(x)
    shifted = s - np.max(s, axis=1, keepdims=True)
    probs = np.exp(shifted) / np.sum(np.exp(shifted), axis=1, keepdims=True)
    n = x.shape[0]
    value = -np.sum(np.log(probs[np.arange(n), y])) / n + 0.5 * reg * np.sum(params["W"] ** 2)
    dscores = probs.copy()
    dscores[np.arange(n), y] -= 1
    dscores /= n
    return value, {"W": x.T.dot(dscores) + reg * params["W"], "b": dscores.sum(axis=0)}


def adam(w, dw, config):
    config["t"] += 1
    config["m"] = config["beta1"] * config["m"] + (1 - config["beta1"]) * dw
    config["v"] = config["beta2"] * config["v"] + (1 - config["beta2"]) * dw * dw
    mt = config["m"] / (1 - config["beta1"] ** config["t"])
    vt = config["v"] / (1 - config["beta2"] ** config["t"])
    return w - config["learning_rate"] * mt / (np.sqrt(vt) + config["epsilon"])


def check_accuracy(x, y, num_samples, batch_size=100):
    n = x.shape[0]
    if num_samples is not None and n > num_samples:
        mask = rs.choice(n, num_samples)
        n, x, y = num_samples, x[mask], y[mask]
    pred = []
    for start in range(0, n, batch_size):
        pred.append(np.argmax(scores(x[start:start + batch_size]), axis=1))
    return np.mean(np.hstack(pred) == y)


configs = {name: {"learning_rate": 5e-2, "beta1": 0.9, "beta2": 0.999, "epsilon": 1e-8, "t": 0,
                  "m": np.zeros_like(p), "v": np.zeros_like(p)} for name, p in params.items()}
batch_size, num_epochs, lr_decay = 20, 5, 0.9
iterations_per_epoch = max(150 // batch_size, 1)
num_iterations = num_epochs * iterations_per_epoch
loss_history, train_acc_history, val_acc_history = [], [], []
best_val_acc, best_params = 0, {}
for t in range(num_iterations):
    mask = rs.choice(150, batch_size)
    value, grads = loss(x_train[mask], y_train[mask])
    loss_history.append(value)
    for name in params:
        params[name] = adam(params[name], grads[name], configs[name])
    epoch_end = (t + 1) % iterations_per_epoch == 0
    if epoch_end:
        for config in configs.values():
            config["learning_rate"] *= lr_decay
    if t == 0 or t == num_iterations - 1 or epoch_end:
        train_acc = check_accuracy(x_train, y_train, 100)
        val_acc = check_accuracy(x_val, y_val, 50)
        train_acc_history.append(train_acc)
        val_acc_history.append(val_acc)
        if val_acc > best_val_acc:
            best_val_acc = val_acc
            best_params = {name: p.copy() for name, p in params.items()}
params = best_params

print("expectedLoss =", [repr(v) for v in loss_history])
print("expectedW =", [repr(v) for v in params["W"].ravel()])
print("expectedB =", [repr(v) for v in params["b"]])
print("trainAccHistory =", train_acc_history)
print("valAccHistory =", val_acc_history)
print("bestValAcc =", best_val_acc, "; W's final learning rate =", repr(configs["W"]["learning_rate"]))
