"""One code path for NumPy, PyTorch and CuPy arrays, through the Python array API standard.

The math modules call ``xp.exp``, ``xp.sum(..., axis=...)`` and the like on ``xp =
get_namespace(...)``: NumPy itself for NumPy input (no wrapper, no cost), otherwise the
array-api-compat namespace of the input's library, so that the work stays on the input's
device (a GPU for CUDA tensors and CuPy arrays).

The estimators follow scikit-learn's convention: they compute with a non-NumPy input's own
library only inside ``sklearn.config_context(array_api_dispatch=True)`` (which needs the
environment variable ``SCIPY_ARRAY_API=1``); without it, input is converted to NumPy.
"""

from __future__ import annotations

from typing import Any

import array_api_compat
import numpy as np
from array_api_compat import is_dask_array

__all__ = [
    "device",
    "dispatch_namespace",
    "get_namespace",
    "like",
    "move_to",
    "numpy_dtype",
    "same_namespace",
    "to_numpy",
    "weights_as",
]


def get_namespace(*arrays: Any) -> Any:
    """The array namespace of the arrays: ``numpy`` unless one comes from another library."""
    others = [a for a in arrays if type(a) is not np.ndarray and _foreign(a)]
    return array_api_compat.array_namespace(*others) if others else np


def dispatch_namespace(*arrays: Any) -> Any:
    """The namespace an estimator computes in: the arrays' own, when scikit-learn's
    ``array_api_dispatch`` is on and one of them is a non-NumPy array; else ``numpy``."""
    for a in arrays:
        if type(a) is not np.ndarray and _foreign(a):
            break
    else:  # all NumPy (the common case, checked first: a fit on Iris calls this often)
        return np
    from sklearn import get_config

    return get_namespace(*arrays) if get_config()["array_api_dispatch"] else np


def device(x: Any) -> Any:
    """The device the array lives on (``"cpu"`` for NumPy)."""
    return array_api_compat.device(x)


def to_numpy(x: Any) -> np.ndarray:
    """A (small) array from any library as a NumPy array, moved to the host if need be (not
    necessarily a copy: a NumPy array comes back as it is)."""
    if type(x) is np.ndarray:
        return x
    if array_api_compat.is_torch_array(x):
        return x.detach().cpu().numpy()
    if array_api_compat.is_cupy_array(x):
        return x.get()
    if isinstance(x, np.ndarray | np.generic) or not array_api_compat.is_array_api_obj(x):
        return np.asarray(x)
    return np.from_dlpack(x, device="cpu", copy=True)  # any other library, any device


def move_to(a: Any, like: Any) -> Any:
    """``a`` as an array of ``like``'s library on ``like``'s device (copied only if need be)."""
    xp = get_namespace(like)
    if xp is np:
        return to_numpy(a)
    if get_namespace(a) is xp and device(a) == device(like):
        return a
    return xp.asarray(to_numpy(a), device=device(like))


def same_namespace(a: Any, b: Any) -> bool:
    """Whether two arrays share a library and a device (NumPy inputs always do)."""
    xp = get_namespace(a)
    return xp is get_namespace(b) and (xp is np or device(a) == device(b))


def weights_as(W: Any, X: Any) -> Any:
    """Fitted weights in the library, device and dtype of the data X to predict on."""
    if is_dask_array(X) or type(X) is np.ndarray:
        return to_numpy(W).astype(X.dtype, copy=False)
    xp = get_namespace(X)
    return xp.astype(xp.asarray(W, device=device(X)), X.dtype)


def numpy_dtype(X: Any) -> np.dtype:
    """The NumPy dtype that matches X's (float32 or float64), whatever X's library."""
    if isinstance(X.dtype, np.dtype):
        return X.dtype
    return np.dtype(np.float32) if "float32" in str(X.dtype) else np.dtype(np.float64)


def like(a: np.ndarray, X: Any) -> Any:
    """A NumPy array as an array of X's library, device and dtype."""
    if type(X) is np.ndarray:
        return a.astype(X.dtype, copy=False)
    xp = get_namespace(X)
    return xp.astype(xp.asarray(a, device=device(X)), X.dtype)


def _foreign(a: Any) -> bool:
    return (
        a is not None
        and not isinstance(a, np.ndarray | np.generic)
        and array_api_compat.is_array_api_obj(a)
        and not is_dask_array(a)
    )
