"""Reading files and pages into :class:`~kg.records.Article` records: encodings,
HTML main text, sidecars, web-page leftovers and the publication date."""

from kg.ingest.junk import explain_junk, find_junk
from kg.ingest.pubdate import infer_published
from kg.ingest.reader import iter_input_paths, read_article, sidecar_path, text_article

__all__ = [
    "explain_junk",
    "find_junk",
    "infer_published",
    "iter_input_paths",
    "read_article",
    "sidecar_path",
    "text_article",
]
