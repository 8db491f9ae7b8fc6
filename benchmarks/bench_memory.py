"""Peak memory of LinearRegression.fit and SoftmaxRegression.fit on 800 MB of float64 data.

Each fit runs in a fresh process; tracemalloc (which sees NumPy's allocations) records the
peak of everything allocated during the fit. The ratio is (data + that peak) / data.
"""

from __future__ import annotations

import json
import subprocess
import sys

from _harness import Row, format_table

CHILD = r"""
import json, sys, tracemalloc, warnings
import numpy as np
from dlcourse.models import LinearRegression, SoftmaxRegression
n, d = int(sys.argv[2]), 100
rng = np.random.default_rng(0)
X = rng.standard_normal((n, d))
if sys.argv[1] == "linear":
    y, model = X @ rng.standard_normal(d), LinearRegression()
else:
    y, model = (X[:, :10]).argmax(axis=1), SoftmaxRegression(epochs=1, random_state=0)
    SoftmaxRegression(epochs=1).fit(X[:50], y[:50])  # load the compiled loop first
tracemalloc.start()
model.fit(X, y)
peak = tracemalloc.get_traced_memory()[1]
print(json.dumps({"data": X.nbytes + y.nbytes, "peak": peak}))
"""


def measure(model: str, n: int) -> float:
    out = subprocess.run(
        [sys.executable, "-c", CHILD, model, str(n)], capture_output=True, text=True, check=True
    ).stdout
    result = json.loads(out.strip().splitlines()[-1])
    return (result["data"] + result["peak"]) / result["data"]


def run(quick: bool = False) -> list[Row]:
    n = 200_000 if quick else 1_000_000  # 1,000,000 x 100 float64 = 800 MB
    rows = []
    for model, name in (("linear", "LinearRegression.fit"), ("softmax", "SoftmaxRegression.fit")):
        ratio = measure(model, n)
        rows.append(
            Row(
                f"peak memory of {name}, {n * 800 // 1_000_000} MB data",
                ratio,
                "the data size",
                None,
                "<=1.3x",
                ratio <= 1.3,
                unit="x",
            )
        )
    return rows


if __name__ == "__main__":
    print(format_table(run()))
