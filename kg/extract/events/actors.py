"""Roles: who acts (agent), who undergoes (patient), who receives (recipient), who else takes part,
and where — from the trigger's syntax, read through the thematic roles of its VerbNet class.

Named people, organisations and places are the entity extractor's mentions; a subject that is a
common noun phrase ("les syndicats", "les militaires sud-coréens") becomes a *group* actor, so a
happening without a known name still says who did it. Rules: docs/events.md.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from typing import TYPE_CHECKING

from kg.extract.event_lexicon import Trigger, norm
from kg.extract.events.context import (
    SUBJ_DEPS,
    Candidate,
    Context,
    lemma,
    mention_before,
    token_before_char,
    word_forms,
)
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


def subject_tokens(verb: Token, depth: int = 0, control: frozenset[str] = frozenset()) -> list[Token]:
    """The subject of ``verb`` (the agent phrase "par X" of a passive), borrowed through coordination,
    control and non-finite adverbial clauses. ``control``: the verbs whose indirect object controls
    their infinitive ("reprocher à Kim d'avoir livré")."""
    if verb.dep_ == "cop" and verb.head.i != verb.i and depth < 3:
        return subject_tokens(verb.head, depth + 1, control)  # "les cheminots sont en grève": the predicate's subject
    if is_passive(verb):
        subj = [c for c in verb.children if c.dep_ == "obl:agent"]
    else:
        subj = [c for c in verb.children if c.dep_ in SUBJ_DEPS]
    if subj or depth >= 3:
        return subj
    if verb.dep_ == "xcomp" and verb.head.pos_ in ("VERB", "AUX"):
        ctrl = controller(verb.head, control)
        if ctrl is not None:
            return ctrl
    if verb.dep_ in ("conj", "xcomp") and verb.head.pos_ in ("VERB", "AUX"):
        return subject_tokens(verb.head, depth + 1, control)
    if verb.dep_ == "advcl" and verb.morph.get("VerbForm") in (["Inf"], ["Part"]):
        return subject_tokens(verb.head, depth + 1, control)
    return []


def controller(gov: Token, control: frozenset[str]) -> list[Token] | None:
    """*Object control*: who does what an infinitive says when its governor has an object. The passive
    subject ("la Corée du Nord est accusée de fournir"), the noun a participle qualifies ("Pyongyang,
    accusé de fournir"), the direct object ("Zelensky accuse la Russie d'avoir bombardé"), the indirect
    object of a verb of accusing or asking ("reprocher / demander à Kim de"); never the speaker. None:
    the governor's subject controls (subject control, "Poutine a promis de venir")."""
    if gov.dep_ == "acl" and gov.head.pos_ in ("NOUN", "PROPN", "PRON") and gov.morph.get("VerbForm") == ["Part"]:
        return [gov.head]
    if any(c.dep_ == "aux:pass" for c in gov.children):  # not the impersonal "il était prévu de signer"
        return [c for c in gov.children if c.dep_ in SUBJ_DEPS and not (c.pos_ == "PRON" and c.lower_ == "il")] \
            or None
    objs = [c for c in gov.children if c.dep_ == "obj" and c.pos_ in ("NOUN", "PROPN", "PRON")]
    if objs:
        return objs
    if word_forms(gov) & control:
        iobjs = [c for c in gov.children if c.dep_ == "iobj" or (
            c.dep_ in ("obl:arg", "obl") and any(k.dep_ == "case" and lemma(k) in ("a", "au", "aux") for k in c.children))]
        return iobjs or None
    return None


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
    subj = [t for t in subject_tokens(verb, control=ctx.words.controlling) if ctx.in_sentence(t, sent)]
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
            if m is None and _apposition(tok):  # "Vladimir Poutine, le président russe, prévoit"
                m = mention_before(min(tok.subtree, key=lambda t: t.i), ctx, skip={","})
        if m is not None and m.type in ("Person", "Organization", "Place", "Group"):
            found.append(m)
    if not found and subj:
        found = mentions_of(subj, ctx, sent, resolve=False, groups=True)
    if found or subj or any(c.dep_ == "aux:pass" for c in verb.children):
        return found
    return _mentions_left_of(verb, ctx)


def _apposition(tok: Token) -> bool:
    """A subject that may be an apposition to the name before its comma ("Poutine, le président russe,
    prévoit", "Tony Blair, le Premier ministre britannique a achevé"): a definite noun phrase. An
    indefinite one is a subject of its own ("Avant l'arrivée de Poutine, des incidents ont éclaté")."""
    return any(c.dep_ == "det" and "Def" in c.morph.get("Definite") for c in tok.children)


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
    own_toks: list[Token] = []  # the event's own subject (or its carrying verb's): it may be a Place or a source
    if cand.verbal:
        if inverse:  # accueillir: who is welcomed is the agent
            agent_toks = [c for c in tok.children if c.dep_ == "obj"] or (
                subject_tokens(tok.head) if tok.dep_ == "advcl" else
                [tok.head] if tok.dep_ in ("acl", "amod") else [])
            partner_toks = [c for c in tok.children if c.dep_ in SUBJ_DEPS | {"obl:agent"}]
            own_toks = agent_toks + partner_toks
        else:
            agent_toks = subject_tokens(tok, control=ctx.words.controlling)
            own_toks = list(agent_toks)
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
        own_toks = list(agent_toks)
        attach = attachment(tok)
        head = attach.head
        if not agent_toks and head.i != attach.i and head.pos_ in ("VERB", "AUX") \
                and _carries(head, ctx) and attach.dep_ in VERB_ARG_DEPS:
            agent_toks = subject_tokens(head)
            own_toks = list(agent_toks)
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
    _only_actors(cand, ctx, own_toks)


def _only_actors(cand: Candidate, ctx: Context, own_toks: list[Token]) -> None:
    """What the roles may hold. *Source, not actor*: a mention named as the source of a report ("selon
    Reuters", "d'après l'AFP", the speaker of the claim that carries the event, an outlet — a news
    agency or medium, see :meth:`Context.outlets` — speaking in the sentence) takes no part in the
    event, unless the event's own syntax makes it its subject. *Place, not actor*: a Place acts (agent) only as the subject of the
    event or of its carrying verb, or as the agent phrase "par X"; a Place the event undergoes is
    where it happens."""
    sent = cand.sentence
    own = {m.key for m in mentions_of(own_toks, ctx, sent, resolve=True)}
    sources = _sources(cand, ctx)
    for attr in ("agents", "patients", "recipients", "participants"):
        kept = []
        for m in getattr(cand, attr):
            if m.key in sources and m.key not in own:
                continue
            if m.type == "Place" and attr == "agents" and m.key not in own:
                continue
            if m.type == "Place" and attr == "patients":
                if not cand.places and cand.type in ctx.lex.locative:
                    cand.places.append(m)  # "Kharkiv a été bombardée": where it happened
                continue
            kept.append(m)
        setattr(cand, attr, kept)


def _sources(cand: Candidate, ctx: Context) -> set[str]:
    """Keys of the mentions that report the event: a phrase in selon/d'après in its sentence, and the
    speaker of a claim whose content holds the trigger or whose cue governs it."""
    out: set[str] = set()
    preps = ctx.words.report_preps
    for t in ctx.sentence_tokens(cand.sentence):
        if t.dep_ in ("case", "fixed") and lemma(t) in preps or (lemma(t) in preps and ctx.mention_at(t)):
            for w in t.head.subtree if t.dep_ in ("case", "fixed") else [t]:
                m = ctx.mention_at(w)
                if m is not None:
                    out.add(m.key)  # "selon l'agence de presse Reuters", a mention glued to "Selon"
    tok = cand.head
    ancestors = {a.idx for a in tok.ancestors}
    span = ctx.sentences[cand.sentence]
    outlets = ctx.outlets()
    for c in ctx.claims:
        if c.speaker_start is None or c.speaker_end is None:
            continue
        holds = c.content_start <= tok.idx < c.content_end
        governs = c.cue_start is not None and c.cue_start in ancestors
        here = span.start <= c.speaker_start < span.end
        if holds or governs or here:
            for m in ctx.mentions:
                # an outlet speaking in the sentence is the source of all of it; another speaker, of
                # what its claim holds or its cue governs
                if m.start < c.speaker_end and c.speaker_start < m.end and (holds or governs or m.key in outlets):
                    out.add(m.key)
    return out


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


# a name set after a common noun in a locative phrase names that place ("sur la place Kim Il-sung")
NAMED_PLACE_PREPS = PLACE_PREPS - {"a", "chez"}


@lru_cache(maxsize=1)
def _press_nouns() -> frozenset[str]:
    from kg.extract.claims import RELAY_NOUNS

    return frozenset(norm(n) for n in RELAY_NOUNS)


def _named_place(root: Token) -> bool:
    """ *Named place*: a proper name juxtaposed to a common noun introduced by a locative preposition
    ("sur la place Kim Il-sung", "dans le stade Pierre-Mauroy") names what that noun denotes."""
    noun = root.head
    if noun.i == root.i or noun.pos_ != "NOUN" or root.dep_ not in ("flat:name", "appos", "nmod", "compound") \
            or any(c.dep_ == "case" for c in root.children) or lemma(noun) in _press_nouns():
        return False  # "dans le quotidien Rodong Sinmun" names an outlet
    return any(c.dep_ == "case" and PREP_FORMS.get(c.lower_, lemma(c)) in NAMED_PLACE_PREPS for c in noun.children)


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
    if _named_place(root):
        return  # "sur la place Kim Il-sung", "dans le stade Pierre-Mauroy": a name of a place, not a party
    if prep == "par" and not cand.agents:
        cand.agents.append(m)  # "arrêté par la police", "signé par la Russie", "l'invasion par la Russie"
        return
    if m.type == "Place" and prep not in PARTNER_PREPS and not (
            cand.type in RECIPIENT_TYPES and (prep == "a" or arg.dep_ == "iobj")):
        return  # a Place is a party only with avec/entre/contre, or as the recipient of a transfer
    if not cand.verbal and prep == "de" and root.head.i == cand.head.i and not cand.agents:
        cand.agents.append(m)  # "la visite de Poutine"
    elif cand.verbal and arg.dep_ == "obj" and prep is None and (
            cand.type in PERSON_PATIENT_TYPES or set(cand.roles) & PATIENT_ROLES - {"Theme"}):
        cand.patients.append(m)
    elif (prep == "a" or arg.dep_ == "iobj") and (cand.type in RECIPIENT_TYPES or set(cand.roles) & RECIPIENT_ROLES):
        cand.recipients.append(m)
    else:
        cand.participants.append(m)
