"""Precision, recall and F1 from counts, the one formula every evaluation uses."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["PRF", "ratio"]


def ratio(part: int, whole: int) -> float:
    """part / whole, or 0.0 when there is nothing to divide by."""
    return part / whole if whole else 0.0


@dataclass(frozen=True)
class PRF:
    """Scores from counts: ``found_p`` system items judged right out of ``system``,
    ``found_r`` gold items found out of ``gold`` (they differ when spans overlap
    several items, as in TempEval-3's relaxed match)."""

    found_p: int
    system: int
    found_r: int
    gold: int

    @property
    def precision(self) -> float:
        return ratio(self.found_p, self.system)

    @property
    def recall(self) -> float:
        return ratio(self.found_r, self.gold)

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0
