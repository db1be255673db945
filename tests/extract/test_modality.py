"""Modality: each rule of French, on sentences of several shapes (kg.extract.events.modality)."""

from __future__ import annotations

import tomllib
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from kg.eval.corpora import shared_dir
from kg.extract.events.modality import MODALITIES
from tests.extract.eventkit import events_of, plain_nlp

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def nlp():
    return plain_nlp()


def modality_of(nlp, text: str, etype: str, dates: dict[str, str] | None = None) -> tuple[str, str]:
    found = [e for e in events_of(nlp, text, dates) if e.type == etype]
    assert found, f"no {etype} event in {text!r}: {events_of(nlp, text, dates)}"
    return found[0].modality, found[0].modality_rule


# (sentence, event type, modality, rule)
CASES = [
    # negation: ne … pas/jamais/plus, a negative determiner, sans
    ("Poutine n'a pas rencontré Kim.", "meeting", "negated", "negation"),
    ("Kim ne s'est jamais rendu à Séoul.", "travel", "negated", "negation"),
    ("Aucun accord n'a été signé.", "agreement", "negated", "negative-determiner"),
    ("Kim est reparti sans signer le traité.", "agreement", "negated", "sans"),
    # a governing verb of refusal, prevention, avoidance (VerbNet forbid-67, avoid-52)
    ("La Russie a refusé de signer le traité.", "agreement", "negated", "negated-governor"),
    ("Kim a évité de rencontrer Poutine.", "meeting", "negated", "negated-governor"),
    # cancellation: a verb or a noun of calling off, with the event as its object
    ("Kim a annulé sa rencontre avec Poutine.", "meeting", "cancelled", "cancelled-governor"),
    ("Poutine a reporté sa visite en Corée du Nord.", "travel", "cancelled", "cancelled-governor"),
    ("L'annulation de la visite de Poutine à Pyongyang a surpris.", "travel", "cancelled", "cancel-noun"),
    # possibility: modal pouvoir, risk, hypothesis in si, impersonal possible, hedging adjective
    ("La Corée du Nord pourrait fournir des obus à la Russie.", "arms-transfer", "possible", "possible-governor"),
    ("Les deux pays risquent de signer un accord militaire.", "agreement", "possible", "possible-governor"),
    ("La Corée du Nord risquait de livrer des obus à la Russie.", "arms-transfer", "possible", "possible-governor"),
    ("Si la Russie signait un accord avec Kim, Séoul réagirait.", "agreement", "possible", "hypothetical-si"),
    ("Il est possible que la Corée du Nord envoie des armes à la Russie.", "arms-transfer", "possible",
     "impersonal-possible"),
    ("Un éventuel accord entre Kim et Poutine inquiète Séoul.", "agreement", "possible", "possible-adjective"),
    # plans: future tense, a governing verb of plan or promise, periphrastic future, scheduling adjective
    ("Poutine se rendra au Vietnam.", "travel", "planned", "future-tense"),
    ("Poutine prévoit de rencontrer Kim.", "meeting", "planned", "planned-governor"),
    ("Kim doit signer un accord à Moscou.", "agreement", "planned", "planned-governor"),
    ("Poutine va rencontrer Kim à Pyongyang.", "meeting", "planned", "planned-governor"),
    ("Poutine a promis de recevoir Kim à Moscou.", "meeting", "planned", "planned-governor"),
    ("La prochaine visite de Poutine en Corée du Nord inquiète Séoul.", "travel", "planned", "planned-adjective"),
    # reported: complement of a verb of saying or accusing, a source in selon, the journalistic conditional
    ("Les États-Unis affirment que la Corée du Nord a fourni des missiles à la Russie.", "arms-transfer",
     "reported", "reported-governor"),
    ("Selon Séoul, la Corée du Nord a livré des obus à la Russie.", "arms-transfer", "reported", "selon"),
    ("La Corée du Nord aurait livré des obus à la Russie.", "arms-transfer", "reported", "conditional-journalistic"),
    # asserted: nothing marks it
    ("Poutine a rencontré Kim à Pyongyang.", "meeting", "asserted", ""),
    ("Kim s'est rendu en Russie en septembre.", "travel", "asserted", ""),
    ("La Corée du Nord a livré des obus à la Russie.", "arms-transfer", "asserted", ""),
]


@pytest.mark.parametrize(("text", "etype", "modality", "rule"), CASES, ids=[c[0][:45] for c in CASES])
def test_modality(nlp, text, etype, modality, rule):
    assert modality_of(nlp, text, etype) == (modality, rule)


def test_a_date_after_publication_makes_a_plan(nlp):
    # published 2024-06-18: "le 20 juin" is ahead, "le 10 juin" behind
    assert modality_of(nlp, "Kim rencontre Poutine le 20 juin à Moscou.", "meeting",
                       {"le 20 juin": "2024-06-20"}) == ("planned", "future-date")
    assert modality_of(nlp, "Kim a rencontré Poutine le 10 juin à Moscou.", "meeting",
                       {"le 10 juin": "2024-06-10"})[0] == "asserted"


def test_a_negated_plan_is_negated_and_a_conditional_plan_possible(nlp):
    assert modality_of(nlp, "Poutine ne prévoit pas de rencontrer Kim.", "meeting")[0] == "negated"
    assert modality_of(nlp, "Poutine devrait rencontrer Kim.", "meeting")[0] == "possible"


def test_every_modality_is_named():
    assert MODALITIES == ("asserted", "negated", "planned", "possible", "reported", "cancelled")


def _verbenet_members(folder: Path, class_id: str) -> set[str]:
    members = set()
    for f in folder.glob(f"{class_id.split('-')[0]}-*.xml"):
        root = ET.parse(f).getroot()
        if root.get("ID") == class_id:
            members |= {m.get("name", "").split()[0] for m in root.iter("MEMBER") if m.get("name", "").strip()}
    return members


def test_modality_words_said_to_come_from_verbenet_are_its_members():
    folder = shared_dir() / "lexicons" / "verbenet" / "verbenet"
    if not folder.is_dir():
        pytest.skip(f"French VerbNet not found at {folder}: lexicons are read from ../shared, never copied")
    data = tomllib.loads((ROOT / "kg" / "resources" / "events" / "modality.toml").read_text("utf-8"))
    groups = [(name, group) for name, table in data.items()
              for group in (table, *(v for v in table.values() if isinstance(v, dict)))]
    checked = 0
    for name, group in groups:
        if "verbenet" not in group:
            continue
        checked += 1
        members = set().union(*(_verbenet_members(folder, c) for c in group["verbenet"]))
        assert members, f"{name}: no VerbNet class {group['verbenet']}"
        missing = [w for w in group["from_verbenet"] if w not in members]
        assert not missing, f"{name}: not members of {group['verbenet']}: {missing}"
    assert checked >= 7  # negated, possible, planned, reported and the sub-tables accusation, alleged, factive


@pytest.mark.parametrize(
    ("text", "etype", "modality"),
    [
        ("Plus que jamais, Poutine a rencontré Kim à Moscou.", "meeting", "asserted"),  # no "ne": "ever"
        ("Le plus fort contingent jamais envoyé en Ukraine a attaqué Kharkiv.", "military-action", "asserted"),
        ("Le président a dû être hospitalisé hier soir.", "injury", "asserted"),  # an obligation met
        ("Même si la demande augmente, Kim a signé un accord avec Poutine.", "agreement", "asserted"),
    ],
)
def test_words_that_only_look_modal(nlp, text, etype, modality):
    assert modality_of(nlp, text, etype)[0] == modality


# ----------------------------------------------------------------------------- rules of report and fact
def rule_of(nlp, text: str, etype: str, dates: dict[str, str] | None = None) -> tuple[str, str]:
    """Modality and rule, with the claims extractor's claims (the rules that read who said what)."""
    found = [e for e in events_of(nlp, text, dates, claims=True) if e.type == etype]
    assert found, f"no {etype} event in {text!r}"
    return found[0].modality, found[0].modality_rule


@pytest.mark.parametrize(
    ("text", "etype"),
    [
        ("La Corée du Nord est accusée de fournir des armes à la Russie.", "arms-transfer"),  # passive
        ("Pyongyang, accusé de fournir des armes à la Russie, dément.", "arms-transfer"),  # participle
        ("Washington accuse Pyongyang d'avoir livré des missiles à Moscou.", "arms-transfer"),  # active
        ("Le suspect est soupçonné d'avoir tué sa voisine.", "attack"),  # suspect-81
        ("On reproche à Kim d'avoir livré des obus à la Russie.", "arms-transfer"),  # stance "accuse"
        ("Washington soupçonne que Pyongyang a livré des obus à Moscou.", "arms-transfer"),  # a que-clause
    ],
)
def test_an_accusation_is_reported(nlp, text, etype):
    assert modality_of(nlp, text, etype) == ("reported", "accusation")


def test_an_accusation_links_to_its_claim(nlp):
    text = "Washington accuse Pyongyang d'avoir livré des missiles à Moscou."
    event = next(e for e in events_of(nlp, text, claims=True) if e.type == "arms-transfer")
    assert event.modality == "reported" and event.claim is not None
    assert event.claim[0] <= event.trigger_start < event.claim[1]


@pytest.mark.parametrize(
    ("text", "etype"),
    [
        ("Les livraisons supposées d'armes à la Russie inquiètent Séoul.", "arms-transfer"),
        ("L'attaque présumée contre le convoi a fait dix morts.", "military-action"),
        ("Le viol supposé de la jeune femme a choqué le village.", "attack"),
    ],
)
def test_an_alleged_event_is_reported(nlp, text, etype):
    assert modality_of(nlp, text, etype) == ("reported", "alleged")


@pytest.mark.parametrize(
    ("text", "etype"),
    [
        ("Le Kremlin a confirmé que Poutine avait rencontré Kim à Moscou.", "meeting"),  # indicate-78
        ("Le ministre a reconnu que la police avait arrêté deux hommes.", "arrest"),  # stance "concede"
        ("Le ministre a admis avoir rencontré Kim en secret.", "meeting"),  # an infinitive content
    ],
)
def test_a_fact_a_factive_cue_presupposes_stays_asserted(nlp, text, etype):
    assert rule_of(nlp, text, etype) == ("asserted", "factive-cue")


def test_a_plain_cue_still_reports(nlp):
    assert rule_of(nlp, "Le Kremlin affirme que Poutine a rencontré Kim à Moscou.", "meeting")[0] == "reported"
    assert rule_of(nlp, "Poutine a rencontré Kim à Moscou, a indiqué le Kremlin.", "meeting") == (
        "reported", "claim-content")


@pytest.mark.parametrize(
    ("text", "etype"),
    [
        ("Les victimes de l'attaque de Kharkiv n'ont pas été identifiées.", "military-action"),  # negation
        ("La cause de l'accident de Metz n'est pas connue.", "accident"),
    ],
)
def test_a_definite_event_noun_is_presupposed(nlp, text, etype):
    assert modality_of(nlp, text, etype) == ("asserted", "presupposed")


# ----------------------------------------------------------------------------- negation and condition
@pytest.mark.parametrize(
    ("text", "etype"),
    [
        ("Aucun accord signé à Moscou.", "agreement"),  # a verbless headline: the participle too
        ("Pas d'accord signé entre Kim et Poutine.", "agreement"),
        ("Aucune rencontre prévue entre Kim et Poutine.", "meeting"),
        ("Nul accord conclu entre Moscou et Kiev.", "agreement"),
    ],
)
def test_a_verbless_negation(nlp, text, etype):
    found = [e for e in events_of(nlp, text) if e.type == etype]
    assert found and all((e.modality, e.modality_rule) == ("negated", "negative-determiner") for e in found)


@pytest.mark.parametrize(
    ("text", "etype", "rule"),
    [
        ("Si Kim ne rencontre pas Poutine, Séoul signera un accord avec Tokyo.", "meeting", "hypothetical-si"),
        ("Si Kim ne rencontre pas Poutine, Séoul signera un accord avec Tokyo.", "agreement", "condition-apodosis"),
        ("La Russie ne pourrait pas attaquer si l'Otan intervenait.", "military-action", "condition-apodosis"),
        ("La Corée du Nord n'enverrait pas de troupes si la Russie attaquait l'Ukraine.", "military-action",
         "hypothetical-si"),
        ("Si la Russie attaquait l'Ukraine, Séoul livrerait des armes.", "arms-transfer", "condition-apodosis"),
        ("Au cas où la Russie attaquerait, l'Otan riposterait.", "military-action", "hypothetical-si"),
        ("En cas d'attaque contre la Corée du Nord, la Russie enverra des troupes.", "military-action",
         "hypothetical-si"),
    ],
)
def test_a_condition_and_its_consequence_are_possible_negated_or_not(nlp, text, etype, rule):
    assert modality_of(nlp, text, etype) == ("possible", rule)


# ----------------------------------------------------------------------------- what is past is no plan
@pytest.mark.parametrize(
    ("text", "etype", "dates", "expected"),
    [
        ("Poutine a entamé sa visite prévue en Corée du Nord.", "travel", {}, ("asserted", "past-tense")),
        ("La réunion prévue entre Kim et Poutine s'est tenue à Moscou.", "meeting", {},
         ("asserted", "past-tense")),
        # a wrongly resolved later date does not outweigh the passé composé
        ("Kim a rencontré Poutine lundi à Moscou.", "meeting", {"lundi": "2024-06-24"}, ("asserted", "past-tense")),
        ("Poutine a promis de recevoir Kim le 10 juin.", "meeting", {"le 10 juin": "2024-06-10"},
         ("asserted", "past-date")),
        # a plan that is still ahead, a plan seen from the past, a plan announced
        ("Poutine a promis de recevoir Kim le 20 juin.", "meeting", {"le 20 juin": "2024-06-20"},
         ("planned", "planned-governor")),
        ("Kim devait rencontrer Poutine le 10 juin.", "meeting", {"le 10 juin": "2024-06-10"},
         ("planned", "planned-governor")),
        ("Poutine a annoncé sa prochaine visite en Corée du Nord.", "travel", {}, ("planned", "planned-adjective")),
    ],
)
def test_an_event_before_publication_is_never_planned(nlp, text, etype, dates, expected):
    assert modality_of(nlp, text, etype, dates) == expected


# Issue 21, from the dev audit of real news: rules of French the judges' errors pointed to.
@pytest.mark.parametrize(("text", "etype"), [
    ("Personne n'a été blessé dans l'incendie.", "injury"),
    ("Il n'y a pas encore eu d'interpellation après le meurtre.", "arrest"),
    ("Rien n'a été volé lors du cambriolage, et personne n'a été arrêté.", "arrest"),
])
def test_the_second_word_of_a_negation_may_be_a_pronoun_subject_or_hang_from_an_adverb(nlp, text, etype):
    assert modality_of(nlp, text, etype) == ("negated", "negation")


@pytest.mark.parametrize(("text", "etype"), [
    ("À l'arrivée des secours, la victime n'a pas pu être réanimée.", "arrival"),
    ("Après l'attaque du commissariat, la police n'a interpellé personne.", "military-action"),
    ("Lors de la manifestation des agriculteurs, aucun incident n'a été signalé.", "protest"),
])
def test_a_time_adjunct_escapes_the_negation_of_its_clause(nlp, text, etype):
    assert modality_of(nlp, text, etype) == ("asserted", "presupposed")


@pytest.mark.parametrize(("text", "etype"), [
    ("L'ancien député avait annoncé qu'il ferait appel.", "trial"),
    ("Le ministre a déclaré que la réunion aurait lieu vendredi à Paris.", "meeting"),
    ("Le syndicat avait prévenu qu'il bloquerait les raffineries.", "protest"),
])
def test_a_conditional_after_a_past_verb_of_saying_is_the_future_in_the_past(nlp, text, etype):
    assert modality_of(nlp, text, etype)[0] == "planned"


def test_a_conditional_with_a_condition_stays_possible_after_a_verb_of_saying(nlp):
    assert modality_of(nlp, "Il a affirmé que la Russie attaquerait si l'Otan intervenait.",
                       "military-action")[0] == "possible"
