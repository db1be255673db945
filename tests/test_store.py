"""The Oxigraph-backed store: atomic per-article graphs, reopening, locking, damage, queries."""

from __future__ import annotations

import subprocess
import sys
from dataclasses import replace

import pytest
from rdflib import Literal, URIRef

from kg.errors import QueryError, StoreError
from kg.graph.mapping import extraction_to_graph
from kg.graph.vocabulary import KB_GRAPH, KG, RDF, RDFS, article_graph_iri, entity_iri
from kg.resolve import resolve
from kg.store import Store, default_path
from tests.samples import sample_extraction


@pytest.fixture
def store(tmp_path):
    with Store(tmp_path / "kg") as s:
        yield s


def test_replace_article_twice_keeps_the_same_count(store):
    x = sample_extraction()
    n = store.replace_article(x)
    assert n == len(extraction_to_graph(x)) == len(store)
    assert store.replace_article(x) == n
    assert len(store) == n
    assert store.articles() == ["001_poutine.txt"]


def test_replacing_a_changed_article_drops_the_old_triples(store):
    x = sample_extraction()
    store.replace_article(x)
    changed = replace(x, claims=(replace(x.claims[0], stance="threaten"),),
                      article=replace(x.article, sha256="cd" * 32))
    store.replace_article(changed)
    stances = {str(row[0]) for row in store.query("SELECT ?s WHERE { ?c kg:stance ?s }")}
    assert stances == {"threaten"}
    assert store.article_hash("001_poutine.txt") == "cd" * 32
    assert len(store) == len(extraction_to_graph(changed))


def test_article_hash(store):
    assert store.article_hash("001_poutine.txt") is None
    store.replace_article(sample_extraction())
    assert store.article_hash("001_poutine.txt") == "ab" * 32
    assert "001_poutine.txt" in store


def test_remove_article_keeps_the_other_articles_entities(store):
    store.replace_article(sample_extraction("001_poutine.txt"))
    store.replace_article(sample_extraction("002_poutine.txt"))
    assert store.articles() == ["001_poutine.txt", "002_poutine.txt"]
    assert store.remove_article("001_poutine.txt") is True
    assert store.remove_article("001_poutine.txt") is False
    assert store.articles() == ["002_poutine.txt"]
    assert len(store) == len(extraction_to_graph(sample_extraction("002_poutine.txt")))
    labels = store.query("SELECT DISTINCT ?l WHERE { ?e rdfs:label ?l }", {"e": entity_iri("vladimir-poutine")})
    assert [row[0] for row in labels] == [Literal("Vladimir Poutine", lang="fr")]


def test_store_reopened_from_disk_keeps_its_data(tmp_path):
    path = tmp_path / "kg"
    with Store(path) as s:
        n = s.replace_article(sample_extraction())
    with Store.open(path) as s:
        assert len(s) == n
        assert s.articles() == ["001_poutine.txt"]
        assert s.article_graph("001_poutine.txt").isomorphic(extraction_to_graph(sample_extraction()))


def test_store_in_use_by_another_process(tmp_path):
    path = tmp_path / "kg"
    code = (
        "import sys\n"
        "from kg.errors import StoreError\n"
        "from kg.store import Store\n"
        "try:\n"
        "    Store(sys.argv[1])\n"
        "except StoreError as e:\n"
        "    print(e)\n"
        "    sys.exit(3)\n"
    )
    with Store(path):
        done = subprocess.run([sys.executable, "-c", code, str(path)], capture_output=True, text=True)
    assert done.returncode == 3, done.stderr
    assert done.stdout.strip() == f"store {path} is in use by another process"
    # Closed, the lock is released: the same process can open it again.
    Store(path).close()


def test_read_only_store_can_be_opened_while_another_holds_the_lock(tmp_path):
    path = tmp_path / "kg"
    with Store(path) as writer:
        writer.replace_article(sample_extraction())
        writer.close()
        with Store(path) as other_writer, Store(path, read_only=True) as reader:
            assert reader.articles() == ["001_poutine.txt"]
            assert other_writer.articles() == ["001_poutine.txt"]
            with pytest.raises(StoreError, match="read-only"):
                reader.remove_article("001_poutine.txt")


def test_damaged_store_says_how_to_rebuild(tmp_path):
    path = tmp_path / "kg"
    Store(path).close()
    (path / "CURRENT").write_text("garbage\n")
    with pytest.raises(StoreError, match=r"damaged.*rm -rf .*kg && kg build"):
        Store(path)


def test_refuses_a_directory_that_is_not_a_store(tmp_path):
    (tmp_path / "notes.txt").write_text("pas un store")
    with pytest.raises(StoreError, match="not a kg store"):
        Store(tmp_path)
    with pytest.raises(StoreError, match="no store"):
        Store(tmp_path / "absent", read_only=True)


def test_default_location_and_env_var(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("KG_STORE", raising=False)
    assert default_path().name == ".kg"
    with Store() as s:
        assert s.path.name == ".kg"
    assert (tmp_path / ".kg" / "CURRENT").exists()
    monkeypatch.setenv("KG_STORE", str(tmp_path / "elsewhere"))
    with Store() as s:
        assert s.path == tmp_path / "elsewhere"


def test_closed_store_refuses_work(tmp_path):
    s = Store(tmp_path / "kg")
    s.close()
    s.close()  # idempotent
    with pytest.raises(StoreError, match="closed"):
        s.articles()


def test_stats(store):
    store.replace_article(sample_extraction("001_poutine.txt"))
    store.replace_article(sample_extraction("002_poutine.txt"))
    stats = store.stats()
    assert stats["articles"] == 2
    assert stats["entities"] == 3  # shared across articles
    assert stats["entities_by_type"] == {"Person": 2, "Place": 1}
    assert stats["claim_mentions"] == 2 and stats["event_mentions"] == 2
    assert stats["claims"] == 0 and stats["events"] == 0  # canonical nodes come with resolution
    resolve(store)
    stats = store.stats()
    # the two articles tell the same story: one claim and one event, each with two reports
    assert stats["claims"] == 1 and stats["events"] == 1
    assert stats["events_by_type"] == {"travel": 1}
    assert stats["timexes_by_type"] == {"DATE": 2}
    assert stats["mentions"] == 8
    assert stats["triples"] == len(store)


def test_query_binds_parameters_outside_the_projection(store):
    store.replace_article(sample_extraction())
    rows = list(store.query(
        "SELECT ?text WHERE { ?c a kg:ClaimMention ; schema:creator ?speaker ; schema:text ?text }",
        {"speaker": entity_iri("vladimir-poutine")},
    ))
    assert len(rows) == 1 and str(rows[0][0]).startswith("Nous développerons")
    rows = list(store.query(
        "# counts { in a comment\nSELECT (COUNT(?e) AS ?n) WHERE { ?e sem:eventType ?t }",
        {"t": URIRef("https://kg.example.org/eventtype/meeting")},
    ))
    assert rows[0][0].toPython() == 0
    dated = list(store.query(
        "SELECT ?e WHERE { ?e sem:hasTimeStamp ?d FILTER(?d >= \"2024-06-01\"^^xsd:date) }"))
    assert len(dated) == 1


def test_query_errors_are_query_errors(store):
    with pytest.raises(QueryError, match="invalid SPARQL"):
        store.query("SELEC ?x WHERE { ?x ?p ?o }")


@pytest.mark.filterwarnings("ignore:Dataset.default_context is deprecated")  # inside rdflib
def test_dataset_is_the_union_of_graphs(store):
    store.replace_article(sample_extraction())
    ds = store.dataset
    assert {g.identifier for g in ds.graphs()} >= {article_graph_iri("001_poutine.txt")}
    assert len(list(ds.subjects(RDF.type, KG.ClaimMention))) == 1


def test_knowledge_base_graph(store):
    kb = [(entity_iri("vladimir-poutine"), RDFS.label, Literal("Vladimir Poutine", lang="fr"))]
    assert store.replace_graph(KB_GRAPH, kb) == 1
    assert store.articles() == []
    assert len(store) == 1
    assert store.remove_graph(KB_GRAPH)


def test_a_failed_replacement_leaves_the_old_graph(store):
    x = sample_extraction()
    n = store.replace_article(x)
    bad = [(URIRef("https://kg.example.org/entity/pas valide"), RDFS.label, Literal("x"))]
    with pytest.raises(StoreError, match="cannot write graph"):
        store.replace_graph(article_graph_iri(x.article.name), bad)
    assert len(store) == n


def test_flush_writes_and_refuses_read_only(tmp_path):
    from kg.errors import StoreError

    with Store.open(tmp_path / "s") as store:
        store.flush()  # nothing to write yet: still fine
    with Store.open(tmp_path / "s", read_only=True) as store:
        with pytest.raises(StoreError, match="read-only"):
            store.flush()


def test_a_new_store_may_lie_in_folders_not_made_yet(tmp_path):
    path = tmp_path / "a" / "b" / "store"
    with Store(path) as store:
        assert len(store) == 0
    assert (path / "CURRENT").exists()
