"""Precision, recall and F1 from counts, the one formula every evaluation uses."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["PRF", "f1", "ratio"]


def ratio(part: int, whole: int) -> float:
    """part / whole, or 0.0 when there is nothing to divide by."""
    return part / whole if whole else 0.0


def f1(precision: float, recall: float) -> float:
    """Their harmonic mean, or 0.0 when both are 0."""
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


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
        return f1(self.precision, self.recall)
