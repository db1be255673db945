"""Claims: who said what, from direct, indirect and mixed reported speech in French.

The extractor works sentence by sentence over the spaCy parse, with quotations found
at paragraph level (a quotation may span sentences). Constructions, each a rule:

* *incise rule* — a speech verb after a comma or closing quote with an inverted subject
  ("», a-t-il déclaré", ", a ajouté Bennett,", "» déclare Dimitri Peskov"): the content is
  the quotation or clause before it, or the clause after a sentence-initial incise;
* *subject rule* — "X a déclaré que …", "X a averti la Russie que …", "X estime que …",
  "X a déclaré : « … »": the speaker is the verb's subject, the content its complement;
* *expression rule* — "X a exprimé son inquiétude concernant …" (the noun gives the stance);
* *denial rule* — "X nient ces allégations", "X ont nié avoir …" (stance deny);
* *colon rule* — "L'édito … ne tarissait pas d'éloges : « … »": a quotation after a colon
  belongs to the subject of the clause before it;
* *source rule* — "selon X", "d'après X" when X names an entity or an agentive noun;
* *continuation rule* — a quotation standing alone as a sentence continues the previous
  speaker of the same or previous paragraph;
* *pronoun rule* — "Il a ajouté", "Ils prétendent", "-t-il": the latest earlier subject
  of the same number that names a person, organisation or group, outside quotations.

Issue 13 added, for real news: the *control*, *detached participle*, *passive agent* and
*verdict* rules (``nonfinite.py``); the *infinitive*, *interrogative*, *object*, *de-object* and
*attribute* complements (``complements.py``); the *nominal cue rule* (``nominal.py``); the
*integrated quotation* rule (``quoted.py``); the *relay*, *speaking-subject*, *impersonal
incise*, *temporal adverb* and *apposition* rules; and a lexicon built from Verb∋Net
(``verbenet.py``). Modules: ``constructions.py`` (around a verb of saying), ``complements.py``
(what it says), ``quoted.py`` (colon, selon, integrated and continued quotations),
``nominal.py``, ``nonfinite.py``, ``speakers.py``, ``lexicon.py``, ``quotes.py``, ``state.py``.

Mode is "direct" when the content is exactly a quotation, "mixed" when it contains one,
"indirect" otherwise. Short quotations with no cue (scare quotes: « meilleur ami ») are
not claims.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from spacy.tokens import Doc, Span

from kg.extract.claims.complements import _clause_end, _trim
from kg.extract.claims.constructions import (
    _incise_claim,
    _split_quote_claim,
    _subject_claim,
    _surface_cue,
    _surface_subject_claim,
)
from kg.extract.claims.lexicon import Lexicon, _cue
from kg.extract.claims.nominal import nominal_claims
from kg.extract.claims.quoted import _colon_claim, _continuation_claim, _integrated_quote_claim, _source_claims
from kg.extract.claims.quotes import OPENERS, Quote, find_quotes
from kg.extract.claims.speakers import _subject_history
from kg.extract.claims.state import _in_quote, _Speaker, _State, _tokens
from kg.nlp import paragraphs
from kg.records import Article, Claim, Mention, Sentence, TimeExpr

__all__ = ["Lexicon", "Quote", "extract_claims", "find_quotes", "negated"]


def extract_claims(
    doc: Doc,
    article: Article,
    sentences: tuple[Sentence, ...],
    mentions: tuple[Mention, ...],
    timexes: tuple[TimeExpr, ...] = (),
    topics=None,
    lexicon: Lexicon | None = None,
) -> Iterator[Claim]:
    """Claims of one article in text order."""
    text = article.text
    quotes = [q for p0, p1 in paragraphs(text) for q in find_quotes(text, p0, p1) if not article.is_junk(q.open, q.close)]
    state = _State(doc, article, mentions, quotes, lexicon or Lexicon.load())
    state.paragraph_starts = [p0 for p0, _ in paragraphs(text)]
    state.quote_opens = [q.open for q in quotes]
    state.mention_starts = [m.start for m in mentions]
    state.history = _subject_history(state)
    state.history_starts = [pos for pos, _ in state.history]
    for index, sentence in enumerate(sentences):
        if article.is_junk(sentence.start, sentence.end):
            continue
        span = doc.char_span(sentence.start, sentence.end, alignment_mode="expand")
        if span is None:
            continue
        for claim in _sentence_claims(state, span, index):
            claim = _finish(claim, state, sentences, timexes, topics)
            if claim.speaker_start is not None:
                state.last_speaker = (claim.speaker_start, _speaker_of(claim))
                if claim.speaker is not None:
                    state.speakers.append((claim.speaker_start, state.last_speaker[1]))
            yield claim


def _sentence_claims(state: _State, sent: Span, index: int) -> list[dict]:
    """Claims of one sentence; a cue inside another claim's content is part of that content
    ("La Corée du Nord pourrait promettre « … », a déclaré Bruce Bennett")."""
    claims = list(_sentence_candidates(state, sent, index))

    def governed(c: dict, o: dict) -> bool:
        inside = o["content"][0] <= c["cue"][0] < o["content"][1]
        return inside and (o["rule"] == "incise" or c["rule"] != "incise") and not _relays(o)

    kept = [c for c in claims if c["cue"][0] is None or not any(o is not c and governed(c, o) for o in claims)]
    text = state.article.text
    for c in kept:  # a relayed claim ends before the relaying incise
        for o in kept:
            if o is not c and _relays(o) and c["cue"][0] is not None and c["cue"][0] < o["cue"][0] < c["content"][1] \
                    and c["content"][0] < o["cue"][0]:
                end = o["cue"][0]
                while end > c["content"][0] and text[end - 1] in " ,;":
                    end -= 1
                c["content"] = (c["content"][0], end)
    return kept


# *relay rule*: "Poutine a affirmé que P, ont rapporté les agences russes" — a medium or a verb of
# relaying carries another claim: both are kept (resolution links them with kg:relayedBy).
RELAY_LEMMAS = frozenset({"rapporter", "relayer", "citer", "relater", "retransmettre", "répercuter"})
RELAY_NOUNS = frozenset({"agence", "agences", "média", "médias", "presse", "télévision", "radio", "journal",
                         "quotidien", "hebdomadaire", "chaîne", "site", "dépêche"})


def _relays(claim: dict) -> bool:
    words = (claim["speaker"].text or claim["speaker"].label or "").lower().split()
    return claim["lemma"] in RELAY_LEMMAS or bool(RELAY_NOUNS.intersection(words[:3]))


def _sentence_candidates(state: _State, sent: Span, index: int) -> Iterator[dict]:
    used_cues: set[int] = set()
    for token in _tokens(state, sent):
        if token.i in used_cues:
            continue
        if _in_quote(state, token.idx):
            claim = _split_quote_claim(state, sent, token)
            if claim:
                used_cues.add(token.i)
                claim.update(sentence=index, rule="incise")
                yield claim
            continue
        cue = _cue(token, state.lex) or _surface_cue(state, token)
        if cue is None:
            continue
        lemma, stance, cue_start, cue_end = cue
        claim = _incise_claim(state, sent, token, cue)
        if claim:
            claim["rule"] = "incise"
        else:
            claim = _subject_claim(state, sent, token, cue) or _surface_subject_claim(state, sent, token, cue)
        if claim:
            used_cues.add(token.i)
            claim.update(sentence=index)
            yield claim
    for claim in nominal_claims(state, sent, _clause_end):
        claim.update(sentence=index)
        yield claim
    yield from _source_claims(state, sent, index, bool(used_cues))
    for q in state.quotes:
        if sent.start_char <= q.open < sent.end_char and q.open not in state.used_quotes:
            claim = (_colon_claim(state, sent, q) or _continuation_claim(state, sent, q)
                     or _integrated_quote_claim(state, sent, q))
            if claim:
                state.used_quotes.add(q.open)
                claim.update(sentence=index)
                yield claim


# --- cues -----------------------------------------------------------------------------


def _speaker_of(claim: Claim) -> _Speaker:
    plural = bool(claim.speaker_text) and claim.speaker_text.lower() in {"ils", "elles"}
    return _Speaker(claim.speaker, claim.speaker_text, claim.speaker_start, claim.speaker_end, claim.speaker_key,
                    claim.speaker_role, plural or bool(re.match(r"(?i)(les|des|ces|certains|certaines|plusieurs)\b",
                                                                  claim.speaker or "")))


_NEGATION = re.compile(
    r"^(?:\W*\w+\W+){0,6}?(?:aucune?\b|jamais\b|nullement\b|(?:ne|n['’])\s*(?P<verb>\w+)\s+(?:\w+\s+){0,2}?(?:pas|jamais|plus|rien|point|guère)\b)",
    re.I,
)


_FUTURE = re.compile(r"(?:rai|ras|ra|rons|rez|ront|rais|rait|rions|riez|raient)$")


def negated(content: str) -> bool:
    """*Negated content rule*: a statement whose main clause is a negated fact ("aucun
    accord n'a été signé", "la Russie ne livre pas d'armes") denies something; a negated
    future or conditional ("nous ne céderons pas") is a commitment, not a denial."""
    m = _NEGATION.match(content)
    return bool(m) and not (m.group("verb") and _FUTURE.search(m.group("verb").lower()))


def _finish(c: dict, state: _State, sentences, timexes, topics) -> Claim:
    text = state.article.text
    speaker: _Speaker = c["speaker"]
    c0, c1 = _trim(text, *c["content"])
    cue_start, cue_end = c["cue"]
    points = [c0, c1] + [p for p in (cue_start, cue_end, speaker.start, speaker.end) if p is not None]
    start, end = min(points), max(points)
    if c["mode"] == "direct" and text[start - 1 : start] in OPENERS or text[start - 1 : start] == '"':
        start -= 1
    if text[end : end + 1] in {"»", "”", '"', "“"}:
        end += 1
    sent_index = c["sentence"]
    sentence = sentences[sent_index]
    lead = (min(p for p in (cue_start, speaker.start, c0) if p is not None), max(p for p in (cue_end, speaker.end, c0) if p is not None))
    date, date_source = _date_said(lead, (c0, c1), timexes, state.article.published, cue_end)
    topic_text = text[min(start, sentence.start) : max(end, sentence.end)]
    return Claim(
        start=start,
        end=end,
        text=text[start:end],
        content=text[c0:c1],
        content_start=c0,
        content_end=c1,
        cue=text[cue_start:cue_end] if cue_start is not None else None,
        cue_lemma=c["lemma"],
        cue_start=cue_start,
        cue_end=cue_end,
        speaker=speaker.label,
        speaker_text=speaker.text,
        speaker_start=speaker.start,
        speaker_end=speaker.end,
        speaker_key=speaker.key,
        speaker_role=speaker.role,
        mode=c["mode"],
        stance="deny" if c["stance"] == "assert" and negated(text[c0:c1]) else c["stance"],
        sentence=sent_index,
        date=date,
        date_source=date_source,
        topics=tuple(topics.tag(topic_text)) if topics is not None else (),
        content_date=_content_date((c0, c1), timexes),
    )


def _content_date(content: tuple[int, int], timexes) -> str | None:
    """*Content-date rule*: the first calendar date inside the content ("« le sommet du 12 mai
    aura lieu »") is what the statement is about, kept apart from when it was said."""
    return next((t.value for t in timexes if content[0] <= t.start and t.end <= content[1]
                 and t.type == "DATE" and re.match(r"\d{4}", t.value)), None)


def _date_said(lead: tuple[int, int], content, timexes, published, cue_end: int | None = None
               ) -> tuple[str | None, str | None]:
    """*Date-said rule*: a calendar date among the speaker and cue words, outside the
    content, dates the statement ("Park Jin a déclaré ce vendredi 15 septembre 2023 que …"),
    and so does a date right after the cue verb even where the content starts ("a dénoncé hier
    le « scandale »": a temporal adverb after the verb modifies the verb); else the statement
    is dated by the article's publication."""
    for t in timexes:
        if cue_end is not None and 0 <= t.start - cue_end <= 2 and t.type in {"DATE", "TIME"} \
                and re.match(r"\d{4}", t.value):
            return t.value, "explicit"
        inside_lead = lead[0] <= t.start and t.end <= lead[1] + 40
        if inside_lead and not (content[0] <= t.start < content[1]) and t.type in {"DATE", "TIME"}:
            if re.match(r"\d{4}", t.value):
                return t.value, "explicit"
    return (published, "article") if published else (None, None)
