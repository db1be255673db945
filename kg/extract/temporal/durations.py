"""Durations and sets: counts of units (with the rules that tell an age or a clock time from a
length), "les douze derniers mois", fractions and compounds of units, periods of office,
"toute l'année"; sets ("chaque dimanche", "deux fois par semaine", "quotidiennement",
"le dîner annuel").
"""

from __future__ import annotations

import bisect
import re

from kg.extract.temporal.base import (
    _Cand,
    _Context,
    _is_adjective,
    _rule,
)
from kg.extract.temporal.numbers import _count, _duration_value, _iso_duration, _word_number
from kg.extract.temporal.patterns import (
    _B,
    _E,
    _UNIT_RX,
    COLL,
    MOD,
    MODSEP,
    NUM,
    UNIT,
    VAGUE,
    _alt,
)
from kg.resources.temporal_fr import (
    DAY_PARTS,
    FREQUENCY_ADJECTIVES,
    FUNCTION_WORDS_IN_S,
    PERIOD_NOUNS,
    PERSON_NOUNS,
    SEASONS,
    UNITS,
    VAGUE_QUANTIFIERS,
    WEEKDAYS,
)


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
    if nt in ("un", "une") and unit in ("jour", "fois") and not m["seul"] and not (re.search(
            r"(?:pendant|durant|pour|en|de|d['’]|dans|après|depuis)\s*$", before, re.I) or (
            re.search(r"\ba\s*$", before) and re.match(r"\s+(?:de|d['’])\s*\w", after))):
        # *indefinite-day rule*: "un jour, il reviendra", "il a un jour déclaré", "elle
        # espère un jour devenir ministre": some day, not a length of one day, which needs
        # a preposition ("pendant un jour") or measures a noun ("a un jour de retard")
        return None
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


@_rule("whole_unit", rf"{_B}(?:toute\s+l['’]année|toute\s+la\s+(?:journée|semaine|nuit)|"
       rf"tout\s+le\s+(?:mois|week-end)){_E}", priority=2)
def _whole_unit(ctx: _Context, m: re.Match[str]) -> _Cand | None:
    """ "toute l'année", "toute la journée": the whole of one unit (a DURATION)."""
    unit = re.search(r"(année|journée|semaine|nuit|mois|week-end)", m.group(0).lower())
    assert unit is not None
    value = {"année": "P1Y", "journée": "P1D", "semaine": "P1W", "nuit": "P1D",
             "mois": "P1M", "week-end": "P1WE"}[unit.group(1)]
    return _Cand(m.start(), m.end(), "DURATION", value, "whole_unit")


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
