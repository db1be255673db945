"""Extraction records as flat JSON objects: the `kg extract --format jsonl` schema.

Every record has ``file``, ``kind`` (entity, timex, claim, event), ``start``, ``end``,
``text`` and ``sentence``; the kind-specific fields are documented in ``docs/extract-schema.md``.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from kg.records import Extraction


def records(x: Extraction) -> Iterator[dict[str, Any]]:
    """The article's records in text order within each kind."""
    f = x.article.path
    entities = {e.key: e for e in x.entities}
    for m in x.mentions:
        e = entities.get(m.key)
        yield {
            "file": f, "kind": "entity", "start": m.start, "end": m.end, "text": m.text,
            "sentence": m.sentence, "label": m.label, "type": m.type, "canonical": m.key,
            "wikidata": e.wikidata if e else None,
        }
    for t in x.timexes:
        yield {
            "file": f, "kind": "timex", "start": t.start, "end": t.end, "text": t.text,
            "type": t.type, "value": t.value, "anchored": t.anchored, "rule": t.rule,
        }
    for c in x.claims:
        yield {
            "file": f, "kind": "claim", "start": c.start, "end": c.end, "text": c.text,
            "sentence": c.sentence, "speaker": c.speaker, "speaker_text": c.speaker_text,
            "speaker_key": c.speaker_key, "speaker_role": c.speaker_role,
            "speaker_start": c.speaker_start, "speaker_end": c.speaker_end,
            "cue": c.cue, "cue_lemma": c.cue_lemma, "cue_start": c.cue_start, "cue_end": c.cue_end,
            "content": c.content, "content_start": c.content_start, "content_end": c.content_end,
            "mode": c.mode, "stance": c.stance, "date": c.date, "date_source": c.date_source,
            "topics": list(c.topics),
        }
    for e in x.events:
        yield {
            "file": f, "kind": "event", "start": e.start, "end": e.end, "text": e.text,
            "sentence": e.sentence, "type": e.type, "trigger": e.trigger,
            "trigger_start": e.trigger_start, "trigger_end": e.trigger_end,
            "actors": [{"role": r, "key": k, "label": lbl} for r, k, lbl in e.actors],
            "place": {"key": e.place[0], "label": e.place[1]} if e.place else None,
            "date": e.date, "date_source": e.date_source, "topics": list(e.topics),
            "lemma": e.lemma, "modality": e.modality, "modality_rule": e.modality_rule,
            "date_text": e.date_text, "date_start": e.date_start, "date_end": e.date_end,
            "claim": list(e.claim) if e.claim else None,
            "confidence": e.confidence, "decided_by": e.decided_by,
        }


def article_record(x: Extraction) -> dict[str, Any]:
    a = x.article
    return {
        "file": a.path, "kind": "article", "name": a.name, "sha256": a.sha256, "format": a.format,
        "encoding": a.encoding, "published": a.published, "published_source": a.published_source,
        "published_evidence": list(a.published_evidence) if a.published_evidence else None,
        "title": a.title, "url": a.url, "source": a.source, "language": a.language,
        "junk": [list(j) for j in a.junk],
    }
