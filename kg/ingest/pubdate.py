"""The publication date of an article, when its own text states it.

:func:`infer_published` is the last resort of :func:`kg.ingest.reader.read_article`
(after the ``published`` argument, the sidecar and the HTML metadata). It only
accepts phrases that state *when the text was written*, never a date the text
merely mentions: "Le rapport publié le 12 mars 2021" or "depuis le mardi 12
septembre 2023" give nothing. Each rule below is tried in order and the first
match wins; a rule that names a weekday must agree with the calendar.

Rules, in order of priority:

``published_label``
    A capitalised "Publié le", "Publiée le", "Paru le" or "Mis en ligne le" at the
    start of a line (or after a ``|``, ``•``, ``·`` or dash separator), followed by
    a full date: "Publié le 12/09/2023 à 10h30", "Publié le 12 septembre 2023".
``dateline``
    An agency-style dateline starting one of the first five non-blank lines: a
    capitalised place, a comma, a full date, an optional "(AFP)", then a dash,
    a colon or the end of the line: "PARIS, 15 septembre 2023 (AFP) -".
``updated_label``
    "Mis à jour le", "Mise à jour le", "Modifié le", "Actualisé le" with the same
    layout as ``published_label``: the text existed at that date at the latest.
``demonstrative_weekday``
    "ce" + weekday + full date: "a déclaré ce vendredi 15 septembre 2023".
    Not after "jusqu'à", "dès", "d'ici", "à partir de", "avant" (a deadline,
    not today). A future tense ("aura lieu ce vendredi ...") can still fool it.

A full date has a day, a month and a year: "15 septembre 2023", "1er mars 2024",
"15/09/2023", "15.09.23" (two-digit years are 20xx), "2023-09-15". Dates without a
year ("ce 18 juin") are never completed.
"""

from __future__ import annotations

import datetime as dt
import re

__all__ = ["MONTHS", "WEEKDAYS", "infer_published"]

# Month names and the usual abbreviations of French newspapers, without accents too.
MONTHS: dict[str, int] = {
    "janvier": 1, "janv.": 1, "janv": 1,
    "février": 2, "fevrier": 2, "févr.": 2, "fevr.": 2, "févr": 2, "fév.": 2,
    "mars": 3,
    "avril": 4, "avr.": 4, "avr": 4,
    "mai": 5,
    "juin": 6,
    "juillet": 7, "juil.": 7, "juil": 7,
    "août": 8, "aout": 8,
    "septembre": 9, "sept.": 9, "sept": 9,
    "octobre": 10, "oct.": 10, "oct": 10,
    "novembre": 11, "nov.": 11, "nov": 11,
    "décembre": 12, "decembre": 12, "déc.": 12, "dec.": 12, "déc": 12,
}  # fmt: skip

WEEKDAYS: dict[str, int] = {
    "lundi": 0, "mardi": 1, "mercredi": 2, "jeudi": 3, "vendredi": 4, "samedi": 5, "dimanche": 6,
}  # fmt: skip


def _alternation(words: dict[str, int]) -> str:
    # Longest first, so that "sept." wins over "sept" and "septembre" over both.
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


_MONTH = rf"(?P<month>(?i:{_alternation(MONTHS)}))"
_WEEKDAY = rf"(?P<weekday>(?i:{_alternation(WEEKDAYS)}))"
# The month alternation may end with a dot, so it is closed by a lookahead, not \b.
_TEXT_DATE = (
    rf"(?P<day>1er|[12]\d|3[01]|0?[1-9])\s+{_MONTH}(?![^\W\d_])\s+(?P<year>(?:19|20)\d{{2}})\b"
)
_NUM_DATE = r"(?P<nday>[0-3]?\d)[/.](?P<nmonth>[01]?\d)[/.](?P<nyear>(?:19|20)\d{2}|\d{2})\b"
_ISO_DATE = r"(?P<iyear>(?:19|20)\d{2})-(?P<imonth>[01]\d)-(?P<iday>[0-3]\d)(?:\b|(?=T\d))"
_DATE = rf"(?:{_WEEKDAY}\s+)?(?:{_TEXT_DATE}|{_NUM_DATE}|{_ISO_DATE})"
_TIME = r"(?:,?[ \t]+(?:à|a)[ \t]+\d{1,2}[ \t]*[h:][ \t]*(?:\d{2})?)?"
_LINE_START = r"(?:^|(?<=[|•·–—-] ))[ \t]*"

_PUBLISHED_LABEL = re.compile(
    rf"{_LINE_START}(?:Publié|Publiée|PUBLIÉ|Paru|Mis en ligne)(?:\s+(?i:le))?\s*:?\s+{_DATE}{_TIME}",
    re.MULTILINE,
)
_UPDATED_LABEL = re.compile(
    rf"{_LINE_START}(?:Mis à jour|Mise à jour|MIS À JOUR|Modifié|Actualisé)(?:\s+(?i:le))?\s*:?\s+"
    rf"{_DATE}{_TIME}",
    re.MULTILINE,
)
_DATELINE = re.compile(
    r"^[ \t]*[A-ZÀ-Ý][\w'’.-]*(?:[ -](?:(?:de|du|des|la|le|les|sur|en)[ -]|[dl]['’])?[A-ZÀ-Ý][\w'’.-]*){0,3}"
    rf",\s*(?:le\s+)?{_DATE}(?:\s*\([A-Z][\w .-]{{0,20}}\))?(?=\s*(?:[-–—:]|$))",
    re.MULTILINE,
)
_DEMONSTRATIVE = re.compile(
    rf"\b[Cc]e\s+{_WEEKDAY}\s+(?:{_TEXT_DATE}|{_NUM_DATE}|{_ISO_DATE})"
)
# Prepositions that turn "ce vendredi 15 ..." into a deadline or a start, not today.
_NOT_TODAY = re.compile(r"(?:jusqu['’]à|dès|d['’]ici|à partir de|avant|pour)\s*$", re.IGNORECASE)

_DATELINE_LINES = 5


def _to_date(m: re.Match[str]) -> dt.date | None:
    """The calendar date of a match of ``_DATE``, or None if it does not exist."""
    g = m.groupdict()
    try:
        if g.get("day"):
            day = 1 if g["day"] == "1er" else int(g["day"])
            date = dt.date(int(g["year"]), MONTHS[g["month"].lower()], day)
        elif g.get("nday"):
            year = int(g["nyear"])
            date = dt.date(year + 2000 if year < 100 else year, int(g["nmonth"]), int(g["nday"]))
        else:
            date = dt.date(int(g["iyear"]), int(g["imonth"]), int(g["iday"]))
    except ValueError:  # 31 février, 15/13/2023
        return None
    weekday = g.get("weekday")
    if weekday and WEEKDAYS[weekday.lower()] != date.weekday():
        return None  # "vendredi 14 septembre 2023": the text contradicts itself
    return date


def _first(pattern: re.Pattern[str], text: str, end: int | None = None) -> tuple[str, tuple[int, int]] | None:
    for m in pattern.finditer(text, 0, len(text) if end is None else end):
        if pattern is _DEMONSTRATIVE and _NOT_TODAY.search(text, max(0, m.start() - 20), m.start()):
            continue
        date = _to_date(m)
        if date is not None:
            start = m.start() + len(m.group()) - len(m.group().lstrip())
            return date.isoformat(), (start, m.end())
    return None


def _dateline_zone_end(text: str) -> int:
    """Offset of the end of the first ``_DATELINE_LINES`` non-blank lines."""
    seen, pos = 0, 0
    while pos < len(text):
        newline = text.find("\n", pos)
        end = len(text) if newline < 0 else newline
        if text[pos:end].strip():
            seen += 1
            if seen == _DATELINE_LINES:
                return end
        pos = end + 1
    return len(text)


def infer_published(text: str) -> tuple[str, tuple[int, int]] | None:
    """The ISO date at which ``text`` says it was written, with the evidence's offsets.

    ``text[start:end]`` is the phrase that states the date ("ce vendredi 15 septembre
    2023", "Publié le 12/09/2023 à 10h"). Returns None when no rule applies: a date
    is never guessed from a date the text merely mentions.
    """
    for pattern in (_PUBLISHED_LABEL, _DATELINE, _UPDATED_LABEL, _DEMONSTRATIVE):
        end = _dateline_zone_end(text) if pattern is _DATELINE else None
        found = _first(pattern, text, end)
        if found is not None:
            return found
    return None
