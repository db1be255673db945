"""Claims gold: reading, matching by content overlap, speaker and cue judgement."""

import json

import pytest

from kg.errors import InputError
from kg.eval.claims import GoldClaim, GoldItem, read_gold, same_speaker, score_item
from kg.records import Claim

TEXT = "« Nous ne céderons pas », a déclaré Dmitri Peskov. Selon l'Insee, le chômage baisse."


def claim(content, speaker, cue_lemma="déclarer", key=None, mode="direct"):
    start = TEXT.index(content)
    return Claim(start=start, end=start + len(content), text=content, content=content, content_start=start,
                 content_end=start + len(content), cue=None, cue_lemma=cue_lemma, cue_start=None, cue_end=None,
                 speaker=speaker, speaker_text=speaker, speaker_start=None, speaker_end=None, speaker_key=key,
                 speaker_role=None, mode=mode, stance="assert", sentence=0)


def gold(content, speaker, cue_lemma="déclarer", aliases=(), mode="direct"):
    start = TEXT.index(content)
    return GoldClaim(start, start + len(content), content, speaker, mode, tuple(aliases), cue_lemma=cue_lemma)


ITEM = GoldItem("t1", TEXT, "2024-01-02", (
    gold("Nous ne céderons pas", "Dmitri Peskov"),
    gold("le chômage baisse", "l'Insee", cue_lemma="selon", mode="indirect"),
))


def test_overlap_threshold_decides_a_match():
    partial = claim("Nous ne céd", "Dmitri Peskov")  # 11 of 20 gold characters
    matches, left = score_item(ITEM, [partial], threshold=0.3)
    assert matches[0].system is partial and matches[0].overlap == pytest.approx(11 / 20)
    matches, left = score_item(ITEM, [partial], threshold=0.8)
    assert matches[0].system is None and left == [partial]


def test_speaker_and_cue_are_judged_on_matches():
    sys_ = [claim("Nous ne céderons pas", "Peskov", cue_lemma="dire"),
            claim("le chômage baisse", "Insee", cue_lemma="selon", mode="indirect"),
            claim("Selon l'Insee", "Il")]
    matches, left = score_item(ITEM, sys_, threshold=0.3)
    assert [(m.speaker_ok, m.cue_ok) for m in matches] == [(True, False), (True, True)]
    assert [c.content for c in left] == ["Selon l'Insee"]  # a false alarm


@pytest.mark.parametrize("system_name, gold_name, aliases, same", [
    ("Dmitri Peskov", "Dmitri Peskov", (), True),
    ("Peskov", "Dmitri Peskov", (), True),  # a surname ends the full name
    ("ministère russe des Affaires étrangères", "Le ministère russe des Affaires étrangères", (), True),
    ("DMITRI PESKOV", "Dmitri Peskov", (), True),
    ("le porte-parole", "Dmitri Peskov", ("le porte-parole du Kremlin",), False),
    ("le porte-parole du Kremlin", "Dmitri Peskov", ("le porte-parole du Kremlin",), True),
    ("Il", "Dmitri Peskov", (), False),  # an unresolved pronoun is wrong
    ("Vladimir Poutine", "Dmitri Peskov", (), False),
    ("responsables", "Les responsables américains", (), False),  # a common noun is not a name
])
def test_same_speaker(system_name, gold_name, aliases, same):
    g = GoldClaim(0, 1, "x", gold_name, "direct", aliases)
    assert same_speaker(claim("Nous ne céderons pas", system_name), g) is same


def test_same_speaker_through_the_knowledge_base(pipeline):
    g = GoldClaim(0, 1, "x", "Putin", "direct")
    assert same_speaker(claim("Nous ne céderons pas", "Vladimir Poutine", key="vladimir-poutine"), g, pipeline.kb)


def test_read_gold_inline_and_file_items(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("Le ministre a affirmé que tout allait bien.", encoding="utf-8")
    rows = [
        {"id": "i", "text": TEXT, "published": "2024-01-02", "tags": ["incise"],
         "claims": [{"content": "Nous ne céderons pas", "speaker": "Dmitri Peskov", "speaker_text": "Dmitri Peskov",
                     "cue": "a déclaré", "cue_lemma": "déclarer", "mode": "direct"}]},
        {"id": "f", "file": "a.txt", "published": "2024-02-03",
         "claims": [{"content": "tout allait bien", "speaker": "Le ministre", "mode": "indirect"}]},
        {"id": "n", "text": "Un « meilleur ami ».", "claims": []},
    ]
    path = tmp_path / "gold.jsonl"
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n", encoding="utf-8")
    items = read_gold(path)
    assert [i.id for i in items] == ["i", "f", "n"]
    c = items[1].claims[0]
    assert items[1].text[c.content_start:c.content_end] == "tout allait bien"
    assert items[1].published == "2024-02-03" and items[0].tags == ("incise",)
    assert read_gold(tmp_path)[0].id == "i"  # a folder reads every .jsonl


@pytest.mark.parametrize("claim_row, message", [
    ({"content": "absent", "speaker": "X", "mode": "direct"}, "'absent' is not in the text"),
    ({"content": "a", "speaker": "X", "mode": "direct"}, "occurs .* times; give content_at"),
    ({"content": "Nous", "speaker": "X", "mode": "quoted"}, "mode 'quoted' is not one of"),
    ({"content": "Nous", "mode": "direct"}, "claim lacks 'speaker'"),
])
def test_bad_gold_is_reported_with_file_and_line(tmp_path, claim_row, message):
    path = tmp_path / "bad.jsonl"
    path.write_text(json.dumps({"id": "b", "text": TEXT, "claims": [claim_row]}) + "\n", encoding="utf-8")
    with pytest.raises(InputError, match=rf"bad\.jsonl:1.*{message}"):
        read_gold(path)
