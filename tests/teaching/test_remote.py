"""The data that crosses between the grader and a learner's kernel: plain values only."""

import json

import numpy as np
import pytest

from dlcourse.teaching.remote import KERNEL_HELPERS, Opaque, RemoteFunction, decode, encode
from dlcourse.teaching.verdicts import TODO


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
    """The kernel's helpers, run in a plain namespace, as a stand-in for a kernel."""
    namespace = {"REFERENCE_ROOTS": ("/nowhere",)}
    exec(KERNEL_HELPERS, namespace)
    return namespace


def test_a_remote_call_returns_the_learners_result_and_their_exceptions(capsys):
    namespace = _kernel_like()
    namespace["double"] = lambda x: 2 * x
    namespace["broken"] = lambda x: undefined  # noqa: F821
    namespace["todo"] = lambda x: TODO

    def run(code, timeout=None):
        exec(code, namespace)
        return capsys.readouterr().out

    np.testing.assert_array_equal(RemoteFunction("double", run)(np.arange(3.0)), [0, 2, 4])
    with pytest.raises(Exception, match="undefined") as caught:
        RemoteFunction("broken", run)(1.0)
    assert type(caught.value).__name__ == "NameError"
    assert RemoteFunction("todo", run)(1.0) is TODO
