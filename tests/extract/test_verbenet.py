"""The claims lexicon comes from Verb∋Net: the shipped file is what the French VerbNet in
../shared gives, and kg's exclusions name only verbs that Verb∋Net lists."""

from __future__ import annotations

import tomllib
from importlib import resources

import pytest

from kg.eval.corpora import shared_dir
from kg.extract.claims.lexicon import Lexicon
from kg.extract.claims.verbenet import read_verbenet, render

VERBENET = shared_dir() / "lexicons" / "verbenet" / "verbenet"
SHIPPED = resources.files("kg.resources").joinpath("verbenet_reporting.toml")


@pytest.fixture(scope="module")
def verbs():
    if not VERBENET.is_dir():
        pytest.skip(f"{VERBENET} not found: Verb∋Net is read from ../shared, never copied")
    return list(read_verbenet(VERBENET))


def test_shipped_lexicon_is_what_verbenet_gives(verbs):
    assert SHIPPED.read_text("utf-8") == render(iter(verbs)), \
        "run: python -m kg.extract.claims.verbenet ../shared/lexicons/verbenet/verbenet"


def test_reporting_classes_give_their_stance_and_frames(verbs):
    by_lemma = {}
    for v in verbs:
        by_lemma.setdefault(v.lemma, v)
    assert by_lemma["affirmer"].verbnet_class == "transfer_mesg-37.1.1"
    assert "que" in by_lemma["affirmer"].complements
    assert (by_lemma["promettre"].stance, by_lemma["se plaindre" if "se plaindre" in by_lemma else "s plaindre"].stance) \
        == ("promise", "criticize")
    assert by_lemma["hurler"].quote_only and not by_lemma["affirmer"].quote_only
    assert by_lemma["constater"].verbnet_class.startswith("conjecture-29.5-2")


def test_exclusions_are_verbenet_members():
    data = tomllib.loads(resources.files("kg.resources").joinpath("speech_verbs.toml").read_text("utf-8"))
    listed = tomllib.loads(SHIPPED.read_text("utf-8"))["verbs"]
    assert set(data["exclude"]["words"]) <= set(listed)


def test_lexicon_merges_verbenet_with_kg_table():
    lex = Lexicon.load()
    assert lex.classes["constater"] == "conjecture-29.5-2"  # from Verb∋Net
    assert lex.verbs["nier"] == "deny"  # kg's own: Verb∋Net has no denial class
    assert lex.verbs["déclarer"] == "assert"  # kg's stance wins over confess-37.10's "concede"
    assert "montrer" not in lex.verbs and "penser" not in lex.verbs  # excluded; a thought verb
