"""The browser query page of ``kg serve``: the saved queries, each with a form for its parameters.

``kg serve`` writes this page (default ``exports/query.html``). It opens on the saved queries of
``queries/``: pick one, fill its parameters (topic, speaker or actor, since, until…) and the page
builds the query the way ``kg query`` does — the ``# if NAME`` lines of the parameters given, a
``VALUES`` block binding them, kg's prefixes declared once — sends it to the server's ``/query``
endpoint (CORS is allowed, so the page works from a file) and shows the answer as a table.
Names are resolved in the page from tables written into it: topics by id, French and English
label; actors by every name and alias the store and the knowledge base know. A link opens
Oxigraph's own YASGUI page for free-form SPARQL. ``page.html?query=NAME&PARAM=VALUE&run=1``
runs a query on load (what the page test does in headless Chromium).
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Mapping
from itertools import combinations

from kg.graph import vocabulary as v

__all__ = ["query_page"]

_PREFIX_LINE = re.compile(r"(?im)^\s*PREFIX\s+[\w.-]*:\s*<[^>]*>\s*\n")
PLACEHOLDER = "#kg-values#"


def _variants(saved) -> dict[str, str]:
    """Query text per set of given parameters (names joined by ","), with the place of the
    VALUES block marked and the query's own PREFIX lines left out (the page declares them once)."""
    from kg.bindings import _where_brace
    from kg.query import specialise

    required = [p.name for p in saved.params if p.required]
    optional = [p.name for p in saved.params if not p.required]
    out = {}
    for k in range(len(optional) + 1):
        for chosen in combinations(optional, k):
            given = {*required, *chosen}
            text = _PREFIX_LINE.sub("", specialise(saved, given)).strip() + "\n"
            at = _where_brace(text) if given else -1
            if at >= 0:
                text = f"{text[: at + 1]}\n  {PLACEHOLDER}{text[at + 1 :]}"
            key = ",".join(p.name for p in saved.params if p.name in given)
            out[key] = text
    return out


def query_page(base: str, catalogue: Mapping[str, object], entities: Mapping[str, str] | None = None,
               topics: Mapping[str, str] | None = None) -> str:
    """The HTML page for the server at ``base``: ``catalogue`` (name → SavedQuery), with name →
    IRI tables for actors (``entities``) and topics (``topics``), keys folded (lower case, no
    accents)."""
    queries = {
        name: {"title": saved.title, "description": saved.description,
               "params": [{"name": p.name, "kind": p.kind, "doc": p.doc, "required": p.required,
                           "variable": p.variable, "default": p.default} for p in saved.params],
               "variants": _variants(saved)}
        for name, saved in sorted(catalogue.items())
    }
    config = {"endpoint": f"{base}/query", "yasgui": f"{base}/", "prefixes": v.sparql_prefixes(),
              "placeholder": PLACEHOLDER, "queries": queries, "entities": dict(entities or {}),
              "topics": dict(topics or {})}
    # "</" inside a <script> would end it early; JSON allows "<\/" for it
    data = json.dumps(config, ensure_ascii=False).replace("</", "<\\/")
    return _TEMPLATE.replace("@TITLE@", html.escape(base)).replace("@DATA@", data)


_TEMPLATE = """<!DOCTYPE html>
<html lang="fr">
<head>
<meta charset="utf-8">
<title>kg — @TITLE@</title>
<style>
  body { font: 15px/1.4 system-ui, sans-serif; margin: 1.5em; }
  form { display: flex; flex-wrap: wrap; gap: .6em 1.2em; align-items: end; margin: .8em 0; }
  label { display: flex; flex-direction: column; font-size: 13px; }
  table { border-collapse: collapse; margin-top: .8em; }
  td, th { border: 1px solid #ccc; padding: .25em .5em; vertical-align: top; text-align: left; }
  #status.error { color: #b00; }
  textarea { width: 100%; height: 12em; font: 12px monospace; }
</style>
</head>
<body>
<h1>kg — saved queries</h1>
<p><label>Query <select id="query"></select></label> <span id="description"></span></p>
<form id="form"></form>
<p id="status"></p>
<table id="results"></table>
<details><summary>SPARQL sent</summary><textarea id="sparql" readonly></textarea></details>
<p><a id="yasgui">Free-form SPARQL (Oxigraph's YASGUI)</a></p>
<script id="kg-config" type="application/json">@DATA@</script>
<script>
const kg = JSON.parse(document.getElementById("kg-config").textContent);
const $ = (id) => document.getElementById(id);
// kg.extract.topics.fold: no accents, one apostrophe, œ as oe, one space, lower case
const fold = (s) => s.normalize("NFD").replace(/[\\u0300-\\u036f]/g, "").replace(/[’ʼ]/g, "'")
  .replace(/[œŒ]/g, "oe").replace(/\\s+/g, " ").toLowerCase().trim();
const iri = (s) => "<" + s + ">";
const literal = (s) => JSON.stringify(s);
$("yasgui").href = kg.yasgui;

function term(p, value) {
  const key = fold(value);
  if (p.kind === "entity") {
    if (kg.entities[key]) return iri(kg.entities[key]);
    throw new Error(`parameter ${p.name}: no actor named « ${value} »`);
  }
  if (p.kind === "topic") {
    for (const k of [key, key.replace(/s$/, ""), key + "s"]) if (kg.topics[k]) return iri(kg.topics[k]);
    throw new Error(`parameter ${p.name}: unknown topic « ${value} »`);
  }
  if (p.kind === "date") {
    if (/^\\d{4}(-\\d{2}(-\\d{2})?)?$/.test(value)) return literal(value);
    throw new Error(`parameter ${p.name}: « ${value} » is not a date (2024, 2024-06, 2024-06-18)`);
  }
  if (p.kind === "int") {
    if (/^-?\\d+$/.test(value)) return value;
    throw new Error(`parameter ${p.name}: « ${value} » is not an integer`);
  }
  return literal(value);
}

function sparql(name, values) {
  const q = kg.queries[name];
  const given = q.params.filter((p) => (values[p.name] ?? p.default ?? "") !== "");
  let text = q.variants[given.map((p) => p.name).join(",")];
  if (given.length) {
    const vars = given.map((p) => "?" + p.variable).join(" ");
    const terms = given.map((p) => term(p, values[p.name] || p.default)).join(" ");
    text = text.replace(kg.placeholder, `VALUES (${vars}) { (${terms}) }`);
  }
  return kg.prefixes + text;
}

function showForm(name, preset = {}) {
  const q = kg.queries[name];
  $("description").textContent = q.title || "";
  const form = $("form");
  form.innerHTML = "";
  for (const p of q.params) {
    const label = document.createElement("label");
    label.textContent = p.name + (p.required ? " *" : "");
    const input = document.createElement("input");
    input.name = p.name;
    input.placeholder = p.doc || p.kind;
    input.value = preset[p.name] || "";
    label.appendChild(input);
    form.appendChild(label);
  }
  const button = document.createElement("button");
  button.textContent = "Run";
  form.appendChild(button);
}

async function run() {
  const name = $("query").value;
  const values = Object.fromEntries(new FormData($("form")).entries());
  const status = $("status");
  status.className = "";
  $("results").innerHTML = "";
  let text;
  try {
    text = sparql(name, values);
  } catch (e) {
    status.className = "error";
    status.textContent = e.message;
    return;
  }
  $("sparql").value = $("sparql").textContent = text;
  status.textContent = "running…";
  const response = await fetch(kg.endpoint, {method: "POST", body: text, headers: {
    "Content-Type": "application/sparql-query", "Accept": "application/sparql-results+json"}});
  if (!response.ok) {
    status.className = "error";
    status.textContent = `the server answered ${response.status}: ${await response.text()}`;
    return;
  }
  const answer = await response.json();
  const vars = answer.head.vars, rows = answer.results.bindings;
  const table = $("results");
  const head = table.insertRow();
  for (const v of vars) head.appendChild(Object.assign(document.createElement("th"), {textContent: v}));
  for (const row of rows) {
    const tr = table.insertRow();
    for (const v of vars) tr.insertCell().textContent = row[v] ? row[v].value : "";
  }
  status.textContent = rows.length ? `${rows.length} row${rows.length > 1 ? "s" : ""}` : "no rows: nothing matches";
  status.dataset.rows = rows.length;
}

const url = new URLSearchParams(location.search);
for (const name of Object.keys(kg.queries)) $("query").add(new Option(name, name));
if (url.get("query") && kg.queries[url.get("query")]) $("query").value = url.get("query");
showForm($("query").value, Object.fromEntries(url.entries()));
$("query").addEventListener("change", () => showForm($("query").value));
$("form").addEventListener("submit", (e) => { e.preventDefault(); run(); });
if (url.get("run")) run();
</script>
</body>
</html>
"""
