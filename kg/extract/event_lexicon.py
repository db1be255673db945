"""The event trigger lexicon: typology, codes and French triggers.

The shipped lexicon is the directory ``kg/resources/events/``:

* ``types.toml``: the typology (definitions, roles, CAMEO/PLOVER codes), the verbs the French
  VerbNet lacks, the nouns, the constraint ``[classes]``, ``[light_verbs]`` and ``[occurrence_verbs]`` (modality words are in
  ``modality.toml``, read by :mod:`kg.extract.events.modality`);
* ``verbs.tsv``: the trigger verbs derived from Verb∋Net (CC BY-SA 4.0) by
  ``tools/derive_event_lexicon.py``, each with its VerbNet class and thematic roles;
* ``stative.tsv``: verbs all of whose VerbNet classes are stative (never an ``other`` event).

``Lexicon.load(path)`` also reads such a directory elsewhere, or a single TOML file in the older
one-file format (every trigger inline). Formats: the headers of those files and
``docs/events-lexicon.md``.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field, replace
from functools import lru_cache
from importlib import resources
from pathlib import Path

from kg.errors import ResourceError
from kg.extract.topics import fold

TYPES_FILE = "types.toml"
VERBS_FILE = "verbs.tsv"
STATIVE_FILE = "stative.tsv"
_VERB_COLUMNS = ("lemma", "reflexive", "type", "verbnet_class", "roles", "requires")
_ENTRY = re.compile(r"\s*(se |s'|s’)?([^\[]+?)\s*(?:\[(\w+)\])?\s*")
_WORD = re.compile(r"[^\s'’]+['’]|[^\s'’]+")  # "protocole d'accord" → protocole, d', accord


@dataclass(frozen=True)
class Trigger:
    """One trigger of one event type: a verb or a noun, one word or several."""

    type: str
    lemmas: tuple[str, ...]  # folded lemmas; more than one for a multi-word trigger
    verbal: bool
    reflexive: bool = False
    requires: str | None = None  # a class of Lexicon.classes, or "actor"
    inverse: bool = False
    verbnet: str | None = None  # the Verb∋Net class a derived verb comes from
    roles: tuple[str, ...] = ()  # that class's thematic roles, subject first


@dataclass(frozen=True)
class Lexicon:
    """The event typology and its French triggers, as loaded from ``kg/resources/events/``."""

    types: dict[str, str]  # id -> definition
    roles: dict[str, str]
    locative: frozenset[str]
    triggers: dict[str, tuple[Trigger, ...]]  # first folded lemma -> triggers
    classes: dict[str, frozenset[str]]
    light_verbs: frozenset[str]
    occurrence_verbs: frozenset[str]  # "avoir lieu", "se dérouler": their subject is the event
    codes: dict[str, tuple[str, str, str]] = field(default_factory=dict)  # id -> (CAMEO root, code, PLOVER)
    stative: frozenset[str] = frozenset()  # folded lemmas of verbs whose VerbNet classes are all stative

    @classmethod
    def load(cls, path: str | Path | None = None) -> Lexicon:
        """The shipped lexicon (cached), a lexicon directory, or a single lexicon TOML file."""
        if path is None:
            return _default_lexicon()
        path = Path(path)
        if path.is_dir():
            return _parse_lexicon(path / TYPES_FILE, path / VERBS_FILE, path / STATIVE_FILE)
        return _parse_lexicon(path, None, None)

    def all_triggers(self) -> list[Trigger]:
        """Every trigger once, in type order."""
        order = {t: i for i, t in enumerate(self.types)}
        trigs = {t for ts in self.triggers.values() for t in ts}
        return sorted(trigs, key=lambda t: (order.get(t.type, len(order)), not t.verbal, t.lemmas, t.reflexive))

    def of_type(self, etype: str) -> list[Trigger]:
        """The triggers of one type."""
        return [t for t in self.all_triggers() if t.type == etype]


# --------------------------------------------------------------------------- parsing
def _parse_lexicon(types_path: Path, verbs_path: Path | None, stative_path: Path | None) -> Lexicon:
    try:
        data = tomllib.loads(types_path.read_text(encoding="utf-8"))
        types = data["types"]
        classes = {k: frozenset(norm(w) for w in v) for k, v in data.get("classes", {}).items()}
        derived = _read_verbs(verbs_path, set(types)) if verbs_path is not None else []
        trigs: dict[tuple[str, tuple[str, ...], bool, bool], Trigger] = {}
        for trig in derived:
            req = trig.requires or types[trig.type].get("requires")
            trigs[(trig.type, trig.lemmas, trig.verbal, trig.reflexive)] = replace(trig, requires=req)
        for tid, spec in types.items():
            for verbal, key in ((True, "verbs"), (False, "derived_nouns"), (False, "nouns")):
                for entry in spec.get(key, []):
                    trig = _parse_trigger(tid, entry, verbal, spec.get("requires"))
                    k = (tid, trig.lemmas, verbal, trig.reflexive)
                    if k in trigs:  # a derived verb restated for its flags keeps its class and roles
                        trig = replace(trig, verbnet=trigs[k].verbnet, roles=trigs[k].roles)
                    trigs[k] = trig
        triggers: dict[str, list[Trigger]] = {}
        for trig in trigs.values():
            if trig.requires and trig.requires not in classes and trig.requires != "actor":
                raise ResourceError(f"{types_path}: trigger {' '.join(trig.lemmas)!r} of type {trig.type!r} "
                                    f"needs unknown class {trig.requires!r}")
            triggers.setdefault(trig.lemmas[0], []).append(trig)
        return Lexicon(
            types={tid: spec["definition"] for tid, spec in types.items()},
            roles={tid: spec.get("roles", "") for tid, spec in types.items()},
            locative=frozenset(tid for tid, spec in types.items() if spec.get("locative", False)),
            triggers={k: tuple(v) for k, v in triggers.items()},
            classes=classes,
            light_verbs=_words(data.get("light_verbs", {}).get("lemmas", [])),
            occurrence_verbs=_words([w.removeprefix("se ") for w in data.get("occurrence_verbs", {}).get("lemmas", [])]),
            codes={tid: (str(spec.get("cameo", "")), str(spec.get("cameo_code", "")), str(spec.get("plover", "")))
                   for tid, spec in types.items()},
            stative=_read_stative(stative_path) if stative_path is not None else frozenset(),
        )
    except (OSError, tomllib.TOMLDecodeError, KeyError, TypeError, AttributeError) as exc:
        raise ResourceError(f"{types_path}: invalid event trigger lexicon: {exc}") from exc


def _parse_trigger(tid: str, entry: str, verbal: bool, type_requires: str | None) -> Trigger:
    m = _ENTRY.fullmatch(entry)
    if not m:
        raise ResourceError(f"bad trigger {entry!r} of type {tid!r}")
    flag = m.group(3)
    return Trigger(
        type=tid,
        lemmas=tuple(norm(w) for w in _WORD.findall(m.group(2))),
        verbal=verbal,
        reflexive=bool(m.group(1)),
        requires=(flag if flag and flag != "inverse" else type_requires),
        inverse=flag == "inverse",
    )


def _data_lines(path: Path, columns: tuple[str, ...]) -> list[list[str]]:
    """The rows of a generated TSV file, checked against its header."""
    rows = [line.split("\t") for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("#")]
    if not rows or tuple(rows[0]) != columns:
        raise ResourceError(f"{path}: expected the columns {', '.join(columns)}")
    for n, row in enumerate(rows[1:], 2):
        if len(row) != len(columns):
            raise ResourceError(f"{path}: data row {n} has {len(row)} columns, not {len(columns)}")
    return rows[1:]


def _read_verbs(path: Path, types: set[str]) -> list[Trigger]:
    out = []
    for lemma, reflexive, etype, vn_class, roles, requires in _data_lines(path, _VERB_COLUMNS):
        if etype not in types:
            raise ResourceError(f"{path}: verb {lemma!r} has a type types.toml lacks: {etype!r}")
        out.append(Trigger(type=etype, lemmas=tuple(norm(w) for w in _WORD.findall(lemma)), verbal=True,
                           reflexive=reflexive == "1", requires=requires or None, verbnet=vn_class or None,
                           roles=tuple(roles.split())))
    return out


def _read_stative(path: Path) -> frozenset[str]:
    return frozenset(norm(row[0]) for row in _data_lines(path, ("lemma", "verbnet_classes")))


def _words(words: list[str]) -> frozenset[str]:
    return frozenset(norm(w) for w in words)


@lru_cache(maxsize=65536)
def norm(word: str) -> str:
    """A lexicon word as compared: lower-case, accent-free."""
    return fold(word).strip()


@lru_cache(maxsize=1)
def _default_lexicon() -> Lexicon:
    with resources.as_file(resources.files("kg") / "resources" / "events") as real:
        return Lexicon.load(Path(real))
