"""Changes that put one thing of a learner's code in the place of another: a column of ones
added to inputs that already hold the bias column, a call to one of the learner's functions
where another of them belongs (``sigmoid`` where the formula has ``softmax``), a loop or a
slice that starts at 1 and skips the first entry, a shape written as numbers."""

from __future__ import annotations

import ast
import types
from collections.abc import Iterator
from typing import Any

from .ast_edits import Change, _at, _called, _is_number, _text

_JOINS = {"hstack", "column_stack", "concatenate", "append", "c_", "r_", "insert"}


def _bias_columns(node: ast.expr, lines: list[str]) -> Iterator[Change]:
    """``np.hstack([np.ones((n, 1)), X])``, ``np.c_[1, x]``, ``np.insert(x, 0, 1)``, ...: a
    column (or an entry) of ones put before inputs that already start with theirs."""
    text = _text(node, lines)
    inputs = _without_ones(node)
    if text is None or inputs is None:
        return
    yield (
        "bias",
        f"`{text}` adds a column of ones to `{ast.unparse(inputs)}`, which already has its "
        "bias column (x₀ = 1)",
        _at(node, lambda n: _without_ones(n) or n),
        node.lineno,
    )


def _without_ones(node: ast.expr) -> ast.expr | None:
    """What ``node`` joins a column of ones to, or None when it joins nothing of the kind."""
    if isinstance(node, ast.Subscript) and _called(node.value) in ("c_", "r_"):
        parts = list(node.slice.elts) if isinstance(node.slice, ast.Tuple) else []
    elif isinstance(node, ast.Call) and _called(node.func) in _JOINS and node.args:
        first = node.args[0]
        if _called(node.func) == "insert":  # np.insert(x, 0, 1): x
            ones = len(node.args) >= 3 and _is_ones(node.args[2])
            return first if ones and _is_number(node.args[1], 0) else None
        parts = list(first.elts) if isinstance(first, ast.List | ast.Tuple) else list(node.args)
    else:
        return None
    if len(parts) != 2:
        return None
    if _is_ones(parts[0]) and not _is_ones(parts[1]):
        return parts[1]
    if _is_ones(parts[1]) and not _is_ones(parts[0]):
        return parts[0]
    return None


def _is_ones(node: ast.expr) -> bool:
    if _is_number(node, 1):
        return True
    if isinstance(node, ast.List | ast.Tuple):
        return len(node.elts) == 1 and _is_number(node.elts[0], 1)
    return isinstance(node, ast.Call) and _called(node.func) in ("ones", "ones_like")


def _other_functions(
    node: ast.Call, lines: list[str], notebook: dict[str, Any], answers: tuple[str, ...]
) -> Iterator[Change]:
    """A call to one of the learner's functions where one of the learner's answers, taking as
    many arguments, belongs (``sigmoid(z)`` where the formula has ``softmax(z)``). Only the
    lesson's answers are tried in its place: another function of the notebook could do
    anything."""
    text = _text(node, lines)
    if text is None or not isinstance(node.func, ast.Name) or node.keywords:
        return
    called = notebook.get(node.func.id)
    if not _learners(called, notebook):  # it calls it already; others: answers only
        return
    for name in answers:
        other = notebook.get(name)
        if other is called or not _learners(other, notebook):
            continue
        if other.__code__.co_argcount != len(node.args) or other.__name__ != name:
            continue
        yield (
            "called",
            f"`{text}` calls `{node.func.id}` where the formula has your `{name}`",
            _at(node, lambda n, f=name: ast.Call(ast.Name(f, ast.Load()), n.args, [])),
            node.lineno,
        )


def _learners(function: Any, notebook: dict[str, Any]) -> bool:
    """Whether ``function`` is a function of the learner's notebook (not imported)."""
    return isinstance(function, types.FunctionType) and function.__globals__ is notebook


def _first_entries(node: ast.expr, lines: list[str]) -> Iterator[Change]:
    """``range(1, n)`` or ``x[1:]`` where the formula starts at the first entry (the bias, the
    first class), and ``range(n - 1)`` where it ends at the last."""
    text = _text(node, lines)
    if text is None:
        return
    if isinstance(node, ast.Call) and _called(node.func) == "range" and not node.keywords:
        if len(node.args) == 2 and _is_number(node.args[0], 1):
            yield (
                "range",
                f"`{text}` starts at 1, so it skips the first entry (index 0: the bias, or the "
                "first class)",
                _at(node, lambda n: ast.Call(n.func, [n.args[1]], [])),
                node.lineno,
            )
        last = node.args[-1] if len(node.args) in (1, 2) else None
        if isinstance(last, ast.BinOp) and isinstance(last.op, ast.Sub):
            if _is_number(last.right, 1):
                yield (
                    "range",
                    f"`{text}` stops one entry early: `range` already leaves out its end",
                    _at(node, lambda n: ast.Call(n.func, [*n.args[:-1], n.args[-1].left], [])),
                    node.lineno,
                )
    elif isinstance(node, ast.Subscript) and isinstance(node.slice, ast.Slice):
        part = node.slice
        if _is_number(part.lower, 1) and part.upper is None and part.step is None:
            yield (
                "range",
                f"`{text}` leaves out the first entry (index 0: the bias, or the first class)",
                _at(node, lambda n: n.value),
                node.lineno,
            )


def _new_axes(node: ast.expr, lines: list[str]) -> Iterator[Change]:
    """``x[np.newaxis, :]`` or ``x[None]``: an axis the formula does not have."""
    text = _text(node, lines)
    if text is None or not isinstance(node, ast.Subscript):
        return
    parts = node.slice.elts if isinstance(node.slice, ast.Tuple) else [node.slice]
    new = [p for p in parts if _is_new_axis(p)]
    if not new or not all(_is_new_axis(p) or _is_whole(p) for p in parts):
        return
    yield (
        "size",
        f"`{text}` gives `{ast.unparse(node.value)}` an axis of length 1 the formula does not "
        "have (a row or a column); it uses the array as it is",
        _at(node, lambda n: n.value),
        node.lineno,
    )


def _is_new_axis(node: ast.expr) -> bool:
    return (isinstance(node, ast.Constant) and node.value is None) or _called(node) == "newaxis"


def _is_whole(node: ast.expr) -> bool:
    return isinstance(node, ast.Slice) and node.lower is None and node.upper is None


def _reshaped(node: ast.Call, lines: list[str], parameters: list[str]) -> Iterator[Change]:
    """``g.reshape(5, 1)``: a shape written as numbers, where it is the shape of one of the
    inputs."""
    text = _text(node, lines)
    if text is None or _called(node.func) != "reshape" or node.keywords or not node.args:
        return
    shape = node.args[-1] if len(node.args) == 1 else None
    numbers = shape.elts if isinstance(shape, ast.Tuple) else node.args
    if not isinstance(node.func, ast.Attribute) or not all(
        isinstance(n, ast.Constant | ast.UnaryOp) for n in numbers
    ):
        return
    for parameter in parameters:
        shaped = ast.Attribute(ast.Name(parameter, ast.Load()), "shape", ast.Load())
        if ast.unparse(node.func.value) == parameter:
            said = (
                f"`{text}` gives `{parameter}` another shape than the one it is given (an axis "
                "of length 1 more or less); the formula uses it as it is"
            )
        else:
            said = (
                f"`{text}` writes a shape as numbers: it fits the notebook's data, not other "
                f"shapes; it is the shape of `{parameter}`"
            )
        yield (
            "size",
            said,
            _at(node, lambda n, s=shaped: ast.Call(n.func, [s], [])),
            node.lineno,
        )
