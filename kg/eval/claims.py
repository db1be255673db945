"""Scoring reported speech (who said what) against hand-annotated gold.

Gold files are JSON Lines, one item per document (see ``tests/data/claims/README.md``)::

    {"id": "w001", "text": "…", "published": "2024-03-12", "tags": ["incise"],
     "claims": [{"content": "…", "speaker": "Dmitri Peskov", "speaker_aliases": ["Peskov"],
                 "speaker_text": "il", "cue": "a-t-il ajouté", "cue_lemma": "ajouter",
                 "mode": "direct"}]}

An item gives its ``text`` inline, names a ``file`` (read as ``kg build`` reads it) or a
``timebank`` document (the plain text of a French TimeBank ``.tml`` in ``../shared``, never
copied here). ``content``, ``speaker_text`` and ``cue`` are substrings of the text, found once
(or at ``content_at``, ``speaker_at``, ``cue_at``). The protocol is the Gender Gap Tracker's (Radar de parité) French one:

* a system claim **matches** a gold claim when the share of the gold content's characters
  it covers exceeds the threshold (0.3, also reported at 0.8); each gold claim takes its
  best unmatched system claim, in text order; unmatched system claims are false alarms;
* **speaker accuracy** is the share of matched claims attributed to the gold referent:
  the same knowledge-base entity (by name or title: "le porte-parole du Kremlin"), the
  same name once case, accents and a leading determiner are ignored, a proper name that
  ends the other ("Peskov" / "Dmitri Peskov"), or a phrase of two words or more that the
  other only extends ("les diplomates européens [réunis à Bruxelles]"); a pronoun left
  unresolved is wrong;
* **cue accuracy** is the share of matched claims whose cue lemma is the gold one
  (both absent counts as right: a bare colon or a continued quotation);
* **speaker+content recall** is the share of gold claims found *and* attributed to the
  right referent — the joint figure the Gender Gap Tracker reports as its end-to-end score;
* **said-date accuracy**, where the gold dates a statement ("a déclaré mardi"), is the
  share of those matched claims whose date said is the gold one.
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from kg.errors import InputError, ResourceError
from kg.eval.corpora import jsonl_records
from kg.eval.metrics import PRF, ratio
from kg.kb import KnowledgeBase, normalise
from kg.records import Claim

__all__ = ["ClaimMatch", "ClaimReport", "GoldClaim", "GoldItem", "evaluate_claims", "read_gold", "same_speaker",
           "score_item"]

THRESHOLDS = (0.3, 0.8)
MODES = ("direct", "indirect", "mixed")
_DETERMINER = re.compile(r"^(?:le|la|les|l|un|une|des|du|certains|certaines|plusieurs|ces|ce|cette)\s+")


@dataclass(frozen=True)
class GoldClaim:
    content_start: int
    content_end: int
    content: str
    speaker: str
    mode: str
    speaker_aliases: tuple[str, ...] = ()
    speaker_text: str | None = None
    cue: str | None = None
    cue_lemma: str | None = None
    relay: str | None = None  # the medium or person carrying the speaker's words
    said: str | None = None  # ISO date the statement was made, when the text gives it


@dataclass(frozen=True)
class GoldItem:
    id: str
    text: str
    published: str | None
    claims: tuple[GoldClaim, ...]
    tags: tuple[str, ...] = ()
    file: str | None = None  # the article file, when the text is not inline


@dataclass(frozen=True)
class ClaimMatch:
    """A gold claim with the system claim matched to it (or None)."""

    item: str
    gold: GoldClaim
    system: Claim | None
    overlap: float
    speaker_ok: bool
    cue_ok: bool


@dataclass(frozen=True)
class ClaimReport:
    corpus: str
    items: int
    threshold: float
    matches: tuple[ClaimMatch, ...]
    false_alarms: tuple[tuple[str, Claim], ...]
    system: int
    by_threshold: dict[float, PRF] = field(default_factory=dict)
    seconds: float = 0.0

    @property
    def content(self) -> PRF:
        return self.by_threshold[self.threshold]

    @property
    def found(self) -> list[ClaimMatch]:
        return [m for m in self.matches if m.system is not None]

    @property
    def speaker_accuracy(self) -> float:
        return ratio(sum(m.speaker_ok for m in self.found), len(self.found))

    @property
    def joint_recall(self) -> float:
        """Gold claims found with the right speaker, over all gold claims."""
        return ratio(sum(m.speaker_ok for m in self.found), len(self.matches))

    @property
    def said_accuracy(self) -> float | None:
        dated = [m for m in self.found if m.gold.said]
        return ratio(sum((m.system.date or "").startswith(m.gold.said) for m in dated), len(dated)) if dated else None

    @property
    def cue_accuracy(self) -> float:
        return ratio(sum(m.cue_ok for m in self.found), len(self.found))

    @property
    def mode_accuracy(self) -> float:
        return ratio(sum(m.gold.mode == m.system.mode for m in self.found), len(self.found))

    def scores(self) -> dict[str, float]:
        c = self.content
        out = {"content_p": c.precision, "content_r": c.recall, "content_f1": c.f1,
               "speaker_accuracy": self.speaker_accuracy, "joint_recall": self.joint_recall,
               "cue_accuracy": self.cue_accuracy, "mode_accuracy": self.mode_accuracy}
        if self.said_accuracy is not None:
            out["said_accuracy"] = self.said_accuracy
        for t, prf in self.by_threshold.items():
            out[f"content_f1@{t}"] = prf.f1
        return {k: round(v, 3) for k, v in out.items()}


# -- reading the gold -------------------------------------------------------------------


def _find(text: str, needle: str, where: str, at: int | None = None, near: int | None = None) -> int:
    if at is not None:
        if text[at : at + len(needle)] != needle:
            raise InputError(f"{where}: {needle!r} is not at offset {at}")
        return at
    hits = [m.start() for m in re.finditer(re.escape(needle), text)]
    if not hits:
        raise InputError(f"{where}: {needle!r} is not in the text")
    if len(hits) > 1 and near is None:
        raise InputError(f"{where}: {needle!r} occurs {len(hits)} times; give content_at")
    return hits[0] if near is None else min(hits, key=lambda h: abs(h - near))


def _gold_claim(raw: dict, text: str, where: str) -> GoldClaim:
    try:
        content, speaker, mode = raw["content"], raw["speaker"], raw["mode"]
    except KeyError as e:
        raise InputError(f"{where}: claim lacks {e.args[0]!r}") from None
    if mode not in MODES:
        raise InputError(f"{where}: mode {mode!r} is not one of {', '.join(MODES)}")
    start = _find(text, content, where, raw.get("content_at"))
    for name, at in (("speaker_text", "speaker_at"), ("cue", "cue_at")):
        if raw.get(name):
            _find(text, raw[name], where, raw.get(at), near=start)
    return GoldClaim(
        content_start=start, content_end=start + len(content), content=content, speaker=speaker, mode=mode,
        speaker_aliases=tuple(raw.get("speaker_aliases") or ()), speaker_text=raw.get("speaker_text"),
        cue=raw.get("cue"), cue_lemma=raw.get("cue_lemma"), relay=raw.get("relay"), said=raw.get("said"),
    )


def _resolve_file(name: str, gold_path: Path) -> Path:
    """An item's ``file``: as given, else relative to the gold file's folder or its parents."""
    candidate = Path(name)
    if candidate.is_absolute() or candidate.exists():
        return candidate
    for folder in gold_path.resolve().parents:
        if (folder / name).exists():
            return folder / name
    raise InputError(f"{gold_path}: article file {name!r} not found")


def _timebank_text(name: str, where: str) -> tuple[str, str | None]:
    """The plain text and creation date of a French TimeBank document, read from ``../shared``."""
    from kg.eval.corpora import timebank_dir
    from kg.eval.timeml import read_timeml

    path = timebank_dir() / f"{name}.tml"
    if not path.exists():
        raise ResourceError(f"{where}: French TimeBank document {name!r} not found in {timebank_dir()}")
    doc = read_timeml(path)
    return doc.text, doc.dct


def read_gold(path: str | Path) -> list[GoldItem]:
    """The gold items of one ``.jsonl`` file, or of every ``.jsonl`` file of a folder."""
    from kg.ingest import read_article

    path = Path(path)
    if path.is_dir():
        files = sorted(path.glob("*.jsonl"))
        if not files:
            raise InputError(f"{path}: no .jsonl gold files found")
        items = []
        for f in files:
            try:
                items.extend(read_gold(f))
            except ResourceError as e:  # a set on a corpus of ../shared that is not here
                print(f"note: {f.name} skipped: {e}", file=sys.stderr)
        return items
    items: list[GoldItem] = []
    for where, raw in jsonl_records(path):
        if "timebank" in raw:
            text, published = _timebank_text(raw["timebank"], where)
            published = raw.get("published") or published
        elif "file" in raw:
            article = read_article(_resolve_file(raw["file"], path), raw.get("published"))
            text, published = article.text, article.published
        elif "text" in raw:
            text, published = raw["text"], raw.get("published")
        else:
            raise InputError(f"{where}: item has neither 'text' nor 'file'")
        claims = tuple(_gold_claim(c, text, f"{where} ({raw.get('id', '?')})") for c in raw.get("claims", ()))
        items.append(GoldItem(str(raw.get("id", f"{path.stem}-{where.rsplit(':', 1)[1]}")), text, published, claims,
                              tuple(raw.get("tags", ())), raw.get("file")))
    return items


# -- matching -------------------------------------------------------------------------------


def _name_key(name: str) -> str:
    return _DETERMINER.sub("", normalise(name))


def _ends_with_name(short: str, long: str, original: str) -> bool:
    """``short`` is a proper name (capitalised) whose words end ``long``."""
    s, lw = short.split(), long.split()
    return bool(s) and len(s) < len(lw) and lw[-len(s):] == s and original[:1].isupper()


def same_speaker(claim: Claim, gold: GoldClaim, kb: KnowledgeBase | None = None) -> bool:
    """Whether the system attributes ``claim`` to the gold claim's referent."""
    if not claim.speaker:
        return False
    names = (gold.speaker, *gold.speaker_aliases)
    if kb is not None and claim.speaker_key:
        for name in names:
            entry = kb.lookup(name) or kb.lookup_title(_name_key(name))
            if entry is not None and entry.id == claim.speaker_key:
                return True
    mine = _name_key(claim.speaker)
    for name in names:
        theirs = _name_key(name)
        if mine == theirs or _ends_with_name(mine, theirs, claim.speaker) or _ends_with_name(theirs, mine, name):
            return True
        if _modified(mine, theirs) or _modified(theirs, mine):
            return True
    return False


def _modified(short: str, long: str) -> bool:
    """``long`` is ``short`` with a modifier after it ("diplomates européens réunis à Bruxelles"),
    when ``short`` has at least two words of its own; a "de" complement ("le porte-parole
    du Kremlin") names a different, narrower referent and does not count."""
    if len(short.split()) < 2 or not long.startswith(short + " "):
        return False
    return long[len(short) + 1 :].split()[0] not in {"de", "du", "des", "d"}


def _overlap(gold: GoldClaim, claim: Claim) -> float:
    inter = min(gold.content_end, claim.content_end) - max(gold.content_start, claim.content_start)
    return max(0, inter) / max(1, gold.content_end - gold.content_start)


def score_item(item: GoldItem, system: Sequence[Claim], threshold: float,
               kb: KnowledgeBase | None = None) -> tuple[list[ClaimMatch], list[Claim]]:
    """Matches for every gold claim of ``item``, and the unmatched system claims."""
    left = list(system)
    matches: list[ClaimMatch] = []
    for g in sorted(item.claims, key=lambda c: c.content_start):
        best, best_score = None, threshold
        for c in left:
            score = _overlap(g, c)
            if score > best_score:
                best, best_score = c, score
        if best is None:
            matches.append(ClaimMatch(item.id, g, None, 0.0, False, False))
            continue
        left.remove(best)
        cue_ok = (best.cue_lemma or None) == (g.cue_lemma or None)
        matches.append(ClaimMatch(item.id, g, best, best_score, same_speaker(best, g, kb), cue_ok))
    return matches, left


def evaluate_claims(gold: str | Path | Iterable[GoldItem], pipeline=None, threshold: float = THRESHOLDS[0]) -> ClaimReport:
    """Run kg's pipeline over every gold item and score its claims."""
    import time

    from kg.ingest import text_article
    from kg.pipeline import default_pipeline

    pipeline = pipeline or default_pipeline()
    corpus = str(gold) if isinstance(gold, (str, Path)) else "<items>"
    items = read_gold(gold) if isinstance(gold, (str, Path)) else list(gold)
    articles = [text_article(i.text, i.id, i.published) for i in items]
    started = time.perf_counter()
    extracted = [x.claims for x in pipeline.extract_many(articles)]
    seconds = time.perf_counter() - started
    by_threshold: dict[float, PRF] = {}
    main: tuple[list[ClaimMatch], list[tuple[str, Claim]]] = ([], [])
    for t in sorted({threshold, *THRESHOLDS}):
        matches, alarms = [], []
        for item, claims in zip(items, extracted):
            m, left = score_item(item, claims, t, pipeline.kb)
            matches.extend(m)
            alarms.extend((item.id, c) for c in left)
        found = sum(m.system is not None for m in matches)
        by_threshold[t] = PRF(found, sum(len(c) for c in extracted), found, len(matches))
        if t == threshold:
            main = (matches, alarms)
    return ClaimReport(corpus, len(items), threshold, tuple(main[0]), tuple(main[1]),
                       sum(len(c) for c in extracted), by_threshold, seconds)


def tag_counts(items: Iterable[GoldItem]) -> Counter:
    return Counter(t for i in items for t in i.tags)
