"""Changes of one call in a learner's code: a reduction's axis, Python's ``math.exp`` or ``max``
for NumPy's, a mean for a sum, a sum over every entry too many, an integer dtype, two
arguments of a call to the learner's own function swapped."""

from __future__ import annotations

import ast
import types
from collections.abc import Iterator
from typing import Any

from .ast_edits import Change, _at, _is_module_call, _numpy_call, _text

_REDUCTIONS = {"sum", "max", "min", "mean", "amax", "amin", "logsumexp"}


_MATH = {"exp", "log", "sqrt", "tanh", "log1p", "expm1", "fabs", "pow"}


_BUILTINS = {"max": "max", "min": "min", "sum": "sum", "abs": "abs", "pow": "power"}


_LIKE = {"zeros_like", "ones_like", "empty_like", "full_like", "zeros", "ones", "empty", "full"}


def _axes(node: ast.Call, lines: list[str]) -> Iterator[Change]:
    """A reduction along another axis than the last, or over every axis at once."""
    called = node.func.attr if isinstance(node.func, ast.Attribute) else None
    text = _text(node, lines)
    if called not in _REDUCTIONS or text is None:
        return
    axis = next((k for k in node.keywords if k.arg == "axis"), None)
    if axis is None and len(node.args) <= (1 if _is_module_call(node) else 0):
        yield (
            "axis",
            f"`{text}` works over all the entries at once, where it should work along one "
            "axis (each sample's own values, a row of a batch: the last axis)",
            _at(node, _along_last_axis),
            node.lineno,
        )
    elif axis is not None and isinstance(axis.value, ast.Constant | ast.UnaryOp):
        if ast.unparse(axis.value) != "-1":
            kept = any(k.arg == "keepdims" for k in node.keywords)
            yield (
                "axis",
                f"`{text}` works along axis {ast.unparse(axis.value)}, the wrong axis: each "
                "sample's own values (a row of a batch) lie along the last axis"
                + ("" if kept else ", and keepdims=True keeps that axis for the rows to line up"),
                _at(node, _along_last_axis),
                node.lineno,
            )
        if ast.unparse(axis.value) not in ("0", "-1"):
            yield (
                "axis",
                f"`{text}` works along axis {ast.unparse(axis.value)}, where the formula's sum "
                "runs along axis 0 (the first index)",
                _at(node, _along_first_axis),
                node.lineno,
            )
        elif not any(k.arg == "keepdims" for k in node.keywords):
            yield (
                "axis",
                f"`{text}` drops the axis it works along, so its result no longer lines up row "
                "by row with the array it meets (keepdims=True keeps that axis)",
                _at(node, _along_last_axis),
                node.lineno,
            )


def _functions(node: ast.Call, lines: list[str]) -> Iterator[Change]:
    """Python's ``math.exp`` (or ``max``, ``sum``, ...) where NumPy's, which works on every
    entry of an array, belongs; and an exponent with the wrong sign."""
    text = _text(node, lines)
    if text is None:
        return
    function = node.func
    if (
        isinstance(function, ast.Attribute)
        and isinstance(function.value, ast.Name)
        and function.value.id == "math"
        and function.attr in _MATH
    ):
        numpy_name = "power" if function.attr == "pow" else function.attr
        numpy_name = "abs" if numpy_name == "fabs" else numpy_name
        yield (
            "function",
            f"`{text}` uses Python's `math.{function.attr}`, which takes one number at a "
            f"time; NumPy's `np.{numpy_name}` works on every entry of an array",
            _at(node, lambda n, f=numpy_name: _numpy_call((f,), n.args)),
            node.lineno,
        )
    elif isinstance(function, ast.Name) and function.id in _BUILTINS and not node.keywords:
        numpy_name = _BUILTINS[function.id]
        if function.id in ("max", "min") and len(node.args) == 2:
            numpy_name = f"{function.id}imum"
        if len(node.args) == 1 or (len(node.args) == 2 and function.id != "sum"):
            yield (
                "function",
                f"`{text}` uses Python's own `{function.id}`, made for single numbers and "
                f"lists; NumPy's `np.{numpy_name}` is the one for arrays",
                _at(node, lambda n, f=numpy_name: _numpy_call((f,), n.args)),
                node.lineno,
            )
    called = function.attr if isinstance(function, ast.Attribute) else None
    if called == "exp" and len(node.args) == 1 and not isinstance(node.args[0], ast.UnaryOp):
        yield (
            "sign",
            f"the exponent in `{text}` has the opposite sign in the formula",
            _at(node, lambda n: ast.Call(n.func, [ast.UnaryOp(ast.USub(), n.args[0])], [])),
            node.lineno,
        )


def _averages(node: ast.Call, lines: list[str]) -> Iterator[Change]:
    """A mean where the formula sums, or a sum where it averages."""
    called = node.func.attr if isinstance(node.func, ast.Attribute) else None
    text = _text(node, lines)
    if called not in ("mean", "sum") or text is None:
        return
    other = "sum" if called == "mean" else "mean"
    said = (
        "averages where the formula sums" if called == "mean" else "sums where the formula averages"
    )
    yield (
        "average",
        f"`{text}` {said}",
        _at(
            node,
            lambda n: ast.Call(ast.Attribute(n.func.value, other, ast.Load()), n.args, n.keywords),
        ),
        node.lineno,
    )


def _integers(node: ast.Call, lines: list[str]) -> Iterator[Change]:
    """An array of integers (``np.zeros_like`` of integer input, ``astype(int)``) where the
    values are fractions."""
    text = _text(node, lines)
    called = node.func.attr if isinstance(node.func, ast.Attribute) else None
    if text is None or called is None:
        return
    dtype = next((k for k in node.keywords if k.arg == "dtype"), None)
    if called in _LIKE and (called.endswith("_like") or dtype is not None):
        if dtype is None or ast.unparse(dtype.value) not in ("float", "np.float64"):
            yield (
                "integer",
                f"`{text}` makes an array of the dtype "
                + ("it is given" if dtype is not None else "of its argument")
                + ", which can be integers: the fractions written into it are then cut to whole "
                "numbers",
                _at(node, _as_floats),
                node.lineno,
            )
    if (
        called == "astype"
        and len(node.args) == 1
        and ast.unparse(node.args[0]) in ("int", "np.int64", "np.int32")
    ):
        yield (
            "integer",
            f"`{text}` turns the values into whole numbers, which the formula does not",
            _at(node, lambda n: ast.Call(n.func, [ast.Name("float", ast.Load())], [])),
            node.lineno,
        )


def _as_floats(node: ast.Call) -> ast.Call:
    keywords = [k for k in node.keywords if k.arg != "dtype"]
    return ast.Call(
        node.func, node.args, [*keywords, ast.keyword("dtype", ast.Name("float", ast.Load()))]
    )


def _swapped_arguments(
    node: ast.Call, lines: list[str], notebook: dict[str, Any]
) -> Iterator[Change]:
    """Two arguments of a call to one of the learner's functions in each other's place."""
    text = _text(node, lines)
    if text is None or not _learners_call(node, notebook):
        return
    for i in range(len(node.args)):
        for j in range(i + 1, min(len(node.args), 4)):
            a, b = ast.unparse(node.args[i]), ast.unparse(node.args[j])

            def swap(n: ast.Call, i: int = i, j: int = j) -> ast.Call:
                args = list(n.args)
                args[i], args[j] = args[j], args[i]
                return ast.Call(n.func, args, n.keywords)

            yield (
                "arguments",
                f"`{text}` passes `{a}` and `{b}` swapped, each in the other's place (compare "
                f"with the order of `{node.func.id}`'s parameters)",
                _at(node, swap),
                node.lineno,
            )


def _learners_call(node: ast.Call, notebook: dict[str, Any]) -> bool:
    """Whether ``node`` calls one of the learner's own functions, with plain arguments."""
    called = notebook.get(node.func.id) if isinstance(node.func, ast.Name) else None
    return (
        isinstance(called, types.FunctionType)
        and called.__globals__ is notebook
        and not any(isinstance(a, ast.Starred) for a in node.args)
    )


def _other_arguments(
    node: ast.Call, lines: list[str], notebook: dict[str, Any], parameters: list[str]
) -> Iterator[Change]:
    """A parameter passed to one of the learner's functions where another parameter, which
    this call does not pass, belongs (``calc_gradient(y, y_hat, w)`` for ``x_i``)."""
    text = _text(node, lines)
    if text is None or not _learners_call(node, notebook):
        return
    passed = {a.id for a in node.args if isinstance(a, ast.Name)}
    for i, argument in enumerate(node.args):
        if not isinstance(argument, ast.Name) or argument.id not in parameters:
            continue
        for other in parameters:
            if other in passed:
                continue

            def put(n: ast.Call, i: int = i, other: str = other) -> ast.Call:
                args = list(n.args)
                args[i] = ast.Name(other, ast.Load())
                return ast.Call(n.func, args, n.keywords)

            yield (
                "arguments",
                f"`{text}` passes `{argument.id}` where `{other}` belongs (compare with the "
                f"parameters of `{node.func.id}`)",
                _at(node, put),
                node.lineno,
            )


def _collapsed(node: ast.Call, lines: list[str]) -> Iterator[Change]:
    """A sum or mean over every entry, where the formula keeps one value per entry."""
    called = node.func.attr if isinstance(node.func, ast.Attribute) else None
    text = _text(node, lines)
    if called not in ("sum", "mean") or text is None or node.keywords:
        return
    module = _is_module_call(node)
    if module and len(node.args) == 1:
        yield (
            "reduction",
            f"`{text}` adds up (or averages) every entry into one number, where the formula "
            "keeps one value per entry",
            _at(node, lambda n: n.args[0]),
            node.lineno,
        )
    elif not module and not node.args:
        yield (
            "reduction",
            f"`{text}` adds up (or averages) every entry into one number, where the formula "
            "keeps one value per entry",
            _at(node, lambda n: n.func.value),
            node.lineno,
        )


def _along_last_axis(node: ast.Call) -> ast.Call:
    keywords = [k for k in node.keywords if k.arg not in ("axis", "keepdims")]
    keywords += [
        ast.keyword("axis", ast.Constant(-1)),
        ast.keyword("keepdims", ast.Constant(True)),
    ]
    return ast.Call(node.func, node.args, keywords)


def _along_first_axis(node: ast.Call) -> ast.Call:
    keywords = [k for k in node.keywords if k.arg != "axis"]
    return ast.Call(node.func, node.args, [*keywords, ast.keyword("axis", ast.Constant(0))])
