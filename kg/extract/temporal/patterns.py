"""Regular-expression pieces shared by the rule families: word boundaries, month, weekday
and day-part alternations, day numbers, years, edges, numbers in digits and words, units
and quantity modifiers.
"""

from __future__ import annotations

import re

from kg.resources.temporal_fr import (
    COLLECTIVES,
    DAY_PARTS,
    MONTHS,
    NUMBER_WORDS,
    UNITS,
    VAGUE_QUANTIFIERS,
    WEEKDAYS,
)


def _alt(words: object) -> str:
    """A regex alternation of words, longest first, apostrophes either way."""
    out = []
    for w in sorted(set(words), key=len, reverse=True):  # type: ignore[arg-type]
        # one substitution: replacing "'" then "’" would rewrite the class just written
        out.append(re.sub("['’]", "['’]", re.escape(w)))
    return "(?:" + "|".join(out) + ")"


_B = r"(?<![\w-])"  # left word boundary that also refuses "-mai" in "8-Mai"
_E = r"(?![\w-])"  # right word boundary
MONTH = _alt(m for m in MONTHS if not m.endswith("."))
WD = _alt(WEEKDAYS)
PART = _alt(DAY_PARTS)
# a day's part or its noon/midnight: "samedi soir", "samedi midi" (one TIME); "Midi" with a
# capital is the South of France
PART_OR_NOON = rf"(?:{PART}|(?-i:midi|minuit|MIDI|MINUIT))"
_PART_VALUES = {**DAY_PARTS, "midi": "T12:00", "minuit": "T24:00"}
DAYNUM = r"(?:1er|1ᵉʳ|premier|3[01]|[12]\d|0?[1-9])(?!\d)"
YEAR4 = r"(?:1\d{3}|20\d{2})(?![\d])"
YEAR2 = r"['’]?\d{2}(?=\s*[,.;:)»]|\s*$|\s+(?:à|au|dans|sur|en|et|,)\b)"
REL = r"(?:derni(?:er|ère)s?|prochaine?s?|passée?s?)"
# "début octobre", "fin 2022", "la fin du mois de juin": the edge and its article stay
# inside the tag (TimeBank keeps the edge as a mod, out of the value)
EDGE = (r"(?:(?:(?:la|le)\s+)?(?:fin|début|milieu)\s+(?:de|du|d['’])|début|fin|mi-|mi|courant|milieu)")
_NUMW = _alt(list(NUMBER_WORDS) + ["dix-sept", "dix-huit", "dix-neuf", "quatre-vingt",
                                   "quatre-vingts", "soixante-dix", "quatre-vingt-dix"])
NUMWORDS = rf"(?:{_NUMW}(?:(?:-et-|\s+et\s+|-|\s+)(?:un|une|onze|{_NUMW}))*)"
NUM = rf"(?:\d+(?:[,.]\d+)?|{NUMWORDS})"
VAGUE = _alt(VAGUE_QUANTIFIERS)
COLL = rf"(?:une|des)\s+{_alt(COLLECTIVES)}s?\s+d(?:e\s+|['’]\s*)"
UNIT = _alt(UNITS)
MOD = (r"(?:environ|près\s+de|presque|plus\s+de|moins\s+de|au\s+moins|au\s+plus|"
       r"quelque|pas\s+moins\s+de|bien\s+plus\s+de|un\s+peu\s+plus\s+de|quasiment|"
       r"pratiquement|à\s+peine|tout\s+juste|seulement|juste|"
       r"(?:bien\s+|un\s+peu\s+)?(?:plus|moins|près)\s+d['’])")  # elided: "plus d'une heure"
MODSEP = r"(?:\s+|(?<=['’]))"  # after a modifier: a space, or nothing after an apostrophe
_UNIT_RX = rf"(?P<u>{UNIT})"  # the unit group shared by duration-like rules
