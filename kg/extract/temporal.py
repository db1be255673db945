"""French temporal tagger: TIMEX3 expressions normalised against the publication date.

:func:`extract_timexes` finds dates, times, durations and sets with our own French
patterns (regular expressions over the text, checked against a few rules of French
grammar), then normalises them. Spans follow the French TimeBank conventions:
prepositions ("en", "depuis", "dès", "du", "au", "d'ici", "jusqu'à") stay outside the
tag, determiners and modifiers that are part of the expression ("le 30 juin", "l'an
prochain", "vers 22 h", "début octobre", "la fin de l'année", "il y a une semaine") stay
inside. An edge ("début", "fin", "mi-") is a mod and stays out of the value ("fin 2022"
is 2022); centuries and decades are written as the TimeBank does (18XX, 196X).

Relative expressions are resolved against the publication date (``published``):
weekdays, bare months, seasons and day-month dates take the tense of their clause — past
tense picks the most recent such day at or before the publication date, future (and the
conditional) the next one, present the nearest. "d'ici" looks ahead; "jusqu'à" follows
its clause. With a spaCy ``Doc`` the tense comes from the governing verb's morphology;
without one, from verb endings around the expression.
Clock times and "le soir", "le lendemain", "ce soir-là" take their day from the last full
date mentioned before them (the TimeBank reading), else from the publication date.
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
        if re.search(r"\bd['’]\s*ici\s*(?:(?:à|au|le|la|l['’])\s*){0,2}$", before):
            return FUTURE  # "d'ici mercredi": a deadline still to come
        if self.doc is not None:
            tense = _doc_tense(self, start, end)
        else:
            tense = _regex_tense(self.text, self.sentence(start), start, end)
        if re.search(r"\bjusqu['’]\s*(?:à|au|en)?\s*(?:le\s+|la\s+)?$", before) and tense == PAST:
            # "jusqu'à" names the end of a span: the clause's tense places it ("jusqu'à
            # vendredi, 64 films seront projetés"), except that a past clause may grant a
            # term that still runs ("il a donné jusqu'au 30 juin"): the nearest date
            return None
        return tense


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


# Verbs that build their passé composé with "être" (aller, venir, arriver, partir, naître,
# mourir… and their compounds): "les pompiers sont intervenus" is a past, though a parser
# may read "sont" as a passive auxiliary in the present.
_ETRE_VERBS = frozenset(
    "aller venir revenir devenir parvenir intervenir survenir advenir provenir arriver partir "
    "repartir entrer rentrer sortir ressortir monter remonter descendre redescendre naître "
    "mourir décéder tomber retomber rester retourner passer repasser accourir".split())
_REFLEXIVE = frozenset("se s' s’ me m' m’ te t' t’ nous vous".split())


def _future_form(v: Token) -> bool:
    """Future or conditional. The conditional is the future stem with the endings of the
    imperfect ("interviendrait", "déclarerait"); a parser may label it imperfect, but an
    imperfect in -rait keeps the infinitive's stem ("déclarait", "courait")."""
    morph = v.morph
    if "Fut" in morph.get("Tense") or "Cnd" in morph.get("Mood"):
        return True
    if "Part" in morph.get("VerbForm") and re.fullmatch(r".+r(?:a|ai|as|ons|ez|ont)", v.lower_):
        return True  # no participle ends so: a future the parser took for a participle
    if "Imp" not in morph.get("Tense") or "Fin" not in morph.get("VerbForm"):
        return False
    m = re.fullmatch(r".+r(ais|ait|ions|iez|aient)", v.lower_)
    if not m:
        return False
    lemma = v.lemma_.lower()
    return not (lemma.endswith(("er", "ir")) and v.lower_ == lemma[:-2] + m.group(1))


def _verb_tense(v: Token, finite_only: bool = False) -> str | None:
    """Tense of a verb with its auxiliaries (UD morphology from spaCy)."""
    morph = v.morph
    auxes = [c for c in v.children if c.dep_ in ("aux", "aux:tense", "aux:pass")]
    if v.pos_ not in ("VERB", "AUX") and not auxes:
        return None  # (a participle mis-tagged ADJ still has its auxiliary)
    if finite_only:  # a copula: its own tense only
        if _future_form(v):
            return FUTURE
        if "Imp" in morph.get("Tense") or "Past" in morph.get("Tense"):
            return PAST
        return PRESENT if "Pres" in morph.get("Tense") else None
    for a in auxes:
        if _future_form(a):
            return FUTURE
    for a in auxes:
        if a.dep_ in ("aux", "aux:tense"):
            return PAST  # passé composé, plus-que-parfait, passé antérieur
    if auxes and "Part" in morph.get("VerbForm") and (
            v.lemma_.lower() in _ETRE_VERBS or any(c.lower_ in _REFLEXIVE for c in v.children)):
        return PAST  # "ils sont intervenus", "ils se sont réunis": passé composé with "être"
    if _future_form(v):
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
        if v.dep_ == "xcomp" and v.head.i != v.i and v.head.pos_ in ("VERB", "AUX"):
            # an attribute ("restera fermé", "semble perturbé") has no tense of its own
            return _verb_tense(v.head)
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
                # a participle used as an adjective: "prévu le 15 septembre" (scheduled)
                # points to the future; other past participles in apposition tell a
                # completed event ("le maire, élu en mars, veut…")
                if t.lemma_ in _SCHEDULE_VERBS:
                    return FUTURE
                if ("Past" in t.morph.get("Tense") and t.dep_ == "acl" and t.i > 0
                        and doc[t.i - 1].text in (",", "(") and not _future_form(t)):
                    return PAST  # detached by a comma: an apposition, not an ellipsis
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


def _adjective_follows(ctx: _Context, end: int) -> bool:
    """A lower-case adjective right after ``end`` (spaCy's POS when there is a Doc)."""
    nxt = re.match(r"\s+([a-zàâçéèêëîïôûù]+)", ctx.text[end:])
    if not nxt:
        return False
    if ctx.doc is not None:
        span = ctx.doc.char_span(nxt.start(1) + end, nxt.end(1) + end, alignment_mode="expand")
        return span is not None and len(span) > 0 and span[0].pos_ == "ADJ"
    return nxt.group(1) in ("arabe", "arabes")


@_rule("season_months", rf"{_B}(?:les\s+)?mois\s+d['’](?P<s>été|hiver|automne)\b", priority=3)
def _season_months(ctx: _Context, m: re.Match[str]) -> _Cand | None:
    return _Cand(m.start(), m.end(), "DATE", f"XXXX-{SEASONS[m['s'].lower()][0]}", "season")


@_rule("weekday", rf"{_B}(?:(?P<det>ce|le|cette)\s+(?P<meme>même\s+)?)?(?P<wd>{WD})"
       rf"(?:\s+(?P<rel>dernier|prochain|passé|suivant|précédent))?"
       rf"(?:\s+(?:(?P<edge>en\s+(?:début|fin)\s+d['’]|au\s+|dans\s+la\s+)?(?P<part>{PART_OR_NOON})))?{_E}",
       priority=3)
def _weekday_rule(ctx: _Context, m: re.Match[str]) -> _Cand | None:
    wd = WEEKDAYS[m["wd"].lower()]
    det = (m["det"] or "").lower()
    part = _PART_VALUES.get(m["part"].lower()) if m["part"] else None
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


@_rule("part_of_day", rf"{_B}(?P<det>la|le|l['’])\s*(?P<part>{PART})\s+(?:du|de)\s+"
       rf"(?P<rest>(?:{WD}\s+)?{DAYNUM}|{WD}){_E}", priority=6)
def _part_of_day(ctx: _Context, m: re.Match[str]) -> _Cand | None:
    """A part of a named day: "la soirée du 31 décembre" (TEV), "la matinée de lundi"
    (TMO), "la nuit du 3 au 4 août 2022" and "la nuit du 31 décembre au 1er janvier"
    (TNI of the first day, one tag over the whole phrase). The day is resolved as it would
    be alone (tense for a weekday or a date without a year)."""
    part = DAY_PARTS[m["part"].lower()]
    pos = m.start("rest")
    if not re.match(r"\d|1er|premier", m["rest"], re.I) and \
            not re.match(rf"{WD}\s+{DAYNUM}", m["rest"], re.I):
        sub = _RULES_BY_NAME["weekday"][0].match(ctx.text, pos)
        if sub is None or sub["part"] or sub["det"]:
            return None
        c = _weekday_rule(ctx, sub)
        end = sub.end()
        if c is None or not c.value or re.match(rf"\s+(?:à|au)\s+{WD}", ctx.text[end:], re.I):
            return None  # "la nuit de samedi à dimanche": the night_of rule
    else:
        rng = _RULES_BY_NAME["day_range"][0].match(ctx.text, pos)
        if rng is not None and rng["sep"].strip().lower() in ("au", "à"):
            res = _day_range(ctx, rng)
            if not res or len(res) < 2:
                return None
            c, end = res[0], rng.end()
        else:
            sub = _RULES_BY_NAME["date_dm"][0].match(ctx.text, pos)
            if sub is None or sub["part"] or sub["det"]:
                return None
            c = _date_dm(ctx, sub)
            end = sub.end()
            tail = re.match(rf"\s+au\s+(?:{WD}\s+)?{DAYNUM}\s+{MONTH}(?:\s+{YEAR4})?{_E}", ctx.text[end:], re.I)
            if tail:  # "la nuit du 31 décembre au 1er janvier"
                end += tail.end()
        if c is None or not (_DAY_VALUE.match(c.value) or c.value.startswith("XXXX")):
            return None
    return _Cand(m.start(), end, "TIME", c.value[:10] + part, "part_of_day", c.anchored)


_DEICTIC = {"avant-hier": -2, "hier": -1, "aujourd'hui": 0, "aujourd’hui": 0, "demain": 1,
            "après-demain": 2}


@_rule("deictic_day", rf"{_B}(?P<w>avant-hier|après-demain|hier|demain|aujourd['’]hui)"
       rf"(?:\s+(?P<wd>{WD}))?(?:\s*,?\s+(?:(?:en\s+)?(?P<edge>début|fin|milieu)\s+(?:de\s+|d['’])|"
       rf"dans\s+la\s+|au\s+|en\s+)?(?P<part>{PART_OR_NOON}))?{_E}", priority=5)
def _deictic(ctx: _Context, m: re.Match[str]) -> _Cand | None:
    w = m["w"].lower().replace("’", "'")
    part = _PART_VALUES.get(m["part"].lower()) if m["part"] else None
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


@_rule("this_part", rf"{_B}(?:ce|cet|cette)\s+(?P<part>{PART})(?P<la>-là)?{_E}", priority=4)
def _this_part(ctx: _Context, m: re.Match[str]) -> _Cand | None:
    """ "ce soir" is the evening of the publication date; "ce soir-là" (the demonstrative
    with "-là") points back to the day the text is telling, like "le lendemain"."""
    part = DAY_PARTS[m["part"].lower()]
    if m["la"]:
        def from_ref(ref: date | None) -> str:
            return (ref.isoformat() if ref else "XXXX-XX-XX") + part
        return _Cand(m.start(), m.end(), "TIME", "", "this_part", from_ref=from_ref)
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
                 "week-end": "XXXX-WXX-WE", "trimestre": "XXXX-QX", "semestre": "XXXX-HX",
                 "décennie": "XXXX", "siècle": "XXXX"}[u]
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
    elif u == "semestre":
        h = (dct.year * 2 + (dct.month - 1) // 6) + k
        value = f"{h // 2}-H{h % 2 + 1}"
    elif u == "décennie":
        value = f"{dct.year // 10 + k}X"  # a decade as TimeBank writes it: 196X
    else:  # siècle
        value = f"{dct.year // 100 + k:02d}XX"
    return _Cand(m.start(), m.end(), "DATE", value, "rel_unit", True)


@_rule("edge_unit", rf"{_B}(?:(?P<det>la|le)\s+)?(?P<edge>fin|début|milieu)\s+"
       rf"(?:de\s+l['’]\s*|du\s+|de\s+la\s+|de\s+(?:cette|ce|cet)\s+|d['’]\s*|de\s+)"
       rf"(?P<u>année|an|mois|semaine|week-end|trimestre|semestre|décennie|siècle)(?!\s*\d)"
       rf"(?:\s+(?P<rel>prochaine?|derni(?:er|ère)|passée?|en\s+cours))?{_E}", priority=4)
def _edge_unit(ctx: _Context, m: re.Match[str]) -> _Cand | None:
    """ "la fin de l'année", "le début de la semaine", "fin de mois", "la fin du siècle":
    the edge of a calendar unit is that unit of the publication date (the TimeBank keeps
    the edge as a mod, out of the value: "fin 2022" is 2022); "la fin de l'année prochaine"
    shifts it. "la fin de la semaine suivante" counts from another date: left alone."""
    if re.match(r"\s+(?:suivante?|précédente?)\b", ctx.text[m.end():], re.I):
        return None
    rel = (m["rel"] or "").lower()
    k = 0 if not rel or rel.startswith("en") else (-1 if rel.startswith(("dern", "pass")) else 1)
    c = _unit_offset(ctx, m, k, unit=m["u"])
    if c is not None:
        c.rule = "edge_unit"
    return c


@_rule("ago", rf"{_B}il\s+y\s+a\s+(?:(?P<mod>{MOD}){MODSEP})?(?P<n>{NUM}|{VAGUE}|{COLL})\s*{_UNIT_RX}{_E}|"
       rf"{_B}il\s+y\s+a\s+(?P<long>longtemps|peu){_E}", priority=5)
def _ago(ctx: _Context, m: re.Match[str]) -> _Cand | None:
    return _offset(ctx, m, -1, "ago")


@_rule("in", rf"{_B}dans\s+(?:(?P<mod>{MOD}){MODSEP})?(?P<n>{NUM}|{COLL})\s*{_UNIT_RX}{_E}(?!\s+(?:de|d['’])\s)",
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
        value = {"Y": "XXXX", "M": "XXXX-XX", "DE": "XXXX", "CE": "XXXX"}.get(code, "XXXX-XX-XX")
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
        value = f"{dct.year // 10 + round(k)}X"
    elif code == "CE":
        value = f"{dct.year // 100 + round(k):02d}XX"
    else:
        return None
    return _Cand(m.start(), m.end(), "DATE", value, rule, True)


@_rule("duration", rf"{_B}(?:(?P<mod>{MOD}){MODSEP})?(?P<n>{NUM}|{VAGUE}|{COLL})\s*(?:(?P<seul>seule?s?)\s+)?{_UNIT_RX}"
       rf"(?:\s+et\s+(?P<half>demie?|quart))?{_E}")
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
    if nt in ("un", "une") and unit in ("jour", "fois") and not m["seul"] and not re.search(
            r"(?:pendant|durant|pour|en|de|d['’]|dans|après|depuis|a)\s*$", before, re.I):
        return None  # "un jour, il reviendra": some day, not a length of one day
    if unit in ("an", "ans") and (_is_age(ctx, m.start(), before, after) or (
            m["mod"] and re.search(r"\bles\s*$", before, re.I))):
        return None  # an age, or an age group ("les moins de 17 ans")
    if UNITS[unit][1] and unit.startswith("heure") and re.search(
            r"(?:\bà|\bvers|\bdès|jusqu['’]à|\bavant|\baprès|\bde)\s*$", before, re.I) and \
            n is not None and n <= 24 and not m["mod"] and not _measure_of_noun(before, nt, after):
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
        n += 0.25 if m["half"].lower() == "quart" else 0.5
    if n is not None and n > 10000:
        return None
    value = _duration_value(n, unit)
    return _Cand(m.start(), m.end(), "DURATION", value, "duration")


def _counts_a_noun(ctx: _Context, end: int) -> bool:
    """The number ending at ``end`` is followed by the noun it counts."""
    nxt = re.match(r"\s+([^\W\d_][\w-]*)", ctx.text[end:])
    if not nxt:
        return False
    if ctx.doc is not None:
        span = ctx.doc.char_span(end + nxt.start(1), end + nxt.end(1), alignment_mode="expand")
        return span is not None and len(span) > 0 and span[0].pos_ in ("NOUN", "PROPN", "ADJ")
    w = nxt.group(1)
    return w[:1].islower() and w.endswith(("s", "x")) and w.lower() not in FUNCTION_WORDS_IN_S


def _measure_of_noun(before: str, nt: str, after: str) -> bool:
    """ "une retransmission de trois heures", "un vol de 3 heures": "de N heures" after an
    indefinite noun phrase measures the noun; "de 9 heures à 17 heures", "le train de
    8 heures", "à partir de 10 heures" are clock times."""
    if re.match(r"\s*(?:à|au|-|jusqu)", after, re.I):
        return False  # a range of clock times
    if not re.search(r"\bde\s*$", before, re.I) or re.search(
            r"\b(?:partir|autour|environ|aux\s+alentours)\s+de\s*$", before, re.I):
        return False
    if nt[:1].isdigit():  # "un vol de 3 heures"
        return bool(re.search(r"\bune?\s+[a-zàâçéèêëîïôûù]+\s+de\s*$", before, re.I))
    # news write clock times in digits: "une retransmission en direct de trois heures",
    # "le film de deux heures"
    return bool(re.search(r"\b[a-zàâçéèêëîïôûù]{2,}\s+de\s*$", before))


_DURATION_GOVERNORS = frozenset(
    "période durée peine peines délai délais espace intervalle terme bout plus moins près "
    "pendant durant mandat contrat bail absence cycle programme plan trêve moratoire "
    "prison réclusion emprisonnement détention sursis suspension interdiction retard "
    "avance total totalisé âge carrière expérience existence règne exil séjour attente".split())


_RANGE_FROM = rf"(?:{NUM}\s+(?:à|et)\s+)?"  # "de 24 à 61 ans", "entre vingt et trente ans"
_PERSON_OF_RX = re.compile(r"\b(?:" + "|".join(PERSON_NOUNS) + r")\b[^.,;]{0,30}\bd['’e]\s*" + _RANGE_FROM + "$")
# Nouns of agents and people by their suffix ("un vacancier", "une randonneuse", "un
# touriste", "un passant", "un septuagénaire"), after a determiner: "un vacancier de 45 ans"
_PERSON_SUFFIX_RX = re.compile(
    r"\b(?:un|une|le|la|l['’]|les|des|ce|cet|cette|ces|deux|trois|quatre|cinq)\s+"
    r"(\w+(?:eur|euse|rice|ier|ière|iste|ant|ante|aire))s?(?:\s+[a-zé]\w+)?\s+d['’e]\s*" + _RANGE_FROM + "$")
_NOT_PERSONS = frozenset(
    "chantier calendrier dossier métier quartier papier sentier atelier fichier courrier carrière "
    "croisière filière première matière manière lumière rivière frontière barrière prière "
    "labeur bonheur malheur honneur secteur moteur compteur facteur valeur longueur hauteur "
    "largeur profondeur chaleur douleur couleur faveur rigueur ampleur erreur horreur terreur "
    "vigueur lenteur instant montant tournant restaurant carburant volant calvaire salaire "
    "itinéraire anniversaire inventaire horaire commentaire séminaire questionnaire".split())


def _is_age(ctx: _Context, start: int, before: str, after: str) -> bool:
    """ "N ans" naming an age rather than a duration, by the general French patterns:
    an apposition ("Jean, 87 ans, …", "(34 ans)"), "âgé de N ans", "avoir N ans",
    "les moins de 17 ans", "à 24 ans, il …", and "un électricien de 37 ans" — a noun
    followed by "de N ans" that ends the noun phrase, unless the noun measures time
    ("une peine de 10 ans")."""
    b = before.lower()
    if re.search(r"(?:âgée?s?|agée?s?)\s+(?:d['’e]|entre)\s*(?:plus\s+de\s+|moins\s+de\s+|près\s+de\s+)?"
                 + _RANGE_FROM + "$", b):
        return True  # "âgé de 45 ans", "âgés de 24 à 61 ans", "âgés entre 18 et 25 ans"
    if re.search(r"\b(?:ses|son|leurs|leur|mes|mon|tes|ton|nos|vos|votre|notre)\s+$", b) and \
            not re.match(r"\s+(?:de|d['’])\s*\w", after):
        return True  # "qui fêtera ses 30 ans", "à ses 18 ans"; but "ses 30 ans de carrière"
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
    suffixed = _PERSON_SUFFIX_RX.search(b)
    if suffixed and suffixed.group(1) not in _NOT_PERSONS and suffixed.group(1) not in _DURATION_GOVERNORS \
            and not re.match(r"\s+(?:de|d['’])\s", after):
        return True
    noun = re.search(r"(\w+)\s+(?:(\w+)\s+)?d['’e]\s*(?:\d+\s+à\s+)?$", b)
    if noun and not re.match(r"\s+(?:de|d['’])\s", after) and re.match(r"\s*(?:[,.;:)]|$|\w+(?:e|é|a|i|u)\b)", after):
        w = noun.group(1)
        # the noun may be either word before "de" ("une carrière de", "une peine ferme de")
        if not {w, noun.group(2)} & _DURATION_GOVERNORS and not w.isdigit() and w not in ("ans", "années"):
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
    """ "les douze derniers mois" P12M. With the demonstrative and no number, "ces derniers
    jours", "ces prochaines semaines" are a span of unstated length that ends (starts) now:
    a DURATION with an X count, like the TimeBank's "ces dernières 24 heures" PT24H.
    "les derniers mois (de la guerre)" need not touch now: a past (future) reference."""
    nt = m["n"] or m["n2"]
    future = m["rel"].lower().startswith("proch")
    if nt is None:
        if m["det"].lower() == "ces":
            return _Cand(m.start(), m.end(), "DURATION", _duration_value(None, m["u"]), "last_units")
        return _Cand(m.start(), m.end(), "DATE", "FUTURE_REF" if future else "PAST_REF", "last_units")
    n = _word_number(nt)
    return _Cand(m.start(), m.end(), "DURATION", _duration_value(n, m["u"]), "last_units")


@_rule("half_unit", rf"{_B}(?:(?P<mod>{MOD}){MODSEP})?(?:(?P<n>une?|{NUM})\s+)?(?:"
       rf"demi-(?P<u>heure|journée|siècle|année|mois|saison)|"
       rf"(?P<q>quarts?)\s+(?:d['’]\s*(?P<qu>heure)|de\s+(?P<qu2>siècle))){_E}", priority=2)
def _half(ctx: _Context, m: re.Match[str]) -> _Cand | None:
    """Fractions of a unit: "une demi-heure" PT30M, "une demi-journée" PT12H (half of 24
    hours, as "une journée et demie" is P1DT12H), "un demi-siècle" P50Y, "un quart d'heure"
    PT15M, "trois quarts d'heure" PT45M, "un quart de siècle" P25Y."""
    if m["u"]:
        if m["n"] and m["n"].lower() not in ("un", "une"):
            return None
        value = {"heure": "PT30M", "journée": "PT12H", "siècle": "P50Y", "année": "P6M",
                 "mois": "P2W", "saison": "P6M"}[m["u"].lower()]
        return _Cand(m.start(), m.end(), "DURATION", value, "duration")
    if not m["n"]:
        return None  # "quart d'heure" with no count: "le dernier quart d'heure" (a period)
    k = _word_number(m["n"])
    if k is None or not 1 <= k <= 3 or (k > 1) != m["q"].lower().endswith("s"):
        return None
    if m["qu"]:
        return _Cand(m.start(), m.end(), "DURATION", f"PT{int(15 * k)}M", "duration")
    return _Cand(m.start(), m.end(), "DURATION", f"P{int(25 * k)}Y", "duration")


@_rule("duration_compound", rf"{_B}(?:(?P<mod>{MOD}){MODSEP})?(?P<n1>{NUM})\s*(?P<u1>{UNIT})"
       rf"(?:\s+et\s+|\s+)(?P<n2>{NUM})(?:\s*(?P<u2>{UNIT}))?{_E}", priority=3)
def _duration_compound(ctx: _Context, m: re.Match[str]) -> _Cand | None:
    """Compound lengths, largest unit first: "4 minutes et 28 secondes" PT4M28S, "trois ans
    et deux mois" P3Y2M; and hours with bare minutes, "une heure trente" PT1H30M, unless
    a preposition makes it a clock time ("à une heure trente", "de 14 heures 30 à…")."""
    if re.search(r"\b(?:il\s+y\s+a|dans)\s*$", ctx.text[max(0, m.start() - 12):m.start()], re.I):
        return None  # "il y a deux ans et trois mois": the ago/in rules' own expression
    rank = ["Y", "M", "W", "D", "H", "TM", "S"]
    n1, n2 = _word_number(m["n1"]), _word_number(m["n2"])
    if n1 is None or n2 is None or n1 != int(n1) or n2 != int(n2):
        return None
    c1, t1 = UNITS[m["u1"].lower()]
    if m["u2"]:
        c2, t2 = UNITS[m["u2"].lower()]
    elif c1 == "H" and n2 < 60:
        c2, t2 = "M", True
        before = ctx.text[max(0, m.start() - 30):m.start()]
        after = ctx.text[m.end():m.end() + 15]
        if _counts_a_noun(ctx, m.end("n2")):
            return None  # "pendant deux heures trente manifestants…": "trente" counts the noun
        if re.search(r"(?:\bà|\bvers|\bdès|jusqu['’]à|\bavant|\baprès|\bet|\bentre)\s*$", before, re.I):
            return None
        if re.search(r"\bde\s*$", before, re.I) and not _measure_of_noun(before, m["n1"].lower(), after):
            return None
    else:
        return None
    k1, k2 = (("T" + c1) if t1 and c1 == "M" else c1), (("T" + c2) if t2 and c2 == "M" else c2)
    if k1 not in rank or k2 not in rank or rank.index(k2) <= rank.index(k1):
        return None
    if m["n1"][:1].isupper() and not ctx.sentence_initial(m.start("n1")) or n1 > 10000:
        return None
    if m["u1"][:1].isupper() and not m["u1"].isupper():
        return None  # a capitalised unit is part of a name
    if c1 == "Y" and _is_age(ctx, m.start(), ctx.text[max(0, m.start() - 40):m.start()],
                             ctx.text[m.end():m.end() + 15]):
        return None  # "un enfant de 3 ans et 6 mois": an age
    value = _iso_duration([(c1, n1, t1), (c2, n2, t2)])
    return _Cand(m.start(), m.end(), "DURATION", value, "duration_compound")


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


_SEASON_WORDS = ["printemps", "été", "étés", "automne", "automnes", "hiver", "hivers"]
_EVERY_WORDS = (list(UNITS) + list(WEEKDAYS) + [w + 's' for w in WEEKDAYS]
                + ['matin', 'matins', 'soir', 'soirs', 'après-midi'] + _SEASON_WORDS)


@_rule("set_every", rf"{_B}(?:chaque|tous\s+les|toutes\s+les)\s+(?:(?P<n>{NUM})\s+)?"
       rf"(?P<u>{_alt(_EVERY_WORDS)}){_E}", priority=4)
def _set_every(ctx: _Context, m: re.Match[str]) -> _Cand | None:
    u = m["u"].lower()
    if u in _SEASON_WORDS:  # "chaque été", "tous les hivers": every summer (XXXX-SU)
        if m["n"]:
            return None
        code = SEASONS["printemps" if u == "printemps" else u.rstrip("s")][0]
        return _Cand(m.start(), m.end(), "SET", f"XXXX-{code}", "set_every")
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


@_rule("ici", rf"(?<=d['’])ici(?=\s+(?:le\s+)?{DAYNUM}\s+{MONTH}\b)", priority=1)
def _ici(ctx: _Context, m: re.Match[str]) -> _Cand | None:
    """ "d'ici" is a preposition: the expression after it is the timex ("d'ici <mercredi>",
    "d'ici <la fin de l'année>"). Only before a calendar date does the French TimeBank also
    tag "ici" itself, as the start of the span (the publication date): "d'<ici> <le 30 juin>"."""
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

