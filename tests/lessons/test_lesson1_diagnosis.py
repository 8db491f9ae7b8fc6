"""The checks test themselves: mistakes planted into the reference solutions automatically.

Every single-point mutation of each reference solution (an operator swapped, a minus dropped,
a constant changed, a transpose removed, an axis changed, two arguments swapped, a function
replaced by a near relative, a term dropped) is run through its check. An oracle independent
of the checks (the mutant's values against the reference's, on ordinary and edge inputs)
sorts the mutants into correct variants, which must pass, and planted mistakes, which must
fail, and the share of mistakes with a specific diagnosis is measured.
"""

import ast
import copy
import math
from collections.abc import Callable, Iterator

import numpy as np
import pytest

from dlcourse.lessons.lesson1 import check

REFERENCES = {
    "1.1 normal equation": (
        check.exercise_1_1_normal_equation,
        "def f(X, y):\n    return np.linalg.inv(X.T @ X) @ X.T @ y\n",
    ),
    "1.2 binary cross-entropy": (
        check.exercise_1_2_binary_cross_entropy,
        "def f(y, y_hat):\n"
        "    y_hat = np.clip(y_hat, 1e-12, 1 - 1e-12)\n"
        "    return -(y * np.log(y_hat) + (1 - y) * np.log(1 - y_hat))\n",
    ),
    "1.2 gradient": (
        check.exercise_1_2_gradient,
        "def f(y, y_hat, x):\n    return (y_hat - y) * x\n",
    ),
    "1.2 forward pass": (
        check.exercise_1_2_forward_pass,
        "def f(x, w):\n    return 1 / (1 + np.exp(-(x @ w)))\n",
    ),
    "1.2 SGD update": (
        check.exercise_1_2_sgd_step,
        "def f(w, x, y, learning_rate):\n"
        "    y_hat = 1 / (1 + np.exp(-(x @ w)))\n"
        "    return w - learning_rate * ((y_hat - y) * x).reshape(w.shape)\n",
    ),
    "1.4 softmax": (
        check.exercise_1_4_softmax,
        "def f(z):\n"
        "    e = np.exp(z - np.max(z, axis=-1, keepdims=True))\n"
        "    return e / np.sum(e, axis=-1, keepdims=True)\n",
    ),
    "1.4 forward pass": (
        check.exercise_1_4_forward_pass,
        "def f(x, W):\n    z = x @ W\n    e = np.exp(z - np.max(z))\n    return e / np.sum(e)\n",
    ),
    "1.4 gradient": (
        check.exercise_1_4_gradient,
        "def f(y, y_hat, x):\n    return np.outer(x, y_hat - y)\n",
    ),
    "1.4 SGD update": (
        check.exercise_1_4_sgd_step,
        "def f(W, x, y, learning_rate):\n"
        "    z = x @ W\n"
        "    e = np.exp(z - np.max(z))\n"
        "    return W - learning_rate * np.outer(x, e / np.sum(e) - y)\n",
    ),
}


def _oracle_inputs(exercise: str) -> list[tuple]:
    """Inputs on which a correct variant must agree with the reference: ordinary ones and the
    edges the lesson cares about (ŷ at 0 and 1, large logits, batches, column weights)."""
    rng = np.random.default_rng(7)
    X = np.column_stack([np.ones(12), rng.normal(size=(12, 3))])
    x, x2 = X[0], np.column_stack([np.ones(1), rng.normal(size=(1, 2))])[0]
    w, W = rng.normal(size=4), rng.normal(size=(4, 3))
    p = np.exp(rng.normal(size=3)) / np.exp(rng.normal(size=3)).sum()
    W_big = np.zeros((4, 3))
    W_big[0] = [900.0, 0.0, -900.0]  # x[0] = 1: logits of ±900
    return {
        "1.1 normal equation": [(X, rng.normal(size=12)), (X[:4], rng.normal(size=4))],
        "1.2 binary cross-entropy": [
            (np.array([1.0, 0.0, 1.0]), np.array([0.3, 0.6, 0.9])),
            (np.array([1.0, 0.0, 1.0, 0.0]), np.array([1.0, 0.0, 0.0, 1.0])),
            (1.0, 0.8),
        ],
        "1.2 gradient": [(1.0, 0.3, x), (0.0, 0.7, x2), (1.0, 1.0, x)],
        "1.2 forward pass": [(x, w), (x, w[:, None]), (x, np.zeros(4))],
        "1.2 SGD update": [(w, x, 1.0, 0.1), (w[:, None], x, 0.0, 0.5)],
        "1.4 softmax": [
            (rng.normal(size=3),),
            (rng.normal(size=(4, 3)),),
            (np.array([1000.0, 0.0]),),
            (np.array([[1000.0, 0.0], [0.0, 3.0]]),),
        ],
        "1.4 forward pass": [(x, W), (x2, rng.normal(size=(3, 5))), (x, W_big)],
        "1.4 gradient": [(np.eye(3)[0], p, x), (np.eye(3)[2], np.eye(3)[2], x)],
        "1.4 SGD update": [
            (W, x, np.eye(3)[1], 0.1),
            (W, x, np.eye(3)[0], 0.01),
            (W_big, x, np.eye(3)[2], 0.1),
        ],
    }[exercise]


# ------------------------------------------------------------------ the mutations


SWAPS = {ast.Add: ast.Sub, ast.Sub: ast.Add, ast.Mult: ast.Div, ast.Div: ast.Mult}
RELATIVES = {
    "log": "log10",
    "exp": "exp2",
    "max": "min",
    "sum": "mean",
    "outer": "multiply",
    "inv": "pinv",
}


class _Mutator:
    """Every single-point change of a function's syntax tree, one mutant at a time."""

    def __init__(self, source: str) -> None:
        self.tree = ast.parse(source)
        self.nodes = [node for node in ast.walk(self.tree.body[0]) if node is not self.tree.body[0]]

    def mutants(self) -> Iterator[tuple[str, str]]:
        for index in range(len(self.nodes)):
            for label, change in self._changes(self.nodes[index]):
                tree = copy.deepcopy(self.tree)
                target = [n for n in ast.walk(tree.body[0]) if n is not tree.body[0]][index]
                if change(target, tree):
                    yield label, ast.unparse(ast.fix_missing_locations(tree))

    def _changes(self, node: ast.AST) -> Iterator[tuple[str, Callable]]:
        if isinstance(node, ast.BinOp) and type(node.op) in SWAPS:
            yield "operator swapped", lambda n, t: _set(n, "op", SWAPS[type(n.op)]())
            yield "left term dropped", lambda n, t: _replace(t, n, n.right)
            yield "right term dropped", lambda n, t: _replace(t, n, n.left)
        if isinstance(node, ast.BinOp) and isinstance(node.op, ast.MatMult):
            yield "operands of @ swapped", lambda n, t: _set(n, "left", n.right, "right", n.left)
        if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
            yield "minus dropped", lambda n, t: _replace(t, n, n.operand)
        if isinstance(node, ast.Constant) and isinstance(node.value, float | int):
            if not isinstance(node.value, bool):
                yield "constant changed", lambda n, t: _set(n, "value", n.value * 2 + 1)
        if isinstance(node, ast.Attribute) and node.attr == "T":
            yield "transpose dropped", lambda n, t: _replace(t, n, n.value)
        if isinstance(node, ast.Attribute) and node.attr in RELATIVES:
            yield f"{node.attr} replaced", lambda n, t: _set(n, "attr", RELATIVES[n.attr])
        if isinstance(node, ast.keyword) and node.arg == "axis":
            yield "axis changed", lambda n, t: _set(n, "value", ast.Constant(0))
        if isinstance(node, ast.keyword) and node.arg == "keepdims":
            yield "keepdims dropped", lambda n, t: _set(n, "value", ast.Constant(False))
        if isinstance(node, ast.Call) and len(node.args) >= 2:
            yield "arguments swapped", lambda n, t: _swap_args(n)


def _set(node: ast.AST, *pairs) -> bool:
    for name, value in zip(pairs[::2], pairs[1::2], strict=True):
        setattr(node, name, value)
    return True


def _replace(tree: ast.AST, old: ast.AST, new: ast.AST) -> bool:
    for parent in ast.walk(tree):
        for field, value in ast.iter_fields(parent):
            if value is old:
                setattr(parent, field, new)
                return True
            if isinstance(value, list) and any(item is old for item in value):
                value[next(i for i, item in enumerate(value) if item is old)] = new
                return True
    return False


def _swap_args(node: ast.Call) -> bool:
    node.args[0], node.args[1] = node.args[1], node.args[0]
    return True


def _function(source: str) -> Callable:
    namespace = {"np": np}
    exec(compile(source, "<mutant>", "exec"), namespace)
    return namespace["f"]


def _same(a, b) -> bool:
    try:
        a, b = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
    except (TypeError, ValueError):
        return False
    if a.shape != b.shape and not (a.size == b.size == 1):
        return False
    return bool(np.allclose(a.reshape(b.shape), b, rtol=1e-6, atol=1e-9, equal_nan=True))


def _agrees(mutant: Callable, reference: Callable, exercise: str) -> bool:
    """The oracle: the mutant gives the reference's values on every oracle input."""
    for args in _oracle_inputs(exercise):
        with np.errstate(all="ignore"):
            expected = reference(*(a.copy() if isinstance(a, np.ndarray) else a for a in args))
            try:
                got = mutant(*(a.copy() if isinstance(a, np.ndarray) else a for a in args))
            except Exception:
                return False
        if not _same(got, expected):
            return False
    return True


GENERIC = "but different values"  # the fallback: a failed value property, by how much only


def _plant(exercise: str):
    run, source = REFERENCES[exercise]
    reference = _function(source)
    correct, wrong = [], []
    for label, mutant_source in _Mutator(source).mutants():
        try:
            mutant = _function(mutant_source)
        except Exception:
            continue
        (correct if _agrees(mutant, reference, exercise) else wrong).append(
            (label, mutant_source, mutant)
        )
    return run, correct, wrong


@pytest.mark.parametrize("exercise", list(REFERENCES))
def test_planted_mistakes_fail_and_correct_variants_pass(exercise):
    run, correct, wrong = _plant(exercise)
    assert len(wrong) >= 3, f"too few mutants of {exercise}"
    for label, source, mutant in correct:
        result = run(mutant, quiet=True)
        assert result.passed, (label, source, result.message)
    for label, source, mutant in wrong:
        result = run(mutant, quiet=True)
        assert result.status in ("failed", "error"), (label, source)
        assert 0 <= result.score < 1 and result.message, (label, source)


def test_most_planted_mistakes_get_a_specific_diagnosis(capsys):
    specific, total, generic = 0, 0, []
    for exercise in REFERENCES:
        run, _, wrong = _plant(exercise)
        for label, source, mutant in wrong:
            result = run(mutant, quiet=True)
            total += 1
            if GENERIC in result.message:
                generic.append((exercise, label, source.splitlines()[-1].strip()))
            else:
                specific += 1
    share = specific / total
    with capsys.disabled():
        print(f"\nplanted mistakes with a specific diagnosis: {specific} of {total} ({share:.0%})")
    assert share >= 0.9, generic


def test_the_mutator_plants_each_kind_of_mistake():
    labels = {label for label, _ in _Mutator(REFERENCES["1.4 softmax"][1]).mutants()}
    assert {"operator swapped", "axis changed", "exp replaced", "minus dropped"} <= labels or (
        {"operator swapped", "axis changed", "exp replaced"} <= labels
    )
    gradient = dict(_Mutator(REFERENCES["1.4 gradient"][1]).mutants())
    assert "return np.outer(y_hat - y, x)" in gradient["arguments swapped"]
    assert math.isclose(len(list(_Mutator("def f(a):\n    return a.T\n").mutants())), 1)


# Causes that name a kind of mistake with several forms, each form recognised by its own values
CATEGORIES = (
    # XᵀX inverted after Xᵀ, X used where Xᵀ belongs, (XXᵀ)⁻¹: every one is a wrong order
    "the formula's factors are in the wrong order",
    # right for ordinary logits, not finite for large ones: e^z overflows, whichever shift
    # (none, +max, −min) the code makes; named only when ordinary logits give the right answer
    "softmax([1000, 0]) gives NaN: e^1000 overflows",
    "for logits of ±900 ŷ holds inf or NaN: e^900 overflows",
    "for logits of ±900 the new weights hold inf or NaN: e^900 overflows",
)


def _outcome(function: Callable, args: tuple):
    """What ``function`` gives on ``args``: its values, or the type of its exception."""
    with np.errstate(all="ignore"):
        try:
            return function(*(a.copy() if isinstance(a, np.ndarray) else a for a in args))
        except Exception as error:
            return type(error)


def _same_mistake(one: Callable, other: Callable, exercise: str) -> bool:
    """Two mutants make the same mistake when they give the same values (or raise the same
    exception) on every oracle input."""
    for args in _oracle_inputs(exercise):
        a, b = _outcome(one, args), _outcome(other, args)
        if isinstance(a, type) or isinstance(b, type):
            if a is not b:
                return False
        elif not _same(a, b):
            return False
    return True


@pytest.mark.parametrize("exercise", list(REFERENCES))
def test_each_planted_mistake_gets_its_own_cause(exercise, capsys):
    """A verdict that names a cause names that mistake's: two planted mistakes named with the
    same cause must be the same mistake (the same values everywhere, not only on the checks'
    probes). Look-alikes, mutants the checks' probes cannot tell apart, therefore get
    different verdicts or both fall back to saying what is observed."""
    run, _, wrong = _plant(exercise)
    by_cause: dict[str, list] = {}
    for label, source, mutant in wrong:
        result = run(mutant, quiet=True)
        if result.named:
            by_cause.setdefault(result.message, []).append((label, source, mutant))
    for message, planted in by_cause.items():
        if message.startswith(CATEGORIES):
            continue
        first = planted[0]
        for other in planted[1:]:
            assert _same_mistake(first[2], other[2], exercise), (message, first[1], other[1])
    named = sum(len(p) for p in by_cause.values())
    with capsys.disabled():
        print(f"\n{exercise}: {named} of {len(wrong)} planted mistakes named with a cause")
