"""Roles: who acts (agent), who undergoes (patient), who receives (recipient), who else takes part,
and where — from the trigger's syntax, read through the thematic roles of its VerbNet class.

Named people, organisations and places are the entity extractor's mentions; a subject that is a
common noun phrase ("les syndicats", "les militaires sud-coréens") becomes a *group* actor, so a
happening without a known name still says who did it. Rules: docs/events.md.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from kg.extract.event_lexicon import Trigger
from kg.extract.events.context import SUBJ_DEPS, Candidate, Context, lemma, mention_before, token_before_char
from kg.extract.events.triggers import NOUN_ARG_DEPS, VERB_ARG_DEPS, arguments, phrase
from kg.kb import slug
from kg.records import Mention

if TYPE_CHECKING:
    from spacy.tokens import Token

PLACE_PREPS = {"a", "en", "dans", "vers", "sur", "chez", "jusque", "jusqu'a"}
PREP_FORMS = {"au": "a", "aux": "a", "du": "de", "des": "de", "d'": "de", "d’": "de"}
IGNORED_PREPS = {"selon", "malgre", "sans", "comme", "depuis", "hormis", "sauf", "apres", "avant"}
PARTNER_PREPS = {"avec", "entre", "contre", "aupres", "par"}
PRONOUNS = {"il": {"Person"}, "elle": {"Person", "Place", "Organization"},
            "ils": {"Group", "Organization"}, "elles": {"Group", "Organization"}}
# VerbNet thematic roles read as "who undergoes it" and "who receives it"
PATIENT_ROLES = {"Patient", "Theme", "Experiencer", "Victim"}
RECIPIENT_ROLES = {"Recipient", "Beneficiary", "Goal"}
# a class whose first role (the subject) undergoes the change: "les prix ont augmenté" (a Theme that moves,
# "Poutine s'est rendu", still acts)
SUBJECT_UNDERGOES = {"Patient", "Experiencer"}
# types whose direct object is a person affected by the event ("ont arrêté deux hommes"),
# so a common-noun object is a patient group too
PERSON_PATIENT_TYPES = {"arrest", "attack", "appointment", "verdict", "injury", "death", "trial", "investigation",
                        "resignation", "election"}
# types done by a body of people, so a plural complement is who does it ("la grève des cheminots")
COLLECTIVE_TYPES = {"strike", "protest", "meeting", "vote", "statement", "election"}
RECIPIENT_TYPES = {"aid", "arms-transfer", "sanction", "threat"}
# Suffixes of French abstract nouns (of action, quality, doctrine): such a noun names no actor.
ABSTRACT_SUFFIXES = ("tion", "sion", "ite", "isme", "ance", "ence", "esse")
_GROUP_DEPS = {"amod", "nummod", "flat:name", "compound", "fixed"}


def attachment(noun: Token) -> Token:
    """The noun phrase a nominal trigger hangs from: "droit" in "son droit de veto"."""
    if noun.dep_ == "nmod" and noun.head.pos_ == "NOUN" and noun.head.i != noun.i:
        return noun.head
    return noun


def is_passive(verb: Token) -> bool:
    return any(c.dep_ == "aux:pass" for c in verb.children) or verb.dep_ == "acl"


def subject_tokens(verb: Token, depth: int = 0) -> list[Token]:
    """The subject of ``verb`` (the agent phrase "par X" of a passive), borrowed through coordination,
    control and non-finite adverbial clauses."""
    if is_passive(verb):
        subj = [c for c in verb.children if c.dep_ == "obl:agent"]
    else:
        subj = [c for c in verb.children if c.dep_ in SUBJ_DEPS]
    if subj or depth >= 3:
        return subj
    if verb.dep_ in ("conj", "xcomp") and verb.head.pos_ in ("VERB", "AUX"):
        return subject_tokens(verb.head, depth + 1)
    if verb.dep_ == "advcl" and verb.morph.get("VerbForm") in (["Inf"], ["Part"]):
        return subject_tokens(verb.head, depth + 1)
    return []


def group_mention(tok: Token, ctx: Context, sent: int) -> Mention | None:
    """A common-noun phrase naming people or a body: "les syndicats", "deux hommes", "la police"."""
    if tok.pos_ != "NOUN" or not ctx.in_sentence(tok, sent) or not tok.is_alpha:
        return None
    lem = lemma(tok)
    if lem.endswith(ABSTRACT_SUFFIXES) or any(not t.verbal for t in ctx.lex.triggers.get(lem, ())):
        return None  # "les préoccupations grandissent", "la visite revêt": a state of affairs or an event, no actor
    words = [tok]
    for c in tok.children:
        if c.dep_ in _GROUP_DEPS and ctx.mention_at(c) is None:
            words += [t for t in c.subtree if ctx.mention_at(t) is None]
    words.sort(key=lambda t: t.i)
    nxt = words[-1].i + 1  # postposed adjectives, whatever the parse made of them ("militaires sud-coréens")
    while nxt < len(tok.doc) and tok.doc[nxt].pos_ == "ADJ" and ctx.mention_at(tok.doc[nxt]) is None:
        words.append(tok.doc[nxt])
        nxt += 1
    words = [t for t in words if abs(t.i - tok.i) <= 4]
    start, end = words[0].idx, words[-1].idx + len(words[-1].text)
    text = ctx.article.text[start:end]
    if "\n" in text or any(t.pos_ == "PUNCT" and t.text not in "-'’" for t in words):
        start, end, text = tok.idx, tok.idx + len(tok.text), tok.text
    return Mention(start, end, text, "Group", "group-" + slug(text), text, sent)


def mentions_of(tokens: Sequence[Token], ctx: Context, sent: int, resolve: bool, groups: bool = False) -> list[Mention]:
    """Mentions covering the tokens or their conjuncts/appositions; pronouns resolved; common nouns as groups."""
    out: list[Mention] = []
    for tok in tokens:
        group = [tok, *(c for c in tok.children if c.dep_ in ("conj", "appos", "flat:name", "nmod")
                        and (c.dep_ != "nmod" or c.pos_ == "PRON"))]
        for t in group:
            if not ctx.in_sentence(t, sent):
                continue
            m = ctx.mention_at(t)
            if m is None and resolve and t.pos_ == "PRON" and t.lower_ in PRONOUNS:
                m = resolve_pronoun(t, ctx, sent)
            if m is None and groups and t.dep_ != "nmod":
                m = group_mention(t, ctx, sent)
            if m is not None and m not in out:
                out.append(m)
    return out


def resolve_pronoun(tok: Token, ctx: Context, sent: int) -> Mention | None:
    """The latest subject mention before ``tok`` in its paragraph, of a type the pronoun allows."""
    allowed = PRONOUNS[tok.lower_]
    para = ctx.paragraph[sent]
    best = None
    for i in range(sent, -1, -1):
        if ctx.paragraph[i] != para:
            break
        for t in ctx.sentence_tokens(i):
            if t.idx >= tok.idx:
                break
            if t.dep_ in SUBJ_DEPS:
                m = ctx.mention_at(t)
                if m is None and "Group" in allowed and "Plur" in t.morph.get("Number"):
                    m = group_mention(t, ctx, i)  # "les jeunes … Ils ont alors décidé"
                if m is not None and m.type in allowed:
                    best = m
        if best is not None:
            return best
    return None


def agents_of_verb(verb: Token, ctx: Context, sent: int) -> list[Mention]:
    """Mentions naming the subject of ``verb``, with fallbacks for parser and NER slips."""
    subj = [t for t in subject_tokens(verb) if ctx.in_sentence(t, sent)]
    found = mentions_of(subj, ctx, sent, resolve=True)
    if found:
        return found
    for tok in subj:
        if tok.morph.get("PronType") == ["Rel"] or tok.lower_ in ("qui", "lequel", "laquelle"):
            m = mention_before(tok, ctx, skip={","})  # "Kim, qui a rencontré"
            if m is None and verb.dep_ == "acl:relcl" and ctx.in_sentence(verb.head, sent):
                m = ctx.mention_at(verb.head) or group_mention(verb.head, ctx, sent)
        else:
            m = mention_before(tok, ctx, skip=set(), gap=1)  # NER cut: "[Kim Jong] Un"
            if m is None:  # "Vladimir Poutine, le président russe, prévoit"
                m = mention_before(min(tok.subtree, key=lambda t: t.i), ctx, skip={","})
        if m is not None and m.type in ("Person", "Organization", "Place", "Group"):
            found.append(m)
    if not found and subj:
        found = mentions_of(subj, ctx, sent, resolve=False, groups=True)
    if found or subj or any(c.dep_ == "aux:pass" for c in verb.children):
        return found
    return _mentions_left_of(verb, ctx)


def _mentions_left_of(verb: Token, ctx: Context) -> list[Mention]:
    """No subject in the parse (a tree cut by a sentence split): the mentions just left of the verb."""
    found: list[Mention] = []
    first = min([verb, *(c for c in verb.children if c.dep_.startswith("aux") or c.dep_ == "expl:comp")],
                key=lambda t: t.i)
    m = mention_before(first, ctx, skip=set(), gap=1)
    prev = token_before_char(first.idx, ctx)
    if m is None and prev is not None and prev.text == ",":  # "X, conseiller à ..., s'était entretenu"
        for back in range(prev.i - 1, max(prev.i - 15, 0), -1):
            if ctx.doc[back].text == "," and "\n" not in ctx.article.text[ctx.doc[back].idx:first.idx]:
                m = mention_before(ctx.doc[back], ctx, skip=set(), gap=1)
                break
    while m is not None:
        found.insert(0, m)
        prev = token_before_char(m.start, ctx)
        while prev is not None and prev.pos_ == "DET":
            prev = token_before_char(prev.idx, ctx)
        if prev is None or prev.lower_ not in ("et", ","):
            break
        m = mention_before(prev, ctx, skip={"la", "le", "les", "l'"}, gap=1)
    return found


def prep_of(tok: Token, trigger: Token) -> str | None:
    """The preposition introducing ``tok``; a conjunct shares its first conjunct's."""
    for c in tok.children:
        if c.dep_ == "case":
            return PREP_FORMS.get(c.lower_, lemma(c))
    if tok.dep_ == "conj" and tok.head.i == trigger.i:  # "rencontre entre Kim et Poutine" parsed flat
        siblings = [c for c in trigger.children if c.i < tok.i and c.dep_ in NOUN_ARG_DEPS]
        return prep_of(siblings[-1], trigger) if siblings else None
    if tok.dep_ == "conj":
        return prep_of(tok.head, trigger)
    return None


def fill_roles(cand: Candidate, trig: Trigger | None, ctx: Context, stop: set[int]) -> None:
    """Agents, patients, recipients, participants and places of one candidate."""
    tok, sent = cand.head, cand.sentence
    inverse = bool(trig and trig.inverse)
    agent_toks: list[Token] = []
    partner_toks: list[Token] = []
    if cand.verbal:
        if inverse:  # accueillir: who is welcomed is the agent
            agent_toks = [c for c in tok.children if c.dep_ == "obj"] or (
                subject_tokens(tok.head) if tok.dep_ == "advcl" else
                [tok.head] if tok.dep_ in ("acl", "amod") else [])
            partner_toks = [c for c in tok.children if c.dep_ in SUBJ_DEPS | {"obl:agent"}]
        else:
            agent_toks = subject_tokens(tok)
            found = agents_of_verb(tok, ctx, sent)
            if cand.roles and cand.roles[0] in SUBJECT_UNDERGOES and not is_passive(tok):
                cand.patients = found  # "les prix ont augmenté": the subject undergoes it
            else:
                cand.agents = found
            if is_passive(tok):  # "deux hommes ont été arrêtés": the passive subject undergoes it
                subj = [c for c in tok.children if c.dep_ in ("nsubj:pass", "nsubj")]
                cand.patients = mentions_of(subj, ctx, sent, resolve=True, groups=cand.type in PERSON_PATIENT_TYPES)
                agent_toks += subj
    else:
        agent_toks = [c for c in tok.children if c.dep_ in SUBJ_DEPS]
        attach = attachment(tok)
        head = attach.head
        if not agent_toks and head.i != attach.i and head.pos_ in ("VERB", "AUX") \
                and _carries(head, ctx) and attach.dep_ in VERB_ARG_DEPS:
            agent_toks = subject_tokens(head)
            cand.anchors.add(head.i)
            cand.agents = agents_of_verb(head, ctx, sent)
    if not cand.agents and not cand.patients:
        cand.agents = mentions_of(agent_toks, ctx, sent, resolve=True, groups=not cand.verbal)
    if not cand.verbal and not cand.agents and not cand.patients:
        _noun_complement_group(cand, ctx)
    cand.participants = mentions_of(partner_toks, ctx, sent, resolve=False)
    seen = {m.start for m in cand.agents + cand.patients + cand.participants}
    if cand.verbal and not inverse and (cand.type in PERSON_PATIENT_TYPES or set(cand.roles) & {"Patient", "Victim"}):
        objs = [c for c in tok.children if c.dep_ == "obj"]
        for m in mentions_of(objs, ctx, sent, resolve=False, groups=True):
            if m.start not in seen:
                cand.patients.append(m)
                seen.add(m.start)
    for arg in arguments(tok, cand.verbal, stop):
        if arg.i in {t.i for t in agent_toks + partner_toks}:
            continue
        for w in phrase(arg, stop | {tok.i}):
            m = ctx.mention_at(w) if ctx.in_sentence(w, sent) else None
            if m is None or m.start in seen:
                continue
            seen.add(m.start)
            span = ctx.doc.char_span(m.start, m.end, alignment_mode="expand")
            tops = [t for t in span if not span.start <= t.head.i < span.end or t.head.i == t.i]
            root = tops[0] if tops else w  # "Corée" rather than "Nord" in "en Corée du Nord"
            _classify(cand, m, root, arg, ctx)


def _noun_complement_group(cand: Candidate, ctx: Context) -> None:
    """ "la mort de 15 personnes", "l'arrestation du suspect" (who undergoes it); "la grève des cheminots"
    (plural: who does it)."""
    for c in cand.head.children:
        if c.dep_ == "nmod" and any(k.dep_ == "case" and lemma(k) == "de" or k.lower_ in ("du", "des")
                                    for k in c.children):
            m = group_mention(c, ctx, cand.sentence)
            if m is None:
                continue
            if cand.type in PERSON_PATIENT_TYPES:
                cand.patients.append(m)
            elif "Plur" in c.morph.get("Number") and cand.type in COLLECTIVE_TYPES:
                cand.agents.append(m)
            return


def _carries(verb: Token, ctx: Context) -> bool:
    """A verb whose subject is the agent of the event noun it takes: a light verb ("a entamé une
    visite"), or a verb of plan, possibility or cancellation ("a annulé sa visite", "prévoit un sommet")."""
    w = ctx.words.verbs
    return lemma(verb) in ctx.lex.light_verbs | w["planned"] | w["possible"] | w["cancelled"]


def _classify(cand: Candidate, m: Mention, root: Token, arg: Token, ctx: Context) -> None:
    prep = prep_of(root, cand.head)
    if prep in IGNORED_PREPS:
        return
    if cand.type == "arms-transfer" and prep == "sur" and m.type == "Place":
        cand.type = "military-action"  # "des missiles ont été envoyés sur Kharkiv"
        cand.places.append(m)
        return
    locative = cand.type in ctx.lex.locative or cand.type == "other"
    if m.type == "Place" and locative and prep not in PARTNER_PREPS and (
            prep in PLACE_PREPS or (prep is None and arg.dep_ == "obj" and cand.type == "travel")
            or (prep == "de" and not cand.verbal and root.head.i == cand.head.i
                and cand.type in ("travel", "military-action"))):
        cand.places.append(m)
        return
    if m.type == "Place" and locative and prep not in PARTNER_PREPS:
        return  # "de Corée du Nord" on a meeting: neither the venue nor a party
    if not cand.verbal and prep in ("de", "par") and root.head.i == cand.head.i and not cand.agents:
        cand.agents.append(m)  # "la visite de Poutine", "l'invasion par la Russie"
    elif prep == "par" and not cand.agents:
        cand.agents.append(m)
    elif cand.verbal and arg.dep_ == "obj" and prep is None and (
            cand.type in PERSON_PATIENT_TYPES or set(cand.roles) & PATIENT_ROLES - {"Theme"}):
        cand.patients.append(m)
    elif (prep == "a" or arg.dep_ == "iobj") and (cand.type in RECIPIENT_TYPES or set(cand.roles) & RECIPIENT_ROLES):
        cand.recipients.append(m)
    else:
        cand.participants.append(m)
