"""Sentence splitting and dateline rules of kg.nlp."""

import pytest

from kg.nlp import glued_dateline, split_sentences


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Poutine est arrivé. Il a rencontré Kim.", ["Poutine est arrivé.", "Il a rencontré Kim."]),
        ("M. Macron a parlé. Mme Dupont aussi.", ["M. Macron a parlé.", "Mme Dupont aussi."]),
        ("J. Kirby a parlé hier.", ["J. Kirby a parlé hier."]),
        ("Titre sans point\nPremier paragraphe.", ["Titre sans point", "Premier paragraphe."]),
        ("« Nous gagnerons. » Il a ajouté cela.", ["« Nous gagnerons. »", "Il a ajouté cela."]),
        ("Une phrase coupée\npar un retour à la ligne.", ["Une phrase coupée\npar un retour à la ligne."]),
        ("Vraiment ? Oui !", ["Vraiment ?", "Oui !"]),
        ("Il y a 3.5 millions d'habitants.", ["Il y a 3.5 millions d'habitants."]),
    ],
)
def test_split_sentences(text, expected):
    spans = split_sentences(text)
    assert [text[s:e] for s, e in spans] == expected


def test_sentences_keep_offsets_on_crlf():
    text = "Première phrase.\r\nDeuxième phrase."
    assert [text[s:e] for s, e in split_sentences(text)] == ["Première phrase.", "Deuxième phrase."]


@pytest.mark.parametrize(
    "word, cut",
    [("ParisVladimir", 5), ("MoscouLe", 6), ("McDonald", None), ("YouTube", None), ("Paris", None), ("WhatsApp", None)],
)
def test_glued_dateline(word, cut):
    assert glued_dateline(word) == cut


def test_dateline_split_keeps_text(nlp):
    text = "ParisVladimir Poutine se rend en Corée du Nord."
    doc = nlp(text)
    assert doc.text == text
    assert [t.text for t in doc[:3]] == ["Paris", "Vladimir", "Poutine"]
    assert any(e.text == "Vladimir Poutine" for e in doc.ents)
    assert doc.user_data["kg_sentences"][:2] == [(0, 5), (5, len(text))]
