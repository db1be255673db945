"""Resolution: from mentions to the world — one node per happening, statement and entity.

:func:`resolve` runs after extraction (``kg build``, ``kg load``, ``kg remove``) and reads
every mention back from the article graphs of the store, so its result depends only on
what the store holds: adding, replacing or removing an article and rebuilding from scratch
give the same graphs. It writes two derived graphs, each as the difference from what is
stored (a change touches only the triples of the clusters it changes):

* :data:`kg.graph.vocabulary.ENTITIES_GRAPH` — one description per entity (:mod:`.entities`);
* :data:`kg.graph.vocabulary.CANONICAL_GRAPH` — canonical events (:mod:`.events`), canonical
  claims (:mod:`.claims`), and the links between them (:mod:`.links`), written by
  :mod:`.canonical`.

Every merge is explained (``kg:mergeBasis``) and reversible: the mentions are never changed,
and dropping the derived graphs and calling :func:`resolve` again rebuilds them.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from dataclasses import dataclass

from rdflib import Literal, URIRef

from kg.graph import vocabulary as v
from kg.graph.mapping import Triple
from kg.resolve.canonical import canonical_iri, claim_triples, event_triples, link_triples
from kg.resolve.claims import ClaimCluster, cluster_claims
from kg.resolve.entities import entity_graph_triples, labels, places_within, read_entities
from kg.resolve.events import EventCluster, cluster_events, realisations
from kg.resolve.links import Link, claim_links, relays
from kg.resolve.mentions import Mentions, read_mentions
from kg.store import Store

__all__ = ["Resolution", "ResolveReport", "resolve", "resolution"]


@dataclass
class Resolution:
    """Clusters and links of one store's mentions (what :func:`resolve` writes)."""

    mentions: Mentions
    events: list[EventCluster]
    claims: list[ClaimCluster]
    links: list[Link]
    realised: list[tuple[int, int, str]]
    relays: list[tuple[str, str]]
    entity_triples: list[Triple]
    labels: dict[str, str]
    within: dict[str, set[str]]

    def event_iri(self, i: int) -> URIRef:
        return canonical_iri("event", self.events[i].first.iri)

    def claim_iri(self, i: int) -> URIRef:
        return canonical_iri("claim", self.claims[i].first.iri)

    def canonical_triples(self) -> list[Triple]:
        iris = {("event", i): self.event_iri(i) for i in range(len(self.events))}
        iris |= {("claim", i): self.claim_iri(i) for i in range(len(self.claims))}
        claim_of = {m.iri: i for i, c in enumerate(self.claims) for m in c.mentions}
        relayed: dict[int, set[URIRef]] = defaultdict(set)
        out: list[Triple] = []
        for inner, outer in self.relays:
            relayed[claim_of[inner]].add(iris[("claim", claim_of[outer])])
            out.append((URIRef(inner), v.KG.relayedBy, URIRef(outer)))
        for i, c in enumerate(self.events):
            out.extend(event_triples(iris[("event", i)], c, self.labels, self.within))
        for i, c in enumerate(self.claims):
            out.extend(claim_triples(iris[("claim", i)], c, self.labels, relayed.get(i, ())))
        for h, o, relation in self.realised:
            if relation == "realises":
                out.append((iris[("event", h)], v.KG.realises, iris[("event", o)]))
            else:
                link = Link("contradiction", ("event", o), ("event", h), "a report negates an event other reports assert")
                out.extend(link_triples(link, iris))
        for link in self.links:
            out.extend(link_triples(link, iris))
        # the file name and URL of each reporting article, so that queries (here or on a remote
        # server) read them from this graph
        for article, (name, url) in sorted(self.mentions.articles.items()):
            out.append((URIRef(article), v.DCTERMS.identifier, Literal(name)))
            if url:
                out.append((URIRef(article), v.DCTERMS.source, URIRef(url)))
        return out


def resolution(store: Store) -> Resolution:
    """Cluster every mention of ``store`` and link the clusters (nothing is written)."""
    facts = read_entities(store)
    names = labels(facts)
    within = places_within(facts)
    mentions = read_mentions(store)
    events = cluster_events(mentions.events, within)
    claims = cluster_claims(mentions.claims)
    realised = realisations(events, within)
    event_of = {m.iri: i for i, c in enumerate(events) for m in c.mentions}
    claim_of = {m.iri: i for i, c in enumerate(claims) for m in c.mentions}
    event_of_claim: dict[int, set[int]] = defaultdict(set)
    for m in mentions.events:
        if m.claim and m.claim in claim_of:
            event_of_claim[claim_of[m.claim]].add(event_of[m.iri])
    counterpart: dict[int, set[int]] = defaultdict(set)
    for h, o, relation in realised:
        if relation == "contradicts":
            counterpart[o].add(h)
            counterpart[h].add(o)
    event_names = {i: _event_name(c, names) for i, c in enumerate(events)}
    links = claim_links(claims, claim_of, event_of_claim, counterpart, names, event_names)
    actors = {k for m in mentions.events for _, k in m.roles} | {m.speaker for m in mentions.claims if m.speaker}
    places = {m.place for m in mentions.events if m.place}
    return Resolution(mentions, events, claims, links, realised, relays(claims),
                      list(entity_graph_triples(facts, actors, places)), names, within)


def _event_name(c: EventCluster, names: dict[str, str]) -> str:
    m = c.first
    actors = ", ".join(sorted({names.get(k, k) for k in m.actors()}))
    return f"{m.type} « {m.trigger} »" + (f" — {actors}" if actors else "") + (f" ({m.date})" if m.date else "")


@dataclass
class ResolveReport:
    event_mentions: int = 0
    events: int = 0
    claim_mentions: int = 0
    claims: int = 0
    links: int = 0
    added: int = 0  # triples written to the derived graphs
    removed: int = 0

    def summary(self) -> str:
        return (f"resolved {self.event_mentions} event mentions into {self.events} events and "
                f"{self.claim_mentions} claim mentions into {self.claims} claims, {self.links} links "
                f"({self.added} triples added, {self.removed} removed)")


def resolve(store: Store) -> ResolveReport:
    """Recompute the entities and canonical graphs of ``store`` and write what changed."""
    r = resolution(store)
    report = ResolveReport(len(r.mentions.events), len(r.events), len(r.mentions.claims), len(r.claims),
                           len(r.links) + sum(rel == "contradicts" for *_, rel in r.realised))
    for graph, triples in ((v.ENTITIES_GRAPH, r.entity_triples), (v.CANONICAL_GRAPH, r.canonical_triples())):
        added, removed = store.sync_graph(graph, hashed(graph, triples))
        report.added += added
        report.removed += removed
    return report


def hashed(graph: URIRef, triples: list[Triple]) -> list[Triple]:
    """The triples plus one ``kg:contentHash`` of them, which ``kg push`` compares."""
    lines = sorted({f"{s.n3()} {p.n3()} {o.n3()}" for s, p, o in triples})
    digest = hashlib.sha256("\n".join(lines).encode()).hexdigest()
    return [*triples, (graph, v.KG.contentHash, Literal(digest))]
