"""Issue 21: the default timeline shows the salient events (sources, lead, type, text date, names, confidence)."""

from __future__ import annotations

from kg.resolve.mentions import EventMention
from kg.resolve.salience import SHOW_AT, salience

ENTITY = "https://kg.example.org/entity/"


def mention(article="a", sentence=5, etype="other", date="2024-06-18", source="article", roles=(), confidence=1.0):
    return EventMention(f"{article}#m{sentence}", article, "2024-06-18", etype, "x", "x", "asserted", date, source,
                        sentence, 0, tuple(roles), confidence=confidence)


def test_a_typed_event_of_the_lead_with_a_named_actor_is_salient():
    score, shown = salience([mention(sentence=1, etype="arrest", roles=[("agent", ENTITY + "police-nationale")])],
                            dated=True)
    assert shown and score == 0.5


def test_an_untyped_verb_deep_in_one_article_dated_by_publication_is_hidden():
    score, shown = salience([mention(roles=[("agent", ENTITY + "group-habitants")])], dated=True)
    assert not shown and score == 0.0


def test_sources_raise_salience_by_steps():
    one = salience([mention(etype="strike")], dated=True)[0]
    two = salience([mention(etype="strike"), mention(article="b", etype="strike")], dated=True)[0]
    three = salience([mention(article=a, etype="strike") for a in "abc"], dated=True)[0]
    assert one < two < three and round(three - one, 3) == 0.333


def test_doubt_that_it_is_a_happening_lowers_salience():
    sure = salience([mention(sentence=0, etype="meeting", source="explicit")], dated=True)
    unsure = salience([mention(etype="other", source="explicit", confidence=0.3)], dated=True)
    assert sure == (0.5, True) and unsure == (0.05, False) and unsure[0] < SHOW_AT


def test_an_undated_event_is_never_shown():
    assert salience([mention(sentence=0, etype="meeting", source="explicit")], dated=False)[1] is False
