"""Modality: did the event happen (`asserted`), or is it `negated`, `cancelled`, `possible`,
`planned`, or known only through someone's claim (`reported`)?

Decided from French grammar around the trigger, in this order (the first rule that fires wins):
a condition (its protasis and what depends on it are possible, negated or not), negation,
accusation, cancellation, a governing verb of possibility or plan (and that governor's own
negation or mood), the mood and tense of the verb, the modifiers of a nominal trigger (and the
presupposition of a definite one), then reported speech (a factive cue states a fact). After
dating, :func:`cancel_past_plans`: an event before the publication date is never planned. Each
rule is named; the name travels with the candidate for ``--errors``. Word lists are data:
``kg/resources/events/modality.toml``, with the stances of the claims lexicon. Rules:
docs/events.md.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cached_property, lru_cache
from importlib import resources
from typing import TYPE_CHECKING

from kg.extract.event_lexicon import norm
from kg.extract.events.context import SUBJ_DEPS, Candidate, Context, lemma, word_forms

if TYPE_CHECKING:
    from spacy.tokens import Token

_NEG_PRONOUNS = {"rien", "personne", "aucun", "aucune"}
_SUBJUNCTIVE_MARKS = {"que", "qu'", "qu’", "quoique"}
MODALITIES = ("asserted", "negated", "planned", "possible", "reported", "cancelled")
_GOVERNED = ("xcomp", "ccomp", "csubj", "obj", "obl:arg", "acl", "advcl")
_CONDITIONAL_ENDINGS = ("ait", "aient", "ais", "ions", "iez")
_IRREGULAR_CONDITIONALS = {"pourr", "ser", "aur", "fer", "enverr", "devr", "voudr", "viendr", "tiendr", "ir",
                           "verr", "saur", "faudr", "vaudr"}


def _words(values: list[str]) -> frozenset[str]:
    return frozenset(norm(w.removeprefix("s'").removeprefix("se ")) for w in values)


@dataclass(frozen=True)
class ModalityWords:
    """The French words of ``modality.toml``, accent-folded."""

    negators: frozenset[str]
    negative_dets: frozenset[str]
    negative_preps: frozenset[str]
    negative_nouns: frozenset[str]
    verbs: dict[str, frozenset[str]]  # modality -> governing verbs
    cancel_nouns: frozenset[str]
    adjectives: dict[str, frozenset[str]]  # "possible"/"planned" -> adjectives
    nouns: dict[str, frozenset[str]]
    possible_dets: frozenset[str]
    hypothesis_markers: frozenset[str]
    purpose_markers: frozenset[str]
    impersonal: frozenset[str]
    report_preps: frozenset[str]
    concessive: frozenset[str] = frozenset()  # "même si", "comme si": no condition
    condition_nouns: frozenset[str] = frozenset()  # "en cas de", "au cas où"
    accusing: frozenset[str] = frozenset()  # verbs of accusing and suspecting
    accusing_nouns: frozenset[str] = frozenset()  # their nominalisations: "accusation", "soupçon"
    alleging: frozenset[str] = frozenset()  # verbs whose participle hedges a noun: "présumé", "supposé"
    factive: frozenset[str] = frozenset()  # cues that presuppose their content: "confirmer", "reconnaître"
    controlling: frozenset[str] = frozenset()  # verbs whose indirect object does what their infinitive says
    temporal_preps: frozenset[str] = frozenset()  # prepositions of a time adjunct: "lors de", "après", "dès"

    @cached_property
    def governors(self) -> frozenset[str]:
        return frozenset().union(*self.verbs.values())

    @classmethod
    def load(cls) -> ModalityWords:
        return _default_words()


@lru_cache(maxsize=1)
def _default_words() -> ModalityWords:
    text = resources.files("kg.resources").joinpath("events/modality.toml").read_text("utf-8")
    d = tomllib.loads(text)

    def group(name: str, sub: str = "governors") -> frozenset[str]:
        g = d[name].get(sub, d[name])
        return _words(g.get("from_verbenet", []) + g.get("added", []) + g.get("verbs", []))

    from kg.extract.claims import Lexicon as ClaimLexicon  # the stances of the reporting lexicon

    claims = ClaimLexicon.load()

    def stance(name: str) -> frozenset[str]:
        return _words([v for v, s in claims.verbs.items() if s == name and " " not in v])

    accusing = group("reported", "accusation") | stance("accuse")
    accusing_nouns = _words([n for n, v in (claims.cue_nouns or {}).items() if norm(v) in accusing])

    return ModalityWords(
        negators=_words(d["negated"]["adverbs"]), negative_dets=_words(d["negated"]["determiners"]),
        negative_preps=_words(d["negated"]["prepositions"]), negative_nouns=_words(d["negated"]["nouns"]),
        verbs={m: group(m) for m in ("negated", "cancelled", "possible", "planned", "reported")},
        cancel_nouns=_words(d["cancelled"]["nouns"]),
        adjectives={m: _words(d[m]["adjectives"]) for m in ("possible", "planned")},
        nouns={m: _words(d[m]["nouns"]) for m in ("possible", "planned")},
        possible_dets=_words(d["possible"]["determiners"]),
        hypothesis_markers=_words(d["possible"]["markers"]), purpose_markers=_words(d["planned"]["markers"]),
        impersonal=_words(d["possible"]["impersonal"]), report_preps=_words(d["reported"]["prepositions"]),
        concessive=_words(d["possible"]["concessive"]), condition_nouns=_words(d["possible"]["condition_nouns"]),
        accusing=accusing, accusing_nouns=accusing_nouns, alleging=group("reported", "alleged"),
        factive=group("asserted", "factive") | stance("concede"),
        controlling=accusing | stance("demand") | group("negated"),
        temporal_preps=_words(d["asserted"]["temporal_prepositions"]),
    )


# --------------------------------------------------------------------------- grammar of one verb
def is_conditional(tok: Token) -> bool:
    """Conditional mood, also when the tagger took it for an imperfect ("menacerait", "pourrait")."""
    if "Cnd" in tok.morph.get("Mood"):
        return True
    if tok.morph.get("Tense") != ["Imp"]:
        return False
    text, lem = tok.lower_, tok.lemma_.lower()
    for ending in _CONDITIONAL_ENDINGS:
        if text.endswith("r" + ending):
            stem = text[: -len(ending)]
            return stem in (lem, lem[:-1]) or stem in _IRREGULAR_CONDITIONALS
    return False


def _compound_past(verb: Token) -> bool:
    """Passé composé or passé simple: "a dû", "dut"."""
    if "Past" in verb.morph.get("Tense") and verb.morph.get("VerbForm") == ["Fin"]:
        return True
    return verb.morph.get("VerbForm") == ["Part"] and any(
        c.dep_ == "aux:tense" and "Pres" in c.morph.get("Tense") for c in verb.children)


def _verb_group(verb: Token) -> list[Token]:
    return [verb, *(c for c in verb.children if c.dep_.startswith("aux") or c.dep_ == "cop")]


def _negated(verb: Token, w: ModalityWords) -> str | None:
    """Written French negates with "ne" and a second word: "ne … pas/jamais/plus", "rien ne", "personne
    ne". Without "ne", "jamais" and "plus" mean "ever" and "more" ("plus que jamais", "jamais envoyé")."""
    kids = list(verb.children)
    has_ne = any(lemma(c) in ("ne", "n'", "n’") for c in kids)
    # the second word may hang from another adverb ("n'y a pas encore eu": "pas" under "encore"), and a
    # negative pronoun may be the subject of a passive ("Personne n'a été blessé")
    words = kids + [g for c in kids if c.dep_ == "advmod" for g in c.children if g.dep_ == "advmod"]
    if has_ne and any(c.dep_ in ("advmod", "nsubj", "nsubj:pass", "obj") and lemma(c) in w.negators | _NEG_PRONOUNS
                      for c in words):
        return "negation"
    if any(c.dep_ in SUBJ_DEPS | {"obj"} and any(d.dep_ == "det" and lemma(d) in w.negative_dets
                                                 for d in c.children) for c in kids):
        return "negative-determiner"
    if any(c.dep_ in ("mark", "case") and lemma(c) in w.negative_preps for c in kids):
        return "sans"
    if verb.dep_ in ("acl", "amod") and verb.head.i != verb.i and verb.head.pos_ in ("NOUN", "PROPN") \
            and _negative_noun_phrase(verb.head, w):
        return "negative-determiner"  # a headline: "Aucun accord signé", "Pas d'accord conclu"
    return None


def _negative_noun_phrase(noun: Token, w: ModalityWords) -> bool:
    """ "aucun accord", "nul accord", "pas d'accord", "pas de cessez-le-feu" (a verbless negation)."""
    kids = list(noun.children)
    if any(c.dep_ in ("det", "amod") and lemma(c) in w.negative_dets and c.i < noun.i for c in kids):
        return True  # "aucun accord", "nul accord" (taken for an adjective)
    des = [c for c in kids if c.dep_ in ("det", "case") and lemma(c) in ("de", "d'", "d’")]
    return bool(des) and any(c.dep_ == "advmod" and lemma(c) in w.negators and c.i < noun.i
                             for c in kids + [g for d in des for g in d.children])


def _is_protasis(verb: Token, w: ModalityWords) -> bool:
    """The verb states a condition: "si la Russie attaquait", "au cas où elle attaquerait" (not "même si")."""
    kids = list(verb.children)
    for c in kids:
        if c.dep_ in ("mark", "case") and lemma(c) in w.hypothesis_markers:
            before = verb.doc[c.i - 1] if c.i > 0 else None
            if before is None or lemma(before) not in w.concessive:
                return True
    return _under_condition_noun(verb, w)


def _under_condition_noun(tok: Token, w: ModalityWords) -> bool:
    """ "en cas d'attaque", "au cas où la Russie attaquerait", "dans le cas où": the locution's noun
    without a determiner, or with the relative "où" that opens the condition."""
    head = tok.head
    if head.i == tok.i or lemma(head) not in w.condition_nouns or tok.dep_ not in ("nmod", "acl:relcl", "acl"):
        return False
    bare = not any(c.dep_ == "det" for c in head.children)
    relative_ou = any(lemma(c) == "ou" and c.i > head.i for c in tok.children) or any(
        lemma(c) == "ou" for c in head.children)
    return bare or relative_ou


def _condition(verb: Token, w: ModalityWords) -> tuple[str, str] | None:
    """A condition and what depends on it are possible, negated or not: the protasis ("si les entreprises
    n'investissent pas"), the apodosis ("elles disparaîtront", "la Russie ne pourrait pas attaquer si …")."""
    if _is_protasis(verb, w):
        return "possible", "hypothetical-si"
    node = verb
    for _ in range(3):  # the verb, or the modal/control verb it is the complement of
        if _has_hypothesis_clause(node, w):
            return "possible", "condition-apodosis"
        if node.dep_ in ("advcl", "parataxis") and node.head.i != node.i and _is_protasis(node.head, w) \
                and node.i > node.head.i:
            return "possible", "condition-apodosis"  # the parser hung the main clause on the "si" clause
        if node.dep_ not in ("xcomp", "conj") or node.head.i == node.i or node.head.pos_ not in ("VERB", "AUX"):
            break
        node = node.head
    return None


def _mood(verb: Token, w: ModalityWords) -> tuple[str, str] | None:
    """What the verb's own mood, tense and subordinator say."""
    kids = list(verb.children)
    marks = {lemma(c) for c in kids if c.dep_ in ("mark", "case")}
    if marks & w.purpose_markers and verb.morph.get("VerbForm") == ["Inf"]:
        return "planned", "purpose"
    group = _verb_group(verb)
    if any(is_conditional(t) for t in group):
        return "reported", "conditional-journalistic"  # "aurait recherché": unconfirmed information
    if any("Sub" in t.morph.get("Mood") for t in group) and marks & _SUBJUNCTIVE_MARKS:
        return "possible", "subjunctive"  # a subjunctive follows "que": "il faut que…", "pour que…"
    if any("Fut" in t.morph.get("Tense") for t in group):
        return "planned", "future-tense"
    return None


def _has_hypothesis_clause(verb: Token, w: ModalityWords) -> bool:
    """A "si …" clause hangs from the verb: "si la Russie signait, Séoul réagirait"."""
    for c in verb.children:
        if c.dep_ in ("advcl", "ccomp", "obl:mod", "obl") and c.pos_ in ("VERB", "AUX") and _is_protasis(c, w):
            return True
        if c.dep_ in ("obl:mod", "obl") and any(_under_condition_noun(n, w) for n in c.children):
            return True  # "en cas d'attaque, l'Otan interviendra"
    return False


def _governor_rule(verb: Token, w: ModalityWords, depth: int = 0) -> tuple[str, str] | None:
    """A governing verb, adjective or noun: "prévoit de rencontrer", "a tenté de", "il est possible que"."""
    if depth > 3 or verb.dep_ not in _GOVERNED or verb.head.i == verb.i:
        return None
    gov = verb.head
    if verb.dep_ == "acl" and verb.morph.get("VerbForm") == ["Inf"] and gov.dep_ in ("obj", "iobj") \
            and gov.head.pos_ in ("VERB", "AUX"):
        gov = gov.head  # "empêcher les manifestants de défiler": the infinitive hangs from the object
    forms = word_forms(gov)
    if gov.pos_ in ("VERB", "AUX") and forms & w.accusing and _complement_clause(verb):
        return "reported", "accusation"  # "accusé de fournir", "soupçonné d'avoir tué", "on lui reproche d'avoir"
    if gov.pos_ == "NOUN" and forms & w.accusing_nouns:
        return "reported", "accusation"  # "l'accusation d'avoir livré des armes"
    if gov.pos_ in ("VERB", "AUX"):
        for modality in ("negated", "cancelled", "possible", "planned", "reported"):
            if modality == "planned" and lemma(gov) == "devoir" and _compound_past(gov):
                continue  # "a dû être hospitalisé": an obligation met, not a plan
            if modality == "reported" and _future_in_the_past(verb, gov):
                return "planned", "future-in-the-past"
            if forms & w.verbs[modality] and (modality != "reported" or verb.dep_ in ("ccomp", "xcomp")):
                if _negated(gov, w) and modality in ("planned", "possible"):
                    return "negated", "negated-governor"
                if modality == "planned" and any(is_conditional(t) for t in _verb_group(gov)):
                    return "possible", "conditional-governor"
                return modality, f"{modality}-governor"
        if verb.dep_ == "xcomp":  # control chains: "a décidé de tenter de …" reads through "décider"
            return _governor_rule(gov, w, depth + 1) or _own_rule(gov, w)
        return None
    if gov.pos_ == "ADJ" and forms & w.impersonal:
        return "possible", "impersonal-possible"
    if gov.pos_ == "NOUN":
        for modality in ("possible", "planned"):
            if forms & w.nouns[modality]:
                return modality, f"{modality}-noun"
        if forms & w.cancel_nouns:
            return "cancelled", "cancel-noun"
        if forms & w.negative_nouns:
            return "negated", "negative-noun"
    return None


def _future_in_the_past(verb: Token, gov: Token) -> bool:
    """Sequence of tenses: after a verb of saying in a past tense, the conditional of the que-clause is
    the future seen from then ("a annoncé qu'il ferait appel", "avait promis qu'il viendrait"): a plan,
    not hearsay."""
    return verb.dep_ == "ccomp" and any(is_conditional(t) for t in _verb_group(verb)) \
        and not _has_hypothesis_clause(verb, _default_words()) \
        and any("Past" in t.morph.get("Tense") or "Imp" in t.morph.get("Tense") or t.dep_ == "aux:tense"
                for t in _verb_group(gov))


def _complement_clause(verb: Token) -> bool:
    """The verb is what its governor says: an infinitive ("accusé de fournir") or a que-clause ("soupçonne
    que …"), not a clause the parser hung there ("les faits qui lui sont reprochés remontent à …")."""
    if verb.dep_ not in ("xcomp", "ccomp", "acl", "advcl") or verb.i < verb.head.i:
        return False
    if verb.morph.get("VerbForm") == ["Inf"] or any(
            c.dep_.startswith("aux") and c.morph.get("VerbForm") == ["Inf"] for c in verb.children):
        return True  # "de fournir", "d'avoir livré"
    return verb.dep_ == "ccomp" and any(c.dep_ == "mark" and lemma(c) in ("que", "qu'", "qu’") for c in verb.children)


def _own_rule(verb: Token, w: ModalityWords) -> tuple[str, str] | None:
    cond = _condition(verb, w)
    if cond:
        return cond
    neg = _negated(verb, w)
    return ("negated", neg) if neg else _mood(verb, w)


# --------------------------------------------------------------------------- nominal triggers
def _noun_rule(noun: Token, w: ModalityWords) -> tuple[str, str] | None:
    """Determiners and modifiers of the noun, the noun it completes, then the verb it is an argument of."""
    if _negative_noun_phrase(noun, w):
        return "negated", "negative-determiner"
    if _under_condition_noun(noun, w):
        return "possible", "hypothetical-si"  # "en cas d'attaque"
    for c in noun.children:
        if c.dep_ == "det" and lemma(c) in w.possible_dets:
            return "possible", "generic-determiner"
        if c.dep_ == "case" and lemma(c) in w.negative_preps:
            return "negated", "sans"
        if c.dep_ in ("amod", "acl") and c.i != noun.i:
            forms = word_forms(c)
            forms = forms | {f[:-1] for f in forms if f.endswith("e") and len(f) > 4}  # "prévue", "prochaine"
            for modality in ("possible", "planned"):
                if forms & w.adjectives[modality]:
                    return modality, f"{modality}-adjective"
            if _participle_verbs(c) & w.alleging:
                return "reported", "alleged"  # "les livraisons supposées", "la prétendue attaque"
    head = noun.head
    if head.i != noun.i and noun.dep_ in ("nmod", "obl", "obl:arg") and head.pos_ == "NOUN":
        forms = word_forms(head)
        if forms & w.accusing_nouns:
            return "reported", "accusation"  # "les accusations de livraisons d'armes"
        if forms & w.cancel_nouns:
            return "cancelled", "cancel-noun"
        if forms & w.negative_nouns:
            return "negated", "negative-noun"
        for modality in ("possible", "planned"):
            if forms & w.nouns[modality]:
                return modality, f"{modality}-noun"
        if noun.dep_ == "nmod" and _definite(noun):
            # a presupposition escapes negation and report: "la nature de l'explosion n'était pas connue",
            # "… à la suite de la défaite de son parti, a-t-il dit"; a plan or a possibility still holds
            above = _noun_rule(head, w) if head.head.i != head.i else None
            return above if above and above[0] in ("planned", "possible", "cancelled") else ("asserted", "presupposed")
        noun, head = head, head.head  # "le but de la visite" → read the verb above "but"
    if head.i != noun.i and head.pos_ == "ADV" and lemma(head) in w.temporal_preps and head.head.i != head.i:
        noun, head = head, head.head  # "Lors de la manifestation": the parser hangs the noun on "lors"
        temporal = True
    else:
        temporal = _temporal_adjunct(noun, w)
    if head.i != noun.i and head.pos_ in ("VERB", "AUX") and temporal:
        # "À l'arrivée des secours, la victime n'a pas pu être réanimée": a time adjunct is presupposed,
        # outside the negation or report of its clause; a plan or a possibility still holds
        above = verb_modality(head, w)
        return above if above and above[0] in ("planned", "possible", "cancelled") else ("asserted", "presupposed")
    if head.i != noun.i and head.pos_ in ("VERB", "AUX") and noun.dep_ in ("obj", "nsubj", "nsubj:pass", "obl",
                                                                           "obl:arg", "obl:mod"):
        forms = word_forms(head)
        for modality in ("cancelled", "negated", "possible", "planned"):
            if forms & w.verbs[modality] and noun.dep_ == "obj":
                return modality, f"{modality}-governor"
        return verb_modality(head, w)
    return None


def _temporal_adjunct(noun: Token, w: ModalityWords) -> bool:
    """An event noun that says when the clause happens: *à l'arrivée de*, *lors de*, *après*, *avant*,
    *dès*, *pendant*, *au moment de*, *à la suite de* + a definite event noun."""
    return noun.dep_ in ("obl", "obl:mod") and _definite(noun) and any(
        c.dep_ == "case" and lemma(c) in w.temporal_preps for c in noun.children)


def _definite(noun: Token) -> bool:
    """A definite or possessive noun phrase ("la défaite", "du carambolage", "sa visite"): it refers to
    an event the reader is meant to know of, whatever the clause around it says (*presupposition*)."""
    return any(c.dep_ in ("det", "case") and ("Def" in c.morph.get("Definite") or "Yes" in c.morph.get("Poss"))
               for c in noun.children)


def _participle_verbs(tok: Token) -> set[str]:
    """The infinitives a participle may come from: "supposées" → supposer, "prétendue" → prétendre."""
    forms = set(word_forms(tok))
    text = tok.lower_
    for ending, verb in (("ées", "er"), ("ée", "er"), ("és", "er"), ("é", "er"), ("ues", "re"), ("ue", "re"),
                         ("us", "re"), ("u", "re")):
        if text.endswith(ending) and len(text) > len(ending) + 2:
            forms.add(norm(text[: -len(ending)] + verb))
            break
    return forms


def verb_modality(verb: Token, w: ModalityWords) -> tuple[str, str] | None:
    """The modality grammar gives a verb (None: nothing marks it, so asserted)."""
    cond = _condition(verb, w)
    if cond:
        return cond
    neg = _negated(verb, w)
    if neg:
        return "negated", neg
    gov = _governor_rule(verb, w)
    if gov:
        return gov
    own = _mood(verb, w)
    if own:
        return own
    if verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX") and verb.head.i != verb.i:
        return verb_modality(verb.head, w)  # "doit rencontrer Kim et signer": the shared governor
    return None


def _said_by_source(verb: Token, w: ModalityWords) -> bool:
    """An attribution to a source in the verb's clause: "selon Séoul", "d'après la police" (wherever the
    parser hung it: on the verb, or on its subject)."""
    for t in verb.subtree:
        if t.dep_ in ("case", "fixed") and lemma(t) in w.report_preps:
            node = t.head
            while node.i != verb.i and node.dep_ not in _CLAUSES and node.head.i != node.i:
                node = node.head
            if node.i == verb.i:
                return True
    return False


_CLAUSES = {"acl", "acl:relcl", "advcl", "ccomp", "csubj", "parataxis", "xcomp"}


# --------------------------------------------------------------------------- entry point
def classify(cand: Candidate, ctx: Context) -> None:
    """Set ``cand.modality``, ``cand.modality_rule`` and, when a claim carries the event, ``cand.claim``."""
    w = ctx.words
    tok = cand.head
    found = verb_modality(tok, w) if cand.verbal else _noun_rule(tok, w)
    start, end = tok.idx, cand.tokens[-1].idx + len(cand.tokens[-1].text)
    cand.claim = ctx.claim_holding(start, end)
    if found is None:
        verb = tok if cand.verbal else next((a for a in tok.ancestors if a.pos_ in ("VERB", "AUX")), None)
        if cand.claim is not None and _factive(cand.claim, w):
            found = ("asserted", "factive-cue")  # "a reconnu avoir livré", "a confirmé que …": stated as a fact
        elif cand.claim is not None:
            found = ("reported", "claim-content")
        elif verb is not None and _said_by_source(verb, w):
            found = ("reported", "selon")
    cand.modality, cand.modality_rule = found or ("asserted", "")


def _factive(claim, w: ModalityWords) -> bool:
    """A cue that presupposes its content (confirm, prove, concede): the journalist states it as true."""
    return claim.stance == "concede" or (claim.cue_lemma is not None and norm(claim.cue_lemma) in w.factive)


# --------------------------------------------------------------------------- after dating
_PAST = ("Past", "Imp")


def past_tense(verb: Token) -> bool:
    """Passé composé, passé simple, plus-que-parfait or imparfait (not a conditional taken for one)."""
    group = _verb_group(verb)
    if any(is_conditional(t) for t in group):
        return False
    if any(t.morph.get("VerbForm") == ["Fin"] and set(t.morph.get("Tense")) & set(_PAST) for t in group):
        return True  # "signa", "signait", "avait signé", "a été signé" (its auxiliary)
    return _compound_past(verb)


def cancel_past_plans(cands: list[Candidate], ctx: Context) -> None:
    """*An event before the publication date is never planned*: a past tense on the trigger (or on the
    verb that carries a nominal trigger, "la visite prévue a eu lieu") or an explicit date before the
    publication day turns `planned` into `asserted` (negation and possibility were decided first)."""
    published = ctx.article.published
    for r in cands:
        if r.modality != "planned":
            continue
        verb = r.head if r.verbal else _carrier(r, ctx)
        if verb is not None and past_tense(verb) and not (word_forms(verb) & ctx.words.verbs["planned"]):
            r.modality, r.modality_rule = "asserted", "past-tense"
        elif published and r.date_source == "explicit" and r.date and r.date[:1].isdigit() \
                and not _plan_in_the_past(r, ctx) and _before(r.date, published):
            r.modality, r.modality_rule = "asserted", "past-date"


def _plan_in_the_past(r: Candidate, ctx: Context) -> bool:
    """ "devait être extradé hier soir", "prévoyait de signer le 10 juin": a governor of plan in the
    imperfect states a plan as seen from the past, not whether it was carried out; it stays planned."""
    if r.modality_rule != "planned-governor" or not r.verbal:
        return False
    gov = r.head.head
    return gov.i != r.head.i and any(
        "Imp" in t.morph.get("Tense") and not is_conditional(t) for t in _verb_group(gov))


def _carrier(r: Candidate, ctx: Context) -> Token | None:
    """The light verb or verb of occurrence that realises a nominal trigger ("a effectué sa visite", "la
    réunion s'est tenue", "a eu lieu"), not a verb that only speaks of it ("a annoncé sa visite")."""
    realising = ctx.lex.light_verbs | ctx.lex.occurrence_verbs | {"avoir"}
    for i in sorted(r.anchors):
        tok = ctx.doc[i]
        if i != r.head.i and tok.pos_ in ("VERB", "AUX") and lemma(tok) in realising \
                and lemma(tok) not in ctx.speech_verbs:  # "a annoncé sa prochaine visite" speaks of a plan
            return tok
    return None


def _before(value: str, published: str) -> bool:
    """``value`` lies wholly before the publication day at its own granularity ("2024-05" before 2024-06-18)."""
    day = value[:10]
    return day < published[: len(day)] and not published.startswith(day)
