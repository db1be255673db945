"""Scoring kg's temporal tagger against ISO-TimeML gold, TempEval-3 style.

Each document goes through :class:`kg.pipeline.Pipeline` — the code ``kg build`` runs —
with its creation time as the publication date; the tagger's TIMEX3s are compared with
the gold ones:

* **strict** extraction: a system expression with exactly a gold expression's span;
* **relaxed** extraction: one that overlaps a gold expression (a system expression
  overlapping two gold ones finds both, as in TempEval-3's token-based scorer);
* **value** and **type** F1: relaxed matches whose normalised value (type) is also
  right, over the system expressions (precision) and the gold ones (recall).

Each figure is also kept per TIMEX3 type (gold type for recall, system type for
precision), and every miss, false alarm, wrong span, value or type can be listed.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from kg.eval.metrics import PRF
from kg.eval.timeml import TimemlDoc, extract_documents, read_corpus
from kg.records import TimeExpr

__all__ = ["TYPES", "Tally", "TimexError", "TimexReport", "evaluate_timexes", "score_document"]

TYPES = ("DATE", "TIME", "DURATION", "SET")


@dataclass(frozen=True)
class TimexError:
    """One disagreement with the gold, for ``kg eval timex --errors``."""

    kind: str  # MISS, FALSE, SPAN, VALUE, TYPE
    doc: str
    start: int
    gold: str | None  # "text" TYPE:value of the gold expression
    system: str | None  # the same for the system expression, with its rule
    context: str

    def __str__(self) -> str:
        parts = [f"{self.kind:6}", self.doc]
        if self.gold:
            parts.append(f"gold={self.gold}")
        if self.system:
            parts.append(f"sys={self.system}")
        return " ".join(parts) + f"  …{self.context}…"


@dataclass
class Tally:
    """Counts for one TIMEX3 type, or for all of them."""

    gold: int = 0
    system: int = 0
    strict_p: int = 0
    strict_r: int = 0
    relaxed_p: int = 0
    relaxed_r: int = 0
    value_ok: int = 0
    type_ok: int = 0

    def add(self, other: Tally) -> None:
        for name in self.__dataclass_fields__:
            setattr(self, name, getattr(self, name) + getattr(other, name))

    @property
    def strict(self) -> PRF:
        return PRF(self.strict_p, self.system, self.strict_r, self.gold)

    @property
    def relaxed(self) -> PRF:
        return PRF(self.relaxed_p, self.system, self.relaxed_r, self.gold)

    @property
    def value(self) -> PRF:
        return PRF(self.value_ok, self.system, self.value_ok, self.gold)

    @property
    def type(self) -> PRF:
        return PRF(self.type_ok, self.system, self.type_ok, self.gold)


@dataclass(frozen=True)
class TimexReport:
    corpus: str
    documents: int
    total: Tally
    per_type: dict[str, Tally]
    errors: tuple[TimexError, ...] = ()
    seconds: float = 0.0
    words: int = 0

    def scores(self) -> dict[str, float]:
        """The headline figures, rounded to 3 places (what docs/accuracy.md shows)."""
        t = self.total
        out = {
            "strict_f1": t.strict.f1, "relaxed_f1": t.relaxed.f1, "value_f1": t.value.f1, "type_f1": t.type.f1,
            "strict_p": t.strict.precision, "strict_r": t.strict.recall,
            "relaxed_p": t.relaxed.precision, "relaxed_r": t.relaxed.recall,
        }
        return {k: round(v, 3) for k, v in out.items()}


def _label(x: TimeExpr | object, with_rule: bool = False) -> str:
    rule = f" [{x.rule}]" if with_rule and getattr(x, "rule", "") else ""
    return f"{x.text!r} {x.type}:{x.value}{rule}"


def _context(text: str, start: int, end: int) -> str:
    return text[max(0, start - 40) : end + 30].replace("\n", " ")


def score_document(doc: TimemlDoc, system: Sequence[TimeExpr]) -> tuple[dict[str, Tally], list[TimexError]]:
    """Per-type tallies and the errors of one document's system expressions."""
    tallies: dict[str, Tally] = {}
    errors: list[TimexError] = []

    def tally(typ: str) -> Tally:
        return tallies.setdefault(typ, Tally())

    for g in doc.timexes:
        t = tally(g.type)
        t.gold += 1
        over = [s for s in system if s.start < g.end and g.start < s.end]
        exact = [s for s in over if (s.start, s.end) == (g.start, g.end)]
        if not over:
            errors.append(TimexError("MISS", doc.name, g.start, _label(g), None, _context(doc.text, g.start, g.end)))
            continue
        s = (exact or over)[0]
        t.relaxed_r += 1
        t.strict_r += bool(exact)
        ctx = _context(doc.text, g.start, g.end)
        if s.value == g.value:
            t.value_ok += 1
        else:
            errors.append(TimexError("VALUE", doc.name, g.start, _label(g), _label(s, True), ctx))
        if s.type == g.type:
            t.type_ok += 1
        else:
            errors.append(TimexError("TYPE", doc.name, g.start, _label(g), _label(s, True), ctx))
        if not exact:
            errors.append(TimexError("SPAN", doc.name, g.start, _label(g), _label(s, True), ctx))
    for s in system:
        t = tally(s.type)
        t.system += 1
        over = [g for g in doc.timexes if s.start < g.end and g.start < s.end]
        if over:
            t.relaxed_p += 1
            t.strict_p += any((g.start, g.end) == (s.start, s.end) for g in over)
        else:
            errors.append(TimexError("FALSE", doc.name, s.start, None, _label(s, True),
                                     _context(doc.text, s.start, s.end)))
    return tallies, errors


def evaluate_timexes(folder: str | Path, pipeline=None) -> TimexReport:
    """Run kg's pipeline over every ``.tml`` document of ``folder`` and score its TIMEX3s.

    Each document becomes an article through :func:`kg.ingest.text_article` with its
    creation time as publication date, so the tagger sees what ``kg build`` would.
    """
    from kg.pipeline import default_pipeline

    pipeline = pipeline or default_pipeline()  # loaded before the clock starts
    docs = read_corpus(folder)
    total, per_type, errors = Tally(), {}, []
    started = time.perf_counter()
    for doc, x in extract_documents(docs, pipeline):
        tallies, errs = score_document(doc, x.timexes)
        errors.extend(errs)
        for typ, t in tallies.items():
            per_type.setdefault(typ, Tally()).add(t)
            total.add(t)
    seconds = time.perf_counter() - started
    words = sum(len(d.text.split()) for d in docs)
    order = {t: i for i, t in enumerate(TYPES)}
    per_type = dict(sorted(per_type.items(), key=lambda kv: (order.get(kv[0], 99), kv[0])))
    errors.sort(key=lambda e: (e.doc, e.start, e.kind))
    return TimexReport(str(folder), len(docs), total, per_type, tuple(errors), seconds, words)


