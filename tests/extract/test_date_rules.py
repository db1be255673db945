"""The date rules of events, each on sentences of several shapes: weekday agreement, tense
direction, year carry (kg.extract.temporal), cited events and planned events (kg.extract.events.dates).
"""

from __future__ import annotations

from datetime import date

import pytest

from kg.extract.temporal import extract_timexes
from tests.extract.eventkit import events_of, plain_nlp, typed

MONDAY = "2025-06-02"  # a Monday: "mardi 3 juin" is tomorrow, 3 June 2024 was a Monday


@pytest.fixture(scope="module")
def plain():
    """The spaCy model alone, as the event tests run it (tests/extract/eventkit.py)."""
    return plain_nlp()


def values(nlp, text: str, published: str = MONDAY) -> dict[str, str]:
    """{expression as written: TIMEX3 value} of a French text, tagged with its parse."""
    return {t.text: t.value for t in extract_timexes(text, published, doc=nlp(text))}


# ---------------------------------------------------------------- weekday agreement rule

@pytest.mark.parametrize(("text", "published", "expression", "value"), [
    # the weekday fixes the year nearest the publication date, whatever the tense
    ("Le sommet se tiendra mardi 3 juin à Bruxelles.", MONDAY, "mardi 3 juin", "2025-06-03"),
    ("Les ministres se sont réunis mardi 3 juin à Paris.", MONDAY, "mardi 3 juin", "2025-06-03"),
    ("Le jeudi 12 septembre, le conseil municipal a voté le budget.", MONDAY, "Le jeudi 12 septembre",
     "2024-09-12"),
    ("La réunion aura lieu le samedi 4 janvier à Lyon.", "2024-12-20", "le samedi 4 janvier", "2025-01-04"),
    ("La soirée du vendredi 31 janvier a été agitée.", "2025-02-03", "La soirée du vendredi 31 janvier",
     "2025-01-31TEV"),
])
def test_a_weekday_with_its_day_and_month_fixes_the_year(nlp, text, published, expression, value) -> None:
    found = values(nlp, text, published)
    assert found[expression] == value
    day = date.fromisoformat(value[:10])
    assert day.strftime("%A") == {"mardi": "Tuesday", "jeudi": "Thursday", "samedi": "Saturday",
                                  "vendredi": "Friday"}[next(w for w in ("mardi", "jeudi", "samedi", "vendredi")
                                                             if w in expression.lower())]


def test_a_weekday_that_disagrees_with_a_written_year_is_left_as_written(nlp) -> None:
    # 3 June 1981 was a Wednesday: the year is written, it is not "corrected"
    assert values(nlp, "Il est né le mardi 3 juin 1981 à Metz.")["le mardi 3 juin 1981"] == "1981-06-03"


def test_dernier_keeps_its_side_when_no_nearby_year_agrees(nlp) -> None:
    # no Tuesday 3 June in the past year: "dernier" and the tense decide, not a Tuesday of 2014
    found = values(nlp, "Les ministres se sont réunis le mardi 3 juin dernier.")
    assert found["le mardi 3 juin dernier"] == "2024-06-03"


# ---------------------------------------------------------------- tense direction

@pytest.mark.parametrize(("text", "expression", "value"), [
    ("Le ministre a démissionné jeudi.", "jeudi", "2025-05-29"),
    ("Le ministre n'a pas démissionné jeudi.", "jeudi", "2025-05-29"),  # compound past rule
    ("Les ministres ne se sont pas réunis jeudi à Paris.", "jeudi", "2025-05-29"),
    ("C'est jeudi que le ministre a démissionné.", "jeudi", "2025-05-29"),  # cleft rule
    ("C'est le 28 mai que le ministre a démissionné.", "le 28 mai", "2025-05-28"),
    ("Le ministre avait démissionné jeudi.", "jeudi", "2025-05-29"),
    ("Le 28 mai, les troupes attaquèrent la ville.", "Le 28 mai", "2025-05-28"),  # passé simple
    ("Le ministre n'avait jamais signé l'accord le 10 juin.", "le 10 juin", "2024-06-10"),
])
def test_a_past_tense_puts_a_bare_date_before_publication(nlp, text, expression, value) -> None:
    found = values(nlp, text)
    assert found[expression] == value
    assert found[expression] <= MONDAY


@pytest.mark.parametrize(("text", "expression", "value"), [
    ("Le ministre démissionnera jeudi.", "jeudi", "2025-06-05"),
    ("Le ministre va démissionner jeudi.", "jeudi", "2025-06-05"),
    ("C'est jeudi que le ministre démissionnera.", "jeudi", "2025-06-05"),
    ("Le ministre va démissionner le 20 mai.", "le 20 mai", "2026-05-20"),
    ("Le ministre n'aura pas démissionné jeudi.", "jeudi", "2025-06-05"),
])
def test_a_future_puts_a_bare_date_after_publication(nlp, text, expression, value) -> None:
    found = values(nlp, text)
    assert found[expression] == value
    assert found[expression] > MONDAY


@pytest.mark.parametrize(("text", "value"), [
    # a date of effect belongs to the change decided, not to the past of the decision
    ("La hausse des tarifs au 1er juillet a été confirmée.", "2025-07-01"),
    ("Le gouvernement a décidé une hausse des tarifs au 1er juillet.", "2025-07-01"),
    ("Le gouvernement a annoncé une hausse des tarifs au 1er juillet.", "2025-07-01"),
    ("Le maire promet la gratuité des transports à partir du 1er juillet.", "2025-07-01"),
    # what has happened on that date stays in the past
    ("Les tarifs ont augmenté au 1er juillet.", "2024-07-01"),
])
def test_a_date_of_effect_is_the_same_in_every_article_of_the_month(nlp, text, value) -> None:
    assert values(nlp, text)["1er juillet"] == value


# ---------------------------------------------------------------- year carry rule

@pytest.mark.parametrize(("text", "expression", "value"), [
    ("En 2022, les prix ont flambé. L'indice de décembre a progressé de 5 %.", "décembre", "2022-12"),
    ("L'inflation a atteint 6 % en décembre 2022. Le 15 décembre, la BCE a relevé ses taux.",
     "Le 15 décembre", "2022-12-15"),
    ("L'année 2022 a été difficile. En mars, les prix de l'énergie ont doublé.", "mars", "2022-03"),
    ("En 2014, le sommet s'est tenu le mardi 3 juin à Bruxelles.", "le mardi 3 juin", "2014-06-03"),
])
def test_a_year_named_just_before_carries_to_a_date_without_year(nlp, text, expression, value) -> None:
    assert values(nlp, text)[expression] == value


@pytest.mark.parametrize(("text", "expression", "value"), [
    # a bound is not the period the text is in
    ("Le pays est en guerre depuis 2022. En mars, les combats ont repris.", "mars", "2025-03"),
    # the text came back to the publication's time
    ("En 2022, les prix ont flambé. Cette année, ils ont reculé en mars.", "mars", "2025-03"),
    # another paragraph
    ("En 2022, les prix ont flambé.\nL'indice de décembre a progressé de 5 %.", "décembre", "2024-12"),
    # the year is too far back: two sentences, no date between
    ("En 2022, les prix ont flambé. Les salaires ont stagné. L'indice de décembre a progressé.",
     "décembre", "2024-12"),
    # a future cannot lie in 2022
    ("En 2022, les prix ont flambé. Les élections auront lieu en septembre.", "septembre", "2025-09"),
])
def test_the_year_does_not_carry_when_the_publication_year_is_meant(nlp, text, expression, value) -> None:
    assert values(nlp, text)[expression] == value


# ---------------------------------------------------------------- cited event rule

@pytest.mark.parametrize(("text", "dates", "trigger"), [
    ("Emmanuel Macron a dénoncé mardi l'offensive russe en Ukraine.", {"mardi": "2024-06-11"}, "offensive"),
    ("Le président a rappelé mardi l'invasion de l'Ukraine.", {"mardi": "2024-06-11"}, "invasion"),
    ("Le chef de l'État a évoqué jeudi l'attentat de la gare.", {"jeudi": "2024-06-13"}, "attentat"),
    ("Emmanuel Macron a affirmé mardi que la Russie avait bombardé Kiev.", {"mardi": "2024-06-11"}, "bombardé"),
    ("La police a annoncé mardi l'arrestation de trois suspects.", {"mardi": "2024-06-11"}, "arrestation"),
])
def test_a_cited_event_does_not_take_the_date_of_the_statement(plain, text, dates, trigger) -> None:
    (event,) = [e for e in events_of(plain, text, dates) if e.trigger == trigger]
    assert (event.date, event.date_source) == (None, None)


def test_a_cited_event_keeps_a_date_of_its_own(plain) -> None:
    text = "Emmanuel Macron a dénoncé l'offensive lancée en 2022 par la Russie."
    (event,) = typed(events_of(plain, text, {"2022": "2022"}))
    assert (event.date, event.date_source, event.date_text) == ("2022", "explicit", "2022")
    assert text[event.date_start:event.date_end] == event.date_text


def test_the_occasion_of_a_statement_keeps_its_day(plain) -> None:
    text = "« Nous n'oublierons pas », a déclaré mardi Emmanuel Macron lors d'une conférence de presse."
    (event,) = typed(events_of(plain, text, {"mardi": "2024-06-11"}))
    assert (event.trigger, event.date, event.date_source) == ("conférence de presse", "2024-06-11", "explicit")


# ---------------------------------------------------------------- planned event rule

@pytest.mark.parametrize(("text", "modality"), [
    ("Les élections législatives auront lieu à Paris.", "planned"),
    ("Le sommet se tiendra à Bruxelles.", "planned"),
    ("Les syndicats pourraient organiser une grève à Marseille.", "possible"),
    ("Les hommes devaient signer des accords à Pyongyang.", "planned"),
])
def test_a_planned_event_without_a_date_of_its_own_is_undated(plain, text, modality) -> None:
    (event,) = typed(events_of(plain, text))
    assert event.modality == modality
    assert (event.date, event.date_source) == (None, None)


def test_a_planned_event_does_not_take_a_past_day_of_its_paragraph(plain) -> None:
    text = "Les ministres se sont réunis lundi à Paris. Ils devraient signer un accord à Rome."
    meeting, signing = typed(events_of(plain, text, {"lundi": "2024-06-17"}))
    assert meeting.date == "2024-06-17"
    assert (signing.modality, signing.date) == ("possible", None)


def test_a_planned_event_shares_the_coming_day_its_paragraph_is_about(plain) -> None:
    text = ("Une opération de nettoyage sera menée samedi 22 juin à Lyon. "
            "Les associations devraient participer à la manifestation.")
    (event,) = typed(events_of(plain, text, {"samedi 22 juin": "2024-06-22"}))
    assert (event.modality, event.date, event.date_source) == ("possible", "2024-06-22", "context")


def test_a_planned_event_keeps_its_own_date(plain) -> None:
    (event,) = typed(events_of(plain, "Le sommet se tiendra à Bruxelles le 3 juillet.", {"le 3 juillet": "2024-07-03"}))
    assert (event.modality, event.date, event.date_source) == ("planned", "2024-07-03", "explicit")
