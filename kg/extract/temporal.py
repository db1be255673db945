"""French temporal tagger: TIMEX3 expressions normalised against the publication date.

:func:`extract_timexes` finds dates, times, durations and sets with our own French
patterns (regular expressions over the text, checked against a few rules of French
grammar), then normalises them. Spans follow the French TimeBank conventions:
prepositions ("en", "depuis", "dès", "du") stay outside the tag, determiners and
modifiers that are part of the expression ("le 30 juin", "l'an prochain", "vers 22 h",
"début octobre", "il y a une semaine") stay inside.

Relative expressions are resolved against the publication date (``published``):
weekdays, bare months and day-month dates take the tense of their clause — past tense
picks the most recent such day at or before the publication date, future the next one,
present the nearest. With a spaCy ``Doc`` the tense comes from the governing verb's
morphology; without one, from verb endings around the expression.
Clock times and "le soir", "le lendemain" take their day from the last full date
mentioned before them (the TimeBank reading), else from the publication date.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING

from kg.records import TimeExpr
from kg.resources.temporal_fr import (
    COLLECTIVES,
    DAY_PARTS,
    EASTER_HOLIDAYS,
    FIXED_HOLIDAYS,
    FREQUENCY_ADJECTIVES,
    FUNCTION_WORDS_IN_S,
    MONTHS,
    NUMBER_WORDS,
    PERIOD_NOUNS,
    PERSON_NOUNS,
    QUANTITY_UNITS,
    REF_WORDS,
    SEASONS,
    UNITS,
    VAGUE_QUANTIFIERS,
    WEEKDAYS,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

__all__ = ["extract_timexes"]

PAST, FUTURE, PRESENT = "past", "future", "present"

# --------------------------------------------------------------------------- patterns


def _alt(words: object) -> str:
    """A regex alternation of words, longest first, apostrophes either way."""
    out = []
    for w in sorted(set(words), key=len, reverse=True):  # type: ignore[arg-type]
        out.append(re.escape(w).replace("'", "['’]").replace("’", "['’]"))
    return "(?:" + "|".join(out) + ")"


_B = r"(?<![\w-])"  # left word boundary that also refuses "-mai" in "8-Mai"
_E = r"(?![\w-])"  # right word boundary
MONTH = _alt(m for m in MONTHS if not m.endswith("."))
WD = _alt(WEEKDAYS)
PART = _alt(DAY_PARTS)
DAYNUM = r"(?:1er|1ᵉʳ|premier|3[01]|[12]\d|0?[1-9])(?!\d)"
YEAR4 = r"(?:1\d{3}|20\d{2})(?![\d])"
YEAR2 = r"['’]?\d{2}(?=\s*[,.;:)»]|\s*$|\s+(?:à|au|dans|sur|en|et|,)\b)"
REL = r"(?:derni(?:er|ère)s?|prochaine?s?|passée?s?)"
EDGE = r"(?:début|fin|mi-|mi|courant|milieu|fin\s+de|début\s+de|fin\s+d['’])"
_NUMW = _alt(list(NUMBER_WORDS) + ["dix-sept", "dix-huit", "dix-neuf", "quatre-vingt",
                                   "quatre-vingts", "soixante-dix", "quatre-vingt-dix"])
NUMWORDS = rf"(?:{_NUMW}(?:(?:-et-|\s+et\s+|-|\s+)(?:un|une|onze|{_NUMW}))*)"
NUM = rf"(?:\d+(?:[,.]\d+)?|{NUMWORDS})"
VAGUE = _alt(VAGUE_QUANTIFIERS)
COLL = rf"(?:une|des)\s+{_alt(COLLECTIVES)}s?\s+d(?:e\s+|['’]\s*)"
UNIT = _alt(UNITS)
MOD = (r"(?:environ|près\s+de|presque|plus\s+de|moins\s+de|au\s+moins|au\s+plus|"
       r"quelque|pas\s+moins\s+de|bien\s+plus\s+de|un\s+peu\s+plus\s+de|quasiment|"
       r"pratiquement|à\s+peine|tout\s+juste|seulement|juste)")


# --------------------------------------------------------------------------- numbers


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
    if n is not None and n != int(n):  # "un an et demi" → P18M
        if code == "Y":
            code, n = "M", n * 12
        elif code == "H":
            code, n = "M", n * 60
        elif code == "D":
            code, n, is_time = "H", n * 24, True
    q = "X" if n is None else _num_text(n)
    return f"PT{q}{code}" if is_time else f"P{q}{code}"


# --------------------------------------------------------------------------- dates


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

# --------------------------------------------------------------------------- candidates


@dataclass
class _Cand:
    start: int
    end: int
    type: str
    value: str
    rule: str
    anchored: bool = False
    priority: int = 0
    # Expressions whose day comes from the discourse ("22 h", "le lendemain") carry a
    # function of the reference day instead of a final value.
    from_ref: Callable[[date | None], str] | None = None


class _Context:
    """The article, its publication date, and lazily computed sentence and tense facts."""

    def __init__(self, text: str, published: str | None, doc: Doc | None):
        self.text = text
        self.dct: date | None = None
        if published:
            try:
                self.dct = date.fromisoformat(published[:10])
            except ValueError:
                self.dct = None
        self.doc = doc if doc is not None and doc.text == text else None
        if self.doc is not None:
            self.sents = [(s.start_char, s.end_char) for s in self.doc.sents]
            self.tok_starts = [t.idx for t in self.doc]
        else:
            self.sents = _regex_sentences(text)
            self.tok_starts = []
        self.sent_starts = [s for s, _ in self.sents]
        self._regex_sents: list[tuple[int, int]] | None = None

    def regex_sentence(self, pos: int) -> tuple[int, int]:
        if self._regex_sents is None:
            self._regex_sents = _regex_sentences(self.text)
        starts = [s for s, _ in self._regex_sents]
        i = bisect.bisect_right(starts, pos) - 1
        return self._regex_sents[i] if i >= 0 else (0, len(self.text))

    def sentence(self, pos: int) -> tuple[int, int]:
        i = bisect.bisect_right(self.sent_starts, pos) - 1
        return self.sents[i] if i >= 0 else (0, len(self.text))

    def sentence_initial(self, pos: int) -> bool:
        s, _ = self.sentence(pos)
        before = self.text[s:pos]
        return not re.search(r"\w", before) or bool(re.search(r"[\n:._—–-]\s*$", before))

    def tense(self, start: int, end: int) -> str | None:
        """Tense of the clause holding [start, end): PAST, FUTURE, PRESENT or None."""
        before = self.text[max(0, start - 30):start].lower()
        if re.search(r"\bdepuis\s*$", before):
            return PAST
        if re.search(r"(?:\bd['’]ici|\bjusqu['’](?:à|au|en)?)\s*(?:le\s+|la\s+)?$", before):
            return None  # a deadline counts from the time of speaking: the nearest date
        if self.doc is not None:
            return _doc_tense(self, start, end)
        return _regex_tense(self.text, self.sentence(start), start, end)


def _regex_sentences(text: str) -> list[tuple[int, int]]:
    out, start = [], 0
    for m in re.finditer(r"(?<=[.!?»])\s+(?=[«\"A-ZÀ-Ý0-9])|\n\s*", text):
        if m.start() > start:
            out.append((start, m.start()))
        start = m.end()
    out.append((start, len(text)))
    return out


# Fallback tense heuristics (no parser): general French verb morphology.
_FUT_RX = re.compile(
    r"\b(?:ser|aur|fer|ir|pourr|devr|viendr|tiendr|faudr|voudr|saur|verr|enverr|"
    r"[a-zàâçéèêëîïôûù]{2,}er|[a-zàâçéèêëîïôûù]{2,}ir|[a-zàâçéèêëîïôûù]{2,}r)"
    r"(?:ai|as|a|ons|ez|ont)\b")
_COND_RX = re.compile(r"\b[a-zàâçéèêëîïôûù]{2,}r(?:ais|ait|ions|iez|aient)\b")
_NOT_FUTURE = frozenset("vrai bras gras front affront environs patrons marrons citrons "
                        "sera".split()[:-1] + ["caméra", "opéra", "extra", "ultra", "tiara",
                                               "cobra", "mantra", "sierra", "tora"])
_ALLER_RX = re.compile(r"\b(?:va|vont|vais|allons|allez|allait|allaient|doit|doivent|devait|"
                       r"devaient|compte|comptent|prévoit|prévoient)\s+(?:ne\s+pas\s+|se\s+|"
                       r"s['’]|l['’]|le\s+|la\s+|les\s+|y\s+|en\s+)?\w+(?:er|ir|re)\b")
_PAST_RX = re.compile(
    r"\b(?:a|ont|ai|as|avons|avez|avait|avaient|eut|est|sont|suis|sommes|êtes|était|"
    r"étaient|fut)(?:-t-\w+|-\w+)?\s+(?:(?:pas|déjà|été|bien|aussi|encore|également|"
    r"notamment|jamais|plus|tous|toutes|tout|rien|enfin|finalement|ainsi|alors)\s+)*"
    r"[a-zàâçéèêëîïôûù]+(?:é|ée|és|ées|i|ie|is|ies|u|ue|us|ues|it|ite|its|ites|ert|erte|"
    r"ort|orte|int|inte|aint)\b")
_IMPF_RX = re.compile(r"\b[a-zàâçéèêëîïôûù]{2,}(?:ait|aient)\b")
_NOT_IMPF = frozenset("fait lait trait souhait parfait portrait extrait attrait retrait "
                      "abstrait distrait plait plaît".split())


def _regex_tense(text: str, sent: tuple[int, int], start: int, end: int) -> str | None:
    s, e = sent
    lowered = text.lower()  # headlines are often in capitals
    found: list[tuple[int, str]] = []
    for rx, label in ((_PAST_RX, PAST), (_ALLER_RX, FUTURE), (_FUT_RX, FUTURE),
                      (_COND_RX, FUTURE), (_IMPF_RX, PAST)):
        for m in rx.finditer(lowered, s, e):
            if start <= m.start() < end:
                continue
            w = m.group(0)
            orig = text[m.start():m.end()]
            if orig[:1].isupper() and not orig.isupper() and m.start() > s:
                continue  # a capitalised word inside a sentence is a name
            if label == FUTURE and rx is _FUT_RX and w in _NOT_FUTURE:
                continue
            if rx is _IMPF_RX and w in _NOT_IMPF:
                continue
            dist = start - m.end() if m.end() <= start else m.start() - end
            found.append((dist, label))
    if not found:
        return None
    return min(found)[1]


_FUTURE_HEADS = frozenset("aller devoir compter prévoir espérer vouloir souhaiter envisager "
                          "projeter pouvoir".split())


def _verb_tense(v: Token, finite_only: bool = False) -> str | None:
    """Tense of a verb with its auxiliaries (UD morphology from spaCy)."""
    morph = v.morph
    auxes = [c for c in v.children if c.dep_ in ("aux", "aux:tense", "aux:pass")]
    if v.pos_ not in ("VERB", "AUX") and not auxes:
        return None  # (a participle mis-tagged ADJ still has its auxiliary)
    if finite_only:  # a copula: its own tense only
        if "Fut" in morph.get("Tense") or "Cnd" in morph.get("Mood"):
            return FUTURE
        if "Imp" in morph.get("Tense") or "Past" in morph.get("Tense"):
            return PAST
        return PRESENT if "Pres" in morph.get("Tense") else None
    for a in auxes:
        if "Fut" in a.morph.get("Tense") or "Cnd" in a.morph.get("Mood"):
            return FUTURE
    for a in auxes:
        if a.dep_ in ("aux", "aux:tense"):
            return PAST  # passé composé, plus-que-parfait, passé antérieur
    if "Fut" in morph.get("Tense") or "Cnd" in morph.get("Mood"):
        return FUTURE
    if "Inf" in morph.get("VerbForm"):
        head = v.head
        if head.i != v.i and head.pos_ in ("VERB", "AUX"):
            if head.lemma_ in _FUTURE_HEADS:
                return FUTURE
            if head.lemma_ == "venir" and any(c.lower_ == "de" for c in v.children):
                return PAST
            return _verb_tense(head)
        return None
    if "Part" in morph.get("VerbForm"):
        pass_aux = [a for a in auxes if a.dep_ == "aux:pass"]
        if pass_aux:
            t = pass_aux[0].morph.get("Tense")
            return PAST if ("Imp" in t or "Past" in t) else PRESENT
        return PAST if "Past" in morph.get("Tense") else None
    if "Imp" in morph.get("Tense") or "Past" in morph.get("Tense"):
        return PAST
    if "Pres" in morph.get("Tense"):
        for c in v.children:  # "doit s'ouvrir", "va signer": prospective
            if c.dep_ == "xcomp" and "Inf" in c.morph.get("VerbForm") and v.lemma_ in _FUTURE_HEADS:
                return FUTURE
        return PRESENT
    return None


_SCHEDULE_VERBS = frozenset("prévoir programmer planifier fixer convoquer reporter repousser "
                            "annoncer attendre".split())
_AUX_DEPS = ("aux", "aux:tense", "aux:pass", "cop")


def _doc_tense(ctx: _Context, start: int, end: int) -> str | None:
    doc = ctx.doc
    assert doc is not None
    i = max(0, bisect.bisect_right(ctx.tok_starts, start) - 1)
    tok = doc[i]
    sent = tok.sent
    # climb the dependency tree to the governing verb (or copula of a predicate)
    t, steps = tok, 0
    while steps < 8:
        if t.pos_ in ("VERB", "AUX") and t.dep_ not in _AUX_DEPS:
            has_aux = any(c.dep_ in ("aux", "aux:tense", "aux:pass") for c in t.children)
            if "Part" in t.morph.get("VerbForm") and not has_aux and t.dep_ in ("acl", "amod"):
                # a participle used as an adjective has no tense of its own, except that
                # "prévu le 15 septembre" (scheduled) points to the future
                if t.lemma_ in _SCHEDULE_VERBS:
                    return FUTURE
            else:
                tense = _verb_tense(t)
                if tense:
                    return tense
        elif t.pos_ in ("ADJ", "NOUN", "PROPN"):
            cops = [c for c in t.children if c.dep_ == "cop"]
            if any(c.dep_ in ("aux", "aux:tense", "aux:pass") for c in t.children):
                tense = _verb_tense(t)
                if tense:
                    return tense
            if cops:
                tense = _verb_tense(cops[0], finite_only=True)
                if tense:
                    return tense
        if t.head.i == t.i:
            break
        t, steps = t.head, steps + 1
    # nominal clause: the nearest finite or participle verb in the sentence
    verbs = [w for w in sent if w.pos_ in ("VERB", "AUX")
             and w.dep_ not in ("aux", "aux:tense", "aux:pass", "acl", "amod")
             and not (start <= w.idx < end)]
    verbs.sort(key=lambda w: abs(w.i - i))
    for v in verbs[:3]:
        tense = _verb_tense(v, finite_only=v.dep_ == "cop")
        if tense:
            return tense
    # a sentence without a verb (a headline split off by the parser): read the words
    return _regex_tense(ctx.text, ctx.regex_sentence(start), start, end)


# --------------------------------------------------------------------------- rules

_RULES: list[tuple[str, re.Pattern[str], Callable[..., object], int]] = []


def _rule(name: str, pattern: str, priority: int = 0, flags: int = re.IGNORECASE):
    def deco(fn: Callable[..., object]) -> Callable[..., object]:
        _RULES.append((name, re.compile(pattern, flags), fn, priority))
        return fn
    return deco


def _rel_sign(rel: str | None) -> int:
    if not rel:
        return 0
    rel = rel.lower()
    return -1 if rel.startswith(("dernier", "dernière", "pass", "précédent")) else 1


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
        tense = PAST if sign < 0 else FUTURE if sign > 0 else ctx.tense(m.start(), m.end())
        d = _day_month(ctx.dct, month, day, tense, strict=bool(sign))
        if d is None:
            return None
        value, anchored = d.isoformat(), True
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
    return _Cand(m.start(), m.end(), "DATE", f"{year}-{month:02d}", "month", True)


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


@_rule("decade", rf"{_B}(?:(?P<edge>début|fin|milieu)\s+(?:des|de)\s+|(?P<det>les)\s+)?années\s+"
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


@_rule("century", r"(?<![\w-])(?:(?P<det>le)\s+)?(?P<r>[IVXL]{1,6}|\d{1,2})(?:e|è|ème|eme)\s+siècle\b",
       priority=4, flags=0)
def _century(ctx: _Context, m: re.Match[str]) -> _Cand | None:
    n = int(m["r"]) if m["r"].isdigit() else _roman(m["r"])
    if not 1 <= n <= 30:
        return None
    return _Cand(m.start(), m.end(), "DATE", f"{n - 1:02d}", "century")


_SEASON_PAIR = r"(?:printemps|été|eté|ete|automne|hiver)\s+(?:comme|et|ou)\s+(?:printemps|été|automne|hiver)"


@_rule("season", rf"{_B}(?:(?P<det>l['’]|cet|ce|en)\s*)?(?P<s>printemps|été|eté|ete|automne|hiver)"
       rf"(?:\s+(?P<y>{YEAR4}))?(?:\s+(?P<rel>dernier|prochain|passé))?{_E}", priority=2)
def _season(ctx: _Context, m: re.Match[str]) -> _Cand | None:
    """A season needs a determiner ("l'été", "cet hiver", "en automne"): bare "été" is the
    past participle of "être", and "Jeux d'hiver" classifies rather than dates. The idiom
    "été comme hiver" names both seasons."""
    s = m["s"].lower()
    det = (m["det"] or "").lower().replace("’", "'")
    in_pair = bool(re.match(rf"{_SEASON_PAIR}\b", ctx.text[m.start("s"):], re.I)
                   or re.search(rf"{_SEASON_PAIR}$", ctx.text[max(0, m.start() - 30):m.end()], re.I))
    if not det and not in_pair:
        return None
    if re.match(r"\s+(?:de|du|des|d['’])\s*(?!\d)[\w«]", ctx.text[m.end():]) and not m["y"]:
        return None  # "le Printemps de Bourges", "le printemps de l'environnement": an event
    code, first = SEASONS[s.replace("eté", "été")]
    start = m.start("s") if det == "en" else m.start()
    if m["y"]:
        return _Cand(start, m.end(), "DATE", f"{m['y']}-{code}", "season")
    if ctx.dct is None:
        return _Cand(start, m.end(), "DATE", f"XXXX-{code}", "season")
    sign = _rel_sign(m["rel"])
    if not sign and det in ("en", "") and ctx.tense(m.start(), m.end()) in (PRESENT, None):
        return _Cand(start, m.end(), "DATE", f"XXXX-{code}", "season")  # generic: "en été"
    tense = PAST if sign < 0 else FUTURE if sign > 0 else ctx.tense(m.start(), m.end())
    if det in ("cet", "ce") and not sign:
        tense = None
    # a season is "current" from its first month to two months later
    cands = [(y, y * 12 + first) for y in (ctx.dct.year - 1, ctx.dct.year, ctx.dct.year + 1)]
    ref = ctx.dct.year * 12 + ctx.dct.month
    inside = [c for c in cands if c[1] <= ref <= c[1] + 2]
    if inside and not sign and (det in ("cet", "ce") or tense != PAST):
        year = inside[0][0]
    else:
        # past tense during the season itself means the previous one ("l'été a été…")
        cands = [c for c in cands if not (inside and tense == PAST and c in inside)] or cands
        year = _choose(cands, ref, tense, strict=bool(sign))
    return _Cand(start, m.end(), "DATE", f"{year}-{code}", "season", True)


@_rule("season_months", rf"{_B}(?:les\s+)?mois\s+d['’](?P<s>été|hiver|automne)\b", priority=3)
def _season_months(ctx: _Context, m: re.Match[str]) -> _Cand | None:
    return _Cand(m.start(), m.end(), "DATE", f"XXXX-{SEASONS[m['s'].lower()][0]}", "season")


@_rule("weekday", rf"{_B}(?:(?P<det>ce|le|cette)\s+(?P<meme>même\s+)?)?(?P<wd>{WD})"
       rf"(?:\s+(?P<rel>dernier|prochain|passé|suivant|précédent))?"
       rf"(?:\s+(?:(?P<edge>en\s+(?:début|fin)\s+d['’]|au\s+|dans\s+la\s+)?(?P<part>{PART})))?{_E}",
       priority=3)
def _weekday_rule(ctx: _Context, m: re.Match[str]) -> _Cand | None:
    wd = WEEKDAYS[m["wd"].lower()]
    det = (m["det"] or "").lower()
    part = DAY_PARTS.get(m["part"].lower()) if m["part"] else None
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


_DEICTIC = {"avant-hier": -2, "hier": -1, "aujourd'hui": 0, "aujourd’hui": 0, "demain": 1,
            "après-demain": 2}


@_rule("deictic_day", rf"{_B}(?P<w>avant-hier|après-demain|hier|demain|aujourd['’]hui)"
       rf"(?:\s+(?P<wd>{WD}))?(?:\s*,?\s+(?:(?:en\s+)?(?P<edge>début|fin|milieu)\s+(?:de\s+|d['’])|"
       rf"dans\s+la\s+|au\s+|en\s+)?(?P<part>{PART}))?{_E}", priority=5)
def _deictic(ctx: _Context, m: re.Match[str]) -> _Cand | None:
    w = m["w"].lower().replace("’", "'")
    part = DAY_PARTS.get(m["part"].lower()) if m["part"] else None
    if m["part"] and "," in ctx.text[m.end("w"):m.start("part")]:
        return _deictic_plain(ctx, m, w)
    return _deictic_value(ctx, m.start(), m.end(), w, part, bool(m["wd"]))


def _deictic_plain(ctx: _Context, m: re.Match[str], w: str) -> _Cand | None:
    end = m.end("wd") if m["wd"] else m.end("w")
    return _deictic_value(ctx, m.start(), end, w, None, bool(m["wd"]))


def _deictic_value(ctx: _Context, start: int, end: int, w: str, part: str | None,
                   with_weekday: bool) -> _Cand:
    if w == "aujourd'hui" and not part and not with_weekday:
        # "Aujourd'hui, …" opening a sentence or set off by commas means "nowadays"
        after = ctx.text[end:end + 2]
        before = ctx.text[max(0, start - 2):start]
        if after.startswith(",") and (ctx.sentence_initial(start) or before.rstrip().endswith(",")):
            return _Cand(start, end, "TIME", "PRESENT_REF", "nowadays")
    typ = "TIME" if part else "DATE"
    if ctx.dct is None:
        return _Cand(start, end, typ, "XXXX-XX-XX" + (part or ""), "deictic_day")
    d = ctx.dct + timedelta(days=_DEICTIC[w])
    return _Cand(start, end, typ, d.isoformat() + (part or ""), "deictic_day", True)


@_rule("this_part", rf"{_B}(?:ce|cet|cette)\s+(?P<part>{PART}){_E}", priority=4)
def _this_part(ctx: _Context, m: re.Match[str]) -> _Cand | None:
    part = DAY_PARTS[m["part"].lower()]
    if ctx.dct is None:
        return _Cand(m.start(), m.end(), "TIME", "XXXX-XX-XX" + part, "this_part")
    return _Cand(m.start(), m.end(), "TIME", ctx.dct.isoformat() + part, "this_part", True)


@_rule("ref_part", rf"{_B}(?:(?P<edge>début|fin|milieu)\s+(?:de\s+|d['’])(?:la\s+|l['’])?|le\s+|la\s+|l['’])"
       rf"(?P<part>{PART})(?:\s+(?:même|suivante?|précédente?))?{_E}", priority=2)
def _ref_part(ctx: _Context, m: re.Match[str]) -> _Cand | None:
    part = DAY_PARTS[m["part"].lower()]
    follows = ctx.text[m.end():m.end() + 25]
    if re.match(r"\s+(?:de|du|des|d['’])\s", follows) and not m["edge"]:
        return None  # "la nuit de Noël", "le soir du drame": a noun phrase, left to others
    suivant = re.search(r"suivante?$", m.group(0), re.I)

    def from_ref(ref: date | None) -> str:
        if ref is None:
            return "XXXX-XX-XX" + part
        return (ref + timedelta(days=1 if suivant else 0)).isoformat() + part
    return _Cand(m.start(), m.end(), "TIME", "", "ref_part", from_ref=from_ref)


@_rule("ref_day", rf"{_B}(?:(?:le|au|du)\s+)?(?P<w>lendemain|surlendemain)(?:\s+(?P<part>{PART}))?{_E}|"
       rf"{_B}(?:la\s+)?(?P<w2>veille)(?:\s+au\s+(?P<part2>{PART}))?{_E}|"
       rf"{_B}(?P<w3>(?:le|ce)\s+(?:même\s+jour|jour\s+même|jour-là))", priority=3)
def _ref_day(ctx: _Context, m: re.Match[str]) -> _Cand | None:
    w = (m["w"] or m["w2"] or m["w3"] or "").lower()
    wpos = m.start("w") if m["w"] else m.start()
    if re.search(r"\bdu\s+jour\s+au\s*$", ctx.text[max(0, wpos - 12):wpos], re.I):
        return None  # the idiom "du jour au lendemain" (overnight)
    partw = m["part"] or m["part2"]
    part = DAY_PARTS[partw.lower()] if partw else ""
    shift = {"lendemain": 1, "surlendemain": 2, "veille": -1}.get(w, 0)
    start = m.start()
    g = m.group(0).lower()
    if g.startswith(("au ", "du ")):
        start += 3

    def from_ref(ref: date | None) -> str:
        if ref is None:
            return "XXXX-XX-XX" + part
        return (ref + timedelta(days=shift)).isoformat() + part
    return _Cand(start, m.end(), "TIME" if part else "DATE", "", "ref_day", from_ref=from_ref)


_UNIT_RX = rf"(?P<u>{UNIT})"  # the unit group shared by duration-like rules


@_rule("this_unit", rf"{_B}(?:cette|ce|cet)\s+(?P<u>semaine|mois(?:-ci)?|année|an|week-end|trimestre|"
       rf"siècle|saison)(?:-ci)?{_E}", priority=3)
def _this_unit(ctx: _Context, m: re.Match[str]) -> _Cand | None:
    return _unit_offset(ctx, m, 0)


@_rule("rel_unit", rf"{_B}(?:la|le|l['’])\s*(?P<u>semaine|mois|année|an|week-end|trimestre|décennie|siècle)"
       rf"\s+(?P<rel>derni(?:er|ère)|prochaine?|passée?|précédente?|suivante?){_E}|"
       rf"{_B}(?:la|le|l['’])\s*(?P<rel2>dernière|prochaine|précédente?)\s+(?P<u2>semaine|année|décennie)"
       rf"{_E}", priority=3)
def _rel_unit(ctx: _Context, m: re.Match[str]) -> _Cand | None:
    rel = (m["rel"] or m["rel2"]).lower()
    return _unit_offset(ctx, m, -1 if rel.startswith(("dern", "pass", "préc")) else 1,
                        unit=m["u"] or m["u2"])


def _unit_offset(ctx: _Context, m: re.Match[str], k: int, unit: str | None = None) -> _Cand | None:
    u = (unit or m["u"]).lower().replace("-ci", "")
    if u == "saison":
        return None
    if ctx.dct is None:
        value = {"semaine": "XXXX-WXX", "mois": "XXXX-XX", "année": "XXXX", "an": "XXXX",
                 "week-end": "XXXX-WXX-WE", "trimestre": "XXXX-QX", "décennie": "XXX",
                 "siècle": "XX"}[u]
        return _Cand(m.start(), m.end(), "DATE", value, "rel_unit")
    dct = ctx.dct
    if u == "semaine":
        value = _week(dct + timedelta(weeks=k))
    elif u == "week-end":
        if k == 0:
            tense = ctx.tense(m.start(), m.end())
            sat = _weekday(dct, 6, tense if tense in (PAST, FUTURE) else None)
        else:
            sat = _weekday(dct, 6, PAST if k < 0 else FUTURE, strict=True)
        value = _week(sat) + "-WE"
    elif u == "mois":
        d = _shift_months(dct, k)
        value = f"{d.year}-{d.month:02d}"
    elif u in ("année", "an"):
        value = str(dct.year + k)
    elif u == "trimestre":
        q = (dct.year * 4 + (dct.month - 1) // 3) + k
        value = f"{q // 4}-Q{q % 4 + 1}"
    elif u == "décennie":
        value = str(dct.year // 10 + k)
    else:  # siècle
        value = f"{dct.year // 100 + k:02d}"
    return _Cand(m.start(), m.end(), "DATE", value, "rel_unit", True)


@_rule("ago", rf"{_B}il\s+y\s+a\s+(?:(?P<mod>{MOD})\s+)?(?P<n>{NUM}|{VAGUE}|{COLL})\s*{_UNIT_RX}{_E}|"
       rf"{_B}il\s+y\s+a\s+(?P<long>longtemps|peu){_E}", priority=5)
def _ago(ctx: _Context, m: re.Match[str]) -> _Cand | None:
    return _offset(ctx, m, -1, "ago")


@_rule("in", rf"{_B}dans\s+(?:(?P<mod>{MOD})\s+)?(?P<n>{NUM}|{COLL})\s*{_UNIT_RX}{_E}(?!\s+(?:de|d['’])\s)",
       priority=1)
def _in(ctx: _Context, m: re.Match[str]) -> _Cand | None:
    return _offset(ctx, m, 1, "in")


def _count(text: str) -> float | None:
    t = text.lower().strip()
    for c, v in COLLECTIVES.items():
        if c in t:
            return None if t.startswith("des") else float(v)
    return _word_number(t)


def _offset(ctx: _Context, m: re.Match[str], sign: int, rule: str) -> _Cand | None:
    if m.groupdict().get("long"):
        return _Cand(m.start(), m.end(), "DATE", "PAST_REF", rule)
    n = _count(m["n"])
    unit = m["u"].lower()
    code, is_time = UNITS[unit]
    if n is None:
        return _Cand(m.start(), m.end(), "DATE", "PAST_REF" if sign < 0 else "FUTURE_REF", rule)
    if code in ("Q", "6M", "WE"):
        return None
    if ctx.dct is None:
        value = {"Y": "XXXX", "M": "XXXX-XX", "DE": "XXX", "CE": "XX"}.get(code, "XXXX-XX-XX")
        return _Cand(m.start(), m.end(), "DATE", value, rule)
    if n > 5000:
        return None  # beyond any calendar we normalise to
    dct, k = ctx.dct, sign * n
    if is_time:
        value = dct.isoformat()
    elif code == "D":
        value = (dct + timedelta(days=round(k))).isoformat()
    elif code == "W":
        value = (dct + timedelta(weeks=k)).isoformat()
    elif code == "M":
        d = _shift_months(dct, round(k))
        value = f"{d.year}-{d.month:02d}"
    elif code == "Y":
        if dct.year + round(k) < 1:
            return None
        value = f"{dct.year + round(k):04d}"
    elif code == "DE":
        value = str(dct.year // 10 + round(k))
    elif code == "CE":
        value = f"{dct.year // 100 + round(k):02d}"
    else:
        return None
    return _Cand(m.start(), m.end(), "DATE", value, rule, True)


@_rule("duration", rf"{_B}(?:(?P<mod>{MOD})\s+)?(?P<n>{NUM}|{VAGUE}|{COLL})\s*{_UNIT_RX}"
       rf"(?:\s+et\s+(?P<half>demie?))?{_E}")
def _duration(ctx: _Context, m: re.Match[str]) -> _Cand | None:
    unit = m["u"].lower()
    nt = m["n"].lower()
    before = ctx.text[max(0, m.start() - 40):m.start()]
    after = ctx.text[m.end():m.end() + 15]
    n = _count(nt) if not any(nt.startswith(v) for v in VAGUE_QUANTIFIERS) else None
    if n is None and not any(nt.startswith(v) for v in VAGUE_QUANTIFIERS) and "des" not in nt[:3]:
        if not re.match(COLL, nt, re.I):
            return None
    if m["n"][:1].isupper() and not m["n"].isupper() and \
            not ctx.sentence_initial(m.start("n")):
        return None  # "la guerre de Cent Ans": a capitalised number is part of a name
    if m["u"][:1].isupper() and not m["u"].isupper() and not ctx.sentence_initial(m.start("u")):
        return None  # "les 24 Heures du Mans": a capitalised unit is part of a name
    if nt in ("un", "une") and unit in ("jour", "fois") and not re.search(
            r"(?:pendant|durant|pour|en|de|d['’]|dans|après|depuis|a)\s*$", before, re.I):
        return None  # "un jour, il reviendra": some day, not a length of one day
    if unit in ("an", "ans") and (_is_age(ctx, m.start(), before, after) or (
            m["mod"] and re.search(r"\bles\s*$", before, re.I))):
        return None  # an age, or an age group ("les moins de 17 ans")
    if UNITS[unit][1] and unit.startswith("heure") and re.search(
            r"(?:\bà|\bvers|\bdès|jusqu['’]à|\bavant|\baprès|\bde)\s*$", before, re.I) and \
            n is not None and n <= 24 and not m["mod"]:
        return None  # "à 10 heures" is a clock time
    if unit in ("nuit", "nuits") and n is None:
        return None
    if nt.startswith("des") and unit in ("années",) and re.match(r"\s+\d", after):
        return None
    if nt.startswith("des") and re.search(
            r"\b(?:dehors|cours|lors|près|auprès|partir|fin|début|long|travers|issue|moitié|"
            r"plupart|nombre|delà|mesure|respect|horaires?)\s*$", before, re.I):
        return None  # "en dehors des heures": "des" is "de les", not a vague quantity
    if m["half"] and n is not None:
        n += 0.5
    if n is not None and n > 10000:
        return None
    value = _duration_value(n, unit)
    return _Cand(m.start(), m.end(), "DURATION", value, "duration")


_DURATION_GOVERNORS = frozenset(
    "période durée peine peines délai délais espace intervalle terme bout plus moins près "
    "pendant durant mandat contrat bail absence cycle programme plan trêve moratoire "
    "prison réclusion emprisonnement détention sursis suspension interdiction retard "
    "avance total totalisé âge".split())


_PERSON_OF_RX = re.compile(r"\b(?:" + "|".join(PERSON_NOUNS) + r")\b[^.,;]{0,30}\bd['’e]\s*(?:\d+\s+à\s+)?$")


def _is_age(ctx: _Context, start: int, before: str, after: str) -> bool:
    """ "N ans" naming an age rather than a duration, by the general French patterns:
    an apposition ("Jean, 87 ans, …", "(34 ans)"), "âgé de N ans", "avoir N ans",
    "les moins de 17 ans", "à 24 ans, il …", and "un électricien de 37 ans" — a noun
    followed by "de N ans" that ends the noun phrase, unless the noun measures time
    ("une peine de 10 ans")."""
    b = before.lower()
    if re.search(r"(?:âgée?s?|agée?s?)\s+d['’e]\s*(?:plus\s+de\s+|moins\s+de\s+|près\s+de\s+)?$", b):
        return True
    if re.search(r"[,(]\s*(?:environ\s+)?$", b) and re.match(r"\s*[,).;]", after):
        return True
    if re.search(r"\bles\s+(?:moins|plus)\s+de\s*$", b):
        return True
    if re.search(r"\b(?:a|ont|avait|avaient|aura|aurait|avoir|ayant|fête|fêtait|fêtera)\s+"
                 r"(?:eu\s+|déjà\s+|bientôt\s+|seulement\s+|tout\s+juste\s+|à\s+peine\s+)?$", b):
        return not re.match(r"\s+(?:de|d['’])\s", after)
    if re.search(r"(?:^|[.!?]\s+|\n\s*)à\s*$", b) and re.match(r"\s*,", after):
        return True
    if _PERSON_OF_RX.search(b):
        return True
    noun = re.search(r"(\w+)\s+(?:\w+\s+)?d['’e]\s*(?:\d+\s+à\s+)?$", b)
    if noun and not re.match(r"\s+(?:de|d['’])\s", after) and re.match(r"\s*(?:[,.;:)]|$|\w+(?:e|é|a|i|u)\b)", after):
        w = noun.group(1)
        if w not in _DURATION_GOVERNORS and not w.isdigit() and w not in ("ans", "années"):
            prev_tok = _token_before(ctx, start)
            if prev_tok is None or prev_tok in ("NOUN", "PROPN", "ADJ"):
                return True
    return False


def _token_before(ctx: _Context, start: int) -> str | None:
    """POS of the word before "de" preceding ``start`` (None without a Doc)."""
    if ctx.doc is None:
        return None
    i = bisect.bisect_right(ctx.tok_starts, start) - 1
    j = i - 1
    while j >= 0 and ctx.doc[j].lower_ in ("de", "d'", "d’"):
        j -= 1
    while j >= 0 and ctx.doc[j].pos_ == "ADJ" and j > 0 and ctx.doc[j - 1].pos_ == "NOUN":
        j -= 1
    return ctx.doc[j].pos_ if j >= 0 else None


@_rule("last_units", rf"{_B}(?P<det>les|ces)\s+(?:(?P<n>{NUM})\s+)?(?P<rel>derni(?:er|ère)s|prochaine?s)"
       rf"\s+(?:(?P<n2>{NUM})\s+)?{_UNIT_RX}{_E}", priority=4)
def _last_units(ctx: _Context, m: re.Match[str]) -> _Cand | None:
    nt = m["n"] or m["n2"]
    future = m["rel"].lower().startswith("proch")
    if nt is None:
        return _Cand(m.start(), m.end(), "DATE", "FUTURE_REF" if future else "PAST_REF", "last_units")
    n = _word_number(nt)
    return _Cand(m.start(), m.end(), "DURATION", _duration_value(n, m["u"]), "last_units")


@_rule("half_unit", rf"{_B}(?:une?\s+)?demi-(?P<u>heure|journée|siècle|année|mois|saison){_E}", priority=2)
def _half(ctx: _Context, m: re.Match[str]) -> _Cand | None:
    value = {"heure": "PT30M", "journée": "PT12H", "siècle": "P50Y", "année": "P6M",
             "mois": "P2W", "saison": "P6M"}[m["u"].lower()]
    return _Cand(m.start(), m.end(), "DURATION", value, "duration")


@_rule("period_noun", rf"{_B}(?P<w>{_alt(PERIOD_NOUNS)}){_E}")
def _period(ctx: _Context, m: re.Match[str]) -> _Cand | None:
    return _Cand(m.start(), m.end(), "DURATION", PERIOD_NOUNS[m["w"].lower()], "period_noun")


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


@_rule("set_every", rf"{_B}(?:chaque|tous\s+les|toutes\s+les)\s+(?:(?P<n>{NUM})\s+)?"
       rf"(?P<u>{_alt(list(UNITS) + list(WEEKDAYS) + [w + 's' for w in WEEKDAYS] + ['matin', 'matins', 'soir', 'soirs', 'après-midi'])})"
       rf"{_E}", priority=4)
def _set_every(ctx: _Context, m: re.Match[str]) -> _Cand | None:
    u = m["u"].lower()
    if u.rstrip("s") in WEEKDAYS:
        return _Cand(m.start(), m.end(), "SET", f"XXXX-WXX-{WEEKDAYS[u.rstrip('s')]}", "set_every")
    if u.rstrip("s") in ("matin", "soir") or u == "après-midi":
        part = DAY_PARTS[u.rstrip("s")]
        return _Cand(m.start(), m.end(), "SET", f"XXXX-XX-XX{part}", "set_every")
    n = _word_number(m["n"]) if m["n"] else 1.0
    if u not in UNITS or n is None:
        return None
    return _Cand(m.start(), m.end(), "SET", _duration_value(n, u), "set_every")


@_rule("set_per", rf"(?<![\w-])(?:(?P<n>{NUM})\s+fois\s+)?par\s+(?P<u>jour|semaine|mois|an|année|semestre|"
       rf"trimestre|heure|week-end){_E}", priority=2)
def _set_per(ctx: _Context, m: re.Match[str]) -> _Cand | None:
    value = _duration_value(1.0, m["u"])
    if m["n"]:
        return _Cand(m.start(), m.end(), "SET", value, "set_per")
    # TimeBank tags the unit only ("par [semestre]")
    return _Cand(m.start("u"), m.end(), "SET", value, "set_per")


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


_FREQUENCY_ADVERBS = {"quotidiennement": "P1D", "journellement": "P1D", "hebdomadairement": "P1W",
                      "mensuellement": "P1M", "annuellement": "P1Y", "trimestriellement": "P3M"}


@_rule("set_adverb", rf"{_B}(?P<w>{_alt(_FREQUENCY_ADVERBS)}){_E}")
def _set_adverb(ctx: _Context, m: re.Match[str]) -> _Cand | None:
    """Adverbs of frequency: "il se rend quotidiennement à Paris" (SET P1D)."""
    return _Cand(m.start(), m.end(), "SET", _FREQUENCY_ADVERBS[m["w"].lower()], "set_adverb")


@_rule("set_adj", rf"{_B}(?P<w>{_alt(FREQUENCY_ADJECTIVES)}){_E}")
def _set_adj(ctx: _Context, m: re.Match[str]) -> _Cand | None:
    """ "le lot quotidien", "le dîner annuel"; but "la presse quotidienne", "un quotidien",
    "les principaux quotidiens" name newspapers and periodicals."""
    prev = re.search(r"(\w+)\s*$", ctx.text[max(0, m.start() - 20):m.start()])
    if prev and prev.group(1).lower() in ("presse", "journal", "journaux", "titre", "titres",
                                          "principaux", "grands", "revue", "magazine"):
        return None
    if not _is_adjective(ctx, m.start(), m.end(), ("le", "la", "les", "un", "une", "des", "du",
                                                   "au", "aux", "ce", "ces", "son", "sa", "ses",
                                                   "notre", "votre", "leur", "leurs", "quel")):
        return None  # "le quotidien", "un mensuel": a newspaper
    return _Cand(m.start(), m.end(), "SET", FREQUENCY_ADJECTIVES[m["w"].lower()], "set_adj")


def _is_adjective(ctx: _Context, start: int, end: int, noun_determiners: tuple[str, ...]) -> bool:
    """Adjective rather than noun: spaCy's POS when there is a Doc, else no determiner before."""
    if ctx.doc is not None:
        span = ctx.doc.char_span(start, end, alignment_mode="expand")
        if span is not None and len(span):
            return span[0].pos_ == "ADJ"
    prev = re.search(r"(\w+)\s*$", ctx.text[max(0, start - 15):start])
    return not (prev and prev.group(1).lower() in noun_determiners)


@_rule("ref_word", rf"{_B}(?P<w>{_alt(REF_WORDS)}){_E}")
def _ref_word(ctx: _Context, m: re.Match[str]) -> _Cand | None:
    w = m["w"].lower().replace("’", "'")
    value = REF_WORDS[w] if w in REF_WORDS else REF_WORDS[m["w"].lower()]
    if w.startswith("actuel") and w != "actuellement":
        if not _is_adjective(ctx, m.start(), m.end(), ()):
            return None
    if w in ("avenir", "l'avenir") and m["w"][-6].isupper() and not ctx.sentence_initial(m.start()):
        return None  # "L'Avenir", "Avenir Suisse": names
    return _Cand(m.start(), m.end(), "TIME", value, "ref_word")


@_rule("ref_adjective", rf"{_B}(?P<w>prochaine?s?|futurs?|futures?|nocturnes?){_E}")
def _ref_adjective(ctx: _Context, m: re.Match[str]) -> _Cand | None:
    """ "les prochains mariages", "la future régionalisation": an adjective locating its
    noun in the future (TimeBank FUTURE_REF); "explosions nocturnes": at night (TNI).
    Longer expressions ("lundi prochain", "l'an prochain") win over this rule."""
    w = m["w"].lower()
    nxt = re.match(r"\s+[«\"]?\s*(\w+)", ctx.text[m.end():])
    if w.startswith("nocturne"):
        if not _is_adjective(ctx, m.start(), m.end(), ("le", "la", "les", "un", "une", "des", "du")):
            return None
        return _Cand(m.start(), m.end(), "TIME", "TNI", "ref_adjective")
    if not nxt or not nxt.group(1)[0].islower():
        return None
    prev = re.search(r"(\w+)\s*$", ctx.text[max(0, m.start() - 15):m.start()])
    if not (prev and prev.group(1).lower() in ("le", "la", "les", "l", "un", "une", "des", "ce",
                                                "cette", "ces", "son", "sa", "ses", "leur",
                                                "leurs", "notre", "nos", "du", "au", "aux")) \
            and not ctx.sentence_initial(m.start()):
        return None  # only before its noun, after a determiner: "le prochain sommet"
    if ctx.doc is not None:
        span = ctx.doc.char_span(m.start(), m.end(), alignment_mode="expand")
        if span is not None and len(span) and span[0].pos_ not in ("ADJ", "NOUN"):
            return None
    return _Cand(m.start(), m.end(), "TIME", "FUTURE_REF", "ref_adjective")


@_rule("whole_unit", rf"{_B}(?:toute\s+l['’]année|toute\s+la\s+(?:journée|semaine|nuit)|"
       rf"tout\s+le\s+(?:mois|week-end)){_E}", priority=2)
def _whole_unit(ctx: _Context, m: re.Match[str]) -> _Cand | None:
    """ "toute l'année", "toute la journée": the whole of one unit (a DURATION)."""
    unit = re.search(r"(année|journée|semaine|nuit|mois|week-end)", m.group(0).lower())
    assert unit is not None
    value = {"année": "P1Y", "journée": "P1D", "semaine": "P1W", "nuit": "P1D",
             "mois": "P1M", "week-end": "P1WE"}[unit.group(1)]
    return _Cand(m.start(), m.end(), "DURATION", value, "whole_unit")


@_rule("ici", r"(?<=d['’])ici(?=\s+(?:à\s+|au\s+|la\s+|le\s+|l['’]|)(?:\d|fin\b|début\b|demain|"
       r"lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|janvier|février|mars|avril|mai|"
       r"juin|juillet|août|septembre|octobre|novembre|décembre|l['’]an|l['’]été|l['’]automne|"
       r"l['’]hiver|printemps|mi-|cet|ce\s|cette|quelques|deux|trois|dix|quinze|2\d{3}))",
       priority=1)
def _ici(ctx: _Context, m: re.Match[str]) -> _Cand | None:
    if ctx.dct is None:
        return _Cand(m.start(), m.end(), "DATE", "PRESENT_REF", "ici")
    return _Cand(m.start(), m.end(), "DATE", ctx.dct.isoformat(), "ici", True)


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


_RULES_BY_NAME = {name: (rx, fn, prio) for name, rx, fn, prio in _RULES}

# --------------------------------------------------------------------------- driver


def _candidates(ctx: _Context) -> list[_Cand]:
    out: list[_Cand] = []
    for name, rx, fn, prio in _RULES:
        for m in rx.finditer(ctx.text):
            if m.end() <= m.start():
                continue
            res = fn(ctx, m)
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
            c.value = c.from_ref(ref[1] if ref else None)
            c.anchored = bool(ref and ref[2])
            c.from_ref = None
        d = day_of(c)
        if d is not None:
            days.append((c.start, d, c.anchored))
        resolved.append(c)
    return resolved


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
    for c in _resolve_refs(ctx, _select(cands)):
        if not c.value:
            continue
        yield TimeExpr(start=c.start, end=c.end, text=text[c.start:c.end], type=c.type,
                       value=c.value, rule=c.rule, anchored=c.anchored)

