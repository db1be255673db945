"""The query page of ``kg serve`` in headless Chromium (issue 14): it opens on the saved queries,
fills a query's parameters from its form (here from the URL), declares kg's prefixes once, sends
the query to the server and shows the answer of "who said what about sanctions"."""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest

from tests.test_remote import KG, wait_ready

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")


@pytest.fixture(scope="module")
def served(tmp_path_factory, seed_store_path):
    if CHROMIUM is None:
        pytest.skip("no Chromium: `make test` installs Debian's chromium when it can")
    folder = tmp_path_factory.mktemp("page")
    store = folder / "store"
    shutil.copytree(seed_store_path, store)
    page = folder / "query.html"
    process = subprocess.Popen([KG, "serve", "--store", str(store), "--port", "0", "--page", str(page)],
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    first = process.stderr.readline()
    port = re.search(r"127\.0\.0\.1:(\d+)/", first).group(1)
    wait_ready(f"http://127.0.0.1:{port}/query", process)
    yield page
    process.terminate()
    process.wait(timeout=30)


def dom(page, query: str) -> str:
    out = subprocess.run([CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--virtual-time-budget=15000",
                          "--dump-dom", f"{page.as_uri()}?{query}"], capture_output=True, text=True, timeout=120)
    return out.stdout


def test_page_answers_who_said_what_about_sanctions(served):
    html = dom(served, "query=who-said-what&topic=sanctions&run=1")
    assert 'data-rows="6">6 rows<' in html
    assert "Jens Stoltenberg" in html and "Les responsables d’État" in html
    sent = re.search(r'<textarea id="sparql" readonly="">(.*?)</textarea>', html, re.S).group(1)
    assert sent.count("PREFIX kg:") == 1 and "VALUES (?topic)" in sent


def test_page_opens_on_the_saved_queries_with_their_forms(served):
    html = dom(served, "query=timeline")
    options = re.findall(r'<option value="([\w-]+)"', html)
    assert {"who-said-what", "timeline", "actor", "sources"} <= set(options)
    assert {"actor", "since", "until", "topic"} <= set(re.findall(r'<input name="(\w+)"', html))


def test_page_says_an_unknown_topic(served):
    html = dom(served, "query=who-said-what&topic=restrictionz&run=1")
    assert re.search(r'id="status" class="error"[^>]*>parameter topic: unknown topic « restrictionz »', html)
