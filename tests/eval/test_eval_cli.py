"""`kg eval`: figures, error listings, JSON, the Markdown report and one-line errors."""

import json

from click.testing import CliRunner

from kg.cli import cli
from tests.eval.test_timeml import DOC

GOLD = {"id": "g1", "text": "« Nous ne céderons pas », a déclaré Emmanuel Macron. Il pleut.", "published": "2024-06-18",
        "claims": [{"content": "Nous ne céderons pas", "speaker": "Emmanuel Macron", "speaker_text": "Emmanuel Macron",
                    "cue": "a déclaré", "cue_lemma": "déclarer", "mode": "direct"}]}


def corpus(tmp_path):
    folder = tmp_path / "tml"
    folder.mkdir()
    (folder / "doc.tml").write_text(DOC, encoding="utf-8")
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps(GOLD, ensure_ascii=False) + "\n", encoding="utf-8")
    return folder, gold


def test_eval_timex_prints_scores_and_errors(tmp_path):
    folder, _ = corpus(tmp_path)
    result = CliRunner().invoke(cli, ["eval", "timex", str(folder), "--json"])
    assert result.exit_code == 0, result.output
    scores = json.loads(result.output)
    assert scores["documents"] == 1 and scores["relaxed_f1"] == 1.0  # "hier" and "trois heures" found
    assert set(scores["per_type"]) == {"DATE", "DURATION"}
    table = CliRunner().invoke(cli, ["eval", "timex", str(folder)])
    assert "1 documents, 2 gold TIMEX3" in table.output and "strict" in table.output


def test_eval_claims_scores_the_gold(tmp_path):
    _, gold = corpus(tmp_path)
    result = CliRunner().invoke(cli, ["eval", "claims", str(gold), "--json"])
    assert result.exit_code == 0, result.output
    scores = json.loads(result.output)
    assert (scores["content_f1"], scores["speaker_accuracy"], scores["cue_accuracy"]) == (1.0, 1.0, 1.0)


def test_eval_all_writes_the_markdown_report(tmp_path):
    folder, gold = corpus(tmp_path)
    out = tmp_path / "accuracy.md"
    result = CliRunner().invoke(cli, ["eval", "all", "--timebank", str(folder), "--heldout", str(tmp_path / "none"),
                                      "--claims", str(gold), "--write", str(out)])
    assert result.exit_code == 0, result.output
    text = out.read_text(encoding="utf-8")
    assert text.startswith("# Extraction accuracy")
    assert "| French TimeBank 1.1 | strict F1 | 1.000 | 0.860 | 0.880 | met |" in text
    assert "| claims: gold | speaker accuracy | 1.000 | 0.804 | 0.930 | met |" in text


def test_eval_errors_are_one_line(tmp_path):
    result = CliRunner().invoke(cli, ["eval", "timex", str(tmp_path / "missing")])
    assert result.exit_code == 1
    assert result.output.strip() == f"Error: {tmp_path / 'missing'}: not a folder of .tml files"
    bad = tmp_path / "bad.jsonl"
    bad.write_text("{not json\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["eval", "claims", str(bad)])
    assert result.exit_code == 1 and result.output.startswith(f"Error: {bad}:1: not JSON")


EVENT_DOC = DOC.replace("</TEXT>", '</TEXT>\n<TLINK lid="l1" eventInstanceID="e1" relatedToTime="t1" relType="IS_INCLUDED" />')
EVENT_GOLD = {"doc": "doc", "trigger": "réunis", "type": "meeting", "modality": "asserted", "date": "1999-05-16",
              "agents": ["Le maire", "ses adjoints"]}


def test_eval_events_scores_timebank_and_gold(tmp_path):
    folder = tmp_path / "tml"
    folder.mkdir()
    (folder / "doc.tml").write_text(EVENT_DOC, encoding="utf-8")
    from kg.eval.timeml import read_timeml

    doc = read_timeml(folder / "doc.tml")
    (event,) = doc.events
    assert (event.text, event.cls, event.times) == ("réunis", "OCCURRENCE", ("t1",))
    start = doc.text.index("réunis")
    gold = tmp_path / "events.jsonl"
    gold.write_text(json.dumps({**EVENT_GOLD, "trigger_start": start, "trigger_end": start + 6}, ensure_ascii=False)
                    + "\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["eval", "events", "--timebank", str(folder), "--gold", str(gold), "--json"])
    assert result.exit_code == 0, result.output
    scores = json.loads(result.output)
    assert scores["events gold: events"]["found"] == 1.0 and scores["events gold: events"]["typed"] == 1.0
    assert scores["events gold: events"]["typed_dated"] == 1.0  # "hier" of 1999-05-17
    dev = scores["French TimeBank events: dev"]
    assert dev["anchored_reported"] == 1.0 and dev["anchored_date_right"] == 1.0


def test_eval_events_bad_gold_is_one_line(tmp_path):
    folder = tmp_path / "tml"
    folder.mkdir()
    (folder / "doc.tml").write_text(EVENT_DOC, encoding="utf-8")
    result = CliRunner().invoke(cli, ["eval", "events", "--timebank", str(folder), "--gold", str(tmp_path / "no.jsonl")])
    assert result.exit_code == 1
    assert result.output.strip().splitlines()[-1].startswith("Error: ") and "no.jsonl" in result.output
