"""A first-character guard for the rules' patterns: the same matches, found sooner.

Every rule pattern is tried at every position of the text, and most of them open with
optional words (a determiner, an edge, a modifier) and long alternations, which the regex
engine enters before it fails. :func:`guarded` puts in front of a pattern a look-ahead on
the characters it can start with, worked out from the pattern's own parse: where the next
character is none of them the pattern fails at once. The look-ahead is implied by the
pattern (every match starts with one of those characters), so the matches, their groups
and their order are those of the pattern alone. A pattern whose first character cannot be
worked out (a back-reference, ``.``, a negated class, one that can match the empty string)
is left as it is.
"""

from __future__ import annotations

import re

try:  # the standard library's regular-expression parser (sre_parse before Python 3.11)
    from re import _constants as _C
    from re import _parser as _P
except ImportError:  # pragma: no cover
    import sre_constants as _C  # type: ignore[no-redef]
    import sre_parse as _P  # type: ignore[no-redef]

__all__ = ["guarded"]

_CATEGORIES = {
    _C.CATEGORY_DIGIT: r"\d", _C.CATEGORY_NOT_DIGIT: r"\D", _C.CATEGORY_SPACE: r"\s",
    _C.CATEGORY_NOT_SPACE: r"\S", _C.CATEGORY_WORD: r"\w", _C.CATEGORY_NOT_WORD: r"\W",
}
_ZERO_WIDTH = (_C.AT, _C.ASSERT, _C.ASSERT_NOT)
_REPEATS = (_C.MAX_REPEAT, _C.MIN_REPEAT, getattr(_C, "POSSESSIVE_REPEAT", _C.MAX_REPEAT))


class _Unknown(Exception):
    """The pattern holds something whose first character is not worked out here."""


def guarded(rx: re.Pattern[str]) -> re.Pattern[str]:
    """``rx`` with a look-ahead on its possible first characters, or ``rx`` itself."""
    try:
        chars, nullable = _first(_P.parse(rx.pattern, rx.flags))
        if nullable:
            return rx
        # case-insensitive: a superset of the starts whatever the pattern's own case flags
        return re.compile(f"(?=(?i:[{''.join(sorted(chars))}]))(?:{rx.pattern})", rx.flags)
    except (_Unknown, re.error, TypeError, ValueError):
        return rx


def _first(items) -> tuple[set[str], bool]:
    """Class items for the characters a sequence can start with, and whether it can be empty."""
    chars: set[str] = set()
    for op, av in items:
        more, nullable = _first_of(op, av)
        chars |= more
        if not nullable:
            return chars, False
    return chars, True


def _first_of(op, av) -> tuple[set[str], bool]:
    if op is _C.LITERAL:
        return {_char(av)}, False
    if op is _C.IN:
        return {_class_item(iop, iav) for iop, iav in av}, False
    if op is _C.BRANCH:
        parts = [_first(alternative) for alternative in av[1]]
        return set().union(*(c for c, _ in parts)), any(n for _, n in parts)
    if op is _C.SUBPATTERN:
        return _first(av[3])
    if op is getattr(_C, "ATOMIC_GROUP", None):
        return _first(av)
    if op in _REPEATS:
        chars, nullable = _first(av[2])
        return chars, nullable or av[0] == 0
    if op in _ZERO_WIDTH:  # consumes nothing: the next item starts the match
        return set(), True
    raise _Unknown(op)


def _class_item(op, av) -> str:
    if op is _C.LITERAL:
        return _char(av)
    if op is _C.RANGE:
        return f"{_char(av[0])}-{_char(av[1])}"
    if op is _C.CATEGORY and av in _CATEGORIES:
        return _CATEGORIES[av]
    raise _Unknown(op)  # NEGATE and the rest


def _char(code: int) -> str:
    return f"\\U{code:08x}"
