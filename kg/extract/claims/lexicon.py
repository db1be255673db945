"""The reporting lexicon: speech verbs, nouns and multiword cues with their stance, and the
lemma guesses that let a cue be found when the parser lemmatises it wrongly."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from spacy.tokens import Token


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
