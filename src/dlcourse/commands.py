"""What each ``dlcourse`` command does, once :mod:`dlcourse.cli` has parsed its arguments:
call the library, print, write files, return the exit status."""

from __future__ import annotations

import argparse
import sys

from dlcourse.teaching.registry import find_lesson


def run_lesson(args: argparse.Namespace) -> int:
    """``dlcourse <lesson>``: the lesson solved, summed up, and its report written."""
    lesson = find_lesson(args.lesson)
    results = lesson.run(seed=args.seed, verbose=not args.quiet, beyond=not args.exercises_only)
    print(lesson.summary(results))
    written = lesson.write_outputs(results, args.out, redraw=args.redraw)
    print(f"\nWrote {len(written)} files to {args.out}/; open {written['report']} in a browser.")
    return 0


def experiment(args: argparse.Namespace) -> int:
    """``dlcourse experiment NAME``: one experiment beyond its lesson, with its figures."""
    import json

    from dlcourse.teaching.rendering import save_figure

    experiment = find_lesson(args.lessons[args.name]).experiments()[args.name]
    result = experiment.run(args.seed)
    print(f"{experiment.title}   (seed {args.seed})")
    print("\n".join(f"  {line}" for line in experiment.summary(result)))
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / f"{args.name}.json").write_text(json.dumps(result, indent=1) + "\n")
    paths = [save_figure(fig, args.out / name) for name, fig in experiment.figures(result).items()]
    print(f"\nWrote {args.out / f'{args.name}.json'} and {', '.join(map(str, paths))}")
    return 0


def notebook(args: argparse.Namespace) -> int:
    """``dlcourse notebook``: write a lesson's notebook, never over a learner's file."""
    from dlcourse.teaching.notebooks import write_notebook

    try:
        path, backup = write_notebook(args.out, args.lesson, student=args.student, force=args.force)
    except FileExistsError as error:
        print(f"dlcourse notebook: {error}", file=sys.stderr)
        return 2
    print(f"Wrote {path}" + (f"; the file that was there is now {backup}" if backup else ""))
    return 0


def start(args: argparse.Namespace) -> int:
    """``dlcourse start``: the learner's notebook in JupyterLab."""
    from dlcourse.teaching.lab import run_lab
    from dlcourse.teaching.workspace import prepare

    prepared = prepare(args.dir, args.lesson, student=not args.solution)
    for message in prepared.messages:
        print(message)
    try:
        return run_lab(prepared.path, port=args.port, open_browser=not args.no_browser)
    except ModuleNotFoundError as error:
        print(f"dlcourse start: {error}", file=sys.stderr)
        return 2


def check(args: argparse.Namespace) -> int:
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
            lesson=args.lesson,
        )
    except KeyboardInterrupt:
        print("dlcourse check: stopped (Ctrl-C); nothing was graded to the end.", file=sys.stderr)
        return 130
    if args.json:
        print(json.dumps(records, indent=2))
    else:
        print(clean_text("\n\n".join(map(_format_record, records)), limit=10**7))
    return 0 if records and all(record["passed"] for record in records) else 1


def grade(args: argparse.Namespace) -> int:
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
            lesson=args.lesson,
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
