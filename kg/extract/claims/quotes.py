"""Quotations in French news text: « … », “ … ”, „ … “, found at paragraph level."""

from __future__ import annotations

from dataclasses import dataclass

OPENERS = {"«": "»", "“": "”", "„": "“"}


@dataclass(frozen=True, order=True)
class Quote:
    open: int  # offset of the opening mark
    close: int  # offset just after the closing mark

    @property
    def inner(self) -> tuple[int, int]:
        return self.open + 1, self.close - 1


def find_quotes(text: str, start: int = 0, end: int | None = None) -> list[Quote]:
    """Balanced quotations in text[start:end]: « », “ ”, „ “ and paired straight quotes.

    Nested quotations are returned with the outer one; an unclosed mark is ignored
    (we refuse to guess where it ends).
    """
    end = len(text) if end is None else end
    quotes: list[Quote] = []
    stack: list[tuple[str, int]] = []
    straight: int | None = None
    for i in range(start, end):
        c = text[i]
        if c == '"':
            if straight is None:
                straight = i
            else:
                if not stack:
                    quotes.append(Quote(straight, i + 1))
                straight = None
        elif c in OPENERS and not (c == "“" and stack and stack[-1][0] == "„"):
            stack.append((c, i))
        elif stack and c == OPENERS[stack[-1][0]]:
            _, o = stack.pop()
            if not stack and straight is None:
                quotes.append(Quote(o, i + 1))
    return sorted(q for q in quotes if q.close - q.open > 2) if quotes else []
