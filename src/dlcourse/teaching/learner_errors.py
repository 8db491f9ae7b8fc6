"""A learner's exception in the learner's terms: where in their code it came from, and what
NumPy's message means for code like theirs. Says what the message means, never a guess at the
fix it cannot see."""

from __future__ import annotations

import re
from pathlib import Path

__all__ = ["describe", "learner_line_here"]

_MEANINGS: list[tuple[str, str]] = [
    (
        r"only (?:0-dimensional|length-1|size-1) arrays can be converted to Python scalars",
        "a function of Python's math module (math.exp, math.log, ...) or float() got an "
        "array: they take one number at a time; NumPy's np.exp, np.log, ... work on arrays.",
    ),
    (
        r"truth value of an array with more than one element is ambiguous",
        "an `if`, `and`, `or`, `not`, or Python's own max, min or sorted, met an array of "
        "several values: decide element by element (np.where, np.max(..., axis=...)) or say "
        "which one you want (.any(), .all()).",
    ),
    (
        r"matmul: Input operand \d does not have enough dimensions",
        "one side of an @ product is a single number: @ multiplies arrays; scale by a number "
        "with *.",
    ),
    (
        r"matmul: Input operand \d has a mismatch in its core dimension|shapes .* not aligned",
        "the sizes inside an @ product differ: (a, k) @ (k, b) needs the same k on both sides. "
        "Print the shapes of both factors; one may be transposed, in the wrong order, or have "
        "a column too many.",
    ),
    (
        r"operands could not be broadcast together with shapes",
        "two arrays whose shapes do not fit were combined element by element (+, −, *, /): "
        "print both shapes.",
    ),
    (
        r"axis -?\d+ is out of bounds for array of dimension",
        "an axis the array does not have: one sample is a 1-D array, whose only axis is 0; "
        "axis=-1, the last axis, means the same for one sample and for a batch.",
    ),
    (
        r"cannot reshape array of size \d+ into shape",
        "the array has another number of entries than the shape asks for: print its shape "
        "just before the reshape.",
    ),
    (
        r"arrays used as indices must be of integer|only integers, slices",
        "an array of floats (or a one-hot vector) was used as an index.",
    ),
    (
        r"Last 2 dimensions of the array must be square",
        "np.linalg.inv takes a square matrix (as many rows as columns): print the shape of what "
        "you invert; a data matrix of n samples × (d+1) features is not square.",
    ),
    (
        r"division by zero",
        "a value your code divides by is 0 for the check's inputs: ŷ = 0 or 1 makes ŷ(1 − ŷ) "
        "zero, for one. Where the lesson's formula cancels such a factor, it has no division "
        "left at all.",
    ),
    (
        r"[Ss]ingular matrix",
        "the matrix has no inverse: some of its columns (or of the columns of X it is made "
        "from) carry the same information, e.g. a column that is there twice.",
    ),
    (
        r"is not defined",
        "a name your function uses is defined nowhere it can see (a typo, or a variable of "
        "another cell that does not exist when the check runs).",
    ),
]


def describe(error: BaseException, line: str | None) -> str:
    """``your code raised TypeError at `line`: message. What it means.``"""
    text = str(error).strip()
    where = f" at `{line}`" if line else ""
    meaning = next((m for pattern, m in _MEANINGS if re.search(pattern, text)), "")
    if "truth value of an array" in text and line:
        meaning = _truth_value(line) or meaning
    if "reshape" in text and line and re.search(r"reshape\([^)]*\d", line):
        meaning += (
            " The shape is written as numbers: take sizes from the arrays themselves "
            "(x.shape, len(x)), which the checks vary."
        )
    return f"your code raised {type(error).__name__}{where}: {text}. {meaning}".strip()


def _truth_value(line: str) -> str | None:
    """What an ambiguous truth value means at the learner's line, when the line tells."""
    if re.match(r"\s*(if|elif|while)\b", line):
        return (
            "an `if` (or `while`) tests one truth value, and met an array of several values: "
            "an `if` takes one branch for the whole array. Decide entry by entry (np.where, or "
            "a formula that needs no `if`), or say which one you want (.any(), .all())."
        )
    if re.search(r"(?<![\w.])(max|min|sorted)\(", line):
        return (
            "Python's own max, min or sorted compares whole arrays, one truth value each: "
            "NumPy's np.max, np.min (with an axis) work on the entries."
        )
    return None


def learner_line_here(error: BaseException) -> str | None:
    """The learner's line of an exception raised in this process (``learner_line`` of one
    from a kernel is already there)."""
    line = getattr(error, "learner_line", None)
    if line is not None:
        return line
    import dlcourse
    from dlcourse.teaching.recorder import learner_line, library_roots

    return learner_line(error, library_roots((str(Path(dlcourse.__file__).parent),)))
