"""What users type for a parameter, resolved the same way by ``kg query``, ``kg claims``,
``kg export`` and the query page: dates (ISO or French words, with ``dateparser``), date ranges,
topics (ids, French and English labels, plurals, fuzzy) and the "did you mean" of a miss.
Every failure is one :class:`~kg.errors.InputError` line naming the parameter."""

from __future__ import annotations

import re

from rapidfuzz import fuzz, process

from kg.errors import InputError
from kg.resolve.dates import interval

__all__ = ["date", "date_range", "did_you_mean", "topic"]

_ISO = re.compile(r"^\d{4}(?:-\d{1,2}(?:-\d{1,2})?)?$")
_PRECISION = {"year": 4, "month": 7, "day": 10}
_HINT = "2024, 2024-06, 2024-06-18, « juin 2024 », « 15/09/2023 », « hier »"


def date(value: str, name: str) -> str:
    """An ISO date of the precision the user gave: "2024-06" and "juin 2024" → "2024-06",
    "15/09/2023" → "2023-09-15", "hier" → yesterday. An impossible ISO date ("2024-13",
    "2024-02-30") is an error, never reinterpreted."""
    text = value.strip()
    if _ISO.match(text):
        if interval(text) is None:
            raise InputError(f"{name}: {value!r} is not a calendar date ({_HINT})")
        return text
    from dateparser.date import DateDataParser

    found = DateDataParser(languages=["fr", "en"], settings={"PREFER_DATES_FROM": "past", "DATE_ORDER": "DMY"}
                           ).get_date_data(text)
    if found is None or found.date_obj is None:
        raise InputError(f"{name}: {value!r} is not a date ({_HINT})")
    return found.date_obj.date().isoformat()[: _PRECISION.get(found.period or "day", 10)]


def date_range(since: str | None, until: str | None, names: tuple[str, str] = ("--since", "--until")
               ) -> tuple[str | None, str | None]:
    """Both ends resolved, and an error when the range is empty (since after until)."""
    s = date(since, names[0]) if since else None
    u = date(until, names[1]) if until else None
    if s and u and interval(s)[0] > interval(u)[1]:
        raise InputError(f"{names[0]} {s} is after {names[1]} {u}: no date is in that range")
    return s, u


def did_you_mean(value: str, names: list[str], limit: int = 3) -> str:
    """", did you mean 'Vladimir Poutine'?" for the closest names, or "" when none is close."""
    best = process.extract(value, sorted(set(names)), scorer=fuzz.WRatio, limit=limit, score_cutoff=70)
    return f"; did you mean {' or '.join(repr(n) for n, *_ in best)}?" if best else ""


def topic(value: str, name: str = "--topic") -> str:
    """The topic id of the SKOS scheme a user means (id, French or English label, plural; fuzzy)."""
    from kg.extract.topics import TopicScheme

    scheme = TopicScheme.load()
    found = scheme.find(value)
    if found is None:
        labels = [scheme.label(t) for t in scheme.concepts]
        hint = did_you_mean(value, labels) or f"; topics: {', '.join(sorted(labels))}"
        raise InputError(f"{name}: unknown topic {value!r}{hint}")
    return found
