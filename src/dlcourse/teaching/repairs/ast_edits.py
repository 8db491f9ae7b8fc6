"""The tools the changes of :mod:`dlcourse.teaching.repairs` are made with: an edit that
replaces one node of a function's tree, the learner's text of a node, NumPy reached whatever
name the learner's cell gave it, and tests of what a node looks like."""

from __future__ import annotations

import ast
import copy
from collections.abc import Callable
from typing import Any

Edit = Callable[[ast.FunctionDef], ast.FunctionDef]


Change = tuple[str, str, Edit, int]  # its kind, what it undoes, the edit, the line it changes


def _loaded(node: ast.Name) -> bool:
    return isinstance(node.ctx, ast.Load)


def _renamed_many(mapping: dict[str, str]) -> Edit:
    class Rename(ast.NodeTransformer):
        def visit_Name(self, node: ast.Name) -> ast.Name:
            if node.id in mapping and _loaded(node):
                return ast.Name(mapping[node.id], node.ctx)
            return node

    return lambda definition: Rename().visit(definition)


def _at_all(targets: list[ast.AST], replacement: ast.expr) -> Edit:
    """An edit that replaces each node found where one of ``targets`` was by ``replacement``."""
    where = {_position(t) for t in targets}
    return lambda definition: _replace(
        definition, where, lambda _: copy.deepcopy(replacement), first=False
    )


def _untransposed(node: ast.expr) -> ast.expr:
    return node.value if isinstance(node, ast.Attribute) and node.attr == "T" else node


def _is_number(node: ast.AST, value: float) -> bool:
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
        return _is_number(node.operand, -value)
    return (
        isinstance(node, ast.Constant) and type(node.value) in (int, float) and node.value == value
    )


def _has_product(node: ast.AST) -> bool:
    """Whether ``node`` looks like a matrix: a product (``@``, ``dot``), a transpose, or a name
    in capitals (``A``, ``XtX``)."""
    for n in ast.walk(node):
        if isinstance(n, ast.BinOp) and isinstance(n.op, ast.MatMult):
            return True
        if isinstance(n, ast.Attribute) and n.attr in ("dot", "T"):
            return True
        if isinstance(n, ast.Name) and n.id[:1].isupper():
            return True
    return False


def _is_count(node: ast.AST) -> bool:
    """``len(x)``, ``x.shape[0]``, ``x.size``: a number of samples."""
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
        return node.func.id == "len"
    if isinstance(node, ast.Subscript) and isinstance(node.value, ast.Attribute):
        return node.value.attr == "shape"
    return isinstance(node, ast.Attribute) and node.attr == "size"


def _numpy_call(path: tuple[str, ...], args: list[ast.expr]) -> ast.Call:
    """``numpy.<path>(*args)``, reached through ``__import__``: it works whatever name the
    learner's cell gave NumPy."""
    function: ast.expr = ast.Call(ast.Name("__import__", ast.Load()), [ast.Constant("numpy")], [])
    for part in path:
        function = ast.Attribute(function, part, ast.Load())
    return ast.Call(function, list(args), [])


def _is_module_call(node: ast.Call) -> bool:
    """``np.sum(e)`` (the array is an argument), not ``e.sum()``."""
    return (
        isinstance(node.func, ast.Attribute)
        and isinstance(node.func.value, ast.Name)
        and (node.func.value.id in {"np", "numpy", "scipy", "special"})
    )


def _at(target: ast.AST, change: Callable[[Any], ast.AST]) -> Edit:
    """An edit that replaces the node found where ``target`` was by ``change(node)``."""
    return lambda definition: _replace(definition, {_position(target)}, change, first=True)


def _replace(
    tree: ast.AST, where: set[tuple], change: Callable[[Any], ast.AST], *, first: bool
) -> ast.AST:
    """``tree`` with each node at one of the positions ``where`` replaced by ``change(node)``
    (only the first found when ``first``). The new nodes take the location of the node they
    replace."""
    todo = [tree]
    while todo:
        parent = todo.pop()
        for field, value in ast.iter_fields(parent):
            items = value if isinstance(value, list) else [value]
            for i, item in enumerate(items):
                if not isinstance(item, ast.AST):
                    continue
                if _position(item) in where:
                    new = ast.fix_missing_locations(ast.copy_location(change(item), item))
                    if isinstance(value, list):
                        value[i] = new
                    else:
                        setattr(parent, field, new)
                    if first:
                        return tree
                else:
                    todo.append(item)
    return tree


def _position(node: ast.AST) -> tuple:
    return (type(node), *(getattr(node, a, None) for a in _POSITION))


_POSITION = ("lineno", "col_offset", "end_lineno", "end_col_offset")


def _renamed(old: str, new: str) -> Edit:
    class Rename(ast.NodeTransformer):
        def visit_Name(self, node: ast.Name) -> ast.Name:
            return ast.Name(new, node.ctx) if node.id == old and _loaded(node) else node

    return lambda definition: Rename().visit(definition)


def _in_parentheses(node: ast.BinOp, child: ast.AST, lines: list[str]) -> bool:
    """Whether ``child`` is written in parentheses of its own inside ``node``."""
    if node.lineno != node.end_lineno or child.lineno != node.lineno:
        return True  # over several lines: leave it alone
    line = lines[node.lineno - 1]
    start = node.col_offset if child is node.left else node.left.end_col_offset
    return b"(" in line.encode()[start : child.col_offset]  # offsets count UTF-8 bytes


def _called(function: ast.expr) -> str | None:
    """The name a call reaches: ``round`` of ``round(p)``, ``sum`` of ``np.sum(e)``."""
    if isinstance(function, ast.Attribute):
        return function.attr
    return function.id if isinstance(function, ast.Name) else None


def _text(node: ast.AST, lines: list[str]) -> str | None:
    """The learner's code of ``node`` as written (one line), or None."""
    if node.lineno != node.end_lineno:
        return None
    line = lines[node.lineno - 1].encode()  # offsets count UTF-8 bytes (`ŷ` is two)
    return line[node.col_offset : node.end_col_offset].decode(errors="replace")
