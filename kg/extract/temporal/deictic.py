"""Deictic and relative expressions: hier, demain, ce soir, le lendemain, la veille, cette
semaine, la semaine dernière, la fin de l'année, il y a / dans N units, reference words
(actuellement, bientôt, l'avenir, à ce jour), "prochain" as an adjective, "d'ici".

Idioms, decided by TimeML's test (a TIMEX3 is an expression that refers to a time) and the
French TimeBank's practice:

* "du jour au lendemain", "au jour le jour", "d'un jour à l'autre", "jour et nuit", "un
  jour ou l'autre" and the adverbial "un jour" (some day) name no time: not tagged
  (``IDIOMS`` in the resources; "un jour" in :mod:`.durations`).
* "d'ici là", "jusque-là": "là" points back to a time named and tagged elsewhere: not
  tagged.
* "aujourd'hui comme hier", "hier, aujourd'hui et demain": days compared with each other
  are "now" and "then", TIME PRESENT_REF / PAST_REF / FUTURE_REF, the value the French
  TimeBank gives a generic "aujourd'hui" (:func:`_deictic_pair`).
* "jusqu'ici" meaning "so far", like "jusqu'à présent", is "until now": its "ici" is TIME
  PRESENT_REF, never a calendar day (:func:`_so_far`); "à ce jour" (to date) likewise.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from kg.extract.temporal.anchoring import (
    _shift_months,
    _week,
    _weekday,
)
from kg.extract.temporal.base import (
    _Cand,
    _Context,
    _is_adjective,
    _rule,
)
from kg.extract.temporal.numbers import _count
from kg.extract.temporal.patterns import (
    _B,
    _E,
    _PART_VALUES,
    _UNIT_RX,
    COLL,
    DAYNUM,
    MOD,
    MODSEP,
    MONTH,
    NUM,
    PART,
    PART_OR_NOON,
    VAGUE,
    WD,
    _alt,
)
from kg.extract.temporal.tense import FUTURE, PAST
from kg.resources.temporal_fr import (
    COMPARISON_LINKS,
    DAY_PARTS,
    GENERIC_DEICTICS,
    MOTION_VERBS,
    REF_WORDS,
    UNITS,
)

_DEICTIC = {"avant-hier": -2, "hier": -1, "aujourd'hui": 0, "aujourd’hui": 0, "demain": 1,
            "après-demain": 2}


@_rule("deictic_day", rf"{_B}(?P<w>avant-hier|après-demain|hier|demain|aujourd['’]hui)"
       rf"(?:\s+(?P<wd>{WD}))?(?:\s*,?\s+(?:(?:en\s+)?(?P<edge>début|fin|milieu)\s+(?:de\s+|d['’])|"
       rf"dans\s+la\s+|au\s+|en\s+)?(?P<part>{PART_OR_NOON}))?{_E}", priority=5)
def _deictic(ctx: _Context, m: re.Match[str]) -> _Cand | None:
    w = m["w"].lower().replace("’", "'")
    part = _PART_VALUES.get(m["part"].lower()) if m["part"] else None
    if m["part"] and "," in ctx.text[m.end("w"):m.start("part")]:
        return _deictic_plain(ctx, m, w)
    return _deictic_value(ctx, m.start(), m.end(), w, part, bool(m["wd"]))


def _deictic_plain(ctx: _Context, m: re.Match[str], w: str) -> _Cand | None:
    end = m.end("wd") if m["wd"] else m.end("w")
    return _deictic_value(ctx, m.start(), end, w, None, bool(m["wd"]))


def _deictic_value(ctx: _Context, start: int, end: int, w: str, part: str | None,
                   with_weekday: bool) -> _Cand:
    if w == "aujourd'hui" and not part and not with_weekday:
        # "Aujourd'hui, …" opening a sentence or set off by commas means "nowadays"
        after = ctx.text[end:end + 2]
        before = ctx.text[max(0, start - 2):start]
        if after.startswith(",") and (ctx.sentence_initial(start) or before.rstrip().endswith(",")):
            return _Cand(start, end, "TIME", "PRESENT_REF", "nowadays")
    typ = "TIME" if part else "DATE"
    if ctx.dct is None:
        return _Cand(start, end, typ, "XXXX-XX-XX" + (part or ""), "deictic_day")
    d = ctx.dct + timedelta(days=_DEICTIC[w])
    return _Cand(start, end, typ, d.isoformat() + (part or ""), "deictic_day", True)


@_rule("this_part", rf"{_B}(?:ce|cet|cette)\s+(?P<part>{PART})(?P<la>-là)?{_E}", priority=4)
def _this_part(ctx: _Context, m: re.Match[str]) -> _Cand | None:
    """ "ce soir" is the evening of the publication date; "ce soir-là" (the demonstrative
    with "-là") points back to the day the text is telling, like "le lendemain"."""
    part = DAY_PARTS[m["part"].lower()]
    if m["la"]:
        def from_ref(ref: date | None) -> str:
            return (ref.isoformat() if ref else "XXXX-XX-XX") + part
        return _Cand(m.start(), m.end(), "TIME", "", "this_part", from_ref=from_ref)
    if ctx.dct is None:
        return _Cand(m.start(), m.end(), "TIME", "XXXX-XX-XX" + part, "this_part")
    return _Cand(m.start(), m.end(), "TIME", ctx.dct.isoformat() + part, "this_part", True)


@_rule("ref_part", rf"{_B}(?:(?P<edge>début|fin|milieu)\s+(?:de\s+|d['’])(?:la\s+|l['’])?|le\s+|la\s+|l['’])"
       rf"(?P<part>{PART})(?:\s+(?:même|suivante?|précédente?))?{_E}", priority=2)
def _ref_part(ctx: _Context, m: re.Match[str]) -> _Cand | None:
    part = DAY_PARTS[m["part"].lower()]
    follows = ctx.text[m.end():m.end() + 25]
    if re.match(r"\s+(?:de|du|des|d['’])\s", follows) and not m["edge"]:
        return None  # "la nuit de Noël", "le soir du drame": a noun phrase, left to others
    suivant = re.search(r"suivante?$", m.group(0), re.I)

    def from_ref(ref: date | None) -> str:
        if ref is None:
            return "XXXX-XX-XX" + part
        return (ref + timedelta(days=1 if suivant else 0)).isoformat() + part
    return _Cand(m.start(), m.end(), "TIME", "", "ref_part", from_ref=from_ref)


@_rule("ref_day", rf"{_B}(?:(?:le|au|du)\s+)?(?P<w>lendemain|surlendemain)(?:\s+(?P<part>{PART}))?{_E}|"
       rf"{_B}(?:la\s+)?(?P<w2>veille)(?:\s+au\s+(?P<part2>{PART}))?{_E}|"
       rf"{_B}(?P<w3>(?:le|ce)\s+(?:même\s+jour|jour\s+même|jour-là))", priority=3)
def _ref_day(ctx: _Context, m: re.Match[str]) -> _Cand | None:
    w = (m["w"] or m["w2"] or m["w3"] or "").lower()
    partw = m["part"] or m["part2"]
    part = DAY_PARTS[partw.lower()] if partw else ""
    shift = {"lendemain": 1, "surlendemain": 2, "veille": -1}.get(w, 0)
    start = m.start()
    g = m.group(0).lower()
    if g.startswith(("au ", "du ")):
        start += 3

    def from_ref(ref: date | None) -> str:
        if ref is None:
            return "XXXX-XX-XX" + part
        return (ref + timedelta(days=shift)).isoformat() + part
    return _Cand(start, m.end(), "TIME" if part else "DATE", "", "ref_day", from_ref=from_ref)


@_rule("this_unit", rf"{_B}(?:cette|ce|cet)\s+(?P<u>semaine|mois(?:-ci)?|année|an|week-end|trimestre|"
       rf"siècle|saison)(?:-ci)?{_E}", priority=3)
def _this_unit(ctx: _Context, m: re.Match[str]) -> _Cand | None:
    return _unit_offset(ctx, m, 0)


@_rule("rel_unit", rf"{_B}(?:la|le|l['’])\s*(?P<u>semaine|mois|année|an|week-end|trimestre|décennie|siècle)"
       rf"\s+(?P<rel>derni(?:er|ère)|prochaine?|passée?|précédente?|suivante?){_E}|"
       rf"{_B}(?:la|le|l['’])\s*(?P<rel2>dernière|prochaine|précédente?)\s+(?P<u2>semaine|année|décennie)"
       rf"{_E}", priority=3)
def _rel_unit(ctx: _Context, m: re.Match[str]) -> _Cand | None:
    rel = (m["rel"] or m["rel2"]).lower()
    return _unit_offset(ctx, m, -1 if rel.startswith(("dern", "pass", "préc")) else 1,
                        unit=m["u"] or m["u2"])


def _unit_offset(ctx: _Context, m: re.Match[str], k: int, unit: str | None = None) -> _Cand | None:
    u = (unit or m["u"]).lower().replace("-ci", "")
    if u == "saison":
        return None
    if ctx.dct is None:
        value = {"semaine": "XXXX-WXX", "mois": "XXXX-XX", "année": "XXXX", "an": "XXXX",
                 "week-end": "XXXX-WXX-WE", "trimestre": "XXXX-QX", "semestre": "XXXX-HX",
                 "décennie": "XXXX", "siècle": "XXXX"}[u]
        return _Cand(m.start(), m.end(), "DATE", value, "rel_unit")
    dct = ctx.dct
    if u == "semaine":
        value = _week(dct + timedelta(weeks=k))
    elif u == "week-end":
        if k == 0:
            tense = ctx.tense(m.start(), m.end())
            sat = _weekday(dct, 6, tense if tense in (PAST, FUTURE) else None)
        else:
            sat = _weekday(dct, 6, PAST if k < 0 else FUTURE, strict=True)
        value = _week(sat) + "-WE"
    elif u == "mois":
        d = _shift_months(dct, k)
        value = f"{d.year}-{d.month:02d}"
    elif u in ("année", "an"):
        value = str(dct.year + k)
    elif u == "trimestre":
        q = (dct.year * 4 + (dct.month - 1) // 3) + k
        value = f"{q // 4}-Q{q % 4 + 1}"
    elif u == "semestre":
        h = (dct.year * 2 + (dct.month - 1) // 6) + k
        value = f"{h // 2}-H{h % 2 + 1}"
    elif u == "décennie":
        value = f"{dct.year // 10 + k}X"  # a decade as TimeBank writes it: 196X
    else:  # siècle
        value = f"{dct.year // 100 + k:02d}XX"
    return _Cand(m.start(), m.end(), "DATE", value, "rel_unit", True)


@_rule("edge_unit", rf"{_B}(?:(?P<det>la|le)\s+)?(?P<edge>fin|début|milieu)\s+"
       rf"(?:de\s+l['’]\s*|du\s+|de\s+la\s+|de\s+(?:cette|ce|cet)\s+|d['’]\s*|de\s+)"
       rf"(?P<u>année|an|mois|semaine|week-end|trimestre|semestre|décennie|siècle)(?!\s*\d)"
       rf"(?:\s+(?P<rel>prochaine?|derni(?:er|ère)|passée?|en\s+cours))?{_E}", priority=4)
def _edge_unit(ctx: _Context, m: re.Match[str]) -> _Cand | None:
    """ "la fin de l'année", "le début de la semaine", "fin de mois", "la fin du siècle":
    the edge of a calendar unit is that unit of the publication date (the TimeBank keeps
    the edge as a mod, out of the value: "fin 2022" is 2022); "la fin de l'année prochaine"
    shifts it. "la fin de la semaine suivante" counts from another date: left alone."""
    if re.match(r"\s+(?:suivante?|précédente?)\b", ctx.text[m.end():], re.I):
        return None
    rel = (m["rel"] or "").lower()
    k = 0 if not rel or rel.startswith("en") else (-1 if rel.startswith(("dern", "pass")) else 1)
    c = _unit_offset(ctx, m, k, unit=m["u"])
    if c is not None:
        c.rule = "edge_unit"
    return c


@_rule("ago", rf"{_B}il\s+y\s+a\s+(?:(?P<mod>{MOD}){MODSEP})?(?P<n>{NUM}|{VAGUE}|{COLL})\s*{_UNIT_RX}{_E}|"
       rf"{_B}il\s+y\s+a\s+(?P<long>longtemps|peu){_E}", priority=5)
def _ago(ctx: _Context, m: re.Match[str]) -> _Cand | None:
    return _offset(ctx, m, -1, "ago")


@_rule("in", rf"{_B}dans\s+(?:(?P<mod>{MOD}){MODSEP})?(?P<n>{NUM}|{COLL})\s*{_UNIT_RX}{_E}(?!\s+(?:de|d['’])\s)",
       priority=1)
def _in(ctx: _Context, m: re.Match[str]) -> _Cand | None:
    return _offset(ctx, m, 1, "in")


def _offset(ctx: _Context, m: re.Match[str], sign: int, rule: str) -> _Cand | None:
    if m.groupdict().get("long"):
        return _Cand(m.start(), m.end(), "DATE", "PAST_REF", rule)
    n = _count(m["n"])
    unit = m["u"].lower()
    code, is_time = UNITS[unit]
    if n is None:
        return _Cand(m.start(), m.end(), "DATE", "PAST_REF" if sign < 0 else "FUTURE_REF", rule)
    if code in ("Q", "6M", "WE"):
        return None
    if ctx.dct is None:
        value = {"Y": "XXXX", "M": "XXXX-XX", "DE": "XXXX", "CE": "XXXX"}.get(code, "XXXX-XX-XX")
        return _Cand(m.start(), m.end(), "DATE", value, rule)
    if n > 5000:
        return None  # beyond any calendar we normalise to
    dct, k = ctx.dct, sign * n
    if is_time:
        value = dct.isoformat()
    elif code == "D":
        value = (dct + timedelta(days=round(k))).isoformat()
    elif code == "W":
        value = (dct + timedelta(weeks=k)).isoformat()
    elif code == "M":
        d = _shift_months(dct, round(k))
        value = f"{d.year}-{d.month:02d}"
    elif code == "Y":
        if dct.year + round(k) < 1:
            return None
        value = f"{dct.year + round(k):04d}"
    elif code == "DE":
        value = f"{dct.year // 10 + round(k)}X"
    elif code == "CE":
        value = f"{dct.year // 100 + round(k):02d}XX"
    else:
        return None
    return _Cand(m.start(), m.end(), "DATE", value, rule, True)


@_rule("ref_word", rf"{_B}(?P<w>{_alt(REF_WORDS)}){_E}")
def _ref_word(ctx: _Context, m: re.Match[str]) -> _Cand | None:
    w = m["w"].lower().replace("’", "'")
    value = REF_WORDS[w] if w in REF_WORDS else REF_WORDS[m["w"].lower()]
    if w.startswith("actuel") and w != "actuellement":
        if not _is_adjective(ctx, m.start(), m.end(), ()):
            return None
    if w in ("avenir", "l'avenir") and m["w"][-6].isupper() and not ctx.sentence_initial(m.start()):
        return None  # "L'Avenir", "Avenir Suisse": names
    start = m.start()
    if w.startswith("à ") and re.search(r"jusqu['’]\s*$", ctx.text[max(0, start - 7):start], re.I):
        start = m.start() + 2  # "jusqu'à présent", "jusqu'à ce jour": "à" goes with "jusqu'"
        while ctx.text[start].isspace():
            start += 1
    return _Cand(start, m.end(), "TIME", value, "ref_word")


@_rule("ref_adjective", rf"{_B}(?P<w>prochaine?s?|futurs?|futures?|nocturnes?){_E}")
def _ref_adjective(ctx: _Context, m: re.Match[str]) -> _Cand | None:
    """ "les prochains mariages", "la future régionalisation": an adjective locating its
    noun in the future (TimeBank FUTURE_REF); "explosions nocturnes": at night (TNI).
    Longer expressions ("lundi prochain", "l'an prochain") win over this rule."""
    w = m["w"].lower()
    nxt = re.match(r"\s+[«\"]?\s*(\w+)", ctx.text[m.end():])
    if w.startswith("nocturne"):
        if not _is_adjective(ctx, m.start(), m.end(), ("le", "la", "les", "un", "une", "des", "du")):
            return None
        return _Cand(m.start(), m.end(), "TIME", "TNI", "ref_adjective")
    if not nxt or not nxt.group(1)[0].islower():
        return None
    prev = re.search(r"(\w+)\s*$", ctx.text[max(0, m.start() - 15):m.start()])
    if not (prev and prev.group(1).lower() in ("le", "la", "les", "l", "un", "une", "des", "ce",
                                                "cette", "ces", "son", "sa", "ses", "leur",
                                                "leurs", "notre", "nos", "du", "au", "aux")) \
            and not ctx.sentence_initial(m.start()):
        return None  # only before its noun, after a determiner: "le prochain sommet"
    if ctx.doc is not None:
        span = ctx.doc.char_span(m.start(), m.end(), alignment_mode="expand")
        if span is not None and len(span) and span[0].pos_ not in ("ADJ", "NOUN"):
            return None
    return _Cand(m.start(), m.end(), "TIME", "FUTURE_REF", "ref_adjective")


@_rule("ici", rf"(?<=d['’])ici(?=\s+(?:le\s+)?{DAYNUM}\s+{MONTH}\b)", priority=1)
def _ici(ctx: _Context, m: re.Match[str]) -> _Cand | None:
    """ "d'ici" is a preposition: the expression after it is the timex ("d'ici <mercredi>",
    "d'ici <la fin de l'année>"). Only before a calendar date does the French TimeBank also
    tag "ici" itself, as the start of the span (the publication date): "d'<ici> <le 30 juin>"."""
    if ctx.dct is None:
        return _Cand(m.start(), m.end(), "DATE", "PRESENT_REF", "ici")
    return _Cand(m.start(), m.end(), "DATE", ctx.dct.isoformat(), "ici", True)


_GENERIC = _alt(GENERIC_DEICTICS)
_LINK = _alt(COMPARISON_LINKS)
_NO_PART = rf"(?!\s*,?\s+(?:au\s+|dans\s+la\s+|en\s+)?{PART_OR_NOON})"


@_rule("deictic_pair", rf"{_B}(?P<a>{_GENERIC})\s+{_LINK}(?:(?<=['’])|\s+)(?P<b>{_GENERIC}){_E}{_NO_PART}|"
       rf"{_B}(?:d['’])?(?P<c1>{_GENERIC})\s*,\s*(?:d['’])?(?P<c2>{_GENERIC})\s*(?:,|\s(?:et|ou)\s)\s*"
       rf"(?:de\s+|d['’])?(?P<c3>{_GENERIC}){_E}{_NO_PART}", priority=6)
def _deictic_pair(ctx: _Context, m: re.Match[str]) -> list[_Cand] | None:
    """*Generic-deictic rule*: days compared with one another without a comma between them
    ("aujourd'hui comme hier", "hier comme aujourd'hui", "aujourd'hui plus qu'hier") or
    listed as the three ages ("hier, aujourd'hui et demain") mean "then" and "now", not two
    days: TIME PAST_REF / PRESENT_REF / FUTURE_REF, as TimeML gives a generic "today". A
    comparison set off by commas ("Hier, comme aujourd'hui, il a plu") stays literal."""
    groups = ("a", "b") if m["a"] else ("c1", "c2", "c3")
    words = [m[g].lower().replace("’", "'") for g in groups]
    if len(set(words)) != len(words):
        return None
    return [_Cand(m.start(g), m.end(g), "TIME", GENERIC_DEICTICS[w], "deictic_pair")
            for g, w in zip(groups, words)]


_MOTION_STEMS = tuple(re.sub(r"(?:er|ir|re|oir)$", "", v) for v in MOTION_VERBS)
_AUX_BEFORE = re.compile(r"\b(?:a|ont|ai|as|avons|avez|avait|avaient|aura|auront|aurait|auraient|"
                         r"est|sont|était|étaient|sera|seront|serait|seraient)\s+"
                         r"(?:(?:pas|jamais|toujours|guère|encore|plus)\s+)?$", re.I)


@_rule("so_far", rf"(?<=jusqu['’])ici{_E}", priority=1)
def _so_far(ctx: _Context, m: re.Match[str]) -> _Cand | None:
    """*So-far rule*: "jusqu'ici" meaning "so far" is "until now": its "ici" is TIME
    PRESENT_REF ("jusqu'" stays out, like "jusqu'à"), never a calendar day. The sense
    needs evidence — set off by a comma or opening the sentence ("Jusqu'ici, aucun accord
    n'a été trouvé"), inside a compound tense ("ont jusqu'ici refusé"), or before a
    participle or adjective ("jusqu'ici épargné") — and no verb of motion ("il est venu
    jusqu'ici": a place)."""
    start = m.start() - 6
    before = ctx.text[max(0, start - 40):start]
    after = ctx.text[m.end():m.end() + 20]
    prev = re.search(r"([^\W\d_]+)\s+(?:(?:même|pas|à\s+pied)\s+)?$", before)
    if ctx.doc is not None:
        span = ctx.doc.char_span(m.start(), m.end(), alignment_mode="expand")
        if span is not None and len(span) and span[0].head.lemma_.lower() in MOTION_VERBS:
            return None
    if prev and prev.group(1).lower().startswith(_MOTION_STEMS) and not _AUX_BEFORE.search(before):
        return None
    detached = re.match(r"\s*(?:,|$|[.;:!?])", after) or ctx.sentence_initial(start)
    compound = _AUX_BEFORE.search(before)
    qualifies = False
    if ctx.doc is not None:
        nxt = ctx.doc.char_span(m.end(), len(ctx.text), alignment_mode="expand")
        tok = next((t for t in nxt if not t.is_space), None) if nxt is not None else None
        qualifies = tok is not None and (tok.pos_ == "ADJ" or "Part" in tok.morph.get("VerbForm"))
    if not (detached or compound or qualifies):
        return None
    return _Cand(m.start(), m.end(), "TIME", "PRESENT_REF", "so_far")
