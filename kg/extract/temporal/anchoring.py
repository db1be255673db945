"""Date arithmetic and the choice of a date by tense: among the candidate dates of a weekday,
a day-month or a month, the one a clause's tense points to from the publication date.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from kg.extract.temporal.tense import FUTURE, PAST


def _shift_months(d: date, months: int) -> date:
    y, m = divmod(d.year * 12 + d.month - 1 + months, 12)
    return date(y, m + 1, min(d.day, 28))


def _easter(year: int) -> date:
    """Gregorian Easter Sunday (anonymous Gregorian algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    el = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * el) // 451
    month, day = divmod(h + el - 7 * m + 114, 31)
    return date(year, month, day + 1)


def _choose(cands: list[tuple[object, int]], ref: int, tense: str | None,
            strict: bool = False) -> object:
    """Pick among (value, ordinal) candidates the one a tense points to from ref.

    Past: the latest at or before ref; future: the earliest at or after; otherwise the
    nearest (ties go to the future). ``strict`` excludes ref itself ("vendredi dernier").
    """
    if tense == PAST:
        ok = [c for c in cands if c[1] < ref or (c[1] == ref and not strict)]
        if ok:
            return max(ok, key=lambda c: c[1])[0]
    elif tense == FUTURE:
        ok = [c for c in cands if c[1] > ref or (c[1] == ref and not strict)]
        if ok:
            return min(ok, key=lambda c: c[1])[0]
    return min(cands, key=lambda c: (abs(c[1] - ref), c[1] < ref))[0]


def _day_month(dct: date, month: int, day: int, tense: str | None, strict: bool) -> date | None:
    """ "le 3 mars" in the year its tense points to. *Nearest rule*: without tense evidence
    (None, or a present) it is the nearest 3 March, before or after the publication date —
    never more than half a year away, since the candidates are a year apart."""
    cands = []
    for y in (dct.year - 1, dct.year, dct.year + 1):
        try:
            d = date(y, month, day)
        except ValueError:
            continue
        cands.append((d, d.toordinal()))
    return _choose(cands, dct.toordinal(), tense, strict) if cands else None  # type: ignore[return-value]


def _pick_year(dct: date, month: int, tense: str | None, strict: bool = False) -> int:
    cands = [(y, y * 12 + month) for y in (dct.year - 1, dct.year, dct.year + 1)]
    return _choose(cands, dct.year * 12 + dct.month, tense, strict)  # type: ignore[return-value]


def _weekday(dct: date, wd: int, tense: str | None, strict: bool = False) -> date:
    cands = [(d, d.toordinal()) for k in range(-7, 8)
             if (d := dct + timedelta(days=k)).isoweekday() == wd]
    return _choose(cands, dct.toordinal(), tense, strict)  # type: ignore[return-value]


def _year_of_two_digits(yy: int, dct: date | None) -> int:
    pivot = (dct.year if dct else 2000) + 10
    y = (pivot // 100) * 100 + yy
    return y - 100 if y > pivot else y


def _week(d: date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y}-W{w:02d}"


_DAY_VALUE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")
