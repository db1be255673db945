"""The event trigger lexicon: typology, French triggers and modality words, loaded from TOML.

The shipped file is ``kg/resources/event_triggers.toml``; its format is described at its top
and the typology in ``docs/events.md``.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

from kg.errors import ResourceError
from kg.extract.topics import fold


@dataclass(frozen=True)
class Trigger:
    type: str
    lemmas: tuple[str, ...]  # folded lemmas; more than one for a multi-word noun
    verbal: bool
    reflexive: bool = False
    requires: str | None = None
    inverse: bool = False


@dataclass(frozen=True)
class Lexicon:
    """The event typology and its French triggers, as loaded from TOML."""

    types: dict[str, str]  # id -> definition
    roles: dict[str, str]
    locative: frozenset[str]
    triggers: dict[str, tuple[Trigger, ...]]  # first folded lemma -> triggers
    classes: dict[str, frozenset[str]]
    light_verbs: frozenset[str]
    desire_verbs: frozenset[str]
    purpose_markers: frozenset[str]
    negative_dets: frozenset[str]
    hedge_adjectives: frozenset[str]
    desire_nouns: frozenset[str]

    @classmethod
    def load(cls, path: str | Path | None = None) -> Lexicon:
        """The shipped lexicon (cached) or the TOML file at ``path``."""
        if path is None:
            return _default_lexicon()
        return _parse_lexicon(Path(path))


def _parse_lexicon(path: Path) -> Lexicon:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        types = data["types"]
        classes = {k: frozenset(norm(w) for w in v) for k, v in data.get("classes", {}).items()}
        triggers: dict[str, list[Trigger]] = {}
        for tid, spec in types.items():
            for verbal, key in ((True, "verbs"), (False, "nouns")):
                for entry in spec.get(key, []):
                    trig = _parse_trigger(tid, entry, verbal, spec.get("requires"))
                    if trig.requires and trig.requires not in classes and trig.requires != "actor":
                        raise ResourceError(f"{path}: trigger {entry!r} needs unknown class {trig.requires!r}")
                    triggers.setdefault(trig.lemmas[0], []).append(trig)
        modality = data.get("modality", {})
        return Lexicon(
            types={tid: spec["definition"] for tid, spec in types.items()},
            roles={tid: spec.get("roles", "") for tid, spec in types.items()},
            locative=frozenset(tid for tid, spec in types.items() if spec.get("locative", False)),
            triggers={k: tuple(v) for k, v in triggers.items()},
            classes=classes,
            light_verbs=frozenset(norm(w) for w in data.get("light_verbs", {}).get("lemmas", [])),
            desire_verbs=frozenset(norm(w) for w in modality.get("desire_verbs", [])),
            purpose_markers=frozenset(norm(w) for w in modality.get("purpose_markers", [])),
            negative_dets=frozenset(norm(w) for w in modality.get("negative_dets", [])),
            hedge_adjectives=frozenset(norm(w) for w in modality.get("hedge_adjectives", [])),
            desire_nouns=frozenset(norm(w) for w in modality.get("desire_nouns", [])),
        )
    except (OSError, tomllib.TOMLDecodeError, KeyError, TypeError, AttributeError) as exc:
        raise ResourceError(f"{path}: invalid event trigger lexicon: {exc}") from exc


def _parse_trigger(tid: str, entry: str, verbal: bool, type_requires: str | None) -> Trigger:
    m = re.fullmatch(r"\s*(se |s'|s’)?([^\[]+?)\s*(?:\[(\w+)\])?\s*", entry)
    if not m:
        raise ResourceError(f"bad trigger {entry!r} of type {tid!r}")
    flag = m.group(3)
    return Trigger(
        type=tid,
        lemmas=tuple(norm(w) for w in m.group(2).split()),
        verbal=verbal,
        reflexive=bool(m.group(1)),
        requires=(flag if flag and flag != "inverse" else type_requires),
        inverse=flag == "inverse",
    )


@lru_cache(maxsize=65536)
def norm(word: str) -> str:
    """A lexicon word as compared: lower-case, accent-free."""
    return fold(word).strip()


@lru_cache(maxsize=1)
def _default_lexicon() -> Lexicon:
    with resources.as_file(resources.files("kg") / "resources" / "event_triggers.toml") as real:
        return _parse_lexicon(Path(real))
