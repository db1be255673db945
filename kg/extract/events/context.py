"""What every event rule shares: the candidate being built and the per-article look-ups."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING

from kg.extract.event_lexicon import Lexicon, norm
from kg.records import Article, Claim, Mention, Sentence

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from kg.extract.events.modality import ModalityWords

SUBJ_DEPS = {"nsubj", "nsubj:pass"}


@dataclass
class Candidate:
    """An event under construction: its trigger, then its roles, modality and date."""

    type: str
    sentence: int
    tokens: list[Token]  # trigger tokens
    anchors: set[int]  # token indices that own a date attached below them
    verbal: bool
    lemma: str = ""
    roles: tuple[str, ...] = ()  # VerbNet thematic roles of the trigger's class, frame order
    agents: list[Mention] = field(default_factory=list)
    patients: list[Mention] = field(default_factory=list)
    recipients: list[Mention] = field(default_factory=list)
    participants: list[Mention] = field(default_factory=list)
    places: list[Mention] = field(default_factory=list)
    modality: str = "asserted"
    modality_rule: str = ""
    claim: Claim | None = None  # the claim whose content holds the trigger
    date: str | None = None
    date_source: str | None = None
    date_span: tuple[int, int] | None = None  # the expression the date comes from

    @property
    def head(self) -> Token:
        return self.tokens[0]


class Context:
    """Per-article look-ups shared by the rules."""

    def __init__(self, doc: Doc, article: Article, sentences: Sequence[Sentence], mentions: Sequence[Mention],
                 lexicon: Lexicon, words: ModalityWords, claims: Sequence[Claim] = (),
                 speech_verbs: frozenset[str] = frozenset()) -> None:
        self.doc, self.article, self.sentences, self.lex, self.words = doc, article, sentences, lexicon, words
        self.claims, self.speech_verbs = tuple(claims), speech_verbs
        self.mentions = sorted((m for m in mentions if not article.is_junk(m.start, m.end)), key=lambda m: m.start)
        self.spans = [doc.char_span(s.start, s.end, alignment_mode="expand") for s in sentences]
        self.tokens = list(doc)  # walked sentence by sentence several times: made once
        self.paragraph = []
        para = 0
        for i, s in enumerate(sentences):
            if i and "\n" in article.text[sentences[i - 1].end:s.start]:
                para += 1
            self.paragraph.append(para)
        self.sent_of_token: dict[int, int] = {}
        for i, span in enumerate(self.spans):
            for t in range(span.start, span.end) if span is not None else ():
                self.sent_of_token[t] = i
        self.topic_cache: dict[int, tuple[str, ...]] = {}
        self._outlets: frozenset[str] | None = None
        from kg.extract.events.triggers import NOT_EVENTIVE

        # verbs that are never an `other` event of their own (see triggers.eventive_verb)
        self.not_eventive = NOT_EVENTIVE | lexicon.stative | speech_verbs | words.governors | lexicon.light_verbs

    def outlets(self) -> frozenset[str]:
        """Keys of the news agencies and media the article names (*outlet*): a mention set after a noun
        of the press ("l'agence KCNA", "l'agence de presse Reuters", "le quotidien Rodong Sinmun"), or the
        speaker of a relayed claim ("…, a rapporté Sputnik"). The nouns and verbs of relaying are the
        claims extractor's (kg.extract.claims.RELAY_NOUNS, RELAY_LEMMAS)."""
        if self._outlets is None:
            from kg.extract.claims import RELAY_LEMMAS, RELAY_NOUNS

            nouns = {norm(n) for n in RELAY_NOUNS}
            found: set[str] = set()
            for m in self.mentions:
                span = self.doc.char_span(m.start, m.end, alignment_mode="expand")
                if span is None:
                    continue
                root = span_root(span)
                head = root.head
                chain = [head, head.head] if head.i != root.i else []
                if any(t.pos_ == "NOUN" and lemma(t) in nouns and not (span.start <= t.i < span.end) for t in chain):
                    found.add(m.key)
            for c in self.claims:
                if c.speaker_start is None or c.speaker_end is None:
                    continue
                words = {norm(w) for w in (c.speaker_text or "").lower().split()[:3]}
                if (c.cue_lemma or "") in RELAY_LEMMAS or words & nouns:
                    found |= {m.key for m in self.mentions if m.start < c.speaker_end and c.speaker_start < m.end}
            self._outlets = frozenset(found)
        return self._outlets

    def sentence_tokens(self, sent: int) -> list[Token]:
        """The tokens of sentence ``sent`` (none when it has no span), as iterating its span gives them."""
        span = self.spans[sent]
        return self.tokens[span.start:span.end] if span is not None else []

    def mention_at(self, tok: Token) -> Mention | None:
        for m in self.mentions:
            if m.start <= tok.idx < m.end:
                return m
            if m.start > tok.idx:
                return None
        return None

    def in_sentence(self, tok: Token, sent: int) -> bool:
        return self.sent_of_token.get(tok.i) == sent

    def ignore_claims(self, triggers: set[tuple[int, int]]) -> None:
        """Forget the claims whose cue is one of these event triggers (the event reading wins)."""
        self.claims = tuple(c for c in self.claims if c.cue_start is None or not any(
            s < (c.cue_end or 0) and c.cue_start < e for s, e in triggers))

    def claim_holding(self, start: int, end: int) -> Claim | None:
        """The innermost claim whose content covers [start, end)."""
        inside = [c for c in self.claims if c.content_start <= start and end <= c.content_end]
        return min(inside, key=lambda c: c.content_end - c.content_start) if inside else None

    def is_cue(self, tok: Token) -> bool:
        """A speech verb the claims extractor took as a cue: a claim, not an event."""
        return any(c.cue_start is not None and c.cue_start <= tok.idx < (c.cue_end or 0) for c in self.claims)


def span_root(span) -> Token:
    """The first token of ``span`` whose head lies outside it. ``Span.root`` raises on a span cut across
    two sentences of a damaged page ("ParisVladimir Po…"), whose parse trees it cannot climb."""
    for t in span:
        if t.head.i == t.i or not span.start <= t.head.i < span.end:
            return t
    return span[0]


def lemma(tok: Token) -> str:
    return norm(tok.lemma_ or tok.text)


def word_forms(tok: Token) -> set[str]:
    """Lemma and surface form, singular too; a verb lemma left inflected ("cherche") gets its -r."""
    return _word_forms(tok.lemma_ or tok.text, tok.text, tok.pos_ in ("VERB", "AUX"))


@lru_cache(maxsize=65536)
def _word_forms(lemma_text: str, text: str, verbal: bool) -> set[str]:
    """:func:`word_forms` from the token's strings, cached: the same words come back in every
    article. The set is shared between calls, so its users only read it."""
    lem = norm(lemma_text)
    forms = {lem, norm(text)}
    if verbal and lem.endswith("e"):
        forms.add(lem + "r")
    return forms | {f[:-1] for f in forms if f.endswith(("s", "x")) and len(f) > 3}


def token_before_char(char: int, ctx: Context) -> Token | None:
    """The token ending at or before ``char``, in the same line (sentence splits may be off by a word)."""
    span = ctx.doc.char_span(char, char, alignment_mode="expand")
    i = span.start if span is not None else len(ctx.doc)
    while i > 0:
        prev = ctx.doc[i - 1]
        if prev.idx + len(prev.text) <= char:
            if "\n" in ctx.article.text[prev.idx:char]:
                return None
            return prev
        i -= 1
    return None


def mention_before(tok: Token, ctx: Context, skip: set[str], gap: int = 2) -> Mention | None:
    """The mention ending right before ``tok`` (only ``skip`` words and ``gap`` spaces between)."""
    end = tok.idx
    prev = token_before_char(end, ctx)
    while prev is not None and prev.lower_ in skip and ctx.mention_at(prev) is None:
        end = prev.idx
        prev = token_before_char(end, ctx)
    if prev is None:
        return None
    m = ctx.mention_at(prev)
    if m is not None and end - m.end <= gap:
        return m
    return None
