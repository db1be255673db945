"""The reporting constructions, each a rule (see the package docstring): incise, subject,
expression, denial, colon, source ("selon X") and continuation."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator

from spacy.tokens import Span, Token

from kg.extract.claims.lexicon import _cue, _followed_by_que, cue_start, lemma_candidates
from kg.extract.claims.nonfinite import (
    VERDICT_LEMMAS,
    attributive,
    bare_participle,
    controller,
    is_nonfinite,
    passive,
    passive_agent,
    sentenced,
)
from kg.extract.claims.quotes import Quote
from kg.extract.claims.speakers import (
    _apposition_role,
    _incise_end,
    _inverted_subject,
    _np_span,
    _np_speaker,
    _resolve_pronoun,
    _subject_speaker,
)
from kg.extract.claims.state import (
    _DETERMINERS,
    MIN_STANDALONE_WORDS,
    PRONOUNS,
    _in_quote,
    _last_quote_end,
    _mentions_in,
    _paragraph_start,
    _Speaker,
    _State,
)


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
    lemma, stance, c0, c1 = cue
    text = state.article.text
    quoted = text[c1 : c1 + 3].lstrip()[:1] in {"«", "“", '"', ":"}  # "Paris et Bonn se sont déclarés « … »"
    if not (_followed_by_que(verb) or quoted) or any(c.dep_.startswith("nsubj") for c in verb.children):
        return None
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
    content = _complement(state, sent, verb, c1, stance, lemma)
    if content is None or not _quote_bound(state, lemma, _mode(state, content)):
        return None
    return _claim(speaker, lemma, stance, c0, c1, content, _mode(state, content))


def _incise_claim(state: _State, sent: Span, verb: Token, cue) -> dict | None:
    text = state.article.text
    lemma, stance, cue_start, cue_end = cue
    before = text[sent.start_char : cue_start].rstrip()
    if not before or before[-1] not in ",»”\"" or is_nonfinite(verb) or bare_participle(verb):
        return None  # an incise is a finite verb with its subject after it
    mid = _mid_clause(state, sent, cue_end)
    if not mid and any(c.dep_.startswith("nsubj") and c.i < verb.i and c.text.lower().split("-")[-1] not in {*PRONOUNS, "t", "on"}
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
    if not _quote_bound(state, lemma, mode):
        return None
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


def _subject_claim(state: _State, sent: Span, verb: Token, cue) -> dict | None:
    lemma, stance, cue_start, cue_end = cue
    subject = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubj:pass"}
                    or (c.dep_ == "expl:subj" and c.text.lower() in PRONOUNS
                        and not any(a.dep_ == "aux:pass" for a in verb.children))), None)
    text = state.article.text
    if passive(verb) and (subject is None or subject.dep_ != "nsubj") and lemma not in VERDICT_LEMMAS:
        return _passive_claim(state, sent, verb, cue, subject)
    if subject is not None and subject.dep_ == "nsubj:pass" or bare_participle(verb) or sentenced(verb):
        return None  # *verdict rule*: "a été condamné à mort", "la motion a été rejetée"
    if subject is not None and subject.text.lower() in _DATA_NOUNS:
        return None  # *data-source rule* for subjects: "ce sondage révèle que …" reports figures
    if subject is None:
        subject = controller(verb)  # *control rule*: ", ajoutant que …", "avant de préciser que …"
        if subject is None or (subject.i > verb.i and not is_nonfinite(verb)):
            return None
    elif subject.i > verb.i:
        return None
    speaker = _subject_speaker(state, sent, subject, verb if subject.head is verb else subject.head)
    if speaker is None:
        return None
    content = _complement(state, sent, verb, cue_end, stance, lemma)
    if content is None or not _quote_bound(state, lemma, _mode(state, content)):
        return None
    clausal = re.search(r"\b(?:que|qu['’]|si)\s*$|[:«“\"]\s*$", text[cue_end : content[0]])
    new_rule = stance in {"assert", "promise", "demand"} or is_nonfinite(verb)
    if not clausal and new_rule and _mode(state, content) == "indirect" and not _speaking(state, subject):
        return None  # *speaking-subject rule*: "la coopération promet des répercussions" reports nothing
    if verb.dep_ == "acl" and subject is verb.head and content[0] <= subject.idx < content[1]:
        return None
    return _claim(speaker, lemma, stance, cue_start, cue_end, content, _mode(state, content))


def _speaking(state: _State, subject: Token) -> bool:
    """A subject that can make a statement: a pronoun, a name, a person or organisation the
    entity layer found, or an agentive noun ("le maire", "les syndicats")."""
    if subject.text.lower() in PRONOUNS or subject.pos_ == "PROPN" or subject.ent_type_ in {"PER", "ORG"}:
        return True
    if any(m.type in {"Person", "Organization"} for m in _mentions_in(state, *_np_span(subject))):
        return True
    return subject.text.lower() in state.lex.source_nouns or subject.lemma_.lower() in state.lex.source_nouns


def _passive_claim(state: _State, sent: Span, verb: Token, cue, subject: Token | None) -> dict | None:
    """*Passive agent rule*: "Il a été confirmé par le ministère que P" (impersonal: the content
    is the complement), "le projet, critiqué par l'opposition" (the noun is what was said of)."""
    lemma, stance, cue_start, cue_end = cue
    agent = passive_agent(verb)
    if agent is None:
        return None
    text = state.article.text
    a0, a1 = _np_span(agent)
    case = next((c for c in agent.children if c.dep_ == "case" and c.i < agent.i), None)
    speaker = _np_speaker(state, (case.idx + len(case) + 1 if case else a0, a1), text)
    if subject is not None and subject.text.lower() == "il" or subject is None and verb.dep_ != "acl":
        content = _complement(state, sent, verb, a1, stance, lemma)
    else:
        head = subject if subject is not None else verb.head
        if head.pos_ not in {"NOUN", "PROPN"}:
            return None
        content = _np_span(head)
    if content is None:
        return None
    return _claim(speaker, lemma, stance, cue_start, cue_end, content, _mode(state, content))


def _complement(state: _State, sent: Span, verb: Token, cue_end: int, stance: str,
                lemma: str | None = None) -> tuple[int, int] | None:
    """The said thing: a que-clause, a quotation after a colon or "que", an infinitive,
    an expression's complement, or for a denial its object."""
    text = state.article.text
    end = _coordination_end(verb, cue_end, _sentence_content_end(text, sent))
    if is_nonfinite(verb) and verb.dep_ != "ROOT":  # a participle's complement is in its own phrase
        edge = verb.right_edge
        end = min(end, edge.idx + len(edge))
    if attributive(verb) and lemma not in {"se dire", "se déclarer"}:
        return None  # *verdict rule*: "a reconnu l'accusé coupable"
    rest = text[cue_end:end]
    # X a déclaré [à la presse] [que|qu'|:] « … »
    m = re.match(r"[^«“\"]{0,80}?(?:\b(?:que\b|qu['’])\s*|:\s*)(?=[«“\"])", rest)
    if m:
        q = next((q for q in state.quotes if q.open == cue_end + m.end()), None)
        if q:
            state.used_quotes.add(q.open)
            tail = text[q.close:end]
            if not tail.strip(" .") or tail.lstrip().startswith(","):
                return q.inner
            return cue_end + m.end(), _last_quote_end(state, q, end)
    # X affirme que …, X a averti la Russie que …, X craint que …
    m = re.match(r"[^.;:«“\"]{0,120}?\b(?:que\b|qu['’])\s*", rest)
    if m and not re.search(r"\b(?:ce|tel|plus|moins|ainsi|alors|bien|avant|après|pendant|tandis|parce)\s+$", rest[: m.start() + 1]):
        start = cue_end + m.end()
        return start, _clause_end(text, start, end)
    # X a déclaré : « … » handled above; X a ajouté : … (no quotation)
    m = re.match(r"\s*:\s*", rest)
    if m and cue_end + m.end() < end:
        return cue_end + m.end(), end
    # *infinitive complement rule*: "affirme avoir vu …", "a assuré vouloir aider …", "dit ne pas savoir"
    inf = next((c for c in verb.children if c.dep_ == "xcomp" and "Inf" in c.morph.get("VerbForm")
                and c.idx >= cue_end and not re.search(r"[^\w\s'’,]", text[cue_end : c.idx])
                and len(text[cue_end : c.idx].split()) <= 3), None)
    if inf is not None and not re.match(r"\s*(?:de|d['’]|à)\b", rest):
        start = min([inf.idx] + [t.idx for t in inf.lefts if t.idx >= cue_end])
        return start, _clause_end(text, start, end)
    # *interrogative complement rule*: "refuse de dire si P", "a demandé si P"
    m = re.match(r"[^.;:«“\"]{0,40}?\bsi\s+", rest)
    if m and lemma in {"dire", "demander", "préciser", "indiquer", "savoir", "expliquer", "s interroger"}:
        start = cue_end + m.end()
        return start, _clause_end(text, start, end)
    # *attribute rule*: "se dit favorable à …", "s'est déclaré « très satisfait »": the attribute
    if lemma in {"se dire", "se déclarer"} and verb.nbor(1).pos_ in {"ADJ", "ADV", "PUNCT", "VERB"} if verb.i + 1 < len(verb.doc) else False:
        start = cue_end + len(rest) - len(rest.lstrip())
        return (start, _clause_end(text, start, end)) if start < end else None
    # *de-object rule*: "a fait état de progrès", "a fait part de son inquiétude face à …", "a conclu au suicide"
    m = re.match(r"\s*(?:(?:de|d['’])\s*|(?=(?:du|des)\s))", rest)
    if lemma == "conclure":  # "l'enquête a conclu au suicide"
        m = re.match(r"\s*(?:à\s+|(?=(?:au|aux)\s))", rest)
    if lemma in {"faire état", "faire part", "conclure"} and m and cue_end + m.end() < end:
        start = cue_end + m.end()
        return start, _clause_end(text, start, end)
    # *object rule*: "a annoncé, jeudi, la fermeture des écoles", "réclament des sanctions"
    obj = next((c for c in verb.children if c.dep_ == "obj" and c.pos_ == "NOUN" and cue_end <= c.idx < end), None)
    if obj is not None and lemma in state.lex.object_cues:
        o0, o1 = _np_span(obj)
        return o0, min(max(o1, _clause_end(text, o0, end)), end)
    # X nie / a nié avoir … / nient ces allégations; X prévient de …; X menace de …
    if stance in {"deny", "threaten", "promise", "warn", "accuse", "concede", "criticize", "praise", "concern",
                  "demand"}:
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


def _coordination_end(verb: Token, start: int, end: int) -> int:
    """*Coordination rule*: the content of "a salué le travail … et assuré vouloir …" stops before
    the coordinated verb, which is a cue of its own."""
    for c in verb.children:
        if c.dep_ == "conj" and c.pos_ in {"VERB", "AUX"} and start < c.idx < end:
            cc = next((t for t in c.children if t.dep_ == "cc" and t.i < c.i), None)
            end = min(end, (cc or c).idx)
    while end > start and verb.doc.text[end - 1] in " ,;":
        end -= 1
    return end


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
               "sondage", "sondages", "estimation", "estimations", "prévisions", "relevés",
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


def _integrated_quote_claim(state: _State, sent: Span, q: Quote) -> dict | None:
    """*Integrated quotation rule*: "il veut « retrouver le sens des aspirations sociales »",
    "continuera « à travailler avec ardeur »" — a quotation of a sentence's words (four or more,
    so not a scare quote) built into a clause whose subject can speak gives that subject's words,
    mixed, with no cue: the guillemets are the press's attribution. The quotation must start in
    lower case, continuing the clause's syntax (a capital opens a title or a sentence of its own)."""
    text = state.article.text
    if len(text[q.open : q.close].split()) < MIN_STANDALONE_WORDS + 1:
        return None
    first = text[q.open + 1 : q.close].lstrip()[:1]
    if not first.islower():
        return None  # « Une histoire d'amour »: a title or a name, not words built into the clause
    inside = [t for t in sent if q.open < t.idx < q.close and not t.is_punct]
    if not inside:
        return None
    node = inside[0]
    for _ in range(6):
        if node.pos_ in {"VERB", "AUX"} and not (q.open < node.idx < q.close):
            subject = next((c for c in node.children if c.dep_ == "nsubj"), None)
            if subject is not None and not (q.open < subject.idx < q.close) and _speaking(state, subject):
                speaker = _subject_speaker(state, sent, subject, node)
                if speaker is None:
                    return None
                return _claim(speaker, None, "assert", None, None, (q.open, q.close), "mixed")
        if node.head is node:
            return None
        node = node.head
    return None


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


def _quote_bound(state: _State, lemma: str | None, mode: str) -> bool:
    """*Manner-of-speaking rule*: "hurler", "murmurer", "prêcher" (Verb∋Net 37.3, 37.11) report
    speech only when they introduce a quotation ("« Dehors ! », a-t-il hurlé")."""
    return lemma not in state.lex.quote_only or mode != "indirect"


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
