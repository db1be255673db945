"""`kg query`: saved names, files, stdin and -e; parameters; formats; errors."""

from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET

import pytest
from click.testing import CliRunner

from kg.cli import cli
from kg.query import Param, parse, resolve

COUNT = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"


@pytest.fixture(scope="module")
def store(seed_store_path):
    return str(seed_store_path)


def run(store, *args, input=None):
    return CliRunner().invoke(cli, ["query", "--store", store, *args], input=input)


def test_expression_and_formats(store):
    table = run(store, "-e", COUNT)
    assert table.exit_code == 0 and table.stdout.splitlines()[0].strip() == "n"
    n = int(table.stdout.splitlines()[2])
    assert n > 5000
    as_json = json.loads(run(store, "-e", COUNT, "--format", "json").stdout)
    assert as_json["head"]["vars"] == ["n"] and int(as_json["results"]["bindings"][0]["n"]["value"]) == n
    rows = list(csv.reader(io.StringIO(run(store, "-e", COUNT, "--format", "csv").stdout)))
    assert rows == [["n"], [str(n)]]
    tsv = run(store, "-e", COUNT, "--format", "tsv").stdout.splitlines()
    assert tsv[0] == "?n" and tsv[1].startswith(str(n))
    root = ET.fromstring(run(store, "-e", COUNT, "--format", "xml").stdout)
    assert root.tag == "{http://www.w3.org/2005/sparql-results#}sparql"
    md = run(store, "-e", COUNT, "--format", "md").stdout.splitlines()
    assert md[0] == "| n |" and md[2] == f"| {n} |"


def test_ask_construct_describe(store):
    assert run(store, "-e", "ASK { GRAPH ?g { ?s a <https://kg.example.org/ns#Claim> } }").stdout.strip() == "true"
    ttl = run(store, "-e", "CONSTRUCT { ?e <https://schema.org/name> ?n } WHERE { GRAPH ?g { ?e <https://schema.org/name> ?n } } LIMIT 3")
    assert ttl.exit_code == 0 and "schema:name" in ttl.stdout or "<https://schema.org/name>" in ttl.stdout
    desc = run(store, "-e", "DESCRIBE <https://kg.example.org/entity/vladimir-poutine>")
    assert desc.exit_code == 0


def test_limit_and_stdin_and_file(store, tmp_path):
    q = "SELECT DISTINCT ?name WHERE { GRAPH ?g { ?e <https://schema.org/name> ?name } } ORDER BY ?name"
    limited = run(store, "-e", q, "--limit", "2", "--format", "csv").stdout.splitlines()
    assert len(limited) == 3
    assert run(store, "-", "--format", "csv", input=q).stdout.splitlines()[1:3] == limited[1:]
    f = tmp_path / "names.rq"
    f.write_text("# title: Names\n" + q, "utf-8")
    assert run(store, str(f), "--format", "csv", "--limit", "2").stdout.splitlines() == limited


def test_malformed_query_reports_line_and_column(store):
    result = run(store, "-e", "SELECT ?x WHERE {\n  ?x ?y }")
    assert result.exit_code == 1
    assert "2:" in result.stderr and result.stderr.startswith("Error: ")


def test_unknown_query_name_lists_the_catalogue(store):
    result = run(store, "no-such-query")
    assert result.exit_code == 1
    assert "no saved query 'no-such-query'; saved queries:" in result.stderr
    assert "who-said-what" in result.stderr


def test_unknown_parameter_lists_the_known_ones(store):
    result = run(store, "who-said-what", "--param", "colour=red")
    assert result.exit_code == 1
    assert "has no parameter 'colour'; its parameters: " in result.stderr and "topic" in result.stderr


def test_bad_param_syntax_and_bad_date(store):
    assert run(store, "who-said-what", "--param", "topic").exit_code == 2
    bad = run(store, "who-said-what", "--param", "since=2024-13")
    assert bad.exit_code == 1 and "parameter since: '2024-13' is not a calendar date" in bad.stderr
    bad = run(store, "who-said-what", "--param", "since=un jour peut-être")
    assert bad.exit_code == 1 and "is not a date (2024, 2024-06" in bad.stderr


def test_list_shows_catalogue(store):
    out = CliRunner().invoke(cli, ["query", "--list"]).stdout
    assert "who-said-what — Who said what" in out and "--param topic=" in out


def test_required_parameter():
    q = parse(__import__("pathlib").Path("x.rq"), "# title: T\n# param: actor (entity, required) — who\nSELECT * WHERE { ?a ?b ?c }")
    from kg.errors import QueryError
    from kg.query import bindings

    with pytest.raises(QueryError, match="needs --param actor="):
        bindings(q, {})


def test_injection_is_just_a_string(store):
    before = run(store, "-e", COUNT, "--format", "csv").stdout
    evil = 'x" } ; DROP ALL ; #'
    q = "SELECT ?s WHERE { GRAPH ?g { ?s <https://schema.org/name> ?name } FILTER(?name = ?needle) }"
    out = CliRunner().invoke(cli, ["query", "--store", store, "-e", "# param: needle (string)\n" + q, "-p", f"needle={evil}", "--format", "csv"])
    assert out.exit_code == 0, out.output
    assert out.stdout.splitlines() == ["s"]
    assert run(store, "-e", COUNT, "--format", "csv").stdout == before


@pytest.mark.parametrize("value, expected", [("2024", "2024"), ("2024-06", "2024-06"), ("2024-06-18", "2024-06-18")])
def test_date_params(value, expected):
    assert str(resolve(Param("since", "date"), value)) == expected


@pytest.mark.parametrize("name", ["Poutine", "Putin", "Vladimir Poutine", "vladimir poutine"])
def test_entity_params_resolve_the_way_people_type(name):
    assert str(resolve(Param("actor", "entity"), name)) == "https://kg.example.org/entity/vladimir-poutine"


@pytest.mark.parametrize("name", ["sanctions", "Sanctions", "sanction"])
def test_topic_params(name):
    assert str(resolve(Param("topic", "topic"), name)) == "https://kg.example.org/topic/sanctions"


def test_timeout(store):
    heavy = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?a ?b ?c } GRAPH ?h { ?d ?e ?f } }"
    result = run(store, "-e", heavy, "--timeout", "0.05")
    assert result.exit_code == 1 and result.stderr.strip() == "Error: query timed out after 0.05 s"


def test_conditional_lines_follow_given_parameters():
    from pathlib import Path

    from kg.query import specialise

    q = parse(Path("x.rq"), "# title: T\n# param: who (entity, optional)\nSELECT * WHERE {\n  ?c <p> ?who .  # if who\n  ?c <q> ?x .\n}\n")
    without = specialise(q, set())
    assert "?who" not in without and without.count("\n") == q.text.count("\n")  # line numbers kept
    assert "?c <p> ?who" in specialise(q, {"who"})


@pytest.mark.parametrize("fmt", ["json", "xml", "csv", "tsv", "table", "md"])
def test_every_format_ends_with_a_newline(store, fmt):
    out = run(store, "who-said-what", "--param", "topic=sanctions", "--format", fmt)
    assert out.exit_code == 0 and out.stdout.endswith("\n") and not out.stdout.endswith("\n\n\n")


def test_table_width_can_be_widened(store):
    cut = run(store, "who-said-what", "--param", "topic=sanctions")
    whole = run(store, "who-said-what", "--param", "topic=sanctions", "--width", "0")
    assert "…" in cut.stdout and max(map(len, whole.stdout.splitlines())) > max(map(len, cut.stdout.splitlines()))
    assert "…" not in whole.stdout.split("\n", 2)[2].replace("...", "")


def test_construct_uses_kg_prefixes(store):
    out = run(store, "-e", "CONSTRUCT { ?s ?p ?o } WHERE { GRAPH <https://kg.example.org/graph/canonical> "
                           "{ ?s ?p ?o } } LIMIT 20")
    assert out.exit_code == 0 and "ns1:" not in out.stdout and "@prefix kg: <https://kg.example.org/ns#>" in out.stdout


def test_the_timeline_says_how_many_rows_it_hid(store):
    """Issue 21: hidden rows are counted on stderr (stdout stays the table); all=true shows them all."""
    shown = run(store, "timeline", "--format", "csv")
    every = run(store, "timeline", "-p", "all=true", "--format", "csv")
    n_shown, n_every = len(shown.stdout.splitlines()) - 1, len(every.stdout.splitlines()) - 1
    assert shown.exit_code == 0 and n_every > n_shown > 0
    assert shown.stderr.strip() == f"{n_every - n_shown} more rows hidden as not salient: add -p all=true to show them"
    assert every.stderr == ""
