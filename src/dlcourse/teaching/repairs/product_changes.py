"""Changes of a product of vectors in a learner's code: a product of two vectors where the
formula has an outer product (or the other way round), the factors of ``np.outer`` or
``np.dot`` swapped, a ``.T`` the formula does not have."""

from __future__ import annotations

import ast
from collections.abc import Iterator

from .ast_edits import Change, _at, _numpy_call, _text, _untransposed


def _call_order(node: ast.Call, lines: list[str]) -> Iterator[Change]:
    """The two factors of ``np.outer``, ``np.dot`` or ``np.matmul`` in the opposite order."""
    text = _text(node, lines)
    called = node.func.attr if isinstance(node.func, ast.Attribute) else None
    if text is None or called not in ("outer", "dot", "matmul") or len(node.args) != 2:
        return
    yield (
        "order",
        f"the two factors of `{text}` are in the opposite order (`{called}` depends on the "
        "order of its factors"
        + ("; swapped, its result is transposed)" if called == "outer" else ")"),
        _at(node, lambda n: ast.Call(n.func, n.args[::-1], n.keywords)),
        node.lineno,
    )


def _outer(node: ast.BinOp, lines: list[str]) -> Iterator[Change]:
    """A product of two vectors where the formula's column times row is an outer product."""
    text = _text(node, lines)
    numbers = (ast.Constant, ast.UnaryOp)
    if text is None or not isinstance(node.op, ast.MatMult | ast.Mult):
        return
    if isinstance(node.left, numbers) or isinstance(node.right, numbers):
        return
    said = (
        f"`{text}` multiplies two vectors "
        + ("entry by entry" if isinstance(node.op, ast.Mult) else "into one number (a dot product")
        + ("" if isinstance(node.op, ast.Mult) else "; `.T` does nothing to a 1-D array)")
        + ", where the formula's column times row is an outer product, a matrix (np.outer)"
    )
    column = ast.unparse(_untransposed(node.right))
    for flipped in (False, True):  # `(ŷ − y) * x` for x (ŷ − y)ᵀ: the column is written second
        yield (
            "outer",
            said + (f", with `{column}` as its column" if flipped else ""),
            _at(node, lambda n, f=flipped: _numpy_call(("outer",), _pair(n, f))),
            node.lineno,
        )


def _pair(node: ast.BinOp, flipped: bool) -> list[ast.expr]:
    pair = [_untransposed(node.left), _untransposed(node.right)]
    return pair[::-1] if flipped else pair


def _outer_calls(node: ast.Call, lines: list[str]) -> Iterator[Change]:
    """``np.dot(a, b.T)`` of two vectors where the formula's column times row is an outer
    product."""
    text = _text(node, lines)
    called = node.func.attr if isinstance(node.func, ast.Attribute) else None
    if text is None or called not in ("dot", "matmul") or len(node.args) != 2:
        return
    if any(isinstance(a, ast.Constant | ast.UnaryOp) for a in node.args):
        return
    yield (
        "outer",
        f"`{text}` multiplies two vectors into one number (a dot product; `.T` does nothing "
        "to a 1-D array), where the formula's column times row is an outer product, a matrix "
        "(np.outer)",
        _at(node, lambda n: _numpy_call(("outer",), [_untransposed(a) for a in n.args])),
        node.lineno,
    )


def _not_outer(node: ast.Call, lines: list[str]) -> Iterator[Change]:
    """``np.outer(a, b)`` where the formula multiplies a vector by one number, entry by entry:
    the outer product adds an axis."""
    text = _text(node, lines)
    called = node.func.attr if isinstance(node.func, ast.Attribute) else None
    if text is None or called != "outer" or len(node.args) != 2:
        return
    yield (
        "outer",
        f"`{text}` is an outer product, a matrix, where the formula multiplies entry by entry "
        "(one number times a vector: `*`)",
        _at(node, lambda n: ast.BinOp(n.args[0], ast.Mult(), n.args[1])),
        node.lineno,
    )


def _transposes(node: ast.Attribute, lines: list[str], in_products: set[int]) -> Iterator[Change]:
    """A ``.T`` the formula does not have, outside a matrix product (those are changed with
    the product, :func:`_transposed`)."""
    text = _text(node, lines)
    if text is None or node.attr != "T" or id(node) in in_products:
        return
    yield (
        "transpose",
        f"`{text}` is transposed where the formula has `{ast.unparse(node.value)}` as it is",
        _at(node, lambda n: n.value),
        node.lineno,
    )


def _factors_of_products(tree: ast.AST) -> set[int]:
    """The factors of the matrix products in ``tree``."""
    return {
        id(side)
        for node in ast.walk(tree)
        if isinstance(node, ast.BinOp) and isinstance(node.op, ast.MatMult)
        for side in (node.left, node.right)
    }
