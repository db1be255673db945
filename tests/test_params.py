"""Parameters resolved the same way everywhere (issue 14): dates in ISO or French words, ranges,
topics by label with "did you mean", unknown actors, updates refused — one line each, never a
traceback, and an empty export never written."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from click.testing import CliRunner

from kg import params
from kg.cli import cli
from kg.errors import InputError


@pytest.mark.parametrize("text, iso", [
    ("2024", "2024"), ("2024-06", "2024-06"), ("2024-06-18", "2024-06-18"),
    ("juin 2024", "2024-06"), ("septembre 2023", "2023-09"), ("15/09/2023", "2023-09-15"),
    ("le 18 juin 2024", "2024-06-18"),
])
def test_dates_typed_by_users(text, iso):
    assert params.date(text, "--since") == iso


def test_relative_dates_are_days():
    assert params.date("hier", "--since") == (date.today() - timedelta(days=1)).isoformat()


@pytest.mark.parametrize("text", ["2024-13", "2024-02-30", "n'importe quoi"])
def test_impossible_dates_are_one_line_errors(text):
    with pytest.raises(InputError, match=r"^--since: .* is not a (calendar )?date \(2024, 2024-06"):
        params.date(text, "--since")


def test_empty_range_is_refused():
    with pytest.raises(InputError, match="--since 2025 is after --until 2024"):
        params.date_range("2025", "2024")
    assert params.date_range("2024-06", "juin 2024") == ("2024-06", "2024-06")


@pytest.mark.parametrize("text, topic", [("sanctions", "sanctions"), ("Sanction", "sanctions")])
def test_topics_by_label(text, topic):
    assert params.topic(text) == topic


def test_unknown_topic_suggests_the_closest_label():
    with pytest.raises(InputError, match=r"^--topic: unknown topic 'restrictions'; did you mean"):
        params.topic("restrictions")


def cli_run(*args):
    return CliRunner().invoke(cli, list(args))


def test_export_bad_dates_and_topics_are_one_line(seed_store_path, tmp_path):
    for args, line in [(["--since", "2024-13"], "Error: --since: '2024-13' is not a calendar date"),
                       (["--since", "2025", "--until", "2024"], "Error: --since 2025 is after --until 2024"),
                       (["--topic", "restrictions"], "Error: --topic: unknown topic 'restrictions'")]:
        r = cli_run("export", "gexf", "-o", str(tmp_path / "x.gexf"), "--store", str(seed_store_path), *args)
        assert r.exit_code != 0 and "Traceback" not in r.output
        assert r.output.strip().splitlines()[-1].startswith(line), r.output


def test_export_by_french_topic_and_date_words(seed_store_path, tmp_path):
    r = cli_run("export", "gexf", "-o", str(tmp_path / "s.gexf"), "--topic", "sanction", "--store", str(seed_store_path))
    assert r.exit_code == 0 and " 0 nodes" not in r.output
    r = cli_run("export", "gexf", "-o", str(tmp_path / "j.gexf"), "--since", "juin 2024", "--store", str(seed_store_path))
    assert r.exit_code == 0 and (tmp_path / "j.gexf").stat().st_size > 0


def test_empty_export_is_said_and_never_overwrites(seed_store_path, tmp_path):
    out = tmp_path / "actors.gexf"
    out.write_text("earlier export", encoding="utf-8")
    r = cli_run("export", "gexf", "-o", str(out), "--since", "1990", "--until", "1991", "--store", str(seed_store_path))
    assert r.exit_code != 0
    assert r.output.strip().splitlines()[-1] == (
        f"Error: nothing to export: no actors match --since 1990, --until 1991; {out} not written")
    assert out.read_text(encoding="utf-8") == "earlier export"


def test_unknown_speaker_says_did_you_mean(seed_store_path):
    r = cli_run("query", "who-said-what", "-p", "speaker=Poutin", "--store", str(seed_store_path))
    assert r.exit_code != 0
    assert r.output.strip().splitlines()[-1].startswith(
        "Error: parameter speaker: no actor named 'Poutin' in the store; did you mean")
    assert "Vladimir Poutine" in r.output


@pytest.mark.parametrize("update", ["DROP ALL", "CLEAR DEFAULT", "PREFIX x: <http://x/>\nINSERT DATA { x:a x:b x:c }",
                                    "PREFIX kg: <https://kg.example.org/ns#>  # a '#' in an IRI is no comment\n"
                                    "DELETE WHERE { ?s kg:stance ?o }"])
def test_updates_are_refused_in_one_line(seed_store_path, update):
    r = cli_run("query", "-e", update, "--store", str(seed_store_path))
    assert r.exit_code != 0
    assert "are not accepted here: kg query only reads" in r.output.strip().splitlines()[-1]


def test_query_dates_in_words(seed_store_path):
    words = cli_run("query", "timeline", "-p", "actor=Poutine", "-p", "since=juin 2024", "--store", str(seed_store_path))
    iso = cli_run("query", "timeline", "-p", "actor=Poutine", "-p", "since=2024-06", "--store", str(seed_store_path))
    assert words.exit_code == 0 and words.output == iso.output
