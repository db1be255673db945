"""Actors and roles: each rule of French on sentences of several shapes (kg.extract.events.actors)."""

from __future__ import annotations

import pytest

from kg.records import Event
from tests.extract.eventkit import agents, events_of, plain_nlp, role


@pytest.fixture(scope="module")
def nlp():
    return plain_nlp()


def event(nlp, text: str, etype: str, claims: bool = False) -> Event:
    found = [e for e in events_of(nlp, text, claims=claims) if e.type == etype]
    assert found, f"no {etype} event in {text!r}: {events_of(nlp, text, claims=claims)}"
    return found[0]


def actors(e: Event) -> set[str]:
    return {label for _, _, label in e.actors}


# *object control*: who does what the infinitive says is the object, never the speaker
@pytest.mark.parametrize(
    ("text", "etype", "agent"),
    [
        ("Zelensky a accusé la Russie d'avoir bombardé Kharkiv.", "military-action", "Russie"),  # direct object
        ("On reproche à Kim d'avoir livré des obus à la Russie.", "arms-transfer", "Kim"),  # "à X" of accusing
        ("La Corée du Nord est accusée de fournir des armes à la Russie.", "arms-transfer", "Corée du Nord"),
        ("Le régime nord-coréen, accusé de fournir des armes à la Russie, dément.", "arms-transfer",
         "régime nord-coréen"),
    ],
)
def test_the_object_controls_the_infinitive_of_accusing(nlp, text, etype, agent):
    assert agents(event(nlp, text, etype)) == {agent}


def test_subject_control_is_unchanged(nlp):
    assert agents(event(nlp, "Poutine a promis de recevoir Kim à Moscou.", "meeting")) == {"Poutine"}
    assert agents(event(nlp, "Kim a tenté de rencontrer Poutine.", "meeting")) == {"Kim"}


# *source, not actor*: a source of the report takes no part in the event
@pytest.mark.parametrize(
    ("text", "etype", "source"),
    [
        ("D'après l'AFP, la police a arrêté deux manifestants à Paris.", "arrest", "AFP"),
        ("Kim a rencontré Poutine à Pyongyang, selon l'agence de presse Reuters.", "meeting", "Reuters"),
        ("Selon la Maison Blanche, Kim a rencontré Poutine.", "meeting", "Maison Blanche"),
    ],
)
def test_a_source_is_no_actor(nlp, text, etype, source):
    e = event(nlp, text, etype, claims=True)
    assert source not in actors(e)
    assert e.modality == "reported"


def test_a_speaker_is_an_actor_only_when_the_clause_says_so(nlp):
    # the speaker of the claim: not the agent of an event his claim only describes
    e = event(nlp, "Laurent Fabius se dit favorable à un quinquennat consistant à aligner la durée des mandats.",
              "other", claims=True)
    assert "Laurent Fabius" not in actors(e)
    # subject control of the cue: the speaker did it
    assert agents(event(nlp, "Le ministre a admis avoir rencontré Kim en secret.", "meeting", claims=True)) == {
        "ministre"}
    assert agents(event(nlp, "Le Kremlin affirme que Poutine a rencontré Kim.", "meeting", claims=True)) == {
        "Poutine"}


# *place, not actor*
@pytest.mark.parametrize(
    ("text", "etype", "name"),
    [
        ("Des milliers de personnes ont défilé sur la place Kim Il-sung.", "protest", "Kim Il-sung"),
        ("Des supporters se sont rassemblés devant le stade Pierre-Mauroy.", "protest", "Pierre-Mauroy"),
        ("La Corée du Nord a menacé la Corée du Sud.", "threat", "Corée du Sud"),  # a Place undergoing
    ],
)
def test_a_place_is_no_actor(nlp, text, etype, name):
    assert name not in actors(event(nlp, text, etype))


@pytest.mark.parametrize(
    ("text", "etype", "agent_labels"),
    [
        ("La Russie a attaqué l'Ukraine.", "military-action", {"Russie"}),  # a country as subject acts
        ("La Russie et la Chine ont bloqué les sanctions.", "sanction", {"Russie", "Chine"}),
        ("L'accord signé par la Russie et la Corée du Nord inquiète Séoul.", "agreement", {"Russie", "Corée du Nord"}),
    ],
)
def test_a_country_acts_as_subject_or_agent_phrase(nlp, text, etype, agent_labels):
    assert agents(event(nlp, text, etype)) == agent_labels


# *passive*: the agent phrase "par X" acts, the subject undergoes
@pytest.mark.parametrize(
    ("text", "etype", "agent", "patient"),
    [
        ("Le suspect a été arrêté par la police.", "arrest", "police", "suspect"),
        ("Deux hommes ont été interpellés par les gendarmes à Metz.", "arrest", "gendarmes", "Deux hommes"),
    ],
)
def test_passive_agent_phrase(nlp, text, etype, agent, patient):
    e = event(nlp, text, etype)
    assert agents(e) == {agent} and role(e, "patient") == {patient}


# the party of a strike: the strikers act; their employer is no agent
@pytest.mark.parametrize(
    ("text", "strikers", "employer"),
    [
        ("Les cheminots de la SNCF sont en grève depuis lundi.", "cheminots", "SNCF"),
        ("La grève des contrôleurs contre la SNCF a paralysé le trafic.", "contrôleurs", "SNCF"),
    ],
)
def test_strikers_are_the_agents_of_a_strike(nlp, text, strikers, employer):
    e = event(nlp, text, "strike")
    assert agents(e) == {strikers} and employer not in agents(e)


def test_an_impersonal_passive_controls_nothing(nlp):
    # "il était prévu de signer": the expletive "il" is nobody, so the speaker does not come back through it
    text = "Dmitri Peskov a déclaré qu'aucun accord n'a été signé et il n'était pas prévu d'en signer."
    for e in events_of(nlp, text, claims=True):
        assert "Dmitri Peskov" not in actors(e)


@pytest.mark.parametrize(("text", "etype"), [
    ("Quelques heures avant l'arrivée de Poutine, des incidents ont éclaté à la frontière.", "other"),
    ("Après la visite du ministre, des heurts ont éclaté devant la préfecture.", "other"),
])
def test_the_name_before_a_comma_is_not_the_subject_of_an_indefinite_noun(nlp, text, etype):
    """Only a definite noun phrase between commas is an apposition ("Poutine, le président russe, prévoit")."""
    found = events_of(nlp, text)
    assert found  # the time adjunct's event is there ("arrivée", "visite") …
    # … but its participant is no agent of what happened around it (an untyped verb without an actor
    # of its own is then no event at all)
    assert not any(label in ("Poutine", "ministre") for e in found if e.trigger == "éclaté" for _, _, label in e.actors)
