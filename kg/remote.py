"""Remote SPARQL servers: the 1.1 Protocol for queries, the Graph Store Protocol for pushes.

:class:`Endpoint` speaks to any SPARQL 1.1 server (Oxigraph, Fuseki, Virtuoso, GraphDB)
with urllib3, retrying connection errors and 5xx answers with back-off. Its
:meth:`Endpoint.query` has the same signature as :meth:`kg.store.Store.query`, so the
saved queries of :mod:`kg.query` run unchanged against a server: kg's prefixes are
declared and parameters are bound in a ``VALUES`` block, exactly as locally.

:func:`push` sends each article's named graph of a local store to a Graph Store
endpoint, skipping the graphs whose content hash the server already holds — so an
interrupted push resumes where it stopped.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from urllib.parse import quote

import urllib3
from rdflib.query import Result
from rdflib.term import Identifier

from kg.bindings import with_bindings
from kg.errors import QueryError, StoreError
from kg.graph import vocabulary as v
from kg.store import Store

__all__ = ["Endpoint", "PushReport", "push"]

_RESULTS = "application/sparql-results+json"
_GRAPH = "text/turtle"
_REMOTE_HASHES = """
SELECT ?g ?hash WHERE { GRAPH ?g { { ?article schema:sha256 ?hash } UNION { ?g kg:contentHash ?hash } } }
"""


class Endpoint:
    """A SPARQL query endpoint (``…/query``, ``…/sparql``) and optionally its Graph Store."""

    def __init__(self, url: str | None, store_url: str | None = None, *, update_url: str | None = None,
                 timeout: float = 30.0, retries: int = 4):
        self.url = url
        self.store_url = store_url
        self.update_url = update_url
        retry = urllib3.Retry(total=retries, backoff_factor=0.5, status_forcelist=(429, 500, 502, 503, 504),
                              allowed_methods=None, raise_on_status=False)
        self.http = urllib3.PoolManager(retries=retry, timeout=urllib3.Timeout(total=timeout))

    def _request(self, method: str, url: str, **kwargs) -> urllib3.BaseHTTPResponse:
        try:
            response = self.http.request(method, url, **kwargs)
        except urllib3.exceptions.HTTPError as e:
            raise StoreError(f"{url}: cannot reach the SPARQL server ({e.__class__.__name__})") from None
        if response.status >= 400:
            detail = response.data.decode("utf-8", "replace").strip().splitlines()[:1]
            message = f"{url}: HTTP {response.status}" + (f": {detail[0][:200]}" if detail else "")
            raise (QueryError if response.status == 400 else StoreError)(message)
        return response

    def query(self, sparql: str, init_bindings: Mapping[str, Identifier] | None = None) -> Result:
        """Run a query on the server, with kg's prefixes declared and ``init_bindings`` bound."""
        if not self.url:
            raise StoreError("no SPARQL query endpoint given")
        text = v.sparql_prefixes() + with_bindings(sparql, init_bindings or {})
        response = self._request(
            "POST", self.url, body=text.encode("utf-8"),
            headers={"Content-Type": "application/sparql-query; charset=utf-8",
                     "Accept": f"{_RESULTS}, {_GRAPH};q=0.9"},
        )
        kind = response.headers.get("Content-Type", "").split(";")[0].strip()
        body = io.BytesIO(response.data)
        if kind == _RESULTS:
            return Result.parse(body, format="json")
        return Result.parse(body, format="turtle", content_type=kind or _GRAPH)

    def put_graph(self, graph: str, data: bytes, content_type: str = "application/n-triples") -> None:
        """Replace one named graph on the server: a Graph Store Protocol ``PUT ?graph=``, or
        with only an Update endpoint, ``DROP SILENT GRAPH`` + ``INSERT DATA`` in one request."""
        if not self.store_url and self.update_url:
            update = f"DROP SILENT GRAPH <{graph}> ;\nINSERT DATA {{ GRAPH <{graph}> {{\n"
            body = update.encode() + data + b"} }"
            self._request("POST", self.update_url, body=body,
                          headers={"Content-Type": "application/sparql-update; charset=utf-8"})
            return
        if not self.store_url:
            raise StoreError("no Graph Store or Update endpoint given")
        url = f"{self.store_url}?graph={quote(graph, safe='')}"
        self._request("PUT", url, body=data, headers={"Content-Type": content_type})

    def graph_hashes(self) -> dict[str, str]:
        """Article graph IRI → content hash, as the server holds them."""
        return {str(g): str(h) for g, h in self.query(_REMOTE_HASHES)}


@dataclass
class PushReport:
    sent: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    triples: int = 0

    def summary(self) -> str:
        n = len(self.sent)
        return f"{n} graph{'' if n == 1 else 's'} sent ({self.triples} triples), {len(self.unchanged)} unchanged"


def push(store: Store, endpoint: Endpoint, progress: Callable | None = None) -> PushReport:
    """Send every article graph, the topic scheme and the derived entities and canonical
    graphs, each unless the server already holds it with the same hash."""
    report = PushReport()
    remote = endpoint.graph_hashes() if endpoint.url else {}  # without a query endpoint, send all
    local = store.graph_hashes()
    graphs = sorted({str(v.TOPICS_GRAPH), *local})
    for graph in (progress(graphs) if progress else graphs):
        if graph in local and remote.get(graph) == local[graph]:
            report.unchanged.append(graph)
            continue
        data, n = store.graph_ntriples(graph)
        if n == 0:
            continue
        endpoint.put_graph(graph, data)
        report.sent.append(graph)
        report.triples += n
    return report
