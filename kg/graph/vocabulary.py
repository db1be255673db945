"""Namespaces as code: kg's own terms, SEM, NIF and ITS, plus the standard ones rdflib ships.

Each vocabulary is a :class:`rdflib.namespace.DefinedNamespace` with ``_fail = True``: a
misspelt term raises ``AttributeError`` instead of silently minting a new IRI.
The IRI patterns of kg's resources live here too, so every module mints them the same way.
See ``docs/ontology.md`` for the model.
"""

from __future__ import annotations

from urllib.parse import quote, unquote

from rdflib import Namespace, URIRef
from rdflib.namespace import (
    DCTERMS,
    OWL,
    PROV,
    RDF,
    RDFS,
    SDO,
    SKOS,
    XSD,
    DefinedNamespace,
)

__all__ = [
    "BASE",
    "CLAIM_MODES",
    "CLAIM_STANCES",
    "DATE_SOURCES",
    "DCTERMS",
    "CANONICAL_GRAPH",
    "ENTITIES_GRAPH",
    "ENTITY_TYPES",
    "GAF",
    "ITSRDF",
    "KB_GRAPH",
    "TOPICS_GRAPH",
    "KG",
    "NIF",
    "OWL",
    "PREFIXES",
    "PROV",
    "RDF",
    "RDFS",
    "SDO",
    "SEM",
    "SKOS",
    "WD",
    "XSD",
    "article_graph_iri",
    "article_iri",
    "article_name_from_graph",
    "canonical_iri",
    "entity_iri",
    "event_type_id",
    "event_type_iri",
    "topic_iri",
]

BASE = "https://kg.example.org/"


class KG(DefinedNamespace):
    """kg's own terms: only what SEM, schema.org, PROV-O, NIF, SKOS and Dublin Core lack."""

    _NS = Namespace(BASE + "ns#")
    _fail = True

    # Classes
    Article: URIRef  # a news article, the unit of provenance and of rebuilds (⊑ schema:NewsArticle)
    Claim: URIRef  # one statement of one speaker, however many articles report it (⊑ schema:Claim; canonical graph)
    ClaimMention: URIRef  # one article's report of a statement: speaker, cue, mode, stance, offsets (⊑ schema:Quotation)
    EventMention: URIRef  # one article's report of a happening: trigger, actors, date, offsets (gaf:denotedBy ← sem:Event)
    Corroboration: URIRef  # a link: one claim supports another (kg:linkFrom supports kg:linkTo), with kg:basis
    Contradiction: URIRef  # a link: a denial (kg:linkFrom) answers a claim or event (kg:linkTo), with kg:basis
    Mention: URIRef  # a nif:Phrase that names an entity; itsrdf:taIdentRef points to the entity
    TimeExpression: URIRef  # a nif:Phrase holding a TIMEX3 temporal expression
    EventType: URIRef  # a skos:Concept classifying sem:Event (travel, meeting, sanction...)

    # Article
    context: URIRef  # article → its nif:Context (the decoded text the offsets point into)
    format: URIRef  # input format the text was decoded from: "txt" or "html"
    encoding: URIRef  # character encoding the raw bytes were decoded with
    publishedSource: URIRef  # where the publication date came from: "sidecar", "html" or "text"
    publishedEvidence: URIRef  # nif:Phrase in the text that gave the publication date

    # Entities
    country: URIRef  # country of an entity, as given by the knowledge base (a label)
    inKnowledgeBase: URIRef  # xsd:boolean, true when the entity was resolved against the curated base

    # Temporal expressions, and dates of claims and events
    timexType: URIRef  # TIMEX3 type: DATE, TIME, DURATION or SET
    timexValue: URIRef  # TIMEX3 value as normalised: "2024-06-18", "2023-09", "XXXX-06-18", "P9M"...
    timexDate: URIRef  # the value as xsd:date, xsd:gYearMonth or xsd:gYear when a calendar date
    timexRule: URIRef  # name of the rule that produced a temporal expression (debugging)
    anchored: URIRef  # xsd:boolean, true when the value was computed from the publication date
    dateSource: URIRef  # how a claim/event got its date: "explicit", "sentence", "context", "article"

    # Claims
    mode: URIRef  # how the claim is reported: "direct", "indirect" or "mixed"
    stance: URIRef  # the speaker's speech act: "assert", "deny", "warn", "threaten", "promise"...
    cue: URIRef  # the cue as written ("a déclaré", "selon")
    cueLemma: URIRef  # lemma of the cue ("déclarer", "selon")
    speakerLabel: URIRef  # speaker's name or noun phrase; schema:creator adds the entity if resolved
    speakerText: URIRef  # the speaker as written at the claim ("Il", "le porte-parole")
    speakerRole: URIRef  # speaker's role given by the text at the claim ("porte-parole du Kremlin")
    contentDate: URIRef  # a date the claim's content refers to ("le sommet du 12 mai"), beside when it was said

    # Events
    trigger: URIRef  # the word or phrase that evokes the event ("s'est rendu", "visite")
    agent: URIRef  # actor who performs the event (⊑ sem:hasActor; VerbNet Agent)
    patient: URIRef  # actor who undergoes the event: the arrested, the appointed (⊑ sem:hasActor; VerbNet Patient)
    recipient: URIRef  # actor who receives what is given or imposed (⊑ sem:hasActor; VerbNet Recipient)
    participant: URIRef  # other actor taking part: the other side, the host (⊑ sem:hasActor)
    lemma: URIRef  # lemma of the trigger ("signer"): what an event of type other is
    modality: URIRef  # "asserted", "negated", "planned", "possible", "reported" or "cancelled"
    reportedBy: URIRef  # a reported event → the kg:Claim whose content carries it
    confidence: URIRef  # xsd:decimal on an event mention: probability that its trigger names a happening
    decidedBy: URIRef  # on an event mention: the rule or model that kept it ("model:event-decision")
    salience: URIRef  # xsd:decimal on a canonical event: how central it is to the corpus's story (kg.resolve.salience)
    salient: URIRef  # xsd:boolean on a canonical event: shown by the default timeline
    datePhrase: URIRef  # span of the expression an event's or claim's date comes from
    cameoRoot: URIRef  # on an event type: the CAMEO root code it maps to ("04"), as GDELT codes events
    cameoCode: URIRef  # on an event type: the most specific CAMEO code that fits ("042")
    ploverCategory: URIRef  # on an event type: the PLOVER category it maps to ("CONSULT"), as POLECAT codes events

    # Canonical layer (graph/canonical): one node per happening and per statement
    sources: URIRef  # xsd:integer, number of distinct articles that report a canonical event or claim
    otherDate: URIRef  # a date some source gave that differs from sem:hasTimeStamp (a source's variant)
    mergeBasis: URIRef  # why mentions were merged into this node ("same type, shared actor …, same day")
    realises: URIRef  # an asserted canonical event → the planned one it carries out (linked, not merged)
    denies: URIRef  # a canonical denial → the claim or event it answers (detail in a kg:Contradiction)
    corroborates: URIRef  # a canonical claim → another it supports (detail in a kg:Corroboration)
    linkFrom: URIRef  # a link's source: the denial, or the supporting claim
    linkTo: URIRef  # a link's target: the claim or event denied or supported
    basis: URIRef  # why a link holds: "answers the claim before it in the same article", "shared event …"
    relayedBy: URIRef  # a claim mention → the mention that relays it ("selon les agences russes, X a dit …")
    contentHash: URIRef  # on a derived graph (entities, canonical): sha256 of its content, for kg push
    pipelineFingerprint: URIRef  # on an article: sha256 of the model, code and resources it was extracted with

    # Provenance offsets (each points to a nif:Phrase of the article's text)
    evidence: URIRef  # the whole span a claim or event was extracted from
    contentPhrase: URIRef  # span of a claim's content
    cuePhrase: URIRef  # span of a claim's cue
    speakerPhrase: URIRef  # span of a claim's speaker as written
    triggerPhrase: URIRef  # span of an event's trigger
    sentenceIndex: URIRef  # xsd:integer, 0-based position of a nif:Sentence in its article


class SEM(DefinedNamespace):
    """Simple Event Model (van Hage et al., 2011)."""

    _NS = Namespace("http://semanticweb.cs.vu.nl/2009/11/sem/")
    _fail = True

    Core: URIRef  # superclass of Event, Actor, Place and Time
    Event: URIRef  # something that happens
    Actor: URIRef  # an entity that takes part in an event
    Place: URIRef  # where an event happens
    Time: URIRef  # when an event happens
    Role: URIRef  # the role an actor plays in an event (reified)
    Type: URIRef  # superclass of EventType, ActorType, PlaceType, RoleType
    EventType: URIRef  # a class of events
    ActorType: URIRef  # a class of actors
    PlaceType: URIRef  # a class of places
    RoleType: URIRef  # a class of roles
    hasActor: URIRef  # event → actor
    hasPlace: URIRef  # event → place
    hasTime: URIRef  # event → sem:Time
    hasTimeStamp: URIRef  # event → a typed date literal
    hasBeginTimeStamp: URIRef  # event → a typed literal for when it began
    hasEndTimeStamp: URIRef  # event → a typed literal for when it ended
    hasEarliestBeginTimeStamp: URIRef  # lower bound of the beginning
    hasLatestEndTimeStamp: URIRef  # upper bound of the end
    eventType: URIRef  # event → sem:EventType
    actorType: URIRef  # actor → sem:ActorType
    placeType: URIRef  # place → sem:PlaceType
    roleType: URIRef  # role → sem:RoleType
    hasSubEvent: URIRef  # event → one of its parts
    subEventOf: URIRef  # event → the event it is part of
    accordingTo: URIRef  # the authority that asserts a statement


class GAF(DefinedNamespace):
    """Grounded Annotation Framework (Fokkens et al., 2014): instances and the mentions that denote them."""

    _NS = Namespace("http://groundedannotationframework.org/gaf#")
    _fail = True

    denotedBy: URIRef  # an instance (a canonical event or claim) → a mention of it in a text
    denotes: URIRef  # a mention → the instance it refers to


class NIF(DefinedNamespace):
    """NLP Interchange Format 2.0 core: strings, offsets and the text they point into."""

    _NS = Namespace("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#")
    _fail = True

    String: URIRef  # a span of text
    Context: URIRef  # the whole text of a document, the reference for offsets
    Phrase: URIRef  # a span of one or more words
    Sentence: URIRef  # a sentence
    Word: URIRef  # a single token
    RFC5147String: URIRef  # a string whose IRI follows RFC 5147 (#char=begin,end)
    OffsetBasedString: URIRef  # a string identified by its offsets
    beginIndex: URIRef  # xsd:nonNegativeInteger, first character (inclusive)
    endIndex: URIRef  # xsd:nonNegativeInteger, last character (exclusive)
    anchorOf: URIRef  # the text of the span
    isString: URIRef  # the full text of a nif:Context
    referenceContext: URIRef  # string → the nif:Context its offsets point into
    sentence: URIRef  # string → the sentence holding it
    nextSentence: URIRef  # sentence → the next one
    previousSentence: URIRef  # sentence → the previous one
    sourceUrl: URIRef  # context → where the text was read from
    predLang: URIRef  # context → the language of the text


class ITSRDF(DefinedNamespace):
    """Internationalization Tag Set 2.0 in RDF: the entity-linking terms NIF uses."""

    _NS = Namespace("http://www.w3.org/2005/11/its/rdf#")
    _fail = True

    taIdentRef: URIRef  # the entity a span refers to
    taClassRef: URIRef  # the class of the entity a span refers to
    taConfidence: URIRef  # confidence of the annotation


WD = Namespace("http://www.wikidata.org/entity/")

PREFIXES: dict[str, str] = {
    "kg": str(KG._NS),
    "sem": str(SEM._NS),
    "nif": str(NIF._NS),
    "gaf": str(GAF._NS),
    "itsrdf": str(ITSRDF._NS),
    "schema": str(SDO._NS),
    "prov": str(PROV._NS),
    "skos": str(SKOS._NS),
    "dcterms": str(DCTERMS._NS),
    "owl": str(OWL._NS),
    "rdf": str(RDF._NS),
    "rdfs": str(RDFS._NS),
    "xsd": str(XSD._NS),
    "wd": str(WD),
    "entity": BASE + "entity/",
    "article": BASE + "article/",
    "topic": BASE + "topic/",
    "eventtype": BASE + "eventtype/",
    "graph": BASE + "graph/",
}


def sparql_prefixes() -> str:
    """kg's prefixes as SPARQL ``PREFIX`` lines, for text sent to servers and pages."""
    return "".join(f"PREFIX {p}: <{iri}>\n" for p, iri in PREFIXES.items())
"""Prefixes bound on every graph kg serialises and every SPARQL query it runs."""

# Values kg writes; the SHACL shapes (kg/resources/shapes.ttl) list the same sets.
CLAIM_MODES = ("direct", "indirect", "mixed")
CLAIM_STANCES = (
    "assert",
    "deny",
    "warn",
    "threaten",
    "promise",
    "concern",
    "accuse",
    "condemn",
    "demand",
    "announce",
    "confirm",
    "propose",
    "support",
    "oppose",
    "question",
    "estimate",
    "hope",
    "praise",
    "criticize",
    "concede",
)
DATE_SOURCES = ("explicit", "sentence", "context", "article")
ENTITY_TYPES = {
    "Person": (SDO.Person, SEM.Actor),
    "Organization": (SDO.Organization, SEM.Actor),
    "Place": (SDO.Place, SEM.Place),
}
"""Record type → (schema.org class, SEM class)."""

KB_GRAPH = URIRef(BASE + "graph/kb")
TOPICS_GRAPH = URIRef(BASE + "graph/topics")  # the SKOS topic scheme the build used
"""Named graph of the curated knowledge base (entity descriptions not tied to one article)."""
ENTITIES_GRAPH = URIRef(BASE + "graph/entities")
"""One description per entity, merged by the build from every article graph (kg.resolve)."""
CANONICAL_GRAPH = URIRef(BASE + "graph/canonical")
"""Canonical events and claims, their mentions, sources and links (kg.resolve)."""
DERIVED_GRAPHS = (ENTITIES_GRAPH, CANONICAL_GRAPH)

_ARTICLE_GRAPH = BASE + "graph/article/"


def _segment(value: str) -> str:
    """A path segment: percent-encode everything but unreserved characters, so IRIs stay valid."""
    return quote(value, safe="-._~")


def entity_iri(key: str) -> URIRef:
    """The entity's IRI, shared by every article that mentions it (cross-document merge = same key)."""
    return URIRef(BASE + "entity/" + _segment(key))


def article_iri(name: str) -> URIRef:
    """The article's IRI; its file name is its stable identifier in a corpus."""
    return URIRef(BASE + "article/" + _segment(name))


def article_graph_iri(name: str) -> URIRef:
    """The named graph holding every triple extracted from one article."""
    return URIRef(_ARTICLE_GRAPH + _segment(name))


def article_name_from_graph(graph: str) -> str | None:
    """The article name of an article graph IRI, or None for any other graph."""
    if not str(graph).startswith(_ARTICLE_GRAPH):
        return None
    return unquote(str(graph)[len(_ARTICLE_GRAPH) :])


def event_type_iri(type_id: str) -> URIRef:
    """The skos:Concept of an event type id such as "travel"."""
    return URIRef(BASE + "eventtype/" + _segment(type_id))


def event_type_id(iri: str) -> str:
    """The id of the event type whose concept is ``iri`` (the inverse of :func:`event_type_iri`)."""
    return unquote(str(iri)[len(BASE + "eventtype/") :])


def canonical_iri(kind: str, key: str) -> URIRef:
    """The IRI of a canonical ``event`` or ``claim``; ``key`` is a stable digest of its first mention."""
    return URIRef(f"{BASE}{kind}/{key}")


def topic_iri(topic_id: str) -> URIRef:
    """The default skos:Concept of a topic id such as "sanctions"."""
    return URIRef(BASE + "topic/" + _segment(topic_id))
