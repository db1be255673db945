"""The event lexicon: typology and codes, VerbNet-derived verbs, hand-curated nouns, loader formats."""

from __future__ import annotations

import importlib.util
import re
import shutil
import sys
import tomllib
from pathlib import Path

import pytest

from kg.errors import ResourceError
from kg.extract.event_lexicon import Lexicon, Trigger, norm

ROOT = Path(__file__).resolve().parents[2]
EVENTS = ROOT / "kg" / "resources" / "events"
VERBENET = ROOT.parent / "shared" / "lexicons" / "verbenet" / "verbenet"
ATTRIBUTION = "Derived from Verb∋Net (Pradet, Danlos & de Chalendar, LREC 2014), CC BY-SA 4.0"
TYPOLOGY = ["travel", "arrival", "meeting", "statement", "agreement", "arms-transfer", "military-action", "attack",
            "protest", "strike", "election", "vote", "law", "appointment", "resignation", "arrest", "investigation",
            "trial", "verdict", "sanction", "veto", "threat", "aid", "economy", "accident", "disaster", "death",
            "injury", "sport", "culture", "other"]
PLOVER = {"", "AGREE", "CONSULT", "SUPPORT", "COOPERATE", "AID", "CONCEDE", "RETREAT", "ACCUSE", "REQUEST",
          "REJECT", "THREATEN", "PROTEST", "MOBILIZE", "SANCTION", "COERCE", "ASSAULT"}
requires_verbenet = pytest.mark.skipif(
    not VERBENET.is_dir(),
    reason=f"Verb∋Net not found at {VERBENET}: it is read from ../shared/lexicons, never copied into kg")


def _tool():
    spec = importlib.util.spec_from_file_location("derive_event_lexicon", ROOT / "tools" / "derive_event_lexicon.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("derive_event_lexicon", module)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def lex() -> Lexicon:
    return Lexicon.load()


@pytest.fixture(scope="module")
def tool():
    return _tool()


def find(lex: Lexicon, etype: str, words: str, verbal: bool | None = None, reflexive: bool | None = None) -> Trigger:
    lemmas = tuple(norm(w) for w in words.split())
    found = [t for t in lex.triggers.get(lemmas[0], ()) if t.type == etype and t.lemmas == lemmas
             and (verbal is None or t.verbal == verbal) and (reflexive is None or t.reflexive == reflexive)]
    assert found, f"no {etype} trigger {words!r}"
    return found[0]


# --------------------------------------------------------------------------- typology and codes
def test_typology_ids(lex: Lexicon) -> None:
    assert list(lex.types) == TYPOLOGY
    assert all(lex.types[t] and lex.roles[t] for t in TYPOLOGY)


@pytest.mark.parametrize("etype", [t for t in TYPOLOGY if t != "other"])
def test_every_type_has_triggers_and_codes(lex: Lexicon, etype: str) -> None:
    assert len(lex.of_type(etype)) >= 5
    cameo, code, plover = lex.codes[etype]
    assert re.fullmatch(r"(\d\d)?", cameo) and plover in PLOVER
    assert code.startswith(cameo) and (code == "" or len(code) == 3) and (code == "" or cameo)


def test_other_has_no_trigger(lex: Lexicon) -> None:
    assert lex.of_type("other") == [] and lex.codes["other"] == ("", "", "")


@pytest.mark.parametrize(("etype", "codes"), [
    ("travel", ("04", "042", "CONSULT")), ("arrival", ("04", "043", "CONSULT")), ("meeting", ("04", "040", "CONSULT")),
    ("statement", ("01", "010", "")), ("agreement", ("05", "057", "SUPPORT")), ("aid", ("07", "070", "AID")),
    ("investigation", ("09", "091", "ACCUSE")), ("veto", ("12", "129", "REJECT")), ("threat", ("13", "130", "THREATEN")),
    ("protest", ("14", "141", "PROTEST")), ("strike", ("14", "143", "PROTEST")), ("sanction", ("16", "163", "COERCE")),
    ("arrest", ("17", "173", "COERCE")), ("attack", ("18", "180", "ASSAULT")),
    ("military-action", ("19", "190", "ASSAULT")), ("verdict", ("11", "116", "ACCUSE")), ("election", ("", "", "")),
])
def test_codes(lex: Lexicon, etype: str, codes: tuple[str, str, str]) -> None:
    assert lex.codes[etype] == codes


# --------------------------------------------------------------------------- triggers
@pytest.mark.parametrize(("etype", "words", "verbnet", "requires"), [
    ("arrest", "arrêter", "stop-55.4", None),
    ("election", "élire", "appoint-29.1", None),
    ("appointment", "nommer", "appoint-29.1", None),
    ("resignation", "démissionner", "resign-10.11", None),
    ("attack", "tuer", "murder-42.1-1", None),
    ("agreement", "signer", "image_impression-25.1", None),
    ("agreement", "conclure", "deduce-97.2", "agreement"),
    ("military-action", "bombarder", "pelt-17.2", None),
    ("arms-transfer", "fournir", "fulfilling-13.4.1", "weapon"),  # the type's constraint
    ("aid", "fournir", "fulfilling-13.4.1", "aid"),
    ("verdict", "condamner", "judgment-33-4", "penalty"),  # split from the member "réprouver sanctionner"
    ("sanction", "sanctionner", "judgment-33-4", None),
    ("economy", "augmenter", "calibratable_cos-45.6-2", "figure"),
    ("injury", "blesser", "hurt-40.8.3", None),
    ("sport", "gagner", "get-13.5.1", "sport"),
    ("election", "gagner", "get-13.5.1", "election"),
])
def test_derived_verbs(lex: Lexicon, etype: str, words: str, verbnet: str, requires: str | None) -> None:
    trig = find(lex, etype, words, verbal=True)
    assert (trig.verbnet, trig.requires) == (verbnet, requires)
    assert trig.roles and trig.roles[0] in ("Agent", "Patient", "Experiencer", "Theme")


@pytest.mark.parametrize(("etype", "words"), [("meeting", "réunir"), ("travel", "rendre"), ("resignation", "désister")])
def test_reflexive_members(lex: Lexicon, etype: str, words: str) -> None:
    trig = find(lex, etype, words, verbal=True)
    assert trig.reflexive and trig.verbnet


@pytest.mark.parametrize(("etype", "words"), [
    ("travel", "visiter"), ("threat", "menacer"), ("protest", "manifester"), ("strike", "faire grève"),
    ("death", "mourir"), ("investigation", "mettre en examen"), ("veto", "opposer son veto"),
])
def test_added_verbs_have_no_class(lex: Lexicon, etype: str, words: str) -> None:
    trig = find(lex, etype, words, verbal=True)
    assert trig.verbnet is None and trig.roles == ()


def test_restated_derived_verb_keeps_its_class(lex: Lexicon) -> None:
    trig = find(lex, "arrival", "accueillir")
    assert trig.inverse and trig.verbnet == "admit-65" and trig.roles[0] == "Agent"
    assert len([t for t in lex.triggers["accueillir"] if t.type == "arrival"]) == 1


@pytest.mark.parametrize(("etype", "words", "requires"), [
    ("veto", "veto", None), ("agreement", "protocole d'accord", None), ("attack", "prise d'otage", None),
    ("economy", "chute", "figure"), ("accident", "chute mortelle", None), ("arrest", "garde à vue", None),
])
def test_nouns(lex: Lexicon, etype: str, words: str, requires: str | None) -> None:
    trig = find(lex, etype, words.replace("'", "' "), verbal=False)
    assert trig.requires == requires and trig.verbnet is None


# every trigger of the former single-file lexicon, with its type and flags (veto has its own type now)
OLD_TRIGGERS = [
    ("travel", "se rendre"), ("travel", "visiter"), ("travel", "voyager"), ("travel", "s'envoler"),
    ("travel", "se déplacer"), ("travel", "séjourner"), ("arrival", "arriver"), ("arrival", "atterrir"),
    ("arrival", "débarquer"), ("arrival", "accueillir [inverse]"), ("meeting", "rencontrer"),
    ("meeting", "s'entretenir"), ("meeting", "recevoir [actor]"), ("meeting", "se réunir"),
    ("meeting", "négocier [actor]"), ("agreement", "signer"), ("agreement", "conclure [agreement]"),
    ("agreement", "sceller [agreement]"), ("agreement", "ratifier"), ("agreement", "parapher"),
    *[("arms-transfer", f"{v} [weapon]") for v in (
        "fournir", "livrer", "envoyer", "vendre", "acheter", "acquérir", "s'approvisionner", "approvisionner",
        "réapprovisionner", "transférer", "exporter", "importer", "expédier", "céder", "procurer")],
    ("military-action", "tirer [shot]"), ("military-action", "frapper"), ("military-action", "bombarder"),
    ("military-action", "attaquer"), ("military-action", "envahir"), ("military-action", "franchir [border]"),
    ("military-action", "lancer [strike]"), ("military-action", "tester [weapon]"), ("military-action", "abattre"),
    ("military-action", "pilonner"), ("military-action", "intercepter [shot]"),
    ("sanction", "sanctionner"), *[("sanction", f"{v} [sanction]") for v in (
        "imposer", "bloquer", "lever", "adopter", "voter", "durcir", "renforcer", "prolonger")],
    ("threat", "menacer"), ("aid", "offrir"),
    *[("aid", f"{v} [aid]") for v in ("fournir", "livrer", "envoyer", "accorder", "apporter", "donner")],
]
OLD_NOUNS = [
    ("travel", "visite"), ("travel", "voyage"), ("travel", "déplacement"), ("travel", "trajet"),
    ("travel", "tournée"), ("travel", "séjour"), ("travel", "périple"), ("arrival", "arrivée"),
    ("arrival", "atterrissage"), ("meeting", "rencontre"), ("meeting", "sommet"), ("meeting", "entretien"),
    ("meeting", "pourparlers"), ("meeting", "réunion"), ("meeting", "entrevue"), ("meeting", "négociation"),
    ("meeting", "tête-à-tête"), ("statement", "tribune"), ("statement", "discours"),
    ("statement", "conférence de presse"), ("statement", "communiqué"), ("statement", "allocution"),
    ("statement", "éditorial"), ("statement", "interview"), ("agreement", "accord"), ("agreement", "traité"),
    ("agreement", "pacte"), ("agreement", "contrat"), ("agreement", "mémorandum"),
    *[("arms-transfer", f"{n} [weapon]") for n in (
        "livraison", "fourniture", "transfert", "vente", "achat", "acquisition", "exportation", "importation",
        "commerce", "trafic", "approvisionnement", "réapprovisionnement")],
    *[("military-action", n) for n in (
        "invasion", "offensive", "attaque", "frappe", "bombardement", "incursion", "tir", "assaut", "test [weapon]",
        "essai [weapon]", "exercice [military]", "manœuvre [military]")],
    ("veto", "veto"), ("sanction", "embargo"), ("sanction", "imposition [sanction]"),
    ("sanction", "levée [sanction]"), ("sanction", "adoption [sanction]"), ("threat", "ultimatum"),
    ("aid", "aide [aid_kind]"), ("aid", "assistance [aid_kind]"), ("aid", "don"),
]


@pytest.mark.parametrize(("etype", "entry"), OLD_TRIGGERS + OLD_NOUNS)
def test_former_triggers_are_kept(lex: Lexicon, etype: str, entry: str) -> None:
    m = re.fullmatch(r"(se |s')?([^\[]+?)\s*(?:\[(\w+)\])?", entry)
    refl, words, flag = bool(m.group(1)), m.group(2), m.group(3)
    verbal = (etype, entry) in OLD_TRIGGERS
    trig = find(lex, etype, words, verbal=verbal, reflexive=refl)
    assert trig.inverse == (flag == "inverse")
    assert trig.requires == (None if flag in (None, "inverse") else flag)


def test_constraint_classes_exist(lex: Lexicon) -> None:
    for trig in lex.all_triggers():
        assert trig.requires is None or trig.requires == "actor" or trig.requires in lex.classes, trig
    mapping = tomllib.loads((EVENTS / "verbenet_map.toml").read_text(encoding="utf-8"))
    for entry in mapping["map"]:
        assert entry.get("requires", "actor") in set(lex.classes) | {"actor"}, entry
        assert entry["type"] in lex.types


def test_a_word_in_several_types_is_told_apart_by_a_class(lex: Lexicon) -> None:
    by_word: dict[tuple, list[Trigger]] = {}
    for trig in lex.all_triggers():
        by_word.setdefault((trig.lemmas, trig.verbal), []).append(trig)
    for word, trigs in by_word.items():
        if len({t.type for t in trigs}) > 1:
            assert sum(t.requires is None for t in trigs) <= 1, (word, [(t.type, t.requires) for t in trigs])


def test_derived_nouns_are_nominalisations_of_the_type_verbs(lex: Lexicon, tool) -> None:
    types = tomllib.loads((EVENTS / "types.toml").read_text(encoding="utf-8"))
    verbs = tool.type_verbs((EVENTS / "verbs.tsv").read_text(encoding="utf-8"), types)
    for tid, spec in types["types"].items():
        cands = {norm(n) for v in verbs[tid] for n in tool.nominalisations(v)}
        for noun in spec.get("derived_nouns", []):
            assert norm(noun.split("[")[0].strip()) in cands, (tid, noun)


def test_stative_verbs(lex: Lexicon) -> None:
    assert {"exister", "posseder", "sembler", "considerer"} <= lex.stative
    triggers = {t.lemmas[0] for t in lex.all_triggers() if t.verbal}
    assert not lex.stative & triggers  # intimider (amuse-31.1) names a threat
    assert "tuer" not in lex.stative


# --------------------------------------------------------------------------- generated files
@pytest.mark.parametrize("name", ["verbs.tsv", "stative.tsv"])
def test_generated_files_carry_the_attribution(name: str) -> None:
    head = (EVENTS / name).read_text(encoding="utf-8").splitlines()[:6]
    assert any(ATTRIBUTION in line for line in head)
    assert any("generated by tools/derive_event_lexicon.py" in line and "do not edit" in line for line in head)


def test_verbs_tsv_names_a_class_for_every_verb() -> None:
    rows = [line.split("\t") for line in (EVENTS / "verbs.tsv").read_text(encoding="utf-8").splitlines()
            if not line.startswith("#")]
    assert rows[0] == ["lemma", "reflexive", "type", "verbnet_class", "roles", "requires"]
    assert len(rows) > 150 and all(r[3] and r[1] in ("0", "1") for r in rows[1:])


@requires_verbenet
def test_verbs_tsv_is_regenerated_identically(tool) -> None:
    for path, text in tool.generate(VERBENET).items():
        assert path.read_text(encoding="utf-8") == text, f"{path.name} is stale: run tools/derive_event_lexicon.py"


def test_tool_reports_missing_verbenet(tool, tmp_path: Path, capsys) -> None:
    assert tool.main([str(tmp_path / "nowhere")]) == 2
    err = capsys.readouterr().err.strip()
    assert "\n" not in err and "nowhere" in err


@pytest.mark.parametrize(("member", "expected"), [
    ("réunir se", [("réunir", True)]), ("entretenir s'", [("entretenir", True)]), ("se démerder", [("démerder", True)]),
    ("réprouver sanctionner", [("réprouver", False), ("sanctionner", False)]), ("", []), ("tuer", [("tuer", False)]),
])
def test_members_are_split(tool, member: str, expected: list) -> None:
    assert tool.split_member(member) == expected


# --------------------------------------------------------------------------- formats
def test_directory_and_single_file_formats(tmp_path: Path) -> None:
    shutil.copytree(EVENTS, tmp_path / "events")
    assert Lexicon.load(tmp_path / "events").types == Lexicon.load().types
    custom = tmp_path / "custom.toml"
    custom.write_text('[types.x]\ndefinition = "x"\ncameo = "04"\nverbs = ["se rendre [c]"]\nnouns = ["y"]\n'
                      '[classes]\nc = ["z"]\n', encoding="utf-8")
    lex = Lexicon.load(custom)
    assert lex.codes["x"] == ("04", "", "") and lex.stative == frozenset()
    assert find(lex, "x", "rendre").reflexive and find(lex, "x", "rendre").requires == "c"


def test_bad_lexicons(tmp_path: Path) -> None:
    bad = tmp_path / "triggers.toml"
    bad.write_text('[types.x]\ndefinition = "x"\nverbs = ["tirer [nope]"]\n', encoding="utf-8")
    with pytest.raises(ResourceError, match="nope"):
        Lexicon.load(bad)
    shutil.copytree(EVENTS, tmp_path / "events")
    tsv = tmp_path / "events" / "verbs.tsv"
    tsv.write_text(tsv.read_text(encoding="utf-8") + "tuer\t0\tno-such-type\tmurder-42.1\tAgent\t\n", encoding="utf-8")
    with pytest.raises(ResourceError, match="no-such-type"):
        Lexicon.load(tmp_path / "events")
