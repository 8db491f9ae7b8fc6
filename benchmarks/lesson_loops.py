"""The lesson's own training loops, re-implemented faithfully (same steps, same data handling)
so that dlcourse can be timed against them. Written for the benchmarks, not copied."""

from __future__ import annotations

import random

import numpy as np


def _sigmoid(z):
    return 1 / (1 + np.exp(-z))


def logistic_epochs(X, y, w, epochs, learning_rate):
    """Per-sample SGD as the lesson runs it: a shuffled Python list of indices each epoch,
    weights as a (d+1, 1) column, transposes around the update, a loss accumulated per sample."""
    n = X.shape[0]
    history = []
    for _ in range(epochs):
        running = 0.0
        indices = list(range(n))
        random.shuffle(indices)
        for i in indices:
            x_i, y_i = X[i, :], y[i]
            y_hat = _sigmoid(np.dot(x_i, w))
            gradient = (y_hat - y_i) * x_i.T
            w = np.subtract(w.T, learning_rate * gradient).T
            loss = -(y_i * np.log(y_hat) + (1 - y_i) * np.log(1 - y_hat))
            running += loss[0] / n
        history.append(running)
    return w, history


def softmax_epochs(X, Y, W, epochs, learning_rate, updates=None):
    """Per-sample SGD for softmax regression as the lesson runs it: the data set is copied in
    a shuffled order every epoch, and the gradient is an outer product of expanded vectors.
    ``updates`` stops after that many updates (to time a slice of a long epoch)."""
    n = X.shape[0]
    done = 0
    for _ in range(epochs):
        order = np.arange(n)
        np.random.shuffle(order)
        Xs, Ys = X[order], Y[order]  # the lesson's randomize_dataset copies the data
        for i in range(n):
            x_i, y_i = Xs[i, :], Ys[i, :]
            e = np.exp(np.dot(x_i, W))
            y_hat = e / np.sum(e, axis=0)
            gradient = np.dot(
                np.expand_dims(x_i, 1), (np.expand_dims(y_hat, 1) - np.expand_dims(y_i, 1)).T
            )
            W = W - learning_rate * gradient
            _ = -np.sum(y_i * np.log(y_hat + 1e-8))
            done += 1
            if updates is not None and done >= updates:
                return W
    return W
