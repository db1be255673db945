"""SHACL: the mapping of a good extraction conforms; broken graphs fail with a readable report."""

from __future__ import annotations

from dataclasses import replace

import pytest
from rdflib import Dataset, Literal

from kg.errors import ResourceError
from kg.graph import vocabulary as voc
from kg.graph.mapping import extraction_to_graph
from kg.graph.vocabulary import KG, NIF, RDF, SEM, article_graph_iri
from kg.records import Article, Claim, Entity, Event, Extraction, Mention, Sentence, TimeExpr
from kg.store import Store
from kg.validate import load_shapes, validate

TEXT = (
    "Vladimir Poutine s'est rendu mardi à Pyongyang, où il a rencontré Kim Jong-un. "
    "« Nous développerons des mécanismes alternatifs de commerce et de paiements mutuels "
    "qui ne seront pas contrôlés par l'Occident », a déclaré Vladimir Poutine."
)


def span(text: str, part: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = text.index(part, start + 1)
    return start, start + len(part)


def sample_extraction(name: str = "001_poutine.txt", text: str = TEXT) -> Extraction:
    """A hand-built extraction: two sentences, three entities, a timex, a claim, an event."""
    s1_end = text.index("Jong-un.") + len("Jong-un.")
    s2_start = text.index("«")
    sentences = (Sentence(0, s1_end, text[:s1_end]), Sentence(s2_start, len(text), text[s2_start:]))
    putin, kim, pyongyang = span(text, "Vladimir Poutine"), span(text, "Kim Jong-un"), span(text, "Pyongyang")
    putin2 = span(text, "Vladimir Poutine", 1)

    def mention(sp, type_, key, label, sentence):
        return Mention(sp[0], sp[1], text[sp[0] : sp[1]], type_, key, label, sentence)

    content = span(text, "Nous développerons des mécanismes alternatifs de commerce et de paiements mutuels "
                   "qui ne seront pas contrôlés par l'Occident")
    cue = span(text, "a déclaré")
    tuesday = span(text, "mardi")
    trigger = span(text, "s'est rendu")
    article = Article(
        path=f"seeds/{name}", name=name, text=text, sha256="ab" * 32, published="2024-06-19",
        published_source="sidecar", title="Poutine à Pyongyang", source="AFP", language="fr",
        url="https://example.org/poutine-pyongyang",
    )
    return Extraction(
        article=article,
        sentences=sentences,
        mentions=(
            mention(putin, "Person", "Q7747", "Vladimir Poutine", 0),
            mention(pyongyang, "Place", "Q18808", "Pyongyang", 0),
            mention(kim, "Person", "Q56226", "Kim Jong-un", 0),
            mention(putin2, "Person", "Q7747", "Vladimir Poutine", 1),
        ),
        entities=(
            Entity("Q7747", "Vladimir Poutine", "Person", aliases=("Poutine", "V. Poutine"),
                   wikidata="Q7747", role="président de la Russie", country="Russie", in_kb=True),
            Entity("Q56226", "Kim Jong-un", "Person", wikidata="Q56226", in_kb=True),
            Entity("Q18808", "Pyongyang", "Place", wikidata="Q18808"),
        ),
        timexes=(TimeExpr(*tuesday, "mardi", "DATE", "2024-06-18", rule="weekday_past", anchored=True),),
        claims=(
            Claim(
                start=s2_start, end=len(text) - 1, text=text[s2_start : len(text) - 1],
                content=text[content[0] : content[1]], content_start=content[0], content_end=content[1],
                cue="a déclaré", cue_lemma="déclarer", cue_start=cue[0], cue_end=cue[1],
                speaker="Vladimir Poutine", speaker_text="Vladimir Poutine",
                speaker_start=putin2[0], speaker_end=putin2[1], speaker_key="Q7747",
                speaker_role=None, mode="direct", stance="promise", sentence=1,
                date="2024-06-19", date_source="article", topics=("sanctions", "economie"),
            ),
        ),
        events=(
            Event(
                start=0, end=s1_end, text=text[:s1_end], type="travel", trigger="s'est rendu",
                trigger_start=trigger[0], trigger_end=trigger[1],
                actors=(("agent", "Q7747", "Vladimir Poutine"), ("participant", "Q56226", "Kim Jong-un")),
                place=("Q18808", "Pyongyang"), sentence=0, date="2024-06-18",
                date_source="sentence", topics=("diplomatie",),
            ),
        ),
    )
# --- end of shared sample ---


def the(graph, cls):
    (node,) = graph.subjects(RDF.type, cls)
    return node


def test_good_graph_conforms():
    conforms, report = validate(extraction_to_graph(sample_extraction()))
    assert conforms, report
    assert report.startswith("Conforms:")


def test_claim_missing_its_content_fails_with_a_readable_report():
    g = extraction_to_graph(sample_extraction())
    claim = the(g, KG.Claim)
    g.remove((claim, voc.SDO.text, None))
    conforms, report = validate(g)
    assert not conforms
    assert report.splitlines() == [
        "Does not conform: 1 violation.",
        f"- <{claim}> schema:text: a claim needs its content (schema:text)",
    ]


@pytest.mark.parametrize(
    ("breakage", "message"),
    [
        (lambda g: g.set((the(g, KG.Claim), KG.stance, Literal("ranting"))), "kg:stance from the allowed set"),
        (lambda g: g.set((the(g, KG.Claim), KG.mode, Literal("hearsay"))), "kg:mode among direct"),
        (lambda g: g.remove((the(g, KG.Claim), voc.PROV.wasDerivedFrom, None)), "derived from an article"),
        (lambda g: g.remove((the(g, SEM.Event), SEM.eventType, None)), "one sem:eventType"),
        (lambda g: g.remove((the(g, SEM.Event), KG.trigger, None)), "needs its kg:trigger"),
        (lambda g: g.remove((the(g, SEM.Event), KG.evidence, None)), "kg:evidence span"),
        (lambda g: g.set((the(g, SEM.Event), SEM.hasTimeStamp, Literal("2024-06-18"))), "xsd:gYearMonth"),
        (lambda g: g.set((the(g, KG.TimeExpression), NIF.endIndex, Literal(3))), "smaller than its nif:endIndex"),
        (lambda g: g.set((the(g, KG.TimeExpression), NIF.beginIndex, Literal("29"))), "integer nif:beginIndex"),
        (lambda g: g.remove((voc.article_iri("001_poutine.txt"), voc.DCTERMS.identifier, None)),
         "dcterms:identifier"),
    ],
)
def test_broken_graphs_fail(breakage, message):
    g = extraction_to_graph(sample_extraction())
    breakage(g)
    conforms, report = validate(g)
    assert not conforms
    assert message in report, report


def test_validates_a_store_and_a_dataset(tmp_path):
    x = sample_extraction()
    with Store(tmp_path / "kg") as store:
        store.replace_article(x)
        store.replace_article(sample_extraction("002_poutine.txt"))
        conforms, report = validate(store)
        assert conforms, report
    ds = Dataset()
    broken = extraction_to_graph(x)
    broken.remove((the(broken, KG.Claim), voc.SDO.text, None))
    named = ds.graph(article_graph_iri(x.article.name))
    for triple in broken:
        named.add(triple)
    conforms, report = validate(ds)
    assert not conforms and "a claim needs its content" in report


def _allowed(shapes, path):
    """The sh:in list of the property shape on ``path`` (first one found)."""
    from rdflib.collection import Collection
    from rdflib.namespace import SH

    for prop in shapes.subjects(SH.path, path):
        if (values := shapes.value(prop, SH["in"])) is not None:
            return {str(v) for v in Collection(shapes, values)}
    raise AssertionError(f"no sh:in for {path}")


def test_shapes_list_the_values_the_vocabulary_declares():
    shapes = load_shapes()
    assert _allowed(shapes, KG.mode) == set(voc.CLAIM_MODES)
    assert _allowed(shapes, KG.stance) == set(voc.CLAIM_STANCES)
    assert _allowed(shapes, KG.dateSource) == set(voc.DATE_SOURCES)


def test_every_stance_of_the_speech_verb_lexicon_is_allowed():
    import tomllib
    from pathlib import Path

    lexicon = Path(voc.__file__).parents[1] / "resources" / "speech_verbs.toml"
    if not lexicon.exists():
        pytest.skip("no speech-verb lexicon")
    data = tomllib.loads(lexicon.read_text(encoding="utf-8"))
    stances = set(data.get("verbs", {}).values()) | set(data.get("expression_nouns", {}).values())
    assert stances <= set(voc.CLAIM_STANCES)


def test_unreadable_shapes_are_a_resource_error(tmp_path):
    bad = tmp_path / "shapes.ttl"
    bad.write_text("this is not turtle")
    with pytest.raises(ResourceError, match="cannot read SHACL shapes"):
        validate(extraction_to_graph(sample_extraction()), shapes=bad)
