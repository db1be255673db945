"""Is a candidate a happening? Named rules of French first, then a small learned model.

A trigger word is not yet an event: *alliés*, *pour favoriser un troc*, *le sommet de
l'inflation* hold event words and name no happening. Each candidate that survives the
extractor's own checks gets a :class:`Decision` — kept or not, a confidence, and what decided:

* a **rule** of French, named, for what is never a timeline event whatever the model says:

  - ``purpose-clause``: an infinitive of purpose or goal — *pour / afin de / de façon à / en vue
    de* + infinitive (*pour favoriser un troc*), the bare infinitive after a verb of motion in a
    past tense (*est venu sceller un rapprochement*; VerbNet *escape-51.1*), the infinitive
    complement of a verb of wanting or preventing (VerbNet *want-32.1*, *forbid-67*: *veut protéger*, *empêcher la Russie de
    gagner*) — says what someone aims at, not what happens;
  - ``copular-state``: an adjective or participle that is the attribute of a copula (*sont
    alliés*, *restent liés*, *semble épuisé*) names a state, not a change (a noun keeps its event:
    *est en visite*);
  - ``adjectival-participle``: a past participle used as an adjective of a noun, with no
    auxiliary and no agent (*les pays liés*, *la zone occupée*);
  - ``habitual``: an adverb of frequency on the trigger or its verb (*des fouilles sont organisées
    fréquemment*, *souvent*, *régulièrement*) tells a habit;
  - ``imperfective-other``: a verb of no known type (``other``) and no date of its own in the
    imparfait, in a present passive, in a present relative clause or in the gerund (*en renouant
    avec ses alliés*) describes a situation, not a happening (*des proches l'attribuaient à Israël*, *sont toutes connues de la police*, *une rivière
    qui traverse la ville*); the passé composé, passé simple and plus-que-parfait report one
    (:func:`perfective`);

* else the **model** ``event-decision`` (logistic regression over the clause's features, trained
  by ``tools/train_event_decision.py`` on French TimeBank's EVENT layer and on judged timeline
  rows; weights, threshold and training data named in ``resources/events/decision_model.json``).

The features are read off the candidate after its roles, modality and date are known.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING

from kg.extract.event_lexicon import norm
from kg.extract.events.context import word_forms

if TYPE_CHECKING:
    from spacy.tokens import Token

    from kg.extract.events.context import Candidate, Context

__all__ = ["Decision", "DecisionModel", "decide", "features", "rule_of"]

# pour / afin de / de façon à / en vue de / dans le but de + infinitive: purpose (the marker is a `mark`
# or `case` dependent of the infinitive, or a fixed expression headed by it)
_PURPOSE_MARKS = frozenset({"pour", "afin", "but", "vue", "facon", "maniere"})
# VerbNet classes whose infinitive complement is a goal, not a happening: want-32.1 (vouloir, souhaiter,
# désirer, espérer), forbid-67 (empêcher, interdire), and viser/tendre à (the aim of an act); "chercher à"
# is an attempt (a possible event, the modality's try-61 rule), not a goal
_GOAL_GOVERNORS = frozenset({"vouloir", "souhaiter", "desirer", "esperer", "viser", "tendre",
                             "empecher", "interdire", "aspirer", "ambitionner"})
_COPULAS = frozenset({"etre", "rester", "demeurer", "sembler", "paraitre", "devenir"})
# The verbs French conjugates with être in compound tenses (and their prefixed forms): "est arrivé" is a
# passé composé, while "sont organisées" (être + the participle of a transitive verb) is a present passive.
_ETRE_VERBS = frozenset({"aller", "venir", "arriver", "partir", "entrer", "sortir", "monter", "descendre", "naitre",
                         "mourir", "deceder", "tomber", "rester", "retourner", "devenir", "revenir", "parvenir",
                         "survenir", "intervenir", "rentrer", "repartir", "ressortir", "redescendre", "remonter",
                         "retomber", "advenir", "apparaitre", "disparaitre", "renaitre", "accourir", "echoir"})
# Verbs of motion whose bare infinitive says what the trip was for: members of the French VerbNet class
# escape-51.1 (../shared/lexicons/verbenet, CC BY-SA 4.0) that take one ("est venu signer")
_MOTION = frozenset({"venir", "revenir", "partir", "monter", "descendre", "sortir", "aller", "retourner",
                     "rentrer", "arriver"})
# Adverbs of frequency (a closed class of French grammar): the clause tells what happens habitually
_FREQUENCY = frozenset({"souvent", "frequemment", "regulierement", "parfois", "quelquefois", "rarement",
                        "habituellement", "generalement", "ordinairement", "constamment", "perpetuellement"})


@dataclass(frozen=True)
class Decision:
    keep: bool
    confidence: float  # the probability that the candidate is a happening (1.0 / 0.0 for a rule)
    by: str  # "rule:<name>" or "model:<name>"


def _infinitive(tok: Token) -> bool:
    return tok.pos_ in ("VERB", "AUX") and "Inf" in tok.morph.get("VerbForm")


def _purpose(tok: Token) -> bool:
    """An infinitive introduced by a marker of purpose (clitics and negation may stand between:
    *pour ne pas le perdre*), or the infinitive complement of a verb of goal."""
    if not _infinitive(tok):
        return False
    i = tok.i - 1
    while i >= 0 and tok.doc[i].pos_ in ("PRON", "ADV", "PART") and tok.i - i <= 3:
        i -= 1
    words = [norm(t.text) for t in tok.doc[max(i - 2, 0):i + 1]]
    if words[-1:] == ["pour"]:
        return True
    if words[-1:] in (["de"], ["d'"], ["d’"], ["a"]) and len(words) >= 2 and words[-2] in _PURPOSE_MARKS:
        return True  # afin de, en vue de, dans le but de, de façon à, de manière à
    head = tok.head
    if tok.dep_ in ("xcomp", "ccomp", "obj", "obl:arg") and head.i != tok.i:
        if word_forms(head) & _GOAL_GOVERNORS:
            return True
        # a verb of motion in a past tense and a bare infinitive: "est venu sceller", "est parti chercher"
        # ("vient de signer" is a recent past, "va signer" a near future: neither is a purpose)
        return word_forms(head) & _MOTION and not any(c.dep_ in ("mark", "case") for c in tok.children) \
            and perfective(head)
    return False


def perfective(verb: Token) -> bool:
    """A verb in a tense that reports a completed happening: passé simple, or a compound past (passé
    composé, plus-que-parfait, passé antérieur: an auxiliary of tense, or être with a verb French
    conjugates with être, or a reflexive), or a passive whose auxiliary is itself past (*a été arrêté*)."""
    if verb.pos_ not in ("VERB", "AUX"):
        return False
    if "Fin" in verb.morph.get("VerbForm") and "Past" in verb.morph.get("Tense"):
        return True  # passé simple: "épousa", "fut"
    if "Part" not in verb.morph.get("VerbForm"):
        return False
    auxes = [c for c in verb.children if c.dep_ in ("aux", "aux:tense", "aux:pass")]
    if any(c.dep_ == "aux:tense" for c in auxes):
        return True
    passive = [c for c in auxes if c.dep_ == "aux:pass"]
    if any("Past" in c.morph.get("Tense") or "Part" in c.morph.get("VerbForm") for c in passive):
        return True
    reflexive = any(c.dep_.startswith("expl") or (c.pos_ == "PRON" and c.morph.get("Reflex") == ["Yes"])
                    for c in verb.children)
    return bool(passive) and (norm(verb.lemma_) in _ETRE_VERBS or reflexive)


def _imperfective(verb: Token) -> bool:
    """A verb that describes a situation rather than reports a happening: the imparfait, a present
    passive of a verb French conjugates with avoir (*sont connues*, *sont organisées*: a state, where
    *sont arrivés* is a passé composé), or a present tense in a relative clause (*une rivière qui
    traverse la ville*: a property of the noun)."""
    if verb.pos_ not in ("VERB", "AUX") or perfective(verb):
        return False
    if verb.dep_ == "conj" and perfective(verb.head):
        return False  # "a été secouru … et transporté": the conjunct shares the auxiliary
    tense, form = verb.morph.get("Tense"), verb.morph.get("VerbForm")
    if "Fin" in form and "Imp" in tense:
        return True
    if verb.lower_.endswith("ant") and any(norm(c.text) == "en" for c in verb.children):
        return True  # a gerund tells the manner or the circumstance: "en renouant avec ses alliés"
    if "Part" in form and any(c.dep_ == "aux:pass" and "Fin" in c.morph.get("VerbForm") for c in verb.children) \
            and not any(c.dep_ == "obl:agent" for c in verb.children):
        return True  # a finite être: "sont connues", not "devrait être connu" (a plan)
    return "Fin" in form and "Pres" in tense and verb.dep_ == "acl:relcl"


def _habitual(tok: Token) -> bool:
    """An adverb of frequency on the trigger or the verb it belongs to: a habit, not a happening."""
    verb = tok if tok.pos_ in ("VERB", "AUX") else tok.head
    return any(c.dep_ == "advmod" and norm(c.text) in _FREQUENCY for w in {tok, verb} for c in w.children)


def rule_of(cand: Candidate) -> str | None:
    """The name of the rule of French that says ``cand`` is not a happening, or None."""
    tok = cand.head
    if cand.verbal and _purpose(tok):
        return "purpose-clause"
    if _habitual(tok):
        return "habitual"
    if cand.type == "other" and cand.date_source != "explicit" and _imperfective(tok):
        return "imperfective-other"
    # an adjective, or a participle whose copula is a finite present or imparfait ("sont liés"; "a été
    # réanimé" and "n'a pas pu être réanimée" are passives of a happening)
    cop = [c for c in tok.children if c.dep_ == "cop"]
    finite_cop = any("Fin" in c.morph.get("VerbForm") and not set(c.morph.get("Tense")) - {"Pres", "Imp"}
                     for c in cop)
    if (tok.pos_ == "ADJ" and (cop or (tok.dep_ == "xcomp" and norm(tok.head.lemma_) in _COPULAS))) or (
            tok.pos_ == "VERB" and "Part" in tok.morph.get("VerbForm") and finite_cop):
        return "copular-state"
    if cand.verbal and tok.dep_ in ("amod", "acl") and "Part" in tok.morph.get("VerbForm") \
            and not any(c.dep_ in ("aux", "aux:pass", "obl:agent", "obl", "obl:mod") for c in tok.children) \
            and cand.type == "other":
        return "adjectival-participle"
    return None


def features(cand: Candidate, ctx: Context) -> dict[str, float]:
    """What the model reads of a candidate: the trigger and its clause, its roles and date. Not its
    modality: whether a happening happened is the modality's business, not whether it is one."""
    tok = cand.head
    head = tok.head if tok.head.i != tok.i else None
    morph = tok.morph
    f: dict[str, float] = {
        f"type={cand.type}": 1.0, f"pos={tok.pos_}": 1.0, f"dep={tok.dep_}": 1.0,
        f"verbal={cand.verbal}": 1.0, f"date_source={cand.date_source or '-'}": 1.0,
        f"head_pos={head.pos_ if head is not None else 'ROOT'}": 1.0,
        f"head_dep={head.dep_ if head is not None else 'ROOT'}": 1.0,
        "agents": float(bool(cand.agents)), "patients": float(bool(cand.patients)),
        "place": float(bool(cand.places)), "others": float(bool(cand.recipients or cand.participants)),
        "claim": float(cand.claim is not None), "headline": float(cand.sentence == 0),
        "multiword": float(len(cand.tokens) > 1),
    }
    for key in ("Tense", "VerbForm", "Number"):
        for value in morph.get(key):
            f[f"{key}={value}"] = 1.0
    for c in tok.children:
        if c.dep_ in ("det", "case", "mark", "aux", "aux:pass", "cop", "advmod", "nmod", "amod", "obj",
                      "nsubj", "nsubj:pass", "obl:agent", "expl:comp", "expl:pass"):
            f[f"child={c.dep_}"] = 1.0
        if c.dep_ == "det":
            f[f"det={norm(c.text)}"] = 1.0
        if c.dep_ in ("case", "mark"):
            f[f"marker={norm(c.text)}"] = 1.0
    if head is not None:
        f[f"head_lemma={norm(head.lemma_)}"] = 1.0
    f[f"lemma={cand.lemma}"] = 1.0
    text = ctx.article.text
    s = ctx.sentences[cand.sentence]
    before = text[s.start:tok.idx]
    f["in_quote"] = float((before.count("«") > before.count("»")) or before.count('"') % 2 == 1)
    f["sentence_words"] = min(len(ctx.sentence_tokens(cand.sentence)), 60) / 60
    return f


@dataclass(frozen=True)
class DecisionModel:
    """A logistic regression's weights over :func:`features`, and the threshold that keeps a candidate."""

    name: str
    weights: dict[str, float]
    bias: float
    threshold: float

    @classmethod
    @lru_cache(maxsize=1)
    def load(cls) -> DecisionModel | None:
        path = resources.files("kg.resources") / "events" / "decision_model.json"
        if not path.is_file():
            return None
        data = json.loads(path.read_text(encoding="utf-8"))
        return cls(data["name"], data["weights"], data["bias"], data["threshold"])

    def probability(self, feats: dict[str, float]) -> float:
        z = self.bias + sum(self.weights.get(k, 0.0) * v for k, v in feats.items())
        return 1.0 / (1.0 + math.exp(-z))


def decide(cand: Candidate, ctx: Context, model: DecisionModel | None = None) -> Decision:
    """Keep ``cand`` as an event or not, and say why."""
    rule = rule_of(cand)
    if rule is not None:
        return Decision(False, 0.0, f"rule:{rule}")
    model = model if model is not None else DecisionModel.load()
    if model is None:
        return Decision(True, 1.0, "rule:lexicon")
    p = model.probability(features(cand, ctx))
    return Decision(True, round(p, 3), f"model:{model.name}")
