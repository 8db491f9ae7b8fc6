"""Changes of a value turned into a class where the formula keeps the value: a probability
rounded, or compared with a threshold, or made into a one-hot row of its largest entry; and a
one-hot label encoded again."""

from __future__ import annotations

import ast
from collections.abc import Iterator

from .ast_edits import Change, _at, _called, _text

_ROUNDING = {"round", "rint", "floor", "ceil", "around", "int", "sign", "heaviside"}


def _rounded(node: ast.expr, lines: list[str]) -> Iterator[Change]:
    """A value rounded to a whole number or a class where the formula uses it as it is:
    ``np.round(p)``, ``(p > 0.5)`` (with ``.astype``, or in ``np.where``), a one-hot row of
    ``np.argmax(p)``."""
    text = _text(node, lines)
    kept = _unrounded(node)
    if text is None or kept is None:
        return
    value = f"`{ast.unparse(kept)}`"
    if isinstance(node, ast.Subscript):
        done = f"keeps only the largest entry of {value} (a one-hot row of its class)"
    elif any(isinstance(n, ast.Compare) for n in ast.walk(node)):
        done = f"turns {value} into a class (0 or 1) by a threshold"
    elif _called(node.func) in ("round", "around") and len(node.args) == 2:
        done = f"rounds {value} to {ast.unparse(node.args[1])} decimals"
    else:
        done = f"rounds {value} to a whole number"
    yield (
        "rounding",
        f"`{text}` {done}, where the formula uses the value itself",
        _at(node, lambda n: _unrounded(n) or n),
        node.lineno,
    )


def _inside_rounding(tree: ast.AST) -> set[int]:
    """The thresholds inside a rounding (``(p > 0.5).astype(float)``): told with it, once."""
    inner = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and _called(node.func) == "astype":
            inner.add(id(node.func.value))
        elif isinstance(node, ast.Call) and _called(node.func) == "where" and node.args:
            inner.add(id(node.args[0]))
    return inner


def _unrounded(node: ast.expr) -> ast.expr | None:
    """What ``node`` rounds, or None when it rounds nothing."""
    if isinstance(node, ast.Compare) and len(node.comparators) == 1:
        if isinstance(node.ops[0], ast.Gt | ast.GtE | ast.Lt | ast.LtE):
            return node.left  # a threshold: p > 0.5
    if isinstance(node, ast.Subscript) and isinstance(node.slice, ast.Call):
        inner = node.slice  # np.eye(k)[np.argmax(p)]: a one-hot row of the largest
        if _called(inner.func) == "argmax" and inner.args:
            return inner.args[0]
    if not isinstance(node, ast.Call):
        return None
    called = _called(node.func)
    if called in _ROUNDING and node.args:
        return node.args[0]
    if called == "astype" and isinstance(node.func, ast.Attribute):
        return _unrounded(node.func.value)
    if called == "where" and len(node.args) == 3:
        return _unrounded(node.args[0])
    return None


def _encoded_again(node: ast.expr, lines: list[str], parameters: list[str]) -> Iterator[Change]:
    """``np.eye(K)[y]`` where ``y``, a parameter, is one-hot already."""
    text = _text(node, lines)
    if text is None or not isinstance(node, ast.Subscript):
        return
    label = node.slice
    if not (isinstance(node.value, ast.Call) and _called(node.value.func) in ("eye", "identity")):
        return
    if isinstance(label, ast.Name) and label.id in parameters:
        yield (
            "onehot",
            f"`{text}` one-hot encodes `{label.id}`, which is one-hot already (one row of the "
            "identity per class is what it holds)",
            _at(node, lambda n: n.slice),
            node.lineno,
        )
