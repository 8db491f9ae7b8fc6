"""The SGD epoch of :func:`dlcourse.training.sgd` and the full-batch pass, compiled with numba.

One epoch of per-sample or mini-batch SGD for the three linear models of the lesson, and the
threaded pass that sums the full-batch gradient (:func:`dlcourse.training.gradient_sum`), written
as plain loops so that numba compiles it to machine code (cached on disk, so a new process
does not compile again). It performs exactly the updates of the NumPy loop, in the same order
and with the same formulas; only rounding may differ (tested to 1e-12): of sums, of e^x
(computed here, within 2 ulp of NumPy's), and of the one-output logits, which per-sample SGD
computes from the weights before the update (see :func:`_one_output_pass`).

Without numba, :data:`AVAILABLE` is False and the NumPy loop is used.
"""

from __future__ import annotations

import math

import numpy as np

try:
    from numba import get_num_threads, njit, prange  # noqa: F401 - get_num_threads for callers
    from numba.core import types
    from numba.extending import intrinsic, overload

    from dlcourse.engines import simd as _simd
    from dlcourse.engines.simd import fma4, lane, lanes, load4, max4, scale4, splat, store4
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
    # Reordered sums and fused multiply-adds are allowed (results move in the last bits only);
    # NaN and inf are not assumed away, since divergence must be seen.
    FASTMATH = {"reassoc", "contract", "arcp", "nsz"}

    # e^x for x <= 0, as plain arithmetic that LLVM vectorises: numba calls libm's scalar exp
    # (it has no vector maths library here), 5-10 ns a call; in a loop over the outputs this
    # runs at about 1 ns a value, within 2 ulp of NumPy's exp (tested). The full-batch pass
    # on n=200,000, d=100, K=10 went from 41 to 32 ms with it.
    # x = k ln2 + r with |r| <= ln2/2 (Cody and Waite: ln2 split in two, the first part with
    # trailing zero bits so that k * _LN2_HI is exact), e^r by its Taylor series to r^13/13!
    # (truncation below 1e-17) evaluated by Estrin's scheme (a tree of depth 4 rather than
    # Horner's chain of 13: per-sample softmax waits for it), and 2^k written straight into
    # the exponent bits.
    _LN2_HI = 6.93147180369123816490e-01  # 0x3fe62e42fee00000
    _LN2_LO = 1.90821492927058770002e-10  # ln 2 - _LN2_HI
    _INV_LN2 = 1.44269504088896338700e00
    _TAYLOR = tuple(1.0 / math.factorial(i) for i in range(14))  # 1/i!, i = 0..13

    @intrinsic
    def _float64_from_bits(typingctx, bits):  # pragma: no cover - compiled
        """The float64 whose IEEE 754 bits are the int64 ``bits`` (a reinterpretation)."""

        def codegen(context, builder, signature, args):
            return builder.bitcast(args[0], context.get_value_type(types.float64))

        return types.float64(types.int64), codegen

    @intrinsic
    def _bits_of_float64(typingctx, x):  # pragma: no cover - compiled
        """The IEEE 754 bits of the float64 ``x``, as an int64 (a reinterpretation)."""

        def codegen(context, builder, signature, args):
            return builder.bitcast(args[0], context.get_value_type(types.int64))

        return types.int64(types.float64), codegen

    @intrinsic
    def _prefer_256_bit_vectors(typingctx):  # pragma: no cover - compiled
        """Ask LLVM to vectorise the function that calls this with 256-bit registers.

        LLVM already prefers 256-bit vectors on Intel's AVX-512 server chips, but not on AMD's
        Zen 4, where a 512-bit operation runs as two 256-bit halves: there the narrower
        vectors cost nothing in throughput, while with d=100 they leave no scalar tail (100 =
        25 x 4, not 12 x 8) and shorter horizontal sums. On the 2-core Zen 4 of
        docs/benchmarks.md the full-batch pass went from 44 to 40 ms on one core and from 24
        to 20 ms on two, the same numbers up to rounding (tested to 1e-12). The per-sample
        and mini-batch epochs measured the same or 5 % slower with it, so only the
        full-batch pass asks. It sets LLVM's ``"prefer-vector-width"`` attribute on the
        caller; llvmlite accepts only the attributes it knows, so the string is put in the
        set directly, and if that ever fails the code is simply compiled as before.
        """

        def codegen(context, builder, signature, args):
            try:
                set.add(builder.function.attributes, '"prefer-vector-width"="256"')
            except Exception:  # an llvmlite without the set: keep the default width
                pass
            return context.get_dummy_value()

        return types.none(), codegen

    # Fused multiply-adds only, set explicitly (numba would otherwise take the caller's flags):
    # reassociation would fold the two halves of ln 2 back into one and lose the point of
    # splitting it, while a fused x - k ln2_hi is exact anyway and each fused step of the
    # series rounds once instead of twice. The fused form has half the operations on the
    # chain; the full-batch pass measured 2-3 % faster with it (medians of interleaved
    # rounds, one and two cores), the accuracy bound the same.
    @njit(cache=True, fastmath={"contract"})
    def _exp_reduced(x):  # pragma: no cover - compiled
        """k and e^r for x = k ln2 + r, |r| <= ln2/2: a float64 or four lanes (a Vec4)."""
        k = _simd.floor(x * _INV_LN2 + 0.5)  # nearest integer to x / ln 2
        r = (x - k * _LN2_HI) - k * _LN2_LO  # exact first product, then the small correction
        c = _TAYLOR
        r2 = r * r  # Estrin's scheme: a shallow tree instead of Horner's chain of 13 steps
        r4 = r2 * r2
        p01, p23, p45, p67 = c[0] + c[1] * r, c[2] + c[3] * r, c[4] + c[5] * r, c[6] + c[7] * r
        p89, p1011, p1213 = c[8] + c[9] * r, c[10] + c[11] * r, c[12] + c[13] * r
        p = (p01 + p23 * r2) + r4 * ((p45 + p67 * r2) + r4 * ((p89 + p1011 * r2) + r4 * p1213))
        return k, p

    @njit(cache=True, fastmath={"contract"})
    def _exp_nonpositive(x):  # pragma: no cover - compiled
        """e^x for x <= 0 (and NaN), in float64; 0 below -708, where e^x < 3.3e-308 (at the
        bottom of the normal range: a softmax cannot tell it from 0)."""
        if not x >= -708.0:  # far below 0 (underflow; subnormal results are flushed), or NaN
            return 0.0 if x < 0.0 else x
        k, p = _exp_reduced(x)
        return p * _float64_from_bits((np.int64(k) + 1023) << 52)  # e^r 2^k; k >= -1022

    @njit(cache=True, fastmath={"contract"})
    def _exp_nonpositive4(x):  # pragma: no cover - compiled
        """:func:`_exp_nonpositive` on the four lanes of a Vec4, the branch made a selection."""
        k, p = _exp_reduced(x)
        underflow = _simd.where_below(x, 0.0, splat(0.0), x)  # 0 below -708, NaN kept
        return _simd.where_at_least(x, -708.0, scale4(p, k), underflow)

    # e^x for x <= 0 with the shortest latency, for the sigmoid of per-sample SGD, where each
    # update waits for the exponential of the one before: x = (64 k + j) ln2/64 + r with
    # |r| <= ln2/128, e^x = 2^k 2^(j/64) e^r, 2^(j/64) from a table of 64 values and e^r
    # from its Taylor series to r^5/5! (truncation below 4e-17), evaluated by Estrin's
    # scheme. The nearest integer to x 64/ln2 comes from adding 1.5 2^52 (its bits then hold
    # it), which is shorter than rounding. A chain of these measured 33 cycles a step against
    # libm's 35, but in the SGD loop libm's call also makes the caller save its registers:
    # with the next logit computed off the chain (_one_output_pass), the 2,000 updates of
    # logistic SGD on Iris took 0.89 of their time with it, and none less with libm's; the
    # polynomial of _exp_nonpositive (r up to ln2/2, 13 terms) was slower than libm's there.
    # Within 2 ulp of NumPy's exp (tested). Tables do not vectorise (a gather per value), so
    # the softmax keeps _exp_nonpositive.
    _EXP_TABLE_BITS = np.array([2.0 ** (j / 64) for j in range(64)]).view(np.int64)
    _ROUNDING_SHIFT = 6755399441055744.0  # 1.5 2^52: x + it, in float64, rounds x to an integer
    _ROUNDING_SHIFT_BITS = 0x4338000000000000  # and its bits, from which k's bits differ
    _SIXTY_FOUR_OVER_LN2 = 64.0 * _INV_LN2
    _LN2_OVER_64_HI = _LN2_HI / 64.0  # exact: a power of two
    _LN2_OVER_64_LO = _LN2_LO / 64.0

    @njit(cache=True, fastmath={"contract"})  # fused steps, no reassociation (as above)
    def _exp_table(x):  # pragma: no cover - compiled
        """e^x for x <= 0 (and NaN), in float64, from a table of 2^(j/64); 0 below -708."""
        if not x >= -708.0:  # far below 0, or NaN
            return 0.0 if x < 0.0 else x
        shifted = x * _SIXTY_FOUR_OVER_LN2 + _ROUNDING_SHIFT
        kd = shifted - _ROUNDING_SHIFT  # the integer nearest to x 64/ln2, as a float
        k = _bits_of_float64(shifted) - _ROUNDING_SHIFT_BITS  # and as an int64
        r = (x - kd * _LN2_OVER_64_HI) - kd * _LN2_OVER_64_LO
        r2 = r * r
        p = (1.0 + r) + r2 * ((0.5 + r * (1.0 / 6.0)) + r2 * (1.0 / 24.0 + r * (1.0 / 120.0)))
        scale = _float64_from_bits(_EXP_TABLE_BITS[k & 63] + ((k >> 6) << 52))  # 2^(k/64)
        return scale * p

    # ln(1 + e) for 0 <= e <= 1, the logistic loss's log1p(e^-|z|), also as plain arithmetic: a
    # call into libm makes LLVM save and restore the registers that hold the weights around
    # it, on the chain from one update to the next (all vector registers are the caller's
    # to save); inline, the loss is computed beside the chain instead. The 2,000 updates of
    # per-sample logistic SGD on Iris went from 63 to 53 us with it. The method of fdlibm's
    # log1p: 1 + e = 2^k m with m in [1/sqrt 2, sqrt 2], f = m - 1 (exact), and
    # ln(1 + f) = f - (f^2/2 - s (f^2/2 + R)) with s = f / (2 + f) and R = 2 s^2/3 + 2 s^4/5
    # + ... (|s| < 0.172: ten terms of the series, below 1e-17), which keeps the large term
    # f exact; the rounding of 1 + e is put back as its first-order correction. R is summed
    # by Estrin's scheme: the loss is off the chain, but Horner's chain of ten dependent
    # steps kept its operations waiting in the scheduler long enough to hold back the next
    # update's; the 2,000 updates took 0.83 of their time with the tree (paired medians).
    _ATANH_SERIES = tuple(2.0 / (2 * i + 1) for i in range(1, 11))  # 2/3, 2/5, ..., 2/21
    _SQRT2 = 1.4142135623730951

    @njit(cache=True, fastmath=False)  # the order of the sums is the accuracy: no reassociation
    def _log1p_unit(e):  # pragma: no cover - compiled
        """ln(1 + e) for 0 <= e <= 1 (and NaN), in float64, within 1 ulp of NumPy's log1p."""
        u = 1.0 + e
        c = (e - (u - 1.0)) / u  # ln(1 + e) = ln(u) + c to first order: u - 1 and e - (u - 1)
        k = 0.0  # are exact (Sterbenz, and Fast2Sum with 1 >= e)
        m = u
        if u > _SQRT2:
            k, m = 1.0, 0.5 * u
        f = m - 1.0
        s = f / (2.0 + f)
        z = s * s
        a = _ATANH_SERIES
        z2 = z * z  # Estrin's scheme: a tree of depth 4 rather than Horner's chain of 10
        z4 = z2 * z2
        R = z * (
            ((a[0] + a[1] * z) + z2 * (a[2] + a[3] * z))
            + z4 * (((a[4] + a[5] * z) + z2 * (a[6] + a[7] * z)) + z4 * (a[8] + a[9] * z))
        )
        hfsq = 0.5 * f * f
        return k * _LN2_HI - ((hfsq - (s * (hfsq + R) + (k * _LN2_LO + c))) - f)

    @njit(cache=True, fastmath=FASTMATH, inline="always")
    def _one_output_error_and_loss(z, y, kind):  # pragma: no cover - compiled
        """ŷ - y and the loss of a sample with one output z and target y (LOGISTIC or LINEAR)."""
        if kind == LOGISTIC:
            e = _exp_table(-abs(z))  # σ(z) without overflow, as activations.sigmoid
            y_hat = 1.0 / (1.0 + e) if z >= 0 else e / (1.0 + e)
            # log(1 + e^z) = max(z, 0) + log1p(e^-|z|): np.logaddexp(0, z), reusing e
            return y_hat - y, max(z, 0.0) + _log1p_unit(e) - y * z
        r = z - y
        return r, 0.5 * r * r

    @njit(cache=True, fastmath=FASTMATH, inline="always")  # no call per sample
    def _error_and_loss(z, Y, i, r, kind):  # pragma: no cover - compiled
        """Sample i: write ŷ - y into r (K,) from the logits z (K,) and Y[i]; return its loss.

        z may be overwritten. The same formulas as the NumPy functions, written per element;
        the softmax's exponentials by :func:`_exp_nonpositive`, which the loop over the outputs
        vectorises (the sigmoid's single one stays libm's, which has the shorter latency).
        """
        K = z.shape[0]
        if kind == SOFTMAX:
            m = z[0]
            for k in range(1, K):  # max() of two floats: no branch to mispredict
                m = max(m, z[k])
            s = 0.0
            for k in range(K):
                r[k] = _exp_nonpositive(z[k] - m)  # e^(z-m) <= 1, kept for ŷ below
                s += r[k]
            log_s = np.log(s)
            loss = 0.0
            for k in range(K):
                loss -= Y[i, k] * (z[k] - m - log_s)
                r[k] = r[k] / s - Y[i, k]
            return loss
        loss = 0.0
        for k in range(K):  # logistic (K = 1) and linear: each output on its own
            r[k], loss_k = _one_output_error_and_loss(z[k], Y[i, k], kind)
            loss += loss_k
        return loss

    @njit(cache=True, inline="always")
    def _aligned_rows(K, d, like):  # pragma: no cover - compiled
        """Zeros of shape (K, d'), d' >= d, of ``like``'s dtype, each row starting on a 64-byte
        cache line. A vector load of a row that starts inside a line straddles two lines:
        with rows of d=100 float64 (800 bytes) half the rows of an array did, and aligned
        rows took the logits of n=200,000, K=10 from 17 to 12 ms, the gradient from 20 to
        16 ms (one core). Only the first d columns are used."""
        per_line = 64 // like.itemsize
        padded = -(-d // per_line) * per_line
        buf = np.zeros(K * padded + per_line, dtype=like.dtype)
        skip = ((-buf.ctypes.data) % 64) // like.itemsize
        return buf[skip : skip + K * padded].reshape((K, padded))

    @njit(cache=True, inline="always")
    def _split_weights(W, intercept):  # pragma: no cover - compiled
        """W (d+o, K) as Wt (K, d') with each output's d weights in an aligned row
        (:func:`_aligned_rows`), and the biases b (K,) (zeros without intercept)."""
        o = 1 if intercept else 0
        K = W.shape[1]
        d = W.shape[0] - o
        Wt = _aligned_rows(K, d, W)
        Wt[:, :d] = W[o:].T
        b = W[0].copy() if intercept else np.zeros(K, dtype=W.dtype)
        return Wt, b

    # The products work on two rows at a time and five outputs per sweep along the rows:
    # ten running sums (or five rows of the gradient) that stay in registers, so that each
    # feature and each weight loaded serves several products. On n=200,000, d=100, K=10
    # this took the logits from 24 to 13 ms and the gradient from 24 to 16 ms (one core)
    # against one output at a time; more rows or more outputs at once spilled. Per-sample
    # SGD uses the same sweep for its single row (the second row of the pair is the same
    # row again: the sweep is bound by loads, so the spare products cost little).

    @njit(cache=True, fastmath=FASTMATH, inline="always")
    def _logits_pair(x0, x1, Wt, b, z0, z1):  # pragma: no cover - compiled
        """z0 = b + Wt x0 and z1 = b + Wt x1, shape (K,), for two rows x0, x1 (d,); Wt (K, d')
        with d' >= d (rows padded for alignment)."""
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
        """g[:, :d] += r0 x0ᵀ + r1 x1ᵀ and the bias part gb += r0 + r1.

        g (K, d') with d' >= d (aligned rows); gb (K,); x0, x1 (d,); r0, r1 (K,): two rows
        and their errors ŷ - y.
        """
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

    @njit(cache=True, fastmath=FASTMATH, inline="always")
    def _gradient_rows(X, Y, Wt, b, kind, rows, g, gb):  # pragma: no cover - compiled
        """Add Σ (ŷ_i - y_i) x_iᵀ over the samples i in ``rows`` into g (K, d'), the gradient
        transposed (:func:`_aligned_rows`), Σ (ŷ_i - y_i) into gb (K,), the bias's part, and
        return the sum of their losses.

        The logits come from Wt (K, d') and b (K,). Two samples at a time, each row read once,
        for its logits and for the gradient, while it is in cache (NumPy's X @ W and then
        Xᵀ R read X twice and store R). Serves mini-batches and the full batch.
        """
        K = Wt.shape[0]
        Z = np.empty((2, K), dtype=X.dtype)  # logits of two samples
        R = np.empty((2, K), dtype=X.dtype)  # their ŷ - y
        total = 0.0
        m = rows.shape[0]
        for t in range(0, m, 2):
            pair = t + 1 < m  # else the last sample, paired with itself and a zero error
            i0 = rows[t]
            i1 = rows[t + 1] if pair else i0
            x0, x1 = X[i0], X[i1]
            _logits_pair(x0, x1, Wt, b, Z[0], Z[1])
            total += _error_and_loss(Z[0], Y, i0, R[0], kind)
            if pair:
                total += _error_and_loss(Z[1], Y, i1, R[1], kind)
            else:
                R[1, :] = 0.0
            _add_outer_pair(g, gb, x0, x1, R[0], R[1])
        return total

    # The full-batch softmax pass takes four rows at a time and computes their softmax on the
    # lanes of Vec4 values (dlcourse.engines.simd), one row per lane: a max, ten exponentials, a sum
    # and a division then serve four rows, where per row they were a chain of scalar steps
    # with two exponentials left over from the vector loop over K=10 outputs. The gradient's
    # update for the four rows is written with Vec4 too: LLVM had vectorised the update of
    # _add_outer_pair in one arrangement of this pass and left it scalar in another. The
    # loss sums ln s per row as the logarithm of a running product of the s, one libm call
    # every few hundred rows (s is in [1, K], so N = 900 / log2 K of them stay below 2^900).
    # On n=200,000, d=100, K=10 (paired medians over 30-60 interleaved rounds): 0.94-1.03
    # of the pass's time in calm runs of this machine, 0.78-0.86 in its slow patches, where
    # the pass lost most (its median against the memory floor went from 2.08 to 1.58-1.60).

    @njit(cache=True, fastmath=FASTMATH, inline="always")
    def _softmax_rows4(Zt, Y, i, Rt):  # pragma: no cover - compiled
        """Rows i..i+3: Rt[k] (4,) = ŷ_k - y_k from their logits Zt[k] (4,) (one lane a row).

        Returns three Vec4 of the rows: -Σ_k y_k (z_k - m) (m the row's largest logit),
        s = Σ_k e^(z_k - m), and Σ_k y_k. A row's loss is the first plus (Σ_k y_k) ln s.
        """
        K = Zt.shape[0]
        m = load4(Zt[0], 0)
        for k in range(1, K):  # m may miss a NaN logit, but its z - m, e and s are NaN
            m = max4(m, load4(Zt[k], 0))
        s = splat(0.0)
        for k in range(K):
            e = _exp_nonpositive4(load4(Zt[k], 0) - m)  # e^(z-m) <= 1, kept for ŷ below
            store4(Rt[k], 0, e)
            s = s + e
        inverse = 1.0 / s
        loss = splat(0.0)
        y_sum = splat(0.0)
        for k in range(K):
            y = lanes(Y[i, k], Y[i + 1, k], Y[i + 2, k], Y[i + 3, k])
            store4(Rt[k], 0, load4(Rt[k], 0) * inverse - y)
            loss = loss - y * (load4(Zt[k], 0) - m)
            y_sum = y_sum + y
        return loss, s, y_sum

    @njit(cache=True, fastmath=FASTMATH, inline="always")
    def _add_outer_rows4(g, gb, X, i, Rt):  # pragma: no cover - compiled
        """g[:, :d] += Σ_t Rt[:, t] X[i + t]ᵀ and gb += Σ_t Rt[:, t], over t = 0..3.

        g (K, d') with aligned rows; Rt (K, 4) the errors of rows i..i+3, a column a row. Five
        outputs at a time (their twenty broadcast errors stay in registers), each 4 features
        of g read and written once for the four rows.
        """
        K = g.shape[0]
        d = X.shape[1]
        x0, x1, x2, x3 = X[i], X[i + 1], X[i + 2], X[i + 3]
        whole = d - d % 4  # features in whole vectors; the rest one by one
        for k in range(K):
            gb[k] += (Rt[k, 0] + Rt[k, 1]) + (Rt[k, 2] + Rt[k, 3])
        k = 0
        while k + 5 <= K:
            g0, g1, g2, g3, g4 = g[k], g[k + 1], g[k + 2], g[k + 3], g[k + 4]
            a0, a1, a2, a3 = splat(Rt[k, 0]), splat(Rt[k, 1]), splat(Rt[k, 2]), splat(Rt[k, 3])
            b0, b1 = splat(Rt[k + 1, 0]), splat(Rt[k + 1, 1])
            b2, b3 = splat(Rt[k + 1, 2]), splat(Rt[k + 1, 3])
            c0, c1 = splat(Rt[k + 2, 0]), splat(Rt[k + 2, 1])
            c2, c3 = splat(Rt[k + 2, 2]), splat(Rt[k + 2, 3])
            e0, e1 = splat(Rt[k + 3, 0]), splat(Rt[k + 3, 1])
            e2, e3 = splat(Rt[k + 3, 2]), splat(Rt[k + 3, 3])
            f0, f1 = splat(Rt[k + 4, 0]), splat(Rt[k + 4, 1])
            f2, f3 = splat(Rt[k + 4, 2]), splat(Rt[k + 4, 3])
            for j in range(0, whole, 4):
                u0, u1, u2, u3 = load4(x0, j), load4(x1, j), load4(x2, j), load4(x3, j)
                v = fma4(a3, u3, fma4(a2, u2, fma4(a1, u1, fma4(a0, u0, load4(g0, j)))))
                store4(g0, j, v)
                v = fma4(b3, u3, fma4(b2, u2, fma4(b1, u1, fma4(b0, u0, load4(g1, j)))))
                store4(g1, j, v)
                v = fma4(c3, u3, fma4(c2, u2, fma4(c1, u1, fma4(c0, u0, load4(g2, j)))))
                store4(g2, j, v)
                v = fma4(e3, u3, fma4(e2, u2, fma4(e1, u1, fma4(e0, u0, load4(g3, j)))))
                store4(g3, j, v)
                v = fma4(f3, u3, fma4(f2, u2, fma4(f1, u1, fma4(f0, u0, load4(g4, j)))))
                store4(g4, j, v)
            k += 5
        while k < K:  # the outputs left over, one at a time
            gk = g[k]
            a0, a1, a2, a3 = splat(Rt[k, 0]), splat(Rt[k, 1]), splat(Rt[k, 2]), splat(Rt[k, 3])
            for j in range(0, whole, 4):
                v = fma4(a1, load4(x1, j), fma4(a0, load4(x0, j), load4(gk, j)))
                store4(gk, j, fma4(a3, load4(x3, j), fma4(a2, load4(x2, j), v)))
            k += 1
        for k in range(K):  # the features left over
            gk = g[k]
            for j in range(whole, d):
                gk[j] += (Rt[k, 0] * x0[j] + Rt[k, 1] * x1[j]) + (
                    Rt[k, 2] * x2[j] + Rt[k, 3] * x3[j]
                )

    @njit(cache=True, fastmath=FASTMATH)
    def _ln_of_lanes(v):  # pragma: no cover - compiled
        """Σ ln v over the four lanes of a Vec4."""
        return (np.log(lane(v, 0)) + np.log(lane(v, 1))) + (np.log(lane(v, 2)) + np.log(lane(v, 3)))

    @njit(cache=True, fastmath=FASTMATH)
    def _softmax_rows(X, Y, Wt, b, start, stop, g, gb):  # pragma: no cover - compiled
        """:func:`_gradient_rows` for softmax regression on the float64 rows start..stop-1,
        four at a time (the last 0-3 rows by :func:`_gradient_rows_256`, compiled once for
        both callers rather than inlined here a second time)."""
        _prefer_256_bit_vectors()
        K = Wt.shape[0]
        Z = np.empty((4, K))  # logits of four rows, a row each
        Zt = _aligned_rows(K, 4, Z)  # the same, a column each: a Vec4 per output
        Rt = _aligned_rows(K, 4, Z)  # their ŷ - y, a column each
        per_log = max(1, int(900.0 / np.log2(max(K, 2))))  # rows of s multiplied before a log
        product = splat(1.0)  # Π s of the rows since the last log, one product a lane
        loss = splat(0.0)
        total = 0.0
        count = 0
        i = start
        while i + 4 <= stop:
            _logits_pair(X[i], X[i + 1], Wt, b, Z[0], Z[1])
            _logits_pair(X[i + 2], X[i + 3], Wt, b, Z[2], Z[3])
            for k in range(K):
                store4(Zt[k], 0, lanes(Z[0, k], Z[1, k], Z[2, k], Z[3, k]))
            rows_loss, s, y_sum = _softmax_rows4(Zt, Y, i, Rt)
            loss = loss + rows_loss
            product = product * s
            count += 1
            if count == per_log:
                total += _ln_of_lanes(product)
                product = splat(1.0)
                count = 0
            for t in range(4):  # targets that do not sum to 1: the rest of (Σ_k y_k) ln s
                rest = lane(y_sum, t) - 1.0
                if rest != 0.0:
                    total += rest * np.log(lane(s, t))
            _add_outer_rows4(g, gb, X, i, Rt)
            i += 4
        total += _ln_of_lanes(product)
        total += (lane(loss, 0) + lane(loss, 1)) + (lane(loss, 2) + lane(loss, 3))
        if i < stop:
            total += _gradient_rows_256(X, Y, Wt, b, SOFTMAX, np.arange(i, stop), g, gb)
        return total

    @njit(cache=True, fastmath=FASTMATH)
    def _gradient_rows_256(X, Y, Wt, b, kind, rows, g, gb):  # pragma: no cover - compiled
        """:func:`_gradient_rows` compiled with 256-bit vectors (see
        :func:`_prefer_256_bit_vectors`), for the full-batch pass."""
        _prefer_256_bit_vectors()
        return _gradient_rows(X, Y, Wt, b, kind, rows, g, gb)

    def _full_batch_rows(X, Y, Wt, b, kind, start, stop, g, gb):  # pragma: no cover
        """Add the gradient of the rows start..stop-1 into g (K, d') and gb (K,), and return
        the sum of their losses: :func:`_softmax_rows` for softmax on float64 data, else
        :func:`_gradient_rows`. For compiled code only (the choice is made when compiling)."""
        raise NotImplementedError("_full_batch_rows is for numba-compiled code")

    @overload(_full_batch_rows)
    def _full_batch_rows_by_dtype(X, Y, Wt, b, kind, start, stop, g, gb):
        if all(a.dtype == types.float64 and a.layout == "C" for a in (X, Y, Wt, g)):

            def in_lanes(X, Y, Wt, b, kind, start, stop, g, gb):  # pragma: no cover
                if kind == SOFTMAX:
                    return _softmax_rows(X, Y, Wt, b, start, stop, g, gb)
                return _gradient_rows_256(X, Y, Wt, b, kind, np.arange(start, stop), g, gb)

            return in_lanes

        def by_rows(X, Y, Wt, b, kind, start, stop, g, gb):  # pragma: no cover
            return _gradient_rows_256(X, Y, Wt, b, kind, np.arange(start, stop), g, gb)

        return by_rows

    @njit(cache=True, fastmath=FASTMATH)
    def _one_output_sgd_epochs(X, Y, W, orders, learning_rate, kind, intercept, loss_sums):
        """:func:`sgd_epochs` for per-sample SGD with one output (logistic regression, linear
        regression): the same steps on scalars, the bias in a register (about 22-25 ns an
        update on Iris, against 50 for the general sweep's arrays of logits and errors), the
        weights copied out of W once for all epochs and tested for finiteness as scalars:
        0.91-0.93 of the time of Iris's 2,000 updates against a compiled call per epoch that
        copied the weights and built an array of their isfinite each time (paired medians of
        40 rounds). :func:`sgd_epoch` runs its one epoch through it."""  # pragma: no cover
        o = 1 if intercept else 0
        w = W[o:, 0].copy()  # (d,)
        bias = W[0, 0] if intercept else 0.0
        diverged = -1
        for epoch in range(orders.shape[0]):
            bias, loss_sums[epoch] = _one_output_pass(
                X, Y, w, bias, orders[epoch], learning_rate, kind, intercept
            )
            finite = np.isfinite(loss_sums[epoch]) and np.isfinite(bias)
            for j in range(w.shape[0]):
                finite &= np.isfinite(w[j])
            if not finite:
                diverged = epoch
                break
        W[o:, 0] = w
        if intercept:
            W[0, 0] = bias
        return diverged

    @njit(cache=True, fastmath=FASTMATH, inline="always")
    def _one_output_pass(X, Y, w, bias, order, learning_rate, kind, intercept):  # pragma: no cover
        """One epoch of per-sample SGD on one output: updates w (d,) in place; returns the
        new bias and the sum of the samples' losses.

        Each update waits for the prediction before it, so the time of an update is the
        length of that chain. The next sample's logit is not computed from the updated
        weights (a dot product on the chain) but from the weights before the update,
        z' = (b + x'·w) - λ r (1 + x'·x), the same number up to rounding: b + x'·w and x'·x
        are computed while the error r is, and only one fused multiply-add waits for it. The
        weights themselves are updated as the lesson does.
        """
        n, d = X.shape
        one = 1.0 if intercept else 0.0  # the bias's input
        x = X[order[0]]
        z = bias
        for j in range(d):
            z += x[j] * w[j]
        total = 0.0
        for t in range(n):
            i = order[t]
            x = X[i]
            x_next = X[order[min(t + 1, n - 1)]]  # the last sample's "next" is itself, unused
            a = bias  # b + x'·w and 1 + x'·x, from the weights before this update
            c = one
            for j in range(d):
                a += x_next[j] * w[j]
                c += x_next[j] * x[j]
            step_c = learning_rate * c
            r, loss = _one_output_error_and_loss(z, Y[i, 0], kind)
            total += loss
            if intercept:
                bias -= learning_rate * r
            for j in range(d):
                w[j] -= learning_rate * (x[j] * r)
            z = a - r * step_c  # the next sample's logit under the updated weights
        return bias, total

    @njit(cache=True, fastmath=FASTMATH)
    def sgd_epoch(X, Y, W, order, learning_rate, batch_size, kind, intercept):  # pragma: no cover
        """Update W in place over one epoch; return the sum of the samples' losses.

        X (n, d), Y (n, K), order (n,): the visiting order; kind: LOGISTIC, SOFTMAX or LINEAR.
        W is (d+1, K) with the bias in row 0 when ``intercept`` (X has no column of ones:
        it is never copied to add one), else (d, K). During the epoch the weights are held
        transposed, each output's weights contiguous, as the sweeps below want them.
        """
        n, d = X.shape
        K = W.shape[1]
        if batch_size == 1 and K == 1 and kind != SOFTMAX:  # _one_output_sgd_epochs, once
            loss_sum = np.empty(1)
            orders = order.reshape((1, n))
            _one_output_sgd_epochs(X, Y, W, orders, learning_rate, kind, intercept, loss_sum)
            return loss_sum[0]  # the caller tests it and W for finiteness
        o = 1 if intercept else 0
        Wt, b = _split_weights(W, intercept)  # (K, d'), (K,)
        z = np.empty((2, K), dtype=X.dtype)  # logits of one sample (and a scratch row)
        r = np.empty(K, dtype=X.dtype)  # its ŷ - y
        g = _aligned_rows(K, d, X)  # a mini-batch's summed gradient, transposed (K, d')
        gb = np.empty(K, dtype=X.dtype)  # and its bias part
        total = 0.0
        for start in range(0, n, batch_size):
            stop = min(start + batch_size, n)
            if batch_size == 1:  # per-sample SGD, the lesson's: predict, then step at once
                i = order[start]
                x = X[i]
                _logits_pair(x, x, Wt, b, z[0], z[1])  # the pair's sweep, for one row
                total += _error_and_loss(z[0], Y, i, r, kind)
                for k in range(K):
                    if intercept:
                        b[k] -= learning_rate * r[k]
                    wk = Wt[k]
                    for j in range(d):
                        wk[j] -= learning_rate * (x[j] * r[k])
                continue
            g[:, :] = 0.0  # a mini-batch: the summed gradient under the same weights, then a step
            gb[:] = 0.0
            total += _gradient_rows(X, Y, Wt, b, kind, order[start:stop], g, gb)
            m = stop - start
            for k in range(K):
                if intercept:
                    b[k] -= learning_rate * (gb[k] / m)
                for j in range(d):
                    Wt[k, j] -= learning_rate * (g[k, j] / m)
        W[o:, :] = Wt[:, :d].T
        if intercept:
            W[0, :] = b
        return total

    @njit(cache=True)
    def sgd_epochs(X, Y, W, orders, learning_rate, batch_size, kind, intercept, loss_sums):
        """Several epochs in one call (``orders`` has one row per epoch), saving the Python
        overhead of a call per epoch on small data. Returns the index of the first epoch whose
        loss or weights stop being finite, or -1."""  # pragma: no cover - compiled
        if batch_size == 1 and W.shape[1] == 1 and kind != SOFTMAX:  # weights held apart
            return _one_output_sgd_epochs(
                X, Y, W, orders, learning_rate, kind, intercept, loss_sums
            )
        for epoch in range(orders.shape[0]):
            loss_sums[epoch] = sgd_epoch(
                X, Y, W, orders[epoch], learning_rate, batch_size, kind, intercept
            )
            if not (np.isfinite(loss_sums[epoch]) and np.all(np.isfinite(W))):
                return epoch
        return -1

    @njit(cache=True, parallel=True, fastmath=FASTMATH)
    def full_batch_gradient(X, Y, W, kind, intercept, G, T):  # pragma: no cover - compiled
        """G (d+1, K) = Σ_i x̃_i (ŷ_i - y_i)ᵀ over all rows, split between T threads; returns
        the sum of the losses under W. T is numba's get_num_threads(), passed in so that the
        function can be cached. For T = 1 use :func:`full_batch_gradient_serial`."""
        n, d = X.shape
        K = W.shape[1]
        Wt, b = _split_weights(W, intercept)
        Gt = np.zeros((T, K, d), dtype=X.dtype)  # each thread's sum, transposed
        Gb = np.zeros((T, K), dtype=X.dtype)  # and its bias part
        losses = np.zeros(T)
        rows = -(-n // (4 * T)) * 4  # rows per thread, a multiple of 4
        for t in prange(T):
            g = _aligned_rows(K, d, X)
            start, stop = t * rows, min(n, (t + 1) * rows)
            losses[t] = _full_batch_rows(X, Y, Wt, b, kind, start, stop, g, Gb[t])
            Gt[t] = g[:, :d]
        _set_gradient(G, Gt.sum(axis=0), Gb.sum(axis=0), intercept)
        return losses.sum()

    @njit(cache=True, fastmath=FASTMATH)
    def full_batch_gradient_serial(X, Y, W, kind, intercept, G):  # pragma: no cover
        """:func:`full_batch_gradient` in the calling thread, without numba's thread pool:
        for callers that run in several threads of their own (Dask's tasks), which numba's
        default thread pool must not be entered from at once."""
        n, d = X.shape
        K = W.shape[1]
        Wt, b = _split_weights(W, intercept)
        g = _aligned_rows(K, d, X)
        gb = np.zeros(K, dtype=X.dtype)
        total = _full_batch_rows(X, Y, Wt, b, kind, 0, n, g, gb)
        _set_gradient(G, g[:, :d], gb, intercept)
        return total

    @njit(cache=True, inline="always")
    def _set_gradient(G, g, gb, intercept):  # pragma: no cover - compiled
        """G (d+o, K), in the weights' layout, from the transposed sums g (K, d), gb (K,)."""
        o = 1 if intercept else 0
        G[o:, :] = g.T
        if intercept:
            G[0, :] = gb
