"""How fit time grows with n and with d; draws docs/benchmarks_scaling.png."""

from __future__ import annotations

import time
from pathlib import Path

import numpy as np
from matplotlib.figure import Figure

from dlcourse.models import LinearRegression, SoftmaxRegression


def _median_time(fit, repeats: int = 3) -> float:
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        fit()
        times.append(time.perf_counter() - start)
    return sorted(times)[len(times) // 2]


def measure(quick: bool = False) -> dict[str, dict[str, list[float]]]:
    rng = np.random.default_rng(0)
    ns = [25_000, 50_000, 100_000, 200_000] + ([] if quick else [400_000])
    ds = [10, 25, 50, 100] + ([] if quick else [200])
    SoftmaxRegression(epochs=1).fit(rng.standard_normal((50, 5)), np.arange(50) % 3)
    result: dict[str, dict[str, list[float]]] = {}
    for label, sizes in (("n", ns), ("d", ds)):
        linear, softmax = [], []
        for size in sizes:
            n, d = (size, 50) if label == "n" else (100_000, size)
            X = rng.standard_normal((n, d))
            y = X @ rng.standard_normal(d)
            labels = X[:, :10].argmax(axis=1)
            linear.append(_median_time(lambda X=X, y=y: LinearRegression().fit(X, y)))
            softmax.append(_median_time(lambda X=X, y=labels: SoftmaxRegression(0.01, 1).fit(X, y)))
        result[label] = {"sizes": sizes, "linear": linear, "softmax": softmax}
    return result


def plot(result: dict, path: Path) -> None:
    fig = Figure(figsize=(10, 4), layout="constrained")
    for ax, label, fixed in zip(
        fig.subplots(1, 2), ("n", "d"), ("d = 50", "n = 100,000"), strict=True
    ):
        sizes = np.asarray(result[label]["sizes"])
        for key, name in (
            ("linear", "LinearRegression (auto)"),
            ("softmax", "SoftmaxRegression, 1 SGD epoch, K=10"),
        ):
            times = np.asarray(result[label][key])
            ax.loglog(sizes, times, "o-", label=name)
            reference = times[0] * (sizes / sizes[0]) ** (1 if label == "n" else 2)
            if key == "linear" or label == "n":
                ax.loglog(sizes, reference, ":", color="grey")
        ax.set(xlabel=label, ylabel="fit time (s)", title=f"fit time against {label} ({fixed})")
        ax.legend(fontsize=8)
        ax.grid(True, which="both", alpha=0.3)
    fig.text(
        0.5, -0.02, "dotted: linear growth in n; growth as d² for the Gram matrix", ha="center"
    )
    fig.savefig(path, dpi=100, bbox_inches="tight")


if __name__ == "__main__":
    data = measure()
    plot(data, Path(__file__).parent.parent / "docs" / "benchmarks_scaling.png")
    print(data)
