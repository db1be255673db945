"""What was said: the complement of a cue (que-clause, quotation, infinitive, *si*, object,
*de*-object, attribute, denial object) and the helpers that assemble a claim and bound its
content (clause ends, coordination, mode)."""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from kg.extract.claims.nonfinite import attributive, is_nonfinite
from kg.extract.claims.speakers import _np_span
from kg.extract.claims.state import _last_quote_end, _Speaker, _State
from kg.nlp import doc_text


def _complement(state: _State, sent: Span, verb: Token, cue_end: int, stance: str,
                lemma: str | None = None) -> tuple[int, int] | None:
    """The said thing: a que-clause, a quotation after a colon or "que", an infinitive,
    an expression's complement, or for a denial its object."""
    text = state.article.text
    end = _coordination_end(verb, cue_end, _sentence_content_end(text, sent))
    if is_nonfinite(verb) and verb.dep_ != "ROOT":  # a participle's complement is in its own phrase
        edge = verb.right_edge
        end = min(end, edge.idx + len(edge))
    if attributive(verb) and lemma not in {"se dire", "se déclarer"}:
        return None  # *verdict rule*: "a reconnu l'accusé coupable"
    rest = text[cue_end:end]
    # X a déclaré [à la presse] [que|qu'|:] « … »
    m = re.match(r"[^«“\"]{0,80}?(?:\b(?:que\b|qu['’])\s*|:\s*)(?=[«“\"])", rest)
    if m:
        q = next((q for q in state.quotes if q.open == cue_end + m.end()), None)
        if q:
            state.used_quotes.add(q.open)
            tail = text[q.close:end]
            if not tail.strip(" .") or tail.lstrip().startswith(","):
                return q.inner
            return cue_end + m.end(), _last_quote_end(state, q, end)
    # X affirme que …, X a averti la Russie que …, X craint que …
    m = re.match(r"[^.;:«“\"]{0,120}?\b(?:que\b|qu['’])\s*", rest)
    if m and not re.search(r"\b(?:ce|tel|plus|moins|ainsi|alors|bien|avant|après|pendant|tandis|parce)\s+$", rest[: m.start() + 1]):
        start = cue_end + m.end()
        return start, _clause_end(text, start, end)
    # X a déclaré : « … » handled above; X a ajouté : … (no quotation)
    m = re.match(r"\s*:\s*", rest)
    if m and cue_end + m.end() < end:
        return cue_end + m.end(), end
    # *infinitive complement rule*: "affirme avoir vu …", "a assuré vouloir aider …", "dit ne pas savoir"
    inf = next((c for c in verb.children if c.dep_ == "xcomp" and "Inf" in c.morph.get("VerbForm")
                and c.idx >= cue_end and not re.search(r"[^\w\s'’,]", text[cue_end : c.idx])
                and len(text[cue_end : c.idx].split()) <= 3), None)
    if inf is not None and not re.match(r"\s*(?:de|d['’]|à)\b", rest):
        start = min([inf.idx] + [t.idx for t in inf.lefts if t.idx >= cue_end])
        return start, _clause_end(text, start, end)
    # *interrogative complement rule*: "refuse de dire si P", "a demandé si P"
    m = re.match(r"[^.;:«“\"]{0,40}?\bsi\s+", rest)
    if m and lemma in {"dire", "demander", "préciser", "indiquer", "savoir", "expliquer", "s interroger"}:
        start = cue_end + m.end()
        return start, _clause_end(text, start, end)
    # *attribute rule*: "se dit favorable à …", "s'est déclaré « très satisfait »": the attribute
    if lemma in {"se dire", "se déclarer"} and verb.nbor(1).pos_ in {"ADJ", "ADV", "PUNCT", "VERB"} if verb.i + 1 < len(verb.doc) else False:
        start = cue_end + len(rest) - len(rest.lstrip())
        return (start, _clause_end(text, start, end)) if start < end else None
    # *de-object rule*: "a fait état de progrès", "a fait part de son inquiétude face à …", "a conclu au suicide"
    m = re.match(r"\s*(?:(?:de|d['’])\s*|(?=(?:du|des)\s))", rest)
    if lemma == "conclure":  # "l'enquête a conclu au suicide"
        m = re.match(r"\s*(?:à\s+|(?=(?:au|aux)\s))", rest)
    if lemma in {"faire état", "faire part", "conclure"} and m and cue_end + m.end() < end:
        start = cue_end + m.end()
        return start, _clause_end(text, start, end)
    # *object rule*: "a annoncé, jeudi, la fermeture des écoles", "réclament des sanctions"
    obj = next((c for c in verb.children if c.dep_ == "obj" and c.pos_ == "NOUN" and cue_end <= c.idx < end), None)
    if obj is not None and lemma in state.lex.object_cues:
        o0, o1 = _np_span(obj)
        return o0, min(max(o1, _clause_end(text, o0, end)), end)
    # X nie / a nié avoir … / nient ces allégations; X prévient de …; X menace de …
    if stance in {"deny", "threaten", "promise", "warn", "accuse", "concede", "criticize", "praise", "concern",
                  "demand"}:
        m = re.match(r"\s*(?:(?:de|d['’])\s*)?\S", rest)
        if m and cue_end + m.start() < end and len(rest.split()) >= 2:
            start = cue_end + len(rest) - len(rest.lstrip())
            return start, _clause_end(text, start, end)
    # X a décrit les deux hommes comme des « compagnons d'armes »: a quotation in the clause
    q = next((q for q in state.quotes if cue_end < q.open < end and q.open - cue_end <= 80 and "," not in text[cue_end : q.open]), None)
    if q is not None:
        start = cue_end + len(rest) - len(rest.lstrip())
        return start, _last_quote_end(state, q, end)
    # X a exprimé son inquiétude concernant … : the expression is the content
    if verb.lemma_.lower() in state.lex.expression_verbs:
        start = cue_end + len(rest) - len(rest.lstrip())
        return (start, _clause_end(text, start, end)) if start < end else None
    return None


def _coordination_end(verb: Token, start: int, end: int) -> int:
    """*Coordination rule*: the content of "a salué le travail … et assuré vouloir …" stops before
    the coordinated verb, which is a cue of its own."""
    for c in verb.children:
        if c.dep_ == "conj" and c.pos_ in {"VERB", "AUX"} and start < c.idx < end:
            cc = next((t for t in c.children if t.dep_ == "cc" and t.i < c.i), None)
            end = min(end, (cc or c).idx)
    text = doc_text(verb.doc)
    while end > start and text[end - 1] in " ,;":
        end -= 1
    return end


# --- assembling -----------------------------------------------------------------------


def _claim(speaker: _Speaker, lemma, stance, cue_start, cue_end, content, mode) -> dict:
    return dict(speaker=speaker, lemma=lemma, stance=stance, cue=(cue_start, cue_end), content=content, mode=mode, rule="")


def _quote_bound(state: _State, lemma: str | None, mode: str) -> bool:
    """*Manner-of-speaking rule*: "hurler", "murmurer", "prêcher" (Verb∋Net 37.3, 37.11) report
    speech only when they introduce a quotation ("« Dehors ! », a-t-il hurlé")."""
    return lemma not in state.lex.quote_only or mode != "indirect"


def _mode(state: _State, content: tuple[int, int]) -> str:
    start, end = content
    inner = [q for q in state.quotes if start <= q.open and q.close <= end]
    for q in inner:
        state.used_quotes.add(q.open)
    if any(q.inner == (start, end) for q in state.quotes):
        return "direct"
    return "mixed" if inner else "indirect"


def _sentence_content_end(text: str, sent: Span) -> int:
    end = sent.end_char
    while end > sent.start_char and text[end - 1] in " .!?…;\n\r":
        end -= 1
    return end


def _clause_end(text: str, start: int, limit: int) -> int:
    """End of a reported clause: the sentence end, or a participial tail after a comma
    (", soulignant …") that is the journalist's, not the speaker's."""
    m = re.compile(r",\s+(?:soulignant|ajoutant|précisant|estimant|expliquant|selon)\b").search(text, start, limit)
    end = m.start() if m else limit
    while end > start and text[end - 1] in " .!?…;,\n\r":
        end -= 1
    return end


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] == ","):
        end -= 1
    return start, end
