"""Parameters bound into SPARQL text: a VALUES block at the start of the WHERE pattern, found by
a small scanner that skips comments, strings, IRIs and a CONSTRUCT template."""

from __future__ import annotations

import re
from collections.abc import Mapping

from rdflib import Literal
from rdflib.term import Identifier

from kg.errors import QueryError

__all__ = ["with_bindings"]


_IRI = re.compile(r"<[^<>\"{}|^`\\\s]*>")
_CONSTRUCT_TEMPLATE = re.compile(r"\bCONSTRUCT\s*\{", re.IGNORECASE)


def _where_brace(sparql: str) -> int:
    """Position of the ``{`` opening the query's WHERE pattern, skipping comments, strings, IRIs
    and a CONSTRUCT template; -1 when there is none."""
    i, depth, skip_group = 0, 0, False
    n = len(sparql)
    while i < n:
        c = sparql[i]
        if c == "#":
            i = sparql.find("\n", i)
            i = n if i < 0 else i + 1
            continue
        if c in "'\"":
            quote = c * 3 if sparql.startswith(c * 3, i) else c
            j = i + len(quote)
            while j < n and not sparql.startswith(quote, j):
                j += 2 if sparql[j] == "\\" else 1
            i = j + len(quote)
            continue
        if c == "<" and (m := _IRI.match(sparql, i)):
            i = m.end()
            continue
        if c == "{":
            if depth == 0 and not skip_group:
                template = _CONSTRUCT_TEMPLATE.search(sparql, 0, i + 1)
                if template is None or template.end() != i + 1:
                    return i
                skip_group = True  # CONSTRUCT { template } WHERE { pattern }
            depth += 1
        elif c == "}":
            depth -= 1
            if depth == 0 and skip_group:
                skip_group = False
        i += 1
    return -1


def with_bindings(sparql: str, bindings: Mapping[str, Identifier]) -> str:
    """The query with a VALUES block binding ``bindings`` at the start of its WHERE pattern.

    Oxigraph's own substitution only accepts variables of the SELECT projection; a VALUES block
    joins with the whole pattern, which is what rdflib's ``initBindings`` means.
    """
    if not bindings:
        return sparql
    at = _where_brace(sparql)
    if at < 0:
        raise QueryError("cannot bind parameters: the query has no WHERE clause")
    names = [name.lstrip("?$") for name in bindings]
    terms = [t if isinstance(t, Identifier) else Literal(t) for t in bindings.values()]
    variables = " ".join(f"?{name}" for name in names)
    values = " ".join(term.n3() for term in terms)
    return f"{sparql[: at + 1]} VALUES ({variables}) {{ ({values}) }} {sparql[at + 1 :]}"
