"""Entity mentions: persons, organisations and places, resolved within an article.

Candidates come from spaCy's French NER, from the knowledge base's names (which the
statistical model misses, e.g. "Otan", "Kremlin") and from its definite descriptions
("le président russe"). Each candidate is cleaned, then resolved by, in order:

1. *KB rule*: exact normalised match on a KB label or alias;
2. *surname rule*: a one-word person name ("Poutine", "Bennett") is the person of the
   article whose full name contains that word, when exactly one does;
3. *spelling rule*: a near-identical KB name of the same type ("Dimitri Peskov");
4. otherwise a key minted from the name (:func:`kg.kb.slug`).

Cross-document merging of minted keys happens in :mod:`kg.pipeline` (one registry
per corpus), because it needs the other articles.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

import spacy
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from kg.kb import KbEntry, KnowledgeBase, normalise, slug
from kg.records import Article, Entity, Mention, Sentence

NER_TYPES = {"PER": "Person", "ORG": "Organization", "LOC": "Place"}
_LEADING = re.compile(r"^(?:(?:le|la|les|l|du|des|de|d|au|aux)\s*['’]?\s+|[lLdD]['’])", re.I)
_TRAILING = re.compile(r"[\s,;:.!?»«“”\"'’()\[\]]+$")
# *honorific rule*: a civil title before a person's name is not part of the name ("Maître Hélène
# Castagnet" is Hélène Castagnet; "Mme Berthier" is Berthier)
_HONORIFIC = re.compile(r"(?:Maître|Me|MM?\.|Mmes?|Mlle|Monsieur|Madame|Mademoiselle|Dr|Docteur|Pr|Professeur|Mgr)"
                        r"\s+(?=[A-ZÀ-Ý])")
_DETERMINER = r"(?:le|la|l['’]|du|au|de\s+la|de\s+l['’])"


@dataclass(frozen=True)
class _Candidate:
    start: int
    end: int
    type: str
    kb: KbEntry | None = None  # set when the candidate came from the KB itself


def extract_entities(
    doc: Doc, article: Article, sentences: tuple[Sentence, ...], kb: KnowledgeBase
) -> tuple[tuple[Mention, ...], tuple[Entity, ...]]:
    """Resolved mentions and the article's entities (one per key)."""
    candidates = _non_overlapping([c for c in _candidates(doc, article, kb) if not article.is_junk(c.start, c.end)])
    text = article.text
    full_names = _full_person_names(candidates, text, kb)
    resolved: list[tuple[_Candidate, str, str, KbEntry | None]] = []
    for cand in candidates:
        surface = text[cand.start : cand.end]
        entry = _resolve_kb(surface, cand.type, kb, full_names, cand.kb)
        if entry:
            resolved.append((cand, entry.id, entry.type, entry))
            continue
        owner = _surname_owner(surface, cand.type, full_names)
        if owner:
            resolved.append((cand, owner[0], "Person", owner[1]))
            continue
        resolved.append((cand, slug(surface), cand.type, None))

    labels = _labels(resolved, text)
    mentions = tuple(
        Mention(
            start=c.start,
            end=c.end,
            text=text[c.start : c.end],
            type=typ,
            key=key,
            label=labels[key],
            sentence=_sentence_index(sentences, c.start),
        )
        for c, key, typ, _ in resolved
    )
    entities = tuple(_entities(resolved, labels, text))
    return mentions, entities


def _candidates(doc: Doc, article: Article, kb: KnowledgeBase) -> Iterator[_Candidate]:
    for ent in doc.ents:
        typ = NER_TYPES.get(ent.label_)
        if typ is None or _sentence_initial_common_noun(ent):
            continue
        span = _clean(article.text, ent.start_char, ent.end_char)
        if span and typ == "Person" and (m := _HONORIFIC.match(article.text, span[0], span[1])) and m.end() < span[1]:
            span = (m.end(), span[1])
        if span and article.text[span[0]].isupper():
            yield _Candidate(span[0], span[1], typ)
    for start, end, entry in _kb_name_matches(doc, kb):
        yield _Candidate(start, end, entry.type, entry)
    for start, end, entry in _title_matches(article.text, kb):
        yield _Candidate(start, end, entry.type, entry)


def _sentence_initial_common_noun(ent) -> bool:
    """*Capitalised common noun rule*: a one-word "entity" that the tagger reads as a common
    noun ("chef d'État", "ces deux États"), or one opening a sentence read as a common noun,
    adjective or verb ("Drapeaux nord-coréens…"), is not a name; names of the knowledge base
    are found apart, by the KB matcher."""
    if len(ent) != 1:
        return False
    return ent[0].pos_ == "NOUN" or (ent[0].is_sent_start and ent[0].pos_ in {"ADJ", "VERB"})


def _clean(text: str, start: int, end: int) -> tuple[int, int] | None:
    m = _LEADING.match(text, start, end)
    if m and m.end() < end:
        start = m.end()
    m = _TRAILING.search(text, start, end)
    if m:
        end = m.start()
    return (start, end) if start < end else None


_matchers: dict[tuple[int, int], PhraseMatcher] = {}


def _kb_name_matches(doc: Doc, kb: KnowledgeBase) -> Iterator[tuple[int, int, KbEntry]]:
    """KB names written exactly (case-sensitive) in the text, as whole tokens."""
    cache_key = (id(kb), id(doc.vocab))
    matcher = _matchers.get(cache_key)
    if matcher is None:
        tokenizer = spacy.blank("fr", vocab=doc.vocab).tokenizer
        matcher = PhraseMatcher(doc.vocab)
        for entry in kb.entries.values():
            names = [n for n in entry.names if len(n) > 2]
            matcher.add(entry.id, [tokenizer(n) for n in names])
        _matchers[cache_key] = matcher
    for match_id, s, e in matcher(doc):
        entry = kb.entries[doc.vocab.strings[match_id]]
        yield doc[s].idx, doc[e - 1].idx + len(doc[e - 1]), entry


def _title_matches(text: str, kb: KnowledgeBase) -> Iterator[tuple[int, int, KbEntry]]:
    """*Definite description rule*: "le président russe" names the one KB person with
    that title; the determiner is required so "un président russe" does not match."""
    pattern = _title_pattern(tuple(sorted(kb.titles)))
    if pattern is None:
        return
    for m in pattern.finditer(fold(text)):
        entry = kb.lookup_title(m.group(1))
        if entry:
            yield m.start(1), m.end(1), entry


@lru_cache(maxsize=8)
def _title_pattern(titles: tuple[str, ...]) -> re.Pattern | None:
    if not titles:
        return None
    alternatives = sorted(
        (r"[\s\-]+".join(re.escape(w) for w in re.split(r"[\s\-]+", t)) for t in titles),
        key=len,
        reverse=True,
    )
    return re.compile(rf"\b{_DETERMINER}\s*((?:{'|'.join(alternatives)}))\b", re.I)


def fold(text: str) -> str:
    """Accent folding that keeps the length, so offsets found in it hold in ``text``."""
    return text.translate(_FOLDED)


class _FoldTable(dict):
    """A ``str.translate`` table of :func:`_fold_char`, filled as characters are met."""

    def __missing__(self, code: int) -> str:
        folded = self[code] = _fold_char(chr(code))
        return folded


_FOLDED = _FoldTable()


@lru_cache(maxsize=4096)
def _fold_char(c: str) -> str:
    decomposed = unicodedata.normalize("NFKD", c)
    return decomposed[0] if decomposed else c


def _non_overlapping(cands: list[_Candidate]) -> list[_Candidate]:
    """Longest first; KB matches win ties over NER (they carry a resolved entity)."""
    cands.sort(key=lambda c: (-(c.end - c.start), c.kb is None, c.start))
    taken: list[_Candidate] = []
    for c in cands:
        if all(c.end <= t.start or t.end <= c.start for t in taken):
            taken.append(c)
    return sorted(taken, key=lambda c: c.start)


def _full_person_names(cands: list[_Candidate], text: str, kb: KnowledgeBase) -> dict[str, tuple[str, KbEntry | None]]:
    """Multi-word person names of the article: normalised name → (key, KB entry)."""
    names: dict[str, tuple[str, KbEntry | None]] = {}
    for c in cands:
        surface = text[c.start : c.end]
        if c.type != "Person" or len(surface.split()) < 2:
            continue
        entry = c.kb or kb.lookup(surface) or kb.fuzzy(surface, "Person")
        names[normalise(surface)] = (entry.id if entry else slug(surface), entry)
    return names


def _resolve_kb(
    surface: str, typ: str, kb: KnowledgeBase, full_names: dict, matched: KbEntry | None = None
) -> KbEntry | None:
    entry = matched or kb.lookup(surface)
    if entry and len(normalise(surface).split()) == 1 and entry.type == "Person":
        # A one-word KB alias ("Kim") yields to another person of the article who
        # bears that word ("Kim Yo-jong"): the surname rule decides.
        owner = _surname_owner(surface, "Person", full_names)
        if owner and owner[0] != entry.id:
            return None
    if matched and entry is matched:
        return entry
    return entry or kb.fuzzy(surface, typ)


def _surname_owner(surface: str, typ: str, full_names: dict) -> tuple[str, KbEntry | None] | None:
    """The only full person name of the article containing this one-word name."""
    word = normalise(surface)
    if typ != "Person" and typ != "Organization" or " " in word:
        return None
    owners = {v[0]: v for n, v in full_names.items() if word in n.split()}
    return next(iter(owners.values())) if len(owners) == 1 else None


def _labels(resolved, text: str) -> dict[str, str]:
    labels: dict[str, str] = {}
    for cand, key, _, entry in resolved:
        surface = text[cand.start : cand.end]
        if entry is not None:
            labels[key] = entry.label
        elif len(surface) > len(labels.get(key, "")):
            labels[key] = surface
    return labels


def _entities(resolved, labels: dict[str, str], text: str) -> Iterator[Entity]:
    seen: dict[str, Entity] = {}
    for cand, key, typ, entry in resolved:
        surface = text[cand.start : cand.end]
        prev = seen.get(key)
        aliases = tuple(sorted({*(prev.aliases if prev else ()), surface} - {labels[key]}))
        seen[key] = Entity(
            key=key,
            label=labels[key],
            type=typ,
            aliases=aliases,
            wikidata=entry.wikidata if entry else None,
            role=entry.role if entry else None,
            country=entry.country if entry else None,
            in_kb=entry is not None,
        )
    yield from seen.values()


def _sentence_index(sentences: tuple[Sentence, ...], offset: int) -> int:
    for i, s in enumerate(sentences):
        if s.start <= offset < s.end:
            return i
    return max(0, sum(1 for s in sentences if s.start <= offset) - 1)
