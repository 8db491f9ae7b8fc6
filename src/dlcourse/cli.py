"""The ``dlcourse`` command. Thin: parse the arguments, call the library, print, write files."""

from __future__ import annotations

import argparse
import gc
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from dlcourse import commands as commands_


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
        description="Deep learning for computer vision: the lessons, runnable, and the tools to "
        "learn and to grade them.",
    )
    commands = parser.add_subparsers(dest="command", title="commands", metavar="COMMAND")

    from dlcourse.teaching.registry import default_lesson, lessons

    known = lessons()
    for lesson in known.values():
        if lesson.run is not None and lesson.name not in _COMMANDS:
            _add_lesson_command(commands, lesson)
    experiments: dict[str, Any] = {}
    for lesson in known.values():  # the first lesson keeps a name two lessons give
        for name in _experiments(lesson):
            experiments.setdefault(name, lesson)
    if experiments:
        _add_experiment_command(commands, experiments)
    default = default_lesson().name

    notebook = commands.add_parser(
        "notebook",
        help="write a lesson's notebook for learners (with TODOs) or with solutions",
        description="Write the lesson's Jupyter notebook, generated from its Jupytext source.",
    )
    _add_lesson_choice(notebook, known, default)
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
    notebook.set_defaults(run=commands_.notebook)

    start = commands.add_parser(
        "start",
        help="open a lesson's notebook in JupyterLab (writing it first if it is missing)",
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
    _add_lesson_choice(start, known, default)
    start.set_defaults(run=commands_.start)

    check = commands.add_parser(
        "check",
        help="run learners' notebooks and check every exercise",
        description="Execute each notebook in a fresh kernel (in a temporary folder; the file "
        "itself is never changed), run every exercise check and print a table. The exit "
        "status is 0 only when every exercise of every notebook passes.",
    )
    check.add_argument("notebooks", nargs="+", type=Path, metavar="NOTEBOOK")
    check.add_argument("--json", action="store_true", help="print the results as JSON")
    _add_limits(check)
    _add_lesson_choice(check, known, None)
    check.set_defaults(run=commands_.check)

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
    _add_limits(grade)
    grade.add_argument(
        "--scheduler",
        default=None,
        metavar="ADDRESS",
        help="grade on a Dask cluster: the address of its distributed scheduler",
    )
    grade.add_argument("--quiet", action="store_true", help="no progress bar")
    _add_lesson_choice(grade, known, None)
    grade.set_defaults(run=commands_.grade)
    return parser


_COMMANDS = {"experiment", "notebook", "start", "check", "grade"}  # a lesson cannot take these


def _experiments(lesson: Any) -> list[str]:
    """The names of a lesson's experiments; none when listing them fails (the others stay)."""
    try:
        return list(lesson.experiments())
    except Exception:
        return []


def _add_lesson_command(commands: Any, lesson: Any) -> None:
    """``dlcourse <lesson>``: the lesson solved, its summary printed and its report written."""
    command = commands.add_parser(
        lesson.name,
        help=f"run every exercise of {lesson.title.split(':')[0]} and write a report",
        description=f"Run {lesson.title} with the reference solutions: print a summary and "
        "write results.json, one PNG per figure and a self-contained report.html.",
    )
    _add_out_and_seed(command, f"out/{lesson.name}")
    command.add_argument("--quiet", action="store_true", help="no progress bars")
    command.add_argument(
        "--exercises-only", action="store_true", help="skip the experiments beyond the lesson"
    )
    command.add_argument(
        "--redraw",
        action="store_true",
        help="draw every figure again, even those already in the output folder that were "
        "drawn from the same results by the same code",
    )
    command.set_defaults(run=commands_.run_lesson, lesson=lesson.name)


def _add_experiment_command(commands: Any, experiments: dict[str, Any]) -> None:
    """``dlcourse experiment NAME``: one experiment beyond a lesson."""
    listed = {name: lesson.experiments()[name] for name, lesson in experiments.items()}
    command = commands.add_parser(
        "experiment",
        help="run one experiment beyond the lesson",
        description="Run one of the experiments on the questions the lessons leave open: "
        + "; ".join(f"{name}: {e.title}" for name, e in listed.items())
        + ". Prints a summary and writes NAME.json and its figures.",
    )
    command.add_argument("name", choices=list(listed), metavar="NAME", help=", ".join(listed))
    _add_out_and_seed(command, "out/experiments")
    command.set_defaults(
        run=commands_.experiment, lessons={n: e.name for n, e in experiments.items()}
    )


def _add_limits(parser: argparse.ArgumentParser) -> None:
    """The limits of one notebook's run, which ``check`` and ``grade`` share."""
    for option, kind, default, unit, text in (
        (
            "--timeout",
            _positive_seconds,
            60.0,
            "S",
            "seconds one cell may run before it is interrupted",
        ),
        (
            "--total-timeout",
            _positive_seconds,
            600.0,
            "S",
            "seconds one whole notebook may take, its checks included",
        ),
        ("--memory", _positive_int, 2048, "MB", "memory one notebook's kernel may allocate"),
    ):
        parser.add_argument(
            option, type=kind, default=default, metavar=unit, help=f"{text} (default: {default:g})"
        )


def _add_lesson_choice(parser: argparse.ArgumentParser, known: dict, default: str | None) -> None:
    """``--lesson``: a lesson's name; without a default, each notebook's metadata says."""
    said = default or "the lesson each notebook's metadata names"
    parser.add_argument(
        "--lesson",
        choices=list(known),
        default=default,
        metavar="LESSON",
        help=f"which lesson: {', '.join(known)} (default: {said})",
    )


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


def _positive_int(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be a positive whole number, got {text!r}")
    return value


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
