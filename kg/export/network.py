"""The actor network: people, organisations and places linked by shared events and speech.

Nodes carry a readable ``label`` (never an IRI), ``type``, ``wikidata`` (or ""),
``mentions`` and ``first``/``last`` dates; edges a ``relation`` label and a ``weight``.
Only strings, ints and floats reach the writers: GraphML and GEXF allow nothing else.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from itertools import combinations
from pathlib import Path

import networkx as nx

from kg.store import Store

PREFIXES = """
PREFIX schema: <https://schema.org/>
PREFIX kg: <https://kg.example.org/ns#>
PREFIX sem: <http://semanticweb.cs.vu.nl/2009/11/sem/>
PREFIX owl: <http://www.w3.org/2002/07/owl#>
PREFIX itsrdf: <http://www.w3.org/2005/11/its/rdf#>
"""

ENTITIES = PREFIXES + """
SELECT ?e (SAMPLE(?l) AS ?label) (SAMPLE(?t) AS ?type) (SAMPLE(?wd) AS ?wikidata) WHERE {
  GRAPH ?g {
    ?e schema:name ?l .
    VALUES (?class ?t) { (schema:Person "Person") (schema:Organization "Organization") (schema:Place "Place") }
    ?e a ?class .
    OPTIONAL { ?e owl:sameAs ?wd }
  }
} GROUP BY ?e
"""

MENTIONS = PREFIXES + "SELECT ?e (COUNT(?m) AS ?n) WHERE { GRAPH ?g { ?m itsrdf:taIdentRef ?e } } GROUP BY ?e"

EVENT_ACTORS = PREFIXES + """
SELECT DISTINCT ?ev ?a ?date WHERE {
  GRAPH ?g { { ?ev sem:hasActor ?a } UNION { ?ev sem:hasPlace ?a } OPTIONAL { ?ev kg:timexValue ?date } }
}
"""

SPEECH = PREFIXES + """
SELECT DISTINCT ?c ?speaker ?target ?date WHERE {
  GRAPH ?g {
    ?c a kg:Claim ; schema:creator ?speaker ; kg:contentPhrase ?p .
    OPTIONAL { ?c schema:dateCreated ?date }
    ?m itsrdf:taIdentRef ?target ; <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#beginIndex> ?b ;
       <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#referenceContext> ?ctx .
    ?p <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#beginIndex> ?pb ;
       <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#endIndex> ?pe ;
       <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#referenceContext> ?ctx .
    FILTER(?b >= ?pb && ?b < ?pe && ?target != ?speaker)
  }
}
"""


def actor_network(store: Store) -> nx.Graph:
    """Undirected weighted graph of entities; edge relation "co-event" or "speaks-about"."""
    g = nx.Graph()
    dates: dict[str, list[str]] = defaultdict(list)
    mentions = {str(e): int(n) for e, n in store.query(MENTIONS)}
    for e, label, typ, wd in store.query(ENTITIES):
        g.add_node(str(e), label=str(label), type=str(typ), wikidata=str(wd).rsplit("/", 1)[-1] if wd else "",
                   mentions=mentions.get(str(e), 0))
    events: dict[str, set[str]] = defaultdict(set)
    event_date: dict[str, str] = {}
    for ev, a, date in store.query(EVENT_ACTORS):
        events[str(ev)].add(str(a))
        if date:
            event_date[str(ev)] = str(date)
    weights: Counter = Counter()
    for ev, actors in events.items():
        for a, b in combinations(sorted(actors), 2):
            weights[(a, b, "co-event")] += 1
        for a in actors:
            if ev in event_date:
                dates[a].append(event_date[ev])
    for _, speaker, target, date in store.query(SPEECH):
        a, b = sorted((str(speaker), str(target)))
        weights[(a, b, "speaks-about")] += 1
    for (a, b, relation), w in weights.items():
        if a in g and b in g:
            if g.has_edge(a, b):
                g[a][b]["weight"] += w
                g[a][b]["relation"] = "co-event+speaks-about"
            else:
                g.add_edge(a, b, relation=relation, label=relation, weight=w)
    for node, ds in dates.items():
        if node in g:
            g.nodes[node]["first"], g.nodes[node]["last"] = min(ds), max(ds)
    for node, data in g.nodes(data=True):
        data.setdefault("first", "")
        data.setdefault("last", "")
    return g


def write(graph: nx.Graph, path: Path, fmt: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if fmt == "graphml":
        nx.write_graphml(graph, path)
    elif fmt == "gexf":
        nx.write_gexf(graph, path, version="1.2draft")
    else:
        raise ValueError(fmt)
    return path
