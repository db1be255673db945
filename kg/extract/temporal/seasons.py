"""Seasons ("l'été", "au printemps 2026", "les mois d'été") and holidays (fixed feasts and
the movable feasts counted from Easter).
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from kg.extract.temporal.anchoring import (
    _choose,
    _easter,
)
from kg.extract.temporal.base import (
    _adjective_follows,
    _Cand,
    _Context,
    _rel_sign,
    _rule,
)
from kg.extract.temporal.patterns import (
    _B,
    _E,
    YEAR4,
    _alt,
)
from kg.extract.temporal.tense import FUTURE, PAST, PRESENT
from kg.resources.temporal_fr import (
    EASTER_HOLIDAYS,
    FIXED_HOLIDAYS,
    SEASONS,
)

_SEASON_PAIR = r"(?:printemps|été|eté|ete|automne|hiver)\s+(?:comme|et|ou)\s+(?:printemps|été|automne|hiver)"


_AVOIR_BEFORE = re.compile(r"\b(?:a|ont|ai|as|avons|avez|avait|avaient|aura|auront|aurait|auraient|"
                           r"avoir|ayant|eût|eut)\s+(?:\w+\s+)?$", re.I)


@_rule("season", rf"{_B}(?:(?P<edge>(?:(?:la|le)\s+)?(?:début|fin|milieu)\s+(?:de\s+l['’]\s*|du\s+))|"
       rf"(?P<det>l['’]|cet|ce|le|au|du|en)\s*)?(?P<s>printemps|été|eté|ete|automne|hiver)"
       rf"(?:\s+(?P<y>{YEAR4}))?(?:\s+(?P<rel>dernier|prochain|passé))?{_E}", priority=2)
def _season(ctx: _Context, m: re.Match[str]) -> _Cand | None:
    """A season needs a determiner ("l'été", "cet hiver", "le printemps"), a preposition
    ("en automne", "au printemps", "du printemps prochain": left out of the tag), a year
    ("printemps 2025") or "dernier"/"prochain": bare "été" is the past participle of "être",
    and "Jeux d'hiver" classifies rather than dates. The idiom "été comme hiver" names both
    seasons. "le début de l'été" keeps its edge inside the tag (a mod, out of the value).
    Without a year, the clause's tense picks it: past the latest at or before the
    publication date, future (and conditional) the next one."""
    s = m["s"].lower()
    if m["s"][0].isupper() and not m["s"].isupper() and not ctx.sentence_initial(m.start("s")) \
            and not (m["det"] or m["edge"] or "").strip()[:1].isupper():
        return None  # "le Printemps": a name (a shop, a festival)
    det = (m["det"] or "").lower().replace("’", "'")
    if m["edge"]:
        det = "l'"
    in_pair = bool(re.match(rf"{_SEASON_PAIR}\b", ctx.text[m.start("s"):], re.I)
                   or re.search(rf"{_SEASON_PAIR}$", ctx.text[max(0, m.start() - 30):m.end()], re.I))
    if not det and not in_pair and not m["y"] and not m["rel"]:
        return None
    if not det and s != "printemps" and _AVOIR_BEFORE.search(ctx.text[max(0, m.start() - 25):m.start()]):
        return None  # "il a été dernier", "avait été 2000 fois": the verb "être"
    if re.match(r"\s+(?:de|du|des|d['’])\s*(?!\d)[\w«]", ctx.text[m.end():]) and not m["y"]:
        return None  # "le Printemps de Bourges", "le printemps de l'environnement": an event
    if s == "printemps" and not m["rel"] and not m["y"] and _adjective_follows(ctx, m.end()):
        return None  # "le printemps arabe": a movement named after the season
    code, first = SEASONS[s.replace("eté", "été")]
    start = m.start("s") if det in ("en", "au", "du") else m.start()
    if m["y"]:
        return _Cand(start, m.end(), "DATE", f"{m['y']}-{code}", "season")
    if ctx.dct is None:
        return _Cand(start, m.end(), "DATE", f"XXXX-{code}", "season")
    sign = _rel_sign(m["rel"])
    if not sign and det in ("en", "au", "") and ctx.tense(m.start(), m.end()) in (PRESENT, None):
        return _Cand(start, m.end(), "DATE", f"XXXX-{code}", "season")  # generic: "en été"
    tense = PAST if sign < 0 else FUTURE if sign > 0 else ctx.tense(m.start(), m.end())
    if det in ("cet", "ce") and not sign:
        tense = None
    # a season is "current" from its first month to two months later
    cands = [(y, y * 12 + first) for y in (ctx.dct.year - 1, ctx.dct.year, ctx.dct.year + 1)]
    ref = ctx.dct.year * 12 + ctx.dct.month
    inside = [c for c in cands if c[1] <= ref <= c[1] + 2]
    edge = (m["edge"] or "").lower()
    if inside and not sign and (det in ("cet", "ce") or tense != PAST or "début" in edge):
        year = inside[0][0]  # "depuis le début de l'été", said in summer: this summer
    else:
        # past tense during the season itself means the previous one ("l'été a été…")
        cands = [c for c in cands if not (inside and tense == PAST and c in inside)] or cands
        year = _choose(cands, ref, tense, strict=bool(sign))
    return _Cand(start, m.end(), "DATE", f"{year}-{code}", "season", True)


@_rule("season_months", rf"{_B}(?:les\s+)?mois\s+d['’](?P<s>été|hiver|automne)\b", priority=3)
def _season_months(ctx: _Context, m: re.Match[str]) -> _Cand | None:
    return _Cand(m.start(), m.end(), "DATE", f"XXXX-{SEASONS[m['s'].lower()][0]}", "season")


_HOLIDAYS = {**{k: ("fixed", v) for k, v in FIXED_HOLIDAYS.items()},
             **{k: ("easter", v) for k, v in EASTER_HOLIDAYS.items()}}


@_rule("holiday", rf"(?<![\w-])(?:(?P<det>cette|la)\s+(?:fête\s+(?:de\s+(?:la\s+)?|du\s+))?)?"
       rf"(?P<h>{_alt(_HOLIDAYS)})(?:\s+(?P<y>{YEAR4}))?{_E}", priority=3)
def _holiday(ctx: _Context, m: re.Match[str]) -> _Cand | None:
    h = m["h"]
    key = h.lower().replace("’", "'")
    if key not in _HOLIDAYS:
        return None
    if h[0].islower() and key not in ("jour de l'an",):
        return None  # holidays are written with a capital: "l'ascension" is a climb
    after = ctx.text[m.end():m.end() + 20]
    if re.match(r"\s+[A-ZÉ][a-zé]", after) and not m["det"]:
        return None  # "Noël Mamère": a first name
    kind, spec = _HOLIDAYS[key]
    # "cette fête de Pentecôte" is tagged whole; "la" alone stays out ("à la Toussaint")
    keep_det = m["det"] and ("fête" in m.group(0).lower() or m["det"].lower() == "cette")
    start = m.start() if keep_det else m.start("h")

    def on(year: int) -> date:
        if kind == "fixed":
            mo, dd = spec  # type: ignore[misc]
            return date(year, mo, dd)
        return _easter(year) + timedelta(days=spec)  # type: ignore[arg-type]

    if m["y"]:
        return _Cand(start, m.end(), "DATE", on(int(m["y"])).isoformat(), "holiday")
    if ctx.dct is None:
        if kind == "fixed":
            mo, dd = spec  # type: ignore[misc]
            return _Cand(start, m.end(), "DATE", f"XXXX-{mo:02d}-{dd:02d}", "holiday")
        return None
    tense = ctx.tense(m.start(), m.end())
    cands = [(d, d.toordinal()) for d in (on(y) for y in (ctx.dct.year - 1, ctx.dct.year,
                                                          ctx.dct.year + 1))]
    d = _choose(cands, ctx.dct.toordinal(), tense)
    return _Cand(start, m.end(), "DATE", d.isoformat(), "holiday", True)  # type: ignore[union-attr]
