"""What a right answer to each exercise of Lesson 1 does, as properties a check can test.

Each function takes the learner's function and returns its exercise's properties, most basic
first (it runs and returns the right shape), the lesson's values on random inputs last. The
properties come from the lesson's mathematics, not from a list of mistakes, so that a mistake
nobody foresaw still fails a property that says what is wrong; :mod:`.mistakes` names the
typical ones more precisely.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from dlcourse.lessons.lesson1 import mistakes
from dlcourse.lessons.lesson1.probes import bce, checks_rng, design, require, shaped, sigmoid
from dlcourse.teaching.diagnosis import central_difference, compare, numbers
from dlcourse.teaching.verdicts import Mistake, NamedMistake, Property, call

# ------------------------------------------------------------ 1.1 the normal equation


def normal_equation(f: Callable) -> list[Property]:
    rng = checks_rng()
    X, y = design(rng, 30, 3), rng.normal(size=30)
    p = X.shape[1]

    def weights(X_: np.ndarray, y_: np.ndarray) -> np.ndarray:
        return shaped(call(f, X_, y_), (X_.shape[1],), "w")

    def orthogonal() -> None:
        gap = X.T @ (y - X @ weights(X, y))  # zero at the least-squares weights
        require(
            np.allclose(gap, 0, atol=1e-8 * np.abs(X.T @ y).max()),
            f"XᵀX w differs from Xᵀy by up to {np.abs(gap).max():.3g}: the residual y − Xw is "
            "not orthogonal to the columns of X, so w does not minimise the squared error.",
        )

    def exact() -> None:
        w_true = rng.normal(size=p)
        got = weights(X, X @ w_true)
        require(
            np.allclose(got, w_true, atol=1e-8),
            "on data with no noise (y = X w exactly) it does not give back that w: the solution "
            "of XᵀX w = Xᵀy must reproduce weights that fit perfectly.",
        )

    def permuted() -> None:
        order = rng.permutation(len(y))
        require(
            np.allclose(weights(X[order], y[order]), weights(X, y), atol=1e-8),
            "w changes when the rows (data points) are shuffled together with y: the order of "
            "the data points must not matter, so something mixes rows of X with the wrong y.",
        )

    def scales() -> None:
        require(
            np.allclose(weights(X, 3 * y), 3 * weights(X, y), atol=1e-8),
            "w does not triple when y triples: the weights are linear in y, (XᵀX)⁻¹Xᵀ(3y) = 3w.",
        )

    def values() -> None:
        for n, d in [(3, 2), (20, 1), (30, 3)]:  # square X first: wrong orders still run there
            X_, y_ = design(rng, n, d), rng.normal(size=n)
            expected = np.linalg.solve(X_.T @ X_, X_.T @ y_)
            compare(call(f, X_, y_), expected, mistakes.normal_equation(X_, y_), what="w")

    return [
        Property("returns one weight per column of X", lambda: weights(X, y)),
        Property("the residual y − Xw is orthogonal to every column of X", orthogonal),
        Property("recovers the weights of noise-free data", exact),
        Property("does not depend on the order of the data points", permuted),
        Property("scales with y", scales),
        Property("gives (XᵀX)⁻¹Xᵀy, also for a square X", values),
    ]


# ------------------------------------------------------------ 1.2 binary cross-entropy


def binary_cross_entropy(f: Callable) -> list[Property]:
    rng = checks_rng()
    y = np.array([1.0, 0.0, 1.0, 1.0, 0.0, 0.0, 1.0, 0.0])
    y_hat = rng.uniform(0.05, 0.95, size=y.size)

    def losses(y_: np.ndarray, y_hat_: np.ndarray, what: str = "the loss") -> np.ndarray:
        got = numbers(call(f, y_, y_hat_), what)
        if got.size == 1 and y_.size > 1:
            raise Mistake(
                f"for {y_.size} samples it returns one number: return one loss per sample, "
                "without summing or averaging."
            )
        return shaped(got, y_.shape, what)

    def never_negative() -> None:
        got = losses(y, y_hat)
        require(
            np.all(got >= -1e-12),
            f"some losses are negative ({got.min():.3g}): −log of a probability is never "
            "negative, so a sign is flipped or a term has the wrong sign.",
        )

    def certain_and_right() -> None:
        got = losses(np.array([1.0, 0.0]), np.array([1.0, 0.0]), "the loss for ŷ = y")
        require(
            np.all(np.isfinite(got)),
            "for a certain, right prediction (ŷ = y = 1 or 0) the loss is NaN or inf: 0 · log 0 "
            "is NaN in floating point. Keep ŷ away from exactly 0 and 1 before the logarithm.",
        )
        require(
            np.all(np.abs(got) < 1e-4),
            f"a certain, right prediction (ŷ = y) costs {got.max():.3g} instead of 0.",
        )

    def natural_log() -> None:
        got = float(losses(np.array([1.0]), np.array([np.exp(-1.0)]))[0])
        for base, name in ((np.log(10), "log10"), (np.log(2), "log2")):
            require(
                not np.isclose(got, 1 / base),
                f"L(y = 1, ŷ = 1/e) is {got:.4g}, not 1: that is {name}; use the natural "
                "logarithm, np.log.",
            )
        require(np.isclose(got, 1.0), f"L(y = 1, ŷ = 1/e) should be exactly 1, got {got:.4g}.")

    def symmetric() -> None:
        require(
            np.allclose(losses(y, y_hat), losses(1 - y, 1 - y_hat)),
            "swapping the classes (y → 1 − y and ŷ → 1 − ŷ) changes the loss: the two terms, "
            "for y = 1 and for y = 0, must have the same form.",
        )

    def extremes() -> None:
        got = losses(np.array([1.0, 0.0, 1.0]), np.array([0.0, 1.0, 1.0]))
        if not np.all(np.isfinite(got)):
            raise NamedMistake(
                "for ŷ exactly 0 or 1 the loss is inf or NaN: log(0) is -inf (and 0 · log 0 is "
                "NaN). The sigmoid does reach 0 and 1 in floating point; keep ŷ away from 0 "
                "and 1 before taking the logarithm."
            )
        require(
            got[0] > 10 and got[1] > 10,
            "a confident wrong prediction must cost a large loss (over 10 for ŷ at 0 or 1).",
        )

    def values() -> None:
        compare(
            losses(y, y_hat),
            bce(y, y_hat),
            mistakes.binary_cross_entropy(y, y_hat),
            what="the loss",
        )
        compare(call(f, 1.0, 0.8), np.asarray(-np.log(0.8)), what="the loss of one sample")

    return [
        Property("one loss per sample", lambda: losses(y, y_hat)),
        Property("never negative", never_negative),
        Property("no loss for a certain, right prediction", certain_and_right),
        Property("uses the natural logarithm: L(1, 1/e) = 1", natural_log),
        Property("the same for y = 0 as for y = 1, mirrored", symmetric),
        Property("−(y log ŷ + (1 − y) log(1 − ŷ)) on random inputs", values),
        Property("finite for ŷ = 0 or 1, and large when confidently wrong", extremes),
    ]


# ------------------------------------------------------------- 1.2 the gradient


def logistic_gradient(f: Callable) -> list[Property]:
    rng = checks_rng()
    x = design(rng, 1, 4)[0]  # (5,)

    def gradient(y: float, y_hat: float, x_: np.ndarray = x) -> np.ndarray:
        return shaped(call(f, y, y_hat, x_), x_.shape, "the gradient")

    def zero_without_error() -> None:
        for y in (0.0, 1.0):
            got = gradient(y, y)
            require(
                np.all(np.isfinite(got)),
                f"for ŷ = y = {y:g} it is NaN or inf: nothing should divide by ŷ(1 − ŷ) or take "
                "a logarithm here.",
            )
            require(
                np.allclose(got, 0),
                "it is not zero when the prediction equals the target (ŷ = y): with no error "
                "there is nothing to correct, so a term is missing or extra.",
            )

    def linear_in_x() -> None:
        require(
            np.allclose(gradient(1.0, 0.3, 2 * x), 2 * gradient(1.0, 0.3)),
            "doubling the input x does not double the gradient: it must be linear in x.",
        )

    def proportional_to_error() -> None:
        require(
            np.allclose(gradient(0.0, 0.4), 2 * gradient(0.0, 0.2)),
            "doubling the error ŷ − y does not double the gradient: an extra factor that "
            "depends on ŷ (such as ŷ(1 − ŷ)) is there, or the error is not ŷ − y.",
        )

    def along_x() -> None:
        got = gradient(1.0, 0.3)
        c = float(got @ x) / float(x @ x)
        require(
            np.allclose(got, c * x),
            "the gradient is not a multiple of x: every weight's entry is the same error ŷ − y "
            "times that weight's input.",
        )

    def values() -> None:
        for d in (4, 2, 6):
            x_ = design(rng, 1, d)[0]
            for y in (0.0, 1.0):
                y_hat = rng.uniform(0.1, 0.9)
                w = x_ * np.log(y_hat / (1 - y_hat)) / (x_ @ x_)  # σ(x · w) = ŷ
                numeric = central_difference(
                    lambda v, y=y, x_=x_: float(bce(y, sigmoid(x_ @ v))), w
                )
                compare(
                    call(f, y, y_hat, x_),
                    numeric,
                    mistakes.logistic_gradient(y, y_hat, x_),
                    what="the gradient",
                    rtol=1e-5,
                )

    return [
        Property("one entry per weight", lambda: gradient(1.0, 0.3)),
        Property("zero when ŷ = y", zero_without_error),
        Property("linear in x", linear_in_x),
        Property("proportional to the error ŷ − y", proportional_to_error),
        Property("a multiple of x", along_x),
        Property("equals the finite-difference gradient of the loss", values),
    ]


# ------------------------------------------------------------- 1.2 the forward pass


def logistic_forward_pass(f: Callable) -> list[Property]:
    rng = checks_rng()
    x = design(rng, 1, 4)[0]
    w = rng.normal(size=5)

    def y_hat(w_: np.ndarray, x_: np.ndarray = x) -> float:
        got = numbers(call(f, x_, w_), "ŷ")
        if got.size != 1:
            raise Mistake(
                f"for one sample it returns shape {got.shape}: z = x · w is a single number "
                "(a dot product, not an element-wise product)."
            )
        return float(got.reshape(()))

    def probability() -> None:
        values = [y_hat(s * w) for s in (1.0, -1.0, 5.0)]
        require(
            all(0 <= v <= 1 for v in values),
            f"ŷ is {max(values, key=abs):.4g}, outside [0, 1]: it must be a probability, so "
            "the sigmoid belongs at the end.",
        )

    def half_at_zero() -> None:
        got = y_hat(np.zeros(5))
        require(np.isclose(got, 0.5), f"with all weights 0, ŷ should be σ(0) = 0.5, got {got:.4g}.")

    def grows_with_bias() -> None:
        low, high = y_hat(w - np.eye(5)[0]), y_hat(w + np.eye(5)[0])
        require(
            high > low,
            "a larger bias weight w₀ lowers ŷ: σ grows with z = x · w, so a sign is flipped "
            "(σ(z) = 1 / (1 + e^(−z))).",
        )

    def values() -> None:
        for d, column in [(4, False), (4, True), (2, False)]:
            x_ = design(rng, 1, d)[0]
            w_ = rng.normal(size=(d + 1, 1) if column else d + 1)
            z = float(x_ @ w_.ravel())
            got = np.asarray(y_hat(w_, x_))
            compare(got, np.asarray(sigmoid(z)), mistakes.logistic_forward_pass(z), what="ŷ")

    return [
        Property("one number for one sample", lambda: y_hat(w)),
        Property("a probability between 0 and 1", probability),
        Property("0.5 when all weights are 0", half_at_zero),
        Property("grows with the bias weight", grows_with_bias),
        Property("σ(x · w), also for w of shape (d+1, 1)", values),
    ]
