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

Mode is "direct" when the content is exactly a quotation, "mixed" when it contains one,
"indirect" otherwise. Short quotations with no cue (scare quotes: « meilleur ami ») are
not claims.
"""

from __future__ import annotations

import re
import tomllib
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from spacy.tokens import Doc, Span, Token

from kg.nlp import paragraphs
from kg.records import Article, Claim, Mention, Sentence, TimeExpr

OPENERS = {"«": "»", "“": "”", "„": "“"}
PRONOUNS = {"il": False, "elle": False, "ils": True, "elles": True}
MIN_STANDALONE_WORDS = 4  # a cue-less quotation shorter than this is a scare quote
_DETERMINERS = {"le", "la", "les", "l", "un", "une", "des", "du", "certains", "certaines", "plusieurs", "ces", "ce", "cette", "de", "d"}
_RELATIVE = {"qui", "que", "dont", "lequel", "laquelle", "lesquels", "lesquelles"}


@dataclass(frozen=True)
class Lexicon:
    verbs: dict[str, str]
    nouns: dict[str, str]
    expression_verbs: frozenset[str]
    source_nouns: frozenset[str]
    locution_heads: frozenset[str] = frozenset()  # lemmas that may start or head a cue of several words

    @classmethod
    @lru_cache(maxsize=1)
    def load(cls) -> Lexicon:
        data = tomllib.loads(resources.files("kg.resources").joinpath("speech_verbs.toml").read_text("utf-8"))
        verbs = {k.replace("_", " "): v for k, v in data["verbs"].items()}
        heads = set()
        for key in verbs:
            words = key.split()
            if len(words) > 1:
                heads.add(words[1] if words[0] in {"s", "faire"} else words[0])
                heads.add(words[0])
        return cls(
            locution_heads=frozenset(heads - {"s"}),
            verbs=verbs,
            nouns=dict(data["expression_nouns"]),
            expression_verbs=frozenset(k.replace("_", " ") for k in data["expression_verbs"]),
            source_nouns=frozenset(w.lower() for w in data["source_nouns"]["words"]),
        )


@dataclass(frozen=True, order=True)
class Quote:
    open: int  # offset of the opening mark
    close: int  # offset just after the closing mark

    @property
    def inner(self) -> tuple[int, int]:
        return self.open + 1, self.close - 1


def find_quotes(text: str, start: int = 0, end: int | None = None) -> list[Quote]:
    """Balanced quotations in text[start:end]: « », “ ”, „ “ and paired straight quotes.

    Nested quotations are returned with the outer one; an unclosed mark is ignored
    (we refuse to guess where it ends).
    """
    end = len(text) if end is None else end
    quotes: list[Quote] = []
    stack: list[tuple[str, int]] = []
    straight: int | None = None
    for i in range(start, end):
        c = text[i]
        if c == '"':
            if straight is None:
                straight = i
            else:
                if not stack:
                    quotes.append(Quote(straight, i + 1))
                straight = None
        elif c in OPENERS and not (c == "“" and stack and stack[-1][0] == "„"):
            stack.append((c, i))
        elif stack and c == OPENERS[stack[-1][0]]:
            _, o = stack.pop()
            if not stack and straight is None:
                quotes.append(Quote(o, i + 1))
    return sorted(q for q in quotes if q.close - q.open > 2) if quotes else []


@dataclass
class _Speaker:
    label: str | None
    text: str | None = None
    start: int | None = None
    end: int | None = None
    key: str | None = None
    role: str | None = None
    plural: bool = False
    gender: str | None = None  # "Fem" or "Masc" when the head noun shows it


@dataclass
class _State:
    """What the extractor knows while walking an article in order."""

    doc: Doc
    article: Article
    mentions: tuple[Mention, ...]
    quotes: list[Quote]
    lex: Lexicon
    history: list[tuple[int, _Speaker]] = field(default_factory=list)  # earlier subjects
    used_quotes: set[int] = field(default_factory=set)
    last_speaker: tuple[int, _Speaker] | None = None
    speakers: list[tuple[int, _Speaker]] = field(default_factory=list)  # earlier resolved speakers
    paragraph_starts: list[int] = field(default_factory=list)
    quote_opens: list[int] = field(default_factory=list)
    history_starts: list[int] = field(default_factory=list)
    mention_starts: list[int] = field(default_factory=list)


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
        return inside and (o["rule"] == "incise" or c["rule"] != "incise")

    return [c for c in claims if c["cue"][0] is None or not any(o is not c and governed(c, o) for o in claims)]


def _sentence_candidates(state: _State, sent: Span, index: int) -> Iterator[dict]:
    used_cues: set[int] = set()
    for token in sent:
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
    yield from _source_claims(state, sent, index, bool(used_cues))
    for q in state.quotes:
        if sent.start_char <= q.open < sent.end_char and q.open not in state.used_quotes:
            claim = _colon_claim(state, sent, q) or _continuation_claim(state, sent, q)
            if claim:
                state.used_quotes.add(q.open)
                claim.update(sentence=index)
                yield claim


# --- cues -----------------------------------------------------------------------------


def _cue(token: Token, lex: Lexicon) -> tuple[str, str, int, int] | None:
    """(lemma, stance, start, end) when token is a speech verb, with its auxiliaries."""
    if token.pos_ not in {"VERB", "AUX", "ADJ", "NOUN"} and token.tag_ != "VERB":
        return None
    lemma, end = _multiword_cue(token, lex) or (None, token.idx + len(token))
    if lemma is None:
        lemma = next((c for c in lemma_candidates(token) if c in lex.verbs or c in lex.expression_verbs), token.lemma_.lower())
    stance = lex.verbs.get(lemma)
    if lemma in lex.expression_verbs:
        noun = next((c for c in token.children if c.dep_ == "obj" and c.text.lower() in lex.nouns), None)
        if noun is None:
            return None
        stance = lex.nouns[noun.text.lower()]
    if stance is None:
        return None
    if "Part" in token.morph.get("VerbForm") and "Pres" in token.morph.get("Tense") or token.text.endswith("ant"):
        return None  # *participle rule*: ", soulignant …" is the journalist's gloss, not a claim
    if token.pos_ == "NOUN" or (token.pos_ == "ADJ" and not token.text.endswith(("é", "ée", "és", "ées", "it", "ite"))):
        return None
    return display_lemma(lemma), stance, cue_start(token), end


def _multiword_cue(token: Token, lex: Lexicon) -> tuple[str, int] | None:
    """*Locution rule*: a cue of several words — "a fait savoir", "a mis en garde" (the
    verb and the words after it) or a pronominal verb, "s'est engagé", "s'inquiète"
    (the reflexive pronoun before it) — as (lemma, end offset)."""
    doc = token.doc
    candidates = lemma_candidates(token)
    if not lex.locution_heads.intersection(candidates):
        return None
    for lemma in candidates:
        for n in (2, 1):
            if token.i + n < len(doc):
                words = [t.text.lower().replace("’", "'") for t in doc[token.i + 1 : token.i + 1 + n]]
                phrase = " ".join([lemma, *words])
                if phrase in lex.verbs:
                    last = doc[token.i + n]
                    return phrase, last.idx + len(last)
        causative = any(c.lemma_.lower() == "faire" and c.i == token.i - 1 for c in token.children)
        if causative and f"faire {lemma}" in lex.verbs:
            return f"faire {lemma}", token.idx + len(token)  # "a fait savoir": faire is the causative auxiliary
        if any(c.text.lower() in {"se", "s'", "s’"} and c.i < token.i for c in token.children):
            if f"s {lemma}" in lex.verbs:
                return f"s {lemma}", token.idx + len(token)
    return None


def display_lemma(key: str) -> str:
    """A lexicon key as the infinitive a reader expects: "s engager" → "s'engager"."""
    if key.startswith("s "):
        rest = key[2:]
        return ("s'" if rest[:1] in "aeiouyéèêhâîô" else "se ") + rest
    return key


def _followed_by_que(token: Token) -> bool:
    nxt = token.nbor(1) if token.i + 1 < len(token.doc) else None
    return nxt is not None and nxt.text.lower() in {"que", "qu'", "qu’"}


def _surface_cue(state: _State, token: Token) -> tuple[str, str, int, int] | None:
    """*Verb-form rule*: a present or past form of a speech verb that the tagger took for a
    noun ("Elle juge que …", "« … », juge Martine Leroy") is a cue when "que" follows it or
    a closing quotation and comma precede it, and no determiner makes it a noun."""
    if token.pos_ not in {"NOUN", "ADJ", "PROPN"} or _in_quote(state, token.idx) or token.i == 0:
        return None
    prev = token.nbor(-1)
    if prev.pos_ == "DET" or prev.text.lower() in _DETERMINERS:
        return None
    before = state.article.text[max(0, token.idx - 4) : token.idx].rstrip()
    if not (_followed_by_que(token) or before.endswith(("»,", "”,", '",'))):
        return None
    lemma = next((c for c in lemma_candidates(token)[1:] if c in state.lex.verbs), None)
    if lemma is None:
        return None
    return lemma, state.lex.verbs[lemma], cue_start(token), token.idx + len(token)


def _surface_subject_claim(state: _State, sent: Span, verb: Token, cue) -> dict | None:
    """*Surface subject rule*: when the parse gives a speech verb followed by "que" no subject
    ("La Banque mondiale avertit que …" parsed as a relative), the subject is the pronoun
    or the noun phrase between the clause start and the verb group."""
    if not _followed_by_que(verb):
        return None
    lemma, stance, c0, c1 = cue
    text = state.article.text
    clause_start = max(sent.start_char, *(i + 1 for i in (text.rfind(ch, sent.start_char, c0) for ch in ",;:»")))
    words = [t for t in sent if clause_start <= t.idx < c0 and not t.is_space]
    if not words or len(words) > 10:
        return None
    if words[-1].text.lower() in PRONOUNS:
        speaker = _resolve_pronoun(state, words[-1].text, words[-1].idx, words[-1].idx + len(words[-1]))
    elif words[0].pos_ in {"DET", "PROPN", "NOUN"} and not any(t.pos_ in {"VERB", "AUX"} for t in words):
        speaker = _np_speaker(state, (words[0].idx, words[-1].idx + len(words[-1])), text)
    else:
        return None
    content = _complement(state, sent, verb, c1, stance)
    if content is None:
        return None
    return _claim(speaker, lemma, stance, c0, c1, content, _mode(state, content))


# Past participles and present forms of irregular speech verbs, for when the statistical
# lemmatiser leaves a form unlemmatised.
_IRREGULAR = {
    "dit": "dire", "dite": "dire", "dis": "dire", "disent": "dire", "écrit": "écrire", "écrivent": "écrire",
    "prévenu": "prévenir", "prévient": "prévenir", "promis": "promettre", "promet": "promettre",
    "admis": "admettre", "admet": "admettre", "reconnu": "reconnaître", "reconnaît": "reconnaître",
    "démenti": "démentir", "dément": "démentir", "craint": "craindre", "craignent": "craindre",
    "soutenu": "soutenir", "soutient": "soutenir", "conclu": "conclure", "conclut": "conclure",
    "répondu": "répondre", "répond": "répondre", "poursuivi": "poursuivre", "poursuit": "poursuivre",
    "averti": "avertir", "avertit": "avertir", "prétend": "prétendre", "prétendu": "prétendre",
    "mis": "mettre", "met": "mettre", "fait": "faire", "font": "faire", "assuré": "assurer",
}
_FIRST_GROUP = re.compile(r"(?:e|es|ent|ons|ez|é|ée|és|ées|ait|aient|ais|a|ât|èrent|era|eront|erait|eraient)$")


def lemma_candidates(token: Token) -> list[str]:
    """The lemmatiser's lemma, then lemmas guessed from French verb morphology:
    *first-group rule* ("estime", "martèle" → "estimer", "marteler") and a table of
    irregular speech-verb forms ("dit" → "dire")."""
    word = token.text.lower()
    out = [token.lemma_.lower()]
    if word in _IRREGULAR:
        out.append(_IRREGULAR[word])
    stem = _FIRST_GROUP.sub("", word)
    if stem != word and len(stem) >= 3:
        out.append(stem + "er")
        out.append(re.sub(r"è(?=[^aeiouy]+$)", "e", stem) + "er")  # martèle → marteler
    return out


def _mentions_in(state: _State, start: int, end: int) -> list[Mention]:
    """Entity mentions lying inside [start, end), in text order (mentions are sorted)."""
    i = bisect_left(state.mention_starts, start)
    out = []
    while i < len(state.mentions) and state.mentions[i].start < end:
        if state.mentions[i].end <= end:
            out.append(state.mentions[i])
        i += 1
    return out


def cue_start(verb: Token) -> int:
    """Offset of the verb group: its auxiliaries ("a", "a-t-il", "ont") and reflexive
    pronoun ("s'est félicitée") come first."""
    doc = verb.doc
    lo = verb.i
    for c in sorted((c for c in verb.children if c.i < verb.i), key=lambda c: -c.i):
        if not (c.dep_.startswith("aux") or (c.dep_.startswith("expl") and c.text.lower() in {"se", "s'", "s’"})):
            continue
        if any(t.is_punct or t.is_space for t in doc[c.i : lo]):
            break  # a misparsed auxiliary across punctuation ("« Ce ne sont que … », a répondu")
        lo = c.i
    return doc[lo].idx


def _in_quote(state: _State, offset: int) -> bool:
    i = bisect_right(state.quote_opens, offset) - 1  # quotations do not overlap
    return i >= 0 and state.quotes[i].open < offset < state.quotes[i].close


# --- incise rule ----------------------------------------------------------------------


def _incise_claim(state: _State, sent: Span, verb: Token, cue) -> dict | None:
    text = state.article.text
    lemma, stance, cue_start, cue_end = cue
    before = text[sent.start_char : cue_start].rstrip()
    if not before or before[-1] not in ",»”\"":
        return None
    mid = _mid_clause(state, sent, cue_end)
    if not mid and any(c.dep_.startswith("nsubj") and c.i < verb.i and c.text.lower().split("-")[-1] not in {*PRONOUNS, "t"}
                       and not _in_quote(state, c.idx) for c in verb.children):
        return None  # "John Kirby, porte-parole …, a exprimé": a subject, not an incise
    speaker = _inverted_subject(state, sent, verb, cue_end)
    if speaker is None:
        return None
    # Content: the quotation that closes right before the incise (it may start in an
    # earlier sentence), else the clause before the incise, else the clause after it.
    quote = next((q for q in state.quotes if 0 <= cue_start - q.close <= 3 and text[q.close : cue_start].strip() in {"", ","}), None)
    if quote is not None:
        state.used_quotes.add(quote.open)
        if quote.open < sent.start_char or not text[sent.start_char : quote.open].strip():
            content = quote.inner
            mode = "direct"
        else:
            content = (sent.start_char, quote.close)
            mode = "mixed"
    elif mid:
        content = (sent.start_char, _clause_end(text, sent.start_char, _sentence_content_end(text, sent)))
        mode = _mode(state, content)
    else:
        head = text[sent.start_char : cue_start].rstrip(" ,")
        if len(head.split()) >= MIN_STANDALONE_WORDS:
            content = (sent.start_char, sent.start_char + len(head))
        else:
            after = _incise_end(text, speaker, sent.end_char)
            if after is None:
                return None
            content = (after, _clause_end(text, after, sent.end_char))
        mode = _mode(state, content)
    return _claim(speaker, lemma, stance, cue_start, cue_end, content, mode)


def _split_quote_claim(state: _State, sent: Span, verb: Token) -> dict | None:
    """*Split-quote rule*: « Nous ne céderons pas, a-t-elle dit, nous irons jusqu'au bout » —
    an incise set off by commas inside a quotation that goes on after it: the speaker is
    the incise's inverted subject, the content the whole quotation."""
    text = state.article.text
    quote = state.quotes[bisect_right(state.quote_opens, verb.idx) - 1]
    cue = _cue(verb, state.lex)
    if cue is None or quote.open in state.used_quotes:
        return None
    lemma, stance, c0, c1 = cue
    if not text[quote.open + 1 : c0].rstrip().endswith(",") or len(text[quote.open + 1 : c0].split()) < 2:
        return None
    m = re.compile(r"[^,»”\"]{0,60},").match(text, c1, quote.close)
    if m is None or not text[m.end() : quote.close - 1].strip():
        return None  # the quotation must go on after the incise
    inner = Span(sent.doc, sent.start, sent.end)
    speaker = _inverted_subject(state, inner, verb, c1, limit=m.end() - 1)
    if speaker is None:
        return None
    state.used_quotes.add(quote.open)
    return _claim(speaker, lemma, stance, c0, c1, quote.inner, "direct")


def _mid_clause(state: _State, sent: Span, cue_end: int) -> bool:
    """*Mid-clause incise rule*: "La décision, a expliqué la rectrice, sera prise lundi" — the
    cue and its inverted subject sit between commas inside a clause whose verb comes after
    them (a finite verb right after the second comma, its subject before the first)."""
    text = state.article.text
    m = re.compile(r"\s*(?:-t-)?[^,;:.«»]{1,80},\s*").match(text, cue_end, sent.end_char)
    if m is None or not text[sent.start_char : cue_end].count(","):
        return False
    after = [t for t in sent if t.idx >= m.end()][:3]
    while after and after[0].pos_ == "ADV":  # "ne", "pourtant"
        after = after[1:]
    return bool(after) and after[0].pos_ in {"AUX", "VERB"} and "Part" not in after[0].morph.get("VerbForm")


def _inverted_subject(state: _State, sent: Span, verb: Token, cue_end: int, limit: int | None = None) -> _Speaker | None:
    text = state.article.text
    # "a-t-il déclaré", "déclare-t-elle": the pronoun is glued to the verb group.
    m = re.search(r"-(?:t-)?(il|elle|ils|elles)\b", text[cue_start(verb) : cue_end + 8])
    if m:
        offset = cue_start(verb) + m.start(1)
        return _resolve_pronoun(state, m.group(1), offset, offset + len(m.group(1)))
    if limit is not None:
        people = _mentions_in(state, cue_end, limit)
        person = next((m for m in people if m.type in {"Person", "Organization"}), None)
        if person is not None:
            return _Speaker(person.label, person.text, person.start, person.end, person.key)
        np = _np_after(sent, cue_end, limit)
        return None if np is None else _Speaker(text[np[0] : np[1]], text[np[0] : np[1]], np[0], np[1])
    after = text[cue_end : sent.end_char]
    # The inverted subject runs to the next comma that closes the incise (or the end).
    region_end = sent.end_char
    stop = re.search(r"[,;:«“\"]", after)
    if stop:
        region_end = cue_end + stop.start()
        # "…, a déclaré à la presse le porte-parole …, John Kirby." — appositions go on
        rest = text[region_end : sent.end_char]
        if re.match(r",\s*[A-ZÀ-Ý][\w\-]+(?:\s+[A-ZÀ-Ý][\w\-]+)+\s*[.!?]?\s*$", rest):
            region_end = sent.end_char
    # The noun phrase right after the cue is the subject ("a déclaré le ministre [à l'issue du
    # Conseil européen]"); a name further on only when no phrase starts there.
    np = _np_after(sent, cue_end, region_end)
    people = _mentions_in(state, *(np or (cue_end, region_end)))
    person = next((m for m in people if m.type == "Person"), None) or next(
        (m for m in people if m.type == "Organization"), None
    )
    if np is not None and (person is None or not _names_whole(text, np, person)):
        return _np_speaker(state, np, text)
    if person is None:
        return None
    role = _apposition_role(text, person, cue_end, sent.end_char)
    return _Speaker(person.label, person.text, person.start, person.end, person.key, role)


def _names_whole(text: str, np: tuple[int, int], person: Mention) -> bool:
    """The phrase is the name, with at most a determiner or title before it ("le ministre Jean
    Dupont"), so the name's mention carries the speaker."""
    return person.end >= np[1] - 1 and not _GENITIVE_END.search(text[np[0] : person.start])


_NOUN_COMPLEMENT = {"de", "du", "des", "d'", "d’"}


def _np_after(sent: Span, start: int, end: int) -> tuple[int, int] | None:
    """The inverted subject after a cue: "a martelé le Premier ministre [devant les députés]" —
    *complement rule*: the noun phrase keeps its "de" complements ("la ministre de la Santé")
    and stops at any other preposition or adverb, which opens a circumstantial complement."""
    tokens = [t for t in sent if start <= t.idx and t.idx + len(t) <= end and not t.is_punct]
    # adverbs and dates between the verb and its subject: "promettait encore en 2019 le directeur"
    while tokens and (tokens[0].pos_ == "ADV" or tokens[0].like_num
                      or (tokens[0].pos_ == "ADP" and len(tokens) > 1 and tokens[1].like_num)):
        tokens = tokens[1:]
    if not tokens or tokens[0].pos_ not in {"DET", "NOUN", "PROPN"}:
        return None
    kept = [tokens[0]]
    for t in tokens[1:]:
        if (t.pos_ == "ADP" and t.text.lower() not in _NOUN_COMPLEMENT) or t.pos_ in {"ADV", "VERB", "AUX", "SCONJ"}:
            break
        kept.append(t)
    return kept[0].idx, kept[-1].idx + len(kept[-1])


def _incise_end(text: str, speaker: _Speaker, limit: int) -> int | None:
    if speaker.end is None:
        return None
    m = re.compile(r"[^,]*,\s*").match(text, speaker.end, limit)
    return m.end() if m and m.end() < limit else None


def _apposition_role(text: str, person: Mention, lo: int, hi: int) -> str | None:
    """*Apposition rule*: "John Kirby, porte-parole du …," or "le porte-parole …, John Kirby".

    An apposition after the name starts with a lowercase word that is not a determiner
    followed by a name (", la Corée du Nord voudra" is the next clause, not a role)."""
    after = re.match(r",\s*([a-zà-ÿ][\w'’\-]*[^,.;:«»“”\"]*)", text[person.end : hi])
    if after and not re.match(r"(?:le|la|les|l['’]|un|une|des)\s*[A-ZÀ-Ý]", after.group(1)):
        return after.group(1).strip() or None
    window = text[lo : person.start]
    if not re.search(r",\s*$", window):
        return None
    role = re.compile(r"(?i:le|la|l['’]|un|une)\s*[a-zà-ÿ][^,;:«»“”\"]*,\s*$")
    for det in re.finditer(r"(?:^|(?<=\s))(?i:le|la|l['’]|un|une)\b", window):
        m = role.match(window, det.start())
        preceding = window[: det.start()].split()
        if m and (not preceding or preceding[-1].lower() not in _PREPOSITIONS):
            return m.group(0).rstrip(" ,")
    return None


_PREPOSITIONS = {"à", "a", "de", "d", "pour", "avec", "par", "en", "dans", "chez", "sur", "sous", "vers", "au", "aux", "du", "des"}


# --- subject rule ---------------------------------------------------------------------


def _subject_claim(state: _State, sent: Span, verb: Token, cue) -> dict | None:
    lemma, stance, cue_start, cue_end = cue
    subject = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubj:pass"}
                    or (c.dep_ == "expl:subj" and c.text.lower() in PRONOUNS
                        and not any(a.dep_ == "aux:pass" for a in verb.children))), None)
    if subject is None and verb.dep_ in {"xcomp", "conj"} and verb.head.i < verb.i:
        subject = next((c for c in verb.head.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.i > verb.i:
        return None
    agent = next((c for c in verb.children if c.dep_ == "obl:agent"), None)
    if subject.text.lower() == "il" and subject.dep_ == "nsubj:pass" or (agent is not None and subject.text.lower() == "il"):
        # *impersonal passive rule*: "Il a été confirmé par le ministère que …": the agent speaks
        if agent is None:
            return None
        a0, a1 = _np_span(agent)
        case = next((c for c in agent.children if c.dep_ == "case" and c.i < agent.i), None)
        speaker = _np_speaker(state, (case.idx + len(case) + 1 if case else a0, a1), state.article.text)
    else:
        speaker = _subject_speaker(state, sent, subject, verb)
    if speaker is None:
        return None
    content = _complement(state, sent, verb, cue_end, stance)
    if content is None:
        return None
    return _claim(speaker, lemma, stance, cue_start, cue_end, content, _mode(state, content))


def _complement(state: _State, sent: Span, verb: Token, cue_end: int, stance: str) -> tuple[int, int] | None:
    """The said thing: a que-clause, a quotation after a colon or "que", an infinitive,
    an expression's complement, or for a denial its object."""
    text = state.article.text
    end = _sentence_content_end(text, sent)
    rest = text[cue_end:end]
    # X a déclaré [à la presse] [que|qu'|:] « … »
    m = re.match(r"[^«“\"]{0,80}?(?:\b(?:que|qu['’])\s*|:\s*)(?=[«“\"])", rest)
    if m:
        q = next((q for q in state.quotes if q.open == cue_end + m.end()), None)
        if q:
            state.used_quotes.add(q.open)
            tail = text[q.close:end]
            if not tail.strip(" .") or tail.lstrip().startswith(","):
                return q.inner
            return cue_end + m.end(), _last_quote_end(state, q, end)
    # X affirme que …, X a averti la Russie que …, X craint que …
    m = re.match(r"[^.;:«“\"]{0,120}?\b(?:que|qu['’])\s*", rest)
    if m and not re.search(r"\b(?:ce|tel|plus|moins|ainsi|alors|bien|avant|après|pendant|tandis|parce)\s+$", rest[: m.start() + 1]):
        start = cue_end + m.end()
        return start, _clause_end(text, start, end)
    # X a déclaré : « … » handled above; X a ajouté : … (no quotation)
    m = re.match(r"\s*:\s*", rest)
    if m and cue_end + m.end() < end:
        return cue_end + m.end(), end
    # X nie / a nié avoir … / nient ces allégations; X prévient de …; X menace de …
    if stance in {"deny", "threaten", "promise", "warn", "accuse", "concede", "criticize", "praise", "concern"}:
        m = re.match(r"\s*(?:(?:de|d['’])\s*)?\S", rest)
        if m and cue_end + m.start() < end and len(rest.split()) >= 2:
            start = cue_end + len(rest) - len(rest.lstrip())
            return start, _clause_end(text, start, end)
    # X a décrit les deux hommes comme des « compagnons d'armes »: a quotation in the clause
    q = next((q for q in state.quotes if cue_end < q.open < end and q.open - cue_end <= 80 and "," not in text[cue_end : q.open]), None)
    if q is not None:
        start = cue_end + len(rest) - len(rest.lstrip())
        return start, _last_quote_end(state, q, end)
    # X a exprimé son inquiétude concernant … : the expression is the content
    if verb.lemma_.lower() in state.lex.expression_verbs:
        start = cue_end + len(rest) - len(rest.lstrip())
        return (start, _clause_end(text, start, end)) if start < end else None
    return None


def _last_quote_end(state: _State, first: Quote, end: int) -> int:
    last = first.close
    for q in state.quotes:
        if first.close <= q.open and q.close <= end:
            state.used_quotes.add(q.open)
            last = q.close
    return last


def _subject_speaker(state: _State, sent: Span, subject: Token, verb: Token | None = None) -> _Speaker | None:
    text = state.article.text
    word = subject.text.lower()
    if word in PRONOUNS:
        return _resolve_pronoun(state, word, subject.idx, subject.idx + len(subject))
    if subject.pos_ not in {"NOUN", "PROPN"} and not subject.ent_type_:
        return None
    start, end = _np_span(subject)
    # The parser sometimes splits "L'agence de presse KCNA" into two subjects: join them.
    for other in (verb.children if verb is not None else ()):
        if other.dep_ == "nsubj" and other.i != subject.i and other.i < verb.i:
            o0, o1 = _np_span(other)
            if not text[end:o0].strip() or not text[o1:start].strip():
                start, end = min(start, o0), max(end, o1)
    return _np_speaker(state, (start, end), text)


def _np_span(head: Token) -> tuple[int, int]:
    """The subject noun phrase without relative clauses."""
    excluded: set[int] = set()
    for child in head.children:
        if child.dep_.startswith("acl") or child.text.lower() in _RELATIVE:
            excluded.update(t.i for t in child.subtree)
    ids = {t.i for t in head.subtree} - excluded
    lo = hi = head.i  # the contiguous block around the head
    while lo - 1 in ids:
        lo -= 1
    while hi + 1 in ids:
        hi += 1
    doc = head.doc
    while hi > lo and (doc[hi].is_punct or doc[hi].text.lower() in _RELATIVE):
        hi -= 1
    while lo < hi and doc[lo].is_punct:
        lo += 1
    return doc[lo].idx, doc[hi].idx + len(doc[hi])


def _np_speaker(state: _State, span: tuple[int, int], text: str) -> _Speaker:
    start, end = span
    inside = _mentions_in(state, start, end)
    # *genitive rule*: a name after "de" complements the head ("le voyage de Poutine")
    # and does not speak; a name in apposition or heading the phrase does.
    inside = [
        m for m in inside
        if m.type != "Person" or not re.search(r"\b(?:de|du|des|d['’])\s*$", text[start : m.start])
    ]
    people = [m for m in inside if m.type == "Person"]
    np_text = text[start:end]
    plural = bool(re.match(r"(?i)(les|des|ces|certains|certaines|plusieurs|nombre)\b", np_text)) or " et " in np_text
    if len(people) == 1:  # *named apposition rule*: the person is the speaker
        p = people[0]
        role = _apposition_role(text, p, start, end)
        return _Speaker(p.label, p.text, p.start, p.end, p.key, role)
    if len(inside) == 1 and len(np_text) - len(inside[0].text) <= 4:  # "la Russie", "Washington"
        m = inside[0]
        return _Speaker(m.label, np_text, start, end, m.key, plural=plural)
    named = [m for m in inside if m.type in {"Person", "Organization"}]
    head = next((w for w in re.findall(r"[\w\-]+", np_text) if w.lower() not in _DETERMINERS), "").lower()
    if named and _GENITIVE_END.search(text[start : named[-1].start]) and (
            head not in _UTTERANCE_NOUNS):
        named = []  # *genitive rule*: "l'entraîneur de l'US Vendôme" speaks, not the club
    if len(named) == 1 and named[0].end == end:
        # *trailing name rule*: "l'agence de presse nord-coréenne KCNA", "l'édito du Rodong
        # Sinmun": the organisation or person named at the end of the phrase speaks.
        m = named[0]
        role = text[start : m.start].strip(" ,") or None
        return _Speaker(m.label, np_text, start, end, m.key, role, plural)
    fuller = _fuller_description(state, np_text, start)
    if fuller is not None:
        return _Speaker(fuller.label, np_text, start, end, fuller.key, fuller.role, fuller.plural, fuller.gender)
    return _Speaker(np_text, np_text, start, end, None, plural=plural, gender=_gender(state, start, end))


def _fuller_description(state: _State, np_text: str, start: int) -> _Speaker | None:
    """*Definite description rule*: "le ministre" after "Le ministre des Armées" is the same
    speaker — a determiner and one noun repeating the head of an earlier, longer subject."""
    words = np_text.lower().split()
    if len(words) != 2 or words[0] not in {"le", "la", "les"}:
        return None
    earlier = [sp for pos, sp in (*state.history, *state.speakers) if pos < start and sp.label]
    for sp in sorted(earlier, key=lambda sp: -(sp.start or 0)):
        label = sp.label.lower()
        if label.startswith(np_text.lower() + " ") and sp.key is None:
            return sp
    return None


_GENITIVE_END = re.compile(r"\b(?:de|du|des|d['’])\s*(?:la\s+|l['’])?$")  # "…de l'", "…du " before a name

# Nouns of texts and statements: their author speaks through them ("l'édito du Rodong Sinmun").
_UTTERANCE_NOUNS = {"édito", "éditorial", "communiqué", "article", "rapport", "texte", "lettre", "déclaration",
                    "message", "note", "tribune", "site", "compte", "journal", "porte-parole", "bulletin", "agence"}

_FEMININE_DETERMINERS = {"la", "une", "cette"}
_MASCULINE_DETERMINERS = {"le", "un", "ce", "cet", "du", "au"}


def _gender(state: _State, start: int, end: int) -> str | None:
    """*Agreement rule*: a noun phrase's gender shows on its determiner ("la ministre",
    "le ministère"); with an elided or plural one ("l'", "les"), on the head noun."""
    span = state.doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    first = span[0].text.lower()
    if first in _FEMININE_DETERMINERS:
        return "Fem"
    if first in _MASCULINE_DETERMINERS:
        return "Masc"
    return next(iter(span.root.morph.get("Gender")), None)


# --- pronoun rule ---------------------------------------------------------------------


def _subject_history(state: _State) -> list[tuple[int, _Speaker]]:
    """Earlier subjects that a pronoun can point back to, outside quotations."""
    out = []
    agents: set[str] | None = None  # keys of people and organisations, computed on first use
    for token in state.doc:
        if not token.dep_.startswith("nsubj") or token.pos_ not in {"NOUN", "PROPN"}:
            continue
        if agents is None:
            agents = {m.key for m in state.mentions if m.type in {"Person", "Organization"}}
        if token.head.dep_ not in {"ROOT", "conj", "parataxis"}:
            continue  # subjects of subordinate clauses are what was said, not who said it
        if _in_quote(state, token.idx) or state.article.is_junk(token.idx, token.idx + 1):
            continue
        start, end = _np_span(token)
        speaker = _np_speaker(state, (start, end), state.article.text)
        human = speaker.key in agents if speaker.key is not None else _is_agentive(state, token)
        if human:
            speaker.plural = speaker.plural or token.morph.get("Number") == ["Plur"]
            out.append((start, speaker))
    return out


def _is_agentive(state: _State, head: Token) -> bool:
    return head.text.lower() in state.lex.source_nouns or head.lemma_.lower() in state.lex.source_nouns


def _resolve_pronoun(state: _State, word: str, start: int, end: int) -> _Speaker | None:
    """*Pronoun rule*: the latest earlier subject naming a person, organisation or group,
    or the latest earlier speaker, within two paragraphs, that agrees in number and — when
    its head noun shows it — in gender ("La préfecture … Elle a précisé")."""
    word = word.lower()
    plural = PRONOUNS[word]
    gender = "Fem" if word.startswith("elle") else "Masc"
    text = state.article.text
    para_floor = _paragraph_start(state, start, back=2)
    earlier = state.history[: bisect_right(state.history_starts, start - 1)]
    earlier = sorted(earlier + [(pos, sp) for pos, sp in state.speakers if pos < start], key=lambda x: x[0])
    for pos, speaker in reversed(earlier):
        if pos < para_floor:
            break
        if speaker.label is None or speaker.plural != plural:
            continue
        if speaker.gender is not None and speaker.gender != gender:
            continue
        return _Speaker(speaker.label, text[start:end], start, end, speaker.key, speaker.role, plural, speaker.gender)
    return _Speaker(None, text[start:end], start, end, None, None, plural)


def _paragraph_start(state: _State, offset: int, back: int = 0) -> int:
    """Start of the paragraph holding offset, or of the one `back` paragraphs earlier."""
    i = bisect_right(state.paragraph_starts, offset)
    return state.paragraph_starts[max(0, i - 1 - back)] if i else 0


# --- colon, source and continuation rules --------------------------------------------


def _colon_claim(state: _State, sent: Span, q: Quote) -> dict | None:
    text = state.article.text
    before = text[sent.start_char : q.open].rstrip()
    if not before.endswith(":"):
        return None
    clause = [t for t in sent if t.idx < q.open]
    root = next((t for t in clause if t.dep_ == "ROOT"), None) or next((t for t in clause if t.pos_ == "VERB"), None)
    if root is None:
        return None
    subject = next((c for c in root.children if c.dep_.startswith("nsubj")), None)
    if subject is None:
        return None
    speaker = _subject_speaker(state, sent, subject, root)
    if speaker is None:
        return None
    cue = _cue(root, state.lex)
    lemma, stance = (cue[0], cue[1]) if cue else (root.lemma_.lower(), "assert")
    cue_start = cue[2] if cue else root.idx
    return _claim(speaker, lemma, stance, cue_start, root.idx + len(root), q.inner, "direct")


_STRESSED = {"lui": "il", "elle": "elle", "eux": "ils", "elles": "elles"}
# *data-source rule*: "selon les chiffres de l'Insee", "selon le calendrier", "selon la loi"
# cite a record, not a speaker.
_DATA_NOUNS = {"chiffres", "chiffre", "données", "statistiques", "classement", "calendrier", "loi", "règlement",
               "décret", "barème", "code", "texte", "termes", "modalités", "résultats", "estimations", "toute",
               "nos", "mes", "vos"}


def _source_claims(state: _State, sent: Span, index: int, has_cue: bool) -> Iterator[dict]:
    """*Source rule*: "Selon les Américains, …", "… d'après Dmitri Peskov, porte-parole…",
    "Selon lui, …" (a stressed pronoun points back like a subject pronoun), and a
    sentence-initial "Pour X, …" when X names a person, an organisation or a role."""
    if has_cue:
        return
    text = state.article.text
    for m in re.finditer(r"(?:\b(selon|d['’]après)|^(pour))\s+", text[sent.start_char : sent.end_char], re.I):
        src_start = sent.start_char + m.end()
        src_end_m = re.compile(r"[^,.;:«»“”\"]+").match(text, src_start, sent.end_char)
        if not src_end_m:
            continue
        src_end = src_end_m.end()
        source = text[src_start:src_end].strip()
        inside = _mentions_in(state, src_start, src_end)
        words = re.findall(r"[\w\-]+", source)
        head = next((w for w in words if w.lower() not in _DETERMINERS), "")
        if head.lower() in _DATA_NOUNS:
            continue
        if len(words) == 1 and head.lower() in _STRESSED:
            speaker = _resolve_pronoun(state, _STRESSED[head.lower()], src_start, src_start + len(head))
        elif not inside and head.lower() not in state.lex.source_nouns:
            continue
        else:
            speaker = _np_speaker(state, (src_start, src_start + len(source)), text)
        person = any(x.type == "Person" for x in inside)
        if m.group(2) and (len(words) > 8 or not (person or head.lower() in state.lex.source_nouns)):
            continue  # "Pour l'instant", "Pour la première fois": not a source
        if inside and inside[0].type == "Person":
            speaker.role = _apposition_role(text, inside[0], src_start, sent.end_char)
        g = 1 if m.group(1) else 2
        cue_start, cue_end = sent.start_char + m.start(g), sent.start_char + m.end(g)
        if cue_start - sent.start_char <= 1:  # sentence-initial: content follows the comma
            comma = text.find(",", src_end, sent.end_char)
            if comma < 0:
                continue
            c0 = comma + 1 + len(text[comma + 1 : sent.end_char]) - len(text[comma + 1 : sent.end_char].lstrip())
            content = (c0, _sentence_content_end(text, sent))
        else:
            content = (sent.start_char, len(text[: cue_start].rstrip(" ,")))
        if content[1] - content[0] < 3:
            continue
        for q in state.quotes:
            if content[0] <= q.open and q.close <= content[1]:
                state.used_quotes.add(q.open)
        cue_word = (m.group(1) or m.group(2)).lower().replace("’", "'")
        claim = _claim(speaker, cue_word, "assert", cue_start, cue_end, content, _mode(state, content))
        claim.update(sentence=index)
        yield claim


def _continuation_claim(state: _State, sent: Span, q: Quote) -> dict | None:
    text = state.article.text
    if text[sent.start_char : q.open].strip() or len(text[q.open : q.close].split()) < MIN_STANDALONE_WORDS:
        return None
    if re.match(r"\s*,", text[q.close : q.close + 3]):
        return None  # « … », a-t-il ajouté: the incise after the comma gives the speaker
    if state.last_speaker is None or state.last_speaker[0] < _paragraph_start(state, q.open, back=1):
        return None
    speaker = state.last_speaker[1]
    speaker = _Speaker(speaker.label, None, None, None, speaker.key, speaker.role, speaker.plural)
    return _claim(speaker, None, "assert", None, None, q.inner, "direct")


# --- assembling -----------------------------------------------------------------------


def _claim(speaker: _Speaker, lemma, stance, cue_start, cue_end, content, mode) -> dict:
    return dict(speaker=speaker, lemma=lemma, stance=stance, cue=(cue_start, cue_end), content=content, mode=mode, rule="")


def _mode(state: _State, content: tuple[int, int]) -> str:
    start, end = content
    inner = [q for q in state.quotes if start <= q.open and q.close <= end]
    for q in inner:
        state.used_quotes.add(q.open)
    if any(q.inner == (start, end) for q in state.quotes):
        return "direct"
    return "mixed" if inner else "indirect"


def _sentence_content_end(text: str, sent: Span) -> int:
    end = sent.end_char
    while end > sent.start_char and text[end - 1] in " .!?…;\n\r":
        end -= 1
    return end


def _clause_end(text: str, start: int, limit: int) -> int:
    """End of a reported clause: the sentence end, or a participial tail after a comma
    (", soulignant …") that is the journalist's, not the speaker's."""
    m = re.compile(r",\s+(?:soulignant|ajoutant|précisant|estimant|expliquant|selon)\b").search(text, start, limit)
    end = m.start() if m else limit
    while end > start and text[end - 1] in " .!?…;,\n\r":
        end -= 1
    return end


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] == ","):
        end -= 1
    return start, end


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
    )


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
