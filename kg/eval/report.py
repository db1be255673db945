"""Every accuracy figure in one table, beside the published anchors and our targets.

``kg eval all`` runs the temporal tagger on French TimeBank and on the held-out TimeML
set, the claim extractor on the seed and written gold, and renders the result as text
or as the Markdown page ``docs/accuracy.md``.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from kg.eval.claims import ClaimReport
from kg.eval.timex import TimexReport

__all__ = ["ANCHORS", "TARGETS", "Row", "claims_table", "markdown", "rows", "text_table", "timex_table"]

# Published results we measure against (fractions).
ANCHORS = {
    "timex": ("HeidelTime's published result on French TimeBank 1.1 (TempEval-3 measures)",
              {"strict_f1": 0.860, "relaxed_f1": 0.910, "value_f1": 0.736, "type_f1": 0.827}),
    "claims": ("Gender Gap Tracker French quote extractor (Radar de parité), overlap 0.3",
               {"content_f1": 0.817, "speaker_accuracy": 0.804}),
}
# claims targets are issue 13's (real news): speaker+content recall 0.80 at precision 0.93, speakers 0.93
TARGETS = {"strict_f1": 0.88, "relaxed_f1": 0.93, "value_f1": 0.80, "speaker_accuracy": 0.93, "content_f1": 0.88,
           "content_p": 0.93, "joint_recall": 0.80}

_LABELS = {
    "strict_f1": "strict F1", "relaxed_f1": "relaxed F1", "value_f1": "value F1", "type_f1": "type F1",
    "speaker_accuracy": "speaker accuracy", "content_f1": "content F1 (overlap 0.3)",
    "cue_accuracy": "cue accuracy", "mode_accuracy": "mode accuracy", "content_f1@0.8": "content F1 (overlap 0.8)",
    "content_p": "content precision", "content_r": "content recall", "joint_recall": "speaker+content recall",
    "said_accuracy": "said-date accuracy",
}


@dataclass(frozen=True)
class Row:
    corpus: str
    measure: str
    value: float
    anchor: float | None
    target: float | None

    @property
    def label(self) -> str:
        from kg.eval.audit import AUDIT_LABELS
        from kg.eval.events import GOLD_LABELS, TIMEBANK_LABELS

        if self.corpus.startswith("timeline audit"):
            return AUDIT_LABELS.get(self.measure, self.measure)
        return _LABELS.get(self.measure) or GOLD_LABELS.get(self.measure) or TIMEBANK_LABELS.get(self.measure,
                                                                                             self.measure)


# Issue 11's targets for events (scored by its author on held-out real articles and French TimeBank)
EVENT_TARGETS = {"found": 0.85, "typed": 0.80, "typed_dated": 0.70, "unreal_not_asserted": 0.80,
                 "happened_asserted": 0.90, "anchored_reported": 0.60, "anchored_date_right": 0.80,
                 # issue 21's precision targets, for the blind timeline audits
                 "happenings": 0.85, "all_right": 0.60, "non_events_gone": 0.80, "events_kept": 0.90}


def rows(timex: dict[str, TimexReport], claims: dict[str, ClaimReport], events: dict | None = None) -> list[Row]:
    """Headline rows: dates per corpus, claims per gold set, then events (names are corpus labels)."""
    from kg.eval.audit import AUDIT_LABELS
    from kg.eval.events import GOLD_LABELS, TIMEBANK_LABELS

    out: list[Row] = []
    for name, r in timex.items():
        s = r.scores()
        anchor = ANCHORS["timex"][1] if "TimeBank" in name else {}
        for m in ("strict_f1", "relaxed_f1", "value_f1", "type_f1"):
            out.append(Row(name, m, s[m], anchor.get(m), TARGETS.get(m) if anchor else None))
    for name, r in claims.items():
        s = r.scores()
        for m in ("speaker_accuracy", "content_p", "content_r", "joint_recall", "content_f1", "content_f1@0.8",
                  "cue_accuracy", "mode_accuracy", "said_accuracy"):
            if m in s:
                out.append(Row(name, m, s[m], ANCHORS["claims"][1].get(m), TARGETS.get(m)))
    for name, r in (events or {}).items():
        s = r.scores()
        labels = TIMEBANK_LABELS if "TimeBank" in name else AUDIT_LABELS if name.startswith("timeline audit") \
            else GOLD_LABELS
        for m in labels:
            out.append(Row(name, m, s[m], None, EVENT_TARGETS.get(m)))
    return out


def _fmt(x: float | None) -> str:
    return "—" if x is None else f"{x:.3f}"


def _verdict(row: Row) -> str:
    if row.target is None:
        return ""
    return "met" if row.value >= row.target else "missed"


def text_table(table: list[Row]) -> str:
    lines = [f"{'corpus':34}{'measure':28}{'kg':>7}{'anchor':>8}{'target':>8}  "]
    for r in table:
        lines.append(f"{r.corpus:34}{r.label:28}{r.value:7.3f}{_fmt(r.anchor):>8}{_fmt(r.target):>8}  {_verdict(r)}")
    return "\n".join(lines)


def markdown_table(table: list[Row]) -> str:
    lines = ["| corpus | measure | kg | anchor | target | |", "|---|---|---:|---:|---:|---|"]
    for r in table:
        lines.append(f"| {r.corpus} | {r.label} | {r.value:.3f} | {_fmt(r.anchor)} | {_fmt(r.target)} | {_verdict(r)} |")
    return "\n".join(lines)


def timex_table(report: TimexReport, markdown: bool = False) -> str:
    """Counts and scores per TIMEX3 type, plus the overall P/R/F1 lines."""
    head = ["type", "gold", "system", "relaxed P", "relaxed R", "relaxed F1", "value F1", "type F1"]
    body = []
    for typ, t in [*report.per_type.items(), ("all", report.total)]:
        body.append([typ, str(t.gold), str(t.system), f"{t.relaxed.precision:.3f}", f"{t.relaxed.recall:.3f}",
                     f"{t.relaxed.f1:.3f}", f"{t.value.f1:.3f}", f"{t.type.f1:.3f}"])
    t = report.total
    overall = [("strict", t.strict), ("relaxed", t.relaxed), ("value", t.value), ("type", t.type)]
    if markdown:
        lines = ["| " + " | ".join(head) + " |", "|---" + "|---:" * (len(head) - 1) + "|"]
        lines += ["| " + " | ".join(r) + " |" for r in body]
        lines += ["", "| | P | R | F1 |", "|---|---:|---:|---:|"]
        lines += [f"| {n} | {p.precision:.3f} | {p.recall:.3f} | {p.f1:.3f} |" for n, p in overall]
        return "\n".join(lines)
    lines = [f"{report.documents} documents, {t.gold} gold TIMEX3, {t.system} system ({report.seconds:.1f} s)",
             f"{'':10}{'P':>7}{'R':>7}{'F1':>7}"]
    lines += [f"{n:10}{p.precision:7.3f}{p.recall:7.3f}{p.f1:7.3f}" for n, p in overall]
    lines.append("")
    lines.append("".join(f"{h:>11}" if i else f"{h:10}" for i, h in enumerate(head)))
    lines += ["".join(f"{c:>11}" if i else f"{c:10}" for i, c in enumerate(r)) for r in body]
    return "\n".join(lines)


def claims_table(report: ClaimReport, markdown: bool = False) -> str:
    """Content P/R/F1 at each overlap threshold, then speaker, cue and mode accuracy."""
    found = len(report.found)
    gold = len(report.matches)
    head = f"{report.items} items, {gold} gold claims, {report.system} system claims, {found} matched"
    acc = [("speaker accuracy", report.speaker_accuracy), ("cue accuracy", report.cue_accuracy),
           ("mode accuracy", report.mode_accuracy)]
    if report.said_accuracy is not None:
        acc.append(("said-date accuracy", report.said_accuracy))
    acc.append(("speaker+content recall (of all gold)", report.joint_recall))
    if markdown:
        lines = [head, "", "| overlap | P | R | F1 |", "|---|---:|---:|---:|"]
        lines += [f"| {t} | {p.precision:.3f} | {p.recall:.3f} | {p.f1:.3f} |" for t, p in report.by_threshold.items()]
        lines += ["", "| on matched claims | |", "|---|---:|"] + [f"| {n} | {v:.3f} |" for n, v in acc]
        return "\n".join(lines)
    lines = [head, f"{'overlap':10}{'P':>7}{'R':>7}{'F1':>7}"]
    lines += [f"{t:<10}{p.precision:7.3f}{p.recall:7.3f}{p.f1:7.3f}" for t, p in report.by_threshold.items()]
    lines += [f"{n}: {v:.3f}" for n, v in acc]
    return "\n".join(lines)


def claim_errors(report: ClaimReport) -> list[str]:
    """Misses, wrong speakers, wrong cues and false alarms, one line each."""
    out = []
    for m in report.matches:
        g = m.gold
        if m.system is None:
            out.append(f"MISS     {m.item} [{g.mode}] {g.speaker} / {g.cue}: {g.content[:70]!r}")
            continue
        if not m.speaker_ok:
            out.append(f"SPEAKER  {m.item} gold={g.speaker!r} sys={m.system.speaker!r} "
                       f"({m.system.speaker_text!r}): {g.content[:50]!r}")
        if not m.cue_ok:
            out.append(f"CUE      {m.item} gold={g.cue_lemma!r} sys={m.system.cue_lemma!r}: {g.content[:50]!r}")
    for item, c in report.false_alarms:
        out.append(f"FALSE    {item} {c.speaker!r} / {c.cue_lemma}: {c.content[:70]!r}")
    return out


def markdown(table: list[Row], timex: dict[str, TimexReport], claims: dict[str, ClaimReport], notes: str = "",
             events: dict | None = None) -> str:
    """The whole of ``docs/accuracy.md``."""
    parts = [
        "# Extraction accuracy",
        "",
        "Generated by `kg eval all --write docs/accuracy.md` (also `make accuracy`); do not edit by hand.",
        "Each evaluation runs `kg.pipeline.Pipeline`, the code `kg build` runs. Anchors:",
        f"dates — {ANCHORS['timex'][0]}; claims — {ANCHORS['claims'][0]}. Event targets are issue 11's.",
        "",
        markdown_table(table),
    ]
    for name, r in timex.items():
        parts += ["", f"## Dates: {name}", "", f"`{r.corpus}` — {r.documents} documents, {r.words:,} words, "
                  f"tagged in {r.seconds:.1f} s.", "", timex_table(r, markdown=True)]
    for name, r in claims.items():
        parts += ["", f"## Claims: {name}", "", f"`{r.corpus}`", "", claims_table(r, markdown=True)]
    from kg.eval.audit import AuditReport, audit_table
    from kg.eval.events import TimebankReport, gold_table, timebank_table

    for name, r in (events or {}).items():
        table_ = (timebank_table(r, True) if isinstance(r, TimebankReport) else audit_table(r, True)
                  if isinstance(r, AuditReport) else gold_table(r, True))
        parts += ["", f"## Events: {name}", "", table_]
    if notes:
        parts += ["", notes.strip()]
    parts += ["", "## At first sight", "",
              "Scores of each gold set the first time kg ran on it. Rules were later written against the",
              "errors of every set here except `claims: heldout`, `events gold: heldout` and French TimeBank's",
              "held-out third for events (general rules of French, each tested on",
              "sentences of its own), so these first figures are the fairer estimate for articles kg has",
              "never met.", "", first_sight_table()]
    return "\n".join(parts) + "\n"


def write(path: str | Path, text: str) -> None:
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    Path(path).write_text(text, encoding="utf-8")


# Scores of each gold set the first time kg ran on it, before any rule was written
# against its errors (the fairest estimate for unseen articles). Sets kg was developed
# on from the start (French TimeBank, the seeds) have none.
FIRST_SIGHT = {
    "TimeML written for kg": {"strict_f1": 0.944, "relaxed_f1": 0.969, "value_f1": 0.879, "type_f1": 0.940},
    "claims: written": {"content_f1": 0.912, "speaker_accuracy": 0.900, "cue_accuracy": 0.971},
    "claims: heldout": {"content_f1": 0.897, "speaker_accuracy": 0.951, "cue_accuracy": 0.967},
    # issue 13: French TimeBank claims gold by two blind annotators, scored by kg as it was before
    # any rule was written against it (commit 00bd63f)
    "claims: ftb-dev": {"content_p": 0.851, "content_r": 0.559, "joint_recall": 0.431, "speaker_accuracy": 0.772},
    "claims: ftb-heldout": {"content_p": 0.833, "content_r": 0.312, "joint_recall": 0.312, "speaker_accuracy": 1.000},
    # issue 11: the dev gold's first run had the typed lexicon of before (11 types); the held-out
    # sets were first run once the rules were written (French TimeBank's held-out third was printed
    # once earlier, its errors never read)
    "events gold: dev": {"found": 0.297, "typed": 0.128, "typed_dated": 0.058, "unreal_not_asserted": 0.818,
                         "happened_asserted": 0.947},
    "events gold: heldout": {"found": 0.435, "typed": 0.317, "typed_dated": 0.174, "unreal_not_asserted": 0.857,
                             "happened_asserted": 0.929},
    "French TimeBank events: held-out": {"anchored_reported": 0.382, "anchored_date_right": 0.714},
    # issue 21: random timeline rows of kg as it was before (commit 526f74d), judged blind; the news
    # texts are not in the repository (tests/data/events-audit/news-MANIFEST.md)
    "timeline audit: ftb-dev": {"happenings": 0.729, "all_right": 0.243, "type_right": 0.824,
                                "date_right": 0.510, "modality_right": 0.922, "actors_right": 0.882},
    "timeline audit: ftb-heldout": {"happenings": 0.657, "all_right": 0.314, "type_right": 0.848,
                                    "date_right": 0.674, "modality_right": 0.891, "actors_right": 0.804},
    "timeline audit: news-dev": {"happenings": 0.833, "all_right": 0.233, "type_right": 0.780,
                                 "date_right": 0.640, "modality_right": 0.720, "actors_right": 0.780},
    "timeline audit: news-heldout": {"happenings": 0.750, "all_right": 0.183, "type_right": 0.622,
                                     "date_right": 0.578, "modality_right": 0.822, "actors_right": 0.844},
    # a fresh sample of the final timeline of issue 21, rows never sampled before: its first sight
    "timeline audit: news-heldout-fresh": {"happenings": 0.900, "all_right": 0.383, "type_right": 0.685,
                                           "date_right": 0.667, "modality_right": 0.889, "actors_right": 0.852},
    "timeline audit: ftb-heldout-fresh": {"happenings": 0.958, "all_right": 0.458, "type_right": 0.870,
                                          "date_right": 0.696, "modality_right": 0.957, "actors_right": 0.826},
}


def first_sight_table() -> str:
    lines = ["| gold set | measure | at first sight |", "|---|---|---:|"]
    for corpus, scores in FIRST_SIGHT.items():
        lines += [f"| {corpus} | {Row(corpus, k, v, None, None).label} | {v:.3f} |" for k, v in scores.items()]
    return "\n".join(lines)


NOTES = """
## How to read these figures

* **French TimeBank** is the corpus the temporal rules were developed against (its
  errors were read while writing them), so its scores are an upper bound. The
  **TimeML set written for kg** (`tests/data/timex-heldout/`) was written and annotated
  by a separate author who never ran the tagger. Its errors were then read and general
  rules written for them, so its current scores are optimistic too: its first-sight
  figures (below) are the fair estimate for articles kg has not seen.
* **Claims gold** (`tests/data/claims/`): `seeds` annotates every reported statement
  of the five seed articles; `written` holds news-style sentences written for this
  project to cover the cue verbs and constructions French journalists use, including
  negative items (scare quotes, "selon les chiffres"); `heldout` is a second, longer-
  sentence set by another author that no rule was ever written against. All were
  annotated by French grammar, independently of the extractor's output. These sets were
  written for kg and read far higher than real news: **`ftb-dev`** and **`ftb-heldout`**
  annotate every claim of the 72 real French TimeBank articles (Est Républicain), by two
  annotators who never ran kg (guidelines in `tests/data/claims/FTB-GUIDELINES.md`); the dev
  set's errors were read to write general rules (issue 13), the held-out third is frozen and
  its errors were never read. They are the fair estimate for unseen news; "speaker+content
  recall" (found with the right speaker, over all gold claims) is the end-to-end figure.
* Matching follows the Gender Gap Tracker protocol: a system claim matches when it
  covers more than 30 % (or 80 %) of the gold content's characters; speaker and cue
  accuracy are over matched claims. Speakers are compared as referents (pronouns must
  be resolved), cues by lemma.
* **Events** are scored two ways. On **French TimeBank**'s own EVENT and TLINK annotation
  (read from `../shared`, never copied): of the events a TLINK puts inside a date expression,
  how many kg reports (an event, or a claim for reporting events) and with that expression's
  date; trigger precision and recall over every EVENT (kg keeps main happenings, TimeML marks
  every predicate, states included, so recall is low by design); and modality against the
  annotation's polarity, tense and mood (TimeML leaves an infinitive governed by *pour*,
  *devoir*, *prévoir de* unmarked, which kg calls planned, so this agreement is a floor, not an
  accuracy). The **event gold** (`tests/data/events-gold/`) annotates main events on 48 French
  TimeBank documents with kg's typology, modality and dates, by two annotators who never ran kg:
  `dev` was used to write general rules, `heldout` is frozen. The same held-out third of French
  TimeBank is reported apart. "Right type and date" needs the exact TIMEX3 value (an event the gold
  leaves undated counts only when kg leaves it undated too).
* **Timeline precision by blind audit** (issue 21, `tests/data/events-audit/`): random rows of the
  default timeline, each judged against its article by someone who never ran kg nor read its rules
  — is it a happening the passage describes, are its type, date, modality and actors right. The
  judgments are replayed on each run by the rows' mentions: "rows that are happenings" and "right
  in every field" are over the shown rows that match a judged one, "judged non-events gone" and
  "judged happenings kept" over the judgments; rows nobody judged are counted, never guessed.
  `ftb-dev` was read to write rules and trains the decision model (in-sample); `ftb-heldout` was
  sampled from kg before issue 21 and never read; `ftb-heldout-fresh` is a fresh sample of the
  final timeline (first sight). The news audits (`kg eval events --news DIR`) need the article texts,
  which stay out of the repository.
* `tests/eval/test_floors.py` fails when any figure drops below its recorded floor.
"""
