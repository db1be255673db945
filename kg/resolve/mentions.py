"""The mentions resolution works on, read back from the article graphs of the store.

Resolution is a function of what the store holds — not of one build's extractions — so an
incremental build, a build with ``--workers``, a bulk load of shards and a rebuild from scratch
all end with the same canonical graph. Each reader is a handful of SELECTs whose rows are
joined here by mention IRI.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cached_property

from kg.graph import vocabulary as v
from kg.graph.mapping import span_of
from kg.store import Store

_ENTITY = v.BASE + "entity/"


@dataclass(frozen=True)
class EventMention:
    """One article's report of a happening (a ``kg:EventMention`` of its article graph)."""

    iri: str
    article: str  # article IRI
    published: str | None  # the article's publication date (ISO)
    type: str
    lemma: str
    trigger: str
    modality: str
    date: str | None  # TIMEX3 value
    date_source: str | None
    sentence: int
    start: int  # trigger offset
    roles: tuple[tuple[str, str], ...] = ()  # (role, entity IRI): agent, patient, recipient, participant
    place: str | None = None  # entity IRI
    topics: frozenset[str] = frozenset()
    claim: str | None = None  # the claim mention whose content reports it
    confidence: float = 1.0  # that its trigger names a happening (kg:confidence)

    @cached_property
    def everyone(self) -> frozenset[str]:
        return frozenset(k for _, k in self.roles)

    def actors(self, role: str | None = None) -> frozenset[str]:
        if role is None:
            return self.everyone
        return frozenset(k for r, k in self.roles if r == role)


@dataclass(frozen=True)
class ClaimMention:
    """One article's report of a statement (a ``kg:ClaimMention`` of its article graph)."""

    iri: str
    article: str
    published: str | None
    text: str  # the content, as written
    speaker: str | None  # entity IRI when resolved
    speaker_label: str  # name or noun phrase, "" when unknown
    stance: str
    mode: str
    date: str | None
    sentence: int
    start: int  # evidence span (speaker + cue + content)
    end: int
    content_start: int
    content_end: int
    topics: frozenset[str] = frozenset()
    named: frozenset[str] = frozenset()  # entity IRIs mentioned inside the content
    role: str = ""  # the speaker's role given at the claim ("porte-parole du Kremlin")


@dataclass
class Cluster:
    """Mentions that report one happening or one statement, and why they were merged."""

    mentions: list = field(default_factory=list)
    basis: set[str] = field(default_factory=set)

    @property
    def first(self):
        """The mention the canonical IRI is minted from: the first by article and offset."""
        return min(self.mentions, key=lambda m: (m.article, m.start, m.iri))


@dataclass
class Mentions:
    events: list[EventMention] = field(default_factory=list)
    claims: list[ClaimMention] = field(default_factory=list)
    articles: dict[str, tuple[str, str | None]] = field(default_factory=dict)  # IRI → (file name, URL)


# Article graphs describe no span: offsets and articles are read from the span IRIs
# (``…/article/NAME#char=b,e``, :func:`kg.graph.mapping.span_of`), texts from each context.
_EVENTS = """
SELECT ?m ?etype ?lemma ?modality ?value ?stamp ?dsource ?ev ?tp ?claim ?confidence WHERE {
  GRAPH ?g {
    ?m a kg:EventMention ; sem:eventType ?etype ; kg:modality ?modality ; kg:evidence ?ev ; kg:triggerPhrase ?tp .
    OPTIONAL { ?m kg:lemma ?lemma }
    OPTIONAL { ?m kg:timexValue ?value }
    OPTIONAL { ?m sem:hasTimeStamp ?stamp }
    OPTIONAL { ?m kg:dateSource ?dsource }
    OPTIONAL { ?m kg:reportedBy ?claim }
    OPTIONAL { ?m kg:confidence ?confidence }
  }
}
"""
_EVENT_ROLES = """
SELECT ?m ?p ?x WHERE {
  GRAPH ?g { ?m a kg:EventMention ; ?p ?x .
    VALUES ?p { kg:agent kg:patient kg:recipient kg:participant sem:hasPlace dcterms:subject } }
}
"""
_CLAIMS = """
SELECT ?m ?text ?creator ?label ?stance ?mode ?value ?stamp ?ev ?cp ?role WHERE {
  GRAPH ?g {
    ?m a kg:ClaimMention ; schema:text ?text ; kg:stance ?stance ; kg:mode ?mode ;
       kg:evidence ?ev ; kg:contentPhrase ?cp .
    OPTIONAL { ?m schema:creator ?creator }
    OPTIONAL { ?m kg:speakerLabel ?label }
    OPTIONAL { ?m kg:speakerRole ?role }
    OPTIONAL { ?m kg:timexValue ?value }
    OPTIONAL { ?m schema:dateCreated ?stamp }
  }
}
"""
_CLAIM_TOPICS = "SELECT ?m ?t WHERE { GRAPH ?g { ?m a kg:ClaimMention ; dcterms:subject ?t } }"
_ENTITY_MENTIONS = "SELECT ?x ?e WHERE { GRAPH ?g { ?x itsrdf:taIdentRef ?e } }"
_SENTENCES = "SELECT ?s WHERE { GRAPH ?g { ?s a nif:Sentence } }"
_ROLE = {v.KG.agent: "agent", v.KG.patient: "patient", v.KG.recipient: "recipient", v.KG.participant: "participant"}
_ROLE_BY_IRI = {str(k): r for k, r in _ROLE.items()}


_ARTICLES = """
SELECT ?a ?id ?url ?issued ?text WHERE { GRAPH ?g { ?a a kg:Article ; dcterms:identifier ?id ; kg:context ?c .
  ?c nif:isString ?text .
  OPTIONAL { ?a dcterms:source ?url } OPTIONAL { ?a dcterms:issued ?issued } } }
"""


@dataclass
class _Articles:
    """What the readers need of each article: publication date, text, sentence starts."""

    issued: dict[str, str | None] = field(default_factory=dict)
    text: dict[str, str] = field(default_factory=dict)
    sentence_starts: dict[str, list[int]] = field(default_factory=lambda: defaultdict(list))

    def sentence(self, article: str, start: int) -> int:
        """0-based index of the sentence holding the character at ``start``."""
        return max(bisect_right(self.sentence_starts.get(article, []), start) - 1, 0)


def read_mentions(store: Store) -> Mentions:
    """Every event and claim mention of the store, sorted by article and offset, and the
    file name and URL of every article."""
    names, info = {}, _Articles()
    for a, name, url, issued, text in store.select(_ARTICLES):
        names[a] = (name, url)
        info.issued[a], info.text[a] = issued, text
    for (s,) in store.select(_SENTENCES):
        article, start, _ = span_of(s)
        info.sentence_starts[article].append(start)
    for starts in info.sentence_starts.values():
        starts.sort()
    return Mentions(sorted(_events(store, info), key=_order), sorted(_claims(store, info), key=_order), names)


def _order(m: EventMention | ClaimMention) -> tuple[str, int, str]:
    return m.article, m.start, m.iri


def _events(store: Store, info: _Articles) -> Iterator[EventMention]:
    roles: dict[str, list[tuple[str, str]]] = defaultdict(list)
    places: dict[str, str] = {}
    topics: dict[str, set[str]] = defaultdict(set)
    for m, p, x in store.select(_EVENT_ROLES):
        if p in _ROLE_BY_IRI:
            roles[m].append((_ROLE_BY_IRI[p], x))
        elif p == str(v.SEM.hasPlace):
            places[m] = x
        else:
            topics[m].add(x)
    seen = set()
    for m, etype, lemma, modality, value, stamp, dsource, ev, tp, claim, confidence in store.select(_EVENTS):
        if m in seen:
            continue
        seen.add(m)
        a, begin, end = span_of(tp)
        yield EventMention(
            m, a, info.issued.get(a), v.event_type_id(etype), lemma or "", info.text.get(a, "")[begin:end],
            modality, value or stamp, dsource, info.sentence(a, span_of(ev)[1]), begin,
            tuple(sorted(set(roles.get(m, ())))), places.get(m), frozenset(topics.get(m, ())), claim,
            float(confidence) if confidence is not None else 1.0,
        )


def _claims(store: Store, info: _Articles) -> Iterator[ClaimMention]:
    topics: dict[str, set[str]] = defaultdict(set)
    for m, t in store.select(_CLAIM_TOPICS):
        topics[m].add(t)
    named: dict[str, list[tuple[int, str]]] = defaultdict(list)
    for x, e in store.select(_ENTITY_MENTIONS):
        a, b, _ = span_of(x)
        named[a].append((b, e))
    seen = set()
    for m, text, creator, label, stance, mode, value, stamp, ev, cp, role in store.select(_CLAIMS):
        if m in seen:
            continue
        seen.add(m)
        a, eb, ee = span_of(ev)
        _, cb, ce = span_of(cp)
        inside = frozenset(e for b, e in named.get(a, ()) if cb <= b < ce and e != creator)
        yield ClaimMention(
            m, a, info.issued.get(a), text, creator, label or "", stance, mode, value or stamp,
            info.sentence(a, eb), eb, ee, cb, ce, frozenset(topics.get(m, ())), inside, role or "",
        )
