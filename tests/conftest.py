"""Shared fixtures: the French pipeline loaded once per session, seed paths, a temp store."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
DATA = Path(__file__).resolve().parent / "data"


def _timebank() -> Path:
    from kg.eval.corpora import timebank_dir

    return timebank_dir()


TIMEBANK = _timebank()
requires_timebank = pytest.mark.skipif(
    not TIMEBANK.is_dir(),
    reason=f"French TimeBank not found at {TIMEBANK}: third-party corpora are read from ../shared, never copied")


def article_graphs(store) -> dict[str, set[bytes]]:
    """Article graph IRI → its triples as N-Triples lines: what two stores are compared by."""
    from kg.graph.vocabulary import article_name_from_graph

    return {g: set(store.graph_ntriples(g)[0].splitlines()) for g in store.graph_hashes()
            if article_name_from_graph(g)}


def seed_path(prefix: str) -> Path:
    """The seed article whose file name starts with prefix ("000", "002"…)."""
    return next(SEEDS.glob(f"{prefix}_*.txt"))


@pytest.fixture(scope="session")
def nlp():
    from kg.nlp import load

    return load()


@pytest.fixture(scope="session")
def pipeline():
    """The process-wide pipeline, shared with library calls that load it themselves."""
    from kg.pipeline import default_pipeline

    return default_pipeline()


@pytest.fixture(scope="session")
def seed_extractions(pipeline):
    """Extraction of each seed article, by prefix ("000" … "004")."""
    from kg.ingest import read_article

    return {p.name[:3]: pipeline.extract(read_article(p)) for p in sorted(SEEDS.glob("*.txt"))}


@pytest.fixture
def store_path(tmp_path):
    return tmp_path / "store"


@pytest.fixture(scope="session")
def seed_store_path(tmp_path_factory, pipeline):
    """A store built once from seeds/, for tests that only read it."""
    from kg.build import build
    from kg.store import Store

    path = tmp_path_factory.mktemp("seed-store") / "kg"
    with Store.open(path) as store:
        build([SEEDS], store, pipeline)
    return path
