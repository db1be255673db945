"""The curated knowledge base of actors and places, and name normalisation.

The shipped base is ``kg/resources/actors.toml``; users add or override entries
with their own TOML files of the same shape. Unknown entities get keys minted
from their name by :func:`slug`, stable across runs.
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

from rapidfuzz import fuzz, process

from kg.errors import ResourceError

TYPES = ("Person", "Organization", "Place")
FUZZY_THRESHOLD = 90  # rapidfuzz ratio on normalised names; "Dimitri Peskov" ~ "Dmitri Peskov" = 96


def normalise(name: str) -> str:
    """Case-, accent-, hyphen- and apostrophe-insensitive form of a name.

    "Kim Jong-un", "Kim Jong Un" and "KIM JONG UN" all give "kim jong un".
    """
    decomposed = unicodedata.normalize("NFKD", name)
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    bare = re.sub(r"[\-‐‑–'’`.]", " ", bare.lower())
    return " ".join(bare.split())


def slug(name: str) -> str:
    """A stable IRI-safe key for a name: "Aïssen Nikolaïev" → "aissen-nikolaiev"."""
    return re.sub(r"[^a-z0-9]+", "-", normalise(name)).strip("-") or "x"


@dataclass(frozen=True)
class KbEntry:
    id: str
    label: str
    type: str
    aliases: tuple[str, ...] = ()
    titles: tuple[str, ...] = ()
    role: str | None = None
    country: str | None = None
    wikidata: str | None = None

    @property
    def names(self) -> tuple[str, ...]:
        return (self.label, *self.aliases)


class KnowledgeBase:
    """Lookup of entities by name, alias, title, or near-identical spelling."""

    def __init__(self, entries: Iterable[KbEntry]):
        self.entries: dict[str, KbEntry] = {}
        for entry in entries:
            self.entries[entry.id] = entry  # later files override earlier ones
        self._by_name: dict[str, str] = {}
        self._by_title: dict[str, str] = {}
        for entry in self.entries.values():
            for name in entry.names:
                self._by_name.setdefault(normalise(name), entry.id)
            for title in entry.titles:
                self._by_title.setdefault(normalise(title), entry.id)
        self._names = list(self._by_name)

    @classmethod
    def load(cls, extra: Iterable[str | Path] = ()) -> KnowledgeBase:
        """The shipped base, extended by the user's TOML files in order."""
        shipped = resources.files("kg.resources").joinpath("actors.toml").read_text("utf-8")
        entries = list(_parse(shipped, "actors.toml"))
        for path in extra:
            try:
                text = Path(path).read_text("utf-8")
            except OSError as e:
                raise ResourceError(f"{path}: cannot read knowledge base ({e.strerror})") from e
            entries.extend(_parse(text, str(path)))
        return cls(entries)

    def get(self, key: str) -> KbEntry | None:
        return self.entries.get(key)

    def lookup(self, name: str) -> KbEntry | None:
        """Exact match on a normalised label or alias."""
        key = self._by_name.get(normalise(name))
        return self.entries[key] if key else None

    def lookup_title(self, title: str) -> KbEntry | None:
        """Exact match on a definite description ("président russe")."""
        key = self._by_title.get(normalise(title))
        return self.entries[key] if key else None

    def fuzzy(self, name: str, type: str) -> KbEntry | None:
        """Closest entry of the same type whose name differs only by spelling."""
        norm = normalise(name)
        if len(norm) < 6 or " " not in norm:  # single words are too ambiguous to guess
            return None
        hit = process.extractOne(norm, self._names, scorer=fuzz.ratio, score_cutoff=FUZZY_THRESHOLD)
        if hit:
            entry = self.entries[self._by_name[hit[0]]]
            if entry.type == type:
                return entry
        return None

    @property
    def titles(self) -> dict[str, str]:
        return dict(self._by_title)


def _parse(text: str, origin: str) -> Iterable[KbEntry]:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as e:
        raise ResourceError(f"{origin}: invalid TOML ({e})") from e
    for i, item in enumerate(data.get("entity", [])):
        if not {"id", "label", "type"} <= item.keys() or item["type"] not in TYPES:
            raise ResourceError(f"{origin}: entity #{i + 1} needs id, label and a type in {TYPES}")
        yield KbEntry(
            id=item["id"],
            label=item["label"],
            type=item["type"],
            aliases=tuple(item.get("aliases", ())),
            titles=tuple(item.get("titles", ())),
            role=item.get("role"),
            country=item.get("country"),
            wikidata=item.get("wikidata"),
        )


@lru_cache(maxsize=8)
def default_kb(extra: tuple[str, ...] = ()) -> KnowledgeBase:
    """Shared knowledge base per set of extra files (loaded once per process)."""
    return KnowledgeBase.load(extra)
