"""Incremental, idempotent builds and bad input, through the library and the CLI."""

from __future__ import annotations

import json
import shutil

import pytest
from click.testing import CliRunner

from kg.build import build
from kg.cli import cli
from kg.store import Store
from tests.conftest import SEEDS, article_graphs, seed_path


@pytest.fixture
def corpus(tmp_path):
    """Two seed articles with their sidecars in a scratch folder."""
    folder = tmp_path / "corpus"
    folder.mkdir()
    for prefix in ("002", "004"):
        src = seed_path(prefix)
        shutil.copy(src, folder / src.name)
        shutil.copy(src.with_suffix(".meta.json"), folder / src.with_suffix(".meta.json").name)
    return folder


def test_build_twice_is_idempotent(corpus, store_path, pipeline):
    with Store.open(store_path) as store:
        first = build([corpus], store, pipeline)
        count = len(store)
        second = build([corpus], store, pipeline)
        assert len(store) == count
    assert sorted(first.added) == sorted(p.name for p in corpus.glob("*.txt"))
    assert second.added == [] and len(second.skipped) == 2
    assert first.counts["claims"] > 10


def test_changed_article_replaces_its_graph(corpus, store_path, pipeline):
    target = next(corpus.glob("004_*.txt"))
    with Store.open(store_path) as store:
        build([corpus], store, pipeline)
        target.write_text(target.read_text("utf-8") + "\nJean Dupont a déclaré que la paix revenait.\n", "utf-8")
        report = build([corpus], store, pipeline)
        assert report.replaced == [target.name]
        rows = list(store.query(
            'PREFIX kg: <https://kg.example.org/ns#> SELECT ?s WHERE { GRAPH ?g { ?c a kg:ClaimMention ; kg:speakerLabel ?s } }'
        ))
    assert "Jean Dupont" in {str(r[0]) for r in rows}


def test_bad_files_are_reported_and_the_rest_builds(corpus, store_path, pipeline):
    (corpus / "empty.txt").write_bytes(b"")
    (corpus / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    with Store.open(store_path) as store:
        build([corpus], store, pipeline)
        before = len(store)
        report = build([corpus], store, pipeline)
        assert len(store) == before  # nothing stored is lost
    failed = dict(report.failed)
    assert set(failed) == {str(corpus / "empty.txt"), str(corpus / "image.txt")}
    assert failed[str(corpus / "empty.txt")] == f"{corpus / 'empty.txt'}: empty file"
    assert not report.ok


def test_cli_build_exit_code_and_one_line_errors(corpus, store_path):
    (corpus / "broken.txt").write_bytes(b"\x00\x01\x02binary")
    result = CliRunner().invoke(cli, ["build", "--store", str(store_path), "-q", str(corpus)])
    assert result.exit_code == 1
    lines = [line for line in result.stderr.splitlines() if "broken.txt" in line]
    assert len(lines) == 1 and lines[0].startswith("error: ") and "binary" in lines[0]
    stats = CliRunner().invoke(cli, ["stats", "--store", str(store_path), "--json"])
    assert json.loads(stats.stdout)["articles"] == 2


def test_cli_missing_path(store_path):
    result = CliRunner().invoke(cli, ["build", "--store", str(store_path), "-q", "no/such/dir"])
    assert result.exit_code == 1
    assert "no/such/dir: no such file or directory" in result.stderr


def test_cli_extract_jsonl_schema(corpus):
    path = next(corpus.glob("004_*.txt"))
    result = CliRunner().invoke(cli, ["extract", str(path), "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.stdout.splitlines()]
    text = path.read_text("utf-8")
    kinds = {r["kind"] for r in records}
    assert kinds == {"article", "entity", "timex", "claim", "event"}
    for r in records:
        if r["kind"] != "article":
            assert {"file", "kind", "start", "end", "text"} <= r.keys()
            assert text[r["start"] : r["end"]] == r["text"]
    claim = next(r for r in records if r["kind"] == "claim" and r["speaker"] == "Park Jin")
    assert {"speaker_start", "speaker_end", "cue", "content", "content_start", "content_end", "mode", "stance", "topics"} <= claim.keys()
    assert claim["date"] == "2023-09-15"
    timex = next(r for r in records if r["kind"] == "timex")
    assert {"type", "value"} <= timex.keys()
    event = next(r for r in records if r["kind"] == "event")
    assert {"type", "trigger", "actors", "place", "date"} <= event.keys()
    entity = next(r for r in records if r["kind"] == "entity" and r["text"] == "Vladimir Poutine")
    assert (entity["label"], entity["type"], entity["canonical"]) == ("Vladimir Poutine", "Person", "vladimir-poutine")


def test_cli_extract_published_flag_overrides_sidecar(corpus):
    path = next(corpus.glob("004_*.txt"))
    result = CliRunner().invoke(cli, ["extract", str(path), "--published", "2030-01-02", "--kind", "article"])
    assert json.loads(result.stdout)["published"] == "2030-01-02"
    bad = CliRunner().invoke(cli, ["extract", str(path), "--published", "demain"])
    assert bad.exit_code == 2 and "'demain' is not an ISO date" in bad.stderr


def test_claims_command_answers_sanctions(store_path, pipeline):
    with Store.open(store_path) as store:
        build([SEEDS], store, pipeline)
    result = CliRunner().invoke(cli, ["claims", "--store", str(store_path), "--topic", "Sanction"])
    assert result.exit_code == 0
    for speaker in ("Jens Stoltenberg", "Vladimir Poutine", "Le ministère des Affaires étrangères de la Corée du Sud", "Les responsables d’État"):
        assert speaker in result.stdout
    assert "restrictions unilatérales illégitimes" in result.stdout
    validate = CliRunner().invoke(cli, ["validate", "--store", str(store_path)])
    assert validate.exit_code == 0, validate.stdout


@pytest.mark.parametrize("command", ["build", "extract", "stats", "validate", "claims"])
def test_every_command_has_help(command):
    result = CliRunner().invoke(cli, [command, "--help"])
    assert result.exit_code == 0 and len(result.stdout.splitlines()) > 4


def test_two_workers_build_the_same_graph_as_one(tmp_path, seed_store_path, pipeline):
    """`kg build --workers 2` spreads extraction over processes; the graph is identical."""
    with Store.open(tmp_path / "two") as store:
        report = build([SEEDS], store, pipeline, workers=2)
        two = article_graphs(store)
    with Store.open(seed_store_path, read_only=True) as store:
        one = article_graphs(store)
    assert len(report.added) == 5
    assert two == one
