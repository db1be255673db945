"""Score kg's temporal tagger on the French TimeBank (TempEval-3 style).

Usage::

    python bench/timebank_score.py [DATA_DIR] [--errors] [--no-doc]

Strips the ISO-TimeML tags of every ``*.tml`` file to plain text (keeping the gold
TIMEX3 offsets), runs :func:`kg.extract.temporal.extract_timexes` with the document
creation time and a spaCy Doc, and prints strict (exact span) and relaxed (overlap)
extraction P/R/F1, value and type scores over relaxed matches, and per-type figures.
Value F1 follows TempEval-3: a system timex counts when it overlaps a gold one and
has the same value; P = correct / system, R = correct / gold.
"""

from __future__ import annotations

import argparse
import html
import re
import sys
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from kg.extract.temporal import extract_timexes  # noqa: E402

DEFAULT_DATA = Path("/work/shared/eval/french-timebank/Data")
_TAG = re.compile(r"<(/?)(\w+)([^>]*?)(/?)>")
_ATTR = re.compile(r'(\w+)="([^"]*)"')


@dataclass(frozen=True)
class Gold:
    start: int
    end: int
    text: str
    type: str
    value: str


def parse_tml(path: Path) -> tuple[str, str | None, list[Gold]]:
    """Plain text of <TEXT>, the DCT and the gold TIMEX3s with offsets into the text."""
    raw = path.read_text(encoding="utf-8")
    dct_m = re.search(r'<TIMEX3[^>]*functionInDocument="CREATION_TIME"[^>]*>', raw)
    dct = dict(_ATTR.findall(dct_m.group(0))).get("value") if dct_m else None
    body = raw[raw.index("<TEXT>") + len("<TEXT>"):raw.index("</TEXT>")]
    out: list[str] = []
    pos = 0
    length = 0
    golds: list[Gold] = []
    open_timex: tuple[int, dict[str, str]] | None = None
    for m in _TAG.finditer(body):
        chunk = html.unescape(body[pos:m.start()])
        out.append(chunk)
        length += len(chunk)
        pos = m.end()
        closing, name, attrs, selfclosing = m.groups()
        if name != "TIMEX3" or selfclosing:
            continue
        if not closing:
            open_timex = (length, dict(_ATTR.findall(attrs)))
        elif open_timex is not None:
            start, a = open_timex
            golds.append(Gold(start, length, "", a.get("type", ""), a.get("value", "")))
            open_timex = None
    out.append(html.unescape(body[pos:]))
    text = "".join(out)
    golds = [Gold(g.start, g.end, text[g.start:g.end], g.type, g.value) for g in golds]
    return text, dct, golds


def prf(tp_p: int, n_sys: int, tp_r: int, n_gold: int) -> tuple[float, float, float]:
    p = tp_p / n_sys if n_sys else 0.0
    r = tp_r / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("data", nargs="?", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--errors", action="store_true", help="list misses, false alarms, wrong values")
    ap.add_argument("--no-doc", action="store_true", help="run without spaCy (regex tense)")
    args = ap.parse_args(argv)

    t0 = time.perf_counter()
    nlp = None
    if not args.no_doc:
        import spacy

        nlp = spacy.load("fr_core_news_md")
    t_load = time.perf_counter() - t0

    c = Counter()
    per_type: dict[str, Counter] = {}
    errors: list[str] = []
    t1 = time.perf_counter()
    files = sorted(args.data.glob("*.tml"))
    for path in files:
        text, dct, golds = parse_tml(path)
        doc = nlp(text) if nlp is not None else None
        sys_ = list(extract_timexes(text, dct, doc=doc))
        for t in sys_:
            assert text[t.start:t.end] == t.text
        c["gold"] += len(golds)
        c["sys"] += len(sys_)
        for g in golds:
            pt = per_type.setdefault(g.type, Counter())
            pt["gold"] += 1
        for s in sys_:
            per_type.setdefault(s.type, Counter())["sys"] += 1
        for g in golds:
            over = [i for i, s in enumerate(sys_) if s.start < g.end and g.start < s.end]
            exact = [i for i in over if sys_[i].start == g.start and sys_[i].end == g.end]
            pt = per_type[g.type]
            if exact:
                c["strict_r"] += 1
            if over:
                s = sys_[(exact or over)[0]]
                c["relaxed_r"] += 1
                pt["relaxed_r"] += 1
                if s.value == g.value:
                    c["value_ok"] += 1
                    pt["value_ok"] += 1
                elif args.errors:
                    errors.append(f"VALUE  {path.stem} {g.text!r} gold={g.type}:{g.value} "
                                  f"sys={s.text!r} {s.type}:{s.value} [{s.rule}]")
                if s.type == g.type:
                    c["type_ok"] += 1
                    pt["type_ok"] += 1
                if not exact and args.errors:
                    errors.append(f"SPAN   {path.stem} gold={g.text!r} sys={s.text!r} [{s.rule}]")
            elif args.errors:
                ctx = text[max(0, g.start - 40):g.end + 30].replace("\n", " ")
                errors.append(f"MISS   {path.stem} {g.text!r} {g.type}:{g.value}  …{ctx}…")
        for i, s in enumerate(sys_):
            over = [g for g in golds if s.start < g.end and g.start < s.end]
            if over:
                c["relaxed_p"] += 1
                if any(g.start == s.start and g.end == s.end for g in over):
                    c["strict_p"] += 1
            else:
                per_type[s.type]["fp"] += 1
                if args.errors:
                    ctx = text[max(0, s.start - 40):s.end + 30].replace("\n", " ")
                    errors.append(f"FALSE  {path.stem} {s.text!r} {s.type}:{s.value} [{s.rule}]"
                                  f"  …{ctx}…")
    t_run = time.perf_counter() - t1

    if args.errors:
        for e in sorted(errors):
            print(e)
        print()
    n_g, n_s = c["gold"], c["sys"]
    print(f"French TimeBank: {len(files)} documents, {n_g} gold TIMEX3, {n_s} system")
    print(f"{'':10}{'P':>7}{'R':>7}{'F1':>7}")
    for label, tp_p, tp_r in (("strict", c["strict_p"], c["strict_r"]),
                              ("relaxed", c["relaxed_p"], c["relaxed_r"]),
                              ("value", c["value_ok"], c["value_ok"]),
                              ("type", c["type_ok"], c["type_ok"])):
        p, r, f = prf(tp_p, n_s, tp_r, n_g)
        print(f"{label:10}{p:7.3f}{r:7.3f}{f:7.3f}")
    m = c["relaxed_r"] or 1
    print(f"value accuracy on relaxed matches {c['value_ok'] / m:.3f}; "
          f"type accuracy {c['type_ok'] / m:.3f}")
    print(f"\n{'type':10}{'gold':>6}{'sys':>6}{'found':>7}{'R':>7}{'val.acc':>9}{'fp':>5}")
    for t, pt in sorted(per_type.items()):
        rr = pt["relaxed_r"]
        print(f"{t:10}{pt['gold']:6d}{pt['sys']:6d}{rr:7d}{rr / (pt['gold'] or 1):7.3f}"
              f"{pt['value_ok'] / (rr or 1):9.3f}{pt['fp']:5d}")
    print(f"\nspaCy load {t_load:.1f}s; parse+tag {t_run:.1f}s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
