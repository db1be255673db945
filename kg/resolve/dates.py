"""Dates as day intervals: what a TIMEX3 value or a publication date covers.

Resolution compares dates at their granularity ("2024-06" covers 19 June), and the network
exports widen partial dates the same way, so both use :func:`interval`.
"""

from __future__ import annotations

import calendar
import re
from datetime import date
from functools import lru_cache

_DATE = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?")


def interval(value: str | None) -> tuple[str, str] | None:
    """The ISO day interval a (possibly partial) date denotes, or None.

    ``2024-06-18`` → (2024-06-18, 2024-06-18); ``2023-09`` → (2023-09-01, 2023-09-30);
    ``2024`` → (2024-01-01, 2024-12-31); a dateTime keeps its day; anything else → None.
    """
    m = _DATE.match(value or "")
    if not m:
        return None
    year, month, day = m.groups()
    try:
        if day:
            date(int(year), int(month), int(day))
            return f"{year}-{month}-{day}", f"{year}-{month}-{day}"
        if month:
            last = calendar.monthrange(int(year), int(month))[1]
            return f"{year}-{month}-01", f"{year}-{month}-{last:02d}"
    except ValueError:
        return None
    return f"{year}-01-01", f"{year}-12-31"


@lru_cache(maxsize=65536)
def days(value: str | None) -> tuple[int, int] | None:
    """The interval of :func:`interval` as proleptic day ordinals (for arithmetic), or None."""
    span = interval(value)
    if span is None:
        return None
    return date.fromisoformat(span[0]).toordinal(), date.fromisoformat(span[1]).toordinal()


def gap(a: tuple[int, int], b: tuple[int, int]) -> int:
    """Days between two intervals: 0 when they overlap."""
    return max(0, max(a[0], b[0]) - min(a[1], b[1]))


@lru_cache(maxsize=65536)
@lru_cache(maxsize=8192)  # a pure function of the value, asked for every mention of every cluster
def precision(value: str | None) -> int:
    """3 for a day, 2 for a month, 1 for a year, 0 for anything else."""
    span = days(value)
    if span is None:
        return 0
    width = span[1] - span[0]
    return 3 if width == 0 else 2 if width < 32 else 1
