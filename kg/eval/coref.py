"""Cross-document coreference of events and claims, scored as for ECB+ (MUC, B³, CEAF-e, CoNLL F1).

The gold (``tests/data/coref-gold/annotations.jsonl``, annotated blind) groups event triggers
and claim contents into clusters, one per real-world happening or statement. kg's mentions are
aligned to gold mentions by overlapping spans (an event's trigger, a claim's content); the
scores are computed on the aligned mentions, with the share of gold mentions kg found reported
beside them — so they measure resolution, not extraction. The *singleton baseline* (every
mention its own node: kg before resolution) is scored on the same mentions.

Splits: ``seeds`` (the five seed articles: read while developing, **dev**) and ``ftb`` (12
French TimeBank documents, within-document coreference: **held out**, scored as first seen).
"""

from __future__ import annotations

import json
import tempfile
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import networkx as nx

from kg.errors import InputError
from kg.eval.metrics import f1

Clusters = list[set[tuple]]
DEFAULT_GOLD = Path(__file__).resolve().parents[2] / "tests" / "data" / "coref-gold" / "annotations.jsonl"
COREF_NOTES = (
    "`kg eval coref` against the blind gold of `tests/data/coref-gold/` (a helper who never ran kg): "
    "**seeds** = the five seed articles, cross-article, development (read while the rules were "
    "written); **ftb** = 12 French TimeBank documents, within-document, held out (first-sight "
    "scores). kg's mentions are aligned one-to-one to gold mentions by overlapping spans; scores "
    "are on aligned mentions. The baseline is one node per mention (kg before resolution)."
)


@dataclass(frozen=True)
class Scores:
    muc: float
    b3: float
    ceafe: float

    @property
    def conll(self) -> float:
        return (self.muc + self.b3 + self.ceafe) / 3


def muc(key: Clusters, response: Clusters) -> float:
    def recall(k: Clusters, r: Clusters) -> float:
        where = {m: i for i, c in enumerate(r) for m in c}
        num = sum(len(c) - len({where.get(m, ("alone", m)) for m in c}) for c in k)
        den = sum(len(c) - 1 for c in k)
        return num / den if den else 1.0
    return f1(recall(response, key), recall(key, response))


def b_cubed(key: Clusters, response: Clusters) -> float:
    def recall(k: Clusters, r: Clusters) -> float:
        where = {m: c for c in r for m in c}
        mentions = [m for c in k for m in c]
        total = sum(len(c & where.get(m, {m})) / len(c) for c in k for m in c)
        return total / len(mentions) if mentions else 1.0
    return f1(recall(response, key), recall(key, response))


def ceaf_e(key: Clusters, response: Clusters) -> float:
    g = nx.Graph()
    for i, k in enumerate(key):
        for j, r in enumerate(response):
            if sim := 2 * len(k & r) / (len(k) + len(r)):
                g.add_edge(("k", i), ("r", j), weight=sim)
    best = sum(g[a][b]["weight"] for a, b in nx.max_weight_matching(g))
    return f1(best / len(response) if response else 0.0, best / len(key) if key else 0.0)


def score(key: Clusters, response: Clusters) -> Scores:
    return Scores(muc(key, response), b_cubed(key, response), ceaf_e(key, response))


@dataclass
class CorefReport:
    split: str
    kind: str
    gold_mentions: int
    aligned: int
    gold_clusters: int
    kg: Scores
    singletons: Scores


def read_gold(path: Path) -> list[dict]:
    try:
        return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    except (OSError, json.JSONDecodeError) as e:
        raise InputError(f"{path}: cannot read the coreference gold ({e})") from e


def _system(split: str, seeds: Path, timebank: Path | None, docs: set[str], pipeline) -> tuple:
    """The resolution of the split's documents: a temporary store built the way `kg build` does."""
    from kg.build import build
    from kg.eval.timeml import extract_documents, read_timeml
    from kg.resolve import resolution, resolve
    from kg.store import Store

    with tempfile.TemporaryDirectory() as tmp, Store.open(Path(tmp) / "kg") as store:
        if split == "seeds":
            build([seeds / d for d in sorted(docs)], store, pipeline)
        else:
            if timebank is None:
                raise InputError("the ftb split needs French TimeBank (../shared/eval/french-timebank)")
            found = {d: next(timebank.rglob(d), None) for d in sorted(docs)}
            if missing := [d for d, f in found.items() if f is None]:
                raise InputError(f"{timebank}: the gold's documents are not there ({', '.join(missing[:3])}…)")
            tml = [read_timeml(f) for f in found.values()]
            for _, x in extract_documents(tml, pipeline):
                store.replace_article(x)
            resolve(store)
        return resolution(store)


def _spans(r, kind: str) -> list[tuple[str, int, int, int]]:
    """(document, start, end, cluster) of kg's mentions of one kind."""
    out = []
    clusters = r.events if kind == "event" else r.claims
    for i, c in enumerate(clusters):
        for m in c.mentions:
            doc = m.article.rsplit("/", 1)[-1]
            if kind == "event":
                out.append((doc, m.start, m.start + len(m.trigger), i))
            else:
                out.append((doc, m.content_start, m.content_end, i))
    return out


def _align(gold: list[tuple[str, dict]], system: dict[str, list[tuple[int, int, int]]], split: str):
    """(gold cluster, mention, kg cluster) for one-to-one pairs of overlapping spans, the
    largest overlaps first."""
    pairs = []
    for n, (cid, m) in enumerate(gold):
        doc = m["doc"].removesuffix(".tml") if split == "ftb" else m["doc"]
        for k, (s, e, c) in enumerate(system.get(doc, ())):
            if (overlap := min(e, m["end"]) - max(s, m["start"])) > 0:
                pairs.append((-overlap, n, (doc, k), cid, (doc, m["start"], m["end"]), c))
    used_gold, used_system = set(), set()
    for _, n, k, cid, mention, c in sorted(pairs):
        if n not in used_gold and k not in used_system:
            used_gold.add(n)
            used_system.add(k)
            yield cid, mention, c


def evaluate(records: Iterable[dict], split: str, seeds: Path, timebank: Path | None, pipeline=None) -> list[CorefReport]:
    records = [r for r in records if r["corpus"] == split]
    docs = {m["doc"] for r in records for m in r["mentions"]}
    r = _system(split, seeds, timebank, docs, pipeline)
    reports = []
    for kind in ("event", "claim"):
        gold = [(c["cluster"], m) for c in records if c["kind"] == kind for m in c["mentions"]]
        system = defaultdict(list)
        for doc, start, end, cluster in _spans(r, kind):
            system[doc.removesuffix(".tml") if split == "ftb" else doc].append((start, end, cluster))
        key: dict[str, set] = defaultdict(set)
        response: dict[int, set] = defaultdict(set)
        for cid, mention, c in _align(gold, system, split):
            key[cid].add(mention)
            response[c].add(mention)
        key_c, resp_c = list(key.values()), list(response.values())
        alone = [{m} for c in key_c for m in c]
        reports.append(CorefReport(split, kind, len(gold), sum(len(c) for c in key_c),
                                   len({cid for cid, _ in gold}), score(key_c, resp_c), score(key_c, alone)))
    return reports


def table(reports: list[CorefReport]) -> str:
    lines = ["| split | kind | gold mentions | aligned | MUC | B³ | CEAF-e | CoNLL F1 | singleton baseline CoNLL (B³) |",
             "|---|---|---:|---:|---:|---:|---:|---:|---:|"]
    for r in reports:
        lines.append(f"| {r.split} | {r.kind} | {r.gold_mentions} | {r.aligned} | {r.kg.muc:.3f} | {r.kg.b3:.3f} | "
                     f"{r.kg.ceafe:.3f} | **{r.kg.conll:.3f}** | {r.singletons.conll:.3f} ({r.singletons.b3:.3f}) |")
    return "\n".join(lines)
