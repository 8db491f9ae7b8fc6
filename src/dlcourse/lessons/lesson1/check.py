"""Checks for the exercises of Lesson 1, called from the notebook after each exercise.

    from dlcourse.lessons.lesson1 import check
    check.exercise_1_2_gradient(calc_gradient)
    check.hint()                      # a hint for the last exercise that failed

Each check tests the properties a right answer has (:mod:`.properties`,
:mod:`.step_properties`, :mod:`.softmax_properties`) on the learner's
function, names a typical mistake when the values show one (:mod:`.mistakes`), and returns a
:class:`dlcourse.teaching.verdicts.CheckResult` with a score (the share of properties that
hold) and what held and what did not. ``hint=1, 2, 3`` adds a hint of that level
(:mod:`.hints`): a nudge, a pointer, the formula; never code.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from dlcourse.lessons.lesson1 import (
    answer_properties,
    properties,
    softmax_properties,
    step_properties,
)
from dlcourse.lessons.lesson1.hints import HINTS
from dlcourse.teaching.verdicts import (
    NOT_DONE,
    PASSED,
    TODO,
    CheckResult,
    Property,
    judge,
    show,
)

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
    "hint",
]

_SUCCESS = {
    "1.2 Iris questions": "correct: 150 flowers, 4 weights (one per measurement) plus the bias.",
    "1.3 learning rates": "correct: 100% at 0.1 and 0.01; smaller rates have not gone far enough "
    "yet.",
    "1.1 normal equation": "correct: your normal equation recovers the least-squares weights.",
    "1.2 binary cross-entropy": "correct: one finite loss per sample, also for ŷ = 0 or 1.",
    "1.2 gradient": "correct: (ŷ - y) x, one entry per weight.",
    "1.2 forward pass": "correct: ŷ = σ(x · w), also for w as a (d+1, 1) column.",
    "1.2 SGD update": "correct: one SGD step, and w keeps its shape.",
    "1.4 softmax": "correct: rows sum to 1, and large logits do not overflow.",
    "1.4 forward pass": "correct: ŷ = softmax(x W), one probability per class.",
    "1.4 gradient": "correct: x (ŷ - y)ᵀ, the shape of W.",
    "1.4 SGD update": "correct: one SGD step, and W keeps its shape.",
}
_levels: dict[str, int] = {}  # how many hints each exercise has had
_last_failed: list[str] = []


def hint(exercise: str | None = None, level: int | None = None) -> str:
    """Print and return a hint for ``exercise`` (by default the last one that did not pass).

    Each call for the same exercise goes one level further, up to the formula (level 3);
    ``level`` asks for one directly.
    """
    if exercise is None:
        if not _last_failed:
            text = "every exercise checked so far passed: no hint needed."
            print(text)
            return text
        exercise = _last_failed[-1]
    if exercise not in HINTS:
        raise ValueError(f"exercise must be one of {sorted(HINTS)}, got {exercise!r}.")
    if level is None:
        level = min(_levels.get(exercise, 0) + 1, 3)
    if level not in (1, 2, 3):
        raise ValueError(f"level must be 1, 2 or 3, got {level!r}.")
    _levels[exercise] = max(_levels.get(exercise, 0), level)
    text = f"Hint {level}/3 for {exercise}: {HINTS[exercise][level - 1]}"
    print(text)
    return text


def _check(
    exercise: str, props: list[Property], quiet: bool, hint_level: int, answer: Any = None
) -> CheckResult:
    """Judge the properties; an answer (a value, not a function) still ``TODO`` is not done."""
    if answer is TODO or (isinstance(answer, Mapping) and TODO in answer.values()):
        result = CheckResult(exercise, NOT_DONE, "not done yet: replace TODO with your answer.")
        if not quiet:
            show(result)
    else:
        result = judge(
            exercise,
            props,
            success=_SUCCESS[exercise],
            quiet=quiet,
            hint=f'check.hint("{exercise}")',
        )
    return _after(result, quiet, hint_level)


def _after(result: CheckResult, quiet: bool, hint_level: int) -> CheckResult:
    if result.status != PASSED:
        _last_failed.append(result.exercise)
    if hint_level and not quiet:
        hint(result.exercise, hint_level)
    return result


# ------------------------------------------------------------------------- Exercise 1.1


def exercise_1_1_normal_equation(
    normal_equation: Callable, quiet: bool = False, hint: int = 0
) -> CheckResult:
    """``normal_equation(X, y)`` must return w = (XᵀX)⁻¹ Xᵀ y."""
    props = properties.normal_equation(normal_equation)
    return _check("1.1 normal equation", props, quiet, hint)


# ------------------------------------------------------------------------- Exercise 1.2


def exercise_1_2_questions(
    n_datapoints: Any, n_weights: Any, quiet: bool = False, hint: int = 0
) -> CheckResult:
    """The two Iris questions: how many data points, how many weights without the bias."""
    answers = {"n_datapoints": n_datapoints, "n_weights": n_weights}
    props = answer_properties.iris_questions(n_datapoints, n_weights)
    return _check("1.2 Iris questions", props, quiet, hint, answer=answers)


def exercise_1_2_binary_cross_entropy(
    binary_cross_entropy: Callable, quiet: bool = False, hint: int = 0
) -> CheckResult:
    """``binary_cross_entropy(y, y_hat)``: one loss per sample, finite even for ŷ = 0 or 1."""
    props = properties.binary_cross_entropy(binary_cross_entropy)
    return _check("1.2 binary cross-entropy", props, quiet, hint)


def exercise_1_2_gradient(
    calc_gradient: Callable, quiet: bool = False, hint: int = 0
) -> CheckResult:
    """``calc_gradient(y, y_hat, x_i)`` must return (ŷ - y) xᵢ, of the shape of w."""
    return _check("1.2 gradient", properties.logistic_gradient(calc_gradient), quiet, hint)


def exercise_1_2_forward_pass(
    forward_pass: Callable, quiet: bool = False, hint: int = 0
) -> CheckResult:
    """``forward_pass(x_i, w)`` must return ŷ = σ(xᵢ · w) for one sample."""
    return _check("1.2 forward pass", properties.logistic_forward_pass(forward_pass), quiet, hint)


def exercise_1_2_sgd_step(sgd_step: Callable, quiet: bool = False, hint: int = 0) -> CheckResult:
    """``sgd_step(w, x_i, y_i, learning_rate)`` must return w - λ (ŷ - y) xᵢ, shaped like w."""
    return _check("1.2 SGD update", step_properties.sgd_step(sgd_step, softmax=False), quiet, hint)


# ------------------------------------------------------------------------- Exercise 1.3


def exercise_1_3_learning_rates(
    accuracies: Mapping[float, float], quiet: bool = False, hint: int = 0
) -> CheckResult:
    """``accuracies`` maps each learning rate 0.1, 0.01, 0.001, 0.0001 to the training accuracy."""
    props = answer_properties.learning_rates(accuracies)
    return _check("1.3 learning rates", props, quiet, hint, answer=accuracies)


# ------------------------------------------------------------------------- Exercise 1.4


def exercise_1_4_softmax(softmax: Callable, quiet: bool = False, hint: int = 0) -> CheckResult:
    """``softmax(z)``: probabilities along the last axis, for one sample (K,) or a batch (n, K)."""
    return _check("1.4 softmax", softmax_properties.softmax(softmax), quiet, hint)


def exercise_1_4_forward_pass(
    forward_pass: Callable, quiet: bool = False, hint: int = 0
) -> CheckResult:
    """``forward_pass(x_i, W)`` must return ŷ = softmax(xᵢ W), shape (K,)."""
    return _check(
        "1.4 forward pass", softmax_properties.softmax_forward_pass(forward_pass), quiet, hint
    )


def exercise_1_4_gradient(
    calc_gradient: Callable, quiet: bool = False, hint: int = 0
) -> CheckResult:
    """``calc_gradient(y, y_hat, x_i)`` must return x (ŷ - y)ᵀ, shape (d+1, K) like W."""
    return _check("1.4 gradient", softmax_properties.softmax_gradient(calc_gradient), quiet, hint)


def exercise_1_4_sgd_step(sgd_step: Callable, quiet: bool = False, hint: int = 0) -> CheckResult:
    """``sgd_step(W, x_i, y_i, learning_rate)`` must return W - λ x (ŷ - y)ᵀ, shaped like W."""
    return _check("1.4 SGD update", step_properties.sgd_step(sgd_step, softmax=True), quiet, hint)


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
