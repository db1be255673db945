"""Topic tagging against a SKOS concept scheme shipped as Turtle.

The scheme (``kg/resources/topics.ttl`` by default) holds one ``skos:Concept`` per
topic under ``https://kg.example.org/topic/``; its local name is the topic id. Each
concept carries ``kg:trigger`` regular expressions, matched case-insensitively on
accent-folded text from a word start. A text tagged with a narrower concept is
also tagged with all its ancestors, so a query on ``sanctions`` finds a sentence
about "restrictions unilatérales illégitimes".
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

from rapidfuzz import fuzz, process
from rdflib import RDF, SKOS, Graph, Literal, Namespace, URIRef

from kg.errors import ResourceError

TOPIC = Namespace("https://kg.example.org/topic/")
KG = Namespace("https://kg.example.org/ns#")

_FUZZY_CUTOFF = 85  # rapidfuzz score under which find() refuses to guess


class _CombiningMarks(dict):
    """A ``str.translate`` table that deletes combining marks, filled as characters are met
    (one C-level look-up per character instead of a Python call)."""

    def __missing__(self, code: int) -> int | None:
        kept = None if unicodedata.combining(chr(code)) else code
        self[code] = kept
        return kept


_DROP_COMBINING = _CombiningMarks()


def fold(text: str) -> str:
    """Lower-case, accent-free text with one kind of apostrophe and of space."""
    stripped = unicodedata.normalize("NFD", text).translate(_DROP_COMBINING)
    stripped = stripped.replace("’", "'").replace("ʼ", "'").replace("œ", "oe").replace("Œ", "oe")
    return re.sub(r"\s+", " ", stripped).lower()


_WORD_START = r"(?<![\w])"


def _any_of(patterns: list[tuple[str, re.Pattern[str]]]) -> re.Pattern[str] | None:
    """One pattern matching where any topic's pattern matches, or None when the triggers
    refer to their own groups (numbers would shift once the patterns are joined).

    A topic occurs in a text if and only if its pattern matches at some position where this
    one does, so :meth:`TopicScheme.tag` scans the text once for those positions and tries
    each topic only there, instead of scanning the whole text once per topic."""
    if not patterns:
        return None
    joined = "|".join(f"(?:{p.pattern[len(_WORD_START):]})" for _, p in patterns)
    if re.search(r"\\[1-9]|\(\?P=|\(\?\(", joined):  # backreferences, conditionals
        return None
    try:
        return re.compile(f"{_WORD_START}(?:{joined})")
    except re.error:  # the same group name in two topics' triggers
        return None


@dataclass(frozen=True)
class Concept:
    """One topic of the scheme."""

    id: str  # local name under TOPIC
    iri: str
    labels: dict[str, str]  # language -> prefLabel
    alt_labels: tuple[str, ...]
    broader: tuple[str, ...]
    narrower: tuple[str, ...]
    triggers: tuple[str, ...]


class TopicScheme:
    """A loaded topic scheme: tag texts, walk the hierarchy, resolve user input."""

    def __init__(self, concepts: Iterable[Concept], source: str = "<memory>") -> None:
        self._concepts = {c.id: c for c in concepts}
        self.source = source
        for c in self._concepts.values():
            for other in c.broader + c.narrower:
                if other not in self._concepts:
                    raise ResourceError(f"{source}: topic {c.id!r} points to unknown topic {other!r}")
        self._patterns: list[tuple[str, re.Pattern[str]]] = []
        for c in self._concepts.values():
            alternatives = []
            for trig in c.triggers:
                pat = fold(trig).replace(" ", r"\s+")
                try:
                    re.compile(pat)
                except re.error as exc:
                    raise ResourceError(f"{source}: bad trigger {trig!r} of topic {c.id!r}: {exc}") from exc
                alternatives.append(f"(?:{pat})")
            if alternatives:  # one search per topic: any of its triggers
                self._patterns.append((c.id, re.compile(_WORD_START + "(?:" + "|".join(alternatives) + ")")))
        self._any_topic = _any_of(self._patterns)
        self._ancestors = {cid: self._walk_up(cid) for cid in self._concepts}
        self._names: dict[str, str] = {}  # folded label -> id, first writer wins
        for c in self._concepts.values():
            for name in (c.id, c.id.replace("-", " "), *c.labels.values(), *c.alt_labels):
                self._names.setdefault(fold(name), c.id)

    # ------------------------------------------------------------------ loading
    @classmethod
    def load(cls, path: str | Path | None = None) -> TopicScheme:
        """The shipped scheme (cached) or the Turtle file at ``path``."""
        if path is None:
            return _default_scheme()
        return cls._from_file(Path(path))

    @classmethod
    def _from_file(cls, path: Path) -> TopicScheme:
        graph = Graph()
        try:
            graph.parse(str(path), format="turtle")
        except FileNotFoundError as exc:
            raise ResourceError(f"{path}: topic scheme not found") from exc
        except Exception as exc:  # rdflib raises many parser exception types
            raise ResourceError(f"{path}: not a valid Turtle topic scheme: {exc}") from exc
        concepts = []
        for iri in sorted(set(graph.subjects(RDF.type, SKOS.Concept))):
            if not isinstance(iri, URIRef) or not str(iri).startswith(str(TOPIC)):
                continue
            concepts.append(_concept(graph, iri))
        if not concepts:
            raise ResourceError(f"{path}: no skos:Concept under {TOPIC}")
        # make broader/narrower symmetric whichever side the file states
        broader = {c.id: set(c.broader) for c in concepts}
        for c in concepts:
            for n in c.narrower:
                broader.setdefault(n, set()).add(c.id)
        narrower: dict[str, set[str]] = {c.id: set() for c in concepts}
        for child, parents in broader.items():
            for p in parents:
                narrower.setdefault(p, set()).add(child)
        concepts = [
            Concept(
                c.id, c.iri, c.labels, c.alt_labels,
                tuple(sorted(broader.get(c.id, ()))), tuple(sorted(narrower.get(c.id, ()))),
                c.triggers,
            )
            for c in concepts
        ]
        return cls(concepts, source=str(path))

    def triples(self) -> Iterable[tuple[URIRef, URIRef, URIRef | Literal]]:
        """The scheme as SKOS triples (labels and hierarchy), for the store's topic graph,
        so queries can follow ``skos:broader*`` and show topic labels."""
        scheme = URIRef(str(TOPIC))
        yield scheme, RDF.type, SKOS.ConceptScheme
        for c in self._concepts.values():
            iri = URIRef(c.iri)
            yield iri, RDF.type, SKOS.Concept
            yield iri, SKOS.inScheme, scheme
            yield iri, SKOS.notation, Literal(c.id)
            for lang, label in c.labels.items():
                yield iri, SKOS.prefLabel, Literal(label, lang=lang or None)
            for alt in c.alt_labels:
                yield iri, SKOS.altLabel, Literal(alt)
            for b in c.broader:
                yield iri, SKOS.broader, URIRef(str(TOPIC) + b)
            for n in c.narrower:
                yield iri, SKOS.narrower, URIRef(str(TOPIC) + n)

    # ------------------------------------------------------------------ queries
    @property
    def concepts(self) -> tuple[str, ...]:
        """All topic ids, sorted."""
        return tuple(sorted(self._concepts))

    def concept(self, topic: str) -> Concept:
        try:
            return self._concepts[topic]
        except KeyError:
            raise KeyError(f"unknown topic {topic!r}") from None

    def iri(self, topic: str) -> str:
        return self.concept(topic).iri

    def label(self, topic: str, lang: str = "fr") -> str:
        """The prefLabel in ``lang``, else in French or English, else the id."""
        labels = self.concept(topic).labels
        return labels.get(lang) or labels.get("fr") or labels.get("en") or topic

    def broader(self, topic: str) -> tuple[str, ...]:
        """Direct broader topics."""
        return self.concept(topic).broader

    def narrower(self, topic: str) -> tuple[str, ...]:
        """Direct narrower topics."""
        return self.concept(topic).narrower

    def ancestors(self, topic: str) -> tuple[str, ...]:
        """All broader topics, transitively, sorted."""
        return self._ancestors[topic]

    def tag(self, text: str) -> tuple[str, ...]:
        """Topic ids whose triggers occur in ``text``, with their ancestors; sorted, unique."""
        folded = fold(text)
        found: set[str] = set()
        if self._any_topic is None:
            for cid, pattern in self._patterns:
                if cid not in found and pattern.search(folded):
                    found.add(cid)
        else:  # the same topics, found where some trigger starts (one scan of the text)
            pos = 0
            while (hit := self._any_topic.search(folded, pos)) is not None:
                for cid, pattern in self._patterns:
                    if cid not in found and pattern.match(folded, hit.start()):
                        found.add(cid)
                pos = hit.start() + 1
        for cid in list(found):
            found.update(self._ancestors[cid])
        return tuple(sorted(found))

    def names(self) -> dict[str, str]:
        """Every id, label and altLabel, folded (lower case, no accents) → the topic's IRI."""
        return {name: self.iri(cid) for name, cid in self._names.items()}

    def find(self, user_text: str) -> str | None:
        """The topic id a user means by ``user_text`` (id, label, altLabel; fuzzy), or None."""
        key = fold(user_text).strip()
        if not key:
            return None
        for candidate in (key, key.replace("-", " "), key.rstrip("s"), key + "s"):
            if candidate in self._names:
                return self._names[candidate]
        best = process.extractOne(key, list(self._names), scorer=fuzz.ratio, score_cutoff=_FUZZY_CUTOFF)
        return self._names[best[0]] if best else None

    def _walk_up(self, topic: str) -> tuple[str, ...]:
        seen: set[str] = set()
        todo = list(self._concepts[topic].broader)
        while todo:
            cid = todo.pop()
            if cid not in seen and cid != topic:
                seen.add(cid)
                todo.extend(self._concepts[cid].broader)
        return tuple(sorted(seen))


def _concept(graph: Graph, iri: URIRef) -> Concept:
    cid = str(iri)[len(str(TOPIC)):]
    labels: dict[str, str] = {}
    for lit in graph.objects(iri, SKOS.prefLabel):
        if isinstance(lit, Literal):
            labels.setdefault(lit.language or "", str(lit))
    alt = tuple(sorted(str(x) for x in graph.objects(iri, SKOS.altLabel)))
    local = lambda ts: tuple(sorted(str(t)[len(str(TOPIC)):] for t in ts if str(t).startswith(str(TOPIC))))  # noqa: E731
    return Concept(
        id=cid,
        iri=str(iri),
        labels=labels,
        alt_labels=alt,
        broader=local(graph.objects(iri, SKOS.broader)),
        narrower=local(graph.objects(iri, SKOS.narrower)),
        triggers=tuple(sorted(str(x) for x in graph.objects(iri, KG.trigger))),
    )


@lru_cache(maxsize=1)
def _default_scheme() -> TopicScheme:
    path = resources.files("kg") / "resources" / "topics.ttl"
    with resources.as_file(path) as real:
        return TopicScheme._from_file(Path(real))
