"""The canonical graph: one ``sem:Event`` per happening and one ``kg:Claim`` per statement.

Each canonical node keeps ``gaf:denotedBy`` links to its mentions (which stay, with their
offsets, in their article graphs), ``prov:wasDerivedFrom`` its articles, ``kg:sources`` (how
many) and ``kg:mergeBasis`` (why its mentions were merged). Its IRI is a digest of its first mention (by article and
offset), so it is stable while that mention is stored.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterable, Iterator
from decimal import Decimal

from rdflib import Literal, URIRef

from kg.graph import vocabulary as v
from kg.graph.mapping import Triple, timex_literal, type_code_triples
from kg.resolve.claims import ClaimCluster, representative
from kg.resolve.dates import precision
from kg.resolve.events import EventCluster
from kg.resolve.links import Link
from kg.resolve.salience import salience

KG, SEM, SDO, PROV, GAF = v.KG, v.SEM, v.SDO, v.PROV, v.GAF
_ROLE = {"agent": KG.agent, "patient": KG.patient, "recipient": KG.recipient, "participant": KG.participant}
# when the mentions of one happening disagree on its modality, the strongest wins
_MODALITY_RANK = ("asserted", "reported", "cancelled", "planned", "possible", "negated")


def canonical_iri(kind: str, first_mention: str) -> URIRef:
    return v.canonical_iri(kind, hashlib.sha1(first_mention.encode()).hexdigest()[:16])


def _sources(iri: URIRef, mentions: list) -> Iterator[Triple]:
    """A canonical node's mentions, articles and their number. (When it was first and last reported
    is the MIN and MAX of those articles' ``dcterms:issued``: docs/ontology.md.)"""
    articles = sorted({m.article for m in mentions})
    for a in articles:
        yield iri, PROV.wasDerivedFrom, URIRef(a)
    yield iri, KG.sources, Literal(len(articles))
    for m in sorted(mentions, key=lambda m: m.iri):
        yield iri, GAF.denotedBy, URIRef(m.iri)


def best_date(mentions: list) -> tuple[str | None, str | None]:
    """The most precise date the sources give, the one most of them give among those, and its
    date source (a date read in the text beats a publication day)."""
    dated = [m for m in mentions if m.date and precision(m.date)]
    if not dated:
        return None, None
    text = [m for m in dated if getattr(m, "date_source", "explicit") != "article"] or dated
    top = max(precision(m.date) for m in text)
    counts = Counter(m.date for m in text if precision(m.date) == top)
    value = min(counts, key=lambda d: (-counts[d], d))
    source = next(getattr(m, "date_source", None) for m in text if m.date == value)
    return value, source


def _label(names: dict[str, str], key: str) -> str:
    return names.get(key, key.rsplit("/", 1)[-1])


def event_triples(iri: URIRef, c: EventCluster, names: dict[str, str],
                  within: dict[str, set[str]] | None = None) -> Iterator[Triple]:
    first, ms = c.first, c.mentions
    yield iri, v.RDF.type, SEM.Event
    etype = v.event_type_iri(first.type)
    yield iri, SEM.eventType, etype
    yield etype, v.RDF.type, v.SKOS.Concept
    yield etype, v.RDF.type, SEM.EventType
    yield etype, v.SKOS.notation, Literal(first.type)
    yield from type_code_triples(etype, first.type)
    triggers = Counter(m.trigger for m in ms)
    trigger = min(triggers, key=lambda t: (-triggers[t], t))
    yield iri, KG.trigger, Literal(trigger)
    if first.lemma and first.type == "other":  # what an event of type other is; a typed one says it
        yield iri, KG.lemma, Literal(first.lemma)
    modality = min((m.modality for m in ms), key=lambda x: _MODALITY_RANK.index(x) if x in _MODALITY_RANK else 9)
    yield iri, KG.modality, Literal(modality)
    for role, key in sorted({r for m in ms for r in m.roles}):
        yield iri, SEM.hasActor, URIRef(key)
        yield iri, _ROLE[role], URIRef(key)
    places = Counter(m.place for m in ms if m.place)
    # the most specific place the sources give ("Pyongyang" over "Corée du Nord"), then the commonest
    inner = {p for p in places if set(places) & (within or {}).get(p, set())}
    place = min(places, key=lambda p: (p not in inner, -places[p], p)) if places else None
    if place:
        yield iri, SEM.hasPlace, URIRef(place)
    actors = ", ".join(sorted({_label(names, k) for m in ms for _, k in m.roles}))
    label = f"{first.type} « {trigger} »" + (f" — {actors}" if actors else "") + (
        f" @ {_label(names, place)}" if place else "") + (f" [{modality}]" if modality != "asserted" else "")
    yield iri, v.RDFS.label, Literal(label)
    value, source = best_date(ms)
    score, salient = salience(ms, bool(value and timex_literal(value) is not None))
    yield iri, KG.salience, Literal(Decimal(f"{score:.3f}").normalize())  # xsd:decimal, canonical form
    yield iri, KG.salient, Literal(salient)
    if value:
        if (lit := timex_literal(value)) is not None:
            yield iri, SEM.hasTimeStamp, lit
        if lit is None or str(lit) != value:  # the TIMEX3 value says more than the typed date
            yield iri, KG.timexValue, Literal(value)
        yield iri, KG.dateSource, Literal(source or "explicit")
        for other in sorted({m.date for m in ms if m.date and m.date != value and timex_literal(m.date)}):
            yield iri, KG.otherDate, timex_literal(other)
    for topic in sorted({t for m in ms for t in m.topics}):
        yield iri, v.DCTERMS.subject, URIRef(topic)
    for basis in sorted(c.basis):
        yield iri, KG.mergeBasis, Literal(basis)
    yield from _sources(iri, ms)


def claim_triples(iri: URIRef, c: ClaimCluster, names: dict[str, str],
                  relayed_by: Iterable[URIRef] = ()) -> Iterator[Triple]:
    ms, rep = c.mentions, representative(c)
    yield iri, v.RDF.type, KG.Claim
    yield iri, v.RDF.type, SDO.Claim
    yield iri, SDO.text, Literal(rep.text, lang="fr")
    if rep.speaker:
        yield iri, SDO.creator, URIRef(rep.speaker)
    labels = Counter(m.speaker_label for m in ms if m.speaker_label)
    speaker = _label(names, rep.speaker) if rep.speaker else None
    if labels:
        said_by = min(labels, key=lambda x: (-labels[x], x))
        yield iri, KG.speakerLabel, Literal(said_by, lang="fr")
        speaker = speaker or said_by
    yield iri, v.RDFS.label, Literal(f"{speaker or '(unknown)'}: « {rep.text} »")
    roles = Counter(m.role for m in ms if m.role)
    if roles:
        yield iri, KG.speakerRole, Literal(min(roles, key=lambda x: (-roles[x], x)), lang="fr")
    stances = Counter(m.stance for m in ms)
    stance = "deny" if "deny" in stances else min(stances, key=lambda s: (-stances[s], s))
    yield iri, KG.stance, Literal(stance)
    modes = Counter(m.mode for m in ms)
    yield iri, KG.mode, Literal(min(modes, key=lambda s: (-modes[s], s)))
    value, _ = best_date(ms)
    if value and (lit := timex_literal(value)) is not None:
        yield iri, SDO.dateCreated, lit
    for topic in sorted({t for m in ms for t in m.topics}):
        yield iri, v.DCTERMS.subject, URIRef(topic)
    for basis in sorted(c.basis):
        yield iri, KG.mergeBasis, Literal(basis)
    for named in sorted({e for m in ms for e in m.named} - {rep.speaker}):
        yield iri, SDO.mentions, URIRef(named)  # the entities named inside what was said
    for relay in sorted(set(relayed_by)):
        yield iri, KG.relayedBy, relay
    yield from _sources(iri, ms)


def link_triples(link: Link, iris: dict[tuple[str, int], URIRef]) -> Iterator[Triple]:
    src, dst = iris[link.source], iris[link.target]
    digest = hashlib.sha1(f"{link.relation} {src} {dst}".encode()).hexdigest()[:16]
    node = URIRef(f"{v.BASE}link/{digest}")
    yield node, v.RDF.type, KG.Contradiction if link.relation == "contradiction" else KG.Corroboration
    yield node, KG.linkFrom, src
    yield node, KG.linkTo, dst
    yield node, KG.basis, Literal(link.basis)
    yield src, KG.denies if link.relation == "contradiction" else KG.corroborates, dst
