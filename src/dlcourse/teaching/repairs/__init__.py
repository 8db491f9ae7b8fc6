"""Small changes to a learner's code, each one beginner mistake undone: an operator precedence
(``1 / 1 + np.exp(-z)``), ``*`` where a matrix product belongs, the factors of a matrix product
swapped or one of them not transposed, a sign, ``1 −`` too many, ``math.exp`` on an array,
``1 / A`` for a matrix inverse, a mean for a sum, a reduction along the wrong axis or over every
axis, two arguments swapped, an integer result, a value returned in place of the answer, a size
written as a number, a notebook variable or a number used where a parameter belongs.

A change is only a *candidate*: :mod:`dlcourse.teaching.causes` runs the exercise's checks on
each changed copy and names a cause only when the changes that make every check pass single
one out. That is evidence no value coincidence gives.

The changes are written in :mod:`.operator_changes`, :mod:`.call_changes` and
:mod:`.name_changes`, with the tools of :mod:`.ast_edits`; this module finds the learner's
functions and makes the copies. Like :mod:`dlcourse.teaching.recorder`, whose ``_rewrite``
makes them (passed in as ``rewrite``), the package is sent to a learner's kernel as source
(:func:`kernel_source`): the standard library and NumPy only.
"""

from __future__ import annotations

import ast
import inspect
import textwrap
from collections.abc import Callable, Iterator
from typing import Any

import numpy as np

from .ast_edits import Change, Edit, _at, _loaded, _renamed
from .call_changes import (
    _averages,
    _axes,
    _collapsed,
    _functions,
    _integers,
    _other_arguments,
    _swapped_arguments,
)
from .class_changes import _encoded_again, _inside_rounding, _rounded
from .discovery import _learner_functions, _reaches, learner_functions, notebook_arrays
from .grouping import _inner_links, _regroupings
from .name_changes import (
    _reordered_parameters,
    _returned,
    _sizes,
    _steps,
    _swapped_roles,
    _unused_factors,
    _variables,
)
from .operator_changes import (
    _divisions,
    _factors,
    _inverses,
    _minus,
    _product_links,
    _products,
    _signs,
    _terms,
)
from .product_changes import (
    _call_order,
    _factors_of_products,
    _not_outer,
    _outer,
    _outer_calls,
    _transposes,
)
from .substitutions import (
    _bias_columns,
    _first_entries,
    _new_axes,
    _other_functions,
    _reshaped,
)

__all__ = [
    "LAST",
    "VARIANT_LIMIT",
    "kernel_source",
    "learner_functions",
    "notebook_arrays",
    "variants",
]


VARIANT_LIMIT = 48  # changed copies one function may give


LAST = ("roles", "variables")  # kinds tried only when no change at one place does


def variants(
    function: Callable[..., Any],
    skip: tuple[str, ...],
    rewrite: Callable[..., Any],
    expected: tuple[str, ...] = (),
    swappable: tuple[tuple[int, int], ...] = (),
    answers: tuple[str, ...] = (),
) -> list[tuple[str, str, Callable[..., Any], str]]:
    """``(its kind, what the change undoes, a copy of function with that change, the place it
    changes)`` for each candidate change in ``function`` or in one of the learner's functions
    it calls; the place is ``"function:line"``. The kinds: ``precedence``, ``product`` (``*``
    for ``@``), ``order`` (of a matrix product's factors), ``transpose``, ``axis``, ``number``
    and ``variable`` (used where a parameter belongs), ``sign``, ``complement`` (``1 − p`` for
    ``p``), ``function`` (``math.exp`` for ``np.exp``), ``inverse`` (``1 / A`` for the matrix
    inverse), ``average`` (a mean for a sum, or a sum for a mean), ``arguments`` (two of them
    swapped), ``integer`` (an integer result where a float belongs), ``factor`` (one too
    many), ``rounding`` (of a probability to a class), ``unused`` (a parameter the formula
    multiplies the answer by), ``bias`` (a column of ones added again) and ``called`` (another
    of the learner's functions called).

    ``expected`` are the parameter names of the lesson's function: ``function``'s own
    parameters are put in that order when they have the same names in another order.
    ``swappable`` are the pairs of ``function``'s parameters (by position) that could be
    confused, having the same shape: their roles are swapped (kind ``roles``). That kind, and
    several notebook variables read for several parameters (``variables``), come last: they
    change many places at once, so :mod:`dlcourse.teaching.causes` tries them only when no
    change at one place makes the answer right (:data:`LAST`). ``answers`` are the names of
    the lesson's answers: a call to one of them may be changed into a call to another (never
    to any other function of the notebook, which could do anything)."""
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
        lines = source.split("\n")  # as ast counts lines (splitlines also cuts at U+2028)
        lesson = (expected, swappable) if target is function else ((), ())
        for kind, description, edit, line in _guarded(
            _edits(definition, lines, target, answers, *lesson)
        ):

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
        if len(found) >= VARIANT_LIMIT:
            break
    return sorted(found, key=lambda change: change[0] in LAST)  # stable: in order otherwise


def _guarded(edits: Iterator[Change]) -> Iterator[Change]:
    """``edits``, ended quietly where reading the learner's code fails on a construct the
    changes do not expect: fewer candidates, never a check that breaks."""
    try:
        yield from edits
    except Exception:
        return


def _edits(
    definition: ast.FunctionDef,
    lines: list[str],
    function: Any,
    answers: tuple[str, ...],
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
    tests = {id(n.test) for n in ast.walk(definition) if isinstance(n, ast.If | ast.While)}
    tests |= _inside_rounding(definition)
    links = _inner_links(definition, lines)
    products = _product_links(definition)
    in_products = _factors_of_products(definition)
    for node in ast.walk(definition):
        if isinstance(node, ast.Compare | ast.Subscript | ast.Call) and id(node) not in tests:
            yield from _rounded(node, lines)
            yield from _bias_columns(node, lines)
            yield from _first_entries(node, lines)
            yield from _new_axes(node, lines)
            yield from _encoded_again(node, lines, parameters)
        if isinstance(node, ast.BinOp):
            if id(node) not in links:
                yield from _regroupings(node, lines)
            yield from _products(node, lines)
            yield from _signs(node, lines)
            yield from _inverses(node, lines)
            yield from _divisions(node, lines)
            yield from _outer(node, lines)
            yield from _factors(node, lines, products)
            yield from _terms(node, lines)
        elif isinstance(node, ast.Call):
            yield from _axes(node, lines)
            yield from _call_order(node, lines)
            yield from _outer_calls(node, lines)
            yield from _not_outer(node, lines)
            yield from _reshaped(node, lines, parameters)
            yield from _functions(node, lines)
            yield from _averages(node, lines)
            yield from _integers(node, lines)
            yield from _swapped_arguments(node, lines, notebook)
            yield from _other_arguments(node, lines, notebook, parameters)
            yield from _other_functions(node, lines, notebook, answers)
            yield from _collapsed(node, lines)
        elif isinstance(node, ast.UnaryOp):
            yield from _minus(node, lines)
        elif isinstance(node, ast.Attribute):
            yield from _transposes(node, lines, in_products)
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
    yield from _unused_factors(definition, lines, unused)
    yield from _steps(definition, lines, parameters, unused)
    yield from _sizes(definition, lines, parameters)
    yield from _swapped_roles(definition, swappable)
    yield from _variables(name, variables, unused, definition.lineno)


def kernel_source() -> str:
    """The package as one piece of source for a learner's kernel: its modules in order, their
    imports of each other left out (in the kernel they share one namespace)."""
    import sys

    from . import (
        ast_edits,
        call_changes,
        class_changes,
        discovery,
        grouping,
        name_changes,
        operator_changes,
        product_changes,
        substitutions,
    )

    parts = ["from __future__ import annotations"]
    modules = (ast_edits, discovery, grouping, operator_changes, call_changes, class_changes)
    modules += (product_changes, name_changes, substitutions)
    for module in (*modules, sys.modules[__name__]):
        tree = ast.parse(inspect.getsource(module))
        tree.body = [node for node in tree.body if not _imports_ours(node)]
        parts.append(ast.unparse(tree))
    return "\n\n".join(parts)


def _imports_ours(node: ast.stmt) -> bool:
    """``from .ast_edits import ...`` or ``from __future__ import ...``."""
    return isinstance(node, ast.ImportFrom) and (node.level > 0 or node.module == "__future__")
