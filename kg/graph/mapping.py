"""Records → RDF triples: one :class:`~kg.records.Extraction` becomes one article's named graph.

Every resource inside an article is minted from the article IRI and character offsets
(``…/article/{name}#char=12,40``, ``#claim-12-40``, ``#event-57-66-travel``), so two builds of
the same text give the same IRIs. Entities use ``…/entity/{key}`` and are shared across
articles. The model is described in ``docs/ontology.md``.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterator
from datetime import date
from decimal import Decimal

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.term import Node

from kg.graph import vocabulary as v
from kg.graph.vocabulary import (
    DCTERMS,
    ITSRDF,
    KG,
    NIF,
    OWL,
    PROV,
    RDF,
    RDFS,
    SDO,
    SEM,
    WD,
    XSD,
)
from kg.records import Article, Claim, Entity, Event, Extraction, Mention, TimeExpr

__all__ = [
    "Triple",
    "entity_triples",
    "extraction_to_graph",
    "extraction_to_triples",
    "new_graph",
    "phrase_iri",
    "span_of",
    "timex_literal",
    "type_code_triples",
]

Triple = tuple[Node, Node, Node]

_YEAR = re.compile(r"\d{4}")
_YEAR_MONTH = re.compile(r"(\d{4})-(\d{2})")
_DAY = re.compile(r"(\d{4}-\d{2}-\d{2})(?:T.*)?")
_WIKIDATA = re.compile(r"Q[1-9]\d*")
# Characters RFC 3987 forbids in an IRI; a URL holding one is kept out of IRI positions.
_NOT_IRI = re.compile(r'[\x00-\x20<>"{}|\\^`]')


_ROLE_PROPERTIES = {"agent": KG.agent, "patient": KG.patient, "recipient": KG.recipient,
                    "participant": KG.participant}


def type_code_triples(etype: URIRef, type_id: str) -> Iterator[Triple]:
    """An event type's codes in CAMEO and PLOVER (from the event lexicon), when it has them."""
    from kg.extract.event_lexicon import Lexicon

    codes = getattr(Lexicon.load(), "codes", {}).get(type_id)
    if not codes:
        return
    root, code, plover = codes
    for prop, value in ((KG.cameoRoot, root), (KG.cameoCode, code), (KG.ploverCategory, plover)):
        if value:
            yield etype, prop, Literal(value)


def timex_literal(value: str | None) -> Literal | None:
    """A TIMEX3 value as a typed literal when it is a calendar date, else None.

    Day granularity gives ``xsd:date`` (a TIME value such as ``2024-06-18T15:00`` keeps its day),
    month ``xsd:gYearMonth``, year ``xsd:gYear``. Underspecified values (``XXXX-06-18``),
    durations (``P9M``), weeks, seasons and ``PRESENT_REF`` have no such literal.
    """
    if not value:
        return None
    if m := _DAY.fullmatch(value):
        try:
            date.fromisoformat(m.group(1))
        except ValueError:
            return None
        return Literal(m.group(1), datatype=XSD.date)
    if m := _YEAR_MONTH.fullmatch(value):
        if not 1 <= int(m.group(2)) <= 12:
            return None
        return Literal(value, datatype=XSD.gYearMonth)
    if _YEAR.fullmatch(value):
        return Literal(value, datatype=XSD.gYear)
    return None


def phrase_iri(article: URIRef, start: int, end: int) -> URIRef:
    """The IRI of a span of an article's text, in the RFC 5147 style NIF uses."""
    return URIRef(f"{article}#char={start},{end}")


_SPAN = re.compile(r"(.*)#char=(\d+),(\d+)")


def span_of(iri: str) -> tuple[str, int, int]:
    """(article IRI, begin, end) of a span IRI made by :func:`phrase_iri`."""
    m = _SPAN.fullmatch(str(iri))
    if m is None:
        raise ValueError(f"not a span IRI (…#char=begin,end): {iri}")
    return m.group(1), int(m.group(2)), int(m.group(3))


def new_graph(identifier: URIRef | None = None) -> Graph:
    """An in-memory graph with kg's prefixes bound."""
    graph = Graph(identifier=identifier or BNode(), bind_namespaces="core")
    for prefix, namespace in v.PREFIXES.items():
        graph.bind(prefix, namespace, override=True)
    return graph


def entity_triples(entity: Entity, lang: str = "fr") -> Iterator[Triple]:
    """What an article graph says of one entity it names: its schema.org class, the label and
    aliases this article gives, and the knowledge base's role, country and Wikidata link.

    ``schema:name`` and the SEM class (``sem:Actor``, ``sem:Place``) follow from these and are
    written once, in the entities graph (:mod:`kg.resolve.entities`)."""
    iri = v.entity_iri(entity.key)
    if classes := v.ENTITY_TYPES.get(entity.type):
        yield iri, RDF.type, classes[0]
    yield iri, RDFS.label, Literal(entity.label, lang=lang)
    for alias in entity.aliases:
        if alias != entity.label:
            yield iri, SDO.alternateName, Literal(alias, lang=lang)
    if entity.role:
        yield iri, SDO.jobTitle, Literal(entity.role, lang=lang)
    if entity.country:
        yield iri, KG.country, Literal(entity.country, lang=lang)
    if entity.wikidata and _WIKIDATA.fullmatch(entity.wikidata):
        yield iri, OWL.sameAs, WD[entity.wikidata]
    if entity.in_kb:
        # Only "true" is written: articles that disagree would otherwise leave both values.
        yield iri, KG.inKnowledgeBase, Literal(True)


def extraction_to_triples(
    x: Extraction, topic_iri: Callable[[str], URIRef] | None = None
) -> Iterator[Triple]:
    """Every triple of one article's named graph (a triple may be yielded more than once)."""
    yield from _ArticleMapper(x, topic_iri or v.topic_iri).triples()


def extraction_to_graph(
    x: Extraction, topic_iri: Callable[[str], URIRef] | None = None
) -> Graph:
    """The article's named graph as an in-memory rdflib Graph (identifier = the graph IRI)."""
    graph = new_graph(v.article_graph_iri(x.article.name))
    for triple in extraction_to_triples(x, topic_iri):
        graph.add(triple)
    return graph


class _ArticleMapper:
    """Maps one extraction; remembers which entities and records it has already described.

    Spans are never described: a span is the IRI ``article#char=b,e`` (RFC 5147, as NIF 2.0
    names strings), whose offsets and article are in the IRI and whose text is
    ``nif:isString[b:e]`` of the article's context. Records point to their spans.
    """

    def __init__(self, x: Extraction, topic_iri: Callable[[str], URIRef]) -> None:
        self.x = x
        self.topic_iri = topic_iri
        self.text = x.article.text
        self.lang = x.article.language or "fr"
        self.article = v.article_iri(x.article.name)
        self.context = phrase_iri(self.article, 0, len(self.text))
        self.sentence_iris = [phrase_iri(self.article, s.start, s.end) for s in x.sentences]
        self._sentence_starts = [s.start for s in x.sentences]
        self._entities: set[str] = set()
        self._minted: set[URIRef] = set()
        self._claims: dict[tuple[int, int], URIRef] = {}

    def triples(self) -> Iterator[Triple]:
        yield from self._article(self.x.article)
        for iri in self.sentence_iris:
            yield iri, RDF.type, NIF.Sentence
        for entity in self.x.entities:
            self._entities.add(entity.key)
            yield from entity_triples(entity, self.lang)
        for mention in self.x.mentions:
            yield from self._mention(mention)
        for timex in self.x.timexes:
            yield from self._timex(timex)
        for claim in self.x.claims:
            yield from self._claim(claim)
        for event in self.x.events:
            yield from self._event(event)

    # --- helpers -------------------------------------------------------------------------

    def _span(self, start: int, end: int) -> URIRef:
        return phrase_iri(self.article, start, end)

    def _evidence(self, subject: URIRef, start: int, end: int, sentence: int | None) -> Iterator[Triple]:
        """``kg:evidence``, the span a record was read from, and ``nif:sentence``, the sentence
        holding it (by index, else by offset) — unless the evidence is that whole sentence."""
        evidence = self._span(start, end)
        yield subject, KG.evidence, evidence
        if sentence is None or not 0 <= sentence < len(self.sentence_iris):
            i = bisect_right(self._sentence_starts, start) - 1
            sentence = i if i >= 0 and start < self.x.sentences[i].end else None
        if sentence is not None and self.sentence_iris[sentence] != evidence:
            yield subject, NIF.sentence, self.sentence_iris[sentence]

    def _mint(self, local: str) -> URIRef:
        """An IRI for a claim or event; a rare clash within one article gets a counter."""
        iri = URIRef(f"{self.article}#{local}")
        n = 1
        while iri in self._minted:
            n += 1
            iri = URIRef(f"{self.article}#{local}-{n}")
        self._minted.add(iri)
        return iri

    def _entity_ref(self, key: str, label: str, type_: str | None) -> Iterator[Triple]:
        """A minimal description for an entity referenced but absent from ``x.entities``."""
        if key in self._entities:
            return
        self._entities.add(key)
        yield from entity_triples(Entity(key=key, label=label, type=type_ or ""), self.lang)
        if type_ is None:  # an event actor or a speaker: a sem:Actor of unknown kind
            yield v.entity_iri(key), RDF.type, SEM.Actor

    def _topics(self, subject: URIRef, topics: tuple[str, ...]) -> Iterator[Triple]:
        for topic in topics:
            yield subject, DCTERMS.subject, self.topic_iri(topic)

    def _date(
        self, subject: URIRef, prop: URIRef, value: str | None, source: str | None
    ) -> Iterator[Triple]:
        """A date once: the typed literal when it says all of the TIMEX3 value, else the value."""
        if value:
            lit = timex_literal(value)
            if lit is not None and str(lit) == value:
                yield subject, prop, lit
            else:
                yield subject, KG.timexValue, Literal(value)
                if lit is not None:
                    yield subject, prop, lit
        if source:
            yield subject, KG.dateSource, Literal(source)

    # --- records -------------------------------------------------------------------------

    def _article(self, a: Article) -> Iterator[Triple]:
        iri = self.article
        yield iri, RDF.type, KG.Article
        yield iri, RDF.type, SDO.NewsArticle
        yield iri, RDF.type, PROV.Entity
        yield iri, DCTERMS.identifier, Literal(a.name)
        yield iri, SDO.sha256, Literal(a.sha256)
        yield iri, KG.format, Literal(a.format)
        yield iri, KG.encoding, Literal(a.encoding)
        if a.title:
            yield iri, DCTERMS.title, Literal(a.title, lang=self.lang)
        if a.source:
            yield iri, DCTERMS.publisher, Literal(a.source)
        if a.url and not _NOT_IRI.search(a.url):
            yield iri, DCTERMS.source, URIRef(a.url)
        if a.language:
            yield iri, DCTERMS.language, Literal(a.language)
        if a.published and (issued := timex_literal(a.published)) is not None:
            yield iri, DCTERMS.issued, issued
        if a.published_source:
            yield iri, KG.publishedSource, Literal(a.published_source)
        if a.published_evidence:
            yield iri, KG.publishedEvidence, self._span(*a.published_evidence)
        yield iri, KG.context, self.context
        yield self.context, RDF.type, NIF.Context
        yield self.context, NIF.isString, Literal(self.text)
        yield self.context, PROV.wasDerivedFrom, iri

    def _mention(self, m: Mention) -> Iterator[Triple]:
        yield self._span(m.start, m.end), ITSRDF.taIdentRef, v.entity_iri(m.key)
        yield from self._entity_ref(m.key, m.label, m.type)

    def _timex(self, t: TimeExpr) -> Iterator[Triple]:
        iri = self._span(t.start, t.end)
        yield iri, RDF.type, KG.TimeExpression
        yield iri, KG.timexType, Literal(t.type)
        yield iri, KG.timexValue, Literal(t.value)

    def _claim(self, c: Claim) -> Iterator[Triple]:
        iri = self._mint(f"claim-{c.content_start}-{c.content_end}")
        self._claims[(c.content_start, c.content_end)] = iri
        yield iri, RDF.type, KG.ClaimMention
        yield iri, SDO.text, Literal(c.content, lang=self.lang)
        yield iri, KG.mode, Literal(c.mode)
        yield iri, KG.stance, Literal(c.stance)
        if c.cue_lemma:
            yield iri, KG.cueLemma, Literal(c.cue_lemma)
        if c.speaker_key:
            yield iri, SDO.creator, v.entity_iri(c.speaker_key)
            yield from self._entity_ref(c.speaker_key, c.speaker or c.speaker_key, None)
        if c.speaker:
            yield iri, KG.speakerLabel, Literal(c.speaker, lang=self.lang)
        if c.speaker_role:
            yield iri, KG.speakerRole, Literal(c.speaker_role, lang=self.lang)
        yield from self._date(iri, SDO.dateCreated, c.date, c.date_source)
        if c.content_date and (lit := timex_literal(c.content_date)) is not None:
            yield iri, KG.contentDate, lit
        yield from self._topics(iri, c.topics)
        yield from self._evidence(iri, c.start, c.end, c.sentence)
        spans = [
            (KG.contentPhrase, c.content_start, c.content_end),
            (KG.cuePhrase, c.cue_start, c.cue_end),
            (KG.speakerPhrase, c.speaker_start, c.speaker_end),
        ]
        for prop, start, end in spans:
            if start is not None and end is not None:
                yield iri, prop, self._span(start, end)

    def _event(self, e: Event) -> Iterator[Triple]:
        iri = self._mint(f"event-{e.trigger_start}-{e.trigger_end}-{e.type}")
        yield iri, RDF.type, KG.EventMention
        yield iri, SEM.eventType, v.event_type_iri(e.type)
        if e.lemma:
            yield iri, KG.lemma, Literal(e.lemma)
        yield iri, KG.modality, Literal(e.modality)
        yield iri, KG.confidence, Literal(Decimal(f"{e.confidence:.3f}").normalize())  # xsd:decimal
        if e.decided_by:
            yield iri, KG.decidedBy, Literal(e.decided_by)
        if e.claim is not None and e.claim in self._claims:
            yield iri, KG.reportedBy, self._claims[e.claim]
        for role, key, label in e.actors:  # kg:agent … are sub-properties of sem:hasActor
            yield iri, _ROLE_PROPERTIES[role], v.entity_iri(key)
            yield from self._entity_ref(key, label, None)
        if e.place:
            key, label = e.place
            yield iri, SEM.hasPlace, v.entity_iri(key)
            yield from self._entity_ref(key, label, "Place")
        yield from self._date(iri, SEM.hasTimeStamp, e.date, e.date_source)
        if e.date_start is not None and e.date_end is not None:
            yield iri, KG.datePhrase, self._span(e.date_start, e.date_end)
        yield from self._topics(iri, e.topics)
        yield from self._evidence(iri, e.start, e.end, e.sentence)
        yield iri, KG.triggerPhrase, self._span(e.trigger_start, e.trigger_end)
