"""Frozen records produced by the extractors.

Every record that comes from text carries ``start``/``end`` character offsets into
``Article.text`` (the decoded file, or the main text of an HTML page) and the text
itself, so that ``article.text[start:end] == record.text`` always holds.
Records are plain data: the mapping to RDF lives in :mod:`kg.graph.mapping`.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass(frozen=True)
class Article:
    """One input document, decoded, with what we know about its publication."""

    path: str  # path as given by the user
    name: str  # file name, the article's stable identifier inside a corpus
    text: str  # decoded text; every offset points into this string
    sha256: str  # hash of the raw bytes (incremental builds)
    format: str = "txt"  # "txt" or "html"
    encoding: str = "utf-8"
    published: str | None = None  # ISO date (YYYY-MM-DD), never invented
    published_source: str | None = None  # "user" (--published), "sidecar", "html", "text" or None
    published_evidence: tuple[int, int] | None = None  # offsets of the textual evidence
    url: str | None = None
    title: str | None = None
    source: str | None = None
    language: str | None = None
    junk: tuple[tuple[int, int], ...] = ()  # offsets of web-page leftovers to ignore
    # what reading did that a user should know, as (level, message): ("note", "decoded as
    # Windows-1252"), ("warning", "looks like English, not French; extracted anyway")
    notices: tuple[tuple[str, str], ...] = ()

    def is_junk(self, start: int, end: int) -> bool:
        """True when [start, end) overlaps a web-page leftover."""
        return any(s < end and start < e for s, e in self.junk)


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Mention:
    """An entity mention, resolved to a canonical entity key."""

    start: int
    end: int
    text: str
    type: str  # "Person", "Organization", "Place"
    key: str  # canonical entity key (KB id or minted slug)
    label: str  # canonical label ("Vladimir Poutine")
    sentence: int  # index into the article's sentences


@dataclass(frozen=True)
class Entity:
    """A resolved entity of one article (all its mentions share the key)."""

    key: str
    label: str
    type: str
    aliases: tuple[str, ...] = ()
    wikidata: str | None = None
    role: str | None = None
    country: str | None = None
    in_kb: bool = False


@dataclass(frozen=True)
class TimeExpr:
    """A TIMEX3 temporal expression normalised against the publication date."""

    start: int
    end: int
    text: str
    type: str  # DATE, TIME, DURATION, SET
    value: str  # TIMEX3 value: 2024-06-18, 2023-09, 2024, XXXX-06-18, P9M, PRESENT_REF...
    rule: str = ""  # name of the rule that produced it (for --errors and debugging)
    anchored: bool = False  # True when the value depends on the publication date


@dataclass(frozen=True)
class Claim:
    """Who said what: a reported statement with its speaker, cue and content."""

    start: int  # whole claim span (speaker + cue + content), within one or more sentences
    end: int
    text: str
    content: str
    content_start: int
    content_end: int
    cue: str | None  # cue word as written ("a déclaré", "selon")
    cue_lemma: str | None  # "déclarer", "selon"
    cue_start: int | None
    cue_end: int | None
    speaker: str | None  # resolved label, or the noun phrase when no entity matches
    speaker_text: str | None  # speaker as written in the text ("Il", "le porte-parole")
    speaker_start: int | None
    speaker_end: int | None
    speaker_key: str | None  # canonical entity key when resolved to an entity
    speaker_role: str | None  # from an apposition ("porte-parole du Kremlin")
    mode: str  # "direct", "indirect", "mixed"
    stance: str  # "assert", "deny", "warn", "threaten", "promise", "concern", ...
    sentence: int
    date: str | None = None  # TIMEX3 value of when it was said
    date_source: str | None = None  # "explicit", "sentence", "context" (earlier sentence), "article"
    topics: tuple[str, ...] = ()
    content_date: str | None = None  # TIMEX3 value of a date the content itself gives ("le sommet du 12 mai")


@dataclass(frozen=True)
class Event:
    """A dated event with participants, from a verbal or nominal trigger."""

    start: int  # the sentence holding the trigger
    end: int
    text: str
    type: str  # see kg.extract.events.EVENT_TYPES
    trigger: str
    trigger_start: int
    trigger_end: int
    actors: tuple[tuple[str, str, str], ...]  # (role, key, label); role agent/patient/recipient/participant
    place: tuple[str, str] | None  # (key, label)
    sentence: int
    date: str | None = None
    date_source: str | None = None  # "explicit", "sentence", "context" (earlier sentence), "article"
    topics: tuple[str, ...] = ()
    lemma: str = ""  # the trigger's lemma ("signer"), what an `other` event is
    modality: str = "asserted"  # asserted, negated, planned, possible, reported, cancelled
    modality_rule: str = ""  # the rule that decided it ("future-tense", "planned-governor"…); "" for asserted
    date_text: str | None = None  # the expression the date comes from, as written
    date_start: int | None = None
    date_end: int | None = None
    claim: tuple[int, int] | None = None  # (content_start, content_end) of the claim whose content reports it
    confidence: float = 1.0  # probability that the trigger names a happening (kg.extract.events.decision)
    decided_by: str = ""  # what kept it: "model:<name>" or "rule:<name>"


@dataclass(frozen=True)
class Extraction:
    """Everything extracted from one article."""

    article: Article
    sentences: tuple[Sentence, ...]
    mentions: tuple[Mention, ...]
    entities: tuple[Entity, ...]
    timexes: tuple[TimeExpr, ...]
    claims: tuple[Claim, ...]
    events: tuple[Event, ...]
    warnings: tuple[str, ...] = field(default=())


def to_dict(record: Any) -> dict[str, Any]:
    """A record as a JSON-ready dict."""
    return asdict(record)
