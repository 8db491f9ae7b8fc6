"""The SGD epoch of :func:`dlcourse.training.sgd`, compiled with numba.

One epoch of per-sample or mini-batch SGD for the three linear models of the lesson, written
as plain loops so that numba compiles it to machine code (cached on disk, so a new process
does not compile again). It performs exactly the updates of the NumPy loop, in the same order
and with the same formulas; only the rounding of sums may differ (tested to 1e-12).

Without numba, :data:`AVAILABLE` is False and the NumPy loop is used.
"""

from __future__ import annotations

import numpy as np

try:
    from numba import njit
except ImportError:  # pragma: no cover - exercised where numba is not installed
    AVAILABLE = False
else:
    AVAILABLE = True

LOGISTIC, SOFTMAX, LINEAR = (
    0,
    1,
    2,
)  # output function + loss: sigmoid + BCE, softmax + CE, identity + ½ squared error

if AVAILABLE:

    @njit(cache=True)
    def sgd_epoch(X, Y, W, order, learning_rate, batch_size, kind):  # pragma: no cover - compiled
        """Update W (p, K) in place over one epoch; return the sum of the samples' losses.

        X (n, p), Y (n, K), order (n,): the visiting order; kind: LOGISTIC, SOFTMAX or LINEAR.
        """
        n, p = X.shape
        K = W.shape[1]
        z = np.empty(K, dtype=X.dtype)  # logits of one sample
        r = np.empty(K, dtype=X.dtype)  # ŷ - y of one sample
        G = np.empty((p, K), dtype=X.dtype)  # gradient summed over the batch
        total = 0.0
        for start in range(0, n, batch_size):
            stop = min(start + batch_size, n)
            G[:, :] = 0
            for t in range(start, stop):
                i = order[t]
                for k in range(K):
                    z[k] = 0
                    for j in range(p):
                        z[k] += X[i, j] * W[j, k]
                if kind == LOGISTIC:
                    e = np.exp(-abs(z[0]))  # σ(z) without overflow, as activations.sigmoid
                    y_hat = 1.0 / (1.0 + e) if z[0] >= 0 else e / (1.0 + e)
                    total += np.logaddexp(0.0, z[0]) - Y[i, 0] * z[0]
                    r[0] = y_hat - Y[i, 0]
                elif kind == SOFTMAX:
                    m = z.max()
                    s = 0.0
                    for k in range(K):
                        s += np.exp(z[k] - m)
                    log_s = np.log(s)
                    for k in range(K):
                        total -= Y[i, k] * (z[k] - m - log_s)
                        r[k] = np.exp(z[k] - m) / s - Y[i, k]
                else:
                    for k in range(K):
                        r[k] = z[k] - Y[i, k]
                        total += 0.5 * r[k] * r[k]
                for j in range(p):
                    for k in range(K):
                        G[j, k] += X[i, j] * r[k]
            b = stop - start
            for j in range(p):
                for k in range(K):
                    W[j, k] -= learning_rate * (G[j, k] / b)
        return total
