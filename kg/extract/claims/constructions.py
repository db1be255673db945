"""The constructions around a verb of saying, each a rule (see the package docstring):
incise, split quote, mid-clause incise, subject, surface subject and passive agent. What the
verb's complement says is :mod:`complements`'; constructions with no verb, :mod:`quoted`'s."""

from __future__ import annotations

import re
from bisect import bisect_right

from spacy.tokens import Span, Token

from kg.extract.claims.complements import (
    _claim,
    _clause_end,
    _complement,
    _mode,
    _quote_bound,
    _sentence_content_end,
)
from kg.extract.claims.lexicon import _cue, _followed_by_que, cue_start, lemma_candidates
from kg.extract.claims.nonfinite import (
    VERDICT_LEMMAS,
    bare_participle,
    controller,
    is_nonfinite,
    passive,
    passive_agent,
    sentenced,
)
from kg.extract.claims.speakers import (
    _incise_end,
    _inverted_subject,
    _np_span,
    _np_speaker,
    _resolve_pronoun,
    _subject_speaker,
)
from kg.extract.claims.state import (
    _DATA_NOUNS,
    _DETERMINERS,
    MIN_STANDALONE_WORDS,
    PRONOUNS,
    _in_quote,
    _mentions_in,
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
    speaker = _subject_speaker(state, sent, subject, verb if subject.head.i == verb.i else subject.head)
    if speaker is None:
        return None
    content = _complement(state, sent, verb, cue_end, stance, lemma)
    if content is None or not _quote_bound(state, lemma, _mode(state, content)):
        return None
    clausal = re.search(r"\b(?:que|qu['’]|si)\s*$|[:«“\"]\s*$", text[cue_end : content[0]])
    new_rule = stance in {"assert", "promise", "demand"} or is_nonfinite(verb)
    if not clausal and new_rule and _mode(state, content) == "indirect" and not _speaking(state, subject):
        return None  # *speaking-subject rule*: "la coopération promet des répercussions" reports nothing
    if verb.dep_ == "acl" and subject.i == verb.head.i and content[0] <= subject.idx < content[1]:
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
