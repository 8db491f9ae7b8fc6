"""The SGD classifiers' training problem from a Dask array: X, targets and starting weights,
with X never gathered (the labels are read once, to find the classes)."""

from __future__ import annotations

from functools import partial
from typing import Any

import numpy as np

from dlcourse.engines.chunked import row_chunks
from dlcourse.models.initial_weights import initial_weights
from dlcourse.validation import check_bool, forget_features

__all__ = ["chunked_problem"]


def chunked_problem(model: Any, X: Any, y: Any, init_weights: Any, rng: np.random.Generator):
    """(X, Y, W) for ``model.fit`` on a row-chunked Dask array.

    X is rechunked to whole rows; Y, the targets, is a Dask array cut at the same rows and
    encoded chunk by chunk when computed; W is drawn as in an in-memory fit, so both start
    alike. Sets ``classes_`` and ``n_features_in_``.
    """
    fit_intercept = check_bool("fit_intercept", model.fit_intercept)
    _, _, X, y = row_chunks(X, y)
    if y.ndim != 1:
        raise ValueError(f"y must be 1-D, of shape (n_samples,), got shape {y.shape}.")
    model._set_classes(_unique_labels(y))
    forget_features(model, X.shape[1])
    dtype = X.dtype if X.dtype in (np.float32, np.float64) else np.dtype(np.float64)
    K = len(model.classes_)
    shape = model._weights_shape(X.shape[1] + fit_intercept, K)
    W = initial_weights(init_weights, shape, rng, dtype, fit_intercept)
    encode = partial(_encode_chunk, model, K, dtype)
    # targets (n,) for one column of weights, (n, K) for K: a new axis of one chunk
    columns = {} if len(shape) == 1 else {"new_axis": 1, "chunks": (y.chunks[0], (K,))}
    Y = y.map_blocks(encode, dtype=dtype, meta=np.empty((0,) * len(shape), dtype), **columns)
    return X, Y, W


def _encode_chunk(model: Any, n_classes: int, dtype: np.dtype, labels: np.ndarray) -> np.ndarray:
    """The targets of one chunk's labels, in the dtype X's chunks are trained in."""
    return model._encode_targets(model._class_indices(labels), n_classes).astype(dtype)


def _unique_labels(y: Any) -> np.ndarray:
    """The distinct labels of a Dask array (one pass over y, not over X)."""
    import dask.array as da

    return da.unique(y).compute()
