"""Event extraction: typed, dated events with their actors, place and modality.

One stage per module, run in this order on each sentence of an article:

* :mod:`~kg.extract.events.triggers` finds triggers: the verbs and nouns of the lexicon
  (``kg/resources/events/``, derived from the French VerbNet) and, as type ``other``, any
  other eventive verb;
* :mod:`~kg.extract.events.actors` fills agent, patient, recipient, participants and place;
* :mod:`~kg.extract.events.modality` decides asserted / negated / planned / possible /
  reported / cancelled, and links a reported event to the claim that carries it;
* :mod:`~kg.extract.events.dates` anchors each event to the expression that dates it.

Candidates of one type in one sentence are then merged unless they name different places,
and an ``other`` verb that has neither an actor nor a date of its own is dropped. The
typology and every rule are described in ``docs/events.md``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from functools import lru_cache
from typing import TYPE_CHECKING

from kg.extract.event_lexicon import Lexicon
from kg.extract.events.actors import fill_roles
from kg.extract.events.context import Candidate, Context, lemma
from kg.extract.events.dates import assign_dates
from kg.extract.events.decision import Decision, decide
from kg.extract.events.modality import MODALITIES, ModalityWords, cancel_past_plans, classify, verb_modality
from kg.extract.events.triggers import is_reflexive, other_candidates, typed_candidates
from kg.records import Article, Claim, Event, Mention, Sentence, TimeExpr

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from kg.extract.topics import TopicScheme

__all__ = ["EVENT_TYPES", "MODALITIES", "Lexicon", "extract_events"]

EVENT_TYPES: dict[str, str] = {**Lexicon.load().types,
                               "other": "A happening of no known type: an eventive verb with an actor or a date."}


@lru_cache(maxsize=1)
def _speech_verbs() -> frozenset[str]:
    from kg.extract.claims import Lexicon as ClaimLexicon
    from kg.extract.event_lexicon import norm

    return frozenset(norm(v) for v in ClaimLexicon.load().verbs if " " not in v)


def _merge(cands: list[Candidate]) -> list[Candidate]:
    """Candidates of one type, modality and sentence are one event unless they name different places."""
    out: list[Candidate] = []
    for r in sorted(cands, key=lambda r: (r.sentence, r.head.i)):
        place = r.places[0].key if r.places else None
        for o in out:
            oplace = o.places[0].key if o.places else None
            if o.sentence == r.sentence and o.type == r.type and o.type != "other" and o.modality == r.modality \
                    and (place is None or oplace is None or place == oplace):
                if r.verbal and not o.verbal:
                    o.tokens, o.verbal, o.lemma = r.tokens, True, r.lemma
                for attr in ("agents", "patients", "recipients", "participants"):
                    have = {m.key for m in getattr(o, attr)}
                    getattr(o, attr).extend(m for m in getattr(r, attr) if m.key not in have)
                o.places = o.places or r.places
                o.anchors |= r.anchors
                break
        else:
            out.append(r)
    return out


def _keep(r: Candidate, ctx: Context) -> bool:
    """A nominal trigger or an untyped verb must say something: an actor, a place or its own date."""
    if r.type == "other":
        return bool(r.agents or r.patients or r.date_source == "explicit")
    if not r.verbal:  # "des discussions décisives" alone says nothing; a noun with a complement or a date does
        return bool(len(r.anchors) > 1 or r.agents or r.patients or r.recipients or r.participants or r.places
                    or r.date_source in ("explicit", "sentence") or _has_complement(r.head))
    return True


def _has_complement(noun) -> bool:
    """A noun with a determiner and a complement or modifier: "le gigantesque carambolage", "la mort de …"."""
    kids = list(noun.children)
    if noun.dep_ == "ROOT" and not any(t.pos_ in ("VERB", "AUX") for t in noun.sent):
        return True  # a verbless headline names its event: "Réunion du conseil municipal."
    return any(c.dep_ == "det" for c in kids) and any(c.dep_ in ("nmod", "amod", "acl", "acl:relcl") for c in kids)


def _anaphoric(r: Candidate) -> bool:
    """A noun with a demonstrative ("cette visite") refers back to an event already extracted."""
    return not r.verbal and any(c.dep_ == "det" and c.morph.get("PronType") == ["Dem"] for c in r.head.children)


def _occurrence(tok, ctx: Context) -> list:
    """The tokens of a verb of occurrence at ``tok`` ("a eu lieu", "s'est déroulée", "survient"), or []."""
    if tok.pos_ not in ("VERB", "AUX"):
        return []
    lem = lemma(tok)
    nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
    if lem == "avoir" and nxt is not None and nxt.lower_ == "lieu":
        return [tok, nxt]
    if lem in ctx.lex.occurrence_verbs and (lem in ("survenir", "intervenir", "advenir") or is_reflexive(tok)):
        return [tok]
    return []


def _occurrences(ctx: Context, sent: int, found: list[Candidate]) -> list[Candidate]:
    """A verb of occurrence dates and modalises the event noun that is its subject ("la cérémonie a eu
    lieu le 28 août"); with a subject that names no event it is an event of its own ("les faits se sont
    déroulés dans les bois")."""
    out = []
    for tok in ctx.sentence_tokens(sent):
        toks = _occurrence(tok, ctx)
        if not toks:
            continue
        subj = [c for c in tok.children if c.dep_ in ("nsubj", "nsubj:pass")]
        noun = next((c for c in found if not c.verbal and subj and c.head.i == subj[0].i), None)
        if noun is not None:
            noun.anchors.add(tok.i)
            for c in tok.children:  # "se tiendra à Paris": the verb's place is the event's
                m = ctx.mention_at(c) if c.dep_.startswith("obl") else None
                if m is not None and m.type == "Place" and not noun.places:
                    noun.places.append(m)
            if noun.modality == "asserted":
                mod = verb_modality(tok, ctx.words)
                if mod:
                    noun.modality, noun.modality_rule = mod
            continue
        cand = Candidate(type="other", sentence=sent, tokens=toks, anchors={tok.i}, verbal=True,
                         lemma=" ".join(t.lemma_.lower() for t in toks))
        fill_roles(cand, None, ctx, set())
        cand.patients, cand.agents = cand.patients + cand.agents, []
        classify(cand, ctx)
        out.append(cand)
    return out


def _sentence_topics(ctx: Context, sent: int, topics: TopicScheme | None) -> tuple[str, ...]:
    """The topics of a sentence, tagged once however many events it holds."""
    if topics is None:
        return ()
    if sent not in ctx.topic_cache:
        ctx.topic_cache[sent] = tuple(topics.tag(ctx.sentences[sent].text))
    return ctx.topic_cache[sent]


def _to_event(r: Candidate, ctx: Context, topics: TopicScheme | None, decision: Decision) -> Event:
    s = ctx.sentences[r.sentence]
    actors: list[tuple[str, str, str]] = []
    place = r.places[0] if r.places else None
    for role, ms in (("agent", r.agents), ("patient", r.patients), ("recipient", r.recipients),
                     ("participant", r.participants)):
        for m in ms:
            if all(m.key != k for _, k, _ in actors) and (place is None or m.key != place.key):
                actors.append((role, m.key, m.label))
    start, end = r.head.idx, r.tokens[-1].idx + len(r.tokens[-1].text)
    dstart, dend = r.date_span if r.date_span and r.date_source != "article" else (None, None)
    return Event(
        start=s.start, end=s.end, text=s.text, type=r.type,
        trigger=ctx.article.text[start:end], trigger_start=start, trigger_end=end,
        actors=tuple(actors), place=(place.key, place.label) if place else None,
        sentence=r.sentence, date=r.date, date_source=r.date_source,
        topics=_sentence_topics(ctx, r.sentence, topics),
        lemma=r.lemma, modality=r.modality, modality_rule=r.modality_rule,
        date_text=ctx.article.text[dstart:dend] if dstart is not None else None,
        date_start=dstart, date_end=dend,
        claim=(r.claim.content_start, r.claim.content_end) if r.claim is not None else None,
        confidence=decision.confidence, decided_by=decision.by,
    )


def extract_events(
    doc: Doc,
    article: Article,
    sentences: Sequence[Sentence],
    mentions: Sequence[Mention],
    timexes: Sequence[TimeExpr],
    topics: TopicScheme | None = None,
    lexicon: Lexicon | None = None,
    claims: Sequence[Claim] = (),
    decider: Callable[[Candidate, Context], Decision] = decide,
) -> Iterator[Event]:
    """Yield the events of one article, in text order: the candidates that say something and that
    ``decider`` (rules of French, then the learned model: :mod:`~kg.extract.events.decision`) keeps."""
    lex = lexicon or Lexicon.load()
    ctx = Context(doc, article, sentences, mentions, lex, ModalityWords.load(), claims, _speech_verbs())
    cands: list[Candidate] = []
    typed_by_sentence = {i: typed_candidates(ctx, i) for i, span in enumerate(ctx.spans) if span is not None}
    # a verb that is a typed event ("a été condamné à mort") is not a cue whose content the event is in
    ctx.ignore_claims({(c.head.idx, c.tokens[-1].idx + len(c.tokens[-1].text))
                       for typed in typed_by_sentence.values() for c, _ in typed})
    for i, typed in typed_by_sentence.items():
        stop = {c.head.i for c, _ in typed}
        found = [(c, t) for c, t in typed if not _anaphoric(c)]
        found += [(c, None) for c in other_candidates(ctx, i, stop | {c.head.i for c, _ in typed})]
        found = [(c, t) for c, t in found if not _occurrence(c.head, ctx)]
        stop |= {c.head.i for c, _ in found}
        for cand, trig in found:
            fill_roles(cand, trig, ctx, stop - {cand.head.i})
            classify(cand, ctx)
            cands.append(cand)
        cands += _occurrences(ctx, i, [c for c, _ in found])
    cands = _merge(cands)
    assign_dates(cands, ctx, timexes)
    cancel_past_plans(cands, ctx)  # after dating: an explicit date before publication is no plan
    for r in cands:
        if _keep(r, ctx) and (decision := decider(r, ctx)).keep:
            yield _to_event(r, ctx, topics, decision)

