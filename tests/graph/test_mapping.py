"""Records → triples: typed dates, stable IRIs, one resource per record, provenance offsets."""

from __future__ import annotations

import pytest
from rdflib import Literal, URIRef

from kg.graph import vocabulary as voc
from kg.graph.mapping import extraction_to_graph, extraction_to_triples, timex_literal
from kg.graph.vocabulary import (
    DCTERMS,
    ITSRDF,
    KG,
    NIF,
    OWL,
    PROV,
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
    sentences = sorted(g.subjects(RDF.type, NIF.Sentence), key=lambda s: g.value(s, NIF.beginIndex).toPython())
    assert [str(g.value(s, NIF.anchorOf)) for s in sentences] == [s.text for s in x.sentences]
    assert (sentences[0], NIF.nextSentence, sentences[1]) in g


def test_entities_are_shared_and_described():
    g = extraction_to_graph(sample_extraction())
    putin = entity_iri("vladimir-poutine")
    assert putin == URIRef("https://kg.example.org/entity/vladimir-poutine")
    assert {voc.SDO.Person, SEM.Actor} <= set(g.objects(putin, RDF.type))
    assert (putin, RDFS.label, Literal("Vladimir Poutine", lang="fr")) in g
    assert (putin, voc.SDO.alternateName, Literal("V. Poutine", lang="fr")) in g
    assert (putin, voc.SDO.jobTitle, Literal("président de la Russie", lang="fr")) in g
    assert (putin, OWL.sameAs, URIRef("http://www.wikidata.org/entity/Q7747")) in g
    assert {voc.SDO.Place, SEM.Place} <= set(g.objects(entity_iri("pyongyang"), RDF.type))


def test_mentions_point_into_the_text():
    x = sample_extraction()
    g = extraction_to_graph(x)
    mentions = list(g.subjects(RDF.type, KG.Mention))
    assert len(mentions) == len(x.mentions)
    for m in mentions:
        begin, end = g.value(m, NIF.beginIndex).toPython(), g.value(m, NIF.endIndex).toPython()
        assert TEXT[begin:end] == str(g.value(m, NIF.anchorOf))
        assert g.value(m, ITSRDF.taIdentRef) is not None
        assert (g.value(m, NIF.sentence), RDF.type, NIF.Sentence) in g
    second = URIRef(f"{article_iri(x.article.name)}#char={x.mentions[3].start},{x.mentions[3].end}")
    assert g.value(second, NIF.sentence) == URIRef(
        f"{article_iri(x.article.name)}#char={x.sentences[1].start},{x.sentences[1].end}")


def test_timex_has_value_and_typed_date():
    g = extraction_to_graph(sample_extraction())
    (timex,) = g.subjects(RDF.type, KG.TimeExpression)
    assert g.value(timex, KG.timexValue) == Literal("2024-06-18")
    assert g.value(timex, KG.timexDate) == Literal("2024-06-18", datatype=voc.XSD.date)
    assert g.value(timex, KG.timexType) == Literal("DATE")
    assert str(g.value(timex, NIF.anchorOf)) == "mardi"


def test_claim_mapping():
    x = sample_extraction()
    g = extraction_to_graph(x)
    (claim,) = g.subjects(RDF.type, KG.ClaimMention)
    c = x.claims[0]
    assert claim == URIRef(f"{article_iri(x.article.name)}#claim-{c.content_start}-{c.content_end}")
    assert (claim, RDF.type, voc.SDO.Quotation) in g
    assert str(g.value(claim, voc.SDO.text)).startswith("Nous développerons des mécanismes alternatifs")
    assert g.value(claim, voc.SDO.creator) == entity_iri("vladimir-poutine")
    assert g.value(claim, KG.mode) == Literal("direct")
    assert g.value(claim, KG.stance) == Literal("promise")
    assert g.value(claim, KG.cueLemma) == Literal("déclarer")
    assert g.value(claim, voc.SDO.dateCreated) == Literal("2024-06-19", datatype=voc.XSD.date)
    assert g.value(claim, KG.dateSource) == Literal("article")
    assert set(g.objects(claim, DCTERMS.subject)) == {
        URIRef("https://kg.example.org/topic/sanctions"), URIRef("https://kg.example.org/topic/economie")}
    assert g.value(claim, PROV.wasDerivedFrom) == article_iri(x.article.name)
    content = g.value(claim, KG.contentPhrase)
    assert str(g.value(content, NIF.anchorOf)) == c.content
    assert str(g.value(g.value(claim, KG.cuePhrase), NIF.anchorOf)) == "a déclaré"
    evidence = g.value(claim, KG.evidence)
    assert g.value(evidence, NIF.beginIndex).toPython() == c.start
    assert g.value(evidence, NIF.sentence) is not None


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
    assert set(g.objects(event, SEM.hasActor)) == {entity_iri("vladimir-poutine"), entity_iri("kim-jong-un")}
    assert g.value(event, KG.agent) == entity_iri("vladimir-poutine")
    assert g.value(event, KG.participant) == entity_iri("kim-jong-un")
    assert g.value(event, SEM.hasTimeStamp) == Literal("2024-06-18", datatype=voc.XSD.date)
    assert g.value(event, KG.timexValue) == Literal("2024-06-18")
    assert g.value(event, KG.trigger) == Literal("s'est rendu")
    assert str(g.value(g.value(event, KG.triggerPhrase), NIF.anchorOf)) == "s'est rendu"
    assert (g.value(event, KG.evidence), RDF.type, NIF.Sentence) in g
    assert g.value(event, PROV.wasDerivedFrom) == article_iri(x.article.name)


def test_every_claim_and_event_is_traceable():
    g = extraction_to_graph(sample_extraction())
    for cls in (KG.ClaimMention, KG.EventMention):
        for node in g.subjects(RDF.type, cls):
            evidence = g.value(node, KG.evidence)
            assert g.value(node, PROV.wasDerivedFrom) is not None
            assert g.value(evidence, NIF.referenceContext) is not None
            assert g.value(evidence, NIF.beginIndex) is not None


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
