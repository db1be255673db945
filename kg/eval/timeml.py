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

__all__ = ["GoldEvent", "GoldTimex", "TimemlDoc", "extract_documents", "read_timeml", "read_corpus"]

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
    tid: str = ""


@dataclass(frozen=True)
class GoldEvent:
    """A TimeML EVENT with its attributes and the time expressions TLINKs put it in."""

    start: int
    end: int
    text: str
    eiid: str  # the event instance id TLINKs point to (eiid, else eid)
    cls: str  # OCCURRENCE, STATE, REPORTING, I_ACTION, I_STATE, ASPECTUAL, MODAL…
    polarity: str = "POS"
    mood: str = ""
    tense: str = ""
    modality: str = ""  # POSSIBILITY, OBLIGATION, NECESSITY, PERMISSION (a modal on the event)
    times: tuple[str, ...] = ()  # tids of the DATE/TIME expressions that include the event (TLINKs)


@dataclass(frozen=True)
class TimemlDoc:
    name: str
    text: str
    dct: str | None  # the creation time's value, e.g. "1999-05-17"
    timexes: tuple[GoldTimex, ...]
    events: tuple[GoldEvent, ...] = ()


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
    event_spans: list[tuple[int, int, dict[str, str]]] = []
    open_tags: dict[str, tuple[int, dict[str, str]] | None] = {"TIMEX3": None, "EVENT": None}
    for m in _TAG.finditer(body):
        chunk = html.unescape(body[pos : m.start()])
        pieces.append(chunk)
        length += len(chunk)
        pos = m.end()
        closing, name, attrs, selfclosing = m.groups()
        if name not in open_tags or selfclosing:
            continue
        if not closing:
            if open_tags[name] is not None:
                raise InputError(f"{path}: nested {name} at character {m.start()} of <TEXT>")
            open_tags[name] = (length, dict(_ATTR.findall(attrs)))
        elif open_tags[name] is not None:
            start, a = open_tags[name]
            (spans if name == "TIMEX3" else event_spans).append((start, length, a))
            open_tags[name] = None
    pieces.append(html.unescape(body[pos:]))
    text = "".join(pieces)
    golds = tuple(GoldTimex(s, e, text[s:e], a.get("type", ""), a.get("value", ""), a.get("tid", ""))
                  for s, e, a in spans)
    return TimemlDoc(path.stem, text, dct, golds, _events(raw, text, event_spans, golds))


# event → time relations that put the event inside the time (TimeML TLINK relTypes), by direction
_EVENT_IN_TIME = {"IS_INCLUDED", "DURING", "SIMULTANEOUS", "BEGINS", "ENDS", "IDENTITY"}
_TIME_HOLDS_EVENT = {"INCLUDES", "DURING", "SIMULTANEOUS", "BEGUN_BY", "ENDED_BY", "IDENTITY"}
_TLINK = re.compile(r"<TLINK\b[^>]*>")
_INSTANCE = re.compile(r"<MAKEINSTANCE\b[^>]*>")


def _events(raw: str, text: str, spans: list[tuple[int, int, dict[str, str]]],
            timexes: tuple[GoldTimex, ...]) -> tuple[GoldEvent, ...]:
    """EVENTs with their attributes (also from MAKEINSTANCE, TimeML 1.2 style) and the DATE/TIME
    expressions of the text that a TLINK says include them."""
    instances = {}
    for tag in _INSTANCE.findall(raw):
        a = dict(_ATTR.findall(tag))
        instances[a.get("eventID", "")] = a
    dated = {t.tid for t in timexes if t.type in ("DATE", "TIME")}
    times: dict[str, list[str]] = {}
    for tag in _TLINK.findall(raw):
        a = dict(_ATTR.findall(tag))
        rel = a.get("relType", "")
        if a.get("eventInstanceID") and a.get("relatedToTime") in dated and rel in _EVENT_IN_TIME:
            times.setdefault(a["eventInstanceID"], []).append(a["relatedToTime"])
        elif a.get("timeID") in dated and a.get("relatedToEventInstance") and rel in _TIME_HOLDS_EVENT:
            times.setdefault(a["relatedToEventInstance"], []).append(a["timeID"])
    out = []
    for s, e, a in spans:
        a = {**instances.get(a.get("eid", ""), {}), **a}
        eiid = a.get("eiid") or a.get("eid", "")
        out.append(GoldEvent(s, e, text[s:e], eiid, a.get("class", ""), a.get("polarity", "POS"), a.get("mood", ""),
                             a.get("tense", ""), a.get("modality", ""), tuple(dict.fromkeys(times.get(eiid, ())))))
    return tuple(out)


def read_corpus(folder: str | Path) -> list[TimemlDoc]:
    """Every ``*.tml`` document under ``folder`` (recursively), sorted by path."""
    folder = Path(folder)
    if not folder.is_dir():
        raise InputError(f"{folder}: not a folder of .tml files")
    files = sorted(folder.rglob("*.tml"))
    if not files:
        raise InputError(f"{folder}: no .tml files found")
    return [read_timeml(f) for f in files]


def extract_documents(docs: list[TimemlDoc], pipeline=None):
    """(document, Extraction) pairs: each document run through :class:`kg.pipeline.Pipeline` (what
    ``kg build`` runs) as an article published on its creation time."""
    from kg.ingest import text_article
    from kg.pipeline import default_pipeline

    pipeline = pipeline or default_pipeline()
    articles = [text_article(d.text, d.name, d.dct[:10] if d.dct else None) for d in docs]
    return zip(docs, pipeline.extract_many(articles))
