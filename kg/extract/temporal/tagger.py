"""The rule table, candidate selection and discourse resolution, and :func:`extract_timexes`.

Every rule family registers its rules by name (:func:`kg.extract.temporal.base._rule`);
:data:`RULE_TABLE` gives the order in which they run. The order matters only to break a
tie between two candidates of the same span length and priority that start at the same
place: the earlier rule wins.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterator
from datetime import date
from typing import TYPE_CHECKING

# importing a rule family registers its rules
from kg.extract.temporal import calendar as _calendar  # noqa: F401
from kg.extract.temporal import days as _days  # noqa: F401
from kg.extract.temporal import deictic as _deictic  # noqa: F401
from kg.extract.temporal import durations as _durations  # noqa: F401
from kg.extract.temporal import seasons as _seasons  # noqa: F401
from kg.extract.temporal.anchoring import _DAY_VALUE
from kg.extract.temporal.base import _RULES_BY_NAME, _Cand, _Context
from kg.extract.temporal.guard import guarded
from kg.extract.temporal.patterns import _B, _E, _alt
from kg.extract.temporal.tense import FUTURE, PAST
from kg.records import TimeExpr
from kg.resources.temporal_fr import IDIOMS

if TYPE_CHECKING:
    from spacy.tokens import Doc

RULE_TABLE: tuple[str, ...] = (
    "date_dm", "day_range", "date_numeric", "date_iso", "month_year", "month", "year", "decade",
    "century", "season", "season_months", "weekday", "night_of", "part_of_day", "deictic_day",
    "this_part", "ref_part", "ref_day", "this_unit", "rel_unit", "edge_unit", "ago", "in",
    "duration", "last_units", "half_unit", "duration_compound", "period_noun", "clock", "noon",
    "set_every", "set_per", "quarter", "nth_weekday", "set_adverb", "set_adj", "ref_word",
    "ref_adjective", "whole_unit", "ici", "holiday", "deictic_pair", "so_far",
)
if set(RULE_TABLE) != set(_RULES_BY_NAME):  # a rule added to a family but not to the table
    raise RuntimeError(f"rule table out of step: {sorted(set(RULE_TABLE) ^ set(_RULES_BY_NAME))}")
# each pattern with a guard on its first character (kg.extract.temporal.guard): same matches
_RULES: list[tuple[str, re.Pattern[str], Callable[..., object], int]] = [
    (name, guarded(rx), fn, prio) for name in RULE_TABLE for rx, fn, prio in [_RULES_BY_NAME[name]]]

# *Idiom rule*: nothing inside a fixed phrase that names no time ("du jour au lendemain",
# "d'ici là"; the list is data) is tagged.
_IDIOM_RX = re.compile(rf"{_B}{_alt(IDIOMS)}{_E}", re.IGNORECASE)


def _candidates(ctx: _Context) -> list[_Cand]:
    out: list[_Cand] = []
    for name, rx, fn, prio in _RULES:
        for m in rx.finditer(ctx.text):
            if m.end() <= m.start():
                continue
            try:
                res = fn(ctx, m)
            except (OverflowError, ValueError):
                continue  # *calendar edge rule*: a value beyond year 1 or 9999 is not tagged
            if res is None:
                continue
            for c in (res if isinstance(res, list) else [res]):
                c.priority = max(c.priority, prio)
                out.append(c)
    return out


def _trim(c: _Cand, text: str) -> _Cand | None:
    """Drop surrounding spaces and punctuation from a candidate's span."""
    s, e = c.start, c.end
    while s < e and not (text[s].isalnum() or text[s] in "'’"):
        s += 1
    while e > s and not text[e - 1].isalnum():
        e -= 1
    if s >= e:
        return None
    c.start, c.end = s, e
    return c


def _select(cands: list[_Cand]) -> list[_Cand]:
    """Longest match wins; on equal length the rule with the higher priority."""
    chosen: list[_Cand] = []
    taken: list[tuple[int, int]] = []
    for c in sorted(cands, key=lambda c: (-(c.end - c.start), -c.priority, c.start)):
        if any(s < c.end and c.start < e for s, e in taken):
            continue
        chosen.append(c)
        taken.append((c.start, c.end))
    return sorted(chosen, key=lambda c: c.start)


def _resolve_refs(ctx: _Context, cands: list[_Cand]) -> list[_Cand]:
    """Give discourse-anchored expressions the day of the last full date before them.

    Within one sentence a date after the expression also counts ("Vers 0 h 40, jeudi").
    """
    resolved: list[_Cand] = []
    days: list[tuple[int, date, bool]] = []  # (position, day, anchored)

    def day_of(c: _Cand) -> date | None:
        if c.type not in ("DATE", "TIME"):
            return None
        md = _DAY_VALUE.match(c.value)
        if not md:
            return None
        try:
            return date(int(md[1]), int(md[2]), int(md[3]))
        except ValueError:
            return None

    fixed = [(c.start, d, c.anchored) for c in cands if c.from_ref is None and (d := day_of(c))]
    for c in cands:
        if c.from_ref is not None:
            s0, s1 = ctx.sentence(c.start)
            prev = [x for x in days if x[0] < c.start]
            same_after = [x for x in fixed if c.end <= x[0] < s1]
            if prev and prev[-1][0] >= s0:
                ref = prev[-1]
            elif same_after:
                ref = same_after[0]
            elif prev:
                ref = prev[-1]
            else:
                ref = (c.start, ctx.dct, True) if ctx.dct else None
            try:
                c.value = c.from_ref(ref[1] if ref else None)
            except (OverflowError, ValueError):
                c.value = ""  # calendar edge rule: "le lendemain" of 9999-12-31 is dropped
            c.anchored = bool(ref and ref[2])
            c.from_ref = None
        d = day_of(c)
        if d is not None:
            days.append((c.start, d, c.anchored))
        resolved.append(c)
    return resolved


# a year after these is a bound of a span that reaches elsewhere ("depuis 2022"), not the period the text is in
_BOUND_BEFORE = re.compile(r"(?:\bdepuis|\bdès|\bjusqu['’]\s*(?:en|à|au)?|\bavant|\baprès|\bà\s+partir\s+d[e'’]|"
                           r"\bd['’]\s*ici)\s*(?:l['’]\s*an(?:née)?\s*|la\s+fin\s+d[e'’]\s*)?$", re.I)
_YEAR_VALUE = re.compile(r"^\d{4}(?:-|$)")


def _fits_tense(value: str, tense: str | None, dct: date) -> bool:
    """``value`` lies on the side of the publication date the tense points to (at its own granularity)."""
    day = value[:10]
    ref = dct.isoformat()[:len(day)]
    if tense == PAST:
        return day <= ref
    if tense == FUTURE:
        return day >= ref
    return True


def _carry_years(ctx: _Context, cands: list[_Cand]) -> None:
    """*Year carry rule*: a month or a day-month without a year ("l'indice de décembre", "le
    3 mars") whose year the tense chose takes instead the year of the date just before it when
    the text is still talking about that period: that date names its year ("en 2022",
    "l'année 2022", "en décembre 2022", "le 3 juin 2021") or carried one itself, it is the
    latest date expression before it, in the same sentence or the sentence just before, in the
    same paragraph, and it is not a bound ("depuis 2022", "jusqu'en 2022", "avant 2020": a span
    reaching elsewhere). The carried date must agree with the clause's tense (a past is not
    after the publication date, a future not before it) and with a named weekday; otherwise the
    tense's choice stands. An expression anchored on the publication date in between ("hier",
    "cette année", "en janvier" resolved by tense) breaks the chain: the text is back in the
    story's time."""
    if ctx.dct is None:
        return
    last: tuple[_Cand, bool] | None = None  # the latest date with a year, and whether it can lend it
    for c in cands:
        if c.type not in ("DATE", "TIME") or c.from_ref is not None or not _YEAR_VALUE.match(c.value):
            continue
        carried = False
        if c.reyear is not None and last is not None and last[1]:
            src = last[0]
            between = ctx.text[src.end:c.start]
            near = bisect.bisect_right(ctx.sent_starts, c.start) - bisect.bisect_right(ctx.sent_starts, src.start) <= 1
            if near and "\n" not in between:
                value = c.reyear(int(src.value[:4]))
                if value is not None and _fits_tense(value, c.tense, ctx.dct):
                    c.value, c.rule, carried = value, c.rule + "+year_carry", True
        lends = carried or (not c.anchored and not _BOUND_BEFORE.search(ctx.text[max(0, c.start - 25):c.start]))
        last = (c, lends)


def extract_timexes(text: str, published: str | None, doc: Doc | None = None,
                    junk: tuple[tuple[int, int], ...] = ()) -> Iterator[TimeExpr]:
    """Yield the TIMEX3 expressions of a French text, in text order, without overlaps.

    ``published`` is the ISO publication date used to resolve relative expressions;
    without it they get X placeholders (``XXXX-06-18``) and no year is invented.
    ``doc``, a spaCy Doc over exactly ``text``, lends its morphology to decide tense.
    Nothing overlapping a ``junk`` span is yielded.
    """
    if not text:
        return
    ctx = _Context(text, published, doc)
    cands = [t for c in _candidates(ctx) if (t := _trim(c, text)) is not None]
    cands = [c for c in cands if not any(s < c.end and c.start < e for s, e in junk)]
    idioms = [(m.start(), m.end()) for m in _IDIOM_RX.finditer(text)]
    cands = [c for c in cands if not any(s < c.end and c.start < e for s, e in idioms)]
    cands = _select(cands)
    _carry_years(ctx, cands)
    for c in _resolve_refs(ctx, cands):
        if not c.value:
            continue
        yield TimeExpr(start=c.start, end=c.end, text=text[c.start:c.end], type=c.type,
                       value=c.value, rule=c.rule, anchored=c.anchored)
