"""A synthetic kg store of any size, in the project's own model, cached on disk.

    python bench/synthetic_graph.py [--triples 1000000]

The five seed articles are extracted once with the real pipeline; then many variants of
each extraction are made with :func:`dataclasses.replace` and written with
:meth:`kg.store.Store.replace_article` (so :func:`kg.graph.mapping.extraction_to_triples`
produces every triple). A variant has

* a new article name and hash, and a publication date drawn uniformly over 2015–2025,
  every timex, claim and event date shifted by the same number of days;
* its entities redrawn from a pool of a few thousand synthetic actors (persons,
  organisations, places; Zipf-like frequencies, so a few are common and most are rare),
  except that each seed entity is kept with probability ``keep`` — so "Poutine" is in a
  fraction of the articles, as in a real corpus, and entity parameters are selective.

The store is cached under ``bench/.cache/`` keyed by the parameters and by a hash of the
seed extractions (a change to the extractors rebuilds it).
"""

from __future__ import annotations

import hashlib
import json
import random
import re
import shutil
import sys
import time
from dataclasses import dataclass, replace
from datetime import date, timedelta
from pathlib import Path

import click
import pyoxigraph as ox

ROOT = Path(__file__).resolve().parent.parent
CACHE = ROOT / "bench" / ".cache"
VERSION = 4  # bump when the generator, the mapping or resolution changes (4: lean article graphs, issue 15)

sys.path.insert(0, str(ROOT))
from kg.ingest import read_article  # noqa: E402
from kg.records import Extraction  # noqa: E402
from kg.resolve import resolve  # noqa: E402
from kg.store import Store  # noqa: E402

FIRST = (
    "Jean Marie Pierre Anne Michel Claire Luc Sophie Paul Julie Marc Isabelle Louis Camille Henri "
    "Nathalie Jacques Chantal Alain Aurélie Olivier Hélène Thierry Élodie Yves Manon Didier Agnès "
    "Rémi Laure Bruno Céline Hugo Inès Karim Leïla Mehdi Yasmine Igor Olga Sergueï Tatiana Li Wei "
    "Hans Greta Pedro Lucia Ahmed Fatima"
).split()
LAST = (
    "Martin Bernard Dubois Thomas Robert Richard Petit Durand Leroy Moreau Simon Laurent Lefebvre "
    "Michel Garcia David Bertrand Roux Vincent Fournier Morel Girard André Lefèvre Mercier Dupont "
    "Lambert Bonnet François Martinez Legrand Garnier Faure Rousseau Blanc Guérin Muller Henry "
    "Roussel Nicolas Perrin Morin Mathieu Clément Gauthier Dumont Lopez Fontaine Chevalier Robin"
).split()
ORG = (
    "Agence Banque Fondation Institut Conseil Ministère Comité Union Syndicat Parti Groupe Office "
    "Observatoire Alliance Commission"
).split()
PLACE = "Saint Mont Port Val Fort Bourg Pont Champ Bois Roche Lac Villers".split()
POOL = {"Person": 2000, "Organization": 600, "Place": 400}  # 3,000 synthetic actors
FIRST_DAY, LAST_DAY = date(2015, 1, 1), date(2025, 12, 31)
_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(.*)$")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_YEAR = re.compile(r"^(\d{4})$")


@dataclass(frozen=True)
class Actor:
    key: str
    label: str
    type: str


def actor_pool(seed: int) -> dict[str, list[Actor]]:
    """Synthetic actors by type, each with a unique key and label."""
    rng = random.Random(seed)
    pool: dict[str, list[Actor]] = {}
    names = [(f, n) for f in FIRST for n in LAST]
    rng.shuffle(names)
    pool["Person"] = [Actor(f"syn-person-{i}", f"{f} {n}", "Person") for i, (f, n) in enumerate(names[: POOL["Person"]])]
    orgs = [(o, n) for o in ORG for n in LAST]
    rng.shuffle(orgs)
    pool["Organization"] = [
        Actor(f"syn-org-{i}", f"{o} {n}", "Organization") for i, (o, n) in enumerate(orgs[: POOL["Organization"]])
    ]
    places = [(p, n) for p in PLACE for n in LAST]
    rng.shuffle(places)
    pool["Place"] = [Actor(f"syn-place-{i}", f"{p}-{n}", "Place") for i, (p, n) in enumerate(places[: POOL["Place"]])]
    return pool


def seed_extractions() -> list[Extraction]:
    """The seed articles, extracted once with the real pipeline."""
    from kg.pipeline import Pipeline

    pipeline = Pipeline()
    return [pipeline.extract(read_article(p)) for p in sorted((ROOT / "seeds").glob("*.txt"))]


def shift(value: str | None, days: int) -> str | None:
    """A TIMEX3 value moved by ``days`` (days, months and years alike); others unchanged."""
    if not value:
        return value
    if m := _DAY.match(value):
        try:
            d = date(int(m[1]), int(m[2]), int(m[3])) + timedelta(days)
        except ValueError:
            return value
        return d.isoformat() + m[4]
    if m := _MONTH.match(value):
        if not 1 <= int(m[2]) <= 12:
            return value
        d = date(int(m[1]), int(m[2]), 15) + timedelta(days)
        return f"{d.year:04d}-{d.month:02d}"
    if _YEAR.match(value):
        return f"{(date(int(value), 7, 1) + timedelta(days)).year:04d}"
    return value


class Variants:
    """Makes synthetic variants of seed extractions, reproducibly."""

    def __init__(self, keep: float = 0.15, seed: int = 3) -> None:
        self.keep = keep
        self.rng = random.Random(seed)
        self.pool = actor_pool(seed)
        # Zipf-like weights: the actor of rank r is drawn with weight 1 / (r + 1).
        self.weights = {t: [1 / (r + 1) for r in range(len(a))] for t, a in self.pool.items()}

    def _draw(self, typ: str) -> Actor:
        typ = typ if typ in self.pool else "Person"
        return self.rng.choices(self.pool[typ], self.weights[typ])[0]

    def make(self, x: Extraction, i: int) -> Extraction:
        rng = self.rng
        day = FIRST_DAY + timedelta(rng.randrange((LAST_DAY - FIRST_DAY).days + 1))
        days = (day - date.fromisoformat(x.article.published)).days if x.article.published else 0
        stem = Path(x.article.name).stem.split("_")[0]
        name = f"syn{i:06d}_{stem}.txt"
        article = replace(
            x.article,
            name=name,
            sha256=hashlib.sha256(name.encode()).hexdigest(),
            published=day.isoformat(),
            url=None,
        )

        types = {e.key: e.type for e in x.entities}
        types.update({e.place[0]: "Place" for e in x.events if e.place and e.place[0] not in types})
        keys = set(types) | {c.speaker_key for c in x.claims if c.speaker_key}
        keys |= {k for e in x.events for _, k, _ in e.actors}
        new: dict[str, Actor] = {}
        for key in sorted(keys):
            if rng.random() >= self.keep:
                new[key] = self._draw(types.get(key, "Person"))

        def key_of(k: str | None) -> str | None:
            return new[k].key if k in new else k

        def label_of(k: str | None, label: str | None) -> str | None:
            return new[k].label if k in new else label

        entities, seen = [], set()
        for e in x.entities:
            if e.key in new:
                a = new[e.key]
                if a.key in seen:  # two seed entities drawn onto the same actor
                    continue
                e = replace(e, key=a.key, label=a.label, type=a.type, aliases=(), wikidata=None, country=None, in_kb=False)
            seen.add(e.key)
            entities.append(e)
        return replace(
            x,
            article=article,
            entities=tuple(entities),
            mentions=tuple(replace(m, key=key_of(m.key), label=label_of(m.key, m.label)) for m in x.mentions),
            timexes=tuple(replace(t, value=shift(t.value, days)) for t in x.timexes),
            claims=tuple(
                replace(
                    c,
                    speaker_key=key_of(c.speaker_key),
                    speaker=label_of(c.speaker_key, c.speaker),
                    date=shift(c.date, days),
                )
                for c in x.claims
            ),
            events=tuple(
                replace(
                    e,
                    actors=tuple((r, key_of(k), label_of(k, lbl)) for r, k, lbl in e.actors),
                    place=(key_of(e.place[0]), label_of(e.place[0], e.place[1])) if e.place else None,
                    date=shift(e.date, days),
                )
                for e in x.events
            ),
        )


def cache_path(triples: int, keep: float, seed: int, seeds: list[Extraction]) -> Path:
    digest = hashlib.sha1(repr(seeds).encode()).hexdigest()[:10]
    return CACHE / f"synthetic-t{triples}-k{keep:g}-s{seed}-v{VERSION}-{digest}"


def generate(path: Path, seeds: list[Extraction], triples: int, keep: float = 0.15, seed: int = 3) -> dict:
    """Write variants of ``seeds`` into a new store at ``path`` until it holds ``triples`` quads."""
    variants = Variants(keep, seed)
    t0 = time.perf_counter()
    total = articles = 0
    with Store.open(path) as store:
        for x in seeds:  # the seeds themselves, as a real corpus would hold them
            total += store.replace_article(x)
            articles += 1
        while total < triples:
            x = variants.make(seeds[articles % len(seeds)], articles)
            total += store.replace_article(x)
            articles += 1
        t1 = time.perf_counter()
        resolved = resolve(store)  # the canonical and entities graphs, as `kg build` ends
        resolve_seconds = round(time.perf_counter() - t1, 1)
        quads = len(store)
    compact(path)
    return {
        "triples": quads,
        "articles": articles,
        "seconds": round(time.perf_counter() - t0, 1),
        "resolve_seconds": resolve_seconds,
        "events": resolved.events,
        "event_mentions": resolved.event_mentions,
        "claims": resolved.claims,
        "claim_mentions": resolved.claim_mentions,
        "keep": keep,
        "seed": seed,
        "actors": sum(POOL.values()),
    }


def compact(path: Path) -> None:
    """Flush the write-ahead log into compacted tables, as a long-lived store would be.

    Without this the store keeps ~0.7 GB of log that every read-only open has to replay.
    """
    store = ox.Store(str(path))
    store.optimize()
    store.flush()
    del store  # RocksDB releases the directory when the store is freed


def disk_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def synthetic_store(triples: int = 1_000_000, keep: float = 0.15, seed: int = 3, log=print) -> tuple[Path, dict]:
    """The path of a cached synthetic store (generated when missing) and its description."""
    seeds = seed_extractions()
    path = cache_path(triples, keep, seed, seeds)
    info_file = path / "synthetic.json"
    if info_file.exists():
        info = json.loads(info_file.read_text("utf-8"))
        log(f"synthetic store: cached at {path.relative_to(ROOT)}")
        return path, info
    log(f"synthetic store: generating ≥ {triples:,} triples into {path.relative_to(ROOT)} …")
    tmp = path.with_name(path.name + ".tmp")
    shutil.rmtree(tmp, ignore_errors=True)
    tmp.mkdir(parents=True)
    info = generate(tmp / "store", seeds, triples, keep, seed)
    info["bytes"] = disk_size(tmp / "store")
    (tmp / "synthetic.json").write_text(json.dumps(info, indent=2), "utf-8")
    for stale in CACHE.glob(path.name.rsplit("-", 1)[0] + "-*"):  # older seed extractions
        if stale != tmp:
            shutil.rmtree(stale, ignore_errors=True)
    tmp.rename(path)
    return path, info


@click.command()
@click.option("--triples", default=1_000_000, show_default=True, help="Minimum number of quads.")
@click.option("--keep", default=0.15, show_default=True, help="Probability of keeping each seed entity.")
@click.option("--seed", default=3, show_default=True)
def main(triples: int, keep: float, seed: int) -> None:
    path, info = synthetic_store(triples, keep, seed)
    print(json.dumps(info, indent=2))
    print(f"store: {path / 'store'}")


if __name__ == "__main__":
    main()
