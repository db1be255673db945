"""The extractors' fast paths (issue 15) give what the plain computations they replace give."""

import re
import unicodedata

import pytest

from kg.extract import entities
from kg.extract.temporal.base import _RULES_BY_NAME
from kg.extract.temporal.guard import guarded
from kg.extract.temporal.tagger import _RULES
from kg.extract.topics import TopicScheme, fold
from kg.nlp import doc_text, sentence_char_spans

TEXT = ("Le 3 mars 2024, vers 22 h, le ministre a déclaré à Paris qu'il reviendrait dans deux semaines. "
        "Depuis plus de trois ans, les sanctions unilatérales pèsent. Lundi : réunion. Il y a un an, l'an dernier, "
        "chaque semaine, 12/05/2023, 2023-05-12, fin 2022, les années 1990, au XIXe siècle, d'ici le 30 juin.\n"
        "« Nous ne céderons pas », a-t-il ajouté. L'offensive russe en Ukraine ; des missiles balistiques…")


def _plain_fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    stripped = stripped.replace("’", "'").replace("ʼ", "'").replace("œ", "oe").replace("Œ", "oe")
    return re.sub(r"\s+", " ", stripped).lower()


@pytest.mark.parametrize("text", [TEXT, "Œuvre d’Ångström, Ḱ, ǅ, e\u0301\u0327, ﬁ, İstanbul, ß", ""])
def test_folds_are_the_plain_ones(text: str) -> None:
    assert fold(text) == _plain_fold(text)
    assert entities.fold(text) == "".join(entities._fold_char(c) for c in text)


@pytest.mark.parametrize("name", sorted(_RULES_BY_NAME))
def test_guarded_rules_match_as_the_rules(name: str) -> None:
    rx = _RULES_BY_NAME[name][0]
    fast = dict((n, r) for n, r, _, _ in _RULES)[name]
    assert fast.pattern != rx.pattern  # every rule of the table gets a guard
    for text in (TEXT, TEXT.upper(), TEXT.lower()):
        assert [(m.span(), m.groupdict()) for m in fast.finditer(text)] == \
               [(m.span(), m.groupdict()) for m in rx.finditer(text)]


@pytest.mark.parametrize(("pattern", "guards"), [
    (r"a*", False),  # can match the empty string
    (r".b", False), (r"[^a]b", False), (r"(a)?\1b", False),  # first character not worked out
    (r"(?i:x)b", True), (r"(?<=d)ici", True), (r"\bfoo|bar", True), (r"(?:x|)y", True), (r"(?:le\s+)?\d{4}", True),
])
def test_guard_only_where_the_start_is_known(pattern: str, guards: bool) -> None:
    rx = re.compile(pattern, re.I)
    fast = guarded(rx)
    assert (fast is not rx) == guards
    for text in ("xb yb ici dici foo bar y xy le 2024 2024 b ab", "XB DICI FOO BAR LE 1999"):
        assert [m.span() for m in fast.finditer(text)] == [m.span() for m in rx.finditer(text)]


def test_topics_scan_once_as_one_search_per_topic() -> None:
    scheme = TopicScheme.load()
    assert scheme._any_topic is not None
    for text in (TEXT, *TEXT.split(". "), "larmes et armes", "garmes"):
        folded = fold(text)
        plain = {cid for cid, p in scheme._patterns if p.search(folded)}
        plain |= {a for cid in plain for a in scheme.ancestors(cid)}
        assert scheme.tag(text) == tuple(sorted(plain))


def test_doc_arrays_are_the_docs(nlp) -> None:
    doc = nlp(TEXT)
    assert doc_text(doc) == doc.text and doc_text(doc) is doc_text(doc)
    assert sentence_char_spans(doc) == [(s.start_char, s.end_char) for s in doc.sents]
    assert sentence_char_spans(nlp("")) == []
