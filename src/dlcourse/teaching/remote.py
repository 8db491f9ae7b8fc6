"""Calling a learner's functions in their own kernel, from the grader's process.

The grader runs the checks itself; only the learner's functions run in the learner's kernel,
through the helpers of :mod:`dlcourse.teaching.kernel_side` (sent there once, as source, by
:func:`install_code`). Each call sends the probe's inputs as plain data; the reply comes back
as plain data in a display message of its own MIME type, and the grader decodes it with its
own code: nothing the learner's code patches in the kernel, and no frame it inspects, holds a
reference answer. :class:`RemoteFunction` makes such a call look like a direct one to
:func:`dlcourse.teaching.verdicts.call`, so the same check code serves both.
"""

from __future__ import annotations

import base64
import inspect
import json
import secrets
import sys
import zlib
from collections.abc import Callable
from typing import Any

from dlcourse.teaching import kernel_side, recorder, repairs
from dlcourse.teaching.attempt import TODO, current_attempt, not_done
from dlcourse.teaching.guards import _TooLong
from dlcourse.teaching.kernel_side import MIME, Opaque, encode

__all__ = ["CallTooLong", "Opaque", "RemoteFunction", "decode", "encode", "install_code", "request"]

_HELPERS = "__dlcourse_helpers"  # the one name the helpers take in the learner's namespace


def decode(data: Any) -> Any:
    """The value the kernel sent, with the placeholder answer as ``TODO``; never runs code."""
    return kernel_side.decode(data, todo=TODO)


def install_code(roots: tuple[str, ...]) -> str:
    """The cell that sets the helpers up in the kernel: the sources of
    :mod:`~dlcourse.teaching.recorder` and :mod:`~dlcourse.teaching.kernel_side`, each run in a
    namespace of its own, bound to the learner's names (``roots``: dlcourse's own answers).

    The cell runs among the learner's names, so it looks up none of them: ``exec``, ``compile``
    and the namespace come from a lambda's own builtins and globals (a learner's function
    called ``compile`` is not the builtin). The sources travel compressed: the kernel echoes a
    cell to every listener before it runs it, and a kernel the learner's code brought to its
    process limit garbles a message past 64 KiB (the plain sources are over 80 KB).
    """
    sources = [inspect.getsource(m) for m in (recorder, kernel_side)] + [repairs.kernel_source()]
    h = _HELPERS  # (the builtins, the learner's namespace, the recorder's, the helpers', repairs')
    unpack = f"{h}[0]['__import__']('zlib').decompress({h}[0]['__import__']('base64').b85decode"
    run = [
        f"{h}[0]['exec']({h}[0]['compile']({unpack}({_packed(source)!r})).decode(), "
        f"'<dlcourse kernel side>', 'exec'), {h}[{n}])"
        for n, source in enumerate(sources, start=2)
    ]
    return "\n".join(
        [
            f"{h} = (lambda: None)",
            f"{h} = ({h}.__builtins__, {h}.__globals__, "
            "{'__name__': 'r'}, {'__name__': 'k'}, {'__name__': 'p'})",
            *run,
            f"{h} = {h}[3]['Helpers']({h}[1], {tuple(roots)!r}, {h}[2], {h}[4])",
        ]
    )


def _packed(source: str) -> str:
    return base64.b85encode(zlib.compress(source.encode(), 9)).decode("ascii")


class CallTooLong(TimeoutError):
    """One call of the learner's function ran past its limit; the kernel was interrupted."""


class RemoteFunction:
    """A learner's function that lives in their kernel; calling it is one round trip.

    ``run(code)`` executes a line in the kernel and returns the cell's outputs, or raises
    :class:`CallTooLong` when the kernel had to be interrupted.
    """

    timed_elsewhere = True  # its time limit is kept by the grader's watchdog, not an alarm
    changed: list[int] | None = None  # the arguments the last call changed in place
    uses: tuple[str, ...] = ()  # the learner's functions it calls, as :meth:`variants` found them
    reads: tuple[tuple[str, tuple[int, ...]], ...] = ()  # the notebook's arrays they read

    def __init__(self, name: str, run: Callable[[str], list[dict[str, Any]]]) -> None:
        self.name, self._run = name, run

    def __call__(self, *args: Any) -> Any:
        payload = json.dumps(encode(list(args)))
        try:
            reply = request(self._run, "call", self.name, payload)
        except CallTooLong:
            raise _TooLong from None
        sys.stdout.write(str(reply.get("printed", "")))
        changed = reply.get("changed", [])
        self.changed = [int(i) for i in changed] if isinstance(changed, list) else []
        if reply.get("todo"):
            not_done(None)
        record = current_attempt()
        if record is not None:
            record.reference_calls += [str(name) for name in reply.get("reference", [])]
        if "error" in reply:
            raise _learners_exception(reply["error"])
        return decode(reply.get("result"))

    def record(self, *args: Any) -> tuple[Any, list[Any]]:
        """The call as :func:`dlcourse.teaching.kernel_side.record` makes it, in the kernel:
        ``(result, the values the learner's code produced)``; its exception is raised."""
        payload = json.dumps(encode(list(args)))
        try:
            reply = request(self._run, "trace", self.name, payload)
        except CallTooLong:
            raise _TooLong from None
        if "error" in reply:
            raise _learners_exception(reply["error"])
        values = reply.get("values", [])
        return decode(reply.get("result")), [decode(v) for v in values][:400]

    def sibling(self, name: str) -> RemoteFunction:
        """The learner's function ``name`` in the same kernel."""
        return RemoteFunction(name, self._run)

    def variants(
        self,
        expected: tuple[str, ...] = (),
        swappable: tuple[tuple[int, int], ...] = (),
        answers: tuple[str, ...] = (),
    ) -> list[tuple[str, str, RemoteFunction, str]]:
        """The candidate changes of :mod:`dlcourse.teaching.repairs`, made in the kernel:
        ``(kind, what each undoes, the changed copy there, its place)``; none when they cannot
        be made. ``expected``: the lesson's parameter names; ``swappable``: pairs of them of
        the same shape; ``answers``: the names of the lesson's answers."""
        try:
            pairs = [list(pair) for pair in swappable]
            reply = request(self._run, "changes", self.name, list(expected), pairs, list(answers))
        except CallTooLong:
            return []
        made = reply.get("result") if isinstance(reply.get("result"), list) else []
        uses = reply.get("uses") if isinstance(reply.get("uses"), list) else []
        self.uses = tuple(str(name) for name in uses)
        reads = reply.get("reads") if isinstance(reply.get("reads"), list) else []
        self.reads = tuple(
            (str(entry[0]), tuple(int(n) for n in entry[1]))
            for entry in reads
            if isinstance(entry, list) and len(entry) == 2 and isinstance(entry[1], list)
        )
        return [
            (str(kind), str(text), RemoteFunction(str(name), self._run), str(place))
            for name, kind, text, place in [
                entry for entry in made if isinstance(entry, list) and len(entry) == 4
            ][: repairs.VARIANT_LIMIT]
        ]


def request(run: Callable[..., list[dict[str, Any]]], what: str, *args: Any) -> dict[str, Any]:
    """Ask the kernel's helpers for ``what`` (``call``, ``get`` or ``defined``) and return its
    reply: the last display message of our MIME type that carries this request's nonce."""
    nonce = secrets.token_hex(8)
    outputs = run(f"{_HELPERS}.{what}({', '.join(map(repr, (nonce, *args)))})")
    for output in reversed(outputs):
        reply = output.get("data", {}).get(MIME)
        if isinstance(reply, dict) and reply.get("nonce") == nonce:
            return reply
    printed = "".join(o.get("text", "") for o in outputs if o.get("name") == "stdout")
    raise RuntimeError(
        "the learner's kernel gave no answer (it may have been stopped)"
        + (f"; it printed {printed[-300:]!r}" if printed.strip() else "")
    )


def _learners_exception(data: Any) -> Exception:
    """The exception the learner's code raised in the kernel, rebuilt from its data: its type's
    name, its message and, as ``learner_line``, the learner's line it came from."""
    type_name, message, line = ([*data, None, None, None] if isinstance(data, list) else [])[:3]
    error = _remote_exception(str(type_name))(str(message))
    error.learner_line = str(line) if line else None  # type: ignore[attr-defined]
    return error


_exceptions: dict[str, type[Exception]] = {}


def _remote_exception(type_name: str) -> type[Exception]:
    """An exception class with the learner's exception's name (its message comes along)."""
    if type_name not in _exceptions:
        _exceptions[type_name] = type(type_name, (Exception,), {})
    return _exceptions[type_name]
