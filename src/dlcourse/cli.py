"""The ``dlcourse`` command. Thin: parse the arguments, call the library, print, write files."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of ``dlcourse`` and ``python -m dlcourse``; returns the exit status."""
    parser = _parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help()
        return 2
    return args.run(args)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="dlcourse",
        description="Deep learning for computer vision, Lesson 1: linear and logistic regression.",
    )
    commands = parser.add_subparsers(dest="command", title="commands", metavar="COMMAND")

    lesson1 = commands.add_parser(
        "lesson1",
        help="run every exercise of Lesson 1 and write a report",
        description="Run Lesson 1 with the reference solutions: print a summary and write "
        "results.json, one PNG per figure and a self-contained report.html.",
    )
    lesson1.add_argument(
        "--out",
        type=Path,
        default=Path("out/lesson1"),
        metavar="DIR",
        help="output folder (default: out/lesson1)",
    )
    lesson1.add_argument(
        "--seed",
        type=_seed,
        default=0,
        metavar="N",
        help="seed of every random choice (default: 0)",
    )
    lesson1.add_argument("--quiet", action="store_true", help="no progress bars")
    lesson1.set_defaults(run=_lesson1)
    return parser


def _lesson1(args: argparse.Namespace) -> int:
    from dlcourse.lessons.lesson1 import run_lesson1, summary, write_outputs

    results = run_lesson1(seed=args.seed, verbose=not args.quiet)
    print(summary(results))
    written = write_outputs(results, args.out)
    print(f"\nWrote {len(written)} files to {args.out}/; open {written['report']} in a browser.")
    return 0


def _seed(text: str) -> int:
    value = int(text)
    if value < 0:
        raise argparse.ArgumentTypeError(f"the seed must be a non-negative integer, got {value}")
    return value


if __name__ == "__main__":
    sys.exit(main())
