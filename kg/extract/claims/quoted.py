"""Constructions without a verb of saying of their own: the colon rule, the source rule
("selon X", "d'après X", "pour X"), the integrated quotation rule and the continuation rule."""

from __future__ import annotations

import re
from collections.abc import Iterator

from spacy.tokens import Span

from kg.extract.claims.complements import _claim, _mode, _sentence_content_end
from kg.extract.claims.constructions import _speaking
from kg.extract.claims.lexicon import _cue
from kg.extract.claims.nominal import RELATIVE
from kg.extract.claims.quotes import Quote
from kg.extract.claims.speakers import _apposition_role, _np_speaker, _resolve_pronoun, _subject_speaker
from kg.extract.claims.state import (
    _DATA_NOUNS,
    _DETERMINERS,
    MIN_STANDALONE_WORDS,
    _mentions_in,
    _paragraph_start,
    _Speaker,
    _State,
)


def _colon_claim(state: _State, sent: Span, q: Quote) -> dict | None:
    text = state.article.text
    before = text[sent.start_char : q.open].rstrip()
    if not before.endswith(":"):
        return None
    clause = [t for t in sent if t.idx < q.open]
    root = next((t for t in clause if t.dep_ == "ROOT"), None) or next((t for t in clause if t.pos_ == "VERB"), None)
    if root is None:
        return None
    subject = next((c for c in root.children if c.dep_.startswith("nsubj")), None)
    if subject is None:
        return None
    speaker = _subject_speaker(state, sent, subject, root)
    if speaker is None:
        return None
    cue = _cue(root, state.lex)
    lemma, stance = (cue[0], cue[1]) if cue else (root.lemma_.lower(), "assert")
    cue_start = cue[2] if cue else root.idx
    return _claim(speaker, lemma, stance, cue_start, root.idx + len(root), q.inner, "direct")


_STRESSED = {"lui": "il", "elle": "elle", "eux": "ils", "elles": "elles"}


def _source_claims(state: _State, sent: Span, index: int, has_cue: bool) -> Iterator[dict]:
    """*Source rule*: "Selon les Américains, …", "… d'après Dmitri Peskov, porte-parole…",
    "Selon lui, …" (a stressed pronoun points back like a subject pronoun), and a
    sentence-initial "Pour X, …" when X names a person, an organisation or a role."""
    if has_cue:
        return
    text = state.article.text
    for m in re.finditer(r"(?:\b(selon|d['’]après)|^(pour))\s+", text[sent.start_char : sent.end_char], re.I):
        src_start = sent.start_char + m.end()
        if re.match(rf"{RELATIVE}\b", text[src_start : src_start + 12], re.I):
            continue  # "les déclarations de X selon lesquelles P": the nominal cue rule's
        src_end_m = re.compile(r"[^,.;:«»“”\"]+").match(text, src_start, sent.end_char)
        if not src_end_m:
            continue
        src_end = src_end_m.end()
        source = text[src_start:src_end].strip()
        inside = _mentions_in(state, src_start, src_end)
        words = re.findall(r"[\w\-]+", source)
        head = next((w for w in words if w.lower() not in _DETERMINERS), "")
        if head.lower() in _DATA_NOUNS:
            continue
        if len(words) == 1 and head.lower() in _STRESSED:
            speaker = _resolve_pronoun(state, _STRESSED[head.lower()], src_start, src_start + len(head))
        elif not inside and head.lower() not in state.lex.source_nouns:
            continue
        else:
            speaker = _np_speaker(state, (src_start, src_start + len(source)), text)
        person = any(x.type == "Person" for x in inside)
        if m.group(2) and (len(words) > 8 or not (person or head.lower() in state.lex.source_nouns)):
            continue  # "Pour l'instant", "Pour la première fois": not a source
        if inside and inside[0].type == "Person":
            speaker.role = _apposition_role(text, inside[0], src_start, sent.end_char)
        g = 1 if m.group(1) else 2
        cue_start, cue_end = sent.start_char + m.start(g), sent.start_char + m.end(g)
        if cue_start - sent.start_char <= 1:  # sentence-initial: content follows the comma
            comma = text.find(",", src_end, sent.end_char)
            if comma < 0:
                continue
            c0 = comma + 1 + len(text[comma + 1 : sent.end_char]) - len(text[comma + 1 : sent.end_char].lstrip())
            content = (c0, _sentence_content_end(text, sent))
        else:
            content = (sent.start_char, len(text[: cue_start].rstrip(" ,")))
        if content[1] - content[0] < 3:
            continue
        for q in state.quotes:
            if content[0] <= q.open and q.close <= content[1]:
                state.used_quotes.add(q.open)
        cue_word = (m.group(1) or m.group(2)).lower().replace("’", "'")
        claim = _claim(speaker, cue_word, "assert", cue_start, cue_end, content, _mode(state, content))
        claim.update(sentence=index)
        yield claim


def _words(text: str, q: Quote) -> int:
    """Words inside a quotation, whatever its typography (« a b », «a b», "a b")."""
    return len(re.findall(r"\w+(?:['’]\w+)?", text[q.open + 1 : q.close - 1]))


def _integrated_quote_claim(state: _State, sent: Span, q: Quote) -> dict | None:
    """*Integrated quotation rule*: "il veut « retrouver le sens des aspirations sociales »",
    "continuera « à travailler avec ardeur »" — a quotation of a sentence's words (four or more,
    so not a scare quote) built into a clause whose subject can speak gives that subject's words,
    mixed, with no cue: the guillemets are the press's attribution. The quotation must start in
    lower case, continuing the clause's syntax (a capital opens a title or a sentence of its own)."""
    text = state.article.text
    if _words(text, q) < MIN_STANDALONE_WORDS:
        return None
    first = text[q.open + 1 : q.close].lstrip()[:1]
    if not first.islower():
        return None  # « Une histoire d'amour »: a title or a name, not words built into the clause
    inside = [t for t in sent if q.open < t.idx < q.close and not t.is_punct]
    if not inside:
        return None
    node = inside[0]
    for _ in range(6):
        if node.pos_ in {"VERB", "AUX"} and not (q.open < node.idx < q.close):
            subject = next((c for c in node.children if c.dep_ == "nsubj"), None)
            if subject is not None and not (q.open < subject.idx < q.close) and _speaking(state, subject):
                speaker = _subject_speaker(state, sent, subject, node)
                if speaker is None:
                    return None
                return _claim(speaker, None, "assert", None, None, (q.open, q.close), "mixed")
        if node.head.i == node.i:
            return None
        node = node.head
    return None


def _continuation_claim(state: _State, sent: Span, q: Quote) -> dict | None:
    text = state.article.text
    if text[sent.start_char : q.open].strip() or _words(text, q) < MIN_STANDALONE_WORDS:
        return None
    if re.match(r"\s*,", text[q.close : q.close + 3]):
        return None  # « … », a-t-il ajouté: the incise after the comma gives the speaker
    if state.last_speaker is None or state.last_speaker[0] < _paragraph_start(state, q.open, back=1):
        return None
    speaker = state.last_speaker[1]
    speaker = _Speaker(speaker.label, None, None, None, speaker.key, speaker.role, speaker.plural)
    return _claim(speaker, None, "assert", None, None, q.inner, "direct")
