"""From articles to extractions: the path of one article through kg.

``Pipeline.extract(article)`` parses the text once with the French spaCy pipeline and
runs the extractors in order — sentences, entities, temporal expressions, claims,
events — each on the same ``Doc``. ``Pipeline.extract_batch`` parses a list of articles
together with ``nlp.pipe``: it is what a worker process of ``kg build`` does with each
batch it is given, and what :mod:`kg.shards` does with a shard. ``Pipeline.extract_many``
streams extractions in input order, from worker processes (:mod:`kg.workers`) or, for a
handful of articles, from this process. :class:`EntityRegistry` then merges entities
that are not in the knowledge base across articles.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import replace
from functools import cached_property, lru_cache
from hashlib import sha256
from pathlib import Path

from rapidfuzz import fuzz
from spacy.language import Language
from spacy.tokens import Doc

from kg.errors import ExtractionError, one_line
from kg.extract.claims import extract_claims
from kg.extract.entities import extract_entities
from kg.extract.events import extract_events
from kg.extract.events.decision import decide
from kg.extract.temporal import extract_timexes
from kg.extract.topics import TopicScheme
from kg.kb import FUZZY_THRESHOLD, KnowledgeBase, default_kb, normalise
from kg.nlp import load, sentence_spans
from kg.records import Article, Entity, Extraction, Sentence

BATCH_SIZE = 32
# Fewer articles than this are parsed in the calling process: a worker process spends
# seconds loading the spaCy model before its first article, more than a few articles take.
IN_PROCESS_BELOW = 8
_KG = Path(__file__).resolve().parent
# What an article's graph depends on besides its text: kg's extraction code and shipped data
_FINGERPRINTED = ("extract", "ingest", "resources", "graph", "nlp.py", "pipeline.py", "kb.py", "records.py")


@lru_cache(maxsize=8)
def pipeline_fingerprint(kb_files: tuple[str, ...] = (), topics_file: str | None = None) -> str:
    """sha256 of everything besides the text that an article's graph depends on: the spaCy model
    and its version, kg's extraction code and shipped resources (lexicons, KB, topics, shapes),
    the user's knowledge-base and topic files. ``kg build`` re-extracts a stored article whose
    fingerprint differs, so a new alias or a new rule reaches the graph. Needs no model loaded."""
    from spacy.util import get_package_version

    from kg.nlp import MODEL

    h = sha256(f"{MODEL} {get_package_version(MODEL)}".encode())
    files = sorted(f for part in _FINGERPRINTED
                   for f in ((_KG / part).rglob("*") if (_KG / part).is_dir() else [_KG / part])
                   if f.is_file() and f.suffix in {".py", ".toml", ".ttl", ".tsv", ".txt", ".json"})
    for f in [*files, *(Path(k) for k in kb_files), *([Path(topics_file)] if topics_file else [])]:
        h.update(str(f.name).encode())
        h.update(f.read_bytes())
    return h.hexdigest()


class Pipeline:
    """The French NLP pipeline plus kg's extractors.

    The knowledge base and the topic scheme are loaded at once (the writer needs them);
    the spaCy model only on first use of :attr:`nlp`, so that the main process of a build
    whose worker processes parse never spends the seconds and the memory to load it.
    """

    def __init__(self, kb_files: Iterable[str] = (), topics_file: str | None = None):
        self.kb_files = tuple(str(f) for f in kb_files)
        self.topics_file = topics_file
        self.kb: KnowledgeBase = default_kb(self.kb_files)
        self.topics = TopicScheme.load(topics_file)

    def __reduce__(self):
        """Pickled as what it is made from (for a worker started by spawn, not fork): a
        worker rebuilds it rather than receive a copy of the model and knowledge base."""
        return Pipeline, (self.kb_files, self.topics_file)

    @cached_property
    def nlp(self) -> Language:
        return load()

    def release_model(self) -> None:
        """Free the spaCy model (≈ 450 MB; loaded again on next use). ``kg build`` calls it once
        the last article is extracted when the build loaded it, so that resolution, whose memory
        grows with the corpus, does not run beside an idle model."""
        if self.__dict__.pop("nlp", None) is not None:
            gc.collect()

    @cached_property
    def fingerprint(self) -> str:
        return pipeline_fingerprint(self.kb_files, self.topics_file)

    def extract(self, article: Article, decider: Callable | None = None) -> Extraction:
        """The extraction of one article; ``decider`` replaces the events' decision (kg.extract.events.decision
        .decide), for the tool that trains it on every candidate."""
        return self._extract(self.nlp(article.text), article, decider)

    def extract_batch(self, articles: Sequence[Article]) -> list[Extraction]:
        """Extractions of ``articles``, parsed together (``nlp.pipe`` batches the model's
        matrix products): the unit of work of a build's worker process and of a shard."""
        return list(self._extract_stream(articles))

    def parse_batch(self, articles: Sequence[Article]) -> list[bytes]:
        """The parsed documents of ``articles`` as bytes (``Doc.to_bytes``, without the tensors no
        extractor reads): what a lone worker sends, for :meth:`extract_parsed` in the main process."""
        return [doc.to_bytes(exclude=["tensor"]) for doc in self.nlp.pipe((a.text for a in articles),
                                                                          batch_size=BATCH_SIZE)]

    def extract_parsed(self, articles: Sequence[Article], parsed: Sequence[bytes]) -> Iterator[Extraction]:
        """Extractions of ``articles`` from the documents :meth:`parse_batch` made of them: the
        same as :meth:`extract_batch` gives. A failing article is one ``ExtractionError`` line."""
        for article, data in zip(articles, parsed, strict=True):
            try:
                yield self._extract(Doc(self.nlp.vocab).from_bytes(data), article)
            except Exception as e:  # noqa: BLE001 -- one line naming the article, as a worker reports it
                raise ExtractionError(extraction_failed(article, e)) from e

    def extract_many(self, articles: Iterable[Article], workers: int = 1) -> Iterator[Extraction]:
        """Extractions in input order, parsed by ``workers`` worker processes while the caller
        consumes them (``workers=1``: one worker, so that parsing overlaps the caller's writes).

        ``workers=0``, or fewer than :data:`IN_PROCESS_BELOW` articles, parses in this process.
        """
        articles = list(articles)
        if workers < 1 or len(articles) < IN_PROCESS_BELOW:
            yield from self._extract_stream(articles)
            return
        from kg.workers import extract_in_workers

        yield from extract_in_workers(self, articles, workers)

    def _extract_stream(self, articles: Iterable[Article]) -> Iterator[Extraction]:
        pairs = ((a.text, a) for a in articles)
        for doc, article in self.nlp.pipe(pairs, as_tuples=True, batch_size=BATCH_SIZE):
            yield self._extract(doc, article)

    def _extract(self, doc: Doc, article: Article, decider: Callable | None = None) -> Extraction:
        text = article.text
        sentences = tuple(Sentence(s, e, text[s:e]) for s, e in sentence_spans(doc))
        mentions, entities = extract_entities(doc, article, sentences, self.kb)
        timexes = tuple(extract_timexes(text, article.published, doc=doc, junk=article.junk))
        claims = tuple(extract_claims(doc, article, sentences, mentions, timexes, self.topics))
        events = tuple(extract_events(doc, article, sentences, mentions, timexes, self.topics, claims=claims,
                                      decider=decider or decide))
        return Extraction(article, sentences, mentions, entities, timexes, claims, events)


def extraction_failed(article: Article, e: BaseException) -> str:
    """The one line that reports an article whose extraction failed, wherever it ran."""
    return f"{article.path or article.name}: extraction failed: {one_line(e)}"


class EntityRegistry:
    """Cross-document merging of entities that the knowledge base does not know.

    *Spelling rule across articles*: a minted entity whose multi-word name differs from
    one already seen (same type) only by spelling, accents or hyphens ("Kim Jong Un",
    "Dimitri Peskov") takes the earlier key. Deterministic for a given input order.
    """

    def __init__(self, known: Iterable[tuple[str, str, str]] = ()):
        self._by_type: dict[str, dict[str, str]] = {}
        for key, label, typ in known:
            self._by_type.setdefault(typ, {})[normalise(label)] = key

    def key_for(self, entity: Entity) -> str:
        if entity.in_kb:
            return entity.key
        names = self._by_type.setdefault(entity.type, {})
        norm = normalise(entity.label)
        if norm in names:
            return names[norm]
        if " " in norm:
            for other, key in names.items():
                if " " in other and fuzz.ratio(norm, other) >= FUZZY_THRESHOLD:
                    names[norm] = key
                    return key
        names[norm] = entity.key
        return entity.key

    def merge(self, x: Extraction) -> Extraction:
        """The extraction with minted keys replaced by the corpus-wide ones."""
        mapping = {e.key: self.key_for(e) for e in x.entities}
        if all(k == v for k, v in mapping.items()):
            return x
        return replace(
            x,
            mentions=tuple(replace(m, key=mapping.get(m.key, m.key)) for m in x.mentions),
            entities=_merged_entities(x.entities, mapping),
            claims=tuple(replace(c, speaker_key=mapping.get(c.speaker_key, c.speaker_key)) for c in x.claims),
            events=tuple(
                replace(
                    e,
                    actors=tuple((r, mapping.get(k, k), lbl) for r, k, lbl in e.actors),
                    place=(mapping.get(e.place[0], e.place[0]), e.place[1]) if e.place else None,
                )
                for e in x.events
            ),
        )


def _merged_entities(entities: tuple[Entity, ...], mapping: dict[str, str]) -> tuple[Entity, ...]:
    out: dict[str, Entity] = {}
    for e in entities:
        key = mapping[e.key]
        if key in out:
            prev = out[key]
            aliases = tuple(sorted(set(prev.aliases) | set(e.aliases) | {e.label} - {prev.label}))
            out[key] = replace(prev, aliases=aliases)
        else:
            out[key] = replace(e, key=key)
    return tuple(out.values())


@lru_cache(maxsize=1)
def default_pipeline() -> Pipeline:
    return Pipeline()
