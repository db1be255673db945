"""Saved SPARQL queries: the catalogue of ``queries/*.rq``, parameters, result formats.

Each saved query starts with a comment header::

    # title: Who said what
    # description: Claims with speaker, role, date, mode, stance and source.
    # param: topic (topic, optional) — a topic, e.g. "sanctions"
    # param: since (date, optional) — earliest date: 2024, 2024-06 or 2024-06-18
    # param: speaker (entity, optional, var=speakerIri) — bound to ?speakerIri
    # example: kg query who-said-what --param topic=sanctions

A parameter is bound to the query variable of the same name as an RDF term (a VALUES
block, never pasted into the text), after it is resolved the way people type it:

* ``entity`` — a name, alias or spelling variant ("Poutine", "Putin") → entity IRI;
* ``topic`` — a label, plural/singular or narrower concept ("Sanctions") → topic IRI;
* ``date`` — ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` → a plain string literal that queries
  compare with ``STR(?date)`` (prefix-aware, so granularities mix);
* ``string`` — a plain literal; ``int`` — an integer literal; ``bool`` — true/false (yes/no, 1/0).

*Conditional lines*: a line ending with the comment ``# if NAME`` is kept only when the
parameter NAME is given. That lets an optional parameter be a plain triple pattern
(``?claim schema:creator ?speaker_iri .  # if speaker``), which the store answers from
its indexes, instead of a ``FILTER(!BOUND(…) || …)`` evaluated on every row — the
difference between milliseconds and seconds on a million triples. In another SPARQL
client the query runs as is, with every such parameter required. A line ending with
``# unless NAME`` is the reverse: kept only when NAME is not given (or is a ``bool`` given
false) — the timeline's ``?e kg:salient true .  # unless all``.
"""

from __future__ import annotations

import os
import re
import threading
from collections.abc import Mapping
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path

from rdflib import XSD, Literal, URIRef
from rdflib.query import Result
from rdflib.term import Identifier

from kg.errors import InputError, QueryError
from kg.graph.vocabulary import BASE, entity_iri
from kg.kb import default_kb, normalise, slug

KINDS = ("entity", "topic", "date", "string", "int", "bool")
_TRUE, _FALSE = frozenset({"true", "yes", "1", "oui"}), frozenset({"false", "no", "0", "non"})
FORMATS = ("table", "csv", "tsv", "json", "xml", "md")
_PARAM = re.compile(
    r"^#\s*param:\s*(?P<name>[A-Za-z_]\w*)\s*\((?P<kind>\w+)(?P<opts>[^)]*)\)\s*[—–:-]?\s*(?P<doc>.*)$"
)
_CONDITIONAL = re.compile(r"#\s*(?P<word>if|unless)\s+(?P<names>\w+(?:\s*,\s*\w+)*)\s*$")


@dataclass(frozen=True)
class Param:
    name: str
    kind: str
    required: bool = False
    default: str | None = None
    doc: str = ""
    var: str | None = None  # query variable when it differs from the name ("var=speakerIri")

    @property
    def variable(self) -> str:
        return self.var or self.name


@dataclass(frozen=True)
class SavedQuery:
    name: str
    path: Path
    text: str
    title: str
    description: str
    params: tuple[Param, ...]
    examples: tuple[str, ...]

    def param(self, name: str) -> Param:
        for p in self.params:
            if p.name == name:
                return p
        known = ", ".join(p.name for p in self.params) or "none"
        raise QueryError(f"query {self.name!r} has no parameter {name!r}; its parameters: {known}")


def queries_dir() -> Path:
    """``$KG_QUERIES``, else ``./queries`` when it exists, else the project's ``queries/``."""
    env = os.environ.get("KG_QUERIES")
    if env:
        return Path(env)
    here = Path.cwd() / "queries"
    return here if here.is_dir() else Path(__file__).resolve().parent.parent / "queries"


def parse(path: Path, text: str | None = None) -> SavedQuery:
    """A saved query with its header read."""
    text = path.read_text("utf-8") if text is None else text
    fields: dict[str, list[str]] = {"title": [], "description": [], "example": []}
    params: list[Param] = []
    current = None
    for line in text.splitlines():
        if not line.startswith("#"):
            if line.strip():
                break
            continue
        m = _PARAM.match(line)
        if m:
            kind = m["kind"]
            if kind not in KINDS:
                raise QueryError(f"{path}: parameter {m['name']!r} has unknown kind {kind!r} (one of {', '.join(KINDS)})")
            opts = [o.strip() for o in m["opts"].split(",") if o.strip()]
            default = next((o.split("=", 1)[1].strip() for o in opts if o.startswith("default=")), None)
            var = next((o.split("=", 1)[1].strip() for o in opts if o.startswith("var=")), None)
            params.append(Param(m["name"], kind, "required" in opts, default, m["doc"].strip(), var))
            current = None
            continue
        key = re.match(r"^#\s*(title|description|example):\s*(.*)$", line)
        if key:
            current = key[1]
            fields[current].append(key[2].strip())
        elif current in {"description"} and line.startswith("#  "):
            fields[current].append(line[1:].strip())
    return SavedQuery(
        name=path.stem,
        path=path,
        text=text,
        title=" ".join(fields["title"]) or path.stem,
        description=" ".join(fields["description"]),
        params=tuple(params),
        examples=tuple(fields["example"]),
    )


def catalogue(folder: Path | None = None) -> dict[str, SavedQuery]:
    folder = folder or queries_dir()
    return {p.stem: parse(p) for p in sorted(folder.glob("*.rq"))}


def saved(name: str, folder: Path | None = None) -> SavedQuery:
    """A saved query by name, or a QueryError listing the catalogue."""
    queries = catalogue(folder)
    if name not in queries:
        known = ", ".join(queries) or "none"
        raise QueryError(f"no saved query {name!r}; saved queries: {known}")
    return queries[name]


def load(name_or_file: str, stdin_text: str | None = None) -> SavedQuery:
    """A query given as a saved name, a .rq/.sparql file, or ``-`` (stdin text)."""
    if name_or_file == "-":
        return parse(Path("<stdin>"), stdin_text or "")
    path = Path(name_or_file)
    if path.suffix in {".rq", ".sparql"} or path.is_file():
        if not path.is_file():
            raise QueryError(f"{path}: no such query file")
        return parse(path)
    return saved(name_or_file)


def bindings(query: SavedQuery, raw: Mapping[str, str], store=None) -> dict[str, Identifier]:
    """The user's ``name=value`` parameters resolved to RDF terms, defaults applied."""
    for name in raw:
        query.param(name)  # unknown name → error listing the known ones
    out: dict[str, Identifier] = {}
    for p in query.params:
        value = raw.get(p.name, p.default)
        if value is None or value == "":
            if p.required:
                raise QueryError(f"query {query.name!r} needs --param {p.name}=… ({p.doc or p.kind})")
            continue
        out[p.variable] = resolve(p, value, store)
    return out


def specialise(query: SavedQuery, given: Mapping[str, object]) -> str:
    """The query text without the ``# if NAME`` lines of parameters that are not given, and without
    the ``# unless NAME`` lines of those that are (a ``bool`` parameter given false is not given)."""
    lines = []
    for line in query.text.splitlines(keepends=True):
        m = _CONDITIONAL.search(line)
        names = [name.strip() for name in m["names"].split(",")] if m else []
        if m and (not all(n in given for n in names) if m["word"] == "if" else any(n in given for n in names)):
            lines.append("\n")  # keep line numbers for error messages
            continue
        lines.append(line)
    return "".join(lines)


def prepare(query: SavedQuery, raw: Mapping[str, str], store=None) -> tuple[str, dict[str, Identifier]]:
    """(query text, bindings) ready to run: parameters resolved, conditional lines applied."""
    binds = bindings(query, raw, store)
    given = {p.name for p in query.params if p.variable in binds
             and not (p.kind == "bool" and not binds[p.variable].toPython())}
    return specialise(query, given), binds


def hidden_rows(query: SavedQuery, raw: Mapping[str, str], store, shown: int, timeout: float | None = None) -> int:
    """How many rows a query with an ``all`` switch hid (0 when it has none or it was given)."""
    if not any(p.name == "all" and p.kind == "bool" for p in query.params) or "all" in raw:
        return 0
    text, binds = prepare(query, {**raw, "all": "true"}, store)
    result = execute(store, text, binds, timeout=timeout)
    return max(len(result.bindings) - shown, 0)


def resolve(p: Param, value: str, store=None) -> Identifier:
    """A parameter value as the RDF term the query binds; a bad value raises QueryError."""
    try:
        return _resolve(p, value, store)
    except InputError as e:  # kg.params speaks of input; to a query it is a parameter error
        raise QueryError(str(e)) from None


def _resolve(p: Param, value: str, store=None) -> Identifier:
    if p.kind == "date":
        from kg import params

        return Literal(params.date(value, f"parameter {p.name}"))
    if p.kind == "bool":
        if value.strip().lower() not in _TRUE | _FALSE:
            raise QueryError(f"parameter {p.name}: {value!r} is not true or false")
        return Literal(value.strip().lower() in _TRUE)
    if p.kind == "int":
        try:
            return Literal(int(value))
        except ValueError:
            raise QueryError(f"parameter {p.name}: {value!r} is not an integer") from None
    if p.kind == "topic":
        return _topic(value, p.name)
    if p.kind == "entity":
        return _entity(value, store, p.name)
    return Literal(value)


def _topic(value: str, name: str = "topic") -> URIRef:
    from kg import params
    from kg.extract.topics import TopicScheme

    return URIRef(TopicScheme.load().iri(params.topic(value, f"parameter {name}")))


_ENTITY_NAMES = """
SELECT DISTINCT ?e ?name WHERE { GRAPH ?g { { ?e <https://schema.org/name> ?name }
  UNION { ?e <https://schema.org/alternateName> ?name } } }
"""


def _entity(value: str, store=None, name: str = "entity") -> URIRef:
    """KB names and aliases first, then names in the store, then spelling variants; a name that
    matches nothing in the store is an error with the closest names ("did you mean …?")."""
    if value.startswith(BASE + "entity/"):
        return URIRef(value)
    kb = default_kb()
    entry = kb.lookup(value)
    if entry:
        return entity_iri(entry.id)
    stored = [(str(e), str(n)) for e, n in store.query(_ENTITY_NAMES)] if store is not None else []
    if store is not None:
        target = normalise(value)
        names = [(e, normalise(n)) for e, n in stored]
        exact = sorted({e for e, n in names if n == target})
        if exact:
            return URIRef(exact[0])
        words = sorted({e for e, n in names if target in n.split() or n.endswith(" " + target)})
        if len(words) == 1:
            return URIRef(words[0])
    for typ in ("Person", "Organization", "Place"):
        entry = kb.fuzzy(value, typ)
        if entry:
            return entity_iri(entry.id)
    if store is not None:
        from kg import params

        hint = params.did_you_mean(value, [n for _, n in stored])
        raise QueryError(f"parameter {name}: no actor named {value!r} in the store{hint}")
    return entity_iri(slug(value))


_COMMENTS = re.compile(r"(?m)(<[^<>\s]*>)|#[^\n]*$")  # an IRI is kept whole: its "#" is no comment
_PROLOGUE = re.compile(r"(?is)^\s*(?:(?:PREFIX\s+[\w.-]*:\s*<[^>]*>|BASE\s*<[^>]*>)\s*)*")
_UPDATE = re.compile(r"(?i)\s*(INSERT|DELETE|DROP|CLEAR|LOAD|CREATE|ADD|MOVE|COPY|WITH)\b")


def execute(store, query_text: str, binds: Mapping[str, Identifier] | None = None, timeout: float | None = None) -> Result:
    """Run a query on the store; a timeout (seconds) raises QueryError, and so does an update."""
    update = _UPDATE.match(_PROLOGUE.sub("", _COMMENTS.sub(lambda m: m.group(1) or "", query_text)))
    if update:
        raise QueryError(f"SPARQL updates ({update.group(1).upper()}) are not accepted here: kg query only reads; "
                         "the graph changes through kg build, kg remove and kg load")
    if timeout is None:
        return store.query(query_text, binds)
    box: dict = {}

    def work():
        try:
            box["result"] = store.query(query_text, binds)
            if box["result"].type == "SELECT":
                box["result"].bindings  # noqa: B018 -- materialise inside the time limit
        except BaseException as e:  # handed to the caller's thread
            box["error"] = e

    thread = threading.Thread(target=work, daemon=True)
    thread.start()
    thread.join(timeout)
    if thread.is_alive():
        raise QueryError(f"query timed out after {timeout:g} s")
    if "error" in box:
        raise box["error"]
    return box["result"]


def render(result: Result, fmt: str = "table", limit: int | None = None, width: int = 80) -> str:
    """A result as text ending with a newline: SELECT in any of FORMATS, ASK as true/false,
    graphs as Turtle with kg's prefixes; table cells are cut at ``width`` (0: never)."""
    text = _render(result, fmt, limit, width)
    return text if text.endswith("\n") else text + "\n"


def _render(result: Result, fmt: str, limit: int | None, width: int) -> str:
    if result.type in {"CONSTRUCT", "DESCRIBE"}:
        from kg.graph.vocabulary import PREFIXES

        for prefix, iri in PREFIXES.items():
            result.graph.bind(prefix, iri, override=True, replace=True)
        return result.graph.serialize(format="turtle")
    if result.type == "ASK":
        if fmt in {"json", "xml", "csv", "tsv"}:
            return _serialize(result, fmt)
        return "true" if result.askAnswer else "false"
    if limit is not None:
        result.bindings = result.bindings[:limit]
    if fmt in {"csv", "tsv", "json", "xml"}:
        return _serialize(result, fmt)
    names = [str(v) for v in result.vars]
    rows = [["" if row.get(v) is None else str(row.get(v)) for v in result.vars] for row in result.bindings]
    if fmt == "md":
        esc = [[c.replace("|", "\\|").replace("\n", " ") for c in r] for r in rows]
        lines = ["| " + " | ".join(names) + " |", "|" + "---|" * len(names)]
        return "\n".join(lines + ["| " + " | ".join(r) + " |" for r in esc]) + "\n"
    return _table(names, rows, width)


def _serialize(result: Result, fmt: str) -> str:
    if fmt == "tsv":
        return _tsv(result)
    if result.type == "SELECT":  # rdflib's XML writer fails on an unbound value: leave it out
        result.bindings = [{k: v for k, v in b.items() if v is not None} for b in result.bindings]
    out = BytesIO()
    result.serialize(destination=out, format=fmt, encoding="utf-8")
    return out.getvalue().decode("utf-8")


def _tsv(result: Result) -> str:
    """W3C SPARQL 1.1 TSV results: ``?var`` headers, terms in Turtle syntax (rdflib has no writer)."""
    if result.type == "ASK":
        return f"{'true' if result.askAnswer else 'false'}\n"
    lines = ["\t".join(f"?{v}" for v in result.vars)]
    for row in result.bindings:
        cells = []
        for v in result.vars:
            term = row.get(v)
            if term is None:
                cells.append("")
            elif isinstance(term, Literal) and term.datatype == XSD.integer and str(term).lstrip("+-").isdigit():
                cells.append(str(term))  # Turtle's short form for integers
            else:
                cells.append(term.n3().replace("\t", "\\t").replace("\n", "\\n"))
        lines.append("\t".join(cells))
    return "\n".join(lines) + "\n"


def _table(names: list[str], rows: list[list[str]], width: int = 80) -> str:
    cells = [[c.replace("\n", " ") for c in r] for r in rows]
    widths = [max([len(n)] + [len(r[i]) for r in cells]) for i, n in enumerate(names)]
    if width > 0:
        widths = [min(width, w) for w in widths]

    def line(values):
        return "  ".join((v if len(v) <= w else v[: w - 1] + "…").ljust(w) for v, w in zip(values, widths)).rstrip()

    out = [line(names), "  ".join("-" * w for w in widths)] + [line(r) for r in cells]
    out.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(out) + "\n"


def describe_catalogue(queries: Mapping[str, SavedQuery]) -> str:
    """The `kg query --list` text: each query with its title, description and parameters."""
    out = []
    for q in queries.values():
        out.append(f"{q.name} — {q.title}")
        if q.description:
            out.append(f"    {q.description}")
        for p in q.params:
            flags = "required" if p.required else (f"default {p.default}" if p.default else "optional")
            out.append(f"    --param {p.name}=…  ({p.kind}, {flags}) {p.doc}")
        for example in q.examples:
            out.append(f"    e.g. {example}")
    return "\n".join(out)
