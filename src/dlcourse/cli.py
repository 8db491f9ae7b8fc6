"""The ``dlcourse`` command. Thin: parse the arguments, call the library, print, write files."""

from __future__ import annotations

import argparse
import gc
import sys
from collections.abc import Sequence
from pathlib import Path


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of ``dlcourse`` and ``python -m dlcourse``; returns the exit status."""
    parser = _parser()
    argv = list(sys.argv[1:] if argv is None else argv)
    clash = _files_that_look_like_options(argv)
    if clash:
        print(
            f"dlcourse: {clash!r} is a file here, but it reads as an option; write the "
            "submissions after '--' (dlcourse grade --out DIR -- *.ipynb) or as ./*.ipynb.",
            file=sys.stderr,
        )
        return 2
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help()
        return 2
    return args.run(args)


def _files_that_look_like_options(argv: list[str]) -> str | None:
    """The first argument before ``--`` that starts with ``-`` and names a file that exists: a
    shell glob such as ``*.ipynb`` puts a learner's ``--out=x.ipynb`` among the options."""
    import os

    for arg in argv:
        if arg == "--":
            return None
        if arg.startswith("-") and len(arg) > 2 and os.path.lexists(arg):
            return arg
    return None


def console() -> int:
    """The installed ``dlcourse`` script: :func:`main`, then a quick way out of the process.

    Everything left is about to be freed at exit, but first Python's cycle collector would walk
    every object of NumPy, SciPy, scikit-learn, matplotlib and numba (0.4-0.5 s here, a fifth
    of a warm ``dlcourse lesson1``). Freezing them first skips that walk; exit handlers still
    run. Only the script does this: :func:`main` called from Python leaves the collector alone.
    """
    status = main()
    gc.freeze()
    return status


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
    _add_out_and_seed(lesson1, "out/lesson1")
    lesson1.add_argument("--quiet", action="store_true", help="no progress bars")
    lesson1.add_argument(
        "--exercises-only", action="store_true", help="skip the experiments beyond the lesson"
    )
    lesson1.add_argument(
        "--redraw",
        action="store_true",
        help="draw every figure again, even those already in the output folder that were "
        "drawn from the same results by the same code",
    )
    lesson1.set_defaults(run=_lesson1)

    from dlcourse.lessons.lesson1.beyond import EXPERIMENTS

    experiment = commands.add_parser(
        "experiment",
        help="run one experiment beyond the lesson",
        description="Run one of the experiments on the questions Lesson 1 leaves open: "
        + "; ".join(f"{name}: {e.title}" for name, e in EXPERIMENTS.items())
        + ". Prints a summary and writes NAME.json and its figures.",
    )
    experiment.add_argument(
        "name", choices=list(EXPERIMENTS), metavar="NAME", help=", ".join(EXPERIMENTS)
    )
    _add_out_and_seed(experiment, "out/experiments")
    experiment.set_defaults(run=_experiment)

    notebook = commands.add_parser(
        "notebook",
        help="write the Lesson 1 notebook for learners (with TODOs) or with solutions",
        description="Write the lesson's Jupyter notebook, generated from its Jupytext source.",
    )
    version = notebook.add_mutually_exclusive_group(required=True)
    version.add_argument("--student", action="store_true", help="exercises left as TODO stubs")
    version.add_argument("--solution", action="store_true", help="exercises solved")
    notebook.add_argument(
        "--out",
        type=Path,
        default=Path("."),
        metavar="DIR",
        help="output folder (default: the current folder)",
    )
    notebook.add_argument(
        "--force",
        action="store_true",
        help="replace a notebook of the same name; the old one is kept as a dated backup",
    )
    notebook.set_defaults(run=_notebook)

    start = commands.add_parser(
        "start",
        help="open the Lesson 1 notebook in JupyterLab (writing it first if it is missing)",
        description="Write the learner's notebook into DIR if it is not there yet, and open it "
        "in JupyterLab. A notebook already there is opened as it is, never overwritten; a newer "
        "version of the lesson is written beside it under another name.",
    )
    start.add_argument(
        "--dir", type=Path, default=Path("work"), metavar="DIR", help="folder (default: work)"
    )
    start.add_argument(
        "--port", type=_positive_int, default=8888, metavar="PORT", help="(default: 8888)"
    )
    start.add_argument("--no-browser", action="store_true", help="do not open a browser")
    start.add_argument(
        "--solution", action="store_true", help="the solution notebook, for instructors"
    )
    start.set_defaults(run=_start)

    check = commands.add_parser(
        "check",
        help="run learners' notebooks and check every exercise",
        description="Execute each notebook in a fresh kernel (in a temporary folder; the file "
        "itself is never changed), run every exercise check and print a table. The exit "
        "status is 0 only when every exercise of every notebook passes.",
    )
    check.add_argument("notebooks", nargs="+", type=Path, metavar="NOTEBOOK")
    check.add_argument("--json", action="store_true", help="print the results as JSON")
    check.add_argument(
        "--timeout",
        type=_positive_seconds,
        default=60.0,
        metavar="S",
        help="seconds one cell may run before it is interrupted (default: 60)",
    )
    check.add_argument(
        "--total-timeout",
        type=_positive_seconds,
        default=600.0,
        metavar="S",
        help="seconds one whole notebook may take, its checks included (default: 600)",
    )
    check.add_argument(
        "--memory",
        type=_positive_int,
        default=2048,
        metavar="MB",
        help="memory one notebook's kernel may allocate (default: 2048)",
    )
    check.set_defaults(run=_check)

    grade = commands.add_parser(
        "grade",
        help="grade a whole class: a gradebook (CSV, JSON) and a class report",
        description="Grade every .ipynb given or found under the given folders, in parallel, "
        "into DIR/grades.csv, DIR/grades.json and DIR/class_report.html. Running it again "
        "grades only what is missing or changed. The exit status is 0 when grading ran, "
        "whatever the learners scored.",
    )
    grade.add_argument("submissions", nargs="+", type=Path, metavar="SUBMISSION")
    grade.add_argument("--out", type=Path, required=True, metavar="DIR", help="output folder")
    grade.add_argument(
        "--jobs",
        type=_positive_int,
        default=None,
        metavar="N",
        help="worker processes (default: the number of cores)",
    )
    grade.add_argument(
        "--timeout",
        type=_positive_seconds,
        default=60.0,
        metavar="S",
        help="seconds one cell may run before it is interrupted (default: 60)",
    )
    grade.add_argument(
        "--total-timeout",
        type=_positive_seconds,
        default=600.0,
        metavar="S",
        help="seconds one whole notebook may take, its checks included (default: 600)",
    )
    grade.add_argument(
        "--memory",
        type=_positive_int,
        default=2048,
        metavar="MB",
        help="memory one notebook's kernel may allocate (default: 2048)",
    )
    grade.add_argument(
        "--scheduler",
        default=None,
        metavar="ADDRESS",
        help="grade on a Dask cluster: the address of its distributed scheduler",
    )
    grade.add_argument("--quiet", action="store_true", help="no progress bar")
    grade.set_defaults(run=_grade)
    return parser


def _add_out_and_seed(parser: argparse.ArgumentParser, default_out: str) -> None:
    """The options every command that writes results shares."""
    parser.add_argument(
        "--out",
        type=Path,
        default=Path(default_out),
        metavar="DIR",
        help=f"output folder (default: {default_out})",
    )
    parser.add_argument(
        "--seed",
        type=_seed,
        default=0,
        metavar="N",
        help="seed of every random choice (default: 0)",
    )


def _lesson1(args: argparse.Namespace) -> int:
    from dlcourse.lessons.lesson1.exercises import run_lesson1
    from dlcourse.lessons.lesson1.report import summary, write_outputs

    results = run_lesson1(seed=args.seed, verbose=not args.quiet, beyond=not args.exercises_only)
    print(summary(results))
    written = write_outputs(results, args.out, redraw=args.redraw)
    print(f"\nWrote {len(written)} files to {args.out}/; open {written['report']} in a browser.")
    return 0


def _experiment(args: argparse.Namespace) -> int:
    import json

    from dlcourse.lessons.lesson1.beyond import EXPERIMENTS
    from dlcourse.teaching.rendering import save_figure

    experiment = EXPERIMENTS[args.name]
    result = experiment.run(args.seed)
    print(f"{experiment.title}   (seed {args.seed})")
    print("\n".join(f"  {line}" for line in experiment.summary(result)))
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / f"{args.name}.json").write_text(json.dumps(result, indent=1) + "\n")
    paths = [save_figure(fig, args.out / name) for name, fig in experiment.figures(result).items()]
    print(f"\nWrote {args.out / f'{args.name}.json'} and {', '.join(map(str, paths))}")
    return 0


def _notebook(args: argparse.Namespace) -> int:
    from dlcourse.teaching.notebooks import write_notebook

    try:
        path, backup = write_notebook(args.out, "lesson1", student=args.student, force=args.force)
    except FileExistsError as error:
        print(f"dlcourse notebook: {error}", file=sys.stderr)
        return 2
    print(f"Wrote {path}" + (f"; the file that was there is now {backup}" if backup else ""))
    return 0


def _start(args: argparse.Namespace) -> int:
    from dlcourse.teaching.lab import run_lab
    from dlcourse.teaching.workspace import prepare

    prepared = prepare(args.dir, "lesson1", student=not args.solution)
    for message in prepared.messages:
        print(message)
    try:
        return run_lab(prepared.path, port=args.port, open_browser=not args.no_browser)
    except ModuleNotFoundError as error:
        print(f"dlcourse start: {error}", file=sys.stderr)
        return 2


def _check(args: argparse.Namespace) -> int:
    import json

    from dlcourse.teaching.class_grading import check_notebooks
    from dlcourse.teaching.safe_text import clean_text

    for path in args.notebooks:
        if not (path.is_file() or path.is_symlink()):
            print(f"dlcourse check: no notebook at {clean_text(str(path))}", file=sys.stderr)
            return 2
    try:
        records = check_notebooks(
            args.notebooks,
            timeout=args.timeout,
            total_timeout=args.total_timeout,
            memory_mb=args.memory,
        )
    except KeyboardInterrupt:
        print("dlcourse check: stopped (Ctrl-C); nothing was graded to the end.", file=sys.stderr)
        return 130
    if args.json:
        print(json.dumps(records, indent=2))
    else:
        print(clean_text("\n\n".join(map(_format_record, records)), limit=10**7))
    return 0 if records and all(record["passed"] for record in records) else 1


def _grade(args: argparse.Namespace) -> int:
    from dlcourse.teaching.class_grading import grade_class
    from dlcourse.teaching.safe_text import clean_text

    try:
        summary = grade_class(
            args.submissions,
            args.out,
            jobs=args.jobs,
            timeout=args.timeout,
            total_timeout=args.total_timeout,
            memory_mb=args.memory,
            scheduler=args.scheduler,
            progress=not args.quiet,
        )
    except ValueError as error:
        print(f"dlcourse grade: {clean_text(str(error))}", file=sys.stderr)
        return 2
    if summary["interrupted"]:
        print(
            f"Stopped (Ctrl-C) after {summary['graded']} submissions; {summary['missing']} "
            f"were not graded. {args.out}/ holds what was graded; run the same command again "
            "to grade the rest."
        )
    else:
        print(
            f"Graded {summary['graded']} submissions ({summary['reused']} already graded) into "
            f"{args.out}/: grades.csv, grades.json, class_report.html"
        )
    for line in summary["problems"]:
        print(f"  note: {clean_text(line)}")
    return 130 if summary["interrupted"] else 0


def _positive_int(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be a positive whole number, got {text!r}")
    return value


def _format_record(record: dict) -> str:
    """One notebook's verdicts as a table (learner text is cleaned by the caller)."""
    results = record["exercises"]
    if not results:
        return f"{record['notebook']}: " + "; ".join(record["problems"])
    width = max(len(result["exercise"]) for result in results)
    passed = sum(result["status"] == "passed" for result in results)
    lines = [f"{record['notebook']}: {passed} of {len(results)} exercises pass", ""]
    if record["problems"] and passed == len(results):
        lines[0] += ", but not every cell ran (see below)"
    total = sum(result["score"] for result in results)
    lines[0] += f"; score {total:.2f} of {len(results)}"
    lines += [
        f"  {r['exercise']:<{width}}  {r['status']:<11}  {r['score']:4.2f}  {r['message']}"
        for r in results
    ]
    if record["problems"]:
        lines += ["", "  Cells that failed:"] + [f"    {p}" for p in record["problems"]]
    return "\n".join(lines)


def _positive_seconds(text: str) -> float:
    value = float(text)
    if not value > 0:
        raise argparse.ArgumentTypeError(f"the timeout must be > 0 seconds, got {text}")
    return value


def _seed(text: str) -> int:
    value = int(text)
    if value < 0:
        raise argparse.ArgumentTypeError(f"the seed must be a non-negative integer, got {value}")
    return value


if __name__ == "__main__":
    sys.exit(main())
