"""The on-disk graph store: an Oxigraph (RocksDB) dataset with one named graph per article.

Writes go straight to :class:`pyoxigraph.Store` (one transaction per article); reads go
through rdflib (:attr:`Store.dataset`, :meth:`Store.query`) so the rest of kg speaks rdflib.

Layout (see ``docs/ontology.md``):

* ``https://kg.example.org/graph/article/{name}`` holds everything extracted from one article,
  including what it says of the entities it mentions (class, label), so that dropping or
  replacing an article never leaves another article's facts without their labels;
* ``https://kg.example.org/graph/kb`` (optional) holds the curated knowledge base.

Because an entity is described in every article graph that mentions it, the union default
graph repeats its triples once per article: queries over the union use ``SELECT DISTINCT``.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path
from types import TracebackType
from typing import Any

import pyoxigraph as ox
from oxrdflib import OxigraphStore
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.query import Result
from rdflib.term import Identifier, Node

from kg.bindings import with_bindings
from kg.errors import QueryError, StoreError
from kg.graph import vocabulary as v
from kg.graph.mapping import Triple, extraction_to_triples, new_graph
from kg.records import Extraction
from kg.terms import _plain, _rdflib_term, to_quads

__all__ = ["DEFAULT_PATH", "ENV_VAR", "BulkLoad", "Store", "default_path"]

DEFAULT_PATH = ".kg"
ENV_VAR = "KG_STORE"
_REBUILD = "rm -rf {path} && kg build"


def default_path() -> Path:
    """Where the store lives when no path is given: ``$KG_STORE``, else ``.kg`` in the cwd."""
    return Path(os.environ.get(ENV_VAR) or DEFAULT_PATH)


SERVE_LOCK = "kg-serve.pid"  # written by kg serve in the store folder: the server's pid


def _serving(path: Path) -> int | None:
    """The pid of a live ``kg serve`` holding the store, or None (no lock, or a stale one)."""
    try:
        pid = int((path / SERVE_LOCK).read_text(encoding="utf-8").strip())
        os.kill(pid, 0)
    except (OSError, ValueError):
        return None
    return pid


def article_triples(x: Extraction, topic_iri: Callable[[str], URIRef] | None = None,
                    fingerprint: str | None = None) -> Iterator[Triple]:
    """An article graph's triples, with the pipeline fingerprint it was extracted with."""
    yield from extraction_to_triples(x, topic_iri)
    if fingerprint:
        yield v.article_iri(x.article.name), v.KG.pipelineFingerprint, Literal(fingerprint)


class BulkLoad:
    """Articles the store does not hold yet, written with Oxigraph's bulk loader, which writes
    files straight to disk: two to three times faster than one transaction per article.

    :meth:`add` maps an extraction to quads at once (while the build's workers are still
    parsing the next articles); :meth:`commit` writes all added so far. The bulk loader is not
    atomic, a crash can leave some articles in part; so each article's ``schema:sha256`` — what
    a later build compares to skip an unchanged article — is held back and written in one
    transaction once the rest is on disk. An article cut short has no hash:
    :meth:`Store.incomplete_articles` finds it, and the next build drops and redoes it.
    """

    def __init__(self, store: Store, topic_iri: Callable[[str], URIRef] | None, fingerprint: str | None) -> None:
        self._store = store
        self._topic_iri = topic_iri
        self._fingerprint = fingerprint
        self._content: list[ox.Quad] = []
        self._hashes: list[ox.Quad] = []

    def add(self, x: Extraction) -> int:
        """Map ``x`` to the quads of its article graph, to be written at :meth:`commit`;
        returns the number of distinct triples."""
        name = x.article.name
        article, sha256 = ox.NamedNode(str(v.article_iri(name))), ox.NamedNode(str(v.SDO.sha256))
        try:
            quads = to_quads(v.article_graph_iri(name), article_triples(x, self._topic_iri, self._fingerprint))
        except ValueError as e:  # an invalid IRI or language tag
            raise StoreError(f"cannot write the graph of article {name}: {e}") from e
        for q in quads:
            (self._hashes if q.predicate == sha256 and q.subject == article else self._content).append(q)
        return len(quads)

    def commit(self) -> None:
        """Write the articles added since the last commit: their content, then their hashes."""
        self._store._bulk_then(self._content, self._hashes)
        self._content, self._hashes = [], []


class Store:
    """A kg graph store opened at a directory (created on first write-mode open).

    Use as a context manager, or call :meth:`close`; the directory is locked while open.
    """

    def __init__(self, path: str | os.PathLike[str] | None = None, *, read_only: bool = False) -> None:
        self.path = Path(path) if path is not None else default_path()
        self.read_only = read_only
        self._ox: ox.Store | None = self._open_oxigraph()
        self._rdflib_store = OxigraphStore(store=self._ox)
        self._dataset: Dataset | None = None

    @classmethod
    def open(cls, path: str | os.PathLike[str] | None = None, *, read_only: bool = False) -> Store:
        """Open the store at ``path`` (default :func:`default_path`)."""
        return cls(path, read_only=read_only)

    def _open_oxigraph(self) -> ox.Store:
        path = self.path
        if path.exists() and not path.is_dir():
            raise StoreError(f"store {path} is not a directory")
        is_store = (path / "CURRENT").exists()
        if path.is_dir() and not is_store and any(path.iterdir()):
            raise StoreError(f"{path} is not a kg store (a non-empty directory without a store in it)")
        if self.read_only and not is_store:
            raise StoreError(f"no store at {path}: build one with `kg build`")
        if not self.read_only and (server := _serving(path)):
            raise StoreError(f"store {path} is being served by kg serve (pid {server}): stop the server "
                             "(Ctrl-C) before writing, or write another store")
        try:
            if self.read_only:
                return ox.Store.read_only(str(path))
            path.parent.mkdir(parents=True, exist_ok=True)  # a new store in a folder not made yet
            return ox.Store(str(path))
        except OSError as e:
            if "lock" in str(e).lower():
                raise StoreError(f"store {path} is in use by another process") from e
            raise self._damaged(e) from e
        except RuntimeError as e:  # RocksDB corruption is reported as RuntimeError
            raise self._damaged(e) from e

    def _damaged(self, e: Exception) -> StoreError:
        rebuild = _REBUILD.format(path=self.path)
        return StoreError(f"store {self.path} is damaged or unreadable ({e}); rebuild it: {rebuild}")

    # --- life cycle -------------------------------------------------------------------------

    def close(self) -> None:
        """Flush and release the directory lock. The object is unusable afterwards."""
        if self._ox is None:
            return
        if not self.read_only:
            try:
                self._ox.flush()
            except OSError as e:
                raise self._damaged(e) from e
        # Drop every reference to the pyoxigraph store: RocksDB releases its lock when it is freed.
        self._rdflib_store._store = None
        self._dataset = None
        self._ox = None

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    @property
    def _inner(self) -> ox.Store:
        if self._ox is None:
            raise StoreError(f"store {self.path} is closed")
        return self._ox

    def _writable(self) -> ox.Store:
        if self.read_only:
            raise StoreError(f"store {self.path} is open read-only")
        return self._inner

    # --- writing ----------------------------------------------------------------------------

    def replace_article(
        self, x: Extraction, topic_iri: Callable[[str], URIRef] | None = None, fingerprint: str | None = None
    ) -> int:
        """Replace the article's named graph by the mapping of ``x``, atomically; ``fingerprint``
        (the pipeline's) is stored on the article so a later build knows what extracted it.

        Returns the number of triples in the new graph.
        """
        return self.replace_graph(v.article_graph_iri(x.article.name), article_triples(x, topic_iri, fingerprint))

    def article_fingerprint(self, name: str) -> str | None:
        """The pipeline fingerprint an article was extracted with, or None (absent, or built before
        fingerprints were stored)."""
        quads = self._inner.quads_for_pattern(
            ox.NamedNode(str(v.article_iri(name))), ox.NamedNode(str(v.KG.pipelineFingerprint)), None,
            ox.NamedNode(str(v.article_graph_iri(name))))
        return next((str(q.object.value) for q in quads), None)

    def replace_graph(self, graph: URIRef, triples: Iterable[Triple]) -> int:
        """Drop the named graph ``graph`` and insert ``triples`` into it, in one transaction.

        Also used for the knowledge-base graph (:data:`kg.graph.vocabulary.KB_GRAPH`).
        Returns the number of distinct triples written.
        """
        store = self._writable()
        name = ox.NamedNode(str(graph))
        try:
            quads = to_quads(graph, triples)
        except ValueError as e:  # an invalid IRI or language tag
            raise StoreError(f"cannot write graph <{graph}>: {e}") from e
        try:
            if store.contains_named_graph(name):
                # One SPARQL update = one transaction: readers see the old graph or the new one.
                body = " .\n".join(f"{q.subject} {q.predicate} {q.object}" for q in quads)
                insert = f"INSERT DATA {{ GRAPH {name} {{\n{body}\n}} }}"
                store.update(f"DROP SILENT GRAPH {name} ;\n{insert}")
            else:
                store.extend(quads)  # transactional too, and faster than parsing an update
        except OSError as e:
            raise self._damaged(e) from e
        return len(quads)

    def bulk_load(self, topic_iri: Callable[[str], URIRef] | None = None, fingerprint: str | None = None) -> BulkLoad:
        """A :class:`BulkLoad` of new articles into this store."""
        return BulkLoad(self, topic_iri, fingerprint)

    def incomplete_articles(self) -> list[str]:
        """Articles whose graph is stored without its ``schema:sha256``: left in part by a bulk
        load that was interrupted (see :class:`BulkLoad`), to be dropped and rebuilt."""
        sha256 = ox.NamedNode(str(v.SDO.sha256))
        hashed = {q.graph_name for q in self._inner.quads_for_pattern(None, sha256, None, None)}
        return sorted(name for g in self._inner.named_graphs()
                      if g not in hashed and (name := v.article_name_from_graph(g.value)) is not None)

    def sync_graph(self, graph: URIRef, triples: Iterable[Triple]) -> tuple[int, int]:
        """Make the named graph ``graph`` hold exactly ``triples``, writing only the difference
        in one transaction; returns (triples added, triples removed).

        A graph written from nothing (a first build's derived graphs) goes through Oxigraph's bulk
        loader, and its ``kg:contentHash`` last, in a transaction: a derived graph with its hash is
        whole (:meth:`is_resolved`), and one an interruption left in part is completed by the next
        sync, which writes the difference."""
        store = self._writable()
        name = ox.NamedNode(str(graph))
        try:
            new = set(to_quads(graph, triples))
        except ValueError as e:
            raise StoreError(f"cannot write graph <{graph}>: {e}") from e
        old = set(store.quads_for_pattern(None, None, None, name))
        add, remove = new - old, old - new
        if not old:
            hashes = ox.NamedNode(str(v.KG.contentHash))
            self._bulk_then([q for q in add if q.predicate != hashes], [q for q in add if q.predicate == hashes])
            return len(add), 0
        try:
            if add or remove:
                parts = []
                if remove:
                    body = " .\n".join(f"{q.subject} {q.predicate} {q.object}" for q in remove)
                    parts.append(f"DELETE DATA {{ GRAPH {name} {{\n{body}\n}} }}")
                if add:
                    body = " .\n".join(f"{q.subject} {q.predicate} {q.object}" for q in add)
                    parts.append(f"INSERT DATA {{ GRAPH {name} {{\n{body}\n}} }}")
                store.update(" ;\n".join(parts))
        except OSError as e:
            raise self._damaged(e) from e
        return len(add), len(remove)

    def _bulk_then(self, content: list[ox.Quad], markers: list[ox.Quad]) -> None:
        """``content`` through Oxigraph's bulk loader (not atomic), then ``markers`` — the hashes
        that say a graph is whole — in one transaction, once the content is written."""
        store = self._writable()
        try:
            store.bulk_extend(content)
            store.extend(markers)
        except OSError as e:
            raise self._damaged(e) from e

    def load_shards(self, paths: Iterable[str | os.PathLike[str]]) -> int:
        """Bulk-load N-Quads shards (see :mod:`kg.shards`); returns the quads the store then holds.

        Bulk loading skips transactions: load into a fresh store, or graphs not yet in it.
        """
        store = self._writable()
        for path in paths:
            try:
                store.bulk_load(path=str(path), format=ox.RdfFormat.N_QUADS)
            except OSError as e:
                raise self._damaged(e) from e
            except SyntaxError as e:
                raise StoreError(f"{path}: not N-Quads ({e})") from e
        return len(store)

    def flush(self) -> None:
        """Write committed transactions out of memory to disk.

        Oxigraph (RocksDB) keeps up to 6 write buffers of 128 MiB per column family until
        it decides to flush; a long build calls this every :data:`kg.build.FLUSH_EVERY` articles
        so its memory stays flat. Atomicity is unchanged: only committed data is flushed.
        """
        try:
            self._writable().flush()
        except OSError as e:
            raise self._damaged(e) from e

    def remove_article(self, name: str) -> bool:
        """Drop an article's named graph; False when the store did not hold it."""
        return self.remove_graph(v.article_graph_iri(name))

    def remove_graph(self, graph: URIRef) -> bool:
        """Drop a named graph; False when the store did not hold it."""
        store = self._writable()
        node = ox.NamedNode(str(graph))
        if not store.contains_named_graph(node):
            return False
        try:
            store.remove_graph(node)
        except OSError as e:
            raise self._damaged(e) from e
        return True

    # --- reading ----------------------------------------------------------------------------

    def articles(self) -> list[str]:
        """Names of the articles in the store, sorted."""
        names = (v.article_name_from_graph(g.value) for g in self._inner.named_graphs())
        return sorted(n for n in names if n is not None)

    def has_graph(self, graph: URIRef) -> bool:
        return self._inner.contains_named_graph(ox.NamedNode(str(graph)))

    def __contains__(self, name: str) -> bool:
        return self._inner.contains_named_graph(ox.NamedNode(str(v.article_graph_iri(name))))

    def article_hash(self, name: str) -> str | None:
        """The sha256 of the article's raw bytes when it was stored, or None if absent."""
        quads = self._inner.quads_for_pattern(
            ox.NamedNode(str(v.article_iri(name))),
            ox.NamedNode(str(v.SDO.sha256)),
            None,
            ox.NamedNode(str(v.article_graph_iri(name))),
        )
        for quad in quads:
            return str(quad.object.value)
        return None

    def graph_hashes(self) -> dict[str, str]:
        """Graph IRI → the content hash stored in it, for article graphs (the article's sha256)
        and the derived entities and canonical graphs (``kg:contentHash``): what ``kg push`` compares."""
        out = {}
        for quad in self._inner.quads_for_pattern(None, ox.NamedNode(str(v.SDO.sha256)), None, None):
            if isinstance(quad.graph_name, ox.NamedNode) and v.article_name_from_graph(quad.graph_name.value):
                out[quad.graph_name.value] = str(quad.object.value)
        for graph in (*v.DERIVED_GRAPHS, v.TOPICS_GRAPH):
            name = ox.NamedNode(str(graph))
            for quad in self._inner.quads_for_pattern(name, ox.NamedNode(str(v.KG.contentHash)), None, name):
                out[str(graph)] = str(quad.object.value)
        return out

    def is_resolved(self) -> bool:
        """Whether both derived graphs (entities, canonical) are stored whole, with their hash."""
        hashes = self.graph_hashes()
        return all(str(g) in hashes for g in v.DERIVED_GRAPHS)

    def graph_ntriples(self, graph: str) -> tuple[bytes, int]:
        """One named graph as N-Triples bytes, and its number of triples."""
        name = ox.NamedNode(str(graph))
        quads = list(self._inner.quads_for_pattern(None, None, None, name))
        data = b"".join(f"{q.subject} {q.predicate} {q.object} .\n".encode() for q in quads)
        return data, len(quads)

    def article_graph(self, name: str) -> Graph:
        """An in-memory copy of one article's named graph (empty when absent)."""
        return self.graph_copy(v.article_graph_iri(name))

    def graph_copy(self, graph: URIRef | None = None) -> Graph:
        """An in-memory copy of one named graph, or of the union of all graphs when None."""
        out = new_graph(graph)
        name = None if graph is None else ox.NamedNode(str(graph))
        for q in self._inner.quads_for_pattern(None, None, None, name):
            out.add((_rdflib_term(q.subject), _rdflib_term(q.predicate), _rdflib_term(q.object)))
        return out

    def quads_of(self, predicates: Iterable[URIRef]) -> Iterator[tuple[Node, Node, Node, URIRef | None]]:
        """Every stored quad whose predicate is one of ``predicates``, as rdflib terms
        (each distinct term converted once: entity descriptions repeat across article graphs)."""
        cache: dict[Any, Node] = {}

        def term(t: Any) -> Node:
            if (converted := cache.get(t)) is None:
                converted = cache[t] = _rdflib_term(t)
            return converted

        for p in predicates:
            for q in self._inner.quads_for_pattern(None, ox.NamedNode(str(p)), None, None):
                graph = q.graph_name
                yield (term(q.subject), p, term(q.object), term(graph) if isinstance(graph, ox.NamedNode) else None)

    def quads(self) -> Iterator[tuple[Node, Node, Node, URIRef]]:
        """Every stored quad as rdflib terms (subject, predicate, object, graph)."""
        for q in self._inner:
            graph = q.graph_name
            yield (
                _rdflib_term(q.subject),
                _rdflib_term(q.predicate),
                _rdflib_term(q.object),
                URIRef(graph.value) if isinstance(graph, ox.NamedNode) else None,
            )

    def __len__(self) -> int:
        """Number of stored quads (a triple repeated in two graphs counts twice)."""
        return len(self._inner)

    @property
    def dataset(self) -> Dataset:
        """The store as an rdflib Dataset whose default graph is the union of all graphs."""
        if self._dataset is None:
            self._inner  # noqa: B018 -- raises when closed
            dataset = Dataset(store=self._rdflib_store, default_union=True)
            for prefix, namespace in v.PREFIXES.items():
                dataset.bind(prefix, namespace, override=True)
            self._dataset = dataset
        return self._dataset

    def query(self, sparql: str, init_bindings: Mapping[str, Identifier] | None = None) -> Result:
        """Run SPARQL over the union of all graphs; ``init_bindings`` binds variables to terms.

        kg's prefixes (``kg:``, ``sem:``, ``schema:``, ``nif:``…) are predeclared.
        """
        try:
            result = self.dataset.query(with_bindings(sparql, init_bindings or {}))
            if result.type == "SELECT":
                result.bindings = [{k: _plain(t) for k, t in row.items()} for row in result.bindings]
            return result
        except SyntaxError as e:
            raise QueryError(f"invalid SPARQL: {e}") from e
        except OSError as e:
            raise self._damaged(e) from e
        except RuntimeError as e:  # Oxigraph's evaluation errors
            raise QueryError(f"SPARQL query failed: {e}") from e

    def select(self, sparql: str) -> list[tuple[Any, ...]]:
        """Rows of a SELECT over the union of all graphs as plain Python strings (None when
        unbound): the fast path for exports and statistics, without rdflib terms."""
        prefixes = dict(v.PREFIXES)
        rows = self._inner.query(sparql, use_default_graph_as_union=True, prefixes=prefixes)
        return [tuple(None if t is None else t.value for t in row) for row in rows]

    def dump(self, path: str | os.PathLike[str], rdf_format: ox.RdfFormat) -> int:
        """Serialise the store to ``path``; returns the number of statements written.

        TriG and N-Quads keep one named graph per article; other formats (Turtle, JSON-LD…)
        get the union of all graphs as one graph, duplicates merged."""
        prefixes = dict(v.PREFIXES)
        if rdf_format in (ox.RdfFormat.TRIG, ox.RdfFormat.N_QUADS):
            statements = list(self._inner)
        else:
            construct = "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }"
            statements = list(self._inner.query(construct, use_default_graph_as_union=True))
        options = {"prefixes": prefixes} if rdf_format in (ox.RdfFormat.TRIG, ox.RdfFormat.TURTLE) else {}
        ox.serialize(statements, str(path), rdf_format, **options)
        return len(statements)

    def _count(self, sparql_pattern: str) -> int:
        ((n,),) = self.select(f"SELECT (COUNT(*) AS ?n) WHERE {{ {sparql_pattern} }}")
        return int(n)

    def _by_value(self, sparql_pattern: str) -> dict[str, int]:
        """Counts per ?value of a pattern binding ?x (distinct ?x) and ?value."""
        rows = self.select(
            f"SELECT ?value (COUNT(DISTINCT ?x) AS ?n) WHERE {{ {sparql_pattern} }} "
            "GROUP BY ?value ORDER BY DESC(?n) ?value"
        )
        return {str(value): int(n) for value, n in rows}

    def stats(self) -> dict[str, Any]:
        """What the store holds: quads, articles, entities, mentions, timexes, claim and event
        mentions (one per report) and canonical claims and events (one per statement or happening)."""
        entity_types = self._by_value(
            "?x a ?t . VALUES (?t ?value) { (schema:Person 'Person') "
            "(schema:Organization 'Organization') (schema:Place 'Place') }"
        )
        return {
            "triples": len(self),
            "articles": len(self.articles()),
            "entities": self._count(
                "SELECT DISTINCT ?x WHERE { VALUES ?t { schema:Person schema:Organization schema:Place sem:Actor "
                "sem:Place } ?x a ?t }"
            ),
            "entities_by_type": entity_types,
            "mentions": self._count("?x itsrdf:taIdentRef ?e"),
            "timexes": self._count("?x a kg:TimeExpression"),
            "timexes_by_type": self._by_value("?x a kg:TimeExpression ; kg:timexType ?value"),
            "claim_mentions": self._count("?x a kg:ClaimMention"),
            "event_mentions": self._count("?x a kg:EventMention"),
            "claims": self._count("?x a kg:Claim"),
            "claims_by_stance": self._by_value("?x a kg:Claim ; kg:stance ?value"),
            "events": self._count("?x a sem:Event"),
            "events_by_type": self._by_value("?x a sem:Event ; sem:eventType/skos:notation ?value"),
            "dated_events": self._count(
                "SELECT DISTINCT ?x WHERE { ?x a sem:Event ; sem:hasTimeStamp ?d }"
            ),
        }
