"""Finding event triggers: typed verbs and nouns of the lexicon, and untyped eventive verbs (`other`)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from kg.extract.event_lexicon import Lexicon, Trigger
from kg.extract.events.context import Candidate, Context, word_forms

if TYPE_CHECKING:
    from spacy.tokens import Token

VERB_ARG_DEPS = {"obj", "iobj", "obl", "obl:arg", "obl:mod", "obl:agent", "nmod", "dep"}
NOUN_ARG_DEPS = {"nmod", "obl", "obl:arg", "obl:mod", "dep", "appos"}
# dependencies that open a new clause: an argument phrase stops there
CLAUSE_DEPS = {"acl", "acl:relcl", "advcl", "ccomp", "csubj", "parataxis", "xcomp", "nsubj", "nsubj:pass", "punct"}
# Verbs that are never an event of their own, whatever their arguments: auxiliaries and copulas,
# modal and aspectual verbs (the event is their complement: "commence à négocier"), support verbs.
# Aspectual members follow the French VerbNet classes begin-55.1, continue-55.3, stop-55.4, complete-55.2.
NOT_EVENTIVE = frozenset({
    "etre", "avoir", "devenir", "rester", "sembler", "paraitre", "demeurer", "falloir", "agir", "pouvoir",
    "devoir", "vouloir", "savoir", "aller", "venir", "faire", "laisser", "mettre", "permettre", "commencer",
    "recommencer", "continuer", "poursuivre", "cesser", "finir", "terminer", "achever", "arreter", "compter",
    "concerner", "constituer", "representer", "signifier", "exister", "contenir", "comprendre", "inclure",
    "voir", "trouver", "tenir", "porter", "prendre", "donner", "passer", "valoir", "importer", "manquer",
})


def match_triggers(tok: Token, lex: Lexicon) -> list[tuple[Trigger, list[Token]]]:
    """The lexicon's triggers that ``tok`` (and the tokens after it, for several words) spells."""
    found = []
    for form in word_forms(tok):
        for trig in lex.triggers.get(form, ()):
            if trig.verbal and tok.pos_ not in ("VERB", "AUX", "ADJ"):
                continue
            if not trig.verbal and tok.pos_ not in ("NOUN", "PROPN"):
                continue
            toks = [tok]
            for want in trig.lemmas[1:]:
                nxt = toks[-1].nbor(1) if toks[-1].i + 1 < len(tok.doc) else None
                if nxt is None or want not in word_forms(nxt):
                    break
                toks.append(nxt)
            if len(toks) != len(trig.lemmas):
                continue
            if trig.reflexive and not is_reflexive(tok):
                continue
            if (trig.type, trig.lemmas) not in {(t.type, t.lemmas) for t, _ in found}:
                found.append((trig, toks))
    return found


def is_reflexive(tok: Token) -> bool:
    return any(
        c.pos_ == "PRON" and (c.morph.get("Reflex") == ["Yes"] or c.lower_ in {"se", "s'", "s’"})
        for c in tok.children
    )


def phrase(tok: Token, stop: set[int]) -> list[Token]:
    """``tok`` and its dependents up to clause boundaries and other triggers."""
    out, todo = [], [tok]
    while todo:
        t = todo.pop()
        out.append(t)
        todo.extend(c for c in t.children if c.dep_ not in CLAUSE_DEPS and c.i not in stop)
    return out


def arguments(tok: Token, verbal: bool, stop: set[int]) -> list[Token]:
    """The argument heads of a trigger: objects and obliques of a verb, complements of a noun."""
    deps = VERB_ARG_DEPS if verbal else NOUN_ARG_DEPS
    args = [c for c in tok.children if c.dep_ in deps and c.i not in stop]
    if not verbal:
        args += [c for c in tok.children if c.dep_ == "conj" and c.pos_ == "PROPN"]
    if tok.dep_ in ("acl", "amod") or (verbal and any(c.dep_ == "aux:pass" for c in tok.children)):
        args += [tok.head] if tok.dep_ in ("acl", "amod") else [c for c in tok.children if c.dep_ == "nsubj:pass"]
    return args


def satisfies(trig: Trigger, tok: Token, ctx: Context, sent: int) -> bool:
    """A constrained trigger ("fournir [weapon]") has a word of its class among its arguments."""
    if trig.requires is None:
        return True
    words = [w for a in arguments(tok, trig.verbal, set()) for w in phrase(a, {tok.i})]
    if not trig.verbal:
        words += [c for c in tok.children if c.dep_ == "amod"]
    if trig.requires == "actor":
        return any((m := ctx.mention_at(w)) and m.type in ("Person", "Organization") for w in words)
    cls = ctx.lex.classes[trig.requires]
    return any(word_forms(w) & cls for w in words if ctx.in_sentence(w, sent))


def typed_candidates(ctx: Context, sent: int) -> list[tuple[Candidate, Trigger]]:
    """One candidate per lexicon trigger of sentence ``sent`` that meets its constraint."""
    out = []
    for tok in ctx.sentence_tokens(sent):
        for trig, toks in match_triggers(tok, ctx.lex):
            end = toks[-1].idx + len(toks[-1].text)
            if ctx.article.is_junk(tok.idx, end) or not satisfies(trig, tok, ctx, sent):
                continue
            cand = Candidate(type=trig.type, sentence=sent, tokens=toks, anchors={tok.i}, verbal=trig.verbal,
                             lemma=" ".join(trig.lemmas), roles=tuple(getattr(trig, "roles", ()) or ()))
            out.append((cand, trig))
    return out


def eventive_verb(tok: Token, ctx: Context) -> bool:
    """A verb that names a happening of its own: not stative, modal, aspectual, a support verb,
    a verb governing another event's modality, nor a speech verb (claims own those)."""
    if tok.pos_ != "VERB" or tok.dep_ in ("amod", "fixed", "flat:name") or not tok.is_alpha:
        return False
    forms = word_forms(tok)  # the lemmatiser leaves some verbs inflected ("cherche")
    if forms & ctx.not_eventive:
        return False
    return not ctx.is_cue(tok)


def other_candidates(ctx: Context, sent: int, taken: set[int]) -> list[Candidate]:
    """Untyped eventive verbs of the sentence (kept later only if they have an actor or a date)."""
    out = []
    for tok in ctx.sentence_tokens(sent):
        if tok.i in taken or not eventive_verb(tok, ctx) or ctx.article.is_junk(tok.idx, tok.idx + len(tok.text)):
            continue
        out.append(Candidate(type="other", sentence=sent, tokens=[tok], anchors={tok.i}, verbal=True,
                             lemma=tok.lemma_.lower() or tok.lower_))
    return out
