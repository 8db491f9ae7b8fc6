"""Calling a learner's functions in their own kernel, from the grader's process.

The grader runs the checks itself; only the learner's functions run in the learner's kernel.
Each call sends the probe's inputs to the kernel as plain data (JSON, arrays as raw bytes),
the kernel calls the learner's function and sends back plain data, and the grader decodes it
with its own code: nothing the learner's code patches in the kernel, and no frame it inspects,
holds a reference answer. :class:`RemoteFunction` makes such a call look like a direct one to
:func:`dlcourse.teaching.verdicts.call`, so the same check code serves both.

Decoding never runs code from the kernel (no pickle): it accepts None, booleans, numbers,
strings, lists, tuples, dicts and NumPy arrays of numeric dtypes; anything else arrives as an
:class:`Opaque` value that names its type.
"""

from __future__ import annotations

import base64
import inspect
import json
import secrets
import sys
import textwrap
from collections.abc import Callable
from typing import Any

import numpy as np

from dlcourse.teaching.guards import _TooLong, reference_calls
from dlcourse.teaching.verdicts import TODO, not_done

__all__ = ["KERNEL_HELPERS", "CallTooLong", "Opaque", "RemoteFunction", "decode", "encode"]

_ARRAY_KINDS = "biufc"


class Opaque:
    """A value the kernel returned that is neither data nor an array: only its type is known."""

    def __init__(self, type_name: str) -> None:
        self.type_name = type_name

    def __repr__(self) -> str:
        return f"<{self.type_name}>"


def encode(value: Any) -> Any:
    """``value`` as JSON-able data. The kernel runs this same function (its source is sent
    in :data:`KERNEL_HELPERS`), so it may use only ``np`` and ``base64``."""
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


def decode(data: Any) -> Any:
    """The value that :func:`encode` (or the kernel) wrote; never runs code."""
    if data is None or isinstance(data, bool | int | str):
        return data
    if isinstance(data, float):
        return data
    if not isinstance(data, dict) or len(data) == 0:
        raise ValueError(f"not an encoded value: {type(data).__name__}")
    if "float" in data:
        return float(data["float"])
    if "array" in data:
        dtype = np.dtype(data["dtype"])
        if dtype.kind not in _ARRAY_KINDS or dtype.hasobject:
            return Opaque(f"array of {dtype}")
        shape = tuple(int(n) for n in data["shape"])
        raw = base64.b64decode(data["array"])
        array = np.frombuffer(raw, dtype=dtype).reshape(shape).copy()
        return array[()] if data.get("scalar") else array
    if "list" in data:
        return [decode(v) for v in data["list"]]
    if "tuple" in data:
        return tuple(decode(v) for v in data["tuple"])
    if "dict" in data:
        return {_hashable(decode(k)): decode(v) for k, v in data["dict"]}
    if "todo" in data:
        return TODO
    if "opaque" in data:
        return Opaque(str(data["opaque"]))
    raise ValueError(f"not an encoded value: keys {sorted(data)}")


def _hashable(key: Any) -> Any:
    return key.item() if isinstance(key, np.generic) else key


# What the kernel runs, as source text executed in a namespace of its own: it is not imported
# from dlcourse (which the learner's code may have patched in the kernel), and it computes no
# answer, so patching it can only change the learner's own results.
KERNEL_HELPERS = r"""
def __dlcourse_helpers():
    import base64, contextlib, io, json, sys
    from typing import Any
    import numpy as np

    # ENCODE: the grader's own encode(), inserted below

    def decode(data):
        if data is None or isinstance(data, (bool, int, str, float)):
            return data
        if "float" in data:
            return float(data["float"])
        if "array" in data:
            array = np.frombuffer(base64.b64decode(data["array"]), dtype=np.dtype(data["dtype"]))
            array = array.reshape(tuple(data["shape"])).copy()
            return array[()] if data.get("scalar") else array
        if "list" in data:
            return [decode(v) for v in data["list"]]
        if "tuple" in data:
            return tuple(decode(v) for v in data["tuple"])
        if "dict" in data:
            return {decode(k): decode(v) for k, v in data["dict"]}
        raise ValueError("cannot decode")

    def placeholders():
        module = sys.modules.get("dlcourse.teaching.verdicts")
        return getattr(module, "_placeholders_returned", 0)

    def reference_watch(calls):
        def watch(frame, event, arg):
            caller = frame.f_back
            if (event == "call" and frame.f_code.co_filename.startswith(REFERENCE_ROOTS)
                    and not (caller and caller.f_code.co_filename.startswith(REFERENCE_ROOTS))):
                calls.append(frame.f_globals.get("__name__", "?") + "." + frame.f_code.co_name)
        return watch

    def call(nonce, name, payload):
        function = NAMESPACE.get(name)
        args = decode(json.loads(payload))
        printed, calls, before = io.StringIO(), [], placeholders()
        reply = {"nonce": nonce}
        try:
            with contextlib.redirect_stdout(printed):
                sys.setprofile(reference_watch(calls))
                try:
                    result = function(*args)
                finally:
                    sys.setprofile(None)
            reply["result"] = encode(result)
        except BaseException as error:  # the grader reports it as the learner's exception
            if isinstance(error, KeyboardInterrupt):
                raise
            reply["error"] = [type(error).__name__, str(error)[:2000]]
        reply["printed"] = printed.getvalue()[-10000:]
        reply["todo"] = placeholders() != before
        reply["reference"] = list(dict.fromkeys(calls))[:5]
        sys.__stdout__.flush()
        print(MARKER + json.dumps(reply), flush=True)

    def get(nonce, name):
        print(MARKER + json.dumps({"nonce": nonce, "result": encode(NAMESPACE.get(name))}),
              flush=True)

    def defined(nonce, names):
        found = {name: "function" if callable(NAMESPACE[name]) else "value"
                 for name in json.loads(names) if name in NAMESPACE}
        print(MARKER + json.dumps({"nonce": nonce, "result": found}), flush=True)

    return call, get, defined

NAMESPACE = globals()
(__dlcourse_call, __dlcourse_get, __dlcourse_defined) = __dlcourse_helpers()
"""


class CallTooLong(TimeoutError):
    """One call of the learner's function ran past its limit; the kernel was interrupted."""


class RemoteFunction:
    """A learner's function that lives in their kernel; calling it is one round trip.

    ``run(code)`` executes a line in the kernel and returns its stdout, or raises
    :class:`TimeoutError` when the kernel had to be interrupted.
    """

    timed_elsewhere = True  # its time limit is kept by the grader's watchdog, not an alarm

    def __init__(self, name: str, run: Callable[[str], str]) -> None:
        self.name, self._run = name, run

    def __call__(self, *args: Any) -> Any:
        payload = json.dumps(json.dumps(encode(list(args))))
        try:
            reply = request(self._run, f"__dlcourse_call({{nonce}}, {self.name!r}, {payload})")
        except CallTooLong:
            raise _TooLong from None
        sys.stdout.write(reply.get("printed", ""))
        if reply.get("todo"):
            not_done(None)
        reference_calls.extend(str(name) for name in reply.get("reference", []))
        if "error" in reply:
            type_name, message = reply["error"]
            raise _remote_exception(type_name)(message)
        return decode(reply.get("result"))


def request(run: Callable[[str], str], template: str) -> dict[str, Any]:
    """Run ``template`` (with ``{nonce}``) in the kernel and return the reply it printed."""
    nonce = secrets.token_hex(8)
    output = run(template.replace("{nonce}", repr(nonce)))
    for line in reversed(output.split("\n")):  # not splitlines(): it splits at \x1e too
        if line.startswith(MARKER):
            try:
                reply = json.loads(line[len(MARKER) :])
            except ValueError:
                continue
            if isinstance(reply, dict) and reply.get("nonce") == nonce:
                return reply
    raise RuntimeError(
        "the learner's kernel gave no answer (it may have been stopped)"
        + (f"; it printed {output[-300:]!r}" if output.strip() else "")
    )


MARKER = "\x1e__dlcourse_reply__"
KERNEL_HELPERS = KERNEL_HELPERS.replace("MARKER + ", repr(MARKER) + " + ").replace(
    "    # ENCODE: the grader's own encode(), inserted below\n",
    textwrap.indent(inspect.getsource(encode), "    "),
)
_exceptions: dict[str, type[Exception]] = {}


def _remote_exception(type_name: str) -> type[Exception]:
    """An exception class with the learner's exception's name (its message comes along)."""
    if type_name not in _exceptions:
        _exceptions[type_name] = type(type_name, (Exception,), {})
    return _exceptions[type_name]
