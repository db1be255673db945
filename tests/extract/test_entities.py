"""Entity mentions: NER + knowledge base, in-document aliases, cross-document merging."""

from __future__ import annotations

import hashlib

import pytest

from kg.kb import KnowledgeBase, normalise, slug
from kg.pipeline import EntityRegistry
from kg.records import Article, Entity


def extraction(pipeline, text):
    return pipeline.extract(Article(path="t.txt", name="t.txt", text=text, sha256=hashlib.sha256(text.encode()).hexdigest()))


def keys(pipeline, text):
    return {m.text: m.key for m in extraction(pipeline, text).mentions}


@pytest.mark.parametrize("a, b", [("Kim Jong-un", "Kim Jong Un"), ("Sergueï Lavrov", "SERGUEI LAVROV"), ("l’Otan", "l'Otan")])
def test_normalise_ignores_case_accents_hyphens(a, b):
    assert normalise(a) == normalise(b)


def test_slug_is_stable_and_iri_safe():
    assert slug("Aïssen Nikolaïev") == "aissen-nikolaiev"


def test_kb_aliases_and_titles(pipeline):
    found = keys(pipeline, "Le président russe a reçu Kim Jong Un. Poutine a ensuite parlé à l'Otan.")
    assert found["président russe"] == "vladimir-poutine"
    assert found["Kim Jong Un"] == "kim-jong-un"
    assert found["Poutine"] == "vladimir-poutine"
    assert found["Otan"] == "otan"


def test_surname_rule_links_short_name_to_full_name(pipeline):
    found = keys(pipeline, "Bruce Bennett, analyste, a parlé. Selon Bennett, rien ne change.")
    assert found["Bennett"] == found["Bruce Bennett"] == "bruce-bennett"


def test_short_kb_alias_yields_to_other_person_with_that_name(pipeline):
    found = keys(pipeline, "Kim Yo-jong a dénoncé la visite. Kim a ensuite quitté la salle.")
    assert found["Kim"] == found["Kim Yo-jong"] != "kim-jong-un"


def test_spelling_variant_of_kb_name(pipeline):
    assert keys(pipeline, "Dmitry Peskov a parlé hier.")["Dmitry Peskov"] == "dmitri-peskov"


def test_junk_lines_are_not_entities(seed_extractions):
    texts = {m.text for x in seed_extractions.values() for m in x.mentions}
    assert not texts & {"Loading", "International", "Temps de lecture", "Tourisme", "Dernières"}


def test_capitalised_common_noun_opening_a_sentence_is_not_a_name(seed_extractions):
    assert "Drapeaux" not in {m.text for m in seed_extractions["000"].mentions}


def test_dateline_glued_name_is_found(seed_extractions):
    m = [m for m in seed_extractions["000"].mentions if m.key == "vladimir-poutine"]
    assert any(x.text == "Vladimir Poutine" for x in m)


def test_mention_offsets_hold(seed_extractions):
    for x in seed_extractions.values():
        for m in x.mentions:
            assert x.article.text[m.start : m.end] == m.text
            sentence = x.sentences[m.sentence]
            assert sentence.start <= m.start < sentence.end


def test_registry_merges_spelling_variants_across_articles():
    registry = EntityRegistry([("aissen-nikolaiev", "Aïssen Nikolaïev", "Person")])
    variant = Entity(key="aissen-nikolaev", label="Aïssen Nikolaev", type="Person")
    assert registry.key_for(variant) == "aissen-nikolaiev"
    other = Entity(key="jean-dupont", label="Jean Dupont", type="Person")
    assert registry.key_for(other) == "jean-dupont"


def test_user_kb_extends_and_overrides(tmp_path):
    extra = tmp_path / "mine.toml"
    extra.write_text('[[entity]]\nid = "jean-dupont"\nlabel = "Jean Dupont"\ntype = "Person"\naliases = ["J. Dupont"]\n', "utf-8")
    kb = KnowledgeBase.load([extra])
    assert kb.lookup("J. Dupont").id == "jean-dupont"
    assert kb.lookup("Poutine").id == "vladimir-poutine"


def test_bad_user_kb_names_the_file(tmp_path):
    from kg.errors import ResourceError

    extra = tmp_path / "bad.toml"
    extra.write_text('[[entity]]\nid = "x"\n', "utf-8")
    with pytest.raises(ResourceError, match="bad.toml: entity #1 needs id, label and a type"):
        KnowledgeBase.load([extra])


@pytest.mark.parametrize("text, name", [
    ("Maître Hélène Castagnet, avocate de la famille, a plaidé l'acquittement.", "Hélène Castagnet"),
    ("Selon Mme Sophie Berthier, la décision est injuste.", "Sophie Berthier"),
    ("Le maire, M. Jean Dupont, a démissionné.", "Jean Dupont"),
])
def test_honorific_is_not_part_of_a_name(pipeline, text, name):
    """*Honorific rule* (issue 14)."""
    from kg.ingest import text_article

    labels = {e.label for e in pipeline.extract(text_article(text, "t", "2024-06-18")).entities}
    assert name in labels and not any(l.startswith(("Maître", "Mme", "M.")) for l in labels)


@pytest.mark.parametrize("text, junk", [
    ("La visite du chef d'État nord-coréen continue.", "État"),
    ("Le rapprochement de ces deux États inquiète Washington.", "États"),
])
def test_common_nouns_are_not_actors(pipeline, text, junk):
    """*Capitalised common noun rule* (issue 14): "chef d'État", "deux États" name no actor."""
    from kg.ingest import text_article

    assert junk not in {e.label for e in pipeline.extract(text_article(text, "t", "2024-06-18")).entities}
