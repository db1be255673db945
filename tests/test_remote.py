"""Issue 7: a real Oxigraph server (the `oxigraph` package) on a free loopback port —
push the seed graph, run every saved query remotely and compare with the local answers;
serve the store with `kg serve` and query it over HTTP."""

from __future__ import annotations

import csv
import io
import json
import re
import shlex
import shutil
import socket
import subprocess
import sys
import time
from collections import Counter
from contextlib import contextmanager
from pathlib import Path

import pytest
import urllib3
from click.testing import CliRunner

from kg.cli import cli
from tests.conftest import ROOT

OXIGRAPH = shutil.which("oxigraph", path=str(Path(sys.executable).parent)) or shutil.which("oxigraph")
KG = shutil.which("kg", path=str(Path(sys.executable).parent))


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_ready(url: str, process: subprocess.Popen, seconds: float = 30) -> None:
    http = urllib3.PoolManager(retries=False)
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        assert process.poll() is None, process.stderr.read().decode() if process.stderr else "server exited"
        try:
            if http.request("GET", url, fields={"query": "ASK {}"}).status == 200:
                return
        except urllib3.exceptions.HTTPError:
            pass
        time.sleep(0.2)
    raise AssertionError(f"{url} did not answer in {seconds} s")


@contextmanager
def oxigraph_server(location: Path):
    """A read-write Oxigraph server on a fresh database at ``location``; yields its base URL."""
    port = free_port()
    process = subprocess.Popen([OXIGRAPH, "serve", "--location", str(location), "--bind", f"127.0.0.1:{port}"],
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    try:
        wait_ready(f"{base}/query", process)
        yield base
    finally:
        process.terminate()
        process.wait(10)


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    with oxigraph_server(tmp_path_factory.mktemp("oxigraph") / "db") as base:
        yield base


@pytest.fixture(scope="module")
def pushed(server, seed_store_path):
    first = CliRunner().invoke(cli, ["push", "--store", str(seed_store_path), "--endpoint", f"{server}/store"])
    again = CliRunner().invoke(cli, ["push", "--store", str(seed_store_path), "--endpoint", f"{server}/store"])
    return server, first, again


def rows(args: list[str]) -> Counter:
    result = CliRunner().invoke(cli, ["query", *args, "--format", "csv"])
    assert result.exit_code == 0, result.output
    return Counter(tuple(r) for r in csv.reader(io.StringIO(result.stdout)))


def examples() -> list[list[str]]:
    from kg import query as q

    out = []
    for saved in q.catalogue().values():
        for line in saved.examples:
            out.append(shlex.split(line)[2:])  # drop "kg query"
    return out


def test_push_sends_every_graph_then_only_changes(pushed):
    _, first, again = pushed
    assert first.exit_code == 0, first.output
    # 5 articles + the topic scheme + the derived entities and canonical graphs (issue 12)
    assert first.stderr.startswith("8 graphs sent (")
    assert again.stderr.startswith("0 graphs sent") and "8 unchanged" in again.stderr  # skipped by hash


def test_remote_holds_the_same_quads(pushed, seed_store_path):
    from kg.store import Store

    server, _, _ = pushed
    remote = CliRunner().invoke(cli, ["query", "--endpoint", f"{server}/query", "--format", "csv",
                                      "-e", "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"])
    with Store.open(seed_store_path, read_only=True) as store:
        local = len(store)
    assert remote.stdout.splitlines()[1] == str(local)


@pytest.mark.parametrize("args", examples(), ids=lambda a: " ".join(a))
def test_every_saved_query_answers_the_same_remotely(pushed, seed_store_path, args):
    server, _, _ = pushed
    local = rows([*args, "--store", str(seed_store_path)])
    remote = rows([*args, "--endpoint", f"{server}/query"])
    assert remote == local


def test_most_examples_have_rows_so_the_comparison_means_something(seed_store_path):
    with_rows = [a for a in examples() if sum(rows([*a, "--store", str(seed_store_path)]).values()) > 1]
    assert len(with_rows) >= len(examples()) - 2


def test_remote_errors_are_one_line(server):
    bad = CliRunner().invoke(cli, ["query", "--endpoint", f"{server}/query", "-e", "SELECT WHERE {"])
    assert bad.exit_code == 1 and bad.output.startswith("Error: ") and len(bad.output.strip().splitlines()) == 1
    down = CliRunner().invoke(cli, ["query", "--endpoint", f"http://127.0.0.1:{free_port()}/query",
                                    "-e", "ASK {}", "--timeout", "2"])
    assert down.exit_code == 1 and "cannot reach the SPARQL server" in down.output


def test_kg_serve_answers_the_sparql_protocol(tmp_path, seed_store_path):
    store = tmp_path / "served"
    shutil.copytree(seed_store_path, store)
    port = free_port()
    page_path = tmp_path / "query.html"
    process = subprocess.Popen([KG, "serve", "--store", str(store), "--port", str(port), "--page", str(page_path)],
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    try:
        wait_ready(f"{base}/query", process)
        http = urllib3.PoolManager()
        count = "SELECT (COUNT(*) AS ?n) WHERE { ?s a <https://schema.org/NewsArticle> }"
        as_json = http.request("GET", f"{base}/query", fields={"query": count},
                               headers={"Accept": "application/sparql-results+json"})
        assert as_json.status == 200
        assert json.loads(as_json.data)["results"]["bindings"][0]["n"]["value"] == "5"
        as_csv = http.request("POST", f"{base}/query", body=count.encode(),
                              headers={"Content-Type": "application/sparql-query", "Accept": "text/csv"})
        assert as_csv.data.decode().splitlines() == ["n", "5"]
        update = http.request("POST", f"{base}/update", body=b"CLEAR ALL",
                              headers={"Content-Type": "application/sparql-update"})
        assert update.status >= 400  # read-only by default
        page = http.request("GET", f"{base}/")
        assert page.status == 200 and b"<html" in page.data.lower() and b"yasgui" in page.data.lower()
        # the page kg writes loads YASGUI from the server and queries it across origins (CORS)
        assert http.request("GET", f"{base}/yasgui.min.js").status == 200
        cors = http.request("GET", f"{base}/query", fields={"query": "ASK {}"}, headers={"Origin": "null"})
        assert cors.headers.get("Access-Control-Allow-Origin") in ("*", "null")
        assert page_path.exists() and f'"endpoint": "{base}/query"' in page_path.read_text(encoding="utf-8")
    finally:
        process.terminate()
        _, err = process.communicate(timeout=10)
    # kg says one line at start-up (the saved queries are on the page, not printed as links)
    ours = [line for line in err.decode().splitlines() if line.startswith("kg:")]
    assert len(ours) == 1 and f"at {base}/ (read-only" in ours[0] and "query?query=" not in err.decode()
    assert all(name in page_path.read_text(encoding="utf-8") for name in ("who-said-what", "timeline", "actor"))


def test_push_through_a_sparql_update_endpoint(tmp_path, seed_store_path):
    with oxigraph_server(tmp_path / "db") as base:
        first = CliRunner().invoke(cli, ["push", "--store", str(seed_store_path), "--update-endpoint", f"{base}/update"])
        assert first.exit_code == 0 and first.stderr.startswith("8 graphs sent"), first.output
        local = rows(["who-said-what", "-p", "topic=sanctions", "--store", str(seed_store_path)])
        assert rows(["who-said-what", "-p", "topic=sanctions", "--endpoint", f"{base}/query"]) == local
        again = CliRunner().invoke(cli, ["push", "--store", str(seed_store_path), "--update-endpoint", f"{base}/update"])
        assert "0 graphs sent" in again.stderr and "8 unchanged" in again.stderr


def test_query_page_carries_every_saved_query_with_its_parameters():
    """Every saved query is on the page, with a text per set of given parameters that is valid
    SPARQL once kg's prefixes are declared (once) and the VALUES block filled."""
    from rdflib.plugins.sparql import prepareQuery

    from kg import query as q
    from kg.page import PLACEHOLDER, query_page

    catalogue = q.catalogue()
    page = query_page("http://127.0.0.1:7878", catalogue, {"poutine": "https://kg.example.org/entity/vladimir-poutine"},
                      {"sanctions": "https://kg.example.org/topic/sanctions"})
    config = json.loads(re.search(r'<script id="kg-config" type="application/json">(.*?)</script>', page, re.S)[1])
    assert config["endpoint"] == "http://127.0.0.1:7878/query" and sorted(config["queries"]) == sorted(catalogue)
    for name, saved in catalogue.items():
        variants = config["queries"][name]["variants"]
        optional = [p for p in saved.params if not p.required]
        assert len(variants) == 2 ** len(optional)
        for key, text in variants.items():
            assert "PREFIX" not in text  # declared once, by the page
            given = [p for p in saved.params if p.name in key.split(",")]
            filled = text.replace(PLACEHOLDER, "VALUES ({}) {{ ({}) }}".format(
                " ".join("?" + p.variable for p in given), " ".join('"x"' for _ in given)))
            prepareQuery(config["prefixes"] + filled)


# --- serving, as a new user meets it (issue 14) ------------------------------------------------


def test_busy_port_is_one_line(tmp_path, seed_store_path):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        out = subprocess.run([KG, "serve", "--store", str(seed_store_path), "--port", str(port),
                              "--page", str(tmp_path / "q.html")], capture_output=True, text=True, timeout=60)
    assert out.returncode == 1
    assert out.stderr.strip().splitlines() == [
        f"Error: port {port} on 127.0.0.1 is in use: choose another with --port (--port 0 picks a free one)"]


def test_port_0_serves_on_a_free_port_said_in_one_line_and_holds_the_store(tmp_path, seed_store_path):
    store = tmp_path / "served"
    shutil.copytree(seed_store_path, store)
    process = subprocess.Popen([KG, "serve", "--store", str(store), "--port", "0", "--page", str(tmp_path / "q.html")],
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        first = process.stderr.readline()
        m = re.search(r"at http://127\.0\.0\.1:(\d+)/ ", first)
        assert m and int(m.group(1)) > 0, first
        wait_ready(f"http://127.0.0.1:{m.group(1)}/query", process)
        # a build while the server holds the store is refused in one line, and writes nothing
        build = CliRunner().invoke(cli, ["build", str(ROOT / "seeds"), "--store", str(store), "--force"])
        assert build.exit_code == 1
        assert build.output.strip().splitlines()[-1].startswith(
            f"Error: store {store} is being served by kg serve (pid {process.pid})")
    finally:
        process.terminate()
        process.wait(timeout=30)
    # once the server is gone, writing works again
    assert CliRunner().invoke(cli, ["resolve", "--store", str(store)]).exit_code == 0
