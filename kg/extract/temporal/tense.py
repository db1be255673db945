"""Tense of the clause holding an expression: from the governing verb's morphology in a spaCy
``Doc`` (auxiliaries, participles, infinitive complements, copulas), else from French verb
endings around the expression.
"""

from __future__ import annotations

import bisect
import re
from typing import TYPE_CHECKING

from kg.resources.temporal_fr import (
    MODAL_GOVERNORS,
    PROSPECTIVE_GOVERNORS,
    PROSPECTIVE_MARKS,
    RESCHEDULE_VERBS,
    SCHEDULE_VERBS,
)

if TYPE_CHECKING:
    from spacy.tokens import Token

    from kg.extract.temporal.base import _Context

PAST, FUTURE, PRESENT = "past", "future", "present"
# Evidence that a date may lie on either side of the publication date ("était prévu le
# 3 mars", a verbless headline segment): the search for a tense stops, and the date is
# the nearest one. :meth:`_Context.tense` reports it as None.
OPEN = "open"


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


def _prospective_forms() -> str:
    """Word beginnings of the prospective governors' forms, for text without a parse: the
    stem of each verb in -er ("promett-" and the like are listed: irregular)."""
    stems = {"promi", "promet", "veu", "voul", "prévoi", "prévoy", "prévu"}
    for lemma in PROSPECTIVE_GOVERNORS:
        if lemma.endswith("er") and len(lemma) >= 6:
            stems.add(lemma[:-2])
    return "|".join(re.escape(x).replace("é", "[éè]") for x in sorted(stems, key=len, reverse=True))


# "a promis de les recevoir [le 3 mars]", "appelle à manifester [jeudi]": an infinitive
# after a prospective governor, then the expression, in the same clause
_PROSPECTIVE_RX = re.compile(
    rf"\b(?:{_prospective_forms()})\w*\s+(?:\w+\s+){{0,2}}?(?:de\s+|d['’]|à\s+)"
    r"(?:(?:ne|pas|le|la|les|l['’]|lui|leur|se|s['’]|en|y|nous|vous|me|m['’]|te)\s*)*"
    r"[a-zàâçéèêëîïôûù]{2,}(?:er|ir|re|oir)\b[^.;:!?,]{0,40}$")


def _regex_tense(text: str, sent: tuple[int, int], start: int, end: int) -> str | None:
    s, e = sent
    lowered = text.lower()  # headlines are often in capitals
    if _PROSPECTIVE_RX.search(lowered, s, start):
        return FUTURE  # the infinitive rule, by words
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


# A present governor with an infinitive looks ahead ("doit s'ouvrir", "va signer").
_FUTURE_HEADS = MODAL_GOVERNORS | PROSPECTIVE_GOVERNORS


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


def _verb_tense(v: Token, finite_only: bool = False, direct: bool = False) -> str | None:
    """Tense of a verb with its auxiliaries (UD morphology from spaCy). ``direct``: the
    expression is the verb's own dependent (the infinitive rule's condition)."""
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
        return _infinitive_tense(v, direct)
    if "Part" in morph.get("VerbForm"):
        pass_aux = [a for a in auxes if a.dep_ == "aux:pass"]
        if pass_aux:
            t = pass_aux[0].morph.get("Tense")
            return PAST if ("Imp" in t or "Past" in t) else PRESENT
        if v.dep_ == "xcomp" and v.head.i != v.i and v.head.pos_ in ("VERB", "AUX"):
            if _compound_past(v):
                tense = _verb_tense(v.head, finite_only=True)
                return FUTURE if tense == FUTURE else PAST
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


def _compound_past(v: Token) -> bool:
    """*Compound past rule*: a past participle the parser hangs as the complement of a finite
    "avoir" (of "être" for a verb conjugated with "être") is a compound tense, however it
    labels the auxiliary: "n'a pas démissionné", "n'avait jamais signé", "ne sont pas venus"
    are a passé composé or a pluperfect (a future "aura signé" stays a future)."""
    head = v.head
    if "Past" not in v.morph.get("Tense") or "Fin" not in head.morph.get("VerbForm"):
        return False
    aux = head.lemma_.lower()
    return aux == "avoir" or (aux == "être" and v.lemma_.lower() in _ETRE_VERBS)


def _infinitive_tense(v: Token, direct: bool) -> str | None:
    """*Infinitive rule*: an infinitive takes its orientation from its governor. A
    prospective governor (promettre, s'engager à, décider de, menacer de, appeler à, la
    promesse de…) or conjunction ("avant de", "pour", "afin de") puts it ahead whatever
    the governing tense; a modal keeps its own tense, the imperfect leaving either side
    open; "venir de" is a recent past; any other verb lends its tense. A perfect infinitive ("d'avoir reçu") is a past before this rule is asked.
    The governor of "appeler les habitants à manifester" is "appeler", through its object.
    A prospective governor counts only for a date that depends on the infinitive itself
    (``direct``), not one deep in a phrase the parser hung on it ("prêt à coopérer à la
    suite de la défaite de dimanche")."""
    marks = " ".join(c.lower_ for c in v.children if c.dep_ == "mark" and c.i < v.i).replace("’", "'")
    if direct and marks in PROSPECTIVE_MARKS:
        return FUTURE  # "avant de quitter ses fonctions le 30 octobre", "pour signer lundi"
    gov = v.head
    if gov.i == v.i:
        return None
    if gov.pos_ in ("NOUN", "PRON", "PROPN") and gov.dep_ in ("obj", "iobj") and \
            gov.lemma_.lower() not in PROSPECTIVE_GOVERNORS and gov.head.i != gov.i:
        gov = gov.head  # the infinitive completes the object: "appelle les habitants à…"
    lemma = gov.lemma_.lower()
    if direct and lemma in PROSPECTIVE_GOVERNORS and gov.pos_ in ("VERB", "AUX", "NOUN", "ADJ"):
        return FUTURE
    mark = next((c for c in v.children if c.dep_ == "mark" and c.lower_ in ("à", "de", "d'", "d’")), None)
    if direct and mark is not None and mark.i > 0 and \
            v.doc[mark.i - 1].lemma_.lower() in PROSPECTIVE_GOVERNORS and v.doc[mark.i - 1].pos_ == "NOUN":
        return FUTURE  # "un appel à manifester jeudi", however the parser hangs it
    if gov.pos_ not in ("VERB", "AUX"):
        return None
    if lemma in MODAL_GOVERNORS:
        return _modal_tense(gov)
    if lemma == "venir" and any(c.lower_ == "de" for c in v.children):
        return PAST
    return _verb_tense(gov, direct=direct)  # a chain: "a décidé de commencer à construire"


def _modal_tense(v: Token) -> str | None:
    """Tense of a modal (aller, devoir, pouvoir) for its infinitive: "a dû partir lundi"
    past, "doit partir lundi" ahead, "devait partir lundi" either side."""
    if "Imp" in v.morph.get("Tense") and not _future_form(v) and not any(
            c.dep_ in ("aux", "aux:tense") for c in v.children):
        return OPEN
    tense = _verb_tense(v)
    return FUTURE if tense == PRESENT else tense


_TARGET_BEFORE = re.compile(r"(?:\b(?:à|au|pour)|jusqu['’](?:à|au|en))\s*(?:l['’]|le\s+|la\s+)?$", re.I)


def _scheduling_tense(ctx: _Context, v: Token, start: int) -> str | None:
    """*Scheduling rule*: a verb of scheduling governs its date as the target of a plan.
    Its participle without "avoir" ("la réunion prévue jeudi", "le sommet est prévu le
    3 mars", "attendu lundi") looks ahead; a past planning ("était prévu", "a été
    programmé") leaves either side open. A verb that moves or announces a date does so
    only when the date is its target, after "à", "au", "pour" ("reporté au 3 mars",
    "annoncé pour jeudi"); so does a verb of decision or promise with a date of effect ("a décidé
    une hausse au 1er juillet", "promet la gratuité à partir du 1er septembre"). None when the
    verb is not one of these."""
    lemma = v.lemma_.lower()
    if lemma in PROSPECTIVE_GOVERNORS and lemma not in RESCHEDULE_VERBS | SCHEDULE_VERBS \
            and _EFFECT_BEFORE.search(ctx.text[max(0, start - 20):start]):
        # "a décidé une hausse au 1er juillet": the date of effect is the decision's target
        return OPEN if _verb_tense(v) == PAST else FUTURE
    if lemma in RESCHEDULE_VERBS:
        if not _TARGET_BEFORE.search(ctx.text[max(0, start - 15):start]):
            return None  # "le plan annoncé lundi": the day of the announcement
    elif lemma not in SCHEDULE_VERBS:
        return None
    if "Part" not in v.morph.get("VerbForm") and lemma in SCHEDULE_VERBS:
        return None  # "il attend lundi", "on prévoit une hausse": not a planned date
    auxes = [c for c in v.children if c.dep_ in ("aux", "aux:tense", "aux:pass")]
    if "Part" in v.morph.get("VerbForm") and not auxes:
        return FUTURE  # adjectival: "prévue jeudi", "reportée au 3 mars"
    if lemma in SCHEDULE_VERBS and any(a.dep_ in ("aux", "aux:tense") for a in auxes) and \
            not any(a.dep_ == "aux:pass" for a in auxes):
        return None  # active "a prévu une réunion": left to the tense of "a prévu"
    tense = _verb_tense(v)
    return OPEN if tense == PAST else FUTURE


def _participle_tense(ctx: _Context, v: Token, start: int) -> str | None:
    """*Participle rule*: a past participle used as an adjective or a reduced relative
    ("un mouvement lancé lundi se poursuit", "le maire, élu en mars, veut…") tells a
    completed event: its date is past whatever the main verb's tense, unless the
    participle schedules it (see :func:`_scheduling_tense`) or the date is a bound after
    "avant" or "jusqu'à" ("les billets achetés avant le 1er mars restent valables"). A
    participle after a coordinated noun is rather a clause whose auxiliary is elided ("le
    rapport sera remis fin janvier, et la réforme présentée en février"): None, and the
    tense is sought higher up, in the clause that lends the auxiliary."""
    tense = _scheduling_tense(ctx, v, start)
    if tense:
        return tense
    if re.search(r"(?:\bavant|\bjusqu['’]\s*(?:à|au|en)?)\s*(?:le\s+|la\s+|l['’])?$",
                 ctx.text[max(0, start - 15):start], re.I):
        return None  # "les billets achetés avant le 1er mars": a threshold, either side
    noun = v.head
    if noun.dep_ == "conj" and any(c.dep_ == "cc" for c in noun.children):
        return None  # gapping: "…, et la réforme [sera] présentée en février"
    if "Past" in v.morph.get("Tense") and not _future_form(v):
        return PAST
    return None


_AUX_DEPS = ("aux", "aux:tense", "aux:pass", "cop")


def _cleft_clause(t: Token) -> Token | None:
    """*Cleft rule*: in "c'est jeudi que le ministre a démissionné" the expression set off by
    "c'est … que" is a circumstance of the que-clause, whose verb gives the tense — not the
    present of "c'est". The verb of that clause, or None when ``t`` heads no cleft."""
    if not any(c.dep_.startswith("expl") or c.lower_ in ("c'", "c’", "ce") for c in t.children if c.i < t.i):
        return None
    for c in t.children:
        if c.i > t.i and c.pos_ in ("VERB", "AUX") and c.dep_ in ("ccomp", "acl:relcl", "acl", "advcl", "csubj") \
                and any(m.lower_ in ("que", "qu'", "qu’") for m in c.children if m.i < c.i):
            return c
    return None


_ARGUMENT_DEPS = ("obj", "nsubj", "nsubj:pass", "obl:arg")
_EFFECT_BEFORE = re.compile(r"(?:\bau|\bà\s+partir\s+du|\bà\s+compter\s+du|\bdès\s+le)\s*$", re.I)


def _effect_tense(verb: Token) -> str:
    """*Date of effect rule*: a date of effect inside the noun a verb takes ("une hausse des
    tarifs au 1er juillet", "la réforme à compter du 1er janvier") belongs to that noun, not to
    the verb: "a été confirmée", "a été votée" tell when the change was decided, not when it
    applies. A prospective verb ("a décidé", "a annoncé une hausse au 1er juillet") puts it
    ahead; any other leaves either side open (the nearest date)."""
    return FUTURE if verb.lemma_.lower() in PROSPECTIVE_GOVERNORS else OPEN


def _doc_tense(ctx: _Context, start: int, end: int) -> str | None:
    doc = ctx.doc
    assert doc is not None
    i = max(0, bisect.bisect_right(ctx.tok_starts, start) - 1)
    tok = doc[i]
    sent = tok.sent
    seg = ctx.own_segment(start, end)
    # climb the dependency tree to the governing verb (or copula of a predicate)
    # direct: the expression depends on the verb reached, itself or through the verb's
    # object (a parser hangs "lundi" on "les raffineries" in "bloquer les raffineries lundi")
    t, steps, direct, outside = tok, 0, True, 0
    while steps < 8:
        if seg is not None and not seg[0] <= t.idx < seg[1]:
            break  # across a colon or semicolon: another clause's verb
        if t.pos_ in ("VERB", "AUX") and t.dep_ not in _AUX_DEPS:
            has_aux = any(c.dep_ in ("aux", "aux:tense", "aux:pass") for c in t.children)
            if "Part" in t.morph.get("VerbForm") and not has_aux and t.dep_ in ("acl", "amod"):
                tense = _participle_tense(ctx, t, start)
                if tense:
                    return tense
            else:
                tense = _scheduling_tense(ctx, t, start) or _verb_tense(t, direct=direct)
                if tense:
                    return tense
        elif t.pos_ in ("ADJ", "NOUN", "PROPN"):
            cops = [c for c in t.children if c.dep_ == "cop"]
            cleft = _cleft_clause(t) if cops else None
            if cleft is not None:
                tense = _verb_tense(cleft)
                if tense:
                    return tense
            if any(c.dep_ in ("aux", "aux:tense", "aux:pass") for c in t.children):
                tense = _verb_tense(t)
                if tense:
                    return tense
            if cops:
                tense = _verb_tense(cops[0], finite_only=True)
                if tense:
                    return tense
        if t.pos_ in ("NOUN", "PROPN") and not start <= t.idx < end and t.dep_ in _ARGUMENT_DEPS \
                and t.head.pos_ in ("VERB", "AUX") and _EFFECT_BEFORE.search(ctx.text[max(0, start - 20):start]):
            return _effect_tense(t.head)
        if t.head.i == t.i:
            break
        if not start <= t.idx < end:
            outside += 1
            direct = direct and outside == 1 and t.dep_ == "obj"
        t, steps = t.head, steps + 1
    # nominal clause: the nearest finite or participle verb in the sentence (in its own
    # segment when a colon or semicolon sets one off)
    verbs = [w for w in sent if w.pos_ in ("VERB", "AUX")
             and w.dep_ not in ("aux", "aux:tense", "aux:pass", "acl", "amod")
             and not (start <= w.idx < end)
             and (seg is None or seg[0] <= w.idx < seg[1])]
    verbs.sort(key=lambda w: abs(w.i - i))
    for v in verbs[:3]:
        tense = _verb_tense(v, finite_only=v.dep_ == "cop")
        if tense:
            return tense
    # a sentence without a verb (a headline split off by the parser): read the words
    if seg is not None:
        return _regex_tense(ctx.text, seg, start, end) or OPEN
    return _regex_tense(ctx.text, ctx.regex_sentence(start), start, end)
