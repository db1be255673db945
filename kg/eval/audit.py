"""Precision of the timeline by blind audit: judged rows, replayed against what kg outputs now.

A *row* is what ``kg query timeline`` shows: one dated canonical event of a store (type, trigger,
date, modality, actors, place, sources), with the mentions it was resolved from. A *sheet* is a
random sample of rows written for a judge who never runs kg nor reads its rules; the judge reads
each row against its article and records whether it is a happening the passage describes, and
for each field whether it is right and, when it is not, the right value
(``tests/data/events-audit/GUIDELINES.md``).

Judgments are keyed by their mentions ``(file, trigger start, trigger end)``, so they outlive the
run that produced them: :func:`replay` matches the rows of a new run to the judged rows sharing a
mention and scores the new values against the judge's right ones. Judged non-happenings that no
longer appear are *gone*; judged happenings that still appear are *kept*. Rows that match no
judgment are counted, never guessed: a fresh sample is judged for first-sight figures.
"""

from __future__ import annotations

import json
import random
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from kg.errors import InputError
from kg.eval.corpora import jsonl_records, timebank_dir, timebank_splits
from kg.eval.events import score_table
from kg.eval.metrics import ratio
from kg.eval.timeml import read_timeml
from kg.graph.mapping import span_of

__all__ = ["AUDIT_LABELS", "AuditReport", "Judgment", "Row", "audit_table", "corpus_rows", "read_judgments", "replay",
           "sheet", "timeline_rows"]

_ROWS = """
SELECT ?e ?stamp ?value ?type ?trigger ?mod ?sources ?salient
       (GROUP_CONCAT(DISTINCT STR(?actorLabel); separator="\\u001f") AS ?actors) ?placeName
       (GROUP_CONCAT(DISTINCT STR(?tp); separator=" ") AS ?phrases) WHERE {
  GRAPH graph:canonical {
    ?e a sem:Event ; sem:hasTimeStamp ?stamp ; sem:eventType ?etype ; kg:trigger ?trigger ;
       kg:modality ?mod ; kg:sources ?sources ; gaf:denotedBy ?m .
    ?etype skos:notation ?type .
    OPTIONAL { ?e kg:timexValue ?value }
    OPTIONAL { ?e kg:salient ?salient }
    OPTIONAL { ?e sem:hasActor ?a . OPTIONAL { GRAPH graph:entities { ?a rdfs:label ?actorLabel } } }
    OPTIONAL { ?e sem:hasPlace ?p . OPTIONAL { GRAPH graph:entities { ?p rdfs:label ?placeName } } }
  }
  GRAPH ?g { ?m kg:triggerPhrase ?tp }
}
GROUP BY ?e ?stamp ?value ?type ?trigger ?mod ?sources ?salient ?placeName
"""
_FILES = "SELECT ?a ?id WHERE { GRAPH graph:canonical { ?a dcterms:identifier ?id } }"


@dataclass(frozen=True)
class Row:
    """One timeline row and the mentions (file, trigger start, trigger end) it was resolved from."""

    date: str
    type: str
    trigger: str
    modality: str
    actors: tuple[str, ...]
    place: str | None
    sources: int
    mentions: tuple[tuple[str, int, int], ...]
    salient: bool = True


def timeline_rows(store) -> list[Row]:
    """Every dated canonical event of ``store``, hidden or not, in date order."""
    files = {str(a): str(name) for a, name in store.select(_FILES)}
    rows = []
    for _e, stamp, value, etype, trigger, mod, sources, salient, actors, place, phrases in store.select(_ROWS):
        mentions = []
        for tp in str(phrases).split():
            article, b, e = span_of(tp)
            mentions.append((files.get(article, article.rsplit("/", 1)[-1]), b, e))
        rows.append(Row(str(value or stamp), str(etype), str(trigger), str(mod),
                        tuple(sorted(x for x in str(actors or "").split("\u001f") if x)),
                        str(place) if place else None, int(sources), tuple(sorted(mentions)),
                        salient is None or str(salient).lower() == "true"))
    return sorted(rows, key=lambda r: (r.date, r.mentions))


def sheet(rows: Sequence[Row], texts: dict[str, str], n: int, seed: int, prefix: str) -> list[dict]:
    """A random sample of ``n`` rows for a judge: each with the passages of its first mentions."""
    picked = random.Random(seed).sample(list(rows), min(n, len(rows)))
    out = []
    for i, r in enumerate(sorted(picked, key=lambda r: r.mentions)):
        passages = []
        for file, b, e in r.mentions[:3]:
            text = texts[file]
            s = max(text.rfind("\n", 0, b), max(text.rfind(". ", 0, b) - 200, -1)) + 1
            end = text.find("\n", e)
            passages.append({"file": file, "trigger": text[b:e], "trigger_start": b, "trigger_end": e,
                             "context": text[s:end if end != -1 else len(text)][:700]})
        out.append({"row": f"{prefix}{i + 1:03d}", "date": r.date, "type": r.type, "trigger": r.trigger,
                    "modality": r.modality, "actors": list(r.actors), "place": r.place, "sources": r.sources,
                    "mentions": [list(m) for m in r.mentions], "passages": passages})
    return out


@dataclass(frozen=True)
class Judgment:
    """A judge's verdict on one row, with the right values where a field was wrong."""

    row: str
    mentions: tuple[tuple[str, int, int], ...]
    happening: bool
    type: str  # the right type (the row's when it was right)
    date: str | None  # the right TIMEX3 value, None when the text gives no date for it
    modality: str
    actors: frozenset[str]  # the right actor labels
    judged_actors: frozenset[str]  # the labels the row had
    worthy: bool = True  # would a journalist want it on the story's timeline
    why: str = ""


def read_judgments(path: str | Path) -> list[Judgment]:
    """The judgments of a ``.jsonl`` file (keys: tests/data/events-audit/GUIDELINES.md)."""
    out = []
    for where, j in jsonl_records(path):
        try:
            right = set(j["actors"]) - set(j.get("wrong_actors", ())) | set(j.get("missing_actors", ()))
            out.append(Judgment(
                j["row"], tuple(tuple(m) for m in j["mentions"]), j["happening"] == "yes",
                j["type"] if j.get("type_ok", "yes") != "no" else j["right_type"],
                (j["date"] if j.get("date_ok", "yes") != "no" else j.get("right_date")) or None,
                j["modality"] if j.get("modality_ok", "yes") != "no" else j["right_modality"],
                frozenset(right), frozenset(j["actors"]), j.get("timeline_worthy", "yes") == "yes",
                j.get("why", "")))
        except (KeyError, TypeError, ValueError) as e:
            raise InputError(f"{where}: invalid judgment ({e})") from None
    return out


@dataclass
class AuditReport:
    """Judged rows replayed against a run: how many are still there, and how right they are now."""

    corpus: str
    rows: int = 0  # rows of this run (shown by default)
    hidden: int = 0  # rows the default timeline hides
    matched: int = 0  # shown rows that share a mention with a judged row
    happenings: int = 0
    all_right: int = 0
    field_right: dict[str, int] = field(default_factory=lambda: dict.fromkeys(("type", "date", "modality",
                                                                                "actors"), 0))
    judged_events: int = 0
    judged_non_events: int = 0
    main_events: int = 0  # main events the event gold annotates in the same articles (0: no gold)
    events_kept: int = 0
    non_events_gone: int = 0
    errors: list[str] = field(default_factory=list)

    def scores(self) -> dict[str, float]:
        out = {"happenings": ratio(self.happenings, self.matched), "all_right": ratio(self.all_right, self.matched)}
        out |= {f"{k}_right": ratio(v, self.happenings) for k, v in self.field_right.items()}
        out |= {"non_events_gone": ratio(self.non_events_gone, self.judged_non_events),
                "events_kept": ratio(self.events_kept, self.judged_events),
                "judged_share": ratio(self.matched, self.rows)}
        if self.main_events:
            out["rows_per_main_event"] = self.rows / self.main_events
        return out


AUDIT_LABELS = {
    "happenings": "rows that are happenings", "all_right": "rows right in every field",
    "type_right": "type right (happenings)", "date_right": "date right (happenings)",
    "modality_right": "modality right (happenings)", "actors_right": "no wrong actor (happenings)",
    "non_events_gone": "judged non-events gone", "events_kept": "judged happenings kept",
    "judged_share": "shown rows already judged",
    "rows_per_main_event": "rows shown per gold main event",
}


def audit_table(r: AuditReport, markdown: bool = False) -> str:
    head = (f"{r.rows} rows shown ({r.hidden} hidden), {r.matched} of them judged; judgments: "
            f"{r.judged_events} happenings, {r.judged_non_events} not")
    return score_table(head, [(AUDIT_LABELS[k], v) for k, v in r.scores().items()], markdown)


def _date_right(row: str, right: str | None) -> bool:
    return right is not None and row == right


def replay(corpus: str, rows: Iterable[Row], judgments: Sequence[Judgment]) -> AuditReport:
    """Score the shown rows of a run against the judgments that share one of their mentions."""
    report = AuditReport(corpus)
    by_mention = {m: j for j in judgments for m in j.mentions}
    still: set[str] = set()
    for r in rows:
        if not r.salient:
            report.hidden += 1
            continue
        report.rows += 1
        js = {by_mention[m].row: by_mention[m] for m in r.mentions if m in by_mention}
        if not js:
            continue
        j = min(js.values(), key=lambda j: j.row)
        still.update(js)
        report.matched += 1
        if not j.happening:
            report.errors.append(f"{j.row} not a happening ({j.why}): {r.type} « {r.trigger} » {r.date}")
            continue
        report.happenings += 1
        right = {"type": r.type == j.type, "date": _date_right(r.date, j.date), "modality": r.modality == j.modality,
                 "actors": set(r.actors) <= j.actors}
        for k, ok in right.items():
            report.field_right[k] += ok
        report.all_right += all(right.values())
        wrong = [f"{k} ({getattr(r, k)!s} / {getattr(j, k)!s})" for k, ok in right.items() if not ok]
        if wrong:
            report.errors.append(f"{j.row} {r.type} « {r.trigger} »: wrong " + ", ".join(wrong))
    for j in judgments:
        if j.happening:
            report.judged_events += 1
            report.events_kept += j.row in still
        else:
            report.judged_non_events += 1
            report.non_events_gone += j.row not in still
    return report


def timebank_texts(split: str, folder: Path | None = None) -> dict[str, tuple[str, str | None]]:
    """File name → (text, creation date) of French TimeBank's ``dev``, ``other`` or ``heldout`` third."""
    files = sorted(Path(folder or timebank_dir()).rglob("*.tml"))
    splits = timebank_splits([f.stem for f in files])
    docs = [read_timeml(f) for f in files if splits[f.stem] == split]
    return {f"{d.name}.txt": (d.text, d.dct[:10] if d.dct else None) for d in docs}


def news_texts(folder: str | Path, names: Iterable[str] | None = None) -> dict[str, tuple[str, str | None]]:
    """File name → (text, publication date) of a folder of ``NAME.txt`` + ``NAME.meta.json`` articles."""
    keep = set(names) if names is not None else None
    out = {}
    for p in sorted(Path(folder).glob("*.txt")):
        if keep is None or p.name in keep:
            meta = p.with_name(p.stem + ".meta.json")
            out[p.name] = (p.read_text(encoding="utf-8"),
                           json.loads(meta.read_text(encoding="utf-8")).get("published") if meta.exists() else None)
    return out


def evaluate_audit(corpus: str, rows: Sequence[Row], judgments: str | Path, main_events: int = 0) -> AuditReport:
    """Replay the judgments of ``judgments`` on the timeline ``rows`` of a run; ``main_events``: how many
    main events an event gold annotates in the same texts (for rows per main event)."""
    report = replay(corpus, rows, read_judgments(judgments))
    report.main_events = main_events
    return report


def corpus_rows(texts: dict[str, tuple[str, str | None]], pipeline=None) -> list[Row]:
    """Build ``texts`` (file name → (text, publication date)) into a fresh temporary store with
    ``kg build``'s own code, and return its timeline rows."""
    import tempfile

    from kg.build import build
    from kg.store import Store

    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "articles"
        src.mkdir()
        for name, (text, published) in texts.items():
            (src / name).write_text(text, encoding="utf-8")
            if published:
                (src / name).with_name(Path(name).stem + ".meta.json").write_text(json.dumps({"published": published}))
        with Store(Path(tmp) / "store") as store:
            build([src], store, pipeline)
            return timeline_rows(store)
