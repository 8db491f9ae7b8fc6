"""Recording what a learner's function computes, and finding the first step of the lesson's
computation it leaves: checked on small functions whose values are known by hand."""

from __future__ import annotations

import numpy as np

from dlcourse.teaching.localise import localise, reference_quantities
from dlcourse.teaching.recorder import library_roots, record

SKIP = library_roots()


def _has(values, number):
    return any(v.size == 1 and np.isclose(v.item(), number) for v in values)


def test_every_intermediate_value_of_an_expression_is_recorded():
    def f(x):
        return 1 / (1 + np.exp(-(2 * x)))  # 2x, -2x, e^-2x, 1 + e^-2x, then σ(2x)

    result, values = record(f, [0.5], SKIP)
    assert np.isclose(result, 1 / (1 + np.exp(-1.0)))
    for number in (1.0, -1.0, np.exp(-1.0), 1 + np.exp(-1.0)):
        assert _has(values, number), number


def test_the_learners_helpers_are_recorded_too_also_through_a_closure():
    def inner(a):
        return a * 3 + 1  # 3a is a value of its own

    def outer(a):
        return inner(a) - 2

    _, values = record(outer, [2.0], SKIP)
    assert _has(values, 6.0) and _has(values, 7.0) and _has(values, 5.0)


def test_a_function_without_source_is_recorded_line_by_line():
    namespace: dict = {}
    exec("def f(a):\n    b = a * 4\n    return b + 1\n", namespace)
    result, values = record(namespace["f"], [2.0], SKIP)
    assert result == 9.0 and _has(values, 8.0)


def test_the_first_missing_quantity_is_found_in_the_references_order():
    def reference(x):
        z = x * 2
        y_hat = z + 1
        error = y_hat - 10
        return error

    quantities = reference_quantities(reference, (3.0,), ["z", "y_hat", "error"])
    assert [(name, float(v)) for name, v in quantities] == [("z", 6), ("y_hat", 7), ("error", -3)]
    assert localise(quantities, [np.array(6.0), np.array(7.0), np.array(3.0)]).wrong == "error"
    assert localise(quantities, [np.array(6.0), np.array(7.0), np.array(3.0)]).opposite
    found = localise(quantities, [np.array([6.0]), np.array(8.0)])  # (1,) matches a number
    assert found.right == ("z",) and found.wrong == "y_hat" and not found.opposite
    assert localise(quantities, [np.array(v) for v in (6.0, 7.0, -3.0)]).wrong is None
