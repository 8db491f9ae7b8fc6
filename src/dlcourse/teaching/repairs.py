"""Small changes to a learner's code, each one beginner mistake undone at one place: an
operator precedence (``1 / 1 + np.exp(-z)``), ``*`` where a matrix product belongs, the factors
of a matrix product swapped or one of them not transposed, a notebook variable or a number used
where a parameter belongs, a reduction along the wrong axis or over every axis, a sign, ``1 −``
too many, ``math.exp`` on an array, ``1 / A`` for a matrix inverse, a mean for a sum (or the
other way), two arguments swapped, an integer result.

A change is only a *candidate*: :mod:`dlcourse.teaching.checking` runs the exercise's checks on
each changed copy and names a cause only when exactly one kind of change makes every check
pass. That is evidence no value coincidence gives.

Like :mod:`dlcourse.teaching.recorder`, whose ``_rewrite`` makes the changed copies (passed in
as ``rewrite``), this module is sent to a learner's kernel as source: the standard library and
NumPy only.
"""

from __future__ import annotations

import ast
import copy
import inspect
import itertools
import textwrap
import types
from collections.abc import Callable, Iterator
from typing import Any

import numpy as np

__all__ = ["LAST", "VARIANT_LIMIT", "learner_functions", "variants"]

VARIANT_LIMIT = 48  # changed copies one function may give
LAST = ("roles", "variables")  # kinds tried only when no change at one place does
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

_MATH = {"exp", "log", "sqrt", "tanh", "log1p", "expm1", "fabs", "pow"}
_BUILTINS = {"max": "max", "min": "min", "sum": "sum", "abs": "abs", "pow": "power"}
_LIKE = {"zeros_like", "ones_like", "empty_like", "full_like", "zeros", "ones", "empty", "full"}

Edit = Callable[[ast.FunctionDef], ast.FunctionDef]
Change = tuple[str, str, Edit, int]  # its kind, what it undoes, the edit, the line it changes


def variants(
    function: Callable[..., Any],
    skip: tuple[str, ...],
    rewrite: Callable[..., Any],
    expected: tuple[str, ...] = (),
    swappable: tuple[tuple[int, int], ...] = (),
) -> list[tuple[str, str, Callable[..., Any], str]]:
    """``(its kind, what the change undoes, a copy of function with that change, the place it
    changes)`` for each candidate change in ``function`` or in one of the learner's functions
    it calls; the place is ``"function:line"``. The kinds: ``precedence``, ``product`` (``*``
    for ``@``), ``order`` (of a matrix product's factors), ``transpose``, ``axis``, ``number``
    and ``variable`` (used where a parameter belongs), ``sign``, ``complement`` (``1 − p`` for
    ``p``), ``function`` (``math.exp`` for ``np.exp``), ``inverse`` (``1 / A`` for the matrix
    inverse), ``average`` (a mean for a sum, or a sum for a mean), ``arguments`` (two of them
    swapped) and ``integer`` (an integer result where a float belongs).

    ``expected`` are the parameter names of the lesson's function: ``function``'s own
    parameters are put in that order when they have the same names in another order.
    ``swappable`` are the pairs of ``function``'s parameters (by position) that could be
    confused, having the same shape: their roles are swapped (kind ``roles``). That kind, and
    several notebook variables read for several parameters (``variables``), come last: they
    change many places at once, so :mod:`dlcourse.teaching.causes` tries them only when no
    change at one place makes the answer right (:data:`LAST`)."""
    found: list[tuple[str, str, Callable[..., Any], str]] = []
    functions = _learner_functions(function, skip)
    for target in functions:
        # only the changed function and those that call it are copied; the others stay
        untouched = {f.__code__: f for f in functions if not _reaches(f, target, functions)}
        try:
            source = textwrap.dedent(inspect.getsource(target))
            definition = ast.parse(source).body[0]
        except (OSError, TypeError, SyntaxError, IndentationError, IndexError):
            continue
        if not isinstance(definition, ast.FunctionDef):
            continue
        lines = source.splitlines()
        lesson = (expected, swappable) if target is function else ((), ())
        for kind, description, edit, line in _edits(definition, lines, target, *lesson):

            def transform(tree: Any, code: Any, edit: Edit = edit, aim: Any = target.__code__):
                return edit(tree) if code is aim else tree

            try:
                changed = rewrite(function, transform, {}, skip, dict(untouched), 3)
            except Exception:
                continue
            if changed is not function:
                changed.__dlcourse_changed__ = (function, transform)  # recorder.CHANGED
                found.append((kind, description, changed, f"{target.__name__}:{line}"))
            if len(found) >= VARIANT_LIMIT:
                break
    return sorted(found, key=lambda change: change[0] in LAST)  # stable: in order otherwise


def learner_functions(function: Any, skip: tuple[str, ...]) -> list[str]:
    """The names of ``function`` and of the learner's functions it calls."""
    return [f.__name__ for f in _learner_functions(function, skip)]


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
        todo += _callees(current)
    return found


def _reaches(caller: Any, target: Any, functions: list[Any]) -> bool:
    """Whether ``caller`` is ``target`` or calls it, directly or through ``functions``."""
    seen, todo = set(), [caller]
    while todo:
        current = todo.pop()
        if current is target:
            return True
        if current in seen:
            continue
        seen.add(current)
        todo += [f for f in functions if f in _callees(current)]
    return False


def _callees(function: Any) -> list[Any]:
    names = [function.__globals__.get(name) for name in function.__code__.co_names]
    cells = [cell.cell_contents for cell in function.__closure__ or () if _filled(cell)]
    return [f for f in names + cells if isinstance(f, types.FunctionType)]


def _filled(cell: Any) -> bool:
    try:
        cell.cell_contents  # noqa: B018 - an empty cell raises
    except ValueError:
        return False
    return True


def _edits(
    definition: ast.FunctionDef,
    lines: list[str],
    function: Any,
    expected: tuple[str, ...],
    swappable: tuple[tuple[int, int], ...],
) -> Iterator[Change]:
    """The candidate changes of one function, each with its description and line."""
    name = definition.name
    parameters = [a.arg for a in (*definition.args.posonlyargs, *definition.args.args)]
    loads = [n for n in ast.walk(definition) if isinstance(n, ast.Name) and _loaded(n)]
    unused = [p for p in parameters if p not in {n.id for n in loads}]
    assigned = {n.id for n in ast.walk(definition) if isinstance(n, ast.Name) and not _loaded(n)}
    notebook = function.__globals__
    for node in ast.walk(definition):
        if isinstance(node, ast.BinOp):
            yield from _precedence(node, lines)
            yield from _products(node, lines)
            yield from _signs(node, lines)
            yield from _inverses(node, lines)
            yield from _divisions(node, lines)
            yield from _outer(node, lines)
        elif isinstance(node, ast.Call):
            yield from _axes(node, lines)
            yield from _functions(node, lines)
            yield from _averages(node, lines)
            yield from _integers(node, lines)
            yield from _swapped_arguments(node, lines, notebook)
            yield from _collapsed(node, lines)
        elif isinstance(node, ast.UnaryOp):
            yield from _minus(node, lines)
        elif isinstance(node, ast.Constant) and unused and type(node.value) is float:
            for parameter in unused:
                yield (
                    "number",
                    f"`{name}` uses the number {node.value!r} where its parameter `{parameter}` "
                    f"belongs (it never uses `{parameter}`)",
                    _at(node, lambda _, p=parameter: ast.Name(p, ast.Load())),
                    node.lineno,
                )
    variables = []
    for variable in sorted({n.id for n in loads} - assigned - set(parameters)):
        value = notebook.get(variable)
        if isinstance(value, bool) or not isinstance(value, np.ndarray | int | float | np.generic):
            continue
        variables.append(variable)
        first = next(n.lineno for n in loads if n.id == variable)
        for parameter in unused:
            yield (
                "variable",
                f"`{name}` reads the notebook's variable `{variable}` where its parameter "
                f"`{parameter}` belongs (it never uses `{parameter}`)",
                _renamed(variable, parameter),
                first,
            )
    yield from _reordered_parameters(definition, expected)
    yield from _returned(definition, lines)
    yield from _sizes(definition, lines, parameters)
    yield from _swapped_roles(definition, swappable)
    yield from _variables(name, variables, unused, definition.lineno)


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
            node.lineno,
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
            yield (
                "axis",
                f"`{text}` works along axis {ast.unparse(axis.value)}, the wrong axis: each "
                "sample's own values (a row of a batch) lie along the last axis",
                _at(node, _along_last_axis),
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
        left, right = ast.unparse(node.left), ast.unparse(node.right)
        yield (
            "sign",
            f"`{text}` subtracts the other way round: the formula has `{right} - {left}` "
            "(the sign of the result is flipped)",
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
    called = notebook.get(node.func.id) if isinstance(node.func, ast.Name) else None
    if text is None or not isinstance(called, types.FunctionType):
        return
    if called.__globals__ is not notebook or any(isinstance(a, ast.Starred) for a in node.args):
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


def _reordered_parameters(
    definition: ast.FunctionDef, expected: tuple[str, ...]
) -> Iterator[Change]:
    """The learner's parameters put in the lesson's order, when they have the lesson's names
    in another order (``def binary_cross_entropy(y_hat, y)``)."""
    names = [a.arg for a in definition.args.args]
    if definition.args.posonlyargs or sorted(names) != sorted(expected) or names == list(expected):
        return

    def reorder(tree: ast.FunctionDef) -> ast.FunctionDef:
        by_name = {a.arg: a for a in tree.args.args}
        tree.args.args = [by_name[name] for name in expected]
        return tree

    yield (
        "arguments",
        f"`{definition.name}` takes its parameters in the order ({', '.join(names)}); the lesson "
        f"passes them in the order ({', '.join(expected)})",
        reorder,
        definition.lineno,
    )


def _swapped_roles(
    definition: ast.FunctionDef, swappable: tuple[tuple[int, int], ...]
) -> Iterator[Change]:
    """Two parameters of the same shape each used where the formula has the other."""
    names = [a.arg for a in definition.args.args]
    for i, j in swappable:
        if definition.args.posonlyargs or max(i, j) >= len(names):
            continue
        a, b = names[i], names[j]

        def swap(tree: ast.FunctionDef, i: int = i, j: int = j) -> ast.FunctionDef:
            args = tree.args.args
            args[i].arg, args[j].arg = args[j].arg, args[i].arg
            return tree

        yield (
            "roles",
            f"`{definition.name}` uses `{a}` where the formula has `{b}`, and `{b}` where it "
            f"has `{a}`",
            swap,
            definition.lineno,
        )


def _variables(name: str, variables: list[str], unused: list[str], line: int) -> Iterator[Change]:
    """Several notebook variables read where several parameters belong (``X_toy``, ``y_toy``
    for ``X``, ``y``)."""
    if not 2 <= len(unused) <= 3 or not 2 <= len(variables) <= 3:
        return
    for chosen in itertools.permutations(variables, len(unused)):
        mapping = dict(zip(chosen, unused, strict=True))
        read = ", ".join(f"`{v}`" for v in chosen)
        belong = ", ".join(f"`{p}`" for p in unused)
        yield (
            "variables",
            f"`{name}` reads the notebook's variables {read} where its parameters {belong} "
            "belong (it never uses them)",
            _renamed_many(mapping),
            line,
        )


def _renamed_many(mapping: dict[str, str]) -> Edit:
    class Rename(ast.NodeTransformer):
        def visit_Name(self, node: ast.Name) -> ast.Name:
            if node.id in mapping and _loaded(node):
                return ast.Name(mapping[node.id], node.ctx)
            return node

    return lambda definition: ast.fix_missing_locations(Rename().visit(definition))


def _returned(definition: ast.FunctionDef, lines: list[str]) -> Iterator[Change]:
    """The function returns another of the values it computes than its answer."""
    returns = [n for n in ast.walk(definition) if isinstance(n, ast.Return) and n.value]
    if len(returns) != 1:
        return
    (returned,) = returns
    text = _text(returned.value, lines)
    computed = []
    for node in definition.body:
        if isinstance(node, ast.Assign) and len(node.targets) == 1:
            target = node.targets[0]
            if isinstance(target, ast.Name) and target.id not in computed:
                computed.append(target.id)
    for local in computed:
        if text is None or text == local:
            continue
        yield (
            "returned",
            f"`{definition.name}` returns `{text}`, where its answer is `{local}`, which it "
            "computes on the way",
            _at(returned, lambda n, v=local: ast.Return(ast.Name(v, ast.Load()))),
            returned.lineno,
        )


_SIZED = {"range", "zeros", "ones", "empty", "full", "reshape", "eye", "arange"}


def _sizes(
    definition: ast.FunctionDef, lines: list[str], parameters: list[str]
) -> Iterator[Change]:
    """A size written as a number (``np.zeros(5)``, ``range(3)``), where it is the size of
    one of the inputs: every place with that number, changed together."""
    found: dict[int, list[ast.Constant]] = {}
    for node in ast.walk(definition):
        if not isinstance(node, ast.Call):
            continue
        called = node.func.id if isinstance(node.func, ast.Name) else getattr(node.func, "attr", "")
        if called not in _SIZED:
            continue
        for argument in node.args:
            for item in argument.elts if isinstance(argument, ast.Tuple) else [argument]:
                if isinstance(item, ast.Constant) and type(item.value) is int and item.value >= 2:
                    found.setdefault(item.value, []).append(item)
    for number, places in found.items():
        quoted = dict.fromkeys(lines[place.lineno - 1].strip() for place in places)
        where = " and ".join(f"`{line}`" for line in list(quoted)[:2])
        for parameter in parameters:
            for size in (f"len({parameter})", f"{parameter}.shape[-1]"):
                yield (
                    "size",
                    f"`{definition.name}` writes the size {number} as a number ({where}): it "
                    f"fits the notebook's data, not other sizes; it is the size of `{parameter}`",
                    _at_all(places, ast.parse(size, mode="eval").body),
                    places[0].lineno,
                )


def _at_all(targets: list[ast.AST], replacement: ast.expr) -> Edit:
    """An edit that replaces each node found where one of ``targets`` was by ``replacement``."""
    where = {(type(t), t.lineno, t.col_offset, t.end_col_offset) for t in targets}

    class Replace(ast.NodeTransformer):
        def generic_visit(self, node: ast.AST) -> ast.AST:
            position = (type(node), *(getattr(node, a, None) for a in _POSITION))
            if position in where:
                return ast.copy_location(copy.deepcopy(replacement), node)
            return super().generic_visit(node)

    return lambda definition: ast.fix_missing_locations(Replace().visit(definition))


def _outer(node: ast.BinOp, lines: list[str]) -> Iterator[Change]:
    """A product of two vectors where the formula's column times row is an outer product."""
    text = _text(node, lines)
    numbers = (ast.Constant, ast.UnaryOp)
    if text is None or not isinstance(node.op, ast.MatMult | ast.Mult):
        return
    if isinstance(node.left, numbers) or isinstance(node.right, numbers):
        return
    yield (
        "outer",
        f"`{text}` multiplies two vectors "
        + ("entry by entry" if isinstance(node.op, ast.Mult) else "into one number (a dot product")
        + ("" if isinstance(node.op, ast.Mult) else "; `.T` does nothing to a 1-D array)")
        + ", where the formula's column times row is an outer product, a matrix (np.outer)",
        _at(
            node, lambda n: _numpy_call(("outer",), [_untransposed(n.left), _untransposed(n.right)])
        ),
        node.lineno,
    )


def _untransposed(node: ast.expr) -> ast.expr:
    return node.value if isinstance(node, ast.Attribute) and node.attr == "T" else node


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
