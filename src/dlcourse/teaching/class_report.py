"""The class report of ``dlcourse grade``: per exercise, how much of the class passed and which
diagnoses the rest got, with how many learners each; then the submissions that did not run."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path
from typing import Any

from dlcourse.teaching.atomic import write_atomically

__all__ = ["diagnosis_counts", "write_class_report"]

_NUMBER = re.compile(r"-?\d+(?:\.\d+)?(?:e[-+]?\d+)?")


def diagnosis_counts(records: list[dict[str, Any]], exercise: str) -> Counter[str]:
    """How many learners got each diagnosis on ``exercise`` (numbers in it made alike)."""
    counts: Counter[str] = Counter()
    for record in records:
        for item in record["exercises"]:
            if item["exercise"] == exercise and item["status"] != "passed":
                message = _NUMBER.sub("…", item["message"])
                said = message.startswith(item["status"])  # "not done yet: ..." says it already
                counts[message if said else f"{item['status']}: {message}"] += 1
        if not record["exercises"]:
            counts["not graded: " + "; ".join(record["problems"])[:200]] += 1
    return counts


def write_class_report(
    path: Path, records: list[dict[str, Any]], exercises: list[str], problems: list[str]
) -> None:
    """A self-contained HTML page (the figures embedded) summing up the class's verdicts.

    The page is rendered from ``templates/class_report.html.j2`` with autoescaping, so that a
    learner's text (a diagnosis, a file name, a problem) shows as text, never as markup.
    """
    from dlcourse.teaching.rendering import render_template

    n = max(len(records), 1)
    sections = []
    for exercise in exercises:
        passed = sum(
            item["exercise"] == exercise and item["status"] == "passed"
            for record in records
            for item in record["exercises"]
        )
        common = diagnosis_counts(records, exercise).most_common(5)
        bars = [("passed", passed), *common]
        sections.append(
            {
                "exercise": exercise,
                "passed": passed,
                "share": passed / n,
                "diagnoses": common,  # (text, learners), commonest first
                "alt": "; ".join(f"{text}: {count}" for text, count in bars),
                "figure": _drawn(bars) if common else "",
            }
        )
    html = render_template(
        "dlcourse.teaching",
        "templates/class_report.html.j2",
        submissions=len(records),
        class_figure=_figure(exercises, [section["share"] for section in sections]),
        sections=sections,
        failed_runs=[record for record in records if record["problems"]],
        problems=problems,
    )
    write_atomically(path, html)


def _figure(exercises: list[str], shares: list[float]) -> str:
    from matplotlib.figure import Figure

    from dlcourse.teaching.rendering import data_uri, figure_to_png

    fig = Figure(figsize=(7, 0.35 * len(exercises) + 1), layout="constrained")
    ax = fig.add_subplot()
    ax.barh(exercises[::-1], [100 * s for s in shares[::-1]], color="#457b9d")
    ax.set(xlim=(0, 100), xlabel="% of the class that passed")
    return data_uri(figure_to_png(fig), "image/png")


def _drawn(bars: list[tuple[str, int]]) -> str:
    """The figure of :func:`_diagnosis_figure`, or none if it cannot be drawn: no text of one
    learner may stop the class's report (its table still says everything)."""
    try:
        return _diagnosis_figure(bars)
    except Exception:  # a figure is a convenience; the table below it carries the same counts
        return ""


def _diagnosis_figure(bars: list[tuple[str, int]]) -> str:
    """How many learners passed and how many got each of the commonest diagnoses."""
    from matplotlib.figure import Figure

    from dlcourse.teaching.rendering import data_uri, figure_to_png

    # Learner text is drawn as plain text: "$" would start matplotlib's mathtext.
    labels = [(text if len(text) <= 60 else text[:59] + "…") for text, _ in bars]
    labels = [label.replace("$", r"\$") for label in labels]
    fig = Figure(figsize=(8, 0.3 * len(bars) + 0.7), layout="constrained")
    ax = fig.add_subplot()
    colors = ["#2a9d8f"] + ["#e76f51"] * (len(bars) - 1)
    ax.barh(labels[::-1], [count for _, count in bars][::-1], color=colors[::-1])
    ax.set(xlabel="learners")
    ax.xaxis.get_major_locator().set_params(integer=True)
    ax.tick_params(axis="y", labelsize=8)
    return data_uri(figure_to_png(fig), "image/png")
