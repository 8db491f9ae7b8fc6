"""Checks for the exercises of Lesson 1, called from the notebook after each exercise.

    from dlcourse.lessons.lesson1 import check
    check.exercise_1_2_gradient(calc_gradient)

Each check runs the learner's code on several random inputs and shapes, compares with the
reference answer, prints a short verdict and returns a
:class:`dlcourse.teaching.verdicts.CheckResult`.
A wrong answer is matched against typical mistakes to say what probably went wrong.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

import numpy as np

from dlcourse.activations import sigmoid, softmax
from dlcourse.teaching.verdicts import CheckResult, Mistake, call, check_answer, compare, run_check

__all__ = [
    "EXERCISES",
    "exercise_1_1_normal_equation",
    "exercise_1_2_binary_cross_entropy",
    "exercise_1_2_forward_pass",
    "exercise_1_2_gradient",
    "exercise_1_2_questions",
    "exercise_1_2_sgd_step",
    "exercise_1_3_learning_rates",
    "exercise_1_4_forward_pass",
    "exercise_1_4_gradient",
    "exercise_1_4_sgd_step",
    "exercise_1_4_softmax",
]

_SEED = 20240101  # the checks' own inputs: the same for every learner


def _rng() -> np.random.Generator:
    return np.random.default_rng(_SEED)


def _design(rng: np.random.Generator, n: int, d: int) -> np.ndarray:
    return np.column_stack([np.ones(n), rng.normal(size=(n, d))])  # (n, d+1), bias first


# ------------------------------------------------------------------------- Exercise 1.1


def exercise_1_1_normal_equation(normal_equation: Callable, quiet: bool = False) -> CheckResult:
    """``normal_equation(X, y)`` must return w = (XᵀX)⁻¹ Xᵀ y."""

    def probe() -> str:
        rng = _rng()
        # A square X first: there, wrongly ordered products still run and can be recognised.
        for n, d in [(3, 2), (20, 1), (30, 3)]:
            X = _design(rng, n, d)
            y = rng.normal(size=n)
            expected = np.linalg.solve(X.T @ X, X.T @ y)
            compare(call(normal_equation, X, y), expected, _wrong_normal_equations(X, y), what="w")
        return "correct: your normal equation recovers the least-squares weights."

    return run_check("1.1 normal equation", probe, quiet=quiet)


# ------------------------------------------------------------------------- Exercise 1.2


def exercise_1_2_questions(n_datapoints: Any, n_weights: Any, quiet: bool = False) -> CheckResult:
    """The two Iris questions: how many data points, how many weights without the bias."""

    def probe() -> str:
        if n_datapoints == 4 and n_weights == 150:
            raise Mistake(
                "the two answers are swapped: rows of X are data points, columns features."
            )
        if n_datapoints == 100:
            raise Mistake(
                "100 is the count after removing one species; the question is about all of Iris."
            )
        if n_datapoints == 600:
            raise Mistake("600 counts every number in X; count the rows (data points) instead.")
        if n_datapoints != 150:
            raise Mistake(f"{n_datapoints!r} is not the number of data points: look at X.shape.")
        if n_weights == 5:
            raise Mistake(
                "5 includes the bias weight; the question asks for the weights without it."
            )
        if n_weights == 3:
            raise Mistake("3 is the number of species (classes), not of features.")
        if n_weights != 4:
            raise Mistake(f"{n_weights!r} weights is not right: one weight per feature (column).")
        return "correct: 150 flowers, 4 weights (one per measurement) plus the bias."

    answers = {"n_datapoints": n_datapoints, "n_weights": n_weights}
    return check_answer("1.2 Iris questions", answers, probe, quiet)


def exercise_1_2_binary_cross_entropy(
    binary_cross_entropy: Callable, quiet: bool = False
) -> CheckResult:
    """``binary_cross_entropy(y, y_hat)``: one loss per sample, finite even for ŷ = 0 or 1."""

    def probe() -> str:
        rng = _rng()
        y = np.array([1.0, 0.0, 1.0, 1.0, 0.0, 0.0, 1.0, 0.0])
        y_hat = rng.uniform(0.05, 0.95, size=y.size)
        expected = -(y * np.log(y_hat) + (1 - y) * np.log(1 - y_hat))
        got = call(binary_cross_entropy, y, y_hat)
        if np.size(got) == 1:
            raise Mistake(
                f"for {y.size} samples it returns one number: return one loss per sample, "
                "without summing or averaging."
            )
        mistakes = {
            "the sign is flipped: log of a probability is negative, so the loss needs a minus "
            "in front to be positive.": -expected,
            "the (1 - y) factor is missing: for samples of class 1 the second term must vanish.": -(
                y * np.log(y_hat) + np.log(1 - y_hat)
            ),
            "the term for class 0, (1 - y) log(1 - ŷ), is missing.": -(y * np.log(y_hat)),
        }
        compare(got, expected, mistakes, what="the loss")
        one = np.asarray(call(binary_cross_entropy, 1.0, 0.8), float)
        compare(
            one.reshape(()) if one.size == 1 else one,
            np.asarray(-np.log(0.8)),
            what="the loss of one sample",
        )
        y_sure, y_hat_sure = np.array([1.0, 0.0, 1.0]), np.array([0.0, 1.0, 1.0])
        extreme = np.asarray(call(binary_cross_entropy, y_sure, y_hat_sure), float)
        if extreme.shape != (3,) or not np.all(np.isfinite(extreme)):
            raise Mistake(
                "for ŷ exactly 0 or 1 the loss is inf or NaN: log(0) is -inf "
                "(and 0 · log 0 is NaN). "
                "The sigmoid does reach 0 and 1 in floating point; keep ŷ away from 0 and 1 "
                "before taking the logarithm."
            )
        if not (extreme[0] > 10 and extreme[1] > 10 and -1e-6 < extreme[2] < 1e-3):
            raise Mistake(
                "a confident wrong prediction must cost a large loss, "
                "a confident right one almost none."
            )
        return "correct: one finite loss per sample, also for ŷ = 0 or 1."

    return run_check("1.2 binary cross-entropy", probe, quiet=quiet)


def exercise_1_2_gradient(calc_gradient: Callable, quiet: bool = False) -> CheckResult:
    """``calc_gradient(y, y_hat, x_i)`` must return (ŷ - y) xᵢ, of the shape of w."""

    def probe() -> str:
        rng = _rng()
        for d in (4, 2, 6):
            x = _design(rng, 1, d)[0]  # (d+1,)
            for y in (0.0, 1.0):
                y_hat = rng.uniform(0.1, 0.9)
                expected = (y_hat - y) * x
                mistakes = {
                    "the sign is flipped: the gradient is (ŷ - y) x, pointing uphill; "
                    "the update subtracts it.": -expected,
                    "there is an extra factor ŷ(1 - ŷ): the sigmoid's derivative already cancels "
                    "the denominator of the loss's derivative.": expected * y_hat * (1 - y_hat),
                    "that is ∂L/∂ŷ times x: multiply by the sigmoid's derivative ŷ(1 - ŷ), "
                    "and it simplifies.": expected / (y_hat * (1 - y_hat)),
                }
                compare(call(calc_gradient, y, y_hat, x), expected, mistakes, what="the gradient")
        return "correct: (ŷ - y) x, one entry per weight."

    return run_check("1.2 gradient", probe, quiet=quiet)


def exercise_1_2_forward_pass(forward_pass: Callable, quiet: bool = False) -> CheckResult:
    """``forward_pass(x_i, w)`` must return ŷ = σ(xᵢ · w) for one sample."""

    def probe() -> str:
        rng = _rng()
        for d, column in [(4, False), (4, True), (2, False)]:
            x = _design(rng, 1, d)[0]
            w = rng.normal(size=(d + 1, 1) if column else d + 1)
            z = float(x @ w.ravel())
            got = np.asarray(call(forward_pass, x, w), float)
            if got.size != 1:
                raise Mistake(
                    f"for one sample it returns shape {got.shape}: z = x · w is a single number "
                    "(a dot product, not an element-wise product)."
                )
            mistakes = {
                "it returns the logit z: apply the sigmoid to get a probability.": np.asarray(z),
                "the sign in the exponent is flipped: σ(z) = 1 / (1 + e^(-z)).": np.asarray(
                    sigmoid(-z)
                ),
            }
            compare(got.reshape(()), np.asarray(sigmoid(z)), mistakes, what="ŷ")
        return "correct: ŷ = σ(x · w), also for w as a (d+1, 1) column."

    return run_check("1.2 forward pass", probe, quiet=quiet)


def exercise_1_2_sgd_step(sgd_step: Callable, quiet: bool = False) -> CheckResult:
    """``sgd_step(w, x_i, y_i, learning_rate)`` must return w - λ (ŷ - y) xᵢ, shaped like w."""

    def gradient(w: np.ndarray, x: np.ndarray, y: float) -> np.ndarray:
        return ((sigmoid(x @ w.reshape(-1)) - y) * x).reshape(w.shape)

    def logit_gradient(w: np.ndarray, x: np.ndarray, y: float) -> np.ndarray:
        return ((x @ w.reshape(-1) - y) * x).reshape(w.shape)

    def probe() -> str:
        rng = _rng()
        for d, column, y, learning_rate in [
            (4, True, 1.0, 0.1),
            (4, False, 0.0, 0.5),
            (2, True, 0.0, 0.01),
        ]:
            x = _design(rng, 1, d)[0]
            w = rng.normal(size=(d + 1, 1) if column else d + 1)
            _check_update(
                sgd_step,
                w,
                x,
                y,
                learning_rate,
                gradient,
                {
                    "the prediction used is the logit z, not σ(z): "
                    "apply the sigmoid first.": logit_gradient
                },
            )
        return "correct: one SGD step, and w keeps its shape."

    return run_check("1.2 SGD update", probe, quiet=quiet)


# ------------------------------------------------------------------------- Exercise 1.3


def exercise_1_3_learning_rates(
    accuracies: Mapping[float, float], quiet: bool = False
) -> CheckResult:
    """``accuracies`` maps each learning rate 0.1, 0.01, 0.001, 0.0001 to the training accuracy."""

    def probe() -> str:
        if not isinstance(accuracies, Mapping):
            raise Mistake(
                f"expected a dict {{learning_rate: accuracy}}, got {type(accuracies).__name__}."
            )
        missing = [lr for lr in (0.1, 0.01, 0.001, 0.0001) if lr not in accuracies]
        if missing:
            raise Mistake(f"no accuracy for the learning rate(s) {missing}; try all four.")
        values = {lr: float(accuracies[lr]) for lr in (0.1, 0.01, 0.001, 0.0001)}
        scale = 100.0 if max(values.values()) <= 1.0 else 1.0  # fractions or percentages
        percent = {lr: scale * v for lr, v in values.items()}
        if not all(0 <= v <= 100 for v in percent.values()):
            raise Mistake(f"accuracies must lie between 0 and 100%, got {values}.")
        if percent[0.1] < 100 or percent[0.01] < 100:
            raise Mistake(
                "at learning rates 0.1 and 0.01, 20 epochs separate setosa from versicolor "
                "perfectly, whatever the start. Check that every run trains for 20 epochs from "
                "fresh weights and that the accuracy uses the trained weights."
            )
        return "correct: 100% at 0.1 and 0.01; smaller rates have not gone far enough yet."

    return check_answer("1.3 learning rates", accuracies, probe, quiet)


# ------------------------------------------------------------------------- Exercise 1.4


def exercise_1_4_softmax(softmax_function: Callable, quiet: bool = False) -> CheckResult:
    """``softmax(z)``: probabilities along the last axis, for one sample (K,) or a batch (n, K)."""

    def probe() -> str:
        rng = _rng()
        z = rng.normal(size=3)
        compare(
            call(softmax_function, z),
            softmax(z),
            {
                "it returns e^z without dividing by the sum: "
                "the probabilities must add up to 1.": np.exp(z),
            },
            what="softmax of one sample",
        )
        Z = rng.normal(size=(4, 3))  # 4 samples, 3 classes
        compare(
            call(softmax_function, Z),
            softmax(Z),
            {
                "it normalises over the wrong axis: each row (one sample's K scores) "
                "must sum to 1, "
                "not each column.": np.exp(Z) / np.exp(Z).sum(axis=0, keepdims=True),
            },
            what="softmax of a batch (4 samples, 3 classes)",
        )
        big = np.asarray(call(softmax_function, np.array([1000.0, 0.0])), float)
        if not np.all(np.isfinite(big)):
            raise Mistake(
                "softmax([1000, 0]) gives NaN: e^1000 overflows to inf. Softmax does not change "
                "when the same number is subtracted from every z, so subtract the largest first."
            )
        compare(big, np.array([1.0, 0.0]), what="softmax([1000, 0])")
        return "correct: rows sum to 1, and large logits do not overflow."

    return run_check("1.4 softmax", probe, quiet=quiet)


def exercise_1_4_forward_pass(forward_pass: Callable, quiet: bool = False) -> CheckResult:
    """``forward_pass(x_i, W)`` must return ŷ = softmax(xᵢ W), shape (K,)."""

    def probe() -> str:
        rng = _rng()
        for d, K in [(4, 3), (2, 5)]:
            x = _design(rng, 1, d)[0]
            W = rng.normal(size=(d + 1, K))
            z = x @ W
            compare(
                call(forward_pass, x, W),
                softmax(z),
                {
                    "it returns the logits z = x W: apply the softmax to get probabilities.": z,
                },
                what="ŷ",
            )
        return "correct: ŷ = softmax(x W), one probability per class."

    return run_check("1.4 forward pass", probe, quiet=quiet)


def exercise_1_4_gradient(calc_gradient: Callable, quiet: bool = False) -> CheckResult:
    """``calc_gradient(y, y_hat, x_i)`` must return x (ŷ - y)ᵀ, shape (d+1, K) like W."""

    def probe() -> str:
        rng = _rng()
        for d, K in [(4, 3), (2, 4)]:
            x = _design(rng, 1, d)[0]
            y = np.eye(K)[rng.integers(K)]
            y_hat = softmax(rng.normal(size=K))
            expected = np.outer(x, y_hat - y)  # (d+1, K)
            got = call(calc_gradient, y, y_hat, x)
            if np.ndim(got) < 2 and np.size(got) <= max(K, d + 1):
                raise Mistake(
                    f"it returns shape {np.shape(got)}: x (ŷ - y)ᵀ is an outer product, a matrix "
                    f"of the shape of W ({d + 1}, {K}), not an inner product."
                )
            compare(
                got,
                expected,
                {
                    "the sign is flipped: the gradient is x (ŷ - y)ᵀ.": -expected,
                },
                what="the gradient",
            )
        return "correct: x (ŷ - y)ᵀ, the shape of W."

    return run_check("1.4 gradient", probe, quiet=quiet)


def exercise_1_4_sgd_step(sgd_step: Callable, quiet: bool = False) -> CheckResult:
    """``sgd_step(W, x_i, y_i, learning_rate)`` must return W - λ x (ŷ - y)ᵀ, shaped like W."""

    def gradient(W: np.ndarray, x: np.ndarray, y: np.ndarray) -> np.ndarray:
        return np.outer(x, softmax(x @ W) - y)

    def logit_gradient(W: np.ndarray, x: np.ndarray, y: np.ndarray) -> np.ndarray:
        return np.outer(x, x @ W - y)

    def probe() -> str:
        rng = _rng()
        for d, K, learning_rate in [(4, 3, 0.1), (2, 4, 0.5), (4, 3, 0.01)]:
            x = _design(rng, 1, d)[0]
            W = rng.normal(size=(d + 1, K))
            y = np.eye(K)[rng.integers(K)]
            _check_update(
                sgd_step,
                W,
                x,
                y,
                learning_rate,
                gradient,
                {"the prediction used is the logits z, not softmax(z).": logit_gradient},
            )
        return "correct: one SGD step, and W keeps its shape."

    return run_check("1.4 SGD update", probe, quiet=quiet)


# ------------------------------------------------------------------------------ shared


def _check_update(
    sgd_step: Callable,
    w: np.ndarray,
    x: np.ndarray,
    y: Any,
    learning_rate: float,
    gradient: Callable[[np.ndarray, np.ndarray, Any], np.ndarray],
    extra_mistakes: Mapping[str, Callable[[np.ndarray, np.ndarray, Any], np.ndarray]],
) -> None:
    """Compare one update w - λ ∇L(w) with the updates that typical mistakes produce."""
    g = gradient(w, x, y)
    expected = w - learning_rate * g
    got = np.asarray(call(sgd_step, w, x, y, learning_rate), float)
    if got.shape != w.shape:
        raise Mistake(
            f"the update changed the shape of the weights from {w.shape} to {got.shape}. "
            + (
                "An (n, 1) array minus an (n,) array broadcasts to (n, n): give the gradient the "
                "shape of the weights before subtracting."
                if got.ndim == 2 and got.shape[0] == got.shape[1] == w.shape[0]
                else "The weights must keep their shape from step to step."
            )
        )
    mistakes = {
        "the weights move uphill: subtract λ times the gradient, do not add it.": w
        + learning_rate * g,
        "the learning rate is applied twice (λ² instead of λ).": w - learning_rate**2 * g,
        "the learning rate is missing: the step is the whole gradient, not λ times it.": w - g,
        "the gradient is computed from the updated weights instead of the current ones: compute "
        "ŷ and the gradient first, then update.": w - learning_rate * gradient(expected, x, y),
    }
    mistakes |= {text: w - learning_rate * wrong(w, x, y) for text, wrong in extra_mistakes.items()}
    compare(got, expected, mistakes, what="the new weights")


def _wrong_normal_equations(X: np.ndarray, y: np.ndarray) -> dict[str, list[np.ndarray]]:
    """What typical slips in (XᵀX)⁻¹Xᵀy compute, for the shapes where they compute at all."""
    inv = np.linalg.inv
    return _evaluate(
        {
            "the formula's factors are in the wrong order: the matrix to invert is XᵀX "
            "(Xᵀ on the left), of shape (d+1, d+1), and Xᵀy comes after it.": [
                lambda: inv(X @ X.T) @ X.T @ y,
                lambda: inv(X.T @ X) @ X @ y,
                lambda: X.T @ inv(X.T @ X) @ y,
            ],
            "XᵀX is multiplied instead of inverted: use its inverse.": [lambda: X.T @ X @ X.T @ y],
            "Xᵀ is missing between the inverse and y.": [lambda: inv(X.T @ X) @ y],
        }
    )


def _evaluate(
    candidates: Mapping[str, list[Callable[[], np.ndarray]]],
) -> dict[str, list[np.ndarray]]:
    """Evaluate each mistake's candidate answers, skipping those whose shapes do not even fit."""
    evaluated: dict[str, list[np.ndarray]] = {}
    for diagnosis, makers in candidates.items():
        for make in makers:
            try:
                with np.errstate(all="ignore"):
                    evaluated.setdefault(diagnosis, []).append(make())
            except (ValueError, np.linalg.LinAlgError):
                continue
    return evaluated


# For the grader: exercise name -> (check, names the notebook must define, in order).
EXERCISES: dict[str, tuple[Callable[..., CheckResult], tuple[str, ...]]] = {
    "1.1 normal equation": (exercise_1_1_normal_equation, ("normal_equation",)),
    "1.2 Iris questions": (exercise_1_2_questions, ("n_datapoints", "n_weights")),
    "1.2 binary cross-entropy": (exercise_1_2_binary_cross_entropy, ("binary_cross_entropy",)),
    "1.2 gradient": (exercise_1_2_gradient, ("calc_gradient",)),
    "1.2 forward pass": (exercise_1_2_forward_pass, ("forward_pass",)),
    "1.2 SGD update": (exercise_1_2_sgd_step, ("sgd_step",)),
    "1.3 learning rates": (exercise_1_3_learning_rates, ("accuracies",)),
    "1.4 softmax": (exercise_1_4_softmax, ("softmax",)),
    "1.4 forward pass": (exercise_1_4_forward_pass, ("softmax_forward_pass",)),
    "1.4 gradient": (exercise_1_4_gradient, ("softmax_gradient",)),
    "1.4 SGD update": (exercise_1_4_sgd_step, ("softmax_sgd_step",)),
}
