"""Event extraction: typed, dated events with agents, participants and a place.

Triggers are spaCy lemmas listed in ``kg/resources/event_triggers.toml``; the
typology, the roles and every rule below are described in ``docs/events.md``.
One event is produced per trigger, then events of one type in one sentence are
merged unless they name different places. Negated and hypothetical triggers
("aucun accord n'a été signé", "pourrait fournir", "pour discuter") yield nothing.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from kg.extract.event_lexicon import Lexicon, Trigger, norm
from kg.extract.topics import fold
from kg.records import Article, Event, Mention, Sentence, TimeExpr

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from kg.extract.topics import TopicScheme

SUBJ_DEPS = {"nsubj", "nsubj:pass"}
VERB_ARG_DEPS = {"obj", "iobj", "obl", "obl:arg", "obl:mod", "obl:agent", "nmod", "dep"}
NOUN_ARG_DEPS = {"nmod", "obl", "obl:arg", "obl:mod", "dep", "appos"}
# dependencies that open a new clause: an argument phrase stops there
CLAUSE_DEPS = {"acl", "acl:relcl", "advcl", "ccomp", "csubj", "parataxis", "xcomp", "nsubj", "nsubj:pass", "punct"}
PLACE_PREPS = {"a", "en", "dans", "vers", "sur", "chez", "jusque", "jusqu'a"}
CLAUSE_EDGES = {"acl", "acl:relcl", "advcl", "ccomp", "parataxis", "csubj"}
PREP_FORMS = {"au": "a", "aux": "a", "du": "de", "des": "de", "d'": "de", "d’": "de"}
IGNORED_PREPS = {"selon", "malgre", "sans", "comme", "depuis", "hormis", "sauf"}
CONDITIONAL_ENDINGS = ("ait", "aient", "ais", "ions", "iez")
IRREGULAR_CONDITIONALS = {"pourr", "ser", "aur", "fer", "enverr", "devr", "voudr", "viendr", "tiendr", "ir", "verr",
                          "saur", "faudr", "vaudr"}
PARTNER_PREPS = {"avec", "entre", "contre", "aupres", "par"}
NEGATORS = {"pas", "jamais", "plus", "guere", "point", "rien", "aucunement", "nullement"}
PRONOUNS = {"il": {"Person"}, "elle": {"Person", "Place", "Organization"}}
CALENDAR = re.compile(r"^(\d{4}|XXXX)(-[0-9A-Z]+)*(T.*)?$")


EVENT_TYPES: dict[str, str] = dict(Lexicon.load().types)


# --------------------------------------------------------------------------- context
@dataclass
class _Raw:
    """An event candidate before merging."""

    type: str
    sentence: int
    tokens: list[Token]  # trigger tokens
    anchors: set[int]  # token indices that own a date attached below them
    verbal: bool
    agents: list[Mention] = field(default_factory=list)
    participants: list[Mention] = field(default_factory=list)
    places: list[Mention] = field(default_factory=list)
    date: str | None = None
    date_source: str | None = None


class _Context:
    """Per-article lookups shared by the rules."""

    def __init__(self, doc: Doc, article: Article, sentences: Sequence[Sentence],
                 mentions: Sequence[Mention], lexicon: Lexicon) -> None:
        self.doc, self.article, self.sentences, self.lex = doc, article, sentences, lexicon
        self.mentions = sorted((m for m in mentions if not article.is_junk(m.start, m.end)), key=lambda m: m.start)
        self.spans = [doc.char_span(s.start, s.end, alignment_mode="expand") for s in sentences]
        self.paragraph = []
        para = 0
        for i, s in enumerate(sentences):
            if i and "\n" in article.text[sentences[i - 1].end:s.start]:
                para += 1
            self.paragraph.append(para)
        self.sent_of_token: dict[int, int] = {}
        for i, span in enumerate(self.spans):
            for t in span or ():
                self.sent_of_token[t.i] = i

    def mention_at(self, tok: Token) -> Mention | None:
        for m in self.mentions:
            if m.start <= tok.idx < m.end:
                return m
            if m.start > tok.idx:
                return None
        return None

    def in_sentence(self, tok: Token, sent: int) -> bool:
        return self.sent_of_token.get(tok.i) == sent


def _lemma(tok: Token) -> str:
    return norm(tok.lemma_ or tok.text)


def _word_forms(tok: Token) -> set[str]:
    """Lemma and surface form, singular too; a verb lemma left inflected ("cherche") gets its -r."""
    forms = {_lemma(tok), norm(tok.text)}
    if tok.pos_ in ("VERB", "AUX") and _lemma(tok).endswith("e"):
        forms.add(_lemma(tok) + "r")
    return forms | {f[:-1] for f in forms if f.endswith(("s", "x")) and len(f) > 3}


# --------------------------------------------------------------------------- triggers
def _match_triggers(tok: Token, lex: Lexicon) -> list[tuple[Trigger, list[Token]]]:
    found = []
    for form in _word_forms(tok):
        for trig in lex.triggers.get(form, ()):
            if trig.verbal and tok.pos_ not in ("VERB", "AUX", "ADJ"):
                continue
            if not trig.verbal and tok.pos_ not in ("NOUN", "PROPN"):
                continue
            toks = [tok]
            for want in trig.lemmas[1:]:
                nxt = toks[-1].nbor(1) if toks[-1].i + 1 < len(tok.doc) else None
                if nxt is None or want not in _word_forms(nxt):
                    break
                toks.append(nxt)
            if len(toks) != len(trig.lemmas):
                continue
            if trig.reflexive and not _is_reflexive(tok):
                continue
            if (trig.type, trig.lemmas) not in {(t.type, t.lemmas) for t, _ in found}:
                found.append((trig, toks))
    return found


def _is_reflexive(tok: Token) -> bool:
    return any(
        c.pos_ == "PRON" and (c.morph.get("Reflex") == ["Yes"] or c.lower_ in {"se", "s'", "s’"})
        for c in tok.children
    )


def _phrase(tok: Token, stop: set[int]) -> list[Token]:
    """``tok`` and its dependents up to clause boundaries and other triggers."""
    out, todo = [], [tok]
    while todo:
        t = todo.pop()
        out.append(t)
        todo.extend(c for c in t.children if c.dep_ not in CLAUSE_DEPS and c.i not in stop)
    return out


def _arguments(tok: Token, verbal: bool, stop: set[int]) -> list[Token]:
    deps = VERB_ARG_DEPS if verbal else NOUN_ARG_DEPS
    args = [c for c in tok.children if c.dep_ in deps and c.i not in stop]
    if not verbal:
        args += [c for c in tok.children if c.dep_ == "conj" and c.pos_ == "PROPN"]
    if tok.dep_ in ("acl", "amod") or (verbal and any(c.dep_ == "aux:pass" for c in tok.children)):
        args += [tok.head] if tok.dep_ in ("acl", "amod") else [c for c in tok.children if c.dep_ == "nsubj:pass"]
    return args


def _satisfies(trig: Trigger, tok: Token, ctx: _Context, stop: set[int], sent: int) -> bool:
    if trig.requires is None:
        return True
    words = [w for a in _arguments(tok, trig.verbal, set()) for w in _phrase(a, {tok.i})]
    if not trig.verbal:
        words += [c for c in tok.children if c.dep_ == "amod"]
    if trig.requires == "actor":
        return any((m := ctx.mention_at(w)) and m.type in ("Person", "Organization") for w in words)
    cls = ctx.lex.classes[trig.requires]
    return any(_word_forms(w) & cls for w in words if ctx.in_sentence(w, sent))


# --------------------------------------------------------------------------- modality
def _hypothetical_verb(verb: Token, lex: Lexicon, depth: int = 0) -> bool:
    """Negated, conditional, subjunctive, purpose or governed by a verb of wish, fear or denial."""
    kids = list(verb.children)
    if any(_lemma(c) in NEGATORS and c.dep_ == "advmod" for c in kids):
        return True
    if any(c.dep_ in SUBJ_DEPS | {"obj"} and any(_lemma(d) in lex.negative_dets for d in c.children
                                                 if d.dep_ == "det") for c in kids):
        return True
    for t in [verb, *(c for c in kids if c.dep_.startswith("aux"))]:
        if set(t.morph.get("Mood")) & {"Cnd", "Sub"} or _looks_conditional(t):
            return True
    if any(c.dep_ == "mark" and _lemma(c) in lex.purpose_markers | {"si"} for c in kids):
        return True
    if verb.dep_ in ("acl", "amod") and verb.head.i != verb.i:
        noun = verb.head  # "aucun accord signé", "dans le but d'acquérir"
        if _lemma(noun) in lex.desire_nouns or any(
                c.dep_ == "det" and _lemma(c) in lex.negative_dets for c in noun.children):
            return True
    if depth < 3 and verb.dep_ in ("xcomp", "ccomp", "csubj") and verb.head.i != verb.i:
        head = verb.head
        if _word_forms(head) & (lex.desire_verbs | lex.hedge_adjectives):  # "il est possible que ..."
            return True
        return _hypothetical_verb(head, lex, depth + 1) if verb.dep_ == "xcomp" else False
    if depth < 3 and verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX"):
        return _hypothetical_verb(verb.head, lex, depth + 1)
    return False


def _looks_conditional(tok: Token) -> bool:
    """A conditional the tagger took for an imperfect ("menacerait", "pourrait")."""
    if tok.morph.get("Tense") != ["Imp"]:
        return False
    text, lemma = tok.lower_, tok.lemma_.lower()
    for ending in CONDITIONAL_ENDINGS:
        if text.endswith("r" + ending):
            stem = text[: -len(ending)]
            return stem in (lemma, lemma[:-1]) or stem in IRREGULAR_CONDITIONALS
    return False


def _discarded_noun(noun: Token, lex: Lexicon) -> bool:
    """An anaphoric ("cette visite"), negated, hedged or hypothetical nominal trigger."""
    for c in noun.children:
        if c.dep_ == "det" and (c.morph.get("PronType") == ["Dem"] or _lemma(c) in lex.negative_dets):
            return True
        if c.dep_ == "amod" and _lemma(c) in lex.hedge_adjectives:
            return True
    if noun.head.i != noun.i and _lemma(noun.head) in lex.desire_nouns:
        return True  # "un danger de réapprovisionnement", "le risque d'invasion"
    noun = _attachment(noun)
    head = noun.head
    if head.i != noun.i and head.pos_ in ("VERB", "AUX") and noun.dep_ in VERB_ARG_DEPS | SUBJ_DEPS:
        return _hypothetical_verb(head, lex)
    if head.i != noun.i and head.pos_ == "ADJ" and noun.dep_.startswith("obl"):
        return _hypothetical_verb(head, lex)
    return False


# --------------------------------------------------------------------------- actors
def _attachment(noun: Token) -> Token:
    """The noun phrase a nominal trigger hangs from: "droit" in "son droit de veto"."""
    if noun.dep_ == "nmod" and noun.head.pos_ == "NOUN" and noun.head.i != noun.i:
        return noun.head
    return noun


def _subject_tokens(verb: Token, depth: int = 0) -> list[Token]:
    passive = any(c.dep_ == "aux:pass" for c in verb.children) or verb.dep_ == "acl"
    if passive:
        subj = [c for c in verb.children if c.dep_ == "obl:agent"]
    else:
        subj = [c for c in verb.children if c.dep_ in SUBJ_DEPS]
    if subj or depth >= 3:
        return subj
    if verb.dep_ in ("conj", "xcomp") and verb.head.pos_ in ("VERB", "AUX"):
        return _subject_tokens(verb.head, depth + 1)
    if verb.dep_ == "advcl" and verb.morph.get("VerbForm") in (["Inf"], ["Part"]):
        return _subject_tokens(verb.head, depth + 1)
    return []


def _agents_of_verb(verb: Token, ctx: _Context, sent: int) -> list[Mention]:
    """Mentions naming the subject of ``verb``, with fallbacks for parser and NER slips."""
    subj = [t for t in _subject_tokens(verb) if ctx.in_sentence(t, sent)]
    found = _mentions_of(subj, ctx, sent, resolve=True)
    if found:
        return found
    for tok in subj:
        if tok.morph.get("PronType") == ["Rel"] or tok.lower_ in ("qui", "lequel", "laquelle"):
            m = _mention_before(tok, ctx, sent, skip={","})  # "Kim, qui a rencontré"
            if m is None and verb.dep_ == "acl:relcl" and ctx.in_sentence(verb.head, sent):
                m = ctx.mention_at(verb.head)
        else:
            m = _mention_before(tok, ctx, sent, skip=set(), gap=1)  # NER cut: "[Kim Jong] Un"
            if m is None:  # "Vladimir Poutine, le président russe, prévoit"
                m = _mention_before(min(tok.subtree, key=lambda t: t.i), ctx, sent, skip={","})
        if m is not None and m.type in ("Person", "Organization", "Place"):
            found.append(m)
    if found or subj or any(c.dep_ == "aux:pass" for c in verb.children):
        return found
    # no subject in the parse (a tree cut by a sentence split): mentions just left of the verb
    first = min([verb, *(c for c in verb.children if c.dep_.startswith("aux") or c.dep_ == "expl:comp")],
                key=lambda t: t.i)
    m = _mention_before(first, ctx, sent, skip=set(), gap=1)
    prev = _token_before_char(first.idx, ctx, sent)
    if m is None and prev is not None and prev.text == ",":  # "X, conseiller à ..., s'était entretenu"
        for back in range(prev.i - 1, max(prev.i - 15, 0), -1):
            if ctx.doc[back].text == "," and "\n" not in ctx.article.text[ctx.doc[back].idx:first.idx]:
                m = _mention_before(ctx.doc[back], ctx, sent, skip=set(), gap=1)
                break
    while m is not None:
        found.insert(0, m)
        prev = _token_before_char(m.start, ctx, sent)
        while prev is not None and prev.pos_ == "DET":
            prev = _token_before_char(prev.idx, ctx, sent)
        if prev is None or prev.lower_ not in ("et", ","):
            break
        m = _mention_before(prev, ctx, sent, skip={"la", "le", "les", "l'"}, gap=1)
    return found


def _token_before_char(char: int, ctx: _Context, sent: int) -> Token | None:
    """The token ending at or before ``char``, in the same line (sentence splits may be off by a word)."""
    span = ctx.doc.char_span(char, char, alignment_mode="expand")
    i = span.start if span is not None else len(ctx.doc)
    while i > 0:
        prev = ctx.doc[i - 1]
        if prev.idx + len(prev.text) <= char:
            if "\n" in ctx.article.text[prev.idx:char]:
                return None
            return prev
        i -= 1
    return None


def _mention_before(tok: Token, ctx: _Context, sent: int, skip: set[str], gap: int = 2) -> Mention | None:
    """The mention ending right before ``tok`` (only ``skip`` words and ``gap`` spaces between)."""
    end = tok.idx
    prev = _token_before_char(end, ctx, sent)
    while prev is not None and prev.lower_ in skip and ctx.mention_at(prev) is None:
        end = prev.idx
        prev = _token_before_char(end, ctx, sent)
    if prev is None:
        return None
    m = ctx.mention_at(prev)
    if m is not None and end - m.end <= gap:
        return m
    return None


def _mentions_of(tokens: Sequence[Token], ctx: _Context, sent: int, resolve: bool) -> list[Mention]:
    """Mentions covering the tokens or their conjuncts/appositions; pronouns resolved."""
    out: list[Mention] = []
    for tok in tokens:
        group = [tok, *(c for c in tok.children if c.dep_ in ("conj", "appos", "flat:name", "nmod")
                        and (c.dep_ != "nmod" or c.pos_ == "PRON"))]
        for t in group:
            if not ctx.in_sentence(t, sent):
                continue
            m = ctx.mention_at(t)
            if m is None and resolve and t.pos_ == "PRON" and t.lower_ in PRONOUNS:
                m = _resolve_pronoun(t, ctx, sent)
            if m is not None and m not in out:
                out.append(m)
    return out


def _resolve_pronoun(tok: Token, ctx: _Context, sent: int) -> Mention | None:
    """The latest subject mention before ``tok`` in its paragraph, of a type the pronoun allows."""
    allowed = PRONOUNS[tok.lower_]
    para = ctx.paragraph[sent]
    best = None
    for i in range(sent, -1, -1):
        if ctx.paragraph[i] != para:
            break
        for t in ctx.spans[i] or ():
            if t.idx >= tok.idx:
                break
            if t.dep_ in SUBJ_DEPS:
                m = ctx.mention_at(t)
                if m is not None and m.type in allowed:
                    best = m
        if best is not None:
            return best
    return None


def _prep(tok: Token, trigger: Token) -> str | None:
    """The preposition introducing ``tok``; a conjunct shares its first conjunct's."""
    for c in tok.children:
        if c.dep_ == "case":
            return PREP_FORMS.get(c.lower_, _lemma(c))
    if tok.dep_ == "conj" and tok.head.i == trigger.i:  # "rencontre entre Kim et Poutine" parsed flat
        siblings = [c for c in trigger.children if c.i < tok.i and c.dep_ in NOUN_ARG_DEPS]
        return _prep(siblings[-1], trigger) if siblings else None
    if tok.dep_ == "conj":
        return _prep(tok.head, trigger)
    return None


def _fill_roles(raw: _Raw, trig: Trigger, ctx: _Context, stop: set[int]) -> None:
    tok, sent, lex = raw.tokens[0], raw.sentence, ctx.lex
    agent_toks: list[Token] = []
    partner_toks: list[Token] = []
    if trig.verbal:
        if trig.inverse:  # accueillir: who is welcomed is the agent
            agent_toks = [c for c in tok.children if c.dep_ == "obj"] or (
                _subject_tokens(tok.head) if tok.dep_ == "advcl" else
                [tok.head] if tok.dep_ in ("acl", "amod") else [])
            partner_toks = [c for c in tok.children if c.dep_ in SUBJ_DEPS | {"obl:agent"}]
        else:
            agent_toks = _subject_tokens(tok)
            raw.agents = _agents_of_verb(tok, ctx, sent)
    else:
        agent_toks = [c for c in tok.children if c.dep_ in SUBJ_DEPS]
        attach = _attachment(tok)
        head = attach.head
        if not agent_toks and head.i != attach.i and head.pos_ in ("VERB", "AUX") \
                and _lemma(head) in lex.light_verbs and attach.dep_ in VERB_ARG_DEPS:
            agent_toks = _subject_tokens(head)
            raw.anchors.add(head.i)
            raw.agents = _agents_of_verb(head, ctx, sent)
    if not raw.agents:
        raw.agents = _mentions_of(agent_toks, ctx, sent, resolve=True)
    raw.participants = _mentions_of(partner_toks, ctx, sent, resolve=False)

    seen = {m.start for m in raw.agents + raw.participants}
    for arg in _arguments(tok, trig.verbal, stop):
        if arg.i in {t.i for t in agent_toks + partner_toks}:
            continue
        for w in _phrase(arg, stop | {tok.i}):
            m = ctx.mention_at(w) if ctx.in_sentence(w, sent) else None
            if m is None or m.start in seen:
                continue
            seen.add(m.start)
            span = ctx.doc.char_span(m.start, m.end, alignment_mode="expand")
            tops = [t for t in span if not span.start <= t.head.i < span.end or t.head.i == t.i]
            root = tops[0] if tops else w  # "Corée" rather than "Nord" in "en Corée du Nord"
            _classify(raw, trig, m, root, arg, ctx)


def _classify(raw: _Raw, trig: Trigger, m: Mention, root: Token, arg: Token, ctx: _Context) -> None:
    prep = _prep(root, raw.tokens[0])
    if prep in IGNORED_PREPS:
        return
    if raw.type == "arms-transfer" and prep == "sur" and m.type == "Place":
        raw.type = "military-action"  # "des missiles ont été envoyés sur Kharkiv"
        raw.places.append(m)
        return
    if m.type != "Place":
        if not trig.verbal and prep in ("de", "par") and root.head.i == raw.tokens[0].i and not raw.agents:
            raw.agents.append(m)  # "la visite de Poutine", "l'invasion par la Russie"
        else:
            raw.participants.append(m)
        return
    if raw.type not in ctx.lex.locative or prep in PARTNER_PREPS:
        if prep == "par" and not raw.agents:
            raw.agents.append(m)
        else:
            raw.participants.append(m)
    elif prep in PLACE_PREPS or (prep is None and arg.dep_ == "obj" and raw.type == "travel") \
            or (prep == "de" and not trig.verbal and root.head.i == raw.tokens[0].i
                and raw.type in ("travel", "military-action")):
        raw.places.append(m)


# --------------------------------------------------------------------------- dates
def _usable(tx: TimeExpr, article: Article, sentence: Sentence) -> bool:
    """A calendar DATE/TIME that can date an event of its sentence.

    "depuis 2000" after "première visite" is the previous time, not this event's date.
    """
    if tx.type not in ("DATE", "TIME") or not CALENDAR.match(tx.value or ""):
        return False
    if article.is_junk(tx.start, tx.end):
        return False
    before = fold(article.text[max(sentence.start, tx.start - 12):tx.start]).rstrip()
    if fold(tx.text).startswith("depuis") or before.endswith("depuis"):
        return "premi" not in fold(article.text[sentence.start:tx.start])
    return True


def _assign_dates(raws: list[_Raw], ctx: _Context, timexes: Sequence[TimeExpr]) -> None:
    by_sent: dict[int, list[TimeExpr]] = {}
    for tx in timexes:
        for i, s in enumerate(ctx.sentences):
            if s.start <= tx.start < s.end:
                if _usable(tx, ctx.article, s):
                    by_sent.setdefault(i, []).append(tx)
                break
    # explicit: a date attached below the trigger, else an unattached one nearest to it
    mine: dict[int, list[TimeExpr]] = {id(r): [] for r in raws}
    for i, txs in by_sent.items():
        events = [r for r in raws if r.sentence == i]
        for tx in txs if events else ():
            owner = _owner(tx, events, ctx, i) or min(events, key=lambda r: abs(r.tokens[0].idx - tx.start))
            mine[id(owner)].append(tx)
    for r in raws:
        if mine[id(r)]:
            pos = r.tokens[0].idx
            best = min(mine[id(r)], key=lambda tx: (tx.value.startswith("XXXX"), abs(tx.start - pos)))
            r.date, r.date_source = best.value, "explicit"
    # sentence: the date of a dated event one or two dependency hops away ("arrivé le 18 juin pour un sommet")
    for r in raws:
        if r.date is None:
            near = [o for o in raws if o.sentence == r.sentence and o.date_source == "explicit"
                    and _hops(o.tokens[0], r.tokens[0]) <= 2]
            if near:
                r.date, r.date_source = near[0].date, "sentence"
    # context: the last explicit event date earlier in the paragraph, else a date in the sentence just before
    for r in raws:
        if r.date is not None:
            continue
        para = ctx.paragraph[r.sentence]
        earlier = [o for o in raws if o.date_source in ("explicit", "sentence") and o.sentence < r.sentence
                   and ctx.paragraph[o.sentence] == para]
        prev = r.sentence - 1
        if earlier:
            r.date, r.date_source = earlier[-1].date, "context"
        elif prev >= 0 and ctx.paragraph[prev] == para and by_sent.get(prev):
            r.date, r.date_source = by_sent[prev][-1].value, "context"
        elif ctx.article.published:
            r.date, r.date_source = ctx.article.published, "article"


def _hops(a: Token, b: Token) -> int:
    """Dependency distance between two tokens (large when unrelated)."""
    up = {a.i: 0}
    t, d = a, 0
    while t.head.i != t.i and d < 6:
        t, d = t.head, d + 1
        up[t.i] = d
    t, d = b, 0
    while d < 7:
        if t.i in up:
            return up[t.i] + d
        if t.head.i == t.i:
            break
        t, d = t.head, d + 1
    return 99


def _owner(tx: TimeExpr, events: list[_Raw], ctx: _Context, sent: int) -> _Raw | None:
    span = ctx.doc.char_span(tx.start, tx.end, alignment_mode="expand")
    if span is None or not events:
        return None
    tok = span.root
    anchors = {i: r for r in events for i in r.anchors}
    for _ in range(12):
        if tok.i in anchors:
            return anchors[tok.i]
        if tok.head.i == tok.i or not ctx.in_sentence(tok.head, sent) or tok.dep_ in CLAUSE_EDGES:
            return None  # a date inside a subordinate clause dates that clause, not the events above it
        tok = tok.head
    return None


# --------------------------------------------------------------------------- merging
def _merge(raws: list[_Raw]) -> list[_Raw]:
    out: list[_Raw] = []
    for r in sorted(raws, key=lambda r: (r.sentence, r.tokens[0].i)):
        place = r.places[0].key if r.places else None
        for o in out:
            oplace = o.places[0].key if o.places else None
            if o.sentence == r.sentence and o.type == r.type and (place is None or oplace is None or place == oplace):
                if r.verbal and not o.verbal:
                    o.tokens, o.verbal = r.tokens, True
                o.agents += [m for m in r.agents if m.key not in {a.key for a in o.agents}]
                o.participants += [m for m in r.participants if m not in o.participants]
                o.places = o.places or r.places
                o.anchors |= r.anchors
                break
        else:
            out.append(r)
    return out


def _to_event(r: _Raw, ctx: _Context, topics: TopicScheme | None) -> Event:
    s = ctx.sentences[r.sentence]
    agents = {m.key: m for m in r.agents}
    actors = [("agent", m.key, m.label) for m in agents.values()]
    place = r.places[0] if r.places else None
    for m in r.participants:
        if m.key not in agents and (place is None or m.key != place.key) \
                and ("participant", m.key, m.label) not in actors:
            actors.append(("participant", m.key, m.label))
    start, end = r.tokens[0].idx, r.tokens[-1].idx + len(r.tokens[-1].text)
    return Event(
        start=s.start, end=s.end, text=s.text, type=r.type,
        trigger=ctx.article.text[start:end], trigger_start=start, trigger_end=end,
        actors=tuple(actors), place=(place.key, place.label) if place else None,
        sentence=r.sentence, date=r.date, date_source=r.date_source,
        topics=topics.tag(s.text) if topics is not None else (),
    )


# --------------------------------------------------------------------------- entry point
def extract_events(
    doc: Doc,
    article: Article,
    sentences: Sequence[Sentence],
    mentions: Sequence[Mention],
    timexes: Sequence[TimeExpr],
    topics: TopicScheme | None = None,
    lexicon: Lexicon | None = None,
) -> Iterator[Event]:
    """Yield the events of one article, in text order."""
    lex = lexicon or Lexicon.load()
    ctx = _Context(doc, article, sentences, mentions, lex)
    raws: list[_Raw] = []
    for i, span in enumerate(ctx.spans):
        if span is None:
            continue
        found = [(tok, trig, toks) for tok in span for trig, toks in _match_triggers(tok, lex)]
        stop = {tok.i for tok, _, _ in found}
        for tok, trig, toks in found:
            end = toks[-1].idx + len(toks[-1].text)
            if article.is_junk(tok.idx, end) or not _satisfies(trig, tok, ctx, stop, i):
                continue
            if (_hypothetical_verb(tok, lex) if trig.verbal else _discarded_noun(tok, lex)):
                continue
            raw = _Raw(type=trig.type, sentence=i, tokens=toks, anchors={tok.i}, verbal=trig.verbal)
            _fill_roles(raw, trig, ctx, stop - {tok.i})
            raws.append(raw)
    raws = _merge(raws)
    # a nominal trigger that names no actor, no place and no date says nothing new
    _assign_dates(raws, ctx, timexes)
    for r in raws:
        if not r.verbal and not (r.agents or r.participants or r.places or r.date_source == "explicit"):
            continue
        yield _to_event(r, ctx, topics)
