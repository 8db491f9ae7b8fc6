"""Changes of one operator of a learner's code: ``*`` for ``@``, the factors of ``@`` swapped
or transposed, a sign, ``1 −`` too many, ``1 / A`` for a matrix inverse, ``//`` for ``/``, a
division by the number of samples, factors too many."""

from __future__ import annotations

import ast
from collections.abc import Callable, Iterator
from typing import Any

from .ast_edits import (
    Change,
    _at,
    _has_product,
    _is_count,
    _is_number,
    _numpy_call,
    _text,
)


def _products(node: ast.BinOp, lines: list[str]) -> Iterator[Change]:
    """``*`` where ``@`` belongs, and the two factors of ``@`` swapped."""
    text = _text(node, lines)
    if text is None:
        return
    numbers = (ast.Constant, ast.UnaryOp)
    if isinstance(node.op, ast.Mult) and not isinstance(node.left, numbers):
        if not isinstance(node.right, numbers):
            yield (
                "product",
                f"`{text}` multiplies entry by entry (`*`) where the formula has a dot or "
                "matrix product (`@`)",
                _at(node, lambda n: ast.BinOp(n.left, ast.MatMult(), n.right)),
                node.lineno,
            )
    if isinstance(node.op, ast.MatMult):
        yield (
            "order",
            f"the two factors of `{text}` are in the opposite order (a matrix product depends "
            "on the order of its factors)",
            _at(node, lambda n: ast.BinOp(n.right, ast.MatMult(), n.left)),
            node.lineno,
        )
        for side in ("left", "right"):
            yield from _transposed(node, side, text)


def _transposed(node: ast.BinOp, side: str, text: str) -> Iterator[Change]:
    """One factor of ``@`` transposed where the formula has it as it is, or the other way."""
    factor = getattr(node, side)
    if isinstance(factor, ast.Constant):
        return
    if isinstance(factor, ast.Attribute) and factor.attr == "T":
        description = (
            f"`{ast.unparse(factor)}` in `{text}` should not be transposed: "
            f"`{ast.unparse(factor.value)}` as it is gives the right answer"
        )
        undo: Callable[[Any], ast.AST] = lambda f: f.value  # noqa: E731
    else:
        description = f"`{ast.unparse(factor)}` in `{text}` should be transposed (`.T`)"
        undo = lambda f: ast.Attribute(f, "T", ast.Load())  # noqa: E731

    def change(n: ast.BinOp) -> ast.BinOp:
        sides = {"left": n.left, "right": n.right}
        sides[side] = undo(sides[side])
        return ast.BinOp(sides["left"], n.op, sides["right"])

    yield ("transpose", description, _at(node, change), node.lineno)


def _signs(node: ast.BinOp, lines: list[str]) -> Iterator[Change]:
    """A subtraction the other way round, ``+`` for ``−`` or ``−`` for ``+``, and ``1 − p``
    where the formula has ``p``."""
    text = _text(node, lines)
    if text is None or not isinstance(node.op, ast.Add | ast.Sub):
        return
    if isinstance(node.op, ast.Sub):
        right = ast.unparse(node.right)
        swapped = ast.unparse(ast.BinOp(node.right, ast.Sub(), node.left))
        yield (
            "sign",
            f"`{text}` subtracts the other way round: `{swapped}` gives the right answer (the "
            "sign of the result is flipped)",
            _at(node, lambda n: ast.BinOp(n.right, ast.Sub(), n.left)),
            node.lineno,
        )
        yield (
            "sign",
            f"`{text}` subtracts where the formula adds",
            _at(node, lambda n: ast.BinOp(n.left, ast.Add(), n.right)),
            node.lineno,
        )
        if isinstance(node.left, ast.Constant) and node.left.value == 1:
            yield (
                "complement",
                f"`{text}` is one minus `{right}`: the formula takes `{right}` itself here",
                _at(node, lambda n: n.right),
                node.lineno,
            )
    else:
        yield (
            "sign",
            f"`{text}` adds where the formula subtracts",
            _at(node, lambda n: ast.BinOp(n.left, ast.Sub(), n.right)),
            node.lineno,
        )


def _minus(node: ast.UnaryOp, lines: list[str]) -> Iterator[Change]:
    """A minus sign the formula does not have."""
    text = _text(node, lines)
    if text is not None and isinstance(node.op, ast.USub):
        if not isinstance(node.operand, ast.Constant):
            yield (
                "sign",
                f"`{text}` has a minus sign the formula does not have there",
                _at(node, lambda n: n.operand),
                node.lineno,
            )


def _inverses(node: ast.BinOp, lines: list[str]) -> Iterator[Change]:
    """``1 / A`` or ``A ** -1`` where the formula has the inverse of the matrix A."""
    text = _text(node, lines)
    if text is None:
        return
    side = None  # where the matrix is
    if isinstance(node.op, ast.Div) and _is_number(node.left, 1):
        side = "right"
    elif isinstance(node.op, ast.Pow) and _is_number(node.right, -1):
        side = "left"
    if side is not None and _has_product(getattr(node, side)):
        yield (
            "inverse",
            f"`{text}` takes the reciprocal of each entry; the formula's inverse of a matrix "
            "is the matrix inverse (np.linalg.inv), which is not that",
            _at(node, lambda n, s=side: _numpy_call(("linalg", "inv"), [getattr(n, s)])),
            node.lineno,
        )


def _divisions(node: ast.BinOp, lines: list[str]) -> Iterator[Change]:
    """``//`` where ``/`` belongs, and a division by the number of samples the formula does
    not have."""
    text = _text(node, lines)
    if text is None:
        return
    if isinstance(node.op, ast.FloorDiv):
        yield (
            "integer",
            f"`{text}` divides with `//`, which rounds down to a whole number; `/` keeps the "
            "fraction",
            _at(node, lambda n: ast.BinOp(n.left, ast.Div(), n.right)),
            node.lineno,
        )
    if isinstance(node.op, ast.Div) and _is_count(node.right):
        yield (
            "average",
            f"`{text}` divides by `{ast.unparse(node.right)}`, which the formula does not "
            "(it sums, it does not average)",
            _at(node, lambda n: n.left),
            node.lineno,
        )


def _factors(node: ast.BinOp, lines: list[str], links: set[int]) -> Iterator[Change]:
    """Factors (or a divisor) the formula does not have at that place: in a product of
    ``a * b * c``, a run of neighbouring factors left out (``ŷ(1 − ŷ)`` multiplied in again);
    ``a / b`` where the formula has ``a``. ``links`` are the products that are part of a
    longer one: the longer one is changed, once."""
    text = _text(node, lines)
    if text is None or id(node) in links:
        return
    if isinstance(node.op, ast.Div) and not _is_count(node.right):  # _divisions tells those
        yield (
            "factor",
            f"`{text}` divides by `{ast.unparse(node.right)}`, which the formula does not "
            "have there",
            _at(node, lambda n: n.left),
            node.lineno,
        )
    if not isinstance(node.op, ast.Mult):
        return
    factors = _product_factors(node)
    for size in range(1, len(factors)):
        for first in range(len(factors) - size + 1):
            left_out = factors[first : first + size]
            kept = [i for i in range(len(factors)) if not first <= i < first + size]
            shown = ast.unparse(_product(left_out, list(range(size))))
            yield (
                "factor",
                f"`{text}` multiplies by `{shown}`, "
                + ("a factor" if size == 1 else "factors")
                + " the formula does not have there",
                _at(node, lambda n, k=kept: _product(_product_factors(n), k)),
                node.lineno,
            )


def _terms(node: ast.BinOp, lines: list[str]) -> Iterator[Change]:
    """A term the formula does not have: ``a + b`` where the formula has ``a`` (or ``b``),
    ``a - b`` where it has ``a`` (the bias added a second time, say). Only a term that is one
    name or number: leaving out a computed term (a whole step) would explain a mistake by
    removing what the formula needs elsewhere."""
    text = _text(node, lines)
    if text is None or not isinstance(node.op, ast.Add | ast.Sub):
        return
    for side in ("right", "left") if isinstance(node.op, ast.Add) else ("right",):
        term = getattr(node, side)
        if not isinstance(term, ast.Name | ast.Constant | ast.Subscript | ast.Attribute):
            continue
        if _is_number(term, 1) or _is_number(term, 0):
            continue  # `1 + e^(-z)`, `1 - p`: told by the other changes
        yield (
            "term",
            f"`{text}` "
            + ("adds" if isinstance(node.op, ast.Add) else "subtracts")
            + f" `{ast.unparse(term)}`, a term the formula does not have there",
            _at(node, lambda n, s=side: n.left if s == "right" else n.right),
            node.lineno,
        )


def _product_factors(node: ast.expr) -> list[ast.expr]:
    """The factors of the product ``node`` starts, left to right (``(a * b) * c`` is
    ``a * b * c``)."""
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Mult):
        return [*_product_factors(node.left), node.right]
    return [node]


def _product(factors: list[ast.expr], kept: list[int]) -> ast.expr:
    result = factors[kept[0]]
    for i in kept[1:]:
        result = ast.BinOp(result, ast.Mult(), factors[i])
    return result


def _product_links(tree: ast.AST) -> set[int]:
    """The products that are the left factor of a longer product."""
    return {
        id(node.left)
        for node in ast.walk(tree)
        if isinstance(node, ast.BinOp)
        and isinstance(node.op, ast.Mult)
        and isinstance(node.left, ast.BinOp)
        and isinstance(node.left.op, ast.Mult)
    }
