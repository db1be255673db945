"""A synthetic French news corpus for benchmarks, from real sentences.

Articles are built from paragraphs of the seed articles and of French TimeBank
(Est Républicain news, if present), shuffled with a fixed seed, each with a
`.meta.json` publication date — so the benchmark exercises the real extractors
on real French prose, at any size.
"""

from __future__ import annotations

import json
import random
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TIMEBANK = ROOT.parent / "shared" / "eval" / "french-timebank" / "Data"


def paragraphs() -> list[str]:
    paras = []
    for path in sorted((ROOT / "seeds").glob("*.txt")):
        paras += [p.strip() for p in path.read_text("utf-8").split("\n") if len(p.split()) > 12]
    if TIMEBANK.exists():
        for path in sorted(TIMEBANK.glob("*.tml")):
            body = re.sub(r"<[^>]+>", "", path.read_text("utf-8"))
            paras += [p.strip() for p in body.split("\n") if len(p.split()) > 12]
    return paras


def write_corpus(folder: Path, n: int, words_per_article: int = 450, seed: int = 7) -> int:
    """Write n articles to folder; returns the total word count."""
    rng = random.Random(seed)
    pool = paragraphs()
    folder.mkdir(parents=True, exist_ok=True)
    total = 0
    for i in range(n):
        chosen, words = [], 0
        while words < words_per_article:
            p = rng.choice(pool)
            chosen.append(p)
            words += len(p.split())
        text = "\n\n".join(chosen) + "\n"
        total += len(text.split())
        (folder / f"bench_{i:05d}.txt").write_text(text, "utf-8")
        day = f"2024-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        (folder / f"bench_{i:05d}.meta.json").write_text(json.dumps({"published": day}), "utf-8")
    return total
