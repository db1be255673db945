"""Reading ISO-TimeML documents (French TimeBank layout) into text and gold TIMEX3s.

A document is XML with the creation time in ``<DCT><TIMEX3 functionInDocument=
"CREATION_TIME" value=…>`` and the article in ``<TEXT>`` with inline ``<TIMEX3>``,
``<EVENT>``, ``<SIGNAL>`` tags. :func:`read_timeml` strips every tag of ``<TEXT>``,
unescapes entities and keeps each gold TIMEX3 as offsets into the plain text, so that
``gold.text == text[gold.start:gold.end]`` holds like it does for kg's own records.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from pathlib import Path

from kg.errors import InputError

__all__ = ["GoldTimex", "TimemlDoc", "read_timeml", "read_corpus"]

_TAG = re.compile(r"<(/?)([\w:-]+)([^>]*?)(/?)>")
_ATTR = re.compile(r'([\w:-]+)\s*=\s*"([^"]*)"')
_DCT = re.compile(r'<TIMEX3\b[^>]*functionInDocument="CREATION_TIME"[^>]*>')


@dataclass(frozen=True)
class GoldTimex:
    start: int
    end: int
    text: str
    type: str  # DATE, TIME, DURATION, SET
    value: str


@dataclass(frozen=True)
class TimemlDoc:
    name: str
    text: str
    dct: str | None  # the creation time's value, e.g. "1999-05-17"
    timexes: tuple[GoldTimex, ...]


def read_timeml(path: str | Path) -> TimemlDoc:
    """The plain text, creation time and gold TIMEX3s of one ``.tml`` file."""
    path = Path(path)
    try:
        raw = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as e:
        raise InputError(f"{path}: cannot read ({e.__class__.__name__})") from None
    if "<TEXT>" not in raw or "</TEXT>" not in raw:
        raise InputError(f"{path}: not an ISO-TimeML document (no <TEXT> element)")
    dct_tag = _DCT.search(raw)
    dct = dict(_ATTR.findall(dct_tag.group(0))).get("value") if dct_tag else None
    body = raw[raw.index("<TEXT>") + len("<TEXT>") : raw.index("</TEXT>")]

    pieces: list[str] = []
    length = pos = 0
    spans: list[tuple[int, int, dict[str, str]]] = []
    open_timex: tuple[int, dict[str, str]] | None = None
    for m in _TAG.finditer(body):
        chunk = html.unescape(body[pos : m.start()])
        pieces.append(chunk)
        length += len(chunk)
        pos = m.end()
        closing, name, attrs, selfclosing = m.groups()
        if name != "TIMEX3" or selfclosing:
            continue
        if not closing:
            if open_timex is not None:
                raise InputError(f"{path}: nested TIMEX3 at character {m.start()} of <TEXT>")
            open_timex = (length, dict(_ATTR.findall(attrs)))
        elif open_timex is not None:
            start, a = open_timex
            spans.append((start, length, a))
            open_timex = None
    pieces.append(html.unescape(body[pos:]))
    text = "".join(pieces)
    golds = tuple(GoldTimex(s, e, text[s:e], a.get("type", ""), a.get("value", "")) for s, e, a in spans)
    return TimemlDoc(path.stem, text, dct, golds)


def read_corpus(folder: str | Path) -> list[TimemlDoc]:
    """Every ``*.tml`` document under ``folder`` (recursively), sorted by path."""
    folder = Path(folder)
    if not folder.is_dir():
        raise InputError(f"{folder}: not a folder of .tml files")
    files = sorted(folder.rglob("*.tml"))
    if not files:
        raise InputError(f"{folder}: no .tml files found")
    return [read_timeml(f) for f in files]
