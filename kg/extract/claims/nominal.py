"""*Nominal cue rule*: a noun of saying with its speaker and its content — "les déclarations de
X selon lesquelles P", "l'affirmation du ministre selon laquelle P", "l'annonce par X de Y".
The noun is a nominalisation of a reporting verb (``[cue_nouns]`` of ``speech_verbs.toml``);
the speaker is its "de"/"par" complement when that names a person, an organisation or an agentive
noun; the content is the "selon lequel" clause or the "de" complement after an agent. A noun with
no content ("les déclarations de la mineure") gives no claim."""

from __future__ import annotations

import re
from collections.abc import Iterator

from spacy.tokens import Span, Token

from kg.extract.claims.complements import _claim, _mode
from kg.extract.claims.speakers import _np_span, _np_speaker
from kg.extract.claims.state import _in_quote, _mentions_in, _State, _tokens

RELATIVE = r"(?:lequel|laquelle|lesquels|lesquelles)"  # "selon lesquelles P": a nominal cue's clause
_SELON_LEQUEL = re.compile(rf"\s*,?\s*selon\s+{RELATIVE}\s+", re.I)


def _agent(state: _State, noun: Token) -> Token | None:
    """The noun's "de"/"par" complement that can speak."""
    for c in noun.children:
        if c.dep_ != "nmod" or c.i < noun.i:
            continue
        case = next((g for g in c.children if g.dep_ == "case" and g.i < c.i), None)
        if case is None or case.text.lower() not in {"de", "d'", "d’", "du", "des", "par"}:
            continue
        named = any(m.type in {"Person", "Organization"} for m in _mentions_in(state, *_np_span(c)))
        if named or c.text.lower() in state.lex.source_nouns or c.lemma_.lower() in state.lex.source_nouns:
            return c
    return None


def nominal_claims(state: _State, sent: Span, clause_end) -> Iterator[dict]:
    text = state.article.text
    for noun in _tokens(state, sent):
        verb = (state.lex.cue_nouns or {}).get(noun.text.lower())
        if verb is None or noun.pos_ != "NOUN" or _in_quote(state, noun.idx):
            continue
        agent = _agent(state, noun)
        if agent is None:
            continue
        a0, a1 = _np_span(agent)
        content = None
        m = _SELON_LEQUEL.match(text, a1, sent.end_char)
        if m:  # "… selon lesquelles P": P is the relative clause, to its verb's last word
            clause = next((c for c in (*noun.children, *agent.children) if c.dep_.startswith("acl")
                           and c.idx >= m.end()), None)
            end = clause_end(text, m.end(), sent.end_char)
            if clause is not None:
                end = clause.right_edge.idx + len(clause.right_edge)
                # a finite verb after the clause's own verb group with no subject is the main
                # clause's ("… selon lesquelles P ont surpris"), misattached by the parser
                stop = next((t for t in _tokens(state, sent) if t.i > clause.i and t.pos_ in {"AUX", "VERB"} and t.head.i != clause.i
                             and "Fin" in t.morph.get("VerbForm") and not any(c.dep_.startswith("nsubj") for c in t.children)
                             and t.dep_ != "aux:tense" or t.i > clause.i and t.dep_ == "aux:tense" and t.head.i != clause.i
                             and t.head.head.i == clause.i), None)
                if stop is not None:
                    end = stop.idx
            content = (m.end(), clause_end(text, m.end(), end))
        else:  # "l'annonce par X de Y": Y is the "de" complement after the agent
            case = next((g for g in agent.children if g.dep_ == "case" and g.i < agent.i), None)
            theme = next((c for c in (*agent.children, *noun.children) if c.dep_ == "nmod" and c.i > agent.i
                          and any(g.dep_ == "case" and g.text.lower() in {"de", "d'", "d’", "du", "des"}
                                  for g in c.children)), None)
            if case is None or case.text.lower() != "par" or theme is None:
                continue
            t0, t1 = _np_span(theme)
            tcase = next(g for g in theme.children if g.dep_ == "case")
            content = (t0 if tcase.text.lower() in {"du", "des"} else tcase.idx + len(tcase), t1)
            a1 = min(a1, tcase.idx)
            while text[a1 - 1 : a1].isspace():
                a1 -= 1
        start, end = content
        while start < end and text[start].isspace():
            start += 1
        if end - start < 3:
            continue
        case = next((g for g in agent.children if g.dep_ == "case" and g.i < agent.i), None)
        speaker = _np_speaker(state, (case.idx + len(case) + (0 if case.text.endswith(("'", "’")) else 1)
                                      if case else a0, a1), text)
        stance = state.lex.verbs.get(verb, "assert")
        yield _claim(speaker, noun.lemma_.lower(), stance, noun.idx, noun.idx + len(noun), (start, end),
                     _mode(state, (start, end)))
