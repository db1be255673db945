"""Numbers and units: French numbers in digits or words, collective counts ("une dizaine"),
and ISO 8601 durations for a count of units.
"""

from __future__ import annotations

import re

from kg.resources.temporal_fr import (
    COLLECTIVES,
    NUMBER_WORDS,
    UNITS,
)


def _word_number(s: str) -> float | None:
    """Value of a French number in digits or words ("vingt et un", "30,4")."""
    s = s.strip().lower()
    if re.fullmatch(r"\d+(?:[,.]\d+)?", s):
        return float(s.replace(",", "."))
    s = re.sub(r"quatre-vingts?", " 80 ", s).replace("-", " ")
    total = current = 0
    for w in s.split():
        if w == "et":
            continue
        if w == "80":
            current += 80
        elif w in ("cent", "cents"):
            current = (current or 1) * 100
        elif w == "mille":
            total += (current or 1) * 1000
            current = 0
        elif w in NUMBER_WORDS:
            current += NUMBER_WORDS[w]
        else:
            return None
    return float(total + current)


def _num_text(n: float) -> str:
    return str(int(n)) if n == int(n) else str(n)


def _duration_value(n: float | None, unit: str) -> str:
    """ISO 8601 duration for n units; None gives the X placeholder (PXD)."""
    code, is_time = UNITS[unit.lower()]
    if code == "Q":
        code, n = "M", (None if n is None else n * 3)
    elif code == "6M":
        code, n = "M", (None if n is None else n * 6)
    elif code == "WE":
        return "PXWE" if n is None else f"P{_num_text(n)}WE"
    elif code == "CE" and n is not None:  # "un siècle" P100Y, like "un demi-siècle" P50Y
        code, n = "Y", n * 100
    if n is not None and n != int(n):
        # a fraction goes to the next smaller unit, ISO 8601 style: "un an et demi" P1Y6M,
        # "deux heures et demie" PT2H30M, "une demi-journée" PT12H
        whole, frac = int(n), n - int(n)
        smaller = {"Y": ("M", 12, False), "H": ("M", 60, True), "D": ("H", 24, True),
                   "M": ("S", 60, True) if is_time else None, "DE": ("Y", 10, False)}.get(code)
        if smaller is not None and (frac * smaller[1]) == int(frac * smaller[1]):
            code2, k, time2 = smaller
            parts = ([(code, whole, is_time)] if whole else []) + [(code2, int(frac * k), time2)]
            return _iso_duration(parts)
    q = "X" if n is None else _num_text(n)
    return f"PT{q}{code}" if is_time else f"P{q}{code}"


def _iso_duration(parts: list[tuple[str, float, bool]]) -> str:
    """ISO 8601 duration from (designator, count, is a time unit) parts, largest first."""
    date_part = "".join(f"{_num_text(n)}{c}" for c, n, t in parts if not t)
    time_part = "".join(f"{_num_text(n)}{c}" for c, n, t in parts if t)
    return "P" + date_part + ("T" + time_part if time_part else "")


def _count(text: str) -> float | None:
    t = text.lower().strip()
    for c, v in COLLECTIVES.items():
        if c in t:
            return None if t.startswith("des") else float(v)
    return _word_number(t)
