"""Experiments beyond Lesson 1 about gradient descent itself: GD, SGD and mini-batches on one
loss surface, learning rates too small and too large, and a line moving under SGD.

Every function returns plain numbers and lists (ready for JSON); none prints. Every random
choice follows ``random_state``.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

from dlcourse.data import add_bias
from dlcourse.losses import half_squared_error
from dlcourse.training import gradient_descent_mse, sgd

__all__ = ["learning_rate_range", "optimiser_paths", "sgd_line_path"]


# ----------------------------------------------------- 4. GD vs SGD vs mini-batch


def optimiser_paths(
    batch_sizes: Sequence[int | None] = (None, 10, 1),
    learning_rate: float = 0.1,
    epochs: int = 10,
    n_samples: int = 50,
    random_state: int = 0,
) -> dict[str, Any]:
    """Gradient descent, mini-batch and per-sample SGD on a two-weight problem.

    Linear regression ŷ = w₀ + w₁x on noisy data, loss ½·MSE, the same start and learning
    rate for each method. Returns each method's path of weights (one point per update), its
    loss after every update against the number of per-sample gradients computed so far, and
    the loss on a grid of (w₀, w₁) for a contour plot.
    """
    rng = np.random.default_rng(random_state)
    x = rng.standard_normal(n_samples)
    y = 1.0 - 0.5 * x + 0.5 * rng.standard_normal(n_samples)
    X = add_bias(x[:, None])  # (n, 2)
    w_start = np.array([-2.0, 2.5])
    methods = []
    for batch_size in batch_sizes:
        path = [w_start.copy()]
        sgd(
            X,
            y,
            w_start,
            model="linear",
            learning_rate=learning_rate,
            epochs=epochs,
            batch_size=batch_size,
            rng=np.random.default_rng(random_state),
            on_update=path.append,
        )
        path = np.array(path)  # (updates + 1, 2)
        b = n_samples if batch_size is None else batch_size
        methods.append(
            {
                "name": {None: "gradient descent", 1: "SGD (batch 1)"}.get(
                    batch_size, f"mini-batch ({b})"
                ),
                "batch_size": batch_size,
                "path": path.tolist(),
                "gradient_evaluations": (np.arange(len(path)) * min(b, n_samples)).tolist(),
                "loss": [_half_mse(X, y, w) for w in path],
            }
        )
    w_best = np.linalg.lstsq(X, y, rcond=None)[0]
    w0, w1 = np.meshgrid(np.linspace(-3, 3.5, 80), np.linspace(-2.5, 3.5, 80))
    W_grid = np.stack([w0.ravel(), w1.ravel()])  # (2, 80·80): one column per grid point
    grid_loss = (0.5 * np.mean((X @ W_grid - y[:, None]) ** 2, axis=0)).reshape(w0.shape)
    return {
        "learning_rate": learning_rate,
        "epochs": epochs,
        "methods": methods,
        "w_best": w_best.tolist(),
        "loss_best": _half_mse(X, y, w_best),
        "grid_w0": w0[0].tolist(),
        "grid_w1": w1[:, 0].tolist(),
        "grid_loss": grid_loss.round(5).tolist(),
    }


def _half_mse(X: np.ndarray, y: np.ndarray, w: np.ndarray) -> float:
    return float(np.mean(half_squared_error(y, X @ w)))


# ---------------------------------------------- 5. learning rates too large and too small


def learning_rate_range(
    factors: Sequence[float] = (0.02, 0.2, 0.6, 0.95, 1.1),
    steps: int = 40,
    n_samples: int = 50,
    random_state: int = 0,
) -> dict[str, Any]:
    """Full-batch gradient descent on the MSE of linear regression at several learning rates.

    The rates are ``factors`` times the critical rate 2/λ_max, where λ_max is the largest
    eigenvalue of the Hessian (2/n) XᵀX: below it every step brings the weights closer, above
    it the error along the steepest direction grows by |1 - λ λ_max| > 1 per step. A run
    whose loss exceeds 10⁶ times its start is stopped and marked as diverged.
    """
    rng = np.random.default_rng(random_state)
    x = rng.standard_normal(n_samples) * 2 + 1
    X = add_bias(x[:, None])
    y = 0.5 + 1.5 * x + 0.3 * rng.standard_normal(n_samples)
    hessian = 2.0 / n_samples * X.T @ X
    critical = 2.0 / np.linalg.eigvalsh(hessian).max()
    runs = []
    for factor in factors:
        learning_rate = factor * critical
        path = gradient_descent_mse(X, y, np.zeros(2), learning_rate=learning_rate, steps=steps)
        with np.errstate(over="ignore", invalid="ignore"):
            loss = np.mean((path @ X.T - y) ** 2, axis=1)  # (steps+1,)
        blown = np.flatnonzero(~(loss < 1e6 * loss[0]))
        stop = int(blown[0]) if blown.size else None
        runs.append(
            {
                "learning_rate": float(learning_rate),
                "factor": float(factor),
                "loss": loss[: stop if stop is not None else None].tolist(),
                "diverged": bool(stop is not None or loss[-1] > loss[0]),
                "stopped_at_step": stop,
            }
        )
    return {"critical_learning_rate": float(critical), "steps": steps, "runs": runs}


# ------------------------------------------------------------ 8. training you can watch


def sgd_line_path(
    n_samples: int = 30, learning_rate: float = 0.05, epochs: int = 2, random_state: int = 0
) -> dict[str, Any]:
    """Per-sample SGD on the toy regression line, recording the weights after every update."""
    rng = np.random.default_rng(random_state)
    x = rng.uniform(-2, 2, n_samples)
    y = 0.5 + 1.0 * x + 0.3 * rng.standard_normal(n_samples)
    w_start = np.array([-1.5, -1.0])
    path = [w_start.copy()]
    sgd(
        add_bias(x[:, None]),
        y,
        w_start,
        model="linear",
        learning_rate=learning_rate,
        epochs=epochs,
        rng=np.random.default_rng(random_state),
        on_update=path.append,
    )
    return {"x": x.tolist(), "y": y.tolist(), "path": np.array(path).tolist()}


# ----------------------------------------------------------------------------- helpers
