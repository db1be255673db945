"""Terms between rdflib and Oxigraph: kg maps records with rdflib terms, the store writes
Oxigraph quads, and query results come back as rdflib terms."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import pyoxigraph as ox
from rdflib import BNode, Literal, URIRef
from rdflib.term import Node

from kg.graph import vocabulary as v
from kg.graph.mapping import Triple

__all__ = ["to_quads"]


def to_quads(graph: str, triples: Iterable[Triple]) -> list[ox.Quad]:
    """rdflib triples as the distinct Oxigraph quads of the named graph ``graph``, in first-seen order.

    The mapping repeats a few triples (an entity described once per mention), so they are
    deduplicated as rdflib tuples, whose hashes are cached strings — cheaper than hashing
    Oxigraph quads. Predicates, classes and entities repeat: each term is converted once.
    """
    name = ox.NamedNode(str(graph))
    cache: dict[Node, Any] = {}
    get, make = cache.get, ox.Quad
    quads = []
    for s, p, o in dict.fromkeys(triples):
        if (s2 := get(s)) is None:
            s2 = cache[s] = _ox_term(s)
        if (p2 := get(p)) is None:
            p2 = cache[p] = _ox_term(p)
        if (o2 := get(o)) is None:
            o2 = cache[o] = _ox_term(o)
        quads.append(make(s2, p2, o2, name))
    return quads


def _ox_term(term: Node) -> ox.NamedNode | ox.BlankNode | ox.Literal:
    kind = type(term)  # exact types first: the mapping makes plain URIRefs and Literals
    if kind is URIRef:
        return ox.NamedNode(term)
    if kind is Literal or isinstance(term, Literal):
        if term.language:
            return ox.Literal(term, language=term.language)
        if term.datatype:
            return ox.Literal(term, datatype=ox.NamedNode(term.datatype))
        return ox.Literal(term)
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    raise TypeError(f"not an RDF term: {term!r}")


_XSD_STRING = str(v.XSD.string)


def _rdflib_term(term: Any) -> Node:
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if term.language:
        return Literal(term.value, lang=term.language)
    if term.datatype.value == _XSD_STRING:
        return Literal(term.value)  # rdflib tells "x" from "x"^^xsd:string; kg writes the former
    return Literal(term.value, datatype=URIRef(term.datatype.value))


def _plain(term: Any) -> Any:
    """An xsd:string literal as a plain literal, so results compare equal to ``Literal("x")``."""
    if isinstance(term, Literal) and term.datatype == v.XSD.string:
        return Literal(str(term))
    return term
