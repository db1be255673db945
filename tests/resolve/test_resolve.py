"""Issue 12: resolution in the build — incremental equals from scratch, removal, no over-merge,
one description per entity, and the canonical layer the saved queries read."""

from __future__ import annotations

import shutil

import pytest

from kg.build import build
from kg.graph.vocabulary import CANONICAL_GRAPH, DERIVED_GRAPHS, ENTITIES_GRAPH, KG, RDFS
from kg.resolve import resolution, resolve
from kg.store import Store
from tests.conftest import SEEDS, seed_path


def derived(store: Store) -> dict[str, set[bytes]]:
    return {str(g): set(store.graph_ntriples(str(g))[0].splitlines()) for g in DERIVED_GRAPHS}


@pytest.fixture(scope="module")
def from_scratch(seed_store_path):
    with Store.open(seed_store_path, read_only=True) as store:
        return derived(store)


def test_adding_articles_one_build_at_a_time_equals_building_them_at_once(tmp_path, pipeline, from_scratch):
    with Store.open(tmp_path / "kg") as store:
        build([seed_path("000"), seed_path("003")], store, pipeline)
        first = derived(store)
        report = build([SEEDS], store, pipeline)
        assert sorted(report.added) == sorted(p.name for p in SEEDS.glob("*.txt") if p.name[:3] not in {"000", "003"})
        assert derived(store) == from_scratch
        # the second build wrote only the difference
        assert 0 < report.resolved.added < sum(len(t) for t in from_scratch.values())
        assert first != from_scratch


def test_removing_an_article_equals_never_having_built_it(tmp_path, pipeline, seed_store_path):
    shutil.copytree(seed_store_path, tmp_path / "all")
    with Store.open(tmp_path / "all") as store:
        store.remove_article(seed_path("001").name)
        report = resolve(store)
        assert report.removed > 0
        after_removal = derived(store)
    without = [p for p in SEEDS.glob("*.txt") if not p.name.startswith("001")]
    with Store.open(tmp_path / "four") as store:
        build(without, store, pipeline)
        assert derived(store) == after_removal
    assert not any(b"001_e91077bd47258447" in t for t in after_removal[str(CANONICAL_GRAPH)])


def test_resolving_twice_changes_nothing(tmp_path, seed_store_path, from_scratch):
    shutil.copytree(seed_store_path, tmp_path / "kg")
    with Store.open(tmp_path / "kg") as store:
        report = resolve(store)
        assert (report.added, report.removed) == (0, 0)
        assert derived(store) == from_scratch


def test_a_resolution_cut_short_is_completed_by_the_next_build(tmp_path, pipeline, seed_store_path, from_scratch):
    """A derived graph is bulk-loaded, its kg:contentHash last: a graph without its hash (a write
    interrupted part-way) makes the next build resolve again, even with no article to extract."""
    import pyoxigraph as ox

    shutil.copytree(seed_store_path, tmp_path / "kg")
    with Store.open(tmp_path / "kg") as store:
        assert store.is_resolved()
        canonical = ox.NamedNode(str(CANONICAL_GRAPH))
        cut = [q for i, q in enumerate(store._inner.quads_for_pattern(None, None, None, canonical))
               if q.predicate.value == str(KG.contentHash) or i % 3 == 0]
        for q in cut:
            store._inner.remove(q)
        assert not store.is_resolved()
        report = build([SEEDS], store, pipeline)
        assert report.added == [] and report.resolved is not None and report.resolved.added == len(cut)
        assert store.is_resolved() and derived(store) == from_scratch
        again = build([SEEDS], store, pipeline)
        assert again.resolved is None  # whole again: nothing to do


def test_workers_end_with_the_same_resolution(tmp_path, from_scratch):
    with Store.open(tmp_path / "kg") as store:
        build([SEEDS], store, workers=2)
        assert derived(store) == from_scratch


def test_the_seeds_visit_is_one_event_with_its_three_articles(seed_store_path):
    with Store.open(seed_store_path, read_only=True) as store:
        r = resolution(store)
    visits = [c for c in r.events if c.first.type == "travel" and any("pyongyang" in (m.place or "") or
              "coree-du-nord" in (m.place or "") for m in c.mentions) and c.first.date and c.first.date.startswith("2024-06")]
    (visit,) = visits
    assert len({m.article for m in visit.mentions}) == 3 and len(visit.mentions) >= 4
    assert all(b.startswith("same kind, shared") for b in visit.basis)
    # Peskov's "aucun accord n'a été signé", repeated in one article, is one claim
    (peskov,) = [c for c in r.claims if "aucun accord" in c.first.text]
    assert len(peskov.mentions) == 2 and len({m.article for m in peskov.mentions}) == 1


def test_entities_graph_has_one_label_per_entity(seed_store_path):
    with Store.open(seed_store_path, read_only=True) as store:
        graph = store.graph_copy(ENTITIES_GRAPH)
    subjects = set(graph.subjects(RDFS.label, None))
    assert len(subjects) > 20
    assert all(len(list(graph.objects(s, RDFS.label))) == 1 for s in subjects)
    putin = next(s for s in subjects if str(s).endswith("/vladimir-poutine"))
    assert str(graph.value(putin, RDFS.label)) == "Vladimir Poutine"


STRIKE_1 = """Frappe russe sur Kiev : au moins dix morts

Kiev, 8 juillet 2024. L'armée russe a bombardé Kiev lundi 8 juillet, faisant au moins dix morts
dans un quartier résidentiel, selon les autorités ukrainiennes.
"""
STRIKE_1_OTHER = """Kiev sous les bombes

L'armée russe a bombardé Kiev ce lundi 8 juillet 2024. Le bombardement a touché un hôpital pour enfants.
"""
STRIKE_2 = """Nouvelle frappe sur Kiev

L'armée russe a de nouveau bombardé Kiev le dimanche 14 juillet 2024, six jours après la frappe
sur l'hôpital pour enfants.
"""


def test_two_strikes_on_kiev_six_days_apart_stay_two_events(tmp_path, pipeline):
    for name, text, day in (("a.txt", STRIKE_1, "2024-07-08"), ("b.txt", STRIKE_1_OTHER, "2024-07-09"),
                            ("c.txt", STRIKE_2, "2024-07-14")):
        (tmp_path / name).write_text(text, encoding="utf-8")
        (tmp_path / name.replace(".txt", ".meta.json")).write_text(f'{{"published": "{day}"}}', encoding="utf-8")
    with Store.open(tmp_path / "kg") as store:
        build([tmp_path / n for n in ("a.txt", "b.txt", "c.txt")], store, pipeline)
        r = resolution(store)
    strikes = [c for c in r.events if c.first.type == "military-action" and c.first.date]
    articles = [(c.first.date[:10], {m.article.rsplit("/", 1)[-1] for m in c.mentions}) for c in strikes]
    assert all("c.txt" not in arts for day, arts in articles if day == "2024-07-08")
    assert all(arts == {"c.txt"} for day, arts in articles if day == "2024-07-14")
    assert ("2024-07-08", {"a.txt", "b.txt"}) in articles  # the same strike told by two outlets: one event


def test_every_merge_is_explained(seed_store_path):
    with Store.open(seed_store_path, read_only=True) as store:
        graph = store.graph_copy(CANONICAL_GRAPH)
    from kg.graph.vocabulary import GAF

    for node in set(graph.subjects(GAF.denotedBy, None)):
        mentions = list(graph.objects(node, GAF.denotedBy))
        if len(mentions) > 1:
            assert list(graph.objects(node, KG.mergeBasis)), node


def test_the_canonical_example_in_docs_ontology_is_what_resolution_writes(seed_store_path):
    import re

    from rdflib import Graph

    from tests.conftest import ROOT

    doc = (ROOT / "docs" / "ontology.md").read_text(encoding="utf-8")
    (turtle,) = re.findall(r"```ttl\n(.*?)```", doc, flags=re.DOTALL)
    example = Graph().parse(data=turtle, format="turtle")
    with Store.open(seed_store_path, read_only=True) as store:
        written = store.graph_copy(CANONICAL_GRAPH)
    assert len(example) > 40
    assert set(example) - set(written) == set()


def test_remove_and_load_report_bad_input_in_one_line(tmp_path, seed_store_path):
    from click.testing import CliRunner

    from kg.cli import cli

    shutil.copytree(seed_store_path, tmp_path / "kg")
    store = ["--store", str(tmp_path / "kg")]
    missing = CliRunner().invoke(cli, ["remove", "nothere.txt", *store])
    assert missing.exit_code == 1 and missing.output.strip() == "Error: not in the store: nothere.txt (see `kg query sources`)"
    bad = tmp_path / "bad.nq"
    bad.write_text("this is not N-Quads\n", encoding="utf-8")
    loaded = CliRunner().invoke(cli, ["load", str(bad), "--store", str(tmp_path / "fresh")])
    assert loaded.exit_code == 1 and "not N-Quads" in loaded.output and "Traceback" not in loaded.output
    assert len(loaded.output.strip().splitlines()) == 1
    removed = CliRunner().invoke(cli, ["remove", seed_path("003").name, *store])
    assert removed.exit_code == 0 and "1 removed; resolved" in removed.output
    with Store.open(tmp_path / "kg", read_only=True) as s:
        assert seed_path("003").name not in s.articles()
        assert not any(b"003_df7e1948552e66d9" in t for t in derived(s)[str(CANONICAL_GRAPH)])
