"""An independent re-implementation of the lesson's training loops, for faithfulness tests.

Written from the lesson's algorithm, not from dlcourse: one sample at a time in a given
order, the naive formulas (no numerical safeguards), weights of shape (d+1, 1) and (d+1, K)
as in the lesson, and the epoch loss accumulated as a running sum of loss / n.
"""

import numpy as np


def naive_sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


def naive_softmax(z):
    e = np.exp(z)
    return e / e.sum()


def logistic_sgd(X, y, w0, learning_rate, orders):
    """Per-sample SGD for logistic regression; ``orders`` holds one index order per epoch."""
    w = np.array(w0, dtype=float).reshape(-1, 1)  # (d+1, 1), the lesson's column
    history = []
    for order in orders:
        running = 0.0
        for i in order:
            p = naive_sigmoid(X[i] @ w)  # (1,)
            bce = -(y[i] * np.log(p) + (1 - y[i]) * np.log(1 - p))
            step = learning_rate * (p - y[i]) * X[i]  # (d+1,)
            w = (w.T - step).T
            running += bce[0] / len(X)
        history.append(running)
    return w.ravel(), np.array(history)


def softmax_sgd(X, Y, W0, learning_rate, orders):
    """Per-sample SGD for softmax regression with one-hot targets Y."""
    W = np.array(W0, dtype=float)  # (d+1, K)
    history = []
    for order in orders:
        running = 0.0
        for i in order:
            p = naive_softmax(X[i] @ W)  # (K,)
            ce = -np.sum(Y[i] * np.log(p))
            W = W - learning_rate * np.outer(X[i], p - Y[i])
            running += ce / len(X)
        history.append(running)
    return W, np.array(history)
