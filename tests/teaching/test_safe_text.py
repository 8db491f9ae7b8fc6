"""Learner text loses its control characters, its size and its formulas before it is shown."""

import csv
import io

from dlcourse.teaching.gradebook import gradebook_csv
from dlcourse.teaching.safe_text import TEXT_LIMIT, clean_record, clean_text


def test_escape_sequences_and_control_characters_are_removed():
    text = "a\x1b]0;pwned\x07b\x1b[31mc\x1b[0m\x07d\x00e\u202ef\x9bg\nh\ti"
    assert clean_text(text) == "abcdefg\nh\ti"


def test_a_record_is_cleaned_and_capped_everywhere():
    record = {
        "problems": ["x\x1b[2J" * 5000] * 500,
        "exercises": [{"message": "\x1b]52;c;AA\x07ok"}],
    }
    cleaned = clean_record(record)
    assert len(cleaned["problems"]) == 101 and cleaned["problems"][-1] == "… and 400 more"
    assert len(cleaned["problems"][0]) == TEXT_LIMIT and "\x1b" not in cleaned["problems"][0]
    assert cleaned["exercises"][0]["message"] == "ok"


def test_no_gradebook_cell_starts_a_formula():
    records = [
        {"notebook": name, "exercises": [{"exercise": "1.1", "score": 1.0}], "problems": [name]}
        for name in ('=HYPERLINK("x")', "+1", "-2+3", "@SUM(A1)", "\tx", "plain.ipynb")
    ]
    rows = list(csv.reader(io.StringIO(gradebook_csv(records, ["1.1"]))))[1:]
    for row in rows:
        assert all(not cell.startswith(("=", "+", "-", "@", "\t", "\r")) for cell in row)
    assert rows[-1][0] == "plain.ipynb" and rows[0][0] == '\'=HYPERLINK("x")'
