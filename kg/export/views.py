"""Network views of the graph store for Gephi and other network tools.

``actors``: people, organisations and places, undirected, linked by shared events
("co-event") and by who speaks about whom ("speaks-about"). Events and claims are the
canonical ones (one per happening or statement, :mod:`kg.resolve`): an edge's ``weight`` sums
the articles that report its events or claims, ``items`` counts them.
``events``: a directed graph of actors → events (agent/participant/actor), events → places
and events → date nodes. ``full``: the events view plus claims (speaker → claim "said",
claim → entity "about") and topics (event/claim → topic "subject").

Every node has ``label`` (never an IRI), ``type``, ``wikidata`` ("" when unknown),
``mentions`` and ``first``/``last`` (ISO dates, "" when undated), event and claim nodes
``sources``; every edge ``relation`` (= ``label``), ``weight`` and ``items``, plus ``first``/``last`` when dated. Only str/int/float/bool
values are stored. Partial dates are widened to the interval they denote (:func:`interval`).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from itertools import combinations

import networkx as nx

from kg.resolve.dates import interval
from kg.store import Store

VIEWS = ("actors", "events", "full")

ENTITIES = """
SELECT ?e (SAMPLE(?l) AS ?label) (SAMPLE(?t) AS ?type) (SAMPLE(?wd) AS ?wikidata) WHERE {
  GRAPH graph:entities {
    ?e schema:name ?l .
    VALUES (?class ?t) { (schema:Person "Person") (schema:Organization "Organization") (schema:Place "Place") }
    ?e a ?class .
    OPTIONAL { ?e owl:sameAs ?wd }
  }
} GROUP BY ?e
"""

MENTIONS = "SELECT ?e (COUNT(DISTINCT ?m) AS ?n) WHERE { ?m itsrdf:taIdentRef ?e } GROUP BY ?e"

EVENTS = """
SELECT ?ev ?trigger ?type ?date ?modality ?sources WHERE { GRAPH graph:canonical {
  ?ev a sem:Event ; kg:sources ?sources .
  OPTIONAL { ?ev kg:trigger ?trigger }
  OPTIONAL { ?ev kg:modality ?modality }
  OPTIONAL { ?ev sem:eventType/skos:notation ?type }
  OPTIONAL { ?ev sem:hasTimeStamp ?date }
} }
"""

# when an undated event was reported: the publication days of its articles (its span in Gephi's
# timeline when nothing dated is linked to it)
REPORTED = """
SELECT ?ev (MIN(STR(?issued)) AS ?first) (MAX(STR(?issued)) AS ?last) WHERE {
  GRAPH graph:canonical { ?ev a sem:Event ; prov:wasDerivedFrom ?a . FILTER NOT EXISTS { ?ev sem:hasTimeStamp ?d } }
  GRAPH ?g { ?a dcterms:issued ?issued }
} GROUP BY ?ev
"""

EVENT_LINKS = """
SELECT DISTINCT ?ev ?rel ?a WHERE { GRAPH graph:canonical {
  VALUES (?p ?rel) { (kg:agent "agent") (kg:patient "patient") (kg:recipient "recipient") (kg:participant "participant")
                    (sem:hasActor "actor") (sem:hasPlace "place") }
  ?ev a sem:Event ; ?p ?a .
} }
"""

CLAIMS = """
SELECT ?c ?text ?speaker ?speakerLabel ?stance ?date ?sources WHERE { GRAPH graph:canonical {
  ?c a kg:Claim ; schema:text ?text ; kg:sources ?sources .
  OPTIONAL { ?c schema:creator ?speaker }
  OPTIONAL { ?c kg:speakerLabel ?speakerLabel }
  OPTIONAL { ?c kg:stance ?stance }
  OPTIONAL { ?c schema:dateCreated ?date }
} }
"""

CLAIM_TARGETS = "SELECT ?c ?target WHERE { GRAPH graph:canonical { ?c a kg:Claim ; schema:mentions ?target } }"

SUBJECTS = """
SELECT DISTINCT ?x ?topic ?notation ?label WHERE {
  GRAPH graph:canonical { ?x dcterms:subject ?topic }
  OPTIONAL { ?topic skos:notation ?notation }
  OPTIONAL { ?topic skos:prefLabel ?label FILTER(lang(?label) = "fr") }
}
"""


@dataclass
class Filters:
    """Keep events and claims dated within [since, until] (overlap) and/or about a topic."""

    since: str | None = None
    until: str | None = None
    topic: str | None = None

    def active(self) -> bool:
        return bool(self.since or self.until or self.topic)

    def keeps(self, date: str | None, topics: set[str]) -> bool:
        if self.since or self.until:
            span = interval(date)
            if span is None:
                return False
            if self.since and span[1] < interval(self.since)[0]:  # type: ignore[index]
                return False
            if self.until and span[0] > interval(self.until)[1]:  # type: ignore[index]
                return False
        return not self.topic or self.topic.casefold() in {t.casefold() for t in topics}


@dataclass
class _Facts:
    entities: dict[str, dict] = field(default_factory=dict)
    events: dict[str, dict] = field(default_factory=dict)
    event_links: dict[str, list[tuple[str, str]]] = field(default_factory=lambda: defaultdict(list))
    claims: dict[str, dict] = field(default_factory=dict)
    claim_targets: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    subjects: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    topics: dict[str, dict] = field(default_factory=dict)


def _load(store: Store, filters: Filters) -> _Facts:
    f = _Facts()
    mentions = {e: int(n) for e, n in store.select(MENTIONS)}
    for e, label, typ, wd in store.select(ENTITIES):
        f.entities[e] = {"label": label, "type": typ, "wikidata": wd.rsplit("/", 1)[-1] if wd else "",
                         "mentions": mentions.get(e, 0)}
    topic_names: dict[str, set[str]] = defaultdict(set)
    for x, topic, notation, label in store.select(SUBJECTS):
        f.subjects[x].add(topic)
        notation = notation or topic.rsplit("/", 1)[-1]
        f.topics.setdefault(topic, {"label": label or notation, "type": "Topic", "notation": notation})
        if label:
            f.topics[topic]["label"] = label
        topic_names[x] |= {notation, label or notation, topic}
    for ev, trigger, typ, date, modality, sources in store.select(EVENTS):
        if ev in f.events or not filters.keeps(date, topic_names.get(ev, set())):
            continue
        f.events[ev] = {"trigger": trigger or typ or "event", "eventType": typ or "", "date": date or "",
                        "modality": modality or "", "sources": int(sources)}
    for ev, first, last in store.select(REPORTED):
        if ev in f.events and first:
            f.events[ev]["reported"] = (first, last)
    for ev, rel, a in store.select(EVENT_LINKS):
        if ev in f.events and a in f.entities:
            f.event_links[ev].append((rel, a))
    for c, text, speaker, speaker_label, stance, date, sources in store.select(CLAIMS):
        if c in f.claims or not filters.keeps(date, topic_names.get(c, set())):
            continue
        f.claims[c] = {"text": text, "speaker": speaker or "", "speakerLabel": speaker_label or "",
                       "stance": stance or "", "date": date or "", "sources": int(sources)}
    for c, target in store.select(CLAIM_TARGETS):
        if c in f.claims and target in f.entities and target != f.claims[c]["speaker"]:
            f.claim_targets[c].add(target)
    return f


def _dated(data: dict, date: str) -> None:
    """Widen data's first/last to cover date (a possibly partial date)."""
    span = interval(date)
    if span is None:
        return
    data["first"] = min(data.get("first") or span[0], span[0])
    data["last"] = max(data.get("last") or span[1], span[1])


def _span_from_links(g: nx.Graph) -> None:
    """Date each undated node by its dated links, else its dated neighbours; repeated while it dates
    more nodes (an undated planned trip takes its traveller's span, then the place only it leads to)."""
    directed = g.is_directed()
    undated = [n for n, data in g.nodes(data=True) if not data.get("first")]
    while undated:
        for n in undated:
            data = g.nodes[n]
            links = [*g.in_edges(n, data=True), *g.out_edges(n, data=True)] if directed else list(g.edges(n, data=True))
            for *_, e in links:
                _dated_span(data, e)
            if not data.get("first"):
                for m in {*g.predecessors(n), *g.successors(n)} if directed else g.neighbors(n):
                    _dated_span(data, g.nodes[m])
        still = [n for n in undated if not g.nodes[n].get("first")]
        if len(still) == len(undated):
            return
        undated = still


def _finish(g: nx.Graph) -> nx.Graph:
    # an undated node spans the dated links and neighbours it has, so Gephi's timeline does not
    # show it at every date; an undated event linked to nothing dated spans the days it was reported
    _span_from_links(g)
    for _, data in g.nodes(data=True):
        reported = data.pop("_reported", None)
        if reported and not data.get("first"):
            _dated(data, reported[0])
            _dated(data, reported[1])
    _span_from_links(g)
    for _, data in g.nodes(data=True):
        data.setdefault("first", "")
        data.setdefault("last", "")
        data.setdefault("wikidata", "")
        data.setdefault("mentions", 0)
    for *_, data in g.edges(data=True):
        data["label"] = data["relation"]
    return g


def _dated_span(data: dict, other: dict) -> None:
    if other.get("first"):
        _dated(data, other["first"])
        _dated(data, other.get("last") or other["first"])


def _add_edge(g: nx.Graph, a: str, b: str, relation: str, date: str = "", sources: int = 1) -> None:
    """Add one event's or claim's link: ``weight`` sums the reporting articles, ``items`` counts
    the happenings or statements."""
    if g.has_edge(a, b):
        data = g[a][b]
        data["weight"] += sources
        data["items"] += 1
        if relation not in data["relation"].split("+"):
            data["relation"] = "+".join(sorted({*data["relation"].split("+"), relation}))
    else:
        g.add_edge(a, b, relation=relation, weight=sources, items=1)
        data = g[a][b]
    _dated(data, date)


def _actors(f: _Facts, filters: Filters) -> nx.Graph:
    g = nx.Graph()
    involved: set[str] = set()
    for ev, links in f.event_links.items():
        actors = sorted({a for _, a in links})
        involved.update(actors)
        for a, b in combinations(actors, 2):
            _add_edge(g, a, b, "co-event", f.events[ev]["date"], f.events[ev]["sources"])
        for a in actors:
            _dated(f.entities[a], f.events[ev]["date"])
    for c, targets in f.claim_targets.items():
        speaker, date, sources = f.claims[c]["speaker"], f.claims[c]["date"], f.claims[c]["sources"]
        if speaker not in f.entities:
            continue
        involved.add(speaker)
        _dated(f.entities[speaker], date)
        for t in targets:
            involved.add(t)
            _dated(f.entities[t], date)  # spoken about then (claim targets are entities: _load)
            _add_edge(g, speaker, t, "speaks-about", date, sources)
    for e, data in f.entities.items():
        if not filters.active() or e in involved:
            g.add_node(e, **data)
    return _finish(g)


def _events(f: _Facts, full: bool) -> nx.DiGraph:
    g = nx.DiGraph()
    for ev, data in f.events.items():
        label = data["trigger"] + (f" ({data['eventType']})" if data["eventType"] else "")
        g.add_node(ev, label=label, type="Event", eventType=data["eventType"], date=data["date"],
                   modality=data["modality"], sources=data["sources"], _reported=data.get("reported"))
        n = data["sources"]
        _dated(g.nodes[ev], data["date"])
        links = dict()
        for rel, a in f.event_links[ev]:  # agent/participant beat the generic actor
            if links.get(a) in (None, "actor"):
                links[a] = rel
        for a, rel in links.items():
            g.add_node(a, **f.entities[a])
            _dated(g.nodes[a], data["date"])
            if rel == "place":
                _add_edge(g, ev, a, "place", data["date"], n)
            else:
                _add_edge(g, a, ev, rel, data["date"], n)
        if interval(data["date"]):
            day = "date:" + data["date"]
            g.add_node(day, label=data["date"], type="Date")
            _dated(g.nodes[day], data["date"])
            _add_edge(g, ev, day, "date", data["date"], n)
    if full:
        for c, data in f.claims.items():
            g.add_node(c, label=data["text"], type="Claim", stance=data["stance"], speaker=data["speakerLabel"],
                       date=data["date"], sources=data["sources"])
            n = data["sources"]
            _dated(g.nodes[c], data["date"])
            if data["speaker"] in f.entities:
                g.add_node(data["speaker"], **f.entities[data["speaker"]])
                _dated(g.nodes[data["speaker"]], data["date"])
                _add_edge(g, data["speaker"], c, "said", data["date"], n)
            for t in f.claim_targets[c]:
                g.add_node(t, **f.entities[t])
                _add_edge(g, c, t, "about", data["date"], n)
        for x in list(g.nodes):
            for topic in f.subjects.get(x, ()):
                g.add_node(topic, **f.topics[topic])
                date = g.nodes[x].get("date", "")
                _dated(g.nodes[topic], date)
                _add_edge(g, x, topic, "subject", date, g.nodes[x].get("sources", 1))
    for _, data in g.nodes(data=True):
        if "date" in data and not data["date"]:
            del data["date"]
    return _finish(g)


def network(store: Store, view: str = "actors", filters: Filters | None = None) -> nx.Graph:
    """The network of one view (``actors``, ``events``, ``full``) of the store."""
    if view not in VIEWS:
        raise ValueError(f"unknown view {view!r}: choose one of {', '.join(VIEWS)}")
    filters = filters or Filters()
    facts = _load(store, filters)
    return _actors(facts, filters) if view == "actors" else _events(facts, view == "full")
