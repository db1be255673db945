"""Issue 21: judged timeline rows replayed against a later run (precision by blind audit)."""

from __future__ import annotations

import json

import pytest

from kg.errors import InputError
from kg.eval.audit import Row, read_judgments, replay


def judgment(row, mention, happening="yes", **kw):
    base = {"row": row, "mentions": [mention], "date": "2024-06-18", "type": "meeting", "modality": "asserted",
            "actors": ["Kim Jong-un", "Reuters"], "happening": happening, "why": "", "type_ok": "yes",
            "date_ok": "yes", "modality_ok": "yes", "wrong_actors": ["Reuters"], "missing_actors": [],
            "timeline_worthy": "yes"}
    return {**base, **kw}


@pytest.fixture
def judged(tmp_path):
    lines = [judgment("r1", ["a.txt", 10, 16]),
             judgment("r2", ["a.txt", 40, 46], date_ok="no", right_date="2024-06-17"),
             judgment("r3", ["b.txt", 5, 12], happening="no", why="state")]
    path = tmp_path / "judged.jsonl"
    path.write_text("".join(json.dumps(x) + "\n" for x in lines))
    return read_judgments(path)


def row(mention, date="2024-06-18", actors=("Kim Jong-un",), salient=True):
    return Row(date, "meeting", "sommet", "asserted", actors, None, 1, (mention,), salient)


def test_a_row_is_scored_against_the_judges_right_values(judged):
    report = replay("t", [row(("a.txt", 10, 16)), row(("a.txt", 40, 46), date="2024-06-17")], judged)
    s = report.scores()
    assert report.matched == 2 and s["happenings"] == 1.0 and s["all_right"] == 1.0
    assert s["non_events_gone"] == 1.0 and s["events_kept"] == 1.0


def test_a_wrong_actor_or_date_is_counted_wrong(judged):
    report = replay("t", [row(("a.txt", 10, 16), actors=("Kim Jong-un", "Reuters")),
                          row(("a.txt", 40, 46))], judged)
    s = report.scores()
    assert s["actors_right"] == 0.5 and s["date_right"] == 0.5 and s["all_right"] == 0.0


def test_a_non_event_still_shown_counts_against_precision_and_a_hidden_row_is_not_kept(judged):
    report = replay("t", [row(("b.txt", 5, 12)), row(("a.txt", 10, 16), salient=False)], judged)
    s = report.scores()
    assert report.hidden == 1 and s["happenings"] == 0.0 and s["non_events_gone"] == 0.0
    assert s["events_kept"] == 0.0


def test_rows_nobody_judged_are_counted_not_guessed(judged):
    report = replay("t", [row(("c.txt", 1, 4)), row(("a.txt", 10, 16))], judged)
    assert report.rows == 2 and report.matched == 1 and report.scores()["judged_share"] == 0.5


def test_a_bad_judgment_line_names_the_file_and_line(tmp_path):
    path = tmp_path / "bad.jsonl"
    path.write_text('{"row": "r1"}\n')
    with pytest.raises(InputError, match=r"bad.jsonl:1: invalid judgment"):
        read_judgments(path)
