"""Days and their hours: weekdays (by tense, as a set with "le", relative to another day with
"suivant"), nights and parts of a named day, clock times, noon and midnight.
"""

from __future__ import annotations

import re
from datetime import date

from kg.extract.temporal.anchoring import (
    _DAY_VALUE,
    _weekday,
)
from kg.extract.temporal.base import (
    _RULES_BY_NAME,
    _Cand,
    _Context,
    _rel_sign,
    _rule,
)
from kg.extract.temporal.calendar import _date_dm, _day_range
from kg.extract.temporal.patterns import (
    _B,
    _E,
    _PART_VALUES,
    DAYNUM,
    MONTH,
    PART,
    PART_OR_NOON,
    WD,
    YEAR4,
)
from kg.extract.temporal.tense import FUTURE, PAST, PRESENT
from kg.resources.temporal_fr import (
    DAY_PARTS,
    WEEKDAYS,
)


@_rule("weekday", rf"{_B}(?:(?P<det>ce|le|cette)\s+(?P<meme>même\s+)?)?(?P<wd>{WD})"
       rf"(?:\s+(?P<rel>dernier|prochain|passé|suivant|précédent))?"
       rf"(?:\s+(?:(?P<edge>en\s+(?:début|fin)\s+d['’]|au\s+|dans\s+la\s+)?(?P<part>{PART_OR_NOON})))?{_E}",
       priority=3)
def _weekday_rule(ctx: _Context, m: re.Match[str]) -> _Cand | None:
    wd = WEEKDAYS[m["wd"].lower()]
    det = (m["det"] or "").lower()
    part = _PART_VALUES.get(m["part"].lower()) if m["part"] else None
    after = ctx.text[m.end():m.end() + 12]
    if det == "le" and not m["rel"] and not m["meme"] and not re.match(r"\s*\d", after):
        # "le mercredi" without a date: every Wednesday
        return _Cand(m.start(), m.end(), "SET", f"XXXX-WXX-{wd}" + (part or ""), "weekday_set")
    typ = "TIME" if part else "DATE"
    suffix = part or ""
    sign = _rel_sign(m["rel"])
    if m["rel"] and m["rel"].lower() in ("suivant", "précédent"):
        def from_ref(ref: date | None, wd: int = wd, sign: int = sign) -> str:
            if ref is None:
                return f"XXXX-WXX-{wd}{suffix}"
            d = _weekday(ref, wd, PAST if sign < 0 else FUTURE, strict=True)
            return d.isoformat() + suffix
        return _Cand(m.start(), m.end(), typ, "", "weekday_rel", from_ref=from_ref)
    if m["meme"]:
        def same(ref: date | None, wd: int = wd) -> str:
            if ref is not None and ref.isoweekday() == wd:
                return ref.isoformat() + suffix
            return f"XXXX-WXX-{wd}{suffix}" if ctx.dct is None else \
                _weekday(ctx.dct, wd, ctx.tense(m.start(), m.end())).isoformat() + suffix
        return _Cand(m.start(), m.end(), typ, "", "weekday_same", from_ref=same)
    if ctx.dct is None:
        return _Cand(m.start(), m.end(), typ, f"XXXX-WXX-{wd}{suffix}", "weekday")
    before = ctx.text[max(0, m.start() - 30):m.start()]
    if re.search(r"aujourd['’]hui\s*,?\s*$", before, re.I):
        return None  # part of "aujourd'hui vendredi"
    tense = PAST if sign < 0 else FUTURE if sign > 0 else ctx.tense(m.start(), m.end())
    if tense == PRESENT:
        tense = FUTURE  # news tell past days in the passé composé: a present is a schedule
    d = _weekday(ctx.dct, wd, tense, strict=bool(sign))
    return _Cand(m.start(), m.end(), typ, d.isoformat() + suffix, "weekday", True)


@_rule("night_of", rf"{_B}(?:la\s+)?nuit\s+(?:de|du)\s+(?P<wd>{WD})\s+(?:à|au)\s+(?P<wd2>{WD}){_E}",
       priority=6)
def _night_of(ctx: _Context, m: re.Match[str]) -> _Cand | None:
    wd = WEEKDAYS[m["wd"].lower()]
    if ctx.dct is None:
        return _Cand(m.start(), m.end(), "TIME", f"XXXX-WXX-{wd}TNI", "night_of")
    d = _weekday(ctx.dct, wd, ctx.tense(m.start(), m.end()))
    return _Cand(m.start(), m.end(), "TIME", d.isoformat() + "TNI", "night_of", True)


@_rule("part_of_day", rf"{_B}(?P<det>la|le|l['’])\s*(?P<part>{PART})\s+(?:du|de)\s+"
       rf"(?P<rest>(?:{WD}\s+)?{DAYNUM}|{WD}){_E}", priority=6)
def _part_of_day(ctx: _Context, m: re.Match[str]) -> _Cand | None:
    """A part of a named day: "la soirée du 31 décembre" (TEV), "la matinée de lundi"
    (TMO), "la nuit du 3 au 4 août 2022" and "la nuit du 31 décembre au 1er janvier"
    (TNI of the first day, one tag over the whole phrase). The day is resolved as it would
    be alone (tense for a weekday or a date without a year)."""
    part = DAY_PARTS[m["part"].lower()]
    pos = m.start("rest")
    if not re.match(r"\d|1er|premier", m["rest"], re.I) and \
            not re.match(rf"{WD}\s+{DAYNUM}", m["rest"], re.I):
        sub = _RULES_BY_NAME["weekday"][0].match(ctx.text, pos)
        if sub is None or sub["part"] or sub["det"]:
            return None
        c = _weekday_rule(ctx, sub)
        end = sub.end()
        if c is None or not c.value or re.match(rf"\s+(?:à|au)\s+{WD}", ctx.text[end:], re.I):
            return None  # "la nuit de samedi à dimanche": the night_of rule
    else:
        rng = _RULES_BY_NAME["day_range"][0].match(ctx.text, pos)
        if rng is not None and rng["sep"].strip().lower() in ("au", "à"):
            res = _day_range(ctx, rng)
            if not res or len(res) < 2:
                return None
            c, end = res[0], rng.end()
        else:
            sub = _RULES_BY_NAME["date_dm"][0].match(ctx.text, pos)
            if sub is None or sub["part"] or sub["det"]:
                return None
            c = _date_dm(ctx, sub)
            end = sub.end()
            tail = re.match(rf"\s+au\s+(?:{WD}\s+)?{DAYNUM}\s+{MONTH}(?:\s+{YEAR4})?{_E}", ctx.text[end:], re.I)
            if tail:  # "la nuit du 31 décembre au 1er janvier"
                end += tail.end()
        if c is None or not (_DAY_VALUE.match(c.value) or c.value.startswith("XXXX")):
            return None
    return _Cand(m.start(), end, "TIME", c.value[:10] + part, "part_of_day", c.anchored)


@_rule("clock", r"(?<![\w,.])(?:(?P<mod>vers|aux\s+alentours\s+de|autour\s+de)\s+)?(?P<h>[01]?\d|2[0-4])"
       r"\s*(?:h|H|heures?)(?:\s*(?P<mi>[0-5]\d))?(?![\w'’])(?:\s+(?P<loc>locales?|GMT|heure\s+locale|"
       r"heure\s+de\s+Paris|heure\s+française))?", priority=4)
def _clock(ctx: _Context, m: re.Match[str]) -> _Cand | None:
    h, mi = int(m["h"]), int(m["mi"] or 0)
    word = re.search(r"heures?", m.group(0), re.I) is not None
    before = ctx.text[max(0, m.start() - 25):m.start()]
    after = ctx.text[m.end():m.end() + 12]
    if re.match(r"\s*(?:/|sur)\s*(?:24|7)\b", after):
        return None  # "24 h/24": around the clock
    if re.search(r"(?:pendant|durant|en|les|des|ces|de|plus\s+de|moins\s+de|près\s+de|dernières?)\s*$",
                 before, re.I) and not re.search(r"\b(?:de|à)\s*$", before) or (word and not re.search(
                     r"(?:\bà|\bvers|\bdès|jusqu['’]à|\bavant|\baprès|\bde|\bet|\bjusqu['’]à)\s*$", before, re.I)):
        if word:
            return None  # left to the duration rule
        if not re.search(r"\b(?:de|à|dès)\s*$", before, re.I):
            value = f"PT{h}H{mi}M" if mi else f"PT{h}H"
            return _Cand(m.start("h"), m.end(), "DURATION", value, "clock_duration")
    if h == 24 and mi:
        return None
    hhmm = f"T{h:02d}:{mi:02d}"
    start = m.start()

    def from_ref(ref: date | None, hhmm: str = hhmm) -> str:
        return (ref.isoformat() if ref else "XXXX-XX-XX") + hhmm
    return _Cand(start, m.end(), "TIME", "", "clock", from_ref=from_ref)


@_rule("noon", r"(?<![\w-])(?:(?P<mod>vers)\s+)?(?P<w>midi|minuit)(?![\w-])", priority=1)
def _noon(ctx: _Context, m: re.Match[str]) -> _Cand | None:
    w = m["w"]
    if w[0].isupper() and not ctx.sentence_initial(m.start("w")):
        return None  # "le Midi": the South of France
    hhmm = "T12:00" if w.lower() == "midi" else "T24:00"

    def from_ref(ref: date | None) -> str:
        return (ref.isoformat() if ref else "XXXX-XX-XX") + hhmm
    return _Cand(m.start(), m.end(), "TIME", "", "noon", from_ref=from_ref)
