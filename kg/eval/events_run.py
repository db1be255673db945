"""``kg eval events``: which corpora are scored, and how the result is printed."""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from pathlib import Path

from kg.errors import InputError
from kg.eval.audit import AuditReport, audit_table, corpus_rows, evaluate_audit, news_texts, timebank_texts
from kg.eval.corpora import timebank_dir, timebank_splits
from kg.eval.events import (
    GoldReport,
    TimebankReport,
    evaluate_gold,
    evaluate_timebank,
    gold_table,
    read_gold,
    timebank_table,
)

__all__ = ["DEFAULT_GOLD", "event_reports", "run_event_evals"]

DEFAULT_GOLD = Path(__file__).resolve().parents[2] / "tests" / "data" / "events-gold"
AUDITS = DEFAULT_GOLD.parent / "events-audit"


def event_reports(timebank: Path | None = None, golds: Sequence[Path] = (), pipeline=None, news: Path | None = None
                  ) -> dict[str, TimebankReport | GoldReport | AuditReport]:
    """French TimeBank's dev and held-out thirds, then every gold file, then the timeline audits
    (French TimeBank's thirds; the judged news articles when ``news`` holds their texts), by corpus label."""
    folder = Path(timebank or timebank_dir())
    if not folder.is_dir():
        raise InputError(f"{folder}: French TimeBank not found (give --timebank, or put it in ../shared)")
    names = [p.stem for p in folder.rglob("*.tml")]
    splits = timebank_splits(names)
    out: dict[str, TimebankReport | GoldReport] = {
        "French TimeBank events: dev": evaluate_timebank(
            folder, pipeline, {n for n, s in splits.items() if s != "heldout"}),
        "French TimeBank events: held-out": evaluate_timebank(
            folder, pipeline, {n for n, s in splits.items() if s == "heldout"}),
    }
    for g in golds or sorted(DEFAULT_GOLD.glob("*.jsonl")):
        if not golds and not {e.doc for e in read_gold(g)} <= set(names):
            continue  # the default gold annotates French TimeBank documents this folder does not hold
        out[f"events gold: {Path(g).stem}"] = evaluate_gold(g, folder, pipeline)
    # ftb-dev.jsonl, ftb-heldout.jsonl, ftb-heldout-fresh.jsonl (a later sample of the same split), news-…:
    # each corpus split is built once, however many judgment files it has
    rows: dict[tuple[str, str], list] = {}
    for judged in sorted(AUDITS.glob("*.jsonl")):
        kind, split = judged.stem.split("-")[:2]
        if kind == "news" and news is None:
            continue
        if (kind, split) not in rows:
            texts = timebank_texts(split, folder) if kind == "ftb" else news_texts(
                news, (AUDITS / f"news-{split}.files").read_text(encoding="utf-8").split())
            rows[kind, split] = corpus_rows(texts, pipeline)
        gold = DEFAULT_GOLD / f"{split}.jsonl"
        main = len(read_gold(gold)) if kind == "ftb" and gold.is_file() else 0
        out[f"timeline audit: {judged.stem}"] = evaluate_audit(judged.stem, rows[kind, split], judged, main)
    return out


def run_event_evals(timebank: Path | None, golds: Sequence[Path], errors: bool, as_json: bool,
                    echo: Callable[[str], None], news: Path | None = None) -> None:
    reports = event_reports(timebank, golds, news=news)
    if as_json:
        echo(json.dumps({name: r.scores() for name, r in reports.items()}, indent=2))
        return
    for name, r in reports.items():
        if errors:
            for line in r.errors:
                echo(line)
            echo("")
        table = (timebank_table(r) if isinstance(r, TimebankReport) else audit_table(r)
                 if isinstance(r, AuditReport) else gold_table(r))
        echo(f"{name}: " + table)
        echo("")
