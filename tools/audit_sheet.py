"""Write a blind-audit sheet: a random sample of timeline rows kg builds from a corpus.

    python tools/audit_sheet.py ftb-dev   --n 80 --seed 21 --out /tmp/sheet.jsonl
    python tools/audit_sheet.py news DIR  --n 80 --seed 21 --out /tmp/sheet.jsonl
    python tools/audit_sheet.py ftb-heldout --exclude tests/data/events-audit/ftb-heldout.jsonl …  (fresh rows)

``ftb-dev`` / ``ftb-heldout`` are French TimeBank's thirds (read from ../shared, never copied);
``news DIR`` is a folder of ``NNN.txt`` + ``NNN.meta.json`` articles. The sheet goes to a judge
who never runs kg (``tests/data/events-audit/GUIDELINES.md``); their verdicts come back as
judgment lines, which ``kg eval events`` replays (``kg.eval.audit``).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from kg.eval.audit import corpus_rows, news_texts, sheet, timebank_texts


def corpus_texts(corpus: str, folder: str | None) -> dict[str, tuple[str, str | None]]:
    """File name → (text, publication date) of a corpus name."""
    if corpus.startswith("ftb-"):
        return timebank_texts(corpus.removeprefix("ftb-"))
    if corpus == "news" and folder:
        return news_texts(folder)
    sys.exit(f"unknown corpus {corpus!r} (ftb-dev, ftb-heldout, news DIR)")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus")
    ap.add_argument("folder", nargs="?")
    ap.add_argument("--n", type=int, default=80)
    ap.add_argument("--seed", type=int, default=21)
    ap.add_argument("--prefix", default="r")
    ap.add_argument("--only", help="comma-separated file names to keep (a split of a news folder)")
    ap.add_argument("--exclude", action="append", default=[],
                    help="a sheet or judgments file whose rows are not sampled again (a fresh sample)")
    ap.add_argument("--out", required=True)
    args = ap.parse_args()
    texts = corpus_texts(args.corpus, args.folder)
    if args.only:
        keep = set(args.only.split(","))
        texts = {k: v for k, v in texts.items() if k in keep}
    rows = [r for r in corpus_rows(texts) if r.salient]
    seen = {tuple(m) for path in args.exclude for line in Path(path).read_text(encoding="utf-8").splitlines()
            if line.strip() for m in json.loads(line)["mentions"]}
    rows = [r for r in rows if not seen & set(r.mentions)]
    lines = sheet(rows, {k: t for k, (t, _) in texts.items()}, args.n, args.seed, args.prefix)
    Path(args.out).write_text("".join(json.dumps(x, ensure_ascii=False) + "\n" for x in lines), encoding="utf-8")
    print(f"{len(rows)} timeline rows from {len(texts)} articles; {len(lines)} sampled into {args.out}")


if __name__ == "__main__":
    main()
