"""SHACL: the mapping of a good extraction conforms; broken graphs fail with a readable report."""

from __future__ import annotations

import pytest
from rdflib import Dataset, Literal

from kg.errors import ResourceError
from kg.graph import vocabulary as voc
from kg.graph.mapping import extraction_to_graph
from kg.graph.vocabulary import KG, RDF, SEM, article_graph_iri
from kg.store import Store
from kg.validate import load_shapes, validate
from tests.samples import sample_extraction


def the(graph, cls):
    (node,) = graph.subjects(RDF.type, cls)
    return node


def respan(graph, node, iri):
    """Move every triple of ``node`` to the span IRI ``iri``."""
    from rdflib import URIRef

    for p, o in list(graph.predicate_objects(node)):
        graph.remove((node, p, o))
        graph.add((URIRef(iri), p, o))


def test_good_graph_conforms():
    conforms, report = validate(extraction_to_graph(sample_extraction()))
    assert conforms, report
    assert report.startswith("Conforms:")


def test_claim_missing_its_content_fails_with_a_readable_report():
    g = extraction_to_graph(sample_extraction())
    claim = the(g, KG.ClaimMention)
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
        (lambda g: g.set((the(g, KG.ClaimMention), KG.stance, Literal("ranting"))), "kg:stance from the allowed set"),
        (lambda g: g.set((the(g, KG.ClaimMention), KG.mode, Literal("hearsay"))), "kg:mode among direct"),
        (lambda g: g.remove((the(g, KG.ClaimMention), KG.evidence, None)), "a claim needs one kg:evidence span"),
        (lambda g: g.remove((the(g, KG.EventMention), SEM.eventType, None)), "one sem:eventType"),
        (lambda g: g.remove((the(g, KG.EventMention), KG.triggerPhrase, None)), "the span of its trigger"),
        (lambda g: g.remove((the(g, KG.EventMention), KG.evidence, None)), "kg:evidence span"),
        (lambda g: g.set((the(g, KG.EventMention), SEM.hasTimeStamp, Literal("2024-06-18"))), "xsd:gYearMonth"),
        (lambda g: respan(g, the(g, KG.TimeExpression), f"{voc.article_iri('001_poutine.txt')}#char=34,29"),
         "begin offset must be smaller than its end offset"),
        (lambda g: respan(g, the(g, KG.TimeExpression), f"{voc.article_iri('001_poutine.txt')}#mardi"),
         "a span is an IRI ARTICLE#char=begin,end"),
        (lambda g: g.set((the(g, KG.ClaimMention), KG.evidence, voc.entity_iri("x"))),
         "a claim needs one kg:evidence span with offsets (value entity:x)"),
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
    broken.remove((the(broken, KG.ClaimMention), voc.SDO.text, None))
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
