"""RDF dumps of the whole store with pyoxigraph: TriG and N-Quads keep the named graphs
(one per article); Turtle and JSON-LD get the union of all graphs as one graph."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox

from kg.store import Store

FORMATS = {"turtle": ox.RdfFormat.TURTLE, "trig": ox.RdfFormat.TRIG, "nquads": ox.RdfFormat.N_QUADS,
           "jsonld": ox.RdfFormat.JSON_LD}
SUFFIXES = {"turtle": "ttl", "trig": "trig", "nquads": "nq", "jsonld": "jsonld"}


def dump(store: Store, path: Path, fmt: str) -> int:
    """Write the store as fmt to path; return the number of triples or quads written."""
    return store.dump(path, FORMATS[fmt])
