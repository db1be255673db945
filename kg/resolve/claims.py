"""Canonical claims: the same speaker saying the same thing, however many articles quote it.

Two claim mentions are one statement when

* **same-speaker**: the same speaker entity, or — when neither is resolved to an entity —
  the same speaker name (case- and accent-insensitive); a claim without a speaker only
  matches a claim of its own article;
* **same-words**: their contents match by rapidfuzz's ``token_set_ratio`` at
  :data:`SIMILARITY` or more (word order, cuts and small rewordings between outlets keep
  the score high; one quote cut out of a longer one scores 100), with at least
  :data:`MIN_SHARED_WORDS` words in common so that two short answers never merge;
* **same-time**: when both are dated, their dates are at most :data:`DATE_TOLERANCE` days apart.

Clustering is complete-link and greedy in article and offset order, blocked by speaker.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from functools import lru_cache

from rapidfuzz import fuzz

from kg.kb import normalise
from kg.resolve.dates import days, gap
from kg.resolve.mentions import ClaimMention, Cluster

SIMILARITY = 85.0
MIN_SHARED_WORDS = 4
DATE_TOLERANCE = 3
_WORD = re.compile(r"\w+")


ClaimCluster = Cluster  # of ClaimMentions


@lru_cache(maxsize=65536)
def words(text: str) -> str:
    """Lower-case, accent-less words of a content, space-separated."""
    bare = "".join(c for c in unicodedata.normalize("NFKD", text.casefold()) if not unicodedata.combining(c))
    return " ".join(_WORD.findall(bare))


def speaker_key(m: ClaimMention) -> str:
    if m.speaker:
        return m.speaker
    if m.speaker_label:
        return "name:" + _normalised(m.speaker_label)
    return "article:" + m.article


@lru_cache(maxsize=65536)
def _normalised(label: str) -> str:
    return normalise(label)


def _week(m: ClaimMention) -> int | None:
    """The week a claim was said, else the week it was published (reported speech is news)."""
    span = days(m.date)
    if span and span[1] - span[0] < 7:
        return span[0] // 7
    pub = days(m.published)
    return pub[0] // 7 if pub else None


def similar(a: ClaimMention, b: ClaimMention) -> float | None:
    """The content similarity of two mentions (0–100), or None when below the rules."""
    wa, wb = words(a.text), words(b.text)
    if wa == wb:
        return 100.0
    if len(set(wa.split()) & set(wb.split())) < MIN_SHARED_WORDS:
        return None
    score = fuzz.token_set_ratio(wa, wb)
    return score if score >= SIMILARITY else None


def compatible(a: ClaimMention, b: ClaimMention) -> str | None:
    if speaker_key(a) != speaker_key(b):
        return None
    da, db = days(a.date), days(b.date)
    if da and db and gap(da, db) > DATE_TOLERANCE:
        return None
    score = similar(a, b)
    if score is None:
        return None
    return "same speaker, same words" if score == 100 else f"same speaker, similar words ({score:.0f})"


def cluster_claims(mentions: list[ClaimMention]) -> list[ClaimCluster]:
    """Claim clusters, blocked by speaker and week — the week said, else the week published —
    (same-time allows 3 days, so a claim meets the clusters of its week and the two next to
    it; a claim with neither date meets every cluster of its speaker)."""
    clusters: list[ClaimCluster] = []
    by_speaker: dict[tuple, list[int]] = defaultdict(list)  # (speaker, week or None) → clusters
    any_week: dict[str, list[int]] = defaultdict(list)  # speaker → every cluster
    for m in sorted(mentions, key=lambda m: (m.article, m.start, m.iri)):
        who, week = speaker_key(m), _week(m)
        if week is None:
            candidates = any_week[who]
        else:
            candidates = sorted({*by_speaker[(who, None)], *by_speaker[(who, week - 1)], *by_speaker[(who, week)],
                                 *by_speaker[(who, week + 1)]})
        best, best_score, best_basis = None, None, None
        for i in candidates:
            bases = [compatible(m, o) for o in clusters[i].mentions]
            if any(b is None for b in bases):
                continue
            score = (min(similar(m, o) or 0 for o in clusters[i].mentions), -i)
            if best_score is None or score > best_score:
                best, best_score, best_basis = i, score, bases[0]
        if best is None:
            clusters.append(ClaimCluster([m]))
            best = len(clusters) - 1
            any_week[who].append(best)
        else:
            clusters[best].mentions.append(m)
            clusters[best].basis.add(best_basis)
        if best not in by_speaker[(who, week)]:
            by_speaker[(who, week)].append(best)
    return clusters


def representative(cluster: ClaimCluster) -> ClaimMention:
    """The wording shown for a canonical claim: the longest report (every report matches every
    other, so the longest is the one cut least), ties to the first."""
    return min(cluster.mentions, key=lambda m: (-len(m.text), m.article, m.start))
