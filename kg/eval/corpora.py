"""Where the third-party evaluation corpora are read from: ``../shared``, never a copy in the tree.

French TimeBank (LGPL-LR) stays where it is distributed, beside the project. ``KG_SHARED``
overrides the folder; otherwise ``../shared`` is looked for next to the repository and next
to the current directory.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path

from kg.errors import InputError

__all__ = ["jsonl_records", "shared_dir", "timebank_dir", "timebank_splits"]

_REPO = Path(__file__).resolve().parents[2]


def shared_dir() -> Path:
    """The shared data folder (which may not exist)."""
    if os.environ.get("KG_SHARED"):
        return Path(os.environ["KG_SHARED"])
    for cand in (_REPO.parent / "shared", Path.cwd().parent / "shared"):
        if cand.is_dir():
            return cand
    return _REPO.parent / "shared"


def timebank_dir() -> Path:
    """French TimeBank 1.1's documents: ``<shared>/eval/french-timebank/Data``."""
    return shared_dir() / "eval" / "french-timebank" / "Data"


def timebank_splits(names: list[str]) -> dict[str, str]:
    """Document name → "dev", "other" or "heldout": every third document (sorted, from the third) is held out.

    The held-out third is frozen: the event rules are never tuned on it; its scores are reported
    as they come. The dev third (from the first) carries the kg event gold of
    ``tests/data/events-gold/dev.jsonl``, the held-out third that of ``heldout.jsonl``.
    """
    return {n: ("dev", "other", "heldout")[i % 3] for i, n in enumerate(sorted(names))}


def jsonl_records(path: str | Path) -> Iterator[tuple[str, dict]]:
    """(``path:line``, record) for each non-blank line of a JSON Lines gold or judgment file; one
    ``InputError`` line for a file that cannot be read or a line that is not a JSON object."""
    path = Path(path)
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as e:
        raise InputError(f"{path}: cannot read ({e.__class__.__name__})") from None
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        where = f"{path}:{n}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as e:
            raise InputError(f"{where}: not JSON ({e.msg})") from None
        if not isinstance(record, dict):
            raise InputError(f"{where}: not a JSON object")
        yield where, record
