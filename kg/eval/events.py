"""Scoring kg's events: against French TimeBank's EVENT/TLINK layer and against kg's event gold.

Every document goes through :class:`kg.pipeline.Pipeline` (what ``kg build`` runs) with its
creation time as publication date. A system event *reports* a gold event when its trigger
overlaps the gold trigger; for French TimeBank a claim whose cue overlaps a REPORTING event
reports it too (kg keeps speech as claims, dated like events).

French TimeBank (TempEval style):

* **detection**: precision of kg's triggers against every EVENT, recall per event class;
* **anchoring**: of the events a TLINK includes in a DATE/TIME expression of the text, the share
  kg reports, and of those the share whose date equals that expression's value (PRESENT_REF is the
  creation time). A MODAL or ASPECTUAL event ("a dû", "a achevé") is reported by kg's event on the
  verb it governs, within 40 characters of its sentence: TimeML marks both, kg the governed one;
* **modality** against the annotation: polarity NEG → negated, tense FUTURE → planned, mood
  CONDITIONAL/SUBJUNCTIVE or a POSSIBILITY modal → possible, else asserted (kg's ``reported``
  counts as asserted: TimeML does not mark evidentiality).

kg's event gold (``tests/data/events-gold``, real French TimeBank text annotated by people who
never ran kg): main events found, right type, right type and date, date values right,
planned/possible events not called asserted, happened events called asserted or reported.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from kg.errors import InputError
from kg.eval.corpora import jsonl_records
from kg.eval.metrics import ratio
from kg.eval.timeml import GoldEvent, extract_documents, read_corpus
from kg.records import Event, Extraction

__all__ = ["EventGold", "GoldReport", "TimebankReport", "evaluate_gold", "evaluate_timebank", "read_gold",
           "timeml_modality"]

HAPPENED = ("asserted", "reported")
UNREAL = ("planned", "possible")


def timeml_modality(e: GoldEvent) -> str:
    """kg's modality for a TimeML EVENT's attributes."""
    if e.polarity == "NEG":
        return "negated"
    if e.tense == "FUTURE":
        return "planned"
    if e.mood in ("CONDITIONAL", "SUBJUNCTIVE") or e.modality == "POSSIBILITY":
        return "possible"
    return "asserted"


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


# --------------------------------------------------------------------------- French TimeBank
@dataclass
class TimebankReport:
    corpus: str
    documents: int = 0
    gold: int = 0
    system: int = 0
    system_on_gold: int = 0  # system events whose trigger is a gold EVENT
    found_by_class: Counter = field(default_factory=Counter)
    gold_by_class: Counter = field(default_factory=Counter)
    anchored: int = 0  # gold events a TLINK puts in a DATE/TIME expression
    anchored_reported: int = 0
    anchored_date_right: int = 0
    modality_matched: int = 0
    modality_right: int = 0
    modality_confusion: Counter = field(default_factory=Counter)  # (gold, system) pairs
    errors: list[str] = field(default_factory=list)

    def scores(self) -> dict[str, float]:
        found = sum(self.found_by_class.values())
        p, r = ratio(self.system_on_gold, self.system), ratio(found, self.gold)
        out = {
            "event_precision": p, "event_recall": r, "event_f1": 2 * p * r / (p + r) if p + r else 0.0,
            "occurrence_recall": ratio(self.found_by_class["OCCURRENCE"], self.gold_by_class["OCCURRENCE"]),
            "anchored_reported": ratio(self.anchored_reported, self.anchored),
            "anchored_date_right": ratio(self.anchored_date_right, self.anchored_reported),
            "modality_accuracy": ratio(self.modality_right, self.modality_matched),
        }
        return {k: round(v, 3) for k, v in out.items()}


# TimeML makes a modal or aspectual verb an event of its own ("a dû être hospitalisé", "a achevé deux
# jours de négociations"); kg dates the event it governs, which follows within a few words.
GOVERNING_CLASSES = ("MODAL", "ASPECTUAL")
_GOVERNED_WINDOW = 40  # characters after the modal verb, within its sentence


def _reports(x: Extraction, g: GoldEvent, text: str = "") -> tuple[str, str | None, str] | None:
    """(kind, date, modality) of what kg says about the gold event's trigger, if anything."""
    span = (g.start, g.end)
    for e in x.events:
        if _overlap((e.trigger_start, e.trigger_end), span):
            return e.type, e.date, e.modality
    if g.cls in GOVERNING_CLASSES:
        for e in x.events:
            if g.end <= e.trigger_start <= g.end + _GOVERNED_WINDOW and not any(
                    p in text[g.end:e.trigger_start] for p in ".;:!?"):
                return e.type, e.date, e.modality
    for c in x.claims:
        if c.cue_start is not None and c.cue_end is not None and _overlap((c.cue_start, c.cue_end), span):
            return "claim", c.date, "asserted"
    return None


def evaluate_timebank(folder: str | Path, pipeline=None, only: set[str] | None = None) -> TimebankReport:
    """Score events on the ``.tml`` documents of ``folder`` (only the names in ``only``, if given)."""
    docs = [d for d in read_corpus(folder) if only is None or d.name in only]
    report = TimebankReport(str(folder), len(docs))
    for doc, x in extract_documents(docs, pipeline):
        values = {t.tid: t for t in doc.timexes}
        report.gold += len(doc.events)
        report.system += len(x.events)
        report.system_on_gold += sum(any(_overlap((e.trigger_start, e.trigger_end), (g.start, g.end))
                                         for g in doc.events) for e in x.events)
        for g in doc.events:
            report.gold_by_class[g.cls] += 1
            said = _reports(x, g, doc.text)
            if said is not None:
                report.found_by_class[g.cls] += 1
                if said[0] != "claim":
                    gm, sm = timeml_modality(g), said[2] if said[2] != "reported" else "asserted"
                    report.modality_matched += 1
                    report.modality_right += gm == sm
                    report.modality_confusion[(gm, sm)] += 1
            if not g.times:
                continue
            report.anchored += 1
            # PRESENT_REF ("maintenant", "aujourd'hui" as now) is the creation time itself
            wanted = {doc.dct[:10] if values[t].value == "PRESENT_REF" and doc.dct else values[t].value
                      for t in g.times if t in values}
            ctx = doc.text[max(0, g.start - 50):g.end + 40].replace("\n", " ")
            if said is None:
                report.errors.append(f"UNREPORTED {doc.name} {g.text!r} gold={sorted(wanted)}  …{ctx}…")
                continue
            report.anchored_reported += 1
            if said[1] in wanted:
                report.anchored_date_right += 1
            else:
                report.errors.append(f"DATE       {doc.name} {g.text!r} gold={sorted(wanted)} sys={said[1]}  …{ctx}…")
    return report


# --------------------------------------------------------------------------- kg's event gold
@dataclass(frozen=True)
class EventGold:
    doc: str
    trigger: str
    start: int
    end: int
    type: str
    modality: str
    date: str | None
    agents: tuple[str, ...] = ()


def read_gold(path: str | Path) -> list[EventGold]:
    """The events of a gold ``.jsonl`` file (format: tests/data/events-gold/README.md)."""
    out = []
    for where, d in jsonl_records(path):
        try:
            out.append(EventGold(d["doc"], d["trigger"], d["trigger_start"], d["trigger_end"], d["type"],
                                 d["modality"], d.get("date"), tuple(d.get("agents") or ())))
        except (KeyError, TypeError) as e:
            raise InputError(f"{where}: not an event gold record ({e})") from None
    return out


@dataclass
class GoldReport:
    gold_file: str
    documents: int = 0
    gold: int = 0
    system: int = 0
    found: int = 0
    typed: int = 0
    typed_dated: int = 0
    dated_gold_found: int = 0
    date_right: int = 0
    unreal: int = 0  # gold planned/possible events found
    unreal_ok: int = 0  # ... not called asserted
    happened: int = 0
    happened_ok: int = 0
    by_type: Counter = field(default_factory=Counter)
    typed_by_type: Counter = field(default_factory=Counter)
    errors: list[str] = field(default_factory=list)

    def scores(self) -> dict[str, float]:
        out = {
            "found": ratio(self.found, self.gold), "typed": ratio(self.typed, self.gold),
            "typed_dated": ratio(self.typed_dated, self.gold),
            "date_right": ratio(self.date_right, self.dated_gold_found),
            "unreal_not_asserted": ratio(self.unreal_ok, self.unreal),
            "happened_asserted": ratio(self.happened_ok, self.happened),
            "typed_known": ratio(sum(v for k, v in self.typed_by_type.items() if k != "other"),
                                 sum(v for k, v in self.by_type.items() if k != "other")),
        }
        return {k: round(v, 3) for k, v in out.items()}


def _match(x: Extraction, g: EventGold) -> Event | None:
    over = [e for e in x.events if _overlap((e.trigger_start, e.trigger_end), (g.start, g.end))]
    return next((e for e in over if e.type == g.type), over[0] if over else None)


def evaluate_gold(path: str | Path, folder: str | Path, pipeline=None) -> GoldReport:
    """Score the events of the French TimeBank documents named in the gold file at ``path``."""
    gold = read_gold(path)
    names = {g.doc for g in gold}
    docs = [d for d in read_corpus(folder) if d.name in names]
    missing = names - {d.name for d in docs}
    if missing:
        raise InputError(f"{path}: documents not in {folder}: {', '.join(sorted(missing))}")
    report = GoldReport(str(path), len(docs), len(gold))
    for doc, x in extract_documents(docs, pipeline):
        report.system += len(x.events)
        for g in (g for g in gold if g.doc == doc.name):
            if doc.text[g.start:g.end] != g.trigger:
                raise InputError(f"{path}: {g.doc} {g.start}-{g.end} is not {g.trigger!r}")
            report.by_type[g.type] += 1
            e = _match(x, g)
            ctx = doc.text[max(0, g.start - 50):g.end + 40].replace("\n", " ")
            if e is None:
                report.errors.append(f"MISS     {g.doc} {g.trigger!r} {g.type}/{g.modality}  …{ctx}…")
                continue
            report.found += 1
            if e.type == g.type:
                report.typed += 1
                report.typed_by_type[g.type] += 1
                report.typed_dated += e.date == g.date
            else:
                report.errors.append(f"TYPE     {g.doc} {g.trigger!r} gold={g.type} sys={e.type}  …{ctx}…")
            if g.date is not None:
                report.dated_gold_found += 1
                if e.date == g.date:
                    report.date_right += 1
                else:
                    report.errors.append(f"DATE     {g.doc} {g.trigger!r} gold={g.date} sys={e.date} "
                                         f"({e.date_source})  …{ctx}…")
            if g.modality in UNREAL:
                report.unreal += 1
                report.unreal_ok += e.modality != "asserted"
            elif g.modality in HAPPENED:
                report.happened += 1
                report.happened_ok += e.modality in HAPPENED
            if g.modality != e.modality:
                report.errors.append(f"MODALITY {g.doc} {g.trigger!r} gold={g.modality} sys={e.modality} "
                                     f"[{e.modality_rule}]  …{ctx}…")
    return report


# --------------------------------------------------------------------------- tables
GOLD_LABELS = {"found": "main events found", "typed": "right type", "typed_dated": "right type and date",
               "typed_known": "right type (typed gold, not other)", "date_right": "date right (dated gold found)",
               "unreal_not_asserted": "planned/possible not called asserted",
               "happened_asserted": "happened called asserted or reported"}
TIMEBANK_LABELS = {"event_precision": "event triggers: precision", "event_recall": "event triggers: recall",
                   "occurrence_recall": "OCCURRENCE events: recall",
                   "anchored_reported": "TLINK-dated events reported", "anchored_date_right": "… with the date right",
                   "modality_accuracy": "modality vs polarity/mood/tense"}


def gold_table(r: GoldReport, markdown: bool = False) -> str:
    head = f"{r.documents} documents, {r.gold} gold events, {r.system} system events"
    rows = [(GOLD_LABELS[k], v) for k, v in r.scores().items()]
    return score_table(head, rows, markdown)


def timebank_table(r: TimebankReport, markdown: bool = False) -> str:
    head = (f"{r.documents} documents, {r.gold} gold EVENTs ({r.anchored} dated by a TLINK), "
            f"{r.system} system events")
    rows = [(TIMEBANK_LABELS[k], v) for k, v in r.scores().items() if k in TIMEBANK_LABELS]
    return score_table(head, rows, markdown)


def score_table(head: str, rows: list[tuple[str, float]], markdown: bool) -> str:
    if markdown:
        return "\n".join([head, "", "| measure | kg |", "|---|---:|", *(f"| {n} | {v:.3f} |" for n, v in rows)])
    return "\n".join([head, *(f"  {n:42}{v:7.3f}" for n, v in rows)])
