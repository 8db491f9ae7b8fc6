"""The kernels of the compiled engine: the training loop of :mod:`dlcourse.training` in numba.

The same updates as the NumPy loop, in the same order and with the same formulas; only the
rounding of sums and exponentials differs (tested to 1e-12 against the NumPy loop):

- :func:`sgd_epoch`: one epoch of per-sample or mini-batch SGD, w ← w - λ x (ŷ - y)ᵀ;
- :func:`full_batch_rows`: Σ_i x_i (ŷ_i - y_i)ᵀ over a range of rows, each row read once
  (NumPy's X @ W then Xᵀ R reads X twice); :mod:`dlcourse.engines.compiled_training` splits
  the rows between threads and runs the epochs.

``kind`` names the output function and its loss: :data:`LOGISTIC` (sigmoid with binary
cross-entropy), :data:`SOFTMAX` (softmax with cross-entropy) or :data:`LINEAR` (identity with
half the squared error). All functions here are compiled in this one file, so that numba's
on-disk cache, which is keyed on a function's own file, sees every edit.

Without numba, :data:`AVAILABLE` is False and the estimators run the NumPy loop instead.
"""

from __future__ import annotations

import math

import numpy as np

try:
    from numba import njit
    from numba.core import types
    from numba.extending import intrinsic
except ImportError:  # pragma: no cover - exercised where numba is not installed
    AVAILABLE = False
else:
    AVAILABLE = True

__all__ = ["AVAILABLE", "KINDS", "full_batch_rows", "sgd_epoch"]

LOGISTIC, SOFTMAX, LINEAR = 0, 1, 2
KINDS = {"logistic": LOGISTIC, "softmax": SOFTMAX, "linear": LINEAR}

if AVAILABLE:
    # Reordered sums and fused multiply-adds are allowed (results move in the last bits only);
    # NaN and inf are not assumed away, since divergence must be seen.
    FASTMATH = {"reassoc", "contract", "arcp", "nsz"}

    @intrinsic
    def _float64_from_bits(typingctx, bits):  # pragma: no cover - compiled
        """The float64 whose IEEE 754 bits are the int64 ``bits``."""

        def codegen(context, builder, signature, args):
            return builder.bitcast(args[0], context.get_value_type(types.float64))

        return types.float64(types.int64), codegen

    _LN2_HI = 6.93147180369123816490e-01  # ln 2 in two parts: k * _LN2_HI is exact
    _LN2_LO = 1.90821492927058770002e-10
    _INV_LN2 = 1.44269504088896338700e00
    _TAYLOR = tuple(1.0 / math.factorial(i) for i in range(14))  # 1/i!, i = 0..13

    @njit(cache=True, fastmath={"contract"})  # no reassociation: it would undo the split ln 2
    def _exp_nonpositive(x):  # pragma: no cover - compiled
        """e^x for x <= 0, within 2 ulp of NumPy's exp; 0 below -708 (and NaN stays NaN).

        Plain arithmetic, so that the softmax's loop over the outputs vectorises (numba calls
        libm's scalar exp otherwise): x = k ln2 + r, e^r by its Taylor series to r^13/13!,
        and 2^k written into the exponent bits.
        """
        if not x >= -708.0:
            return 0.0 if x < 0.0 else x
        k = np.floor(x * _INV_LN2 + 0.5)
        r = (x - k * _LN2_HI) - k * _LN2_LO
        c = _TAYLOR
        r2 = r * r
        r4 = r2 * r2
        p01, p23, p45, p67 = c[0] + c[1] * r, c[2] + c[3] * r, c[4] + c[5] * r, c[6] + c[7] * r
        p89, p1011, p1213 = c[8] + c[9] * r, c[10] + c[11] * r, c[12] + c[13] * r
        p = (p01 + p23 * r2) + r4 * ((p45 + p67 * r2) + r4 * ((p89 + p1011 * r2) + r4 * p1213))
        return p * _float64_from_bits((np.int64(k) + 1023) << 52)

    @njit(cache=True, fastmath=FASTMATH, inline="always")
    def _error_and_loss(z, y, r, kind):  # pragma: no cover - compiled
        """One sample: write ŷ - y into r (K,) from its logits z (K,) and targets y (K,);
        return its loss. The formulas of :mod:`dlcourse.losses`, element by element."""
        K = z.shape[0]
        if kind == SOFTMAX:
            m = z[0]
            for k in range(1, K):
                m = max(m, z[k])
            s = 0.0
            for k in range(K):
                r[k] = _exp_nonpositive(z[k] - m)  # e^(z - m) <= 1: no overflow
                s += r[k]
            log_s = np.log(s)
            loss = 0.0
            for k in range(K):
                loss -= y[k] * (z[k] - m - log_s)  # -Σ y_k log ŷ_k
                r[k] = r[k] / s - y[k]
            return loss
        loss = 0.0
        for k in range(K):
            if kind == LOGISTIC:
                e = np.exp(-abs(z[k]))  # σ(z) without overflow, as activations.sigmoid
                y_hat = 1.0 / (1.0 + e) if z[k] >= 0 else e / (1.0 + e)
                loss += max(z[k], 0.0) + np.log1p(e) - y[k] * z[k]  # log(1 + e^z) - y z
                r[k] = y_hat - y[k]
            else:
                r[k] = z[k] - y[k]
                loss += 0.5 * r[k] * r[k]
        return loss

    @njit(cache=True)
    def _aligned_rows(K, d, like):  # pragma: no cover - compiled
        """Zeros (K, d'), d' >= d, each row starting on a 64-byte cache line, so that a vector
        load never straddles two lines; only the first d columns are used."""
        per_line = 64 // like.itemsize
        padded = -(-d // per_line) * per_line
        buf = np.zeros(K * padded + per_line, dtype=like.dtype)
        skip = ((-buf.ctypes.data) % 64) // like.itemsize
        return buf[skip : skip + K * padded].reshape((K, padded))

    @njit(cache=True)
    def _split_weights(W, intercept):  # pragma: no cover - compiled
        """W (d+o, K) as Wt (K, d'), each output's weights in an aligned row, and the biases
        b (K,) (zeros without intercept)."""
        o = 1 if intercept else 0
        K = W.shape[1]
        d = W.shape[0] - o
        Wt = _aligned_rows(K, d, W)
        b = np.zeros(K, dtype=W.dtype)
        for k in range(K):  # loops, not slices: numba compiles a transposed copy slowly
            b[k] = W[0, k] if intercept else 0.0
            for j in range(d):
                Wt[k, j] = W[o + j, k]
        return Wt, b

    @njit(cache=True)
    def _join_weights(Wt, b, intercept, W):  # pragma: no cover - compiled
        """The inverse of :func:`_split_weights`: write Wt (K, d') and b (K,) into W (d+o, K)."""
        o = 1 if intercept else 0
        for k in range(W.shape[1]):
            if intercept:
                W[0, k] = b[k]
            for j in range(W.shape[0] - o):
                W[o + j, k] = Wt[k, j]

    # Two rows and five outputs per sweep along the features: ten running sums that stay in
    # registers, so that each feature and each weight loaded serves several products.

    @njit(cache=True, fastmath=FASTMATH, inline="always")
    def _logits_pair(x0, x1, Wt, b, z0, z1):  # pragma: no cover - compiled
        """z0 = b + Wt x0 and z1 = b + Wt x1, shape (K,), for two rows x0, x1 (d,)."""
        K = Wt.shape[0]
        d = x0.shape[0]
        k0 = 0
        while k0 + 5 <= K:
            w0, w1, w2, w3, w4 = Wt[k0], Wt[k0 + 1], Wt[k0 + 2], Wt[k0 + 3], Wt[k0 + 4]
            a0 = a1 = a2 = a3 = a4 = 0.0  # row x0
            c0 = c1 = c2 = c3 = c4 = 0.0  # row x1
            for j in range(d):
                u, v = x0[j], x1[j]
                a0 += u * w0[j]
                a1 += u * w1[j]
                a2 += u * w2[j]
                a3 += u * w3[j]
                a4 += u * w4[j]
                c0 += v * w0[j]
                c1 += v * w1[j]
                c2 += v * w2[j]
                c3 += v * w3[j]
                c4 += v * w4[j]
            z0[k0], z0[k0 + 1], z0[k0 + 2] = b[k0] + a0, b[k0 + 1] + a1, b[k0 + 2] + a2
            z0[k0 + 3], z0[k0 + 4] = b[k0 + 3] + a3, b[k0 + 4] + a4
            z1[k0], z1[k0 + 1], z1[k0 + 2] = b[k0] + c0, b[k0 + 1] + c1, b[k0 + 2] + c2
            z1[k0 + 3], z1[k0 + 4] = b[k0 + 3] + c3, b[k0 + 4] + c4
            k0 += 5
        for k in range(k0, K):  # the outputs left over, one at a time
            a = c = 0.0
            for j in range(d):
                a += x0[j] * Wt[k, j]
                c += x1[j] * Wt[k, j]
            z0[k], z1[k] = b[k] + a, b[k] + c

    @njit(cache=True, fastmath=FASTMATH, inline="always")
    def _add_outer_pair(g, gb, x0, x1, r0, r1):  # pragma: no cover - compiled
        """g[:, :d] += r0 x0ᵀ + r1 x1ᵀ and gb += r0 + r1, for two rows and their errors."""
        K = g.shape[0]
        d = x0.shape[0]
        for k in range(K):
            gb[k] += r0[k] + r1[k]
        k0 = 0
        while k0 + 5 <= K:
            g0, g1, g2, g3, g4 = g[k0], g[k0 + 1], g[k0 + 2], g[k0 + 3], g[k0 + 4]
            p0, p1, p2, p3, p4 = r0[k0], r0[k0 + 1], r0[k0 + 2], r0[k0 + 3], r0[k0 + 4]
            q0, q1, q2, q3, q4 = r1[k0], r1[k0 + 1], r1[k0 + 2], r1[k0 + 3], r1[k0 + 4]
            for j in range(d):
                u, v = x0[j], x1[j]
                g0[j] += p0 * u + q0 * v
                g1[j] += p1 * u + q1 * v
                g2[j] += p2 * u + q2 * v
                g3[j] += p3 * u + q3 * v
                g4[j] += p4 * u + q4 * v
            k0 += 5
        for k in range(k0, K):
            gk = g[k]
            p, q = r0[k], r1[k]
            for j in range(d):
                gk[j] += p * x0[j] + q * x1[j]

    @njit(cache=True, fastmath=FASTMATH)
    def _gradient_rows(X, Y, Wt, b, kind, rows, g, gb):  # pragma: no cover - compiled
        """Add Σ (ŷ_i - y_i) x_iᵀ over the samples ``rows`` into g (K, d') and Σ (ŷ_i - y_i)
        into gb (K,); return the sum of their losses. Two rows at a time, each read once."""
        K = Wt.shape[0]
        Z = np.empty((2, K), dtype=X.dtype)  # logits of two samples
        R = np.zeros((2, K), dtype=X.dtype)  # their ŷ - y
        total = 0.0
        m = rows.shape[0]
        for t in range(0, m, 2):
            pair = t + 1 < m  # else the last sample, paired with itself and a zero error
            i0 = rows[t]
            i1 = rows[t + 1] if pair else i0
            _logits_pair(X[i0], X[i1], Wt, b, Z[0], Z[1])
            total += _error_and_loss(Z[0], Y[i0], R[0], kind)
            if pair:
                total += _error_and_loss(Z[1], Y[i1], R[1], kind)
            else:
                R[1].fill(0.0)
            _add_outer_pair(g, gb, X[i0], X[i1], R[0], R[1])
        return total

    @njit(cache=True, fastmath=FASTMATH)
    def sgd_epoch(X, Y, W, order, learning_rate, batch_size, kind, intercept):  # pragma: no cover
        """Update W (d+o, K) in place over one epoch; return the sum of the samples' losses.

        X (n, d), Y (n, K), order (n,): the visiting order. With ``intercept`` row 0 of W is
        the bias and X has no column of ones (o = 1), else o = 0.
        """
        n, d = X.shape
        K = W.shape[1]
        Wt, b = _split_weights(W, intercept)  # (K, d'), (K,)
        z = np.empty((2, K), dtype=X.dtype)
        r = np.empty(K, dtype=X.dtype)
        g = _aligned_rows(K, d, X)  # a mini-batch's summed gradient, transposed (K, d')
        gb = np.empty(K, dtype=X.dtype)
        total = 0.0
        for start in range(0, n, batch_size):
            stop = min(start + batch_size, n)
            if batch_size == 1:  # the lesson's loop: predict one sample, then step at once
                i = order[start]
                x = X[i]
                _logits_pair(x, x, Wt, b, z[0], z[1])
                total += _error_and_loss(z[0], Y[i], r, kind)
                for k in range(K):
                    if intercept:
                        b[k] -= learning_rate * r[k]
                    wk = Wt[k]
                    for j in range(d):
                        wk[j] -= learning_rate * (x[j] * r[k])
                continue
            g.fill(0.0)  # a mini-batch: the mean gradient under the same weights, one step
            gb.fill(0.0)
            total += _gradient_rows(X, Y, Wt, b, kind, order[start:stop], g, gb)
            m = stop - start
            for k in range(K):
                if intercept:
                    b[k] -= learning_rate * (gb[k] / m)
                for j in range(d):
                    Wt[k, j] -= learning_rate * (g[k, j] / m)
        _join_weights(Wt, b, intercept, W)
        return total

    @njit(cache=True, nogil=True, fastmath=FASTMATH)
    def full_batch_rows(X, Y, W, kind, intercept, start, stop):  # pragma: no cover - compiled
        """The gradient sum of rows start..stop-1 in W's layout (d+o, K), and their loss."""
        d = X.shape[1]
        K = W.shape[1]
        Wt, b = _split_weights(W, intercept)
        g = _aligned_rows(K, d, X)
        gb = np.zeros(K, dtype=X.dtype)
        loss = _gradient_rows(X, Y, Wt, b, kind, np.arange(start, stop), g, gb)
        G = np.empty_like(W)
        _join_weights(g, gb, intercept, G)
        return G, loss
