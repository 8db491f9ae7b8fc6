"""Small changes to a learner's code, each one beginner mistake undone at one place: an
operator precedence (``1 / 1 + np.exp(-z)``), ``*`` where a matrix product belongs, the factors
of a matrix product swapped, a notebook variable or a number used where a parameter belongs,
a reduction along the wrong axis or over every axis.

A change is only a *candidate*: :mod:`dlcourse.teaching.checking` runs the exercise's checks on
each changed copy and names a cause only when exactly one kind of change makes every check
pass. That is evidence no value coincidence gives.

Like :mod:`dlcourse.teaching.recorder`, whose ``_rewrite`` makes the changed copies (passed in
as ``rewrite``), this module is sent to a learner's kernel as source: the standard library and
NumPy only.
"""

from __future__ import annotations

import ast
import inspect
import textwrap
import types
from collections.abc import Callable, Iterator
from typing import Any

import numpy as np

__all__ = ["VARIANT_LIMIT", "variants"]

VARIANT_LIMIT = 24  # changed copies one function may give
_PRECEDENCE = {
    ast.Add: 1,
    ast.Sub: 1,
    ast.Mult: 2,
    ast.Div: 2,
    ast.FloorDiv: 2,
    ast.Mod: 2,
    ast.MatMult: 2,
    ast.Pow: 3,
}
_SYMBOL = {ast.Add: "+", ast.Sub: "-", ast.Mult: "*", ast.Div: "/", ast.FloorDiv: "//"}
_SYMBOL |= {ast.Mod: "%", ast.MatMult: "@", ast.Pow: "**"}
_REDUCTIONS = {"sum", "max", "min", "mean", "amax", "amin", "logsumexp"}

Edit = Callable[[ast.FunctionDef], ast.FunctionDef]
Change = tuple[str, str, Edit]  # its kind, what it undoes, the edit


def variants(
    function: Callable[..., Any], skip: tuple[str, ...], rewrite: Callable[..., Any]
) -> list[tuple[str, str, Callable[..., Any]]]:
    """``(its kind, what the change undoes, a copy of function with that change)`` for each
    candidate change in ``function`` or in one of the learner's functions it calls. The kinds:
    ``precedence``, ``product`` (``*`` for ``@``), ``order`` (of a matrix product's factors),
    ``axis``, ``number`` and ``variable`` (used where a parameter belongs)."""
    found: list[tuple[str, str, Callable[..., Any]]] = []
    for target in _learner_functions(function, skip):
        try:
            source = textwrap.dedent(inspect.getsource(target))
            definition = ast.parse(source).body[0]
        except (OSError, TypeError, SyntaxError, IndentationError, IndexError):
            continue
        if not isinstance(definition, ast.FunctionDef):
            continue
        for kind, description, edit in _edits(definition, source.splitlines(), target):

            def transform(tree: Any, code: Any, edit: Edit = edit, aim: Any = target.__code__):
                return edit(tree) if code is aim else tree

            try:
                changed = rewrite(function, transform, {}, skip, {}, 3)
            except Exception:
                continue
            if changed is not function:
                found.append((kind, description, changed))
            if len(found) >= VARIANT_LIMIT:
                return found
    return found


def _learner_functions(function: Any, skip: tuple[str, ...]) -> list[types.FunctionType]:
    """``function`` and the learner's functions it calls (by name, or from its closure)."""
    found: list[types.FunctionType] = []
    todo = [function]
    while todo and len(found) < 8:
        current = todo.pop(0)
        code = getattr(current, "__code__", None)
        if code is None or code.co_filename.startswith(skip) or current in found:
            continue
        found.append(current)
        names = [current.__globals__.get(name) for name in code.co_names]
        cells = [cell.cell_contents for cell in current.__closure__ or () if _filled(cell)]
        todo += [f for f in names + cells if isinstance(f, types.FunctionType)]
    return found


def _filled(cell: Any) -> bool:
    try:
        cell.cell_contents  # noqa: B018 - an empty cell raises
    except ValueError:
        return False
    return True


def _edits(definition: ast.FunctionDef, lines: list[str], function: Any) -> Iterator[Change]:
    """The candidate changes of one function, each with its description."""
    name = definition.name
    parameters = [a.arg for a in (*definition.args.posonlyargs, *definition.args.args)]
    loads = [n for n in ast.walk(definition) if isinstance(n, ast.Name) and _loaded(n)]
    unused = [p for p in parameters if p not in {n.id for n in loads}]
    assigned = {n.id for n in ast.walk(definition) if isinstance(n, ast.Name) and not _loaded(n)}
    for node in ast.walk(definition):
        if isinstance(node, ast.BinOp):
            yield from _precedence(node, lines)
            yield from _products(node, lines)
        elif isinstance(node, ast.Call):
            yield from _axes(node, lines)
        elif isinstance(node, ast.Constant) and unused and type(node.value) is float:
            for parameter in unused:
                yield (
                    "number",
                    f"`{name}` uses the number {node.value!r} where its parameter `{parameter}` "
                    f"belongs (it never uses `{parameter}`)",
                    _at(node, lambda _, p=parameter: ast.Name(p, ast.Load())),
                )
    notebook = function.__globals__
    for variable in sorted({n.id for n in loads} - assigned - set(parameters)):
        value = notebook.get(variable)
        if isinstance(value, bool) or not isinstance(value, np.ndarray | int | float | np.generic):
            continue
        for parameter in unused:
            yield (
                "variable",
                f"`{name}` reads the notebook's variable `{variable}` where its parameter "
                f"`{parameter}` belongs (it never uses `{parameter}`)",
                _renamed(variable, parameter),
            )


def _loaded(node: ast.Name) -> bool:
    return isinstance(node.ctx, ast.Load)


def _precedence(node: ast.BinOp, lines: list[str]) -> Iterator[Change]:
    """``a - b * c`` read as ``(a - b) * c``, and ``a * b + c`` as ``a * (b + c)``: an operator
    written without the parentheses the formula has."""
    outer = _PRECEDENCE.get(type(node.op), 0)
    for side in ("left", "right"):
        child = getattr(node, side)
        if not isinstance(child, ast.BinOp) or _PRECEDENCE.get(type(child.op), 0) <= outer:
            continue
        if _in_parentheses(node, child, lines) or type(child.op) is ast.Pow:
            continue
        text = _text(node, lines)
        if text is None:
            continue
        inner = _SYMBOL.get(type(child.op), "?")
        if side == "left":
            read = f"({ast.unparse(child)}) {_SYMBOL[type(node.op)]} {ast.unparse(node.right)}"
        else:
            read = f"{ast.unparse(node.left)} {_SYMBOL[type(node.op)]} ({ast.unparse(child)})"
        yield (
            "precedence",
            f"Python reads `{text}` as `{read}`: `{inner}` is done before "
            f"`{_SYMBOL[type(node.op)]}`, so the terms are not grouped as in the formula "
            "(parentheses group them)",
            _at(node, lambda n, s=side: _regroup(n, s)),
        )


def _regroup(node: ast.BinOp, side: str) -> ast.BinOp:
    child = getattr(node, side)
    if side == "left":  # (a ∘ b) • c  →  a ∘ (b • c)
        return ast.BinOp(child.left, child.op, ast.BinOp(child.right, node.op, node.right))
    return ast.BinOp(ast.BinOp(node.left, node.op, child.left), child.op, child.right)


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
            )
    if isinstance(node.op, ast.MatMult):
        yield (
            "order",
            f"the two factors of `{text}` are in the opposite order (a matrix product depends "
            "on the order of its factors)",
            _at(node, lambda n: ast.BinOp(n.right, ast.MatMult(), n.left)),
        )


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
        )
    elif axis is not None and isinstance(axis.value, ast.Constant | ast.UnaryOp):
        if ast.unparse(axis.value) != "-1":
            yield (
                "axis",
                f"`{text}` works along axis {ast.unparse(axis.value)}, the wrong axis: each "
                "sample's own values (a row of a batch) lie along the last axis",
                _at(node, _along_last_axis),
            )


def _is_module_call(node: ast.Call) -> bool:
    """``np.sum(e)`` (the array is an argument), not ``e.sum()``."""
    return (
        isinstance(node.func, ast.Attribute)
        and isinstance(node.func.value, ast.Name)
        and (node.func.value.id in {"np", "numpy", "scipy", "special"})
    )


def _along_last_axis(node: ast.Call) -> ast.Call:
    keywords = [k for k in node.keywords if k.arg not in ("axis", "keepdims")]
    keywords += [
        ast.keyword("axis", ast.Constant(-1)),
        ast.keyword("keepdims", ast.Constant(True)),
    ]
    return ast.Call(node.func, node.args, keywords)


def _at(target: ast.AST, change: Callable[[Any], ast.AST]) -> Edit:
    """An edit that replaces the node found where ``target`` was by ``change(node)``."""
    where = (type(target), target.lineno, target.col_offset, target.end_col_offset)

    class Replace(ast.NodeTransformer):
        def generic_visit(self, node: ast.AST) -> ast.AST:
            position = (type(node), *(getattr(node, a, None) for a in _POSITION))
            if position == where:
                return ast.copy_location(change(node), node)
            return super().generic_visit(node)

    return lambda definition: ast.fix_missing_locations(Replace().visit(definition))


_POSITION = ("lineno", "col_offset", "end_col_offset")


def _renamed(old: str, new: str) -> Edit:
    class Rename(ast.NodeTransformer):
        def visit_Name(self, node: ast.Name) -> ast.Name:
            return ast.Name(new, node.ctx) if node.id == old and _loaded(node) else node

    return lambda definition: ast.fix_missing_locations(Rename().visit(definition))


def _in_parentheses(node: ast.BinOp, child: ast.AST, lines: list[str]) -> bool:
    """Whether ``child`` is written in parentheses of its own inside ``node``."""
    if node.lineno != node.end_lineno or child.lineno != node.lineno:
        return True  # over several lines: leave it alone
    line = lines[node.lineno - 1]
    start = node.col_offset if child is node.left else node.left.end_col_offset
    return "(" in line[start : child.col_offset]


def _text(node: ast.AST, lines: list[str]) -> str | None:
    """The learner's code of ``node`` as written (one line), or None."""
    if node.lineno != node.end_lineno:
        return None
    return lines[node.lineno - 1][node.col_offset : node.end_col_offset]
