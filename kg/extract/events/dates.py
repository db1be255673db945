"""Dating events: the date expression that governs the trigger (TimeML's event–time link), else
the sentence, the paragraph, then the article's date — always saying which (``date_source``).

1. ``explicit``: a DATE/TIME whose syntactic head chain reaches the trigger (or the light verb
   carrying it) without crossing into another clause; a date attached to no event goes to the
   nearest trigger of its clause.
2. ``sentence``: the date of an explicitly dated event one or two dependency hops away.
3. ``context``: the last explicit date of an event earlier in the paragraph, else a date of the
   sentence just before.
4. ``article``: the publication date — only for what the article reports as news of the day:
   not for a pluperfect ("avait signé", before the story's time), nor for a nominal event
   introduced by "depuis/avant/après" ("depuis l'invasion de l'Ukraine"): those stay undated
   unless an expression dates them.
*Cited event rule*: an event noun that a verb of saying says ("a dénoncé mardi l'offensive")
takes no date but its own: not the statement's, the sentence's, the paragraph's nor the article's.
*Planned event rule*: a planned or possible event without a date of its own is undated: never
the publication day nor a past date of its sentence or paragraph; it may share a coming one.
An explicit date later than the publication date makes an asserted event ``planned``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from kg.extract.events.context import Candidate, Context, lemma
from kg.extract.topics import fold
from kg.records import Article, Sentence, TimeExpr

if TYPE_CHECKING:
    from spacy.tokens import Token

CALENDAR = re.compile(r"^(\d{4}|XXXX)(-[0-9A-Z]+)*(T.*)?$")
CLAUSE_EDGES = {"acl", "acl:relcl", "advcl", "ccomp", "parataxis", "csubj"}
# a nominal event introduced by these lies before or after the story's time, not on its day
RELATIVE_PREPS = {"depuis", "avant", "apres"}
HEADLINE_WORDS = 12  # a first sentence this short, in the lead's paragraph, is a headline


def usable(tx: TimeExpr, article: Article, sentence: Sentence) -> bool:
    """A calendar DATE/TIME that can date an event of its sentence.

    "depuis 2000" after "première visite" is the previous time, not this event's date.
    """
    if tx.type not in ("DATE", "TIME") or not CALENDAR.match(tx.value or ""):
        return False
    if article.is_junk(tx.start, tx.end):
        return False
    before = fold(article.text[max(sentence.start, tx.start - 12):tx.start]).rstrip()
    if fold(tx.text).startswith("depuis") or before.endswith("depuis"):
        return "premi" not in fold(article.text[sentence.start:tx.start])
    return True


def hops(a: Token, b: Token) -> int:
    """Dependency distance between two tokens (large when unrelated)."""
    up = {a.i: 0}
    t, d = a, 0
    while t.head.i != t.i and d < 6:
        t, d = t.head, d + 1
        up[t.i] = d
    t, d = b, 0
    while d < 7:
        if t.i in up:
            return up[t.i] + d
        if t.head.i == t.i:
            break
        t, d = t.head, d + 1
    return 99


def owner(tx: TimeExpr, events: list[Candidate], ctx: Context, sent: int) -> Candidate | None:
    """The event whose trigger the date hangs from, not crossing a clause boundary."""
    span = ctx.doc.char_span(tx.start, tx.end, alignment_mode="expand")
    if span is None or not events:
        return None
    tok = span.root
    k = span.start - 1
    while k >= 0 and tok.doc[k].pos_ == "ADP":  # "… de l'Ukraine [en] février 2022"
        k -= 1
    before = tok.doc[k] if k >= 0 else None
    for r in events:  # "depuis l'invasion de l'Ukraine en février 2022": the date closes the noun's phrase
        if not r.verbal and before is not None and _background(r) and before.i in {t.i for t in r.head.subtree}:
            return r
    anchors = {i: r for r in events for i in r.anchors}
    for _ in range(12):
        if tok.i in anchors:
            r = anchors[tok.i]
            if tok.i != r.head.i and _cited(r, ctx):
                return None  # "a annoncé mardi des élections": the day of the saying, not of the elections
            return r
        if tok.head.i == tok.i or not ctx.in_sentence(tok.head, sent) or tok.dep_ in CLAUSE_EDGES:
            return None  # a date inside a subordinate clause dates that clause, not the events above it
        tok = tok.head
    return None


# how a noun event hangs from a verb of saying when it is what is said ("a dénoncé l'offensive",
# "a rappelé l'invasion"), not the occasion of saying it ("lors d'une conférence de presse": obl)
ARGUMENT_EDGES = {"obj", "iobj", "obl:arg", "nsubj:pass", "xcomp", "ccomp"}
NOUN_PHRASE_EDGES = {"nmod", "conj", "appos", "amod", "flat", "flat:name", "compound"}
UNDATED_MODALITIES = ("planned", "possible")


def _cited(c: Candidate, ctx: Context) -> bool:
    """*Cited event rule*: an event noun that is what a verb of saying says ("a dénoncé
    l'offensive", "a rappelé l'invasion", "annonce des élections", "a conclu au suicide")
    happened, or will happen, at a time of its own, not when it is cited: the date of the
    statement, of its sentence or of the article is not its date. (The occasion of saying, "lors
    d'une conférence de presse", is no argument: it keeps the statement's day.)"""
    if c.verbal:
        return False
    tok = c.head
    for _ in range(6):
        if tok.dep_ not in NOUN_PHRASE_EDGES or tok.head.i == tok.i:
            break
        tok = tok.head
    return tok.dep_ in ARGUMENT_EDGES and tok.head.i != tok.i and lemma(tok.head) in ctx.speech_verbs


def _said_when(tx: TimeExpr, ctx: Context) -> bool:
    """``tx`` dates a saying: the head of its clause is a verb of saying ("a affirmé mardi que …")."""
    span = ctx.doc.char_span(tx.start, tx.end, alignment_mode="expand")
    if span is None:
        return False
    head = ctx.doc[_clause(span.root)]
    while head.dep_ in CLAUSE_EDGES and head.pos_ not in ("VERB", "AUX"):
        head = head.head
    return head.pos_ in ("VERB", "AUX") and lemma(head) in ctx.speech_verbs


def _clause(tok: Token) -> int:
    """The token index of the head of ``tok``'s clause."""
    while tok.dep_ not in CLAUSE_EDGES and tok.head.i != tok.i:
        tok = tok.head
    return tok.i


def _background(c: Candidate) -> bool:
    """Not news of the day: a pluperfect, or a noun after depuis/avant/après."""
    tok = c.head
    if c.verbal:
        return any(a.dep_.startswith("aux") and "Imp" in a.morph.get("Tense") and lemma(a) in ("avoir", "etre")
                   for a in tok.children)
    return any(k.dep_ == "case" and lemma(k) in RELATIVE_PREPS for k in tok.children)


def assign_dates(cands: list[Candidate], ctx: Context, timexes: Sequence[TimeExpr]) -> None:
    by_sent: dict[int, list[TimeExpr]] = {}
    for tx in timexes:
        for i, s in enumerate(ctx.sentences):
            if s.start <= tx.start < s.end:
                if usable(tx, ctx.article, s):
                    by_sent.setdefault(i, []).append(tx)
                break
    published = ctx.article.published
    mine: dict[int, list[TimeExpr]] = {id(r): [] for r in cands}
    for i, txs in by_sent.items():
        events = [r for r in cands if r.sentence == i]
        for tx in txs if events else ():
            found = owner(tx, events, ctx, i)
            if found is None:
                span = ctx.doc.char_span(tx.start, tx.end, alignment_mode="expand")
                clause = _clause(span.root) if span is not None else None
                same = [r for r in events if clause is not None and _clause(r.head) == clause] or events
                if _said_when(tx, ctx):  # the day of a statement is not the date of what it reports or cites
                    same = [r for r in same if _inside(tx, r) or not (_background(r) or _cited(r, ctx)
                                                                      or (r.claim is not None and not r.verbal))]
                if not same:
                    continue
                found = min(same, key=lambda r: abs(r.head.idx - tx.start))
            mine[id(found)].append(tx)
    for r in cands:
        if mine[id(r)]:
            pos = r.head.idx
            best = min(mine[id(r)], key=lambda tx: (tx.value.startswith("XXXX"), abs(tx.start - pos)))
            finer = [tx for tx in mine[id(r)] if tx.value.startswith(best.value) and len(tx.value) > len(best.value)]
            if finer:  # "mardi … vers 21 h 45": the time refines the day
                best = max(finer, key=lambda tx: len(tx.value))
            r.date, r.date_source, r.date_span = best.value, "explicit", (best.start, best.end)
    for r in cands:
        if r.date is None and not _background(r) and not _cited(r, ctx):
            near = [o for o in cands if o.sentence == r.sentence and o.date_source == "explicit"
                    and hops(o.head, r.head) <= 2]
            if r.modality in UNDATED_MODALITIES:  # *planned event rule*: only a coming day, not the saying's
                near = [o for o in near if (published and _after(o.date, published)) or _within(o.head, r.head)]
                said = []
            else:
                said = [c for c in ctx.claims if c.sentence == r.sentence and c.date_source == "explicit" and c.date
                        and CALENDAR.match(c.date)]
            if near:
                r.date, r.date_source, r.date_span = _day(near[0].date), "sentence", near[0].date_span
            elif said and r.claim is None:  # "a-t-il déclaré hier lors d'une conférence de presse"
                r.date, r.date_source = _day(said[0].date), "sentence"
    for r in cands:
        if r.date is not None or _background(r) or _cited(r, ctx):
            continue
        ahead = r.modality in UNDATED_MODALITIES
        para = ctx.paragraph[r.sentence]
        earlier = [o for o in cands if o.date_source in ("explicit", "sentence") and o.sentence < r.sentence
                   and ctx.paragraph[o.sentence] == para]
        prev = r.sentence - 1
        lead = _lead_date(r, cands, ctx)
        if earlier:
            value, span = _day(earlier[-1].date), earlier[-1].date_span
        elif prev >= 0 and ctx.paragraph[prev] == para and by_sent.get(prev):
            tx = by_sent[prev][-1]
            value, span = _day(tx.value), (tx.start, tx.end)
        elif lead is not None:
            value, span = _day(lead.date), lead.date_span
        else:
            if published and not ahead:
                r.date, r.date_source = published, "article"
            continue
        # *planned event rule*: what is planned or possible shares the coming day the paragraph is
        # about ("une opération sera menée samedi 29 mai. Les associations devraient participer"),
        # never a past day nor the publication day
        if not ahead or (published and _after(value, published)):
            r.date, r.date_source, r.date_span = value, "context", span
    for r in cands:
        if r.modality == "asserted" and r.date_source == "explicit" and published and _after(r.date, published):
            r.modality, r.modality_rule = "planned", "future-date"


def _within(a: Token, b: Token) -> bool:
    """``a`` is ``b`` or one of its dependents, at any depth: "le carambolage qui, le 10 novembre
    1993, avait causé la mort de 15 personnes" dates the carambolage from inside its phrase."""
    return a.i == b.i or any(t.i == b.i for t in a.ancestors)


def _inside(tx: TimeExpr, c: Candidate) -> bool:
    """``tx`` lies inside the phrase (the clause, for a verb) of ``c``'s trigger."""
    left, right = c.head.left_edge, c.head.right_edge
    return left.idx <= tx.start < right.idx + len(right.text)


def _day(value: str | None) -> str | None:
    """A date carried to another event keeps its day, not its hour: "mardi vers 21 h 45" → the day."""
    return value.split("T")[0] if value and "T" in value and value[:1].isdigit() else value


def _lead_date(r: Candidate, cands: list[Candidate], ctx: Context) -> Candidate | None:
    """A headline (a first paragraph of one sentence) is dated by the first dated event of the lead,
    the first sentence of the next paragraph: "Six membres du Hamas tués à Gaza." / "… survenue hier …"."""
    if r.sentence != 0 or len(ctx.sentences) < 2:
        return None
    if ctx.paragraph.count(0) == 1:
        lead = next((i for i, p in enumerate(ctx.paragraph) if p == 1), None)
    elif len(ctx.sentences[0].text.split()) <= HEADLINE_WORDS:  # a title glued to its lead
        lead = 1
    else:
        return None
    dated = [o for o in cands if o.sentence == lead and o.date_source == "explicit"]
    return dated[0] if dated else None


def _after(value: str | None, published: str) -> bool:
    """``value`` lies wholly after the publication day at its own granularity ("2024-07" after 2024-06-18)."""
    if not value or value.startswith("XXXX"):
        return False
    day = value[:10]
    return day > published[: len(day)] and not published.startswith(day)
