"""Records → triples: typed dates, stable IRIs, one resource per record, provenance offsets."""

from __future__ import annotations

import pytest
from rdflib import Literal, URIRef

from kg.graph import vocabulary as voc
from kg.graph.mapping import extraction_to_graph, extraction_to_triples, span_of, timex_literal
from kg.graph.vocabulary import (
    DCTERMS,
    ITSRDF,
    KG,
    NIF,
    OWL,
    RDF,
    RDFS,
    SEM,
    article_graph_iri,
    article_iri,
    entity_iri,
    event_type_iri,
)
from kg.records import Entity
from tests.samples import TEXT, sample_extraction


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2024-06-18", Literal("2024-06-18", datatype=voc.XSD.date)),
        ("2024-06-18T15:00", Literal("2024-06-18", datatype=voc.XSD.date)),
        ("2023-09", Literal("2023-09", datatype=voc.XSD.gYearMonth)),
        ("2024", Literal("2024", datatype=voc.XSD.gYear)),
        ("XXXX-06-18", None),
        ("P9M", None),
        ("PRESENT_REF", None),
        ("2024-W25", None),
        ("2024-02-30", None),
        ("2024-13", None),
        ("", None),
        (None, None),
    ],
)
def test_timex_literal_granularity(value, expected):
    got = timex_literal(value)
    assert got == expected
    if expected is not None:
        assert got.datatype == expected.datatype and str(got) == str(expected)


def text_of(span) -> str:
    """The text a span IRI points to (its offsets are in the IRI)."""
    _, begin, end = span_of(span)
    return TEXT[begin:end]


def test_span_iris_carry_article_and_offsets():
    assert span_of("https://kg.example.org/article/a.txt#char=12,40") == ("https://kg.example.org/article/a.txt", 12, 40)
    with pytest.raises(ValueError, match="not a span IRI"):
        span_of("https://kg.example.org/article/a.txt#claim-12-40")


def test_iris_are_stable_across_two_mappings():
    first = set(extraction_to_triples(sample_extraction()))
    second = set(extraction_to_triples(sample_extraction()))
    assert first == second
    assert not any(isinstance(term, type(None)) for t in first for term in t)


def test_article_description():
    x = sample_extraction()
    g = extraction_to_graph(x)
    a = article_iri(x.article.name)
    assert g.identifier == article_graph_iri(x.article.name)
    assert (a, DCTERMS.identifier, Literal("001_poutine.txt")) in g
    assert (a, DCTERMS.issued, Literal("2024-06-19", datatype=voc.XSD.date)) in g
    assert (a, DCTERMS.title, Literal("Poutine à Pyongyang", lang="fr")) in g
    assert (a, voc.SDO.sha256, Literal("ab" * 32)) in g
    assert (a, DCTERMS.source, URIRef("https://example.org/poutine-pyongyang")) in g
    context = g.value(a, KG.context)
    assert (context, RDF.type, NIF.Context) in g
    assert str(g.value(context, NIF.isString)) == TEXT
    sentences = sorted(g.subjects(RDF.type, NIF.Sentence), key=lambda s: span_of(s)[1])
    assert [text_of(s) for s in sentences] == [s.text for s in x.sentences]
    assert {span_of(s)[0] for s in sentences} == {str(a)}
    assert not set(g.predicate_objects(sentences[0]))  - {(RDF.type, NIF.Sentence)}  # offsets live in the IRI


def test_entities_are_shared_and_described():
    g = extraction_to_graph(sample_extraction())
    putin = entity_iri("vladimir-poutine")
    assert putin == URIRef("https://kg.example.org/entity/vladimir-poutine")
    assert set(g.objects(putin, RDF.type)) == {voc.SDO.Person}  # sem:Actor is the entities graph's
    assert (putin, RDFS.label, Literal("Vladimir Poutine", lang="fr")) in g
    assert (putin, voc.SDO.alternateName, Literal("V. Poutine", lang="fr")) in g
    assert (putin, voc.SDO.jobTitle, Literal("président de la Russie", lang="fr")) in g
    assert (putin, OWL.sameAs, URIRef("http://www.wikidata.org/entity/Q7747")) in g
    assert set(g.objects(entity_iri("pyongyang"), RDF.type)) == {voc.SDO.Place}
    assert not list(g.objects(putin, voc.SDO.name))  # written once, in the entities graph


def test_mentions_point_into_the_text():
    x = sample_extraction()
    g = extraction_to_graph(x)
    mentions = sorted(g.subjects(ITSRDF.taIdentRef, None), key=lambda m: span_of(m)[1])
    assert len(mentions) == len(x.mentions)
    assert [text_of(m) for m in mentions] == [m.text for m in sorted(x.mentions, key=lambda m: m.start)]
    for m, record in zip(mentions, sorted(x.mentions, key=lambda m: m.start), strict=True):
        assert g.value(m, ITSRDF.taIdentRef) == entity_iri(record.key)
        assert set(g.predicates(m)) == {ITSRDF.taIdentRef}  # one triple per mention


def test_timex_has_value_and_typed_date():
    g = extraction_to_graph(sample_extraction())
    (timex,) = g.subjects(RDF.type, KG.TimeExpression)
    assert g.value(timex, KG.timexValue) == Literal("2024-06-18")
    assert g.value(timex, KG.timexType) == Literal("DATE")
    assert text_of(timex) == "mardi"


def test_claim_mapping():
    x = sample_extraction()
    g = extraction_to_graph(x)
    (claim,) = g.subjects(RDF.type, KG.ClaimMention)
    c = x.claims[0]
    assert claim == URIRef(f"{article_iri(x.article.name)}#claim-{c.content_start}-{c.content_end}")
    assert set(g.objects(claim, RDF.type)) == {KG.ClaimMention}  # ⊑ schema:Quotation (docs/ontology.md)
    assert str(g.value(claim, voc.SDO.text)).startswith("Nous développerons des mécanismes alternatifs")
    assert g.value(claim, voc.SDO.creator) == entity_iri("vladimir-poutine")
    assert g.value(claim, KG.mode) == Literal("direct")
    assert g.value(claim, KG.stance) == Literal("promise")
    assert g.value(claim, KG.cueLemma) == Literal("déclarer")
    assert g.value(claim, voc.SDO.dateCreated) == Literal("2024-06-19", datatype=voc.XSD.date)
    assert g.value(claim, KG.dateSource) == Literal("article")
    assert set(g.objects(claim, DCTERMS.subject)) == {
        URIRef("https://kg.example.org/topic/sanctions"), URIRef("https://kg.example.org/topic/economie")}
    assert text_of(g.value(claim, KG.contentPhrase)) == c.content
    assert text_of(g.value(claim, KG.cuePhrase)) == "a déclaré"
    evidence = g.value(claim, KG.evidence)
    assert span_of(evidence) == (str(article_iri(x.article.name)), c.start, c.end)
    sentence = x.sentences[c.sentence]
    if (c.start, c.end) != (sentence.start, sentence.end):
        assert span_of(g.value(claim, NIF.sentence))[1:] == (sentence.start, sentence.end)


def test_unresolved_speaker_is_a_label():
    from dataclasses import replace

    x = sample_extraction()
    claim = replace(x.claims[0], speaker_key=None, speaker="le porte-parole du Kremlin")
    g = extraction_to_graph(replace(x, claims=(claim,)))
    (c,) = g.subjects(RDF.type, KG.ClaimMention)
    assert g.value(c, voc.SDO.creator) is None
    assert g.value(c, KG.speakerLabel) == Literal("le porte-parole du Kremlin", lang="fr")


def test_event_mapping():
    x = sample_extraction()
    g = extraction_to_graph(x)
    (event,) = g.subjects(RDF.type, KG.EventMention)
    assert g.value(event, SEM.eventType) == event_type_iri("travel")
    assert g.value(event, SEM.hasPlace) == entity_iri("pyongyang")
    assert not list(g.objects(event, SEM.hasActor))  # kg:agent … ⊑ sem:hasActor; the canonical event has both
    assert g.value(event, KG.agent) == entity_iri("vladimir-poutine")
    assert g.value(event, KG.participant) == entity_iri("kim-jong-un")
    assert g.value(event, SEM.hasTimeStamp) == Literal("2024-06-18", datatype=voc.XSD.date)
    assert g.value(event, KG.timexValue) is None  # the typed literal says all of "2024-06-18"
    assert text_of(g.value(event, KG.triggerPhrase)) == "s'est rendu"
    assert (g.value(event, KG.evidence), RDF.type, NIF.Sentence) in g  # its sentence: no nif:sentence
    assert g.value(event, NIF.sentence) is None


def test_a_date_with_more_than_a_day_keeps_its_timex_value():
    from dataclasses import replace

    x = sample_extraction()
    event = replace(x.events[0], date="2024-06-18T15:00")
    g = extraction_to_graph(replace(x, events=(event,)))
    (node,) = g.subjects(RDF.type, KG.EventMention)
    assert g.value(node, SEM.hasTimeStamp) == Literal("2024-06-18", datatype=voc.XSD.date)
    assert g.value(node, KG.timexValue) == Literal("2024-06-18T15:00")


def test_every_claim_and_event_is_traceable():
    g = extraction_to_graph(sample_extraction())
    for cls in (KG.ClaimMention, KG.EventMention):
        for node in g.subjects(RDF.type, cls):
            article, begin, end = span_of(g.value(node, KG.evidence))
            assert str(node).startswith(article + "#") and article == str(article_iri("001_poutine.txt"))
            assert 0 <= begin < end <= len(TEXT)
            sentence = g.value(node, NIF.sentence) or g.value(node, KG.evidence)
            assert (sentence, RDF.type, NIF.Sentence) in g
            s_begin, s_end = span_of(sentence)[1:]
            assert s_begin <= begin < end <= s_end


def test_topic_iri_is_pluggable():
    g = extraction_to_graph(sample_extraction(), topic_iri=lambda t: URIRef("http://ex.org/t/" + t))
    assert URIRef("http://ex.org/t/sanctions") in set(g.objects(None, DCTERMS.subject))


def test_clashing_claims_get_distinct_iris():
    from dataclasses import replace

    x = sample_extraction()
    other = replace(x.claims[0], speaker_key="kim-jong-un", speaker="Kim Jong-un")
    g = extraction_to_graph(replace(x, claims=(x.claims[0], other)))
    assert len(set(g.subjects(RDF.type, KG.ClaimMention))) == 2


def test_odd_keys_and_urls_give_valid_iris():
    from dataclasses import replace

    import pyoxigraph as ox

    x = sample_extraction(name="article été 1.txt")
    x = replace(x, article=replace(x.article, url="https://ex.org/a b"),
                entities=x.entities + (Entity("min:jean dupont", "Jean Dupont", "Person"),))
    for triple in extraction_to_triples(x):
        for term in triple:
            if isinstance(term, URIRef):
                ox.NamedNode(str(term))  # raises on an invalid IRI


def test_the_example_in_docs_ontology_is_what_the_mapping_writes():
    import re
    from pathlib import Path

    from rdflib import Graph

    doc = (Path(__file__).parents[2] / "docs" / "ontology.md").read_text(encoding="utf-8")
    (turtle,) = re.findall(r"```turtle\n(.*?)```", doc, flags=re.DOTALL)
    example = Graph().parse(data=turtle, format="turtle")
    written = extraction_to_graph(sample_extraction())
    assert len(example) > 50
    assert set(example) - set(written) == set()
