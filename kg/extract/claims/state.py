"""What the claim extractor knows while walking an article: the speakers seen so far, the
quotations used, the paragraph starts, and the shared word classes."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from kg.extract.claims.lexicon import Lexicon
from kg.extract.claims.quotes import Quote
from kg.records import Article, Mention

PRONOUNS = {"il": False, "elle": False, "ils": True, "elles": True}


MIN_STANDALONE_WORDS = 4  # a cue-less quotation shorter than this is a scare quote


_DETERMINERS = {"le", "la", "les", "l", "un", "une", "des", "du", "certains", "certaines", "plusieurs", "ces", "ce", "cette", "de", "d"}


_RELATIVE = {"qui", "que", "dont", "lequel", "laquelle", "lesquels", "lesquelles"}


@dataclass
class _Speaker:
    label: str | None
    text: str | None = None
    start: int | None = None
    end: int | None = None
    key: str | None = None
    role: str | None = None
    plural: bool = False
    gender: str | None = None  # "Fem" or "Masc" when the head noun shows it


@dataclass
class _State:
    """What the extractor knows while walking an article in order."""

    doc: Doc
    article: Article
    mentions: tuple[Mention, ...]
    quotes: list[Quote]
    lex: Lexicon
    history: list[tuple[int, _Speaker]] = field(default_factory=list)  # earlier subjects
    used_quotes: set[int] = field(default_factory=set)
    last_speaker: tuple[int, _Speaker] | None = None
    speakers: list[tuple[int, _Speaker]] = field(default_factory=list)  # earlier resolved speakers
    paragraph_starts: list[int] = field(default_factory=list)
    quote_opens: list[int] = field(default_factory=list)
    history_starts: list[int] = field(default_factory=list)
    mention_starts: list[int] = field(default_factory=list)
    tokens: list[Token] = field(default_factory=list)  # the doc's, made once: sentences are walked many times


def _doc_tokens(state: _State) -> list[Token]:
    """The doc's tokens, made on first use."""
    if not state.tokens:
        state.tokens = list(state.doc)
    return state.tokens


def _tokens(state: _State, sent: Span) -> list[Token]:
    """The tokens of ``sent``, as iterating the span gives them."""
    return _doc_tokens(state)[sent.start:sent.end]


def _mentions_in(state: _State, start: int, end: int) -> list[Mention]:
    """Entity mentions lying inside [start, end), in text order (mentions are sorted)."""
    i = bisect_left(state.mention_starts, start)
    out = []
    while i < len(state.mentions) and state.mentions[i].start < end:
        if state.mentions[i].end <= end:
            out.append(state.mentions[i])
        i += 1
    return out


def _in_quote(state: _State, offset: int) -> bool:
    i = bisect_right(state.quote_opens, offset) - 1  # quotations do not overlap
    return i >= 0 and state.quotes[i].open < offset < state.quotes[i].close


# --- incise rule ----------------------------------------------------------------------


def _last_quote_end(state: _State, first: Quote, end: int) -> int:
    last = first.close
    for q in state.quotes:
        if first.close <= q.open and q.close <= end:
            state.used_quotes.add(q.open)
            last = q.close
    return last


def _paragraph_start(state: _State, offset: int, back: int = 0) -> int:
    """Start of the paragraph holding offset, or of the one `back` paragraphs earlier."""
    i = bisect_right(state.paragraph_starts, offset)
    return state.paragraph_starts[max(0, i - 1 - back)] if i else 0


# --- colon, source and continuation rules --------------------------------------------


# *data-source rule*: "selon les chiffres de l'Insee", "selon le calendrier", "selon la loi"
# cite a record, not a speaker.
_DATA_NOUNS = {"chiffres", "chiffre", "données", "statistiques", "classement", "calendrier", "loi", "règlement",
               "sondage", "sondages", "estimation", "estimations", "prévisions", "relevés",
               "décret", "barème", "code", "texte", "termes", "modalités", "résultats", "estimations", "toute",
               "nos", "mes", "vos"}
