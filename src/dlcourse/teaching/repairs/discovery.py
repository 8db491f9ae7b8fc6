"""Which of the learner's functions a function reaches (by name, or from its closure), and
which of the notebook's arrays they read where a parameter would be expected."""

from __future__ import annotations

import dis
import types
from typing import Any

import numpy as np


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


def notebook_arrays(function: Any, skip: tuple[str, ...]) -> list[tuple[str, tuple[int, ...]]]:
    """``(name, shape)`` of each array of the notebook that ``function``, or a learner's
    function it calls, reads: made outside the function, it keeps its value whatever the
    function is given."""
    found: dict[str, tuple[int, ...]] = {}
    for learner in _learner_functions(function, skip):
        for name in sorted(_globals_read(learner.__code__)):
            value = learner.__globals__.get(name)
            if isinstance(value, np.ndarray) and name not in found:
                found[name] = tuple(int(n) for n in value.shape)
    return list(found.items())


def _globals_read(code: types.CodeType) -> set[str]:
    """The global names ``code`` reads (not the attributes it reads: ``np.e`` is no global
    ``e``), in its nested code (a comprehension, a lambda) too."""
    names = {
        i.argval for i in dis.get_instructions(code) if i.opname in ("LOAD_GLOBAL", "LOAD_NAME")
    }
    for constant in code.co_consts:
        if isinstance(constant, types.CodeType):
            names |= _globals_read(constant)
    return names
