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
            return anchors[tok.i]
        if tok.head.i == tok.i or not ctx.in_sentence(tok.head, sent) or tok.dep_ in CLAUSE_EDGES:
            return None  # a date inside a subordinate clause dates that clause, not the events above it
        tok = tok.head
    return None


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
    mine: dict[int, list[TimeExpr]] = {id(r): [] for r in cands}
    for i, txs in by_sent.items():
        events = [r for r in cands if r.sentence == i]
        for tx in txs if events else ():
            found = owner(tx, events, ctx, i)
            if found is None:
                span = ctx.doc.char_span(tx.start, tx.end, alignment_mode="expand")
                clause = _clause(span.root) if span is not None else None
                same = [r for r in events if clause is not None and _clause(r.head) == clause] or events
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
        if r.date is None and not _background(r):
            near = [o for o in cands if o.sentence == r.sentence and o.date_source == "explicit"
                    and hops(o.head, r.head) <= 2]
            said = [c for c in ctx.claims if c.sentence == r.sentence and c.date_source == "explicit" and c.date
                    and CALENDAR.match(c.date)]
            if near:
                r.date, r.date_source, r.date_span = _day(near[0].date), "sentence", near[0].date_span
            elif said and r.claim is None:  # "a-t-il déclaré hier lors d'une conférence de presse"
                r.date, r.date_source = _day(said[0].date), "sentence"
    for r in cands:
        if r.date is not None or _background(r):
            continue
        para = ctx.paragraph[r.sentence]
        earlier = [o for o in cands if o.date_source in ("explicit", "sentence") and o.sentence < r.sentence
                   and ctx.paragraph[o.sentence] == para]
        prev = r.sentence - 1
        lead = _lead_date(r, cands, ctx)
        if earlier:
            r.date, r.date_source, r.date_span = _day(earlier[-1].date), "context", earlier[-1].date_span
        elif prev >= 0 and ctx.paragraph[prev] == para and by_sent.get(prev):
            tx = by_sent[prev][-1]
            r.date, r.date_source, r.date_span = _day(tx.value), "context", (tx.start, tx.end)
        elif lead is not None:
            r.date, r.date_source, r.date_span = _day(lead.date), "context", lead.date_span
        elif ctx.article.published:
            r.date, r.date_source = ctx.article.published, "article"
    published = ctx.article.published
    for r in cands:
        if r.modality == "asserted" and r.date_source == "explicit" and published and _after(r.date, published):
            r.modality, r.modality_rule = "planned", "future-date"


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
