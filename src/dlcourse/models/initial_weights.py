"""The weights an SGD fit starts from: the lesson's standard normal draw, or the user's own."""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike, NDArray

from dlcourse.validation import check_finite

__all__ = ["initial_weights"]


def initial_weights(
    init_weights: ArrayLike | None,
    shape: tuple[int, ...],
    rng: np.random.Generator,
    dtype: np.dtype,
    fit_intercept: bool,
) -> NDArray[np.floating]:
    """The starting weights W, shape (d+1,) or (d+1, K): ``init_weights`` (checked, copied) or
    the lesson's randn.

    The standard normal weights are drawn from ``rng`` in either case, so that the draws
    that follow (the order of the samples) do not depend on whether ``init_weights`` was
    given. One stream serves both: seeding a second one would cost more than an epoch.
    """
    drawn = rng.standard_normal(shape)
    if init_weights is None:
        return drawn.astype(dtype, copy=False)
    W = np.array(init_weights, dtype=dtype)  # a copy: the caller's array is never changed
    if W.shape != shape and W.shape == (*shape, 1):  # the lesson's (d+1, 1) column
        W = W.reshape(shape)
    if W.shape != shape:
        layout = (
            "bias in row 0, then one row per feature"
            if fit_intercept
            else ("one row per feature (fit_intercept=False: no bias row)")
        )
        raise ValueError(f"init_weights must have shape {shape} ({layout}), got shape {W.shape}.")
    check_finite("init_weights", W)
    return W
