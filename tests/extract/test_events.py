"""Event extraction on French sentences, with a hand-built context (tests/extract/eventkit.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.errors import ResourceError
from kg.extract.events import EVENT_TYPES, Lexicon
from kg.records import Event
from tests.extract.eventkit import PUBLISHED, agents, events_of, plain_nlp, role, typed


@pytest.fixture(scope="module")
def nlp():
    return plain_nlp()


def participants(event: Event) -> set[str]:
    return role(event, "participant")


# (sentence, dates, [(type, trigger, agents, place, date, date_source)])
CASES = [
    ("Vladimir Poutine se rend en Corée du Nord pour la première fois depuis 24 ans.", {"24 ans": "P24Y"},
     [("travel", "rend", {"Vladimir Poutine"}, "Corée du Nord", PUBLISHED, "article")]),
    ("Poutine s'est rendu à Yakoutsk.", {},
     [("travel", "rendu", {"Poutine"}, "Yakoutsk", PUBLISHED, "article")]),
    ("C'est sous les acclamations enthousiastes que Vladimir Poutine a entamé, ce 18 juin, une visite de "
     "deux jours en Corée du Nord.", {"ce 18 juin": "2024-06-18", "deux jours": "P2D"},
     [("travel", "visite", {"Vladimir Poutine"}, "Corée du Nord", "2024-06-18", "explicit")]),
    ("Vladimir Poutine est arrivé en Corée du Nord pour un sommet avec Kim Jong-un.", {},
     [("arrival", "arrivé", {"Vladimir Poutine"}, "Corée du Nord", PUBLISHED, "article"),
      ("meeting", "sommet", {"Vladimir Poutine"}, None, PUBLISHED, "article")]),
    ("En mars, la Russie a utilisé son droit de veto pour empêcher les Nations Unies de vérifier le respect "
     "de ces sanctions.", {"En mars": "2024-03"},
     [("veto", "droit de veto", {"Russie"}, None, "2024-03", "explicit")]),
    ("Kim Jong Un a rencontré Poutine pour la première fois en 2019 à Vladivostok.", {"en 2019": "2019"},
     [("meeting", "rencontré", {"Kim Jong Un"}, "Vladivostok", "2019", "explicit")]),
    ("La Russie et la Chine ont bloqué l'imposition de nouvelles sanctions des Nations Unies contre la "
     "Corée du Nord.", {},
     [("sanction", "bloqué", {"Russie", "Chine"}, None, PUBLISHED, "article")]),
    ("Les militaires sud-coréens ont tiré des coups de semonce sur des soldats nord-coréens.", {},
     [("military-action", "tiré", {"militaires sud-coréens"}, None, PUBLISHED, "article")]),
    ("Les États-Unis affirment que la Corée du Nord a fourni à la Russie des dizaines de missiles "
     "balistiques.", {},
     [("arms-transfer", "fourni", {"Corée du Nord"}, None, PUBLISHED, "article")]),
    ("Poutine a publié une tribune dans le quotidien Rodong Sinmun.", {},
     [("statement", "tribune", {"Poutine"}, None, PUBLISHED, "article")]),
    # a planned event without a date of its own is undated (not the day it was announced)
    ("Les hommes devaient signer des accords à Pyongyang.", {},
     [("agreement", "signer", {"hommes"}, "Pyongyang", None, None)]),
    ("Cette année, Poutine a offert à Kim Jong-un une élégante voiture.", {"Cette année": "2024"},
     [("aid", "offert", {"Poutine"}, None, "2024", "explicit")]),
    ("Le 3 mai, la Corée du Nord a menacé la Corée du Sud.", {"Le 3 mai": "2024-05-03"},
     [("threat", "menacé", {"Corée du Nord"}, None, "2024-05-03", "explicit")]),
    ("Des missiles ont été envoyés sur Kharkiv dès janvier.", {"dès janvier": "2024-01"},
     [("military-action", "envoyés", set(), "Kharkiv", "2024-01", "explicit")]),
    ("La relation s'est renforcée depuis l'invasion de l'Ukraine en février 2022.", {"février 2022": "2022-02"},
     [("military-action", "invasion", set(), "Ukraine", "2022-02", "explicit")]),
    ("Depuis le mardi 12 septembre 2023, Kim Jong-un est en visite en Russie.",
     {"le mardi 12 septembre 2023": "2023-09-12"},
     [("travel", "visite", {"Kim Jong-un"}, "Russie", "2023-09-12", "explicit")]),
]


@pytest.mark.parametrize(("text", "dates", "expected"), CASES, ids=[c[0][:40] for c in CASES])
def test_events(nlp, text: str, dates: dict[str, str], expected: list[tuple]) -> None:
    found = typed(events_of(nlp, text, dates))
    assert sorted(e.type for e in found) == sorted(x[0] for x in expected), found
    for etype, trigger, agent_labels, place, date, source in expected:
        event = next(e for e in found if e.type == etype)
        assert event.trigger == trigger
        assert text[event.trigger_start:event.trigger_end] == trigger
        assert agents(event) == agent_labels
        assert (event.place[1] if event.place else None) == place
        assert (event.date, event.date_source) == (date, source)
        assert event.text == text.strip() and event.sentence == 0


@pytest.mark.parametrize(
    "text",
    [
        "Le chat dort sur le canapé.",
        "Poutine a déclaré que la coopération était excellente.",  # speech is for the claims extractor
        "Cette visite revêt une grande importance.",  # anaphoric, nothing new
        "Il a reçu des mises à jour sur les projets de défense.",  # recevoir needs a person
    ],
)
def test_no_typed_event(nlp, text: str) -> None:
    assert typed(events_of(nlp, text)) == []


@pytest.mark.parametrize(
    ("text", "etype", "modality"),
    [
        ("Aucun accord n'a été signé.", "agreement", "negated"),
        ("Poutine n'a pas rencontré Kim.", "meeting", "negated"),
        ("La Corée du Nord pourrait fournir des obus à la Russie.", "arms-transfer", "possible"),
        ("Poutine cherche à acheter des armes.", "arms-transfer", "possible"),
        ("Poutine prévoit de signer un accord.", "agreement", "planned"),
    ],
)
def test_what_did_not_happen_is_kept_with_its_modality(nlp, text: str, etype: str, modality: str) -> None:
    """Issue 11: a negated or hypothetical event is an event of the graph, marked, not dropped."""
    (event,) = [e for e in events_of(nlp, text) if e.type == etype]
    assert event.modality == modality


@pytest.mark.parametrize(
    ("text", "lemma", "agent"),
    [
        ("Les pompiers ont secouru un automobiliste mardi soir.", "secourir", "pompiers"),
        ("Vladimir Poutine a décoré Kim Jong-un.", "décorer", "Vladimir Poutine"),
        ("Les bénévoles de la commune ont nettoyé les berges.", "nettoyer", "bénévoles"),
    ],
)
def test_an_eventive_verb_of_no_known_type_is_an_other_event(nlp, text: str, lemma: str, agent: str) -> None:
    dates = {"mardi soir": "2024-06-17TEV"} if "mardi soir" in text else {}
    others = [e for e in events_of(nlp, text, dates) if e.type == "other"]
    assert [e.lemma for e in others] == [lemma]
    assert any(agent in label for label in agents(others[0]))


def test_a_verb_with_neither_actor_nor_date_is_no_event(nlp) -> None:
    assert [e for e in events_of(nlp, "Il faut le dire autrement.") if e.type == "other"] == []


def test_coordinated_subjects_are_all_agents(nlp) -> None:
    (event,) = typed(events_of(nlp, "Poutine et Kim ont signé un traité à Pyongyang."))
    assert agents(event) == {"Poutine", "Kim"} and event.place[1] == "Pyongyang"


@pytest.mark.parametrize(
    ("text", "agent"),
    [
        ("Les militaires sud-coréens ont tiré des coups de semonce.", "militaires sud-coréens"),
        ("Les syndicats ont signé un accord avec la direction.", "syndicats"),
    ],
)
def test_a_common_noun_subject_is_a_group_actor(nlp, text: str, agent: str) -> None:
    (event,) = typed(events_of(nlp, text))
    assert agents(event) == {agent}
    assert all(key.startswith("group-") for r, key, _ in event.actors if r == "agent")


def test_the_date_expression_is_kept_with_its_offsets(nlp) -> None:
    text = "Le 3 mai, la Corée du Nord a menacé la Corée du Sud."
    (event,) = typed(events_of(nlp, text, {"Le 3 mai": "2024-05-03"}))
    assert (event.date_text, event.date_source) == ("Le 3 mai", "explicit")
    assert text[event.date_start:event.date_end] == event.date_text


def test_a_time_refines_the_day_it_belongs_to(nlp) -> None:
    text = "Kim a rencontré Poutine mardi vers 21 h 45 à Moscou."
    (event,) = typed(events_of(nlp, text, {"mardi": "2024-06-18", "vers 21 h 45": "2024-06-18T21:45"}))
    assert event.date == "2024-06-18T21:45"


def test_events_since_or_before_the_story_get_no_article_date(nlp) -> None:
    text = "La relation s'est renforcée depuis l'invasion de l'Ukraine."
    (event,) = [e for e in events_of(nlp, text) if e.type == "military-action"]
    assert (event.date, event.date_source) == (None, None)
    (past,) = typed(events_of(nlp, "Poutine avait rencontré Kim à Vladivostok."))
    assert past.date is None  # a pluperfect lies before the story's time


def test_participants(nlp) -> None:
    (meeting,) = typed(events_of(nlp, "Les contacts se sont intensifiés depuis la rencontre entre Kim et Poutine."))
    assert meeting.type == "meeting"
    assert participants(meeting) == {"Kim", "Poutine"}
    (transfer,) = typed(events_of(nlp, "Les États-Unis affirment que la Corée du Nord a fourni à la Russie des obus."))
    assert role(transfer, "recipient") == {"Russie"} and transfer.modality == "reported"
    (trip,) = typed(events_of(nlp, "La visite de Vladimir Poutine en Corée du Nord marque un tournant."))
    assert agents(trip) == {"Vladimir Poutine"} and trip.place[1] == "Corée du Nord"


def test_pronoun_subject_resolved_in_paragraph(nlp) -> None:
    text = "Vladimir Poutine s'est rendu à Yakoutsk. Il s'est entretenu avec Aïssen Nikolaïev."
    travel, meeting = events_of(nlp, text)
    assert (travel.type, meeting.type) == ("travel", "meeting")
    assert agents(meeting) == {"Vladimir Poutine"}
    assert participants(meeting) == {"Aïssen Nikolaïev"}
    assert meeting.sentence == 1


def test_pronoun_not_resolved_across_paragraphs(nlp) -> None:
    text = "Vladimir Poutine s'est rendu à Yakoutsk.\nIl s'est entretenu avec Aïssen Nikolaïev."
    meeting = events_of(nlp, text)[-1]
    assert agents(meeting) == set()


def test_context_and_article_dates(nlp) -> None:
    text = ("Le 18 juin, Vladimir Poutine est arrivé à Pyongyang. Il a rencontré Kim Jong-un.\n"
            "Poutine s'est rendu à Hanoï.")
    arrival, meeting, travel = events_of(nlp, text, {"Le 18 juin": "2024-06-18"}, published="2024-06-20")
    assert (arrival.date, arrival.date_source) == ("2024-06-18", "explicit")
    assert (meeting.date, meeting.date_source) == ("2024-06-18", "context")
    assert (travel.date, travel.date_source) == ("2024-06-20", "article")


def test_no_date_without_publication(nlp) -> None:
    (event,) = events_of(nlp, "Poutine s'est rendu à Yakoutsk.", published=None)
    assert (event.date, event.date_source) == (None, None)


def test_since_date_is_not_the_event_date(nlp) -> None:
    text = "Effectuant sa première visite depuis 2000, Poutine s'est rendu à Pyongyang."
    (event,) = events_of(nlp, text, {"2000": "2000"})
    assert event.date_source == "article"


def test_duplicates_merged_within_sentence(nlp) -> None:
    found = events_of(nlp, "Effectuant sa première visite dans ce pays, Poutine s'est rendu à Pyongyang.")
    assert [(e.type, e.trigger) for e in found] == [("travel", "rendu")]


def test_two_trips_to_two_places_are_kept(nlp) -> None:
    found = events_of(nlp, "Après avoir visité la Corée du Nord, Poutine se rendra au Vietnam.")
    assert sorted(e.place[1] for e in found if e.type == "travel") == ["Corée du Nord", "Vietnam"]


def test_junk_is_skipped(nlp) -> None:
    text = "Poutine s'est rendu à Yakoutsk."
    assert events_of(nlp, text, junk=((0, len(text)),)) == []


def test_topics_and_offsets(nlp) -> None:
    text = "Titre\n\nLa Corée du Nord a livré des obus et des missiles à la Russie."
    (event,) = events_of(nlp, text)
    assert event.type == "arms-transfer"
    assert {"weapons", "arms-trade"} <= set(event.topics)
    assert text[event.start:event.end] == event.text and event.sentence == 1


def test_typology_is_documented() -> None:
    doc = (Path(__file__).parents[2] / "docs" / "events.md").read_text(encoding="utf-8")
    assert len(EVENT_TYPES) >= 30 and "other" in EVENT_TYPES
    for etype, definition in EVENT_TYPES.items():
        assert definition
        assert f"`{etype}`" in doc


def test_bad_lexicon(tmp_path: Path) -> None:
    bad = tmp_path / "triggers.toml"
    bad.write_text('[types.x]\ndefinition = "x"\nverbs = ["tirer [nope]"]\n', encoding="utf-8")
    with pytest.raises(ResourceError, match="nope"):
        Lexicon.load(bad)
    bad.write_text("not = [toml", encoding="utf-8")
    with pytest.raises(ResourceError, match="triggers.toml"):
        Lexicon.load(bad)


@pytest.mark.parametrize(
    "text",
    [
        "Les préoccupations grandissent à Séoul.",  # an abstract noun (-tion) is no actor
        "La visite revêt une grande importance.",  # an event noun is no actor
        "Les tensions persistent dans la région.",
    ],
)
def test_abstract_or_event_nouns_are_not_group_actors(nlp, text) -> None:
    assert all(not key.startswith("group-") for e in events_of(nlp, text) for _, key, _ in e.actors)
