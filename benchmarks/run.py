"""Run every benchmark and print one table; ``--markdown`` also writes docs/benchmarks.md.

    python benchmarks/run.py [--quick] [--markdown]

Each workload is timed side by side with its peers in the same run (interleaved, medians).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

import bench_grading
import bench_linear_regression
import bench_memory
import bench_scaling
import bench_sgd_iris
import bench_softmax_large
import bench_startup
from _harness import format_table, machine

MODULES = [
    bench_sgd_iris,
    bench_softmax_large,
    bench_linear_regression,
    bench_memory,
    bench_startup,
    bench_grading,
]
DOCS = Path(__file__).parent.parent / "docs"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="smaller sizes, fewer repeats")
    parser.add_argument("--markdown", action="store_true", help="write docs/benchmarks.md")
    args = parser.parse_args()
    rows = []
    for module in MODULES:
        print(f"running {module.__name__} ...", file=sys.stderr)
        rows += module.run(quick=args.quick)
    table = format_table(rows)
    info = machine()
    print("\n".join(f"{key}: {value}" for key, value in info.items()))
    print(table)
    if args.markdown:
        print("running bench_scaling ...", file=sys.stderr)
        bench_scaling.plot(bench_scaling.measure(quick=args.quick), DOCS / "benchmarks_scaling.png")
        _write_markdown(table, info)


def _write_markdown(table: str, info: dict[str, str]) -> None:
    path = DOCS / "benchmarks.md"
    text = path.read_text() if path.exists() else ""
    start, end = "<!-- results -->", "<!-- /results -->"
    block = (
        f"{start}\n\nMeasured on {info['date']}: {info['cpu']}, {info['cores']} cores, "
        f"BLAS {info['blas']}; Python {info['python']}, NumPy {info['numpy']}, "
        f"scikit-learn {info['scikit-learn']}, numba {info['numba']}.\n\n```\n{table}\n```\n\n"
        f"![fit time against n and d](benchmarks_scaling.png)\n\n{end}"
    )
    if start in text and end in text:
        text = text[: text.index(start)] + block + text[text.index(end) + len(end) :]
    else:
        text = text + "\n" + block + "\n"
    DOCS.mkdir(exist_ok=True)
    path.write_text(text)


if __name__ == "__main__":
    main()
