"""What runs in a learner's kernel while the grader checks it: calls of the learner's functions
on plain data, with plain data back.

The grader sends this module's source to the kernel once (:mod:`dlcourse.teaching.remote`),
with :mod:`dlcourse.teaching.recorder`'s, and runs it there in a namespace of its own; it is
never imported in the kernel, so nothing the learner's code patched in ``dlcourse`` changes
it, and it computes no answer, so patching it can change only the learner's own results. The
grader imports the same module for :func:`encode` and :func:`decode`: one format both ways,
JSON with arrays as their raw bytes (base64). :func:`decode` never runs code (no pickle): it
accepts None, booleans, numbers, strings, lists, tuples, dicts and arrays of numeric dtypes;
anything else arrives as an :class:`Opaque` value that names its type.

Replies go back as a display message of the MIME type :data:`MIME`, never through the
kernel's stdout: a learner's print cannot look like one. Each carries the nonce of its request.

Only the standard library and NumPy are used here (the kernel has nothing else for sure).
"""

from __future__ import annotations

import base64
import contextlib
import io
import json
import sys
from collections.abc import Callable
from typing import Any

import numpy as np

__all__ = ["MIME", "Helpers", "Opaque", "decode", "encode"]

MIME = "application/vnd.dlcourse.reply+json"
ARRAY_KINDS = "biufc"  # booleans, integers, unsigned, floats, complex: data, never objects


class Opaque:
    """A value the kernel returned that is neither data nor an array: only its type is known."""

    def __init__(self, type_name: str) -> None:
        self.type_name = type_name

    def __repr__(self) -> str:
        return f"<{self.type_name}>"


def encode(value: Any) -> Any:
    """``value`` as JSON-able data (anything but plain data becomes its type's name)."""
    if type(value).__name__ == "_Todo":  # the student notebook's placeholder answer
        return {"todo": True}
    if value is None or isinstance(value, bool | str):
        return value
    if isinstance(value, np.ndarray | np.generic):  # before float: np.float64 is a float
        array = np.asarray(value)
        if array.dtype.hasobject:
            return {"opaque": "array of objects"}
        return {
            "array": base64.b64encode(np.ascontiguousarray(array).tobytes()).decode(),
            "dtype": array.dtype.str,
            "shape": list(array.shape),
            "scalar": isinstance(value, np.generic),
        }
    if isinstance(value, int | float):
        return {"float": repr(float(value))} if isinstance(value, float) else int(value)
    if isinstance(value, list | tuple):
        return {"list" if isinstance(value, list) else "tuple": [encode(v) for v in value]}
    if isinstance(value, dict):
        return {"dict": [[encode(k), encode(v)] for k, v in value.items()]}
    return {"opaque": type(value).__name__}


def decode(data: Any, todo: Any = None) -> Any:
    """The value :func:`encode` wrote; ``todo`` stands for the placeholder answer."""
    if data is None or isinstance(data, bool | int | str | float):
        return data
    if not isinstance(data, dict) or len(data) == 0:
        raise ValueError(f"not an encoded value: {type(data).__name__}")
    if "float" in data:
        return float(data["float"])
    if "array" in data:
        dtype = np.dtype(data["dtype"])
        if dtype.kind not in ARRAY_KINDS or dtype.hasobject:
            return Opaque(f"array of {dtype}")
        shape = tuple(int(n) for n in data["shape"])
        raw = base64.b64decode(data["array"])
        array = np.frombuffer(raw, dtype=dtype).reshape(shape).copy()
        return array[()] if data.get("scalar") else array
    if "list" in data:
        return [decode(v, todo) for v in data["list"]]
    if "tuple" in data:
        return tuple(decode(v, todo) for v in data["tuple"])
    if "dict" in data:
        return {_hashable(decode(k, todo)): decode(v, todo) for k, v in data["dict"]}
    if "todo" in data:
        return todo
    if "opaque" in data:
        return Opaque(str(data["opaque"]))
    raise ValueError(f"not an encoded value: keys {sorted(data)}")


def _hashable(key: Any) -> Any:
    return key.item() if isinstance(key, np.generic) else key


def _publish(data: dict[str, Any]) -> None:
    from IPython.display import publish_display_data

    publish_display_data(data)


class Helpers:
    """The three requests the grader makes, on the learner's ``namespace``.

    ``roots`` are the files and folders of dlcourse's own answers: a call from the learner's
    code into one of them is reported (the exercise is to write it, not to call it).
    """

    def __init__(
        self,
        namespace: dict[str, Any],
        roots: tuple[str, ...],
        recorder: Any = None,
        repairs: Any = None,
        publish: Callable[[dict[str, Any]], None] = _publish,
    ) -> None:
        self.namespace, self.roots, self.publish = namespace, tuple(roots), publish
        self.recorder = recorder  # dlcourse.teaching.recorder's functions, as sent
        self.repairs = repairs  # dlcourse.teaching.repairs's, as sent
        self.variants: dict[str, Any] = {}  # changed copies of a learner's function, by name

    def _function(self, name: str) -> Any:
        """The learner's function ``name``, or a changed copy made by :meth:`changes`."""
        return self.variants[name] if name in self.variants else self.namespace.get(name)

    def reply(self, nonce: str, **content: Any) -> None:
        self.publish({MIME: {"nonce": nonce, **content}})

    def defined(self, nonce: str, names: list[str]) -> None:
        """Which of ``names`` the learner defined, each a "function" or a "value"."""
        found = {
            name: "function" if callable(self.namespace[name]) else "value"
            for name in names
            if name in self.namespace
        }
        self.reply(nonce, result=found)

    def get(self, nonce: str, name: str) -> None:
        """The learner's value ``name``, as data."""
        self.reply(nonce, result=encode(self.namespace.get(name)))

    def call(self, nonce: str, name: str, payload: str) -> None:
        """Call the learner's function ``name`` on the decoded ``payload``; reply with its
        result or its exception, what it printed, whether it reached a TODO placeholder and
        which of dlcourse's answers it called."""
        function, args = self._function(name), decode(json.loads(payload))
        before = [a.copy() if isinstance(a, np.ndarray) else None for a in args]
        for argument in args:  # as the checks pass them: a write into one raises
            if isinstance(argument, np.ndarray):
                argument.setflags(write=False)
        printed, calls = io.StringIO(), []
        content: dict[str, Any] = {}
        attempts = sys.modules.get("dlcourse.teaching.attempt")  # the notebook's own stubs
        with attempts.attempt() if attempts else contextlib.nullcontext() as record:
            try:
                with contextlib.redirect_stdout(printed):
                    sys.setprofile(self._watch(calls))
                    try:
                        result = function(*args)
                    finally:
                        sys.setprofile(None)
                content["result"] = encode(result)
            except BaseException as error:  # the grader reports it as the learner's exception
                if isinstance(error, KeyboardInterrupt):
                    raise
                content["error"] = self._error(error)
        content["printed"] = printed.getvalue()[-10000:]
        content["todo"] = bool(record is not None and getattr(record, "placeholders", 0))
        content["reference"] = list(dict.fromkeys(calls))[:5]
        content["changed"] = [  # the arguments it changed in place
            i
            for i, (old, new) in enumerate(zip(before, args, strict=True))
            if old is not None and not np.array_equal(old, new, equal_nan=old.dtype.kind in "fc")
        ]
        self.reply(nonce, **content)

    def trace(self, nonce: str, name: str, payload: str) -> None:
        """Call the learner's function ``name`` as :func:`record` does; reply with its result
        and the values its code produced (or its exception)."""
        function, args = self._function(name), decode(json.loads(payload))
        content: dict[str, Any] = {}
        try:
            with contextlib.redirect_stdout(io.StringIO()):
                skip = self.recorder["library_roots"](self.roots)
                result, values = self.recorder["record"](function, args, skip)
            content = {"result": encode(result), "values": [encode(v) for v in values]}
        except BaseException as error:
            if isinstance(error, KeyboardInterrupt):
                raise
            content["error"] = self._error(error)
        self.reply(nonce, **content)

    def changes(
        self,
        nonce: str,
        name: str,
        expected: list[str],
        swappable: list[Any],
        answers: list[str] | None = None,
    ) -> None:
        """Make the candidate changes of the learner's function ``name``
        (:func:`dlcourse.teaching.repairs.variants`), kept under names of their own (``name#i``,
        never a Python name); reply with ``[name#i, its kind, what it undoes, its place]``
        for each, the names of the learner's functions ``name`` uses (``uses``) and the
        notebook's arrays they read, with their shapes (``reads``)."""
        content: dict[str, Any] = {}
        try:
            with contextlib.redirect_stdout(io.StringIO()):
                skip = self.recorder["library_roots"](self.roots)
                made = self.repairs["variants"](
                    self.namespace.get(name),
                    skip,
                    self.recorder["_rewrite"],
                    tuple(expected),
                    tuple(tuple(pair) for pair in swappable),
                    tuple(answers or ()),
                )
                uses = self.repairs["learner_functions"](self.namespace.get(name), skip)
                reads = self.repairs["notebook_arrays"](self.namespace.get(name), skip)
            self.variants = {f"{name}#{i}": made[i][2] for i in range(len(made))}
            content["uses"] = uses
            content["reads"] = [[array, list(shape)] for array, shape in reads]
            content["result"] = [
                [f"{name}#{i}", kind, text, place] for i, (kind, text, _, place) in enumerate(made)
            ]
        except Exception as error:
            content["error"] = self._error(error)
        self.reply(nonce, **content)

    def _error(self, error: BaseException) -> list[Any]:
        """The learner's exception as data: its type's name, its message, the learner's line."""
        line = None
        if self.recorder is not None:
            line = self.recorder["learner_line"](error, self.recorder["library_roots"](self.roots))
        return [type(error).__name__, str(error)[:2000], line]

    def _watch(self, calls: list[str]) -> Callable[..., None]:
        roots = self.roots

        def watch(frame: Any, event: str, arg: Any) -> None:
            caller = frame.f_back  # only where the learner's code enters dlcourse
            if (
                event == "call"
                and frame.f_code.co_filename.startswith(roots)
                and not (caller and caller.f_code.co_filename.startswith(roots))
            ):
                calls.append(frame.f_globals.get("__name__", "?") + "." + frame.f_code.co_name)

        return watch
