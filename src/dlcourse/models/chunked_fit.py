"""The SGD classifiers on a Dask array: full-batch gradient descent, chunk by chunk."""

from __future__ import annotations

from functools import partial
from typing import Any

import numpy as np

from dlcourse.engines.chunked import full_batch_descent_chunked, row_chunks
from dlcourse.models.initial_weights import initial_weights
from dlcourse.models.progress import EpochProgress
from dlcourse.validation import check_bool, forget_features

__all__ = ["fit_chunked"]


def fit_chunked(model, X, y, init_weights, learning_rate, epochs, batch_size, rng):
    """``model.fit(X, y)`` for a row-chunked Dask array: one tree reduction per epoch, X never
    gathered. The weights are drawn as in an in-memory fit, so both start alike."""
    if batch_size is not None:
        raise ValueError(
            f"batch_size={batch_size} on a Dask array: per-sample and mini-batch SGD visit "
            "the samples one by one, which a chunked array is not made for. Use "
            "batch_size=None (full-batch gradient descent, chunk by chunk) or stream the "
            "chunks through partial_fit."
        )
    fit_intercept = check_bool("fit_intercept", model.fit_intercept)
    X_blocks, y_blocks, X, y = row_chunks(X, y)
    if y.ndim != 1:
        raise ValueError(f"y must be 1-D, of shape (n_samples,), got shape {y.shape}.")
    model._set_classes(_unique_labels(y))
    forget_features(model, X.shape[1])
    dtype = X.dtype if X.dtype in (np.float32, np.float64) else np.dtype(np.float64)
    model._order_rng = rng
    shape = model._weights_shape(X.shape[1] + fit_intercept, len(model.classes_))
    W = initial_weights(init_weights, shape, rng, dtype, fit_intercept)
    with EpochProgress(model.verbose, epochs, type(model).__name__) as callback:
        W, loss_history = full_batch_descent_chunked(
            X_blocks,
            y_blocks,
            W,
            n=X.shape[0],
            encode=partial(_encode_chunk, model, len(model.classes_)),
            model=model._model,
            intercept=fit_intercept,
            learning_rate=learning_rate,
            epochs=epochs,
            callback=callback,
        )
    model.weights_ = W
    model.loss_history_ = loss_history
    return model


def _encode_chunk(model: Any, n_classes: int, labels: np.ndarray) -> np.ndarray:
    """The targets of one chunk's labels."""
    return model._encode_targets(model._class_indices(labels), n_classes)


def _unique_labels(y: Any) -> np.ndarray:
    """The distinct labels of a Dask array (one pass over y, not over X)."""
    import dask.array as da

    return da.unique(y).compute()
