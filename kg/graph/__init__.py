"""The RDF model: vocabularies as code (:mod:`.vocabulary`) and records → triples (:mod:`.mapping`)."""

from kg.graph.mapping import (
    entity_triples,
    extraction_to_graph,
    extraction_to_triples,
    new_graph,
    timex_literal,
)
from kg.graph.vocabulary import (
    KB_GRAPH,
    KG,
    NIF,
    PREFIXES,
    SEM,
    article_graph_iri,
    article_iri,
    entity_iri,
    event_type_iri,
    topic_iri,
)

__all__ = [
    "KB_GRAPH",
    "KG",
    "NIF",
    "PREFIXES",
    "SEM",
    "article_graph_iri",
    "article_iri",
    "entity_iri",
    "entity_triples",
    "event_type_iri",
    "extraction_to_graph",
    "extraction_to_triples",
    "new_graph",
    "timex_literal",
    "topic_iri",
]
