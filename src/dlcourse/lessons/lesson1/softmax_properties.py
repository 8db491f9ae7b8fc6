"""The properties of the softmax exercises of Lesson 1 (Exercise 1.4): the softmax itself,
the forward pass and the gradient."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from dlcourse.lessons.lesson1 import mistakes
from dlcourse.lessons.lesson1.probes import checks_rng, design, require, shaped, softmax_of
from dlcourse.teaching.diagnosis import central_difference, compare, numbers
from dlcourse.teaching.verdicts import Mistake, NamedMistake, Property, call

# ----------------------------------------------------------------- 1.4 the softmax


def softmax(f: Callable) -> list[Property]:
    rng = checks_rng()
    z = rng.normal(size=3)
    Z = rng.normal(size=(4, 3))  # 4 samples, 3 classes

    def probabilities(z_: np.ndarray, what: str = "softmax of one sample") -> np.ndarray:
        return shaped(call(f, z_), z_.shape, what)

    def sums_to_one() -> None:
        p = probabilities(z)
        require(
            np.all((p >= 0) & (p <= 1)),
            f"some outputs lie outside [0, 1] (from {p.min():.4g} to {p.max():.4g}): "
            "probabilities come from e^z, which is never negative.",
        )
        require(
            np.isclose(p.sum(), 1),
            f"for one sample the outputs sum to {p.sum():.4g}: probabilities must add up to 1, "
            "so divide each e^z by their sum.",
        )

    def rows_sum_to_one() -> None:
        P = probabilities(Z, "softmax of a batch")
        require(
            np.allclose(P.sum(axis=1), 1),
            f"for a batch of 4 samples × 3 classes the rows sum to {np.round(P.sum(axis=1), 3)}: "
            "each sample's K scores (a row) must sum to 1, whatever the batch size.",
        )

    def shift_invariant() -> None:
        require(
            np.allclose(probabilities(z + 7.0), probabilities(z)),
            "adding the same number to every z of a sample changes the result: e^(z+c) / Σ "
            "e^(z+c) = e^z / Σ e^z, so softmax cannot depend on it.",
        )

    def large_logits() -> None:
        got = numbers(call(f, np.array([1000.0, 0.0])), "softmax([1000, 0])")
        if not np.all(np.isfinite(got)):
            raise NamedMistake(
                "softmax([1000, 0]) gives NaN: e^1000 overflows to inf. Softmax does not change "
                "when the same number is subtracted from every z, so subtract the largest first."
            )
        compare(got, np.array([1.0, 0.0]), what="softmax([1000, 0])")

    def odds() -> None:
        p = probabilities(z)
        require(
            np.isclose(p[0] / p[1], np.exp(z[0] - z[1]), rtol=1e-6),
            f"the ratio of two probabilities is {p[0] / p[1]:.4g}, not e^(z₁ − z₂) = "
            f"{np.exp(z[0] - z[1]):.4g}: the exponential must be e^z, with nothing else "
            "scaling z.",
        )

    def rows_alone() -> None:
        P = probabilities(Z, "softmax of a batch")
        alone = np.array([probabilities(row) for row in Z])
        require(
            np.allclose(P, alone),
            "a row of a batch gets other values than the same row on its own: each sample is "
            "normalised by itself, so every max and sum must run along the last axis (one "
            "row).",
        )

    def order() -> None:
        p = probabilities(np.array([0.5, -1.0, 2.0]))
        require(
            p[2] > p[0] > p[1],
            "a larger logit does not get a larger probability: e^z grows with z.",
        )

    def values() -> None:
        compare(call(f, z), softmax_of(z), mistakes.softmax(z), what="softmax of one sample")
        compare(call(f, Z), softmax_of(Z), mistakes.softmax(Z), what="softmax of a batch (4 × 3)")

    return [
        Property("one probability per class", lambda: probabilities(z)),
        Property("probabilities that sum to 1", sums_to_one),
        Property("each row of a batch sums to 1", rows_sum_to_one),
        Property("unchanged when a constant is added to every z", shift_invariant),
        Property("finite for large logits", large_logits),
        Property("a larger logit, a larger probability", order),
        Property("the odds of two classes are e^(z₁ − z₂)", odds),
        Property("each row of a batch as if alone", rows_alone),
        Property("e^z / Σ e^z on random inputs", values),
    ]


# ------------------------------------------------------- 1.4 the forward pass


def softmax_forward_pass(f: Callable) -> list[Property]:
    rng = checks_rng()
    d, K = 4, 3
    x, W = design(rng, 1, d)[0], rng.normal(size=(d + 1, K))

    def y_hat(W_: np.ndarray, x_: np.ndarray = x) -> np.ndarray:
        return shaped(call(f, x_, W_), (W_.shape[1],), "ŷ")

    def sums_to_one() -> None:
        p = y_hat(W)
        require(
            np.all((p >= 0) & (p <= 1)) and np.isclose(p.sum(), 1),
            f"ŷ runs from {p.min():.4g} to {p.max():.4g} and sums to {p.sum():.4g}: it must be "
            "K probabilities between 0 and 1 that add up to 1, so the softmax belongs at the end.",
        )

    def uniform_at_zero() -> None:
        got = y_hat(np.zeros((d + 1, K)))
        require(
            np.allclose(got, 1 / K),
            f"with all weights 0 every class should get 1/K = {1 / K:.4g}, got {np.round(got, 4)}.",
        )

    def common_bias() -> None:
        shifted = W.copy()
        shifted[0] += 2.0  # the same bias added to every class
        require(
            np.allclose(y_hat(shifted), y_hat(W)),
            "adding the same number to every class's bias changes ŷ: it adds the same number "
            "to every logit, which the softmax ignores.",
        )

    def odds() -> None:
        p, z = y_hat(W), x @ W
        require(
            np.isclose(p[0] / p[1], np.exp(z[0] - z[1]), rtol=1e-6),
            f"the ratio of two classes' probabilities is {p[0] / p[1]:.4g}, not e^(z₁ − z₂) = "
            f"{np.exp(z[0] - z[1]):.4g} for the logits z = x W: the exponential must be e^z.",
        )

    def values() -> None:
        for d_, K_ in [(4, 3), (2, 5)]:
            x_ = design(rng, 1, d_)[0]
            W_ = rng.normal(size=(d_ + 1, K_))
            z = x_ @ W_
            compare(y_hat(W_, x_), softmax_of(z), mistakes.softmax_forward_pass(z), what="ŷ")

    return [
        Property("one probability per class", lambda: y_hat(W)),
        Property("probabilities that sum to 1", sums_to_one),
        Property("1/K for every class when all weights are 0", uniform_at_zero),
        Property("unchanged when every class's bias moves together", common_bias),
        Property("the odds of two classes are e^(z₁ − z₂)", odds),
        Property("softmax(x W) on random inputs", values),
    ]


# ------------------------------------------------------------ 1.4 the gradient


def softmax_gradient(f: Callable) -> list[Property]:
    rng = checks_rng()
    d, K = 4, 3
    x = design(rng, 1, d)[0]
    y, y_hat = np.eye(K)[0], softmax_of(rng.normal(size=K))

    def gradient(y_: np.ndarray, y_hat_: np.ndarray, x_: np.ndarray = x) -> np.ndarray:
        got = numbers(call(f, y_, y_hat_, x_), "the gradient")
        if got.ndim < 2 and got.size <= max(K, x_.size):
            raise Mistake(
                f"it returns shape {got.shape}: x (ŷ − y)ᵀ is an outer product, a matrix of the "
                f"shape of W ({x_.size}, {y_.size}), not an inner product."
            )
        return shaped(got, (x_.size, y_.size), "the gradient")

    def zero_without_error() -> None:
        require(
            np.allclose(gradient(y, y), 0),
            "it is not zero when ŷ = y: with no error there is nothing to correct.",
        )

    def rows_sum_to_zero() -> None:
        G = gradient(y, y_hat)
        require(
            np.allclose(G.sum(axis=1), 0, atol=1e-12),
            "its rows do not sum to zero: row j is x_j (ŷ − y)ᵀ, and ŷ − y sums to 0 because "
            "ŷ and y both sum to 1.",
        )

    def linear_in_x() -> None:
        require(
            np.allclose(gradient(y, y_hat, 2 * x), 2 * gradient(y, y_hat)),
            "doubling the input x does not double the gradient: it must be linear in x.",
        )

    def values() -> None:
        for d_, K_ in [(4, 3), (2, 4)]:
            x_ = design(rng, 1, d_)[0]
            y_ = np.eye(K_)[rng.integers(K_)]
            p = softmax_of(rng.normal(size=K_))
            W = np.outer(x_, np.log(p)) / (x_ @ x_)  # softmax(x W) = ŷ
            numeric = central_difference(
                lambda V, y_=y_, x_=x_: float(-y_ @ np.log(softmax_of(x_ @ V))), W
            )
            compare(
                gradient(y_, p, x_),
                numeric,
                mistakes.softmax_gradient(y_, p, x_),
                what="the gradient",
                rtol=1e-5,
            )

    return [
        Property("the shape of W, (d+1, K)", lambda: gradient(y, y_hat)),
        Property("zero when ŷ = y", zero_without_error),
        Property("each row sums to zero", rows_sum_to_zero),
        Property("linear in x", linear_in_x),
        Property("equals the finite-difference gradient of the loss", values),
    ]
