"""Cues that are not finite verbs with their own subject: participles, gerunds, infinitives,
coordinated verbs and passives. Each is a rule of French syntax:

* *control rule* — a present participle or gerund ("…, ajoutant que P", "en affirmant que P",
  "Rappelant l'urgence, la maire a précisé…"), an infinitive ("a tenu à préciser que P",
  "avant de préciser que P", "refuse de dire si P") or a coordinated verb ("a salué … et
  assuré vouloir …") takes the subject of the clause it depends on;
* *participial noun rule* — a present participle on a noun ("un communiqué affirmant que P")
  has that noun as its subject, unless a comma detaches it (*detached participle rule*: "Poutine
  a publié une tribune dans le Rodong Sinmun, vantant …" — Poutine vants);
* *passive agent rule* — a passive verb of saying with an agent ("un projet critiqué par
  l'opposition", "Il a été annoncé par la direction que P") is said by the agent;
* *verdict rule* — a passive or attributive use of a verb of judgment or of a vote is an act,
  not speech: "a été condamné à mort", "a été reconnu coupable", "la motion a été rejetée",
  "a reconnu l'accusé coupable".
"""

from __future__ import annotations

from spacy.tokens import Token

__all__ = ["VERDICT_LEMMAS", "attributive", "bare_participle", "controller", "is_nonfinite", "passive",
           "passive_agent", "sentenced"]

# verbs whose passive is a verdict, a vote or an administrative act, not a statement
VERDICT_LEMMAS = frozenset({"condamner", "reconnaître", "rejeter", "approuver", "adopter", "sanctionner",
                            "déclarer", "juger", "accuser", "soupçonner", "suspecter", "appeler", "demander",
                            "estimer", "considérer", "rappeler", "inviter", "avertir", "prévenir", "informer",
                            "aviser"})
_CLIMB = {"advcl", "xcomp", "conj", "ccomp"}


def is_nonfinite(verb: Token) -> bool:
    """A present participle, a gerund or an infinitive, by its tag and its French ending (the
    tagger calls "hurlé" an infinitive; every infinitive ends in -r or -re, every present
    participle in -ant)."""
    word = verb.text.lower()
    if "Inf" in verb.morph.get("VerbForm"):
        return word.endswith(("r", "re"))
    return word.endswith("ant") and verb.pos_ in {"VERB", "AUX"}


def controller(verb: Token) -> Token | None:
    """*Control rule*: the subject a non-finite or coordinated cue takes from the clause it
    depends on — climbing adverbial, complement and coordinated clauses to the first verb with
    a subject; *participial noun rule*: a present participle on a noun has that noun."""
    node, found = verb, None
    for _ in range(6):
        if node.i != verb.i:
            found = next((c for c in node.children if c.dep_ == "nsubj"), None) or found
        if node.dep_ == "acl" and node.head.pos_ in {"NOUN", "PROPN"} and is_nonfinite(node):
            if not _detached(node):
                return found or node.head
            node = node.head  # *detached participle rule*: ", vantant …" goes with the clause's subject
            while node.dep_ not in _CLIMB and node.dep_ != "ROOT" and node.head.i != node.i:
                node = node.head
            continue
        if node.dep_ not in _CLIMB or node.head.i == node.i:
            break
        node = node.head
    # the topmost subject: ", ajoutant que …" after "X a déclaré que Y …" is X's, not Y's
    return found


def _detached(verb: Token) -> bool:
    """A participle set off by a comma ("…, vantant les liens …", "…, en affirmant …"): French
    grammar gives a detached participle the subject of the clause, not the noun before it."""
    first = verb.left_edge
    return first.i > 0 and verb.doc[first.i - 1].text == ","


def passive_agent(verb: Token) -> Token | None:
    """The agent of a passive verb ("critiqué par l'opposition"), when it has one."""
    return next((c for c in verb.children if c.dep_ == "obl:agent"), None)


def passive(verb: Token) -> bool:
    """The verb is passive: a passive auxiliary, a passive subject, or a past participle on a
    noun with an agent ("le projet, critiqué par …")."""
    if any(c.dep_ in {"aux:pass", "nsubj:pass"} for c in verb.children):
        return True
    past = "Part" in verb.morph.get("VerbForm") and "Pres" not in verb.morph.get("Tense")
    return past and verb.dep_ == "acl" and passive_agent(verb) is not None


# adjectives of a verdict on the object ("a reconnu l'accusé coupable", "l'a déclaré inéligible")
VERDICT_ADJECTIVES = frozenset({"coupable", "coupables", "innocent", "innocente", "innocents", "innocentes",
                                "responsable", "responsables", "inéligible", "inéligibles", "recevable",
                                "irrecevable", "irrecevables", "recevables", "illégal", "illégale", "nul", "nulle"})


def sentenced(verb: Token) -> bool:
    """*Verdict rule*, sentence: "a condamné Bernard à 5 000 F d'amende" — "condamner X à" a
    penalty is a court's act, not a condemnation in words."""
    return verb.lemma_.lower() == "condamner" and any(
        any(g.dep_ == "case" and g.text.lower() in {"à", "au", "aux"} for g in c.children)
        for c in verb.children if c.dep_.startswith("obl"))


def bare_participle(verb: Token) -> bool:
    """A past participle with no auxiliary on a noun or in an adjunct ("reconnu coupable de …, il
    a été condamné"): passive, so its subject is never its speaker."""
    past = "Part" in verb.morph.get("VerbForm") and "Pres" not in verb.morph.get("Tense")
    return past and verb.dep_ in {"acl", "amod", "advcl", "appos"} and not any(
        c.dep_.startswith("aux") for c in verb.children)


def attributive(verb: Token) -> bool:
    """*Verdict rule*, attributive use: an adjective attributed to the object ("a reconnu l'accusé
    coupable", "a jugé la plainte irrecevable") makes the verb a judgment of it, not a report."""
    def predicative(t: Token) -> bool:
        return t.pos_ == "ADJ" and (t.dep_ in {"xcomp", "acl"} or t.text.lower() in VERDICT_ADJECTIVES)

    return any(predicative(c) or c.dep_ == "obj" and any(predicative(g) for g in c.children) for c in verb.children)
