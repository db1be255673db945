"""Turning files into :class:`~kg.records.Article` records.

Plain text (``.txt``, ``.text``) is decoded and kept exactly as written: line breaks
(``\\r\\n`` too) and spaces are not touched, because every offset downstream points
into :attr:`Article.text`. A UTF-8 byte-order mark is dropped, so offsets count from
the first character after it.

HTML (``.html``, ``.htm``) goes through trafilatura: :attr:`Article.text` is the
*extracted main text* (paragraphs and headings separated by a blank line, list items
one per line after "- "; no scripts, menus, comments or tables), and offsets refer
to that text, not to the markup. The page's title, date, URL and site name fill the
metadata.

A sidecar ``NAME.meta.json`` next to ``NAME.txt`` may give ``published`` (ISO date),
``url``, ``title``, ``source`` and ``language``; it wins over what the page says.
The publication date comes from, in order: the ``published`` argument (the CLI's
``--published``), the sidecar, the HTML metadata, a statement of the text itself
(:func:`kg.ingest.pubdate.infer_published`), or nowhere: it is never invented.

Every failure is an :class:`~kg.errors.InputError` with one line, "PATH: reason".
"""

from __future__ import annotations

import codecs
import datetime as dt
import hashlib
import json
import os
import re
from collections.abc import Iterable, Iterator
from functools import lru_cache
from pathlib import Path
from typing import Any

from kg.errors import InputError
from kg.ingest.junk import find_junk
from kg.ingest.pubdate import infer_published
from kg.records import Article

__all__ = [
    "HTML_SUFFIXES",
    "SIDECAR_SUFFIX",
    "TEXT_SUFFIXES",
    "iter_input_paths",
    "read_article",
    "sidecar_path",
    "text_article",
]

TEXT_SUFFIXES = frozenset({".txt", ".text"})
HTML_SUFFIXES = frozenset({".html", ".htm"})
SIDECAR_SUFFIX = ".meta.json"
SIDECAR_KEYS = ("published", "url", "title", "source", "language")

# -- finding input files -----------------------------------------------------------


def _is_article_name(name: str) -> bool:
    return (
        not name.startswith(".")
        and not name.endswith(SIDECAR_SUFFIX)
        and Path(name).suffix.lower() in TEXT_SUFFIXES | HTML_SUFFIXES
    )


def _walk(folder: Path, seen_dirs: set[str], errors: list[InputError] | None = None) -> Iterator[Path]:
    """Article files under ``folder``, sorted by name, depth first.

    Symbolic links to folders are followed once: a folder already visited (by its
    real path) is skipped, so a link loop ends. Dangling links are skipped.
    """
    real = os.path.realpath(folder)
    if real in seen_dirs:
        return
    seen_dirs.add(real)
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError as exc:
        error = InputError(f"{folder}: cannot list folder ({exc.strerror or exc})")
        if errors is None:
            raise error from exc
        errors.append(error)  # an unreadable sub-folder is reported; its siblings are still read
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        path = folder / entry.name
        try:
            is_dir = entry.is_dir()  # follows links; False for a dangling or looping link
            is_file = not is_dir and entry.is_file()
        except OSError:
            continue
        if is_dir:
            yield from _walk(path, seen_dirs, errors)
        elif is_file and _is_article_name(entry.name):
            yield path


def iter_input_paths(paths: Iterable[str | Path], errors: list[InputError] | None = None) -> Iterator[Path]:
    """The article files named by ``paths``, each once, in the order given.

    A folder stands for its ``.txt``/``.text``/``.html``/``.htm`` files, recursively,
    sorted by name, without hidden files or folders and without sidecars. A file
    named explicitly is kept whatever its extension (reading it will say if it is
    not text), except a sidecar, which belongs to its article (``kg build seeds/*``
    names both). A path that does not exist or a folder that cannot be listed raises
    :class:`InputError` — or, when ``errors`` is a list, is appended to it and skipped.
    """
    seen_files: set[str] = set()
    seen_dirs: set[str] = set()
    for given in paths:
        path = Path(given)
        if path.is_dir():
            candidates: Iterable[Path] = _walk(path, seen_dirs, errors)
        elif path.exists():
            if path.name.endswith(SIDECAR_SUFFIX):
                continue
            candidates = (path,)
        elif errors is not None:
            errors.append(InputError(f"{given}: no such file or directory"))
            continue
        else:
            raise InputError(f"{given}: no such file or directory")
        for candidate in candidates:
            real = os.path.realpath(candidate)
            if real not in seen_files:
                seen_files.add(real)
                yield candidate


# -- bytes -------------------------------------------------------------------------

# Signatures of the binary formats most often dropped into a corpus folder by mistake.
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"%PDF-", "PDF document"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"PK\x03\x04", "ZIP archive, DOCX or ODT document"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "Microsoft Office document"),
    (b"{\\rtf", "RTF document"),
    (b"\x1f\x8b", "gzip archive"),
    (b"BZh", "bzip2 archive"),
    (b"7z\xbc\xaf\x27\x1c", "7-Zip archive"),
    (b"\xfd7zXZ\x00", "xz archive"),
    (b"\x7fELF", "executable"),
    (b"SQLite format 3\x00", "SQLite database"),
)
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),  # before UTF-16 LE, whose BOM is its prefix
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Characters a French text in a Western single-byte encoding is made of, beyond ASCII.
_WESTERN = frozenset(
    "àâäáãåçéèêëíìîïñóòôöõúùûüýÿœæÀÂÄÁÃÅÇÉÈÊËÍÌÎÏÑÓÒÔÖÕÚÙÛÜÝŸŒÆß"
    "«»‘’‚“”„–—…€£°·•§¶©®™±×÷²³¹ºª¼½¾¿¡\u00a0\u202f"
)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_MAX_CONTROL_RATIO = 0.01  # a stray DOS end-of-file mark is fine, a binary blob is not


def _read_bytes(path: Path, shown: str) -> bytes:
    try:
        return path.read_bytes()
    except FileNotFoundError as exc:
        raise InputError(f"{shown}: no such file or directory") from exc
    except IsADirectoryError as exc:
        raise InputError(f"{shown}: is a directory") from exc
    except PermissionError as exc:
        raise InputError(f"{shown}: permission denied") from exc
    except OSError as exc:
        raise InputError(f"{shown}: cannot read file ({exc.strerror or exc})") from exc


def _binary_kind(data: bytes) -> str | None:
    """What binary format ``data`` is, or None if it may be text."""
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            return kind
    if any(data.startswith(bom) for bom, _ in _BOMS[1:]):
        return None  # UTF-16/32 text is full of NUL bytes
    if b"\x00" in data:
        return "contains NUL bytes"
    return None


def _looks_western(text: str) -> bool:
    """True when every non-ASCII character is one of a French/Western European text."""
    other = [c for c in text if ord(c) > 127]
    return sum(c in _WESTERN for c in other) >= 0.95 * len(other)


def _declared_charset(data: bytes) -> str | None:
    """The charset an HTML page declares in its first bytes (``<meta charset>``)."""
    m = re.search(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", data[:4096], re.IGNORECASE)
    if not m:
        return None
    try:
        return codecs.lookup(m.group(1).decode("ascii")).name
    except LookupError:
        return None


def _decode(data: bytes, shown: str, declared: str | None = None) -> tuple[str, str]:
    """``(text, encoding)``: UTF-8 (a BOM is dropped), a declared charset, then
    Windows-1252/Latin-1 for Western text, then charset-normalizer's guess."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding
            except UnicodeDecodeError:
                raise InputError(f"{shown}: cannot decode text (invalid {encoding})") from None
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    if declared:
        try:
            return data.decode(declared), declared
        except UnicodeDecodeError:
            pass
    # Charset detectors are unreliable on short French texts (a 60-byte Latin-1 line
    # comes back as mac_latin2); Windows-1252 decodes every Latin-1 file identically
    # and also knows ’ “ ” – … €, so it is tried first and kept when the result is
    # made of French letters and punctuation.
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        text = None
    if text is not None and _looks_western(text):
        c1 = any(0x80 <= b <= 0x9F for b in data)
        return text, "cp1252" if c1 else "iso8859-1"
    from charset_normalizer import from_bytes  # import here: slow, and rarely needed

    best = from_bytes(data).best()
    if best is None or best.encoding in ("utf_8", "ascii"):
        raise InputError(f"{shown}: cannot decode text (not UTF-8, and no known encoding fits)")
    return str(best), codecs.lookup(best.encoding).name


def _decode_text(data: bytes, shown: str, declared: str | None = None) -> tuple[str, str]:
    if not data:
        raise InputError(f"{shown}: empty file")
    kind = _binary_kind(data)
    if kind:
        raise InputError(f"{shown}: binary file ({kind})")
    text, encoding = _decode(data, shown, declared)
    if len(_CONTROL.findall(text)) > _MAX_CONTROL_RATIO * len(text):
        raise InputError(f"{shown}: binary file (control characters)")
    if not text.strip():
        raise InputError(f"{shown}: no text (whitespace only)")
    return text, encoding


# -- sidecars and dates ------------------------------------------------------------


def sidecar_path(path: str | Path) -> Path:
    """``NAME.meta.json`` next to ``NAME.txt`` (or ``NAME.html``)."""
    path = Path(path)
    return path.with_name(path.stem + SIDECAR_SUFFIX)


def _iso_date(value: object) -> str | None:
    """``value`` as ``YYYY-MM-DD`` if it is an ISO date (or date-time), else None."""
    if not isinstance(value, str):
        return None
    value = value.strip()
    try:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            return dt.date.fromisoformat(value).isoformat()
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?", value):
            return dt.datetime.fromisoformat(value).date().isoformat()
    except ValueError:
        return None
    return None


def _read_sidecar(path: Path) -> tuple[dict[str, str], bytes]:
    """The sidecar's fields, validated, and its raw bytes (``{}``, ``b""`` if none)."""
    side = sidecar_path(path)
    if not side.is_file():
        return {}, b""
    raw = _read_bytes(side, str(side))
    try:
        data: Any = json.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise InputError(f"{side}: invalid JSON (not UTF-8)") from None
    except json.JSONDecodeError as exc:
        raise InputError(f"{side}: invalid JSON: {exc.msg} (line {exc.lineno}, column {exc.colno})") from None
    if not isinstance(data, dict):
        raise InputError(f"{side}: invalid sidecar (expected a JSON object)")
    fields: dict[str, str] = {}
    for key in SIDECAR_KEYS:
        value = data.get(key)
        if value is None:
            continue
        if not isinstance(value, str):
            raise InputError(f"{side}: invalid {key!r} value {value!r} (expected a string)")
        if key == "published":
            iso = _iso_date(value)
            if iso is None:
                raise InputError(f"{side}: invalid 'published' value {value!r} (expected YYYY-MM-DD)")
            value = iso
        if value.strip():
            fields[key] = value.strip()
    return fields, raw


# -- HTML --------------------------------------------------------------------------

_HTML_START = re.compile(r"\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b", re.IGNORECASE | re.DOTALL)
_HTML_LANG = re.compile(r"""<html\b[^>]*?\blang\s*=\s*["']?([A-Za-z]{2,3})\b""", re.IGNORECASE)


def _block_text(element: Any) -> str:
    """The text of a trafilatura block, with its ``<lb/>`` line breaks."""
    parts: list[str] = [element.text or ""]
    for child in element:
        parts.append("\n" if child.tag == "lb" else _block_text(child))
        parts.append(child.tail or "")
    return "".join(parts)


def _main_text(body: Any) -> str:
    """Paragraphs, headings and quotes separated by a blank line; list items on their own line."""
    blocks: list[str] = []
    for element in body:
        if element.tag in ("table", "graphic", "lb"):
            continue
        if element.tag == "list":
            items = [_block_text(item).strip() for item in element if item.tag == "item"]
            block = "\n".join(f"- {item}" for item in items if item)
        else:
            block = "\n".join(line.strip() for line in _block_text(element).strip().split("\n"))
        if block.strip():
            blocks.append(block)
    return "\n\n".join(blocks)


def _extract_html(markup: str, shown: str) -> tuple[str, dict[str, str]]:
    """The main text of a page and its metadata (title, published, url, source, language)."""
    import trafilatura  # import here: slow, and only needed for HTML

    # lxml refuses a str that still declares its encoding; the text is decoded already.
    markup = re.sub(r"^\s*<\?xml[^>]*\?>", "", markup)
    try:
        doc = trafilatura.bare_extraction(
            markup,
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            # Metadata only: a date that the text mentions is not the publication date.
            date_extraction_params={"extensive_search": False, "original_date": True},
        )
    except Exception as exc:  # trafilatura raises whatever its parsers raise
        raise InputError(f"{shown}: cannot parse HTML ({type(exc).__name__})") from exc
    body = getattr(doc, "body", None)
    text = _main_text(body) if body is not None else ""
    if not text.strip():
        raise InputError(f"{shown}: no main text found in HTML page")
    meta: dict[str, str] = {}
    for key, attr in (("title", "title"), ("url", "url"), ("source", "sitename")):
        value = getattr(doc, attr, None)
        if isinstance(value, str) and value.strip():
            meta[key] = value.strip()
    published = _iso_date(getattr(doc, "date", None))
    if published:
        meta["published"] = published
    lang = _HTML_LANG.search(markup[:4096])
    if lang:
        meta["language"] = lang.group(1).lower()
    return text, meta


# -- articles ----------------------------------------------------------------------


def _format_of(path: Path, data: bytes) -> str:
    suffix = path.suffix.lower()
    if suffix in HTML_SUFFIXES:
        return "html"
    if suffix in TEXT_SUFFIXES:
        return "txt"
    # Unknown extension, named explicitly: look at the content.
    head = data[:1024].decode("utf-8", errors="ignore").lstrip("\ufeff")
    return "html" if _HTML_START.match(head) else "txt"


DEFAULT_MAX_BYTES = 500_000  # the longest news stories are ~60 kB of text; bigger is a dump or a book
_ENCODING_NAMES = {"cp1252": "Windows-1252", "iso8859-1": "Latin-1", "utf-8-sig": "UTF-8 with a byte-order mark",
                   "utf-16": "UTF-16", "utf-32": "UTF-32"}


def _size(n: int) -> str:
    return f"{n / 1_000_000:.1f} MB" if n >= 1_000_000 else f"{n / 1000:.0f} kB"


@lru_cache(maxsize=1)
def _identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_pickled_model(MODEL_FILE, norm_probs=True)


def _language(text: str) -> tuple[str, float]:
    """The language of the text (ISO 639-1) and its probability, by py3langid."""
    lang, prob = _identifier().classify(text[:5000])
    return str(lang), float(prob)


def _notices(text: str, encoding: str, fmt: str, declared_language: str | None) -> tuple[tuple[str, str], ...]:
    out = []
    if encoding == "utf-8-sig":
        out.append(("note", "UTF-8 byte-order mark dropped (offsets count from the first character after it)"))
    elif encoding not in ("utf-8", "ascii"):
        out.append(("note", f"decoded as {_ENCODING_NAMES.get(encoding, encoding)} (not UTF-8)"))
    if "\r\n" in text:
        out.append(("note", "Windows line ends (CRLF) kept; offsets count both characters"))
    if fmt == "html":
        out.append(("note", f"HTML: main text kept ({len(text):,} characters), scripts, styles and menus dropped"))
    if declared_language is None and len(text.split()) >= 20:
        lang, prob = _language(text)
        if lang != "fr" and prob >= 0.9:
            out.append(("warning", f"looks like {lang!r}, not French (p={prob:.2f}); extracted anyway, "
                                   "expect few dates, claims and events"))
    return tuple(out)


def read_article(path: str | Path, published: str | None = None, max_bytes: int | None = DEFAULT_MAX_BYTES) -> Article:
    """Read one article file (and its sidecar) into an :class:`Article`.

    A file over ``max_bytes`` is refused before it is read. What reading did that a
    user should know (another encoding, CRLF line ends, HTML clean-up, a text that
    is not French) is in ``Article.notices``.

    ``published`` (an ISO date) overrides every other source of the publication
    date. Raises :class:`InputError` with one line "PATH: reason" when the file
    cannot be read, is a folder, is empty, is binary or cannot be decoded, when an
    HTML page has no main text, or when the sidecar or ``published`` is invalid.
    """
    shown = str(path)
    path = Path(path)
    if path.is_dir():
        raise InputError(f"{shown}: is a directory")
    if max_bytes is not None:
        try:
            size = path.stat().st_size
        except OSError:
            size = 0  # reading will say what is wrong
        if size > max_bytes:
            raise InputError(f"{shown}: skipped: {_size(size)} is over the {_size(max_bytes)} limit for one article "
                             "(split it, or raise --max-bytes)")
    data = _read_bytes(path, shown)
    fmt = _format_of(path, data)
    if fmt == "html":
        markup, encoding = _decode_text(data, shown, _declared_charset(data))
        text, meta = _extract_html(markup, shown)
    else:
        text, encoding = _decode_text(data, shown)
        meta = {}
    sidecar, sidecar_raw = _read_sidecar(path)

    explicit = None
    if published is not None:
        explicit = _iso_date(published)
        if explicit is None:
            raise InputError(f"{shown}: invalid published date {published!r} (expected YYYY-MM-DD)")
    evidence: tuple[int, int] | None = None
    if explicit:
        date, source = explicit, "user"
    elif "published" in sidecar:
        date, source = sidecar["published"], "sidecar"
    elif "published" in meta:
        date, source = meta["published"], "html"
    elif (inferred := infer_published(text)) is not None:
        (date, evidence), source = inferred, "text"
    else:
        date, source = None, None

    digest = hashlib.sha256(data)
    if sidecar_raw:
        # The sidecar is part of the input: editing it must re-ingest the article.
        digest.update(b"\x00sidecar\x00" + sidecar_raw)

    fields = {**meta, **sidecar}
    return Article(
        path=shown,
        name=path.name,
        text=text,
        sha256=digest.hexdigest(),
        format=fmt,
        encoding=encoding,
        published=date,
        published_source=source,
        published_evidence=evidence,
        url=fields.get("url"),
        title=fields.get("title"),
        source=fields.get("source"),
        language=fields.get("language"),
        junk=find_junk(text),
        notices=_notices(text, encoding, fmt, fields.get("language")),
    )


def text_article(text: str, name: str, published: str | None = None) -> Article:
    """An :class:`Article` from text already in memory (evaluation corpora, tests).

    Goes through the same junk detection as :func:`read_article`; ``published`` is
    taken as given (the caller vouches for it) and the hash is of the UTF-8 text.
    """
    return Article(
        path=name,
        name=name,
        text=text,
        sha256=hashlib.sha256(text.encode("utf-8")).hexdigest(),
        published=published,
        published_source="user" if published else None,
        junk=find_junk(text),
    )

