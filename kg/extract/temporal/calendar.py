"""Calendar dates: day-month dates and day ranges, numeric and ISO dates, months with or
without a year, years, decades, centuries, quarters and halves, the nth weekday of a month.
A date without a year takes the year its clause's tense points to.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from functools import partial

from kg.extract.temporal.anchoring import (
    _DAY_VALUE,
    _day_month,
    _pick_year,
    _shift_months,
    _year_of_two_digits,
)
from kg.extract.temporal.base import (
    _RULES_BY_NAME,
    _Cand,
    _Context,
    _rel_sign,
    _rule,
)
from kg.extract.temporal.patterns import (
    _B,
    _E,
    DAYNUM,
    EDGE,
    MONTH,
    PART,
    REL,
    WD,
    YEAR2,
    YEAR4,
    _alt,
)
from kg.extract.temporal.tense import FUTURE, PAST
from kg.resources.temporal_fr import (
    DAY_PARTS,
    FUNCTION_WORDS_IN_S,
    MONTHS,
    QUANTITY_UNITS,
    SEASONS,
    WEEKDAYS,
)


@_rule("date_dm", rf"{_B}(?:(?P<det>les?|ce|cette)\s+)?(?:(?P<wd>{WD})\s+)?(?P<d>{DAYNUM})\s+"
       rf"(?P<m>{MONTH})(?:\s+(?P<y>{YEAR4}|{YEAR2}))?(?:\s+(?P<rel>{REL}))?"
       rf"(?:\s+(?:au\s+|dans\s+la\s+|en\s+)?(?P<part>{PART}))?{_E}", priority=5)
def _date_dm(ctx: _Context, m: re.Match[str]) -> _Cand | None:
    day = 1 if m["d"].lower() in ("1er", "1ᵉʳ", "premier") else int(m["d"])
    month = MONTHS[m["m"].lower()]
    part = DAY_PARTS.get(m["part"].lower()) if m["part"] else None
    anchored = False
    if m["y"]:
        yy = m["y"].lstrip("'’")
        year = int(yy) if len(yy) == 4 else _year_of_two_digits(int(yy), ctx.dct)
        try:
            value = date(year, month, day).isoformat()
        except ValueError:
            return None
    elif ctx.dct is not None:
        sign = _rel_sign(m["rel"])
        wd = WEEKDAYS[m["wd"].lower()] if m["wd"] else None
        d = _weekday_agreement(ctx.dct, wd, month, day, sign) if wd else None
        if d is None:
            tense = PAST if sign < 0 else FUTURE if sign > 0 else ctx.tense(m.start(), m.end())
            d = _day_month(ctx.dct, month, day, tense, strict=bool(sign))
        if d is None:
            return None
        value, anchored = d.isoformat(), True
        if not sign:  # "le 3 mars" may take the year the text is talking about
            suffix = part or ""
            if wd:
                reyear, tense = partial(_agreeing_day, month=month, day=day, wd=wd, suffix=suffix), None
            else:
                reyear = partial(_day_in_year, month=month, day=day, suffix=suffix)
            return _Cand(m.start(), m.end(), "TIME" if part else "DATE", value + suffix, "date_dm", anchored,
                         reyear=reyear, tense=tense)
    else:
        try:
            date(2000, month, day)  # a leap year: accepts 29 February
        except ValueError:
            return None
        value = f"XXXX-{month:02d}-{day:02d}"
    typ = "DATE"
    if part:
        value, typ = value + part, "TIME"
    return _Cand(m.start(), m.end(), typ, value, "date_dm", anchored)


def _day_in_year(year: int, month: int, day: int, suffix: str) -> str | None:
    try:
        return date(year, month, day).isoformat() + suffix
    except ValueError:
        return None


def _agreeing_day(year: int, month: int, day: int, wd: int, suffix: str) -> str | None:
    """The day in ``year`` if its weekday is the one named, else None (the weekday agreement rule wins)."""
    try:
        d = date(year, month, day)
    except ValueError:
        return None
    return d.isoformat() + suffix if d.isoweekday() == wd else None


# the weekdays of a given day and month come back in the same order every 28 years at most
_CALENDAR_CYCLE = 28


def _weekday_agreement(dct: date, wd: int, month: int, day: int, sign: int = 0) -> date | None:
    """*Weekday agreement rule*: a day and month named with their weekday ("mardi 3 juin",
    "le jeudi 12 septembre") are in the year whose calendar puts that day on that weekday,
    the one nearest the publication date, whatever the tense ("mardi 3 juin" in an article of
    Monday 2 June 2025 is 2025-06-03, not 2024-06-03, a Monday). None when no year within a
    calendar cycle agrees (an impossible date such as "lundi 30 février"), then the tense
    decides. "dernier"/"prochain" (``sign``) keep the year on the side they name, within a
    year. A weekday that disagrees with a written year is left as written (the year wins)."""
    found = []
    for y in range(dct.year - _CALENDAR_CYCLE, dct.year + _CALENDAR_CYCLE + 1):
        try:
            d = date(y, month, day)
        except ValueError:
            continue
        if d.isoweekday() == wd and (sign == 0 or 0 < sign * (d - dct).days <= 366):
            found.append(d)
    return min(found, key=lambda d: (abs(d.toordinal() - dct.toordinal()), d < dct)) if found else None


@_rule("day_range", rf"{_B}(?:(?P<det>les|le|du)\s+)?(?P<d1>{DAYNUM})(?P<sep>\s*(?:et|au|-|à|,)\s*"
       rf"(?:le\s+)?)(?P<d2>{DAYNUM})\s+(?P<m>{MONTH})(?:\s+(?P<y>{YEAR4}))?"
       rf"(?:\s+(?P<rel>{REL}))?{_E}", priority=6)
def _day_range(ctx: _Context, m: re.Match[str]) -> list[_Cand] | None:
    """ "les 6 et 13 avril", "du 19 au 23 juillet": the first day borrows the month."""
    second = _RULES_BY_NAME["date_dm"][0].match(ctx.text, m.start("d2"), m.end())
    if second is None:
        return None
    c2 = _date_dm(ctx, second)
    if c2 is None:
        return None
    day = 1 if m["d1"].lower() in ("1er", "1ᵉʳ", "premier") else int(m["d1"])
    vd = _DAY_VALUE.match(c2.value)
    # "les 6": the determiner stays in the tag; "du 19": the preposition stays out
    start = m.start("d1") if (m["det"] or "").lower() == "du" else m.start()
    try:
        if vd:
            y, mo = int(vd[1]), int(vd[2])
            if day > int(vd[3]):  # "du 28 au 3 mars": previous month
                y, mo = divmod(y * 12 + mo - 2, 12)
                mo += 1
            value = date(y, mo, day).isoformat()
        elif day < int(c2.value[8:10]):
            value = c2.value[:8] + f"{day:02d}"
        else:
            return [c2]
    except ValueError:
        return None
    return [_Cand(start, m.end("d1"), "DATE", value, "day_range", c2.anchored), c2]


@_rule("date_numeric", r"(?<![\d/.])(?P<d>[0-3]?\d)[/.](?P<m>[01]?\d)[/.](?P<y>\d{4}|\d{2})(?![\d/.]\d)",
       priority=5)
def _date_numeric(ctx: _Context, m: re.Match[str]) -> _Cand | None:
    y = int(m["y"]) if len(m["y"]) == 4 else _year_of_two_digits(int(m["y"]), ctx.dct)
    try:
        d = date(y, int(m["m"]), int(m["d"]))
    except ValueError:
        return None
    return _Cand(m.start(), m.end(), "DATE", d.isoformat(), "date_numeric")


@_rule("date_iso", r"(?<![\d-])(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})(?![\d])", priority=5)
def _date_iso(ctx: _Context, m: re.Match[str]) -> _Cand | None:
    try:
        d = date(int(m["y"]), int(m["m"]), int(m["d"]))
    except ValueError:
        return None
    return _Cand(m.start(), m.end(), "DATE", d.isoformat(), "date_iso")


@_rule("month_year", rf"{_B}(?:(?P<edge>{EDGE})\s*)?(?:(?:le\s+)?mois\s+d(?:e\s+|['’]))?"
       rf"(?P<m>{MONTH})\s+(?P<y>{YEAR4}|['’]?\d{{2}}(?![\d,.]\d)(?!\s*(?:%|€|h\b|heures|ans|jours)))"
       rf"{_E}", priority=4)
def _month_year(ctx: _Context, m: re.Match[str]) -> _Cand | None:
    yy = m["y"].lstrip("'’")
    year = int(yy) if len(yy) == 4 else _year_of_two_digits(int(yy), ctx.dct)
    month = MONTHS[m["m"].lower()]
    return _Cand(m.start(), m.end(), "DATE", f"{year}-{month:02d}", "month_year")


@_rule("month", rf"{_B}(?:(?P<edge>{EDGE})\s*)?(?:(?P<mois>(?:le\s+)?mois\s+d(?:e\s+|['’])))?"
       rf"(?P<m>{MONTH})(?:\s+(?P<rel>{REL}))?{_E}", priority=3)
def _month(ctx: _Context, m: re.Match[str]) -> _Cand | None:
    word = m["m"]
    # A capitalised month name inside a sentence is a name (the planet Mars, "Mai" as a
    # first name), unless the whole text around it is in capitals (a headline).
    if (word[0].isupper() and not word.isupper() and not m["mois"] and not m["edge"]
            and not m["rel"] and not ctx.sentence_initial(m.start("m"))):
        return None
    month = MONTHS[word.lower()]
    if ctx.dct is None:
        return _Cand(m.start(), m.end(), "DATE", f"XXXX-{month:02d}", "month")
    sign = _rel_sign(m["rel"])
    tense = PAST if sign < 0 else FUTURE if sign > 0 else ctx.tense(m.start(), m.end())
    year = _pick_year(ctx.dct, month, tense, strict=bool(sign))
    return _Cand(m.start(), m.end(), "DATE", f"{year}-{month:02d}", "month", True,
                 reyear=None if sign else (lambda y, month=month: f"{y}-{month:02d}"), tense=tense)


@_rule("year", rf"(?<![\d.,/'’])(?<![^\W\d]-)(?:(?P<edge>{EDGE})\s*)?(?:(?P<an>l['’]an(?:née)?|en\s+l['’]an)\s+)?"
       rf"(?P<y>{YEAR4})(?![.,]\d|\d|\s*-\s*\d{{2}}(?!\d))")
def _year(ctx: _Context, m: re.Match[str]) -> _Cand | None:
    after = ctx.text[m.end():m.end() + 20]
    nxt = re.match(r"\s*([^\s\w]|\w+)", after)
    if nxt:
        w = nxt.group(1).lower()
        if w in QUANTITY_UNITS or (w.endswith("s") and len(w) > 2 and w not in FUNCTION_WORDS_IN_S
                                   and not m["an"] and not m["edge"]):
            return None  # "2000 habitants", "1500 €": a count, not a year
    before = ctx.text[max(0, m.start() - 12):m.start()].lower()
    if re.search(r"(?:n°|\bno|\bnuméro|\bcode|\bboîte|\bbp|\bcs)\s*$", before):
        return None
    if re.search(r"\d[\s ]$", before):
        return None  # "1 200": a number with a thousands separator
    start = m.start()
    if m["an"] and m["an"].lower().startswith("en"):
        start = m.start("an") + 3  # "en l'an 2000": the preposition stays out
    return _Cand(start, m.end(), "DATE", m["y"], "year")


_DECADE_WORDS = {"vingt": 2, "trente": 3, "quarante": 4, "cinquante": 5, "soixante": 6,
                 "soixante-dix": 7, "quatre-vingt": 8, "quatre-vingts": 8, "quatre-vingt-dix": 9}


@_rule("decade", rf"{_B}(?:(?P<edge>(?:(?:la|le)\s+)?(?:début|fin|milieu))\s+(?:des|de)\s+|(?P<det>les)\s+)?années\s+"
       rf"(?P<d>(?:19|20)?\d0|{_alt(_DECADE_WORDS)}){_E}", priority=4)
def _decade(ctx: _Context, m: re.Match[str]) -> _Cand | None:
    d = m["d"].lower()
    if d in _DECADE_WORDS:
        value = f"19{_DECADE_WORDS[d]}X"
    elif len(d) == 4:
        value = d[:3] + "X"
    else:  # "les années 60" is the 1960s; "les années 00/10" this century's
        value = ("20" if d in ("00", "10") else "19") + d[0] + "X"
    return _Cand(m.start(), m.end(), "DATE", value, "decade")


_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50}


def _roman(s: str) -> int:
    total = 0
    for a, b in zip(s, s[1:] + " "):
        v = _ROMAN[a]
        total += -v if b != " " and _ROMAN.get(b, 0) > v else v
    return total


@_rule("century", r"(?<![\w-])(?:(?P<edge>(?:(?:[Ll]a|[Ll]e)\s+)?(?:[Dd]ébut|[Ff]in|[Mm]ilieu)\s+du)\s+|"
       r"(?P<det>[Ll]e)\s+)?"
       r"(?P<r>[IVXL]{1,6}|\d{1,2})(?:e|è|ème|eme)\s+siècle\b", priority=4, flags=0)
def _century(ctx: _Context, m: re.Match[str]) -> _Cand | None:
    n = int(m["r"]) if m["r"].isdigit() else _roman(m["r"])
    if not 1 <= n <= 30:
        return None
    # the French TimeBank writes a century with its two digits and XX: "XIXe siècle" 18XX
    return _Cand(m.start(), m.end(), "DATE", f"{n - 1:02d}XX", "century")


_ORDINALS = {"premier": 1, "1er": 1, "deuxième": 2, "second": 2, "2e": 2, "2ème": 2, "troisième": 3, "3e": 3,
             "3ème": 3, "quatrième": 4, "4e": 4, "4ème": 4}


@_rule("quarter", rf"{_B}(?:(?P<det>le|ce)\s+)?(?P<o>{_alt(_ORDINALS)})\s+(?P<u>trimestre|semestre)"
       rf"(?:\s+(?:(?:de\s+l['’]année|de\s+l['’]an)\s+)?(?P<y>{YEAR4}))?{_E}", priority=4)
def _quarter(ctx: _Context, m: re.Match[str]) -> _Cand | None:
    """ "le premier trimestre 2021" → 2021-Q1, "au second semestre" → H2 of the year the
    clause's tense points to (a past quarter not yet reached belongs to last year)."""
    n = _ORDINALS[m["o"].lower()]
    letter, count = ("Q", 4) if m["u"].lower() == "trimestre" else ("H", 2)
    if n > count:
        return None
    if m["y"]:
        return _Cand(m.start(), m.end(), "DATE", f"{m['y']}-{letter}{n}", "quarter")
    if ctx.dct is None:
        return _Cand(m.start(), m.end(), "DATE", f"XXXX-{letter}{n}", "quarter")
    current = (ctx.dct.month - 1) * count // 12 + 1
    tense = ctx.tense(m.start(), m.end())
    year = ctx.dct.year
    if tense == PAST and n > current:
        year -= 1
    elif tense == FUTURE and n < current:
        year += 1
    return _Cand(m.start(), m.end(), "DATE", f"{year}-{letter}{n}", "quarter", True)


_SEASON_START = {"SP": (3, 20), "SU": (6, 21), "FA": (9, 22), "WI": (12, 21)}  # (month, day) of the solstice/equinox


@_rule("nth_weekday", rf"{_B}(?:(?P<det>le)\s+)?(?P<o>premier|1er|deuxième|second|troisième|quatrième|dernier)\s+"
       rf"(?P<wd>{_alt(WEEKDAYS)})\s+(?:du\s+mois\s+)?(?:de\s+|d['’]|du\s+)"
       rf"(?P<m>{MONTH}|{_alt(SEASONS)})(?:\s+(?P<y>{YEAR4}))?{_E}", priority=5)
def _nth_weekday(ctx: _Context, m: re.Match[str]) -> _Cand | None:
    """ "le premier dimanche de septembre", "le dernier jeudi de novembre 2024", "le premier
    dimanche du printemps": the nth weekday from the month's (season's) first day, or the
    last one before its end; the year from the text, else by tense."""
    wd = WEEKDAYS[m["wd"].lower()]
    word = m["m"].lower()
    if word in SEASONS:
        code = SEASONS[word][0]
        month, first_day = _SEASON_START[code]
    else:
        month, first_day = MONTHS[word], 1
    if m["y"]:
        year = int(m["y"])
    elif ctx.dct is None:
        return None
    else:
        year = _pick_year(ctx.dct, month, ctx.tense(m.start(), m.end()))
    order = m["o"].lower()
    if order == "dernier":
        if word in SEASONS:
            return None
        end = _shift_months(date(year, month, 1), 1) - timedelta(days=1)
        day = end - timedelta(days=(end.isoweekday() - wd) % 7)
    else:
        n = {"premier": 1, "1er": 1, "deuxième": 2, "second": 2, "troisième": 3, "quatrième": 4}[order]
        start = date(year, month, first_day)
        day = start + timedelta(days=(wd - start.isoweekday()) % 7 + 7 * (n - 1))
    return _Cand(m.start(), m.end(), "DATE", day.isoformat(), "nth_weekday", not m["y"])
