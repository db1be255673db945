"""The shared machinery of the rules: the candidate record, the article context (publication
date, sentences, tense), the rule registry, and small part-of-speech helpers.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from kg.extract.temporal.tense import FUTURE, OPEN, PAST, _doc_tense, _regex_tense

if TYPE_CHECKING:
    from spacy.tokens import Doc


@dataclass
class _Cand:
    start: int
    end: int
    type: str
    value: str
    rule: str
    anchored: bool = False
    priority: int = 0
    # Expressions whose day comes from the discourse ("22 h", "le lendemain") carry a
    # function of the reference day instead of a final value.
    from_ref: Callable[[date | None], str] | None = None
    # A date whose year the tense chose ("en décembre", "le 3 mars"): its value in another
    # year (None when that year does not fit, e.g. disagrees with a named weekday), and the
    # tense that chose it (see the year carry rule in kg.extract.temporal.tagger).
    reyear: Callable[[int], str | None] | None = None
    tense: str | None = None


class _Context:
    """The article, its publication date, and lazily computed sentence and tense facts."""

    def __init__(self, text: str, published: str | None, doc: Doc | None):
        self.text = text
        self.dct: date | None = None
        if published:
            try:
                self.dct = date.fromisoformat(published[:10])
            except ValueError:
                self.dct = None
        self.doc = doc if doc is not None and _doc_text(doc) == text else None
        if self.doc is not None:
            self.sents, self.tok_starts = _doc_arrays(self.doc)
        else:
            self.sents = _regex_sentences(text)
            self.tok_starts = []
        self.sent_starts = [s for s, _ in self.sents]
        self._regex_sents: list[tuple[int, int]] | None = None

    def regex_sentence(self, pos: int) -> tuple[int, int]:
        if self._regex_sents is None:
            self._regex_sents = _regex_sentences(self.text)
        starts = [s for s, _ in self._regex_sents]
        i = bisect.bisect_right(starts, pos) - 1
        return self._regex_sents[i] if i >= 0 else (0, len(self.text))

    def sentence(self, pos: int) -> tuple[int, int]:
        i = bisect.bisect_right(self.sent_starts, pos) - 1
        return self.sents[i] if i >= 0 else (0, len(self.text))

    def sentence_initial(self, pos: int) -> bool:
        s, _ = self.sentence(pos)
        before = self.text[s:pos]
        return not re.search(r"\w", before) or bool(re.search(r"[\n:._—–-]\s*$", before))

    def tense(self, start: int, end: int) -> str | None:
        """Tense of the clause holding [start, end): PAST, FUTURE, PRESENT or None."""
        before = self.text[max(0, start - 30):start].lower()
        if re.search(r"\bdepuis\s*$", before):
            return PAST
        if re.search(r"\bd['’]\s*ici\s*(?:(?:à|au|le|la|l['’])\s*){0,2}$", before):
            return FUTURE  # "d'ici mercredi": a deadline still to come
        if self.doc is not None:
            tense = _doc_tense(self, start, end)
        elif _SCHEDULED_BEFORE.search(self.text[max(0, start - 30):start]):
            tense = FUTURE  # "la réunion prévue jeudi" (the parser's scheduling rule, by words)
        else:
            seg = self.own_segment(start, end)
            tense = _regex_tense(self.text, seg or self.sentence(start), start, end)
        if re.search(r"\bjusqu['’]\s*(?:à|au|en)?\s*(?:le\s+|la\s+)?$", before) and tense == PAST:
            # "jusqu'à" names the end of a span: the clause's tense places it ("jusqu'à
            # vendredi, 64 films seront projetés"), except that a past clause may grant a
            # term that still runs ("il a donné jusqu'au 30 juin"): the nearest date
            return None
        return None if tense == OPEN else tense

    def own_segment(self, start: int, end: int) -> tuple[int, int] | None:
        """*Segment rule*: the part of the sentence around [start, end) that a colon, a
        semicolon or a spaced dash sets off, when it has words of its own besides the
        expression ("Grève nationale le 3 mars : les syndicats ont appelé…"). Such a
        segment is a clause of its own: a verb beyond it says nothing of the expression's
        tense, and a verbless one has none. None when there is no such segment (then the
        whole sentence counts, as for a label: "Lundi : le ministre a démissionné")."""
        s0, s1 = self.sentence(start)
        left = [m.end() for m in _SEGMENT_BREAK.finditer(self.text, s0, start)]
        right = _SEGMENT_BREAK.search(self.text, end, s1)
        a = left[-1] if left else s0
        b = right.start() if right else s1
        if (a, b) == (s0, s1):
            return None
        words = _WORD.findall(self.text[a:start] + " " + self.text[end:b])
        if not any(w.lower() not in _SEGMENT_FUNCTION_WORDS for w in words):
            return None
        return a, b


_SEGMENT_BREAK = re.compile(r"(?<!\d):(?!\d)|;|\s[—–]\s")
_WORD = re.compile(r"[^\W\d_]{2,}")
_SEGMENT_FUNCTION_WORDS = frozenset(
    "le la les un une des du de au aux à en et ou ce cet cette ces depuis dès jusqu jusque "
    "partir avant après pour vers entre dans sur sous par avec sans puis mais donc ni car "
    "ici dernier dernière prochain prochaine".split())
_SCHEDULED_BEFORE = re.compile(
    r"\b(?:prévue?s?|programmée?s?|planifiée?s?|fixée?s?|convoquée?s?|attendue?s?|"
    r"(?:reportée?s?|repoussée?s?|décalée?s?|ajournée?s?|avancée?s?)\s+(?:à|au|pour))"
    r"\s+(?:pour\s+|à\s+|au\s+|le\s+|la\s+|l['’])?$", re.I)


def _doc_text(doc: Doc) -> str:
    """The Doc's text, computed once per Doc (imported here: the tagger runs without spaCy too)."""
    from kg.nlp import doc_text

    return doc_text(doc)


def _doc_arrays(doc: Doc) -> tuple[list[tuple[int, int]], list[int]]:
    """The Doc's sentence spans (as ``doc.sents`` gives them) and token start offsets,
    read from spaCy's arrays rather than from a Python object per token."""
    from spacy.attrs import IDX

    from kg.nlp import sentence_char_spans

    return sentence_char_spans(doc), doc.to_array(IDX).tolist()


def _regex_sentences(text: str) -> list[tuple[int, int]]:
    out, start = [], 0
    for m in re.finditer(r"(?<=[.!?»])\s+(?=[«\"A-ZÀ-Ý0-9])|\n\s*", text):
        if m.start() > start:
            out.append((start, m.start()))
        start = m.end()
    out.append((start, len(text)))
    return out


# Every rule, by name: (pattern, function, priority). The tagger runs them in the order
# of its rule table.
_RULES_BY_NAME: dict[str, tuple[re.Pattern[str], Callable[..., object], int]] = {}


def _rule(name: str, pattern: str, priority: int = 0, flags: int = re.IGNORECASE):
    def deco(fn: Callable[..., object]) -> Callable[..., object]:
        assert name not in _RULES_BY_NAME, name
        _RULES_BY_NAME[name] = (re.compile(pattern, flags), fn, priority)
        return fn
    return deco


def _rel_sign(rel: str | None) -> int:
    if not rel:
        return 0
    rel = rel.lower()
    return -1 if rel.startswith(("dernier", "dernière", "pass", "précédent")) else 1


def _adjective_follows(ctx: _Context, end: int) -> bool:
    """A lower-case adjective right after ``end`` (spaCy's POS when there is a Doc)."""
    nxt = re.match(r"\s+([a-zàâçéèêëîïôûù]+)", ctx.text[end:])
    if not nxt:
        return False
    if ctx.doc is not None:
        span = ctx.doc.char_span(nxt.start(1) + end, nxt.end(1) + end, alignment_mode="expand")
        return span is not None and len(span) > 0 and span[0].pos_ == "ADJ"
    return nxt.group(1) in ("arabe", "arabes")


def _is_adjective(ctx: _Context, start: int, end: int, noun_determiners: tuple[str, ...]) -> bool:
    """Adjective rather than noun: spaCy's POS when there is a Doc, else no determiner before."""
    if ctx.doc is not None:
        span = ctx.doc.char_span(start, end, alignment_mode="expand")
        if span is not None and len(span):
            return span[0].pos_ == "ADJ"
    prev = re.search(r"(\w+)\s*$", ctx.text[max(0, start - 15):start])
    return not (prev and prev.group(1).lower() in noun_determiners)
