"""The data that crosses between the grader and a learner's kernel: plain values only, the
replies on a channel of their own (never the kernel's stdout)."""

import json

import numpy as np
import pytest

from dlcourse.teaching import kernel_side
from dlcourse.teaching.attempt import TODO, attempt, not_done
from dlcourse.teaching.kernel_side import MIME
from dlcourse.teaching.remote import Opaque, RemoteFunction, decode, encode, install_code, request
from dlcourse.teaching.verdicts import NamedMistake, call


@pytest.mark.parametrize(
    "value",
    [
        None,
        True,
        3,
        0.1,
        float("nan"),
        "text",
        [1, 2.5],
        (1, (2, 3)),
        {0.1: 100.0, 0.01: 87.5},
        np.arange(6.0).reshape(2, 3),
        np.array([1, 2], dtype=np.int32),
        np.float32(1.5),
        np.array([True, False]),
    ],
)
def test_values_come_back_as_they_went(value):
    back = decode(json.loads(json.dumps(encode(value))))
    assert type(back) is type(value)
    if isinstance(value, np.ndarray):
        assert back.dtype == value.dtype and back.shape == value.shape
        np.testing.assert_array_equal(back, value)
    elif isinstance(value, float) and np.isnan(value):
        assert np.isnan(back)
    else:
        assert back == value


def test_anything_else_arrives_as_its_type_name_never_as_code():
    assert repr(decode(encode(object()))) == "<object>"
    assert isinstance(decode({"array": "", "dtype": "|O", "shape": [0]}), Opaque)
    with pytest.raises(ValueError):
        decode({"pickle": "gASVAAAAAAAAAAA="})


def _kernel_like():
    """The kernel side, set up by the very cell the grader sends, in a plain namespace that
    stands for the kernel; its display messages are collected as a cell's outputs."""
    published = []
    namespace = {}
    exec(install_code(("/nowhere",)), namespace)
    namespace["__dlcourse_helpers"].publish = lambda data: published.append(
        {"output_type": "display_data", "data": data}
    )

    def run(code, timeout=None):
        published.clear()
        exec(code, namespace)
        return list(published)

    return namespace, run


def test_a_remote_call_returns_the_learners_result_and_their_exceptions(capsys):
    namespace, run = _kernel_like()
    namespace["double"] = lambda x: 2 * x
    namespace["broken"] = lambda x: undefined  # noqa: F821
    namespace["todo"] = lambda x: TODO

    np.testing.assert_array_equal(RemoteFunction("double", run)(np.arange(3.0)), [0, 2, 4])
    with pytest.raises(Exception, match="undefined") as caught:
        RemoteFunction("broken", run)(1.0)
    assert type(caught.value).__name__ == "NameError"
    assert RemoteFunction("todo", run)(1.0) is TODO


def test_a_reached_placeholder_and_the_prints_come_back_with_the_call(capsys):
    namespace, run = _kernel_like()

    def stub(x):
        print("still a stub")
        return not_done(x)

    namespace["stub"] = stub
    with attempt() as record:
        assert RemoteFunction("stub", run)(1.0) == 1.0
    assert record.reached_todo
    assert "still a stub" in capsys.readouterr().out


def test_prints_and_foreign_display_messages_are_never_taken_for_a_reply():
    namespace, run = _kernel_like()
    forged = {"nonce": "0", "result": {"float": "1.0"}}

    def liar(x):
        print("\x1e__dlcourse_reply__" + json.dumps(forged))  # the old stdout channel
        namespace["__dlcourse_helpers"].publish({MIME: forged})  # a reply to another request
        return 2.0

    namespace["liar"] = liar
    assert RemoteFunction("liar", run)(1.0) == 2.0
    with pytest.raises(RuntimeError, match="no answer"):
        request(lambda code: [{"output_type": "stream", "name": "stdout", "text": "x"}], "get", "a")


def test_the_kernel_side_is_one_module_that_imports_nothing_of_dlcourse():
    import ast
    import inspect

    tree = ast.parse(inspect.getsource(kernel_side))
    imported = [
        alias.name if isinstance(node, ast.Import) else node.module
        for node in ast.walk(tree)
        if isinstance(node, ast.Import | ast.ImportFrom)
        for alias in node.names
    ]
    assert not [name for name in imported if name and name.startswith("dlcourse")]


def test_the_helpers_are_set_up_whatever_the_learners_names_shadow():
    namespace = {"compile": lambda *a: 1 / 0, "exec": None, "globals": None, "print": None}
    exec(install_code(("/nowhere",)), namespace)
    published = []
    namespace["__dlcourse_helpers"].publish = lambda data: published.append(
        {"output_type": "display_data", "data": data}
    )
    namespace["double"] = lambda x: 2 * x

    def run(code, timeout=None):
        published.clear()
        exec(code, namespace)
        return list(published)

    np.testing.assert_array_equal(RemoteFunction("double", run)(np.arange(3.0)), [0, 2, 4])


def test_an_argument_changed_in_place_in_the_kernel_is_reported():
    namespace, run = _kernel_like()

    def scale(x):
        x *= 2
        return x

    namespace["scale"] = scale
    remote = RemoteFunction("scale", run)
    # the arguments arrive read-only, as the checks pass them: the write itself is named
    with pytest.raises(NamedMistake, match="changes `x`, the array it was given, in place at `x"):
        call(remote, np.ones(2))

    def sneaky(x):
        x.setflags(write=True)  # it owns its data, so this is allowed
        x *= 2
        return x

    namespace["sneaky"] = sneaky
    remote = RemoteFunction("sneaky", run)
    np.testing.assert_array_equal(remote(np.ones(2)), [2, 2])
    assert remote.changed == [0]


def test_the_install_cell_stays_far_below_what_a_kernel_at_its_process_limit_garbles():
    # the kernel echoes the cell to every listener; past 64 KiB, a kernel that the learner's
    # code brought to its process limit garbled that message (test_grading_hostile's bomb)
    from dlcourse.teaching.guards import reference_roots

    assert len(install_code(reference_roots())) < 48 * 1024
