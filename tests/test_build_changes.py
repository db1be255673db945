"""Changes that must apply (issue 14): a new knowledge base or new rules re-extract unchanged
articles, and ``kg build --prune`` removes the articles whose files are gone."""

from __future__ import annotations

import shutil

from click.testing import CliRunner

from kg.cli import cli
from kg.pipeline import pipeline_fingerprint
from kg.store import Store
from tests.conftest import SEEDS


def build(*args):
    r = CliRunner().invoke(cli, ["build", *args])
    assert r.exit_code == 0, r.output
    return r.output.strip().splitlines()[-1]


def test_new_knowledge_base_reextracts_unchanged_articles(tmp_path):
    corpus = tmp_path / "corpus"
    shutil.copytree(SEEDS, corpus)
    store = tmp_path / "store"
    build(str(corpus), "--store", str(store))
    assert build(str(corpus), "--store", str(store)).startswith("0 added, 0 replaced, 5 unchanged")
    kb = tmp_path / "my-actors.toml"
    kb.write_text('[[entity]]\nid = "bruce-bennett"\nlabel = "Bruce W. Bennett"\ntype = "Person"\n'
                  'aliases = ["Bruce Bennett"]\n', encoding="utf-8")
    line = build(str(corpus), "--store", str(store), "--kb", str(kb))
    assert line.startswith("0 added, 5 replaced, 0 unchanged") and "5 re-extracted for a new knowledge base" in line
    with Store.open(store, read_only=True) as s:
        names = {str(r[0]) for r in s.query(
            'SELECT ?n WHERE { GRAPH ?g { ?e <https://schema.org/name> ?n } }')}
    assert "Bruce W. Bennett" in names  # the new entry reached the graph without --force
    # the same KB again: nothing to do
    assert build(str(corpus), "--store", str(store), "--kb", str(kb)).startswith("0 added, 0 replaced, 5 unchanged")


def test_fingerprint_follows_the_knowledge_base(tmp_path):
    kb = tmp_path / "kb.toml"
    kb.write_text('[[entity]]\nid = "x"\nlabel = "X"\ntype = "Person"\n', encoding="utf-8")
    base = pipeline_fingerprint()
    assert pipeline_fingerprint() == base and pipeline_fingerprint((str(kb),)) != base


def test_prune_removes_articles_whose_files_are_gone(tmp_path):
    corpus = tmp_path / "corpus"
    shutil.copytree(SEEDS, corpus)
    store = tmp_path / "store"
    build(str(corpus), "--store", str(store))
    gone = sorted(corpus.glob("*.txt"))[0]
    gone.unlink()
    assert "removed" not in build(str(corpus), "--store", str(store))  # without --prune nothing is lost
    with Store.open(store, read_only=True) as s:
        assert gone.name in s.articles()
    line = build(str(corpus), "--store", str(store), "--prune")
    assert "1 removed (files gone)" in line
    with Store.open(store, read_only=True) as s:
        assert gone.name not in s.articles() and len(s.articles()) == 4
        sources = {str(r[0]) for r in s.query(
            'SELECT ?f WHERE { GRAPH <https://kg.example.org/graph/canonical> { ?a <http://purl.org/dc/terms/identifier> ?f } }')}
    assert gone.name not in sources  # the canonical layer no longer cites it
