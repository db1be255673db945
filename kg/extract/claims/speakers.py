"""Who speaks: subjects, inverted subjects, noun phrases, appositions (roles) and pronouns
resolved to the latest earlier speaker of the same number and gender."""

from __future__ import annotations

import re
from bisect import bisect_right

from spacy.tokens import Span, Token

from kg.extract.claims.lexicon import cue_start
from kg.extract.claims.state import (
    _DETERMINERS,
    _RELATIVE,
    PRONOUNS,
    _doc_tokens,
    _in_quote,
    _mentions_in,
    _paragraph_start,
    _Speaker,
    _State,
)
from kg.records import Mention


def _inverted_subject(state: _State, sent: Span, verb: Token, cue_end: int, limit: int | None = None) -> _Speaker | None:
    text = state.article.text
    # "a-t-il déclaré", "déclare-t-elle": the pronoun is glued to the verb group.
    m = re.search(r"-(?:t-)?(il|elle|ils|elles)\b", text[cue_start(verb) : cue_end + 8])
    if m:
        offset = cue_start(verb) + m.start(1)
        return _resolve_pronoun(state, m.group(1), offset, offset + len(m.group(1)))
    if re.search(r"-t-on\b", text[cue_start(verb) : cue_end + 8]):
        return _impersonal_speaker(state, cue_end, sent.end_char)
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
    if np is not None and person is None:
        # *apposition rule*, inverted: "a indiqué la secrétaire à l'Intérieur, Gale Norton."
        m = re.compile(r"[^,;:«»]{0,80},\s*").match(text, np[1], region_end)
        named = _mentions_in(state, m.end(), region_end) if m else []
        if named and named[0].type == "Person" and named[0].start == m.end():
            p = named[0]
            return _Speaker(p.label, p.text, p.start, p.end, p.key, text[np[0] : m.end()].rstrip(" ,"))
    if np is not None and (person is None or not _names_whole(text, np, person)):
        return _np_speaker(state, np, text)
    if person is None:
        return None
    role = _apposition_role(text, person, cue_end, sent.end_char)
    return _Speaker(person.label, person.text, person.start, person.end, person.key, role)


def _impersonal_speaker(state: _State, start: int, end: int) -> _Speaker | None:
    """*Impersonal incise rule*: "admet-on à Matignon", "a-t-on annoncé hier à Alger" — "on"
    speaks for the institution or place the incise names after "à", "au", "dans"; bare "on" is
    no identified source."""
    text = state.article.text
    for m in _mentions_in(state, start, end):
        if re.search(r"\b(?:à|au|aux|dans|de)\s+(?:l['’]|la\s+|le\s+|les\s+)?$", text[max(start, m.start - 12) : m.start]):
            return _Speaker(m.label, m.text, m.start, m.end, m.key)
    return None


def _names_whole(text: str, np: tuple[int, int], person: Mention) -> bool:
    """The phrase is the name, with at most a determiner or title before it ("le ministre Jean
    Dupont"), so the name's mention carries the speaker."""
    return person.end >= np[1] - 1 and not _GENITIVE_END.search(text[np[0] : person.start])


_NOUN_COMPLEMENT = {"de", "du", "des", "d'", "d’"}


# *temporal adverb rule*: day names and deictic adverbs between a cue and its inverted subject
# date the statement ("a indiqué jeudi la secrétaire"), they are not part of the subject
_TIME_WORDS = frozenset({"lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche", "hier",
                         "aujourd'hui", "demain", "avant-hier", "soir", "matin", "midi", "après-midi", "dernier"})


def _np_after(sent: Span, start: int, end: int) -> tuple[int, int] | None:
    """The inverted subject after a cue: "a martelé le Premier ministre [devant les députés]" —
    *complement rule*: the noun phrase keeps its "de" complements ("la ministre de la Santé")
    and stops at any other preposition or adverb, which opens a circumstantial complement."""
    tokens = [t for t in sent if start <= t.idx and t.idx + len(t) <= end and not t.is_punct]
    # adverbs and dates between the verb and its subject: "promettait encore en 2019 le directeur"
    while tokens and (tokens[0].pos_ == "ADV" or tokens[0].like_num or tokens[0].text.lower() in _TIME_WORDS
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
    doc = head.doc
    for child in head.children:
        detached = (child.dep_ == "appos" and child.i > head.i and child.pos_ == "NOUN" and head.ent_type_ != "PER"
                    and doc[child.left_edge.i - 1].text == ",")  # a description of a group (a person's is a role)
        if child.dep_.startswith("acl") or child.text.lower() in _RELATIVE or detached:
            excluded.update(t.i for t in child.subtree)  # *apposition rule*: ", groupe armé lié au …"
    ids = {t.i for t in head.subtree} - excluded
    lo = hi = head.i  # the contiguous block around the head
    while lo - 1 in ids:
        lo -= 1
    while hi + 1 in ids:
        hi += 1
    while hi > lo and (doc[hi].is_punct or doc[hi].text.lower() in _RELATIVE):
        if doc[hi].text == ")" and "(" in doc[lo:hi].text:
            break  # "(UNAPEI)": the bracket closes an acronym of the phrase
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
    for token in _doc_tokens(state):
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
