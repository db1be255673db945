"""Ready-made answers over the store, running the saved queries of ``queries/``."""

from __future__ import annotations

from pathlib import Path

from rdflib import URIRef

from kg.errors import QueryError
from kg.extract.topics import TopicScheme
from kg.graph.vocabulary import entity_iri
from kg.kb import default_kb
from kg.store import Store

QUERIES = Path(__file__).resolve().parent.parent / "queries"


def saved_query(name: str) -> str:
    path = QUERIES / f"{name}.rq"
    if not path.exists():
        raise QueryError(f"no saved query {name!r} in {QUERIES}")
    return path.read_text("utf-8")


def who_said_what(store: Store, topic: str | None = None, speaker: str | None = None) -> list[dict]:
    """Rows of the who-said-what query; topic and speaker are matched the way people type them."""
    bindings = {}
    if topic:
        scheme = TopicScheme.load()
        found = scheme.find(topic)
        if found is None:
            raise QueryError(f"unknown topic {topic!r}; known: {', '.join(scheme.concepts)}")
        bindings["topic"] = URIRef(scheme.iri(found))
    if speaker:
        entry = default_kb().lookup(speaker) or default_kb().fuzzy(speaker, "Person")
        bindings["speakerEntity_"] = entity_iri(entry.id if entry else _slug(speaker))
    result = store.query(saved_query("who-said-what"), bindings)
    names = [str(v) for v in result.vars]
    return [{n: (str(v) if v is not None else None) for n, v in zip(names, row)} for row in result]


def _slug(name: str) -> str:
    from kg.kb import slug

    return slug(name)
