"""Recording what a learner's function computes on the way to its answer, for
:mod:`dlcourse.teaching.localise`. Like :mod:`dlcourse.teaching.kernel_side`, it is sent to a
learner's kernel as source (only the standard library and NumPy), and imported here.
"""

from __future__ import annotations

import ast
import inspect
import sys
import textwrap
import types
from collections.abc import Callable
from typing import Any

import numpy as np

__all__ = ["RECORD_LIMIT", "learner_line", "library_roots", "record"]


def library_roots(extra: tuple[str, ...] = ()) -> tuple[str, ...]:
    """The folders of the interpreter and its libraries, and ``extra``: code there is not the
    learner's, and is not looked into by :func:`record`."""
    import sysconfig

    roots = {sys.prefix, sys.base_prefix, *sysconfig.get_paths().values(), *extra}
    return tuple(sorted(root for root in roots if root))


def learner_line(error: BaseException, skip: tuple[str, ...]) -> str | None:
    """The line of the learner's code where ``error`` was raised or entered a library: the last
    frame of its traceback outside ``skip`` and dlcourse's own kernel side, as written."""
    import linecache

    found = None
    frame = error.__traceback__
    while frame is not None:
        name = frame.tb_frame.f_code.co_filename
        if not name.startswith(skip) and not name.startswith(("<frozen", "<dlcourse")):
            found = linecache.getline(name, frame.tb_lineno).strip() or found
        frame = frame.tb_next
    return found[:200] if found else None


RECORD_LIMIT = 400  # values one traced call may record
_RECORD_SIZE = 10_000  # the largest array recorded (the checks' inputs are small)


def record(function: Callable[..., Any], args: list[Any], skip: tuple[str, ...]) -> tuple:
    """Call ``function(*args)`` and record what the learner's computation produced on the way:
    the value of every expression in the learner's functions (a copy of each, rewritten so that
    every operation and call hands its value to the recorder, the learner's own functions it
    calls included), or, where a function's source cannot be read, every number or array its
    local variables hold, line by line. Code in files under ``skip`` (the libraries, dlcourse)
    is not looked into. Returns ``(result, values)``; the call's own exception propagates."""
    values: list[Any] = []
    seen: set[tuple] = set()

    def keep(value: Any) -> Any:
        if isinstance(value, bool) or not isinstance(value, int | float | np.ndarray | np.generic):
            return value
        array = np.asarray(value)
        if (
            array.dtype.kind not in "iuf"
            or array.size > _RECORD_SIZE
            or len(values) >= RECORD_LIMIT
        ):
            return value
        key = (array.shape, array.dtype.str, array.tobytes())
        if key not in seen:
            seen.add(key)
            values.append(array.copy())
        return value

    # A changed copy of the learner's code (dlcourse.teaching.repairs) is recorded as changed.
    base, change = getattr(function, CHANGED, (function, None))
    wrap = _wrap if change is None else (lambda tree, code: _wrap(change(tree, code), code))
    rewritten = _rewrite(base, wrap, {_KEEP: keep}, skip, {}, depth=3)
    if rewritten is not base:
        result = rewritten(*args)
        keep(result)
        return result, values

    def local(frame: Any, event: str, arg: Any) -> Any:
        for value in list(frame.f_locals.values()):
            keep(value)
        if event == "return":
            keep(arg)
        return local

    def start(frame: Any, event: str, arg: Any) -> Any:
        name = frame.f_code.co_filename
        if event == "call" and not name.startswith(skip) and not name.startswith("<frozen"):
            return local
        return None

    previous = sys.gettrace()
    sys.settrace(start)
    try:
        result = function(*args)
    finally:
        sys.settrace(previous)
    keep(result)
    return result, values


_SOURCES: dict[Any, str] = {}  # a code object's source (dedented), as read the first time


def _source(function: Any) -> str:
    """``function``'s source, dedented; read once per code object (a cell run again makes a
    new one), since the repairs copy the same functions many times over."""
    code = function.__code__
    if code not in _SOURCES:
        if len(_SOURCES) > 64:
            _SOURCES.clear()
        _SOURCES[code] = textwrap.dedent(inspect.getsource(function))
    return _SOURCES[code]


_KEEP = "__dlcourse_keep__"
CHANGED = "__dlcourse_changed__"  # on a changed copy: (the learner's function, the change)


class _Wrap(ast.NodeTransformer):
    """Hand the value of every operation, call and attribute read to ``__dlcourse_keep__``
    (a call's callee is left as it is: ``np.exp`` is no value of the computation)."""

    def _wrapped(self, node: ast.expr) -> ast.expr:
        if isinstance(node, ast.Call):
            if isinstance(node.func, ast.Attribute):  # (a - b).reshape(...): a - b is a value
                node.func.value = self.visit(node.func.value)
            node.args = [self.visit(arg) for arg in node.args]
            node.keywords = [self.visit(keyword) for keyword in node.keywords]
        elif not isinstance(getattr(node, "ctx", ast.Load()), ast.Load):
            return self.generic_visit(node)  # an attribute assigned to
        else:
            self.generic_visit(node)
        keep = ast.copy_location(ast.Name(_KEEP, ast.Load()), node)
        return ast.copy_location(ast.Call(func=keep, args=[node], keywords=[]), node)

    visit_BinOp = visit_UnaryOp = visit_Call = visit_Attribute = _wrapped


def _wrap(definition: ast.FunctionDef, code: Any) -> ast.FunctionDef:
    return _Wrap().visit(definition)


def _compiled(tree: ast.Module, code: Any) -> Any:
    """``tree`` compiled at the learner's own line numbers (its lines counted from the start of
    the function's source, shifted in the code objects, not node by node). The changes give
    their new nodes locations; where one has none, every missing one is filled in."""
    try:
        compiled = compile(tree, code.co_filename, "exec")
    except (TypeError, ValueError):  # a node without a location
        compiled = compile(ast.fix_missing_locations(tree), code.co_filename, "exec")
    return _shifted(compiled, code.co_firstlineno - 1)


def _shifted(compiled: Any, lines: int) -> Any:
    """``compiled`` and the code objects in it, ``lines`` lines further down."""
    constants = tuple(
        _shifted(c, lines) if isinstance(c, types.CodeType) else c for c in compiled.co_consts
    )
    return compiled.replace(co_firstlineno=compiled.co_firstlineno + lines, co_consts=constants)


def _rewrite(
    function: Any,
    transform: Callable[[ast.FunctionDef, Any], ast.FunctionDef],
    extra: dict[str, Any],
    skip: tuple[str, ...],
    made: dict,
    depth: int,
) -> Any:
    """A copy of the learner's ``function``, and of the learner's functions it calls, each
    made from its source changed by ``transform(definition, code)`` and run among the
    learner's names and ``extra``; or ``function`` itself where that cannot be made (no
    source, not a plain def). :func:`record` hands every value to a recorder this way;
    :mod:`dlcourse.teaching.repairs` changes one expression."""
    code = getattr(function, "__code__", None)
    if code is None or code.co_filename.startswith(skip) or depth == 0:
        return function
    if code in made:
        return made[code]
    try:
        tree = ast.parse(_source(function))
    except (OSError, TypeError, SyntaxError, IndentationError):
        return function
    if len(tree.body) != 1 or not isinstance(tree.body[0], ast.FunctionDef):
        return function
    definition = tree.body[0]
    definition.decorator_list = []
    definition = transform(definition, code)
    free = list(code.co_freevars)  # a closure's names: defined by a factory around it
    at = {"lineno": 1, "col_offset": 0, "end_lineno": 1, "end_col_offset": 0}
    factory = ast.FunctionDef(
        name="__dlcourse_factory__",
        args=ast.arguments([], [ast.arg(n, **at) for n in free], None, [], [], None, []),
        body=[definition, ast.Return(ast.Name(definition.name, ast.Load(), **at), **at)],
        decorator_list=[],
        **at,
    )
    tree = ast.Module([factory], [])
    namespace = dict(function.__globals__, **extra)
    made[code] = function  # a recursive call meets the original
    for name in code.co_names:  # the learner's functions it calls, rewritten too
        called = namespace.get(name)
        if isinstance(called, types.FunctionType) and called is not function:
            namespace[name] = _rewrite(called, transform, extra, skip, made, depth - 1)
    try:
        exec(_compiled(tree, code), namespace)
        cells = dict(zip(free, function.__closure__ or (), strict=True))
        inner = namespace.pop("__dlcourse_factory__")(*(c.cell_contents for c in cells.values()))
        for name, cell in cells.items():  # a function of the learner's it closes over
            if isinstance(cell.cell_contents, types.FunctionType):
                cells[name] = types.CellType(
                    _rewrite(cell.cell_contents, transform, extra, skip, made, depth - 1)
                )
        if free:  # the learner's own cells, so that the copy sees what the original sees
            rewritten = types.FunctionType(
                inner.__code__,
                namespace,
                inner.__name__,
                None,
                tuple(cells[name] for name in inner.__code__.co_freevars),
            )
        else:
            rewritten = inner
    except Exception:  # a cell not yet filled, say: the original, recorded line by line
        return function
    rewritten.__defaults__, rewritten.__kwdefaults__ = (
        function.__defaults__,
        function.__kwdefaults__,
    )
    made[code] = rewritten
    return rewritten
