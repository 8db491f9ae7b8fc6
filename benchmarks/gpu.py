"""dlcourse on a GPU through PyTorch tensors (array API dispatch), against idiomatic PyTorch.

    SCIPY_ARRAY_API=1 python benchmarks/gpu.py [--device cuda] [--quick]

Three workloads, each timed side by side in one run (CUDA-synchronised, medians):

- one full-batch gradient-descent step of softmax regression (n=2,097,152, d=784, K=10,
  float32), against the floor of reading X twice at the bandwidth measured here, and against
  the idiomatic ``X @ W``, ``softmax``, ``X.T @ (P - Y)``;
- one epoch of mini-batch SGD (batch 1024) on the same data, against the idiomatic loop
  (``nn.Linear`` + ``CrossEntropyLoss`` + ``optim.SGD`` over ``randperm`` batches);
- the Gram pass of ``LinearRegression`` (float64, n=2,097,152, d=512) against a plain
  ``X.T @ X``.

``--device cpu --quick`` runs the same code on small data on the CPU (a check that the
script works; its numbers say nothing about a GPU).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

import torch
from sklearn import config_context

sys.path.insert(0, str(Path(__file__).parent))

from _harness import Row, format_table

from dlcourse.engines.array_api_training import array_api_gradient_sum
from dlcourse.engines.gram import gram
from dlcourse.models import SoftmaxRegression


def timed(run: Callable[[], object], device: str, repeats: int) -> float:
    """Median seconds per call, the device synchronised around each call (one warm-up)."""
    sync = torch.cuda.synchronize if device.startswith("cuda") else (lambda: None)
    run()
    sync()
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        run()
        sync()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def full_batch(X, y, Y, device, repeats) -> list[Row]:
    n, d = X.shape
    W = torch.zeros((d + 1, Y.shape[1]), dtype=X.dtype, device=device)

    def ours():
        G, _ = array_api_gradient_sum(X, Y, W, model="softmax", intercept=True)
        W.sub_(0.1 * G / n)

    def idiomatic():
        P = torch.softmax(X @ W[1:] + W[0], dim=1)
        R = P - Y
        W[1:].sub_(0.1 * (X.T @ R) / n)
        W[0].sub_(0.1 * R.sum(0) / n)

    t_ours, t_torch = timed(ours, device, repeats), timed(idiomatic, device, repeats)
    t_read = timed(lambda: X.sum(), device, repeats)  # one read of X
    floor = 2 * t_read
    return [
        Row(
            f"softmax full-batch GD step, n={n:,}, d={d}, K={Y.shape[1]}, {X.dtype}",
            t_ours,
            "memory floor (2 reads of X)",
            None,
            "<=1.3x floor",
            t_ours <= 1.3 * floor,
            floor=floor,
            notes=[
                f"{t_ours / floor:.2f}x the floor; idiomatic PyTorch {t_torch * 1e3:.2f} ms "
                f"({t_torch / floor:.2f}x); read bandwidth {X.nbytes / t_read / 1e9:.0f} GB/s"
            ],
        )
    ]


def minibatch_epoch(X, y, device, repeats) -> list[Row]:
    n, d = X.shape
    K = int(y.max()) + 1

    def ours():
        with config_context(array_api_dispatch=True):
            SoftmaxRegression(0.1, epochs=1, batch_size=1024, random_state=0).fit(X, y)

    linear = torch.nn.Linear(d, K, device=device, dtype=X.dtype)
    optimiser = torch.optim.SGD(linear.parameters(), lr=0.1)
    criterion = torch.nn.CrossEntropyLoss()

    def idiomatic():
        for idx in torch.randperm(n, device=device).split(1024):
            optimiser.zero_grad()
            criterion(linear(X[idx]), y[idx]).backward()
            optimiser.step()

    t_ours, t_torch = timed(ours, device, repeats), timed(idiomatic, device, repeats)
    return [
        Row(
            f"softmax mini-batch SGD epoch, batch 1024, n={n:,}",
            t_ours,
            "idiomatic PyTorch loop",
            t_torch,
            ">=10x",
            t_torch / t_ours >= 10,
            notes=[
                f"{(n + 1023) // 1024} steps: {t_ours / ((n + 1023) // 1024) * 1e6:.0f} us each"
            ],
        )
    ]


def gram_rate(n, d, device, repeats) -> list[Row]:
    X = torch.randn((n, d), dtype=torch.float64, device=device)
    y = torch.randn((n,), dtype=torch.float64, device=device)
    t_gram = timed(lambda: gram(X, y, center=True), device, repeats)
    t_plain = timed(lambda: X.T @ X, device, repeats)
    return [
        Row(
            f"LinearRegression Gram pass, n={n:,}, d={d}, float64",
            t_gram,
            "plain X.T @ X",
            t_plain,
            ">=0.8x its rate",
            t_plain / t_gram >= 0.8,
        )
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--device", default="cuda")
    parser.add_argument("--quick", action="store_true", help="small data, few repeats")
    args = parser.parse_args()
    device = args.device
    if device.startswith("cuda") and not torch.cuda.is_available():
        sys.exit("no CUDA device here: run on a GPU machine, or pass --device cpu --quick")
    n, d, K = (8192, 64, 10) if args.quick else (2_097_152, 784, 10)
    repeats = 3 if args.quick else 7
    generator = torch.Generator(device=device).manual_seed(0)
    X = torch.randn((n, d), dtype=torch.float32, device=device, generator=generator)
    y = (X @ torch.randn((d, K), device=device, generator=generator)).argmax(1)
    Y = torch.nn.functional.one_hot(y, K).to(X.dtype)
    rows = full_batch(X, y, Y, device, repeats)
    rows += minibatch_epoch(X, y, device, repeats)
    del X, Y
    rows += gram_rate(*((8192, 64) if args.quick else (2_097_152, 512)), device, repeats)
    name = torch.cuda.get_device_name(device) if device.startswith("cuda") else "CPU"
    print(f"device: {name}; PyTorch {torch.__version__}")
    print(format_table(rows))


if __name__ == "__main__":
    main()
