"""LinearRegression on n=1,000,000, d=100: well-conditioned, and with cond(X) about 1e6."""

from __future__ import annotations

import numpy as np
from _harness import Row, format_table, interleaved
from sklearn.linear_model import LinearRegression as SkLinearRegression

from dlcourse.models import LinearRegression


def data(n: int = 1_000_000, d: int = 100, collinear: bool = False, seed: int = 0):
    rng = np.random.default_rng(seed)
    X = rng.standard_normal((n, d))
    if collinear:
        X[:, 1] = X[:, 0] + 1e-6 * rng.standard_normal(n)
    w = rng.standard_normal(d)
    return X, X @ w + 3.0, w


def run(quick: bool = False) -> list[Row]:
    n = 300_000 if quick else 1_000_000
    X, y, w = data(n)
    ours, ref = LinearRegression(), SkLinearRegression()
    t = interleaved({"ours": lambda: ours.fit(X, y), "sklearn": lambda: ref.fit(X, y)}, 3)
    error = np.abs(ours.coef_ - w).max()
    rows = [
        Row(
            f"LinearRegression, n={n:,}, d=100, well-conditioned",
            t["ours"],
            "sklearn LinearRegression",
            t["sklearn"],
            ">=10x, err<=1e-10",
            t["sklearn"] / t["ours"] >= 10 and error <= 1e-10,
            notes=[
                f"max coefficient error {error:.1e} (sklearn: {np.abs(ref.coef_ - w).max():.1e})"
            ],
        )
    ]
    del X, y
    X, y, w = data(n, collinear=True)
    X1 = np.column_stack([np.ones(n), X])
    solution = {}
    t = interleaved(
        {
            "ours": lambda: ours.fit(X, y),
            "lstsq": lambda: solution.setdefault("w", np.linalg.lstsq(X1, y, rcond=None)[0]),
            "sklearn": lambda: ref.fit(X, y),
        },
        3,
    )
    error, lstsq_error = np.abs(ours.coef_ - w).max(), np.abs(solution["w"][1:] - w).max()
    rows += [
        Row(
            "the same with two nearly collinear columns (cond 1e6)",
            t["ours"],
            "numpy lstsq",
            t["lstsq"],
            "err<=10x lstsq",
            error <= 10 * lstsq_error,
            notes=[f"max coefficient error {error:.1e}, lstsq's {lstsq_error:.1e}"],
        ),
        Row(
            "",
            t["ours"],
            "sklearn LinearRegression",
            t["sklearn"],
            ">=3x",
            t["sklearn"] / t["ours"] >= 3,
        ),
    ]
    return rows


if __name__ == "__main__":
    print(format_table(run()))
