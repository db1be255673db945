"""One description per entity: the entities graph, merged from every article graph.

Each article graph describes the entities it names (so that replacing or dropping one
article never leaves another's facts without labels); the entities graph keeps one
description per entity for queries and exports:

* its schema.org class: the one most articles give (a minted name typed Person in one
  article and Organization in another gets the majority's; ties go to Person, then
  Organization, then Place), with the SEM classes every article gives;
* one ``rdfs:label``/``schema:name``: the knowledge base's label when the entity is in it,
  else the label most articles use (ties: the alphabetically first); every other label is
  a ``schema:alternateName``;
* the union of aliases, roles (``schema:jobTitle``), countries and Wikidata links.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field

from rdflib import Literal, URIRef

from kg.graph import vocabulary as v
from kg.graph.mapping import Triple
from kg.kb import normalise
from kg.store import Store

_ENTITY = v.BASE + "entity/"
_SCHEMA_CLASSES = (str(v.SDO.Person), str(v.SDO.Organization), str(v.SDO.Place))
_DESCRIPTION = (v.RDF.type, v.RDFS.label, v.SDO.alternateName, v.SDO.jobTitle, v.KG.country,
                v.OWL.sameAs, v.KG.inKnowledgeBase)


@dataclass
class EntityFacts:
    """What the article graphs say about one entity, counted per article graph."""

    classes: Counter = field(default_factory=Counter)
    labels: Counter = field(default_factory=Counter)  # Literal → number of article graphs
    other: set[tuple[URIRef, object]] = field(default_factory=set)  # (predicate, term)
    in_kb: bool = False

    def label(self) -> Literal | None:
        if not self.labels:
            return None
        return min(self.labels, key=lambda lit: (-self.labels[lit], str(lit)))

    def country(self) -> str | None:
        return next((str(o) for p, o in sorted(self.other, key=str) if p == v.KG.country), None)


def read_entities(store: Store) -> dict[str, EntityFacts]:
    """Entity IRI → its facts, from every graph but the derived ones."""
    facts: dict[str, EntityFacts] = defaultdict(EntityFacts)
    derived = {str(g) for g in v.DERIVED_GRAPHS}
    for s, p, o, g in store.quads_of(_DESCRIPTION):
        if not str(s).startswith(_ENTITY) or str(g) in derived:
            continue
        f = facts[str(s)]
        if p == v.RDF.type:
            if str(o) in _SCHEMA_CLASSES:
                f.classes[str(o)] += 1
            else:
                f.other.add((p, o))
        elif p == v.RDFS.label:
            f.labels[o] += 1
        elif p == v.KG.inKnowledgeBase:
            f.in_kb = f.in_kb or bool(o.toPython())
        else:
            f.other.add((p, o))
    return dict(facts)


_SEM_CLASS = {str(schema): sem for schema, sem in v.ENTITY_TYPES.values()}


def entity_graph_triples(facts: dict[str, EntityFacts], actors: set[str] = frozenset(),
                         places: set[str] = frozenset()) -> Iterator[Triple]:
    """The entities graph: one merged description per entity. Its SEM class follows from its
    schema.org class, plus ``sem:Actor`` for whatever acts in an event or speaks (a country can
    act) and ``sem:Place`` for whatever an event happens at — the ranges of SEM's properties."""
    for iri in sorted(facts):
        f, s = facts[iri], URIRef(iri)
        sem = set()
        if f.classes:
            best = min(f.classes, key=lambda c: (-f.classes[c], _SCHEMA_CLASSES.index(c)))
            yield s, v.RDF.type, URIRef(best)
            sem |= {_SEM_CLASS[c] for c in f.classes}  # the SEM classes every article gives
        sem |= {v.SEM.Actor} if iri in actors else set()
        sem |= {v.SEM.Place} if iri in places else set()
        for cls in sorted(sem):
            yield s, v.RDF.type, cls
        label = f.label()
        if label is not None:
            yield s, v.RDFS.label, label
            yield s, v.SDO.name, label
            for other in f.labels:
                if other != label:
                    yield s, v.SDO.alternateName, other
        for p, o in f.other:
            if p == v.SDO.alternateName and label is not None and str(o) == str(label):
                continue
            yield s, p, o
        if f.in_kb:
            yield s, v.KG.inKnowledgeBase, Literal(True)


def places_within(facts: dict[str, EntityFacts]) -> dict[str, set[str]]:
    """Place IRI → the places it lies in, from the country the knowledge base gives it
    ("Pyongyang" → "Corée du Nord"), matched on normalised labels."""
    by_label: dict[str, set[str]] = defaultdict(set)
    for iri, f in facts.items():
        for label in f.labels:
            by_label[normalise(str(label))].add(iri)
    out: dict[str, set[str]] = {}
    for iri, f in facts.items():
        country = f.country()
        if country:
            out[iri] = by_label.get(normalise(country), set()) - {iri}
    return out


def labels(facts: dict[str, EntityFacts]) -> dict[str, str]:
    """Entity IRI → its chosen label (the key's tail when it has none)."""
    out = {}
    for iri, f in facts.items():
        label = f.label()
        out[iri] = str(label) if label is not None else iri.rsplit("/", 1)[-1]
    return out
