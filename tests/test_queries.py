"""The saved queries of queries/*.rq: headers parse, each runs, and answers the issue's cases."""

from __future__ import annotations

import pytest

from kg import query as kq
from kg.errors import QueryError
from kg.store import Store
from tests.conftest import ROOT

QUERIES = ROOT / "queries"
NAMES = sorted(p.stem for p in QUERIES.glob("*.rq"))
INJECTION = 'x" } ; DROP ALL ; #'


@pytest.fixture(scope="module")
def store(seed_store_path):
    with Store.open(seed_store_path, read_only=True) as s:
        yield s


def run(store, name: str, **params: str) -> list[dict[str, str]]:
    q = kq.saved(name, QUERIES)
    result = kq.execute(store, *kq.prepare(q, params, store))
    return [{str(k): str(v) for k, v in row.items() if v is not None} for row in result.bindings]


def test_catalogue_has_the_issue_queries():
    assert {"who-said-what", "timeline", "actor", "contradictions", "network", "sources"} <= set(NAMES)


@pytest.mark.parametrize("name", NAMES)
def test_header_parses(name):
    q = kq.saved(name, QUERIES)
    assert q.title and q.title != name
    assert len(q.description) > 40
    assert q.examples and all(e.startswith(f"kg query {name}") for e in q.examples)
    for p in q.params:
        assert p.doc, f"{name}: parameter {p.name} has no documentation"
    assert "PREFIX" in q.text


@pytest.mark.parametrize("name", NAMES)
def test_runs_without_parameters(store, name):
    q = kq.saved(name, QUERIES)
    required = {p.name for p in q.params if p.required}
    params = {"actor": "Poutine"} if required == {"actor"} else {}
    assert required <= set(params)
    rows = run(store, name, **params)
    assert rows
    for row in rows:  # readable cells, never an unlabelled IRI in a label column
        for key, value in row.items():
            if key.endswith("label") or key in {"item", "event", "what", "speaker1", "speaker2"}:
                assert not value.startswith("http"), (key, value)


# --- who-said-what -------------------------------------------------------------------------


def test_who_said_what_sanctions(store):
    rows = run(store, "who-said-what", topic="sanctions")
    by = {}
    for r in rows:
        by.setdefault(r["speaker"], []).append(r)
    assert {"Jens Stoltenberg", "Vladimir Poutine", "Le ministère des Affaires étrangères de la Corée du Sud",
            "Les responsables d’État"} <= set(by)
    poutine = [r for r in by["Vladimir Poutine"] if "restrictions unilatérales illégitimes" in r["quote"]]
    assert poutine and poutine[0]["date"] == "2024-06-19" and poutine[0]["source"].startswith("002_")
    assert poutine[0]["role"] == "président de la Fédération de Russie"
    (sullivan,) = by["Les responsables d’État"]
    assert sullivan["date"] == "2023-09-15" and sullivan["source"].startswith("004_")
    assert "résolutions" in sullivan["quote"]
    (korea,) = by["Le ministère des Affaires étrangères de la Corée du Sud"]
    assert (korea["date"], korea["stance"], korea["mode"]) == ("2024-06-18", "warn", "indirect")
    assert all(r["date"] and r["source"].endswith(".txt") for r in rows)
    assert [r["date"] for r in rows] == sorted(r["date"] for r in rows)


@pytest.mark.parametrize("spelling", ["Sanctions", "sanction"])
def test_topic_spellings_give_the_same_rows(store, spelling):
    assert run(store, "who-said-what", topic=spelling) == run(store, "who-said-what", topic="sanctions")


@pytest.mark.parametrize("spelling", ["Putin", "Vladimir Poutine"])
def test_speaker_spellings_give_the_same_rows(store, spelling):
    rows = run(store, "who-said-what", speaker="Poutine")
    assert rows and {r["speaker"] for r in rows} == {"Vladimir Poutine"}
    assert run(store, "who-said-what", speaker=spelling) == rows


@pytest.mark.parametrize(
    "since, until, dates",
    [
        ("2024", None, {"2024-06-18", "2024-06-19"}),
        ("2024-06-19", None, {"2024-06-19"}),
        (None, "2023", {"2023-09-12", "2023-09-15"}),
        (None, "2024-06-18", {"2023-09-12", "2023-09-15", "2024-06-18"}),
        ("2023-09-13", "2023-09", {"2023-09-15"}),
        ("2024-06", "2024-06", {"2024-06-18", "2024-06-19"}),
    ],
)
def test_who_said_what_date_range(store, since, until, dates):
    params = {k: v for k, v in {"since": since, "until": until}.items() if v}
    assert {r["date"] for r in run(store, "who-said-what", **params)} == dates


# --- timeline --------------------------------------------------------------------------------


def test_timeline_putin_visit(store):
    rows = run(store, "timeline", actor="Poutine")
    # issue 12: the June 2024 visit is one row (one canonical event) with its three articles
    (visit,) = [r for r in rows if r["type"] == "travel" and r["date"] in {"2024-06-18", "2024-06-19"}
                and r.get("place") in {"Corée du Nord", "Pyongyang"}]
    assert visit["sources"] == "3"
    assert sorted(s[:3] for s in visit["source"].split(", ")) == ["000", "001", "002"]
    (arrival,) = [r for r in rows if r["type"] == "arrival" and r["modality"] == "asserted" and r["date"].startswith("2024-06")]
    assert arrival["sources"] == "3"
    assert all("Vladimir Poutine" in r["actor"] and not r["event"].startswith("http") for r in rows)
    assert all(int(r["sources"]) == len(r["source"].split(", ")) for r in rows)
    assert [r["date"] for r in rows] == sorted(r["date"] for r in rows)
    for spelling in ("Putin", "Vladimir Poutine"):
        assert run(store, "timeline", actor=spelling) == rows


def test_the_planned_stop_in_vietnam_is_planned_and_undated(store):
    """Issue 11: Putin's planned stop in Vietnam is marked planned; issue 21: with no date of its own it
    gets none (not the publication day), so the timeline, which shows dated events, leaves it out."""
    rows = store.select("""SELECT ?mod ?stamp WHERE { GRAPH graph:canonical {
        ?e sem:eventType ?t ; kg:modality ?mod ; sem:hasPlace ?p . ?t skos:notation "travel" .
        OPTIONAL { ?e sem:hasTimeStamp ?stamp } }
        GRAPH graph:entities { ?p rdfs:label ?l } FILTER(STR(?l) = "Vietnam") }""")
    assert rows == [("planned", None)]
    every = run(store, "timeline", actor="Poutine", all="true")
    assert not [r for r in every if r.get("place") == "Vietnam"]
    pyongyang = [r for r in every if r["type"] == "travel" and r.get("place") in {"Corée du Nord", "Pyongyang"}]
    assert pyongyang and {r["modality"] for r in pyongyang} <= {"asserted", "reported"}
    planned = run(store, "timeline", modality="planned", all="true")
    assert {r["modality"] for r in planned} <= {"planned"}


def test_timeline_filters(store):
    june = run(store, "timeline", actor="Poutine", since="2024-06", until="2024-06-18")
    assert june and {r["date"] for r in june} == {"2024-06-18"}
    pyongyang = run(store, "timeline", place="Pyongyang")
    assert pyongyang and {r["place"] for r in pyongyang} == {"Pyongyang"}
    assert {r["type"] for r in run(store, "timeline", topic="sanctions", all="true")} >= {"sanction"}


# --- actor -----------------------------------------------------------------------------------


def test_actor_profile(store):
    rows = run(store, "actor", actor="Putin")
    facts = {(r["kind"], r["what"]) for r in rows}
    assert {("name", "Vladimir Poutine"), ("alias", "Poutine"), ("type", "Person"),
            ("wikidata", "Q7747")} <= facts
    kinds = [r["kind"] for r in rows]
    assert kinds.index("name") < kinds.index("event") < kinds.index("said") < kinds.index("said about")
    assert any(k == "co-actor" and w.startswith("Kim Jong-un (") for k, w in facts)
    assert any(k == "said" and "compagnons d’armes" in w for k, w in facts)
    assert any(k == "said about" and w.startswith("Jens Stoltenberg:") for k, w in facts)
    (visit,) = [r for r in rows if r["kind"] == "event" and r["what"].startswith("travel « visite » — Vladimir Poutine @ Pyongyang")]
    assert visit["date"] == "2024-06-18" and len(visit["source"].split(", ")) == 3  # one event, three articles
    assert run(store, "actor", actor="Vladimir Poutine") == rows


def test_actor_is_required(store):
    q = kq.saved("actor", QUERIES)
    with pytest.raises(kq.QueryError, match="actor"):
        kq.bindings(q, {}, store)


# --- contradictions ------------------------------------------------------------------------


def test_contradictions_pair_allegation_and_denial(store):
    rows = run(store, "contradictions")
    pairs = {(r["speaker1"], r["speaker2"]) for r in rows}
    assert ("Les responsables américains et sud-coréens", "La Corée du Nord et la Russie") in pairs
    assert ("Les États-Unis et la Corée du Sud", "Les deux pays") in pairs
    (denial,) = [r for r in rows if r["speaker2"] == "La Corée du Nord et la Russie"]
    assert "fournit à la Russie" in denial["quote1"] and denial["quote2"] == "ces allégations"
    assert denial["date1"] == denial["date2"] == "2024-06-18" and denial["source2"].startswith("000_")
    assert all(r["speaker1"] != r["speaker2"] for r in rows)
    assert run(store, "contradictions", since="2024-06-19") == [r for r in rows if r["date2"] == "2024-06-19"]
    assert all(r["basis"] for r in rows)
    assert denial["basis"] == "answers the claim before it in the same article"
    early = run(store, "contradictions", until="2023")
    assert all(r["date2"].startswith("2023") for r in early)
    weapons = run(store, "contradictions", topic="armes")
    assert {(r["speaker1"], r["speaker2"]) for r in weapons} >= {
        ("Les responsables américains et sud-coréens", "La Corée du Nord et la Russie"),
        ("Les États-Unis et la Corée du Sud", "Les deux pays"),
    }
    sanctions = run(store, "contradictions", topic="sanctions")
    assert len(sanctions) < len(weapons) <= len(rows)


# --- network ---------------------------------------------------------------------------------


def test_network(store):
    rows = run(store, "network")
    weights = [int(r["weight"]) for r in rows]
    assert weights == sorted(weights, reverse=True) and min(weights) >= 1
    top = rows[0]
    assert top["relation"] == "co-actor"
    assert {top["source_label"], top["target_label"]} in ({"Kim Jong-un", "Vladimir Poutine"},
                                                          {"Corée du Nord", "Russie"})
    kim_putin = [r for r in rows if {r["source_label"], r["target_label"]} == {"Kim Jong-un", "Vladimir Poutine"}
                 and r["relation"] == "co-actor"]
    assert kim_putin and int(kim_putin[0]["weight"]) >= 5
    assert any(r["source_label"] == "Jens Stoltenberg" and r["target_label"] == "Vladimir Poutine"
               and r["relation"] == "speaks about" for r in rows)
    strong = run(store, "network", min_weight="2")
    assert strong and all(int(r["weight"]) >= 2 for r in strong) and len(strong) < len(rows)
    assert len(run(store, "network", topic="sanctions")) < len(rows)


# --- sources ---------------------------------------------------------------------------------


def test_sources_groups_reports_of_one_event(store):
    rows = run(store, "sources", actor="Poutine", text="travel")
    visit = [r for r in rows if r["item"] == "travel « visite » — Vladimir Poutine @ Pyongyang"]
    assert len(visit) >= 3  # one row per report of the one canonical visit
    assert {tuple(sorted(r["reported_by"].split(", "))) for r in visit} == {
        ("000_2ea98153676facc7.txt", "001_e91077bd47258447.txt", "002_9d3c9eab45e7b486.txt")}
    assert all(int(r["reports"]) == 3 for r in visit)
    for r in rows:
        assert int(r["begin"]) < int(r["end"]) and r["sentence"] and r["source"] in r["reported_by"]
    arrival = run(store, "sources", actor="Putin", text="arrival «")
    assert {s for r in arrival for s in r["reported_by"].split(", ")} >= {"002_9d3c9eab45e7b486.txt"}


def test_sources_of_a_claim(store):
    (row,) = run(store, "sources", text="COMPAGNONS d’armes")
    assert row["kind"] == "claim" and row["item"].startswith("Vladimir Poutine: «")
    assert row["sentence"] == "Poutine a décrit les deux hommes comme des « compagnons d’armes »"
    assert (row["begin"], row["end"], row["source"]) == ("1077", "1142", "002_9d3c9eab45e7b486.txt")


# --- injection -------------------------------------------------------------------------------


@pytest.mark.parametrize("name", NAMES)
def test_injection_matches_nothing_and_changes_nothing(store, name):
    q = kq.saved(name, QUERIES)
    before = len(store)
    for p in q.params:
        if p.kind not in {"string", "entity", "topic"}:
            continue
        params = {"actor": "Poutine"} if any(x.required for x in q.params) else {}
        params[p.name] = INJECTION
        try:
            rows = run(store, name, **params)
        except kq.QueryError:  # an unknown topic or actor is refused before anything runs
            assert p.kind in {"topic", "entity"}
            continue
        assert rows == [], (name, p.name)
    assert len(store) == before


def test_timeline_shows_the_salient_rows_and_all_true_shows_every_row(store):
    """Issue 21: the default timeline keeps the salient events; all=true every dated one."""
    shown, every = run(store, "timeline"), run(store, "timeline", all="true")
    assert shown and len(every) > len(shown)
    assert all(r in every for r in shown)
    assert run(store, "timeline", all="false") == shown
    hidden = [r for r in every if r not in shown]
    # what is hidden is reported once, outside the lead, or of no type: never a three-source event
    assert all(int(r["sources"]) < 3 for r in hidden)
    salient = {str(v) for (v,) in store.select(
        "SELECT ?s WHERE { GRAPH graph:canonical { ?e kg:salient ?s } }")}
    assert salient == {"true", "false"}


def test_a_bool_parameter_refuses_other_values(store):
    with pytest.raises(QueryError, match="parameter all: 'maybe' is not true or false"):
        run(store, "timeline", all="maybe")
