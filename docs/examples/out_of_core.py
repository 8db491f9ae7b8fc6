"""Fit linear regression on a data set on disk larger than the workers' memory, with Dask.

    python docs/examples/out_of_core.py --rows 4000000 --features 100 --memory-limit 1GB

1. Writes X (n, d) and y to a folder of .npy chunks (``dask.array.to_npy_stack``), chunk by
   chunk: the whole of X is never in memory, not even while it is made.
2. Starts a local Dask cluster whose worker may use at most ``--memory-limit`` (the nanny
   kills a worker that goes over).
3. Opens the chunks memory-mapped (``from_npy_stack``) and calls ``LinearRegression().fit``:
   each task reads one chunk and returns d×d sums, merged in a tree.
4. Trains ``LogisticRegression`` by full-batch gradient descent on the same chunks (is y above
   3?), one tree reduction of gradient sums per epoch.
5. Prints, as JSON, the data size, the limit, the worker's peak resident memory, the error of
   the regression weights against the ones the data were made with, and the classifier's
   losses and training accuracy.
"""

from __future__ import annotations

import argparse
import json
import resource
import tempfile
import time
from pathlib import Path

import dask.array as da
import numpy as np
from dask.distributed import Client, LocalCluster

from dlcourse.models import LinearRegression, LogisticRegression


def write_dataset(folder: Path, rows: int, features: int, chunk_rows: int, seed: int = 0):
    """X ~ N(0, 1) and y = 3 + X w + noise, written chunk by chunk; returns the true weights."""
    rng = da.random.default_rng(seed)
    w = np.random.default_rng(seed).standard_normal(features)
    X = rng.standard_normal((rows, features), chunks=(chunk_rows, features))
    y = 3.0 + X @ w + 0.01 * rng.standard_normal(rows, chunks=chunk_rows)
    da.to_npy_stack(folder / "X", X)  # X is computed once per chunk for each store; the
    da.to_npy_stack(folder / "y", y)  # generator is seeded per chunk, so both agree
    return np.concatenate([[3.0], w])


def peak_rss_bytes() -> int:
    """This process's peak resident memory (Linux reports it in KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


def rss_bytes() -> int:
    """This process's resident memory now, after importing what a fit needs."""
    import dlcourse.engines.chunked  # noqa: F401 - NumPy, SciPy, numba, scikit-learn: the baseline

    return int(Path("/proc/self/statm").read_text().split()[1]) * resource.getpagesize()


def run(rows: int, features: int, chunk_rows: int, memory_limit: str, folder: Path) -> dict:
    w_true = write_dataset(folder, rows, features, chunk_rows)
    with (
        LocalCluster(
            n_workers=1,
            threads_per_worker=2,
            processes=True,
            memory_limit=memory_limit,
            dashboard_address=None,
        ) as cluster,
        Client(cluster) as client,
    ):
        (baseline,) = client.run(rss_bytes).values()
        X = da.from_npy_stack(folder / "X", mmap_mode="r")
        y = da.from_npy_stack(folder / "y", mmap_mode="r")
        start = time.perf_counter()
        model = LinearRegression().fit(X, y)
        seconds = time.perf_counter() - start
        # Full-batch gradient descent, chunk by chunk: is y above its intercept of 3?
        start = time.perf_counter()
        labels = y > 3.0
        classifier = LogisticRegression(0.5, epochs=5, batch_size=None)
        classifier.fit(X, labels, init_weights=np.zeros(features + 1))
        gd_seconds = time.perf_counter() - start
        accuracy = float((classifier.predict(X) == labels).mean().compute())
        (worker_peak,) = client.run(peak_rss_bytes).values()
        (limit,) = (w.memory_limit for w in cluster.scheduler.workers.values())
    return {
        "rows": rows,
        "features": features,
        "data_bytes": rows * (features + 1) * 8,
        "memory_limit_bytes": int(limit),
        "worker_rss_before_fit_bytes": int(baseline),
        "worker_peak_rss_bytes": int(worker_peak),
        "fit_seconds": round(seconds, 2),
        "max_weight_error": float(np.abs(model.weights_ - w_true).max()),
        "logistic_gd_5_epochs_seconds": round(gd_seconds, 2),
        "logistic_training_accuracy": round(accuracy, 4),
        "logistic_loss_history": [round(float(v), 4) for v in classifier.loss_history_],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=4_000_000)
    parser.add_argument("--features", type=int, default=100)
    parser.add_argument("--chunk-rows", type=int, default=100_000)
    parser.add_argument("--memory-limit", default="1GB")
    parser.add_argument("--folder", type=Path, help="where to write the data (default: a temp dir)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(dir=args.folder) as folder:
        result = run(args.rows, args.features, args.chunk_rows, args.memory_limit, Path(folder))
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
