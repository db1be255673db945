"""The reporting constructions of issue 13: non-finite and coordinated cues, object and
de-object contents, passive agents, verdicts, relays, pronominal incises and the Verb∋Net lexicon.
Each rule is tested on sentences of different shapes (position, tense, person, subject kind)."""

from __future__ import annotations

import pytest

from tests.extract.test_claims import claims_of


def found(pipeline, text):
    return [(c.speaker, c.cue_lemma, c.content) for c in claims_of(pipeline, text)]


# (sentence, speaker, cue lemma, content) — one claim each must be found as given
RULES = [
    # control rule: present participle after a comma, the subject of the main clause speaks
    ("Le maire a inauguré la salle, ajoutant que les travaux avaient coûté deux millions.",
     "Le maire", "ajouter", "les travaux avaient coûté deux millions"),
    ("Les syndicats ont quitté la table, affirmant qu'aucune proposition sérieuse n'avait été faite.",
     "Les syndicats", "affirmer", "aucune proposition sérieuse n'avait été faite"),
    # control rule: gerund
    ("Le ministre a quitté la réunion en affirmant que rien n'était décidé.",
     "Le ministre", "affirmer", "rien n'était décidé"),
    ("Sophie Martin a répondu aux critiques en rappelant que le budget avait été voté à l'unanimité.",
     "Sophie Martin", "rappeler", "le budget avait été voté à l'unanimité"),
    # control rule: infinitive under "avant de", "tenir à", "refuser de … si"
    ("Le préfet a rencontré les élus avant de préciser que la route serait rouverte lundi.",
     "Le préfet", "préciser", "la route serait rouverte lundi"),
    ("La directrice a tenu à préciser que personne n'avait été blessé.",
     "La directrice", "préciser", "personne n'avait été blessé"),
    ("Le ministre a refusé de dire si la réforme serait retirée.",
     "Le ministre", "dire", "la réforme serait retirée"),
    # coordination rule: the second verb of a coordination, with an infinitive complement
    ("Le président a salué le travail des secouristes et assuré vouloir aider les familles.",
     "Le président", "assurer", "vouloir aider les familles"),
    ("Marc Leroy a salué la décision et affirmé que les négociations reprendraient.",
     "Marc Leroy", "affirmer", "les négociations reprendraient"),
    # object rule: the object noun phrase of an announcement or a demand
    ("La préfecture a annoncé, jeudi, la fermeture des écoles.", "La préfecture", "annoncer", "la fermeture des écoles"),
    ("Les syndicats réclament des sanctions contre la direction.", "Les syndicats", "réclamer",
     "des sanctions contre la direction"),
    ("Le Premier ministre Jean Castex a confirmé sa venue à Lyon.", "Le Premier ministre Jean Castex", "confirmer",
     "sa venue à Lyon"),
    # de-object rule: "faire état de", "faire part de"
    ("Le Kremlin a fait état de progrès dans les négociations.", "Kremlin", "faire état", "progrès dans les négociations"),
    ("Le ministre a fait part de son inquiétude face à la hausse des prix.", "Le ministre", "faire part",
     "son inquiétude face à la hausse des prix"),
    # passive agent rule
    ("Le projet, critiqué par l'opposition, sera voté mardi.", "l'opposition", "critiquer", "Le projet"),
    ("Il a été annoncé par la direction que l'usine fermerait en mars.", "la direction", "annoncer",
     "l'usine fermerait en mars"),
    # pronominal incise tagged as an adjective, incise with an adverb or "quant à lui"
    ("Jean Dupont a quitté la salle. « C'est inacceptable », s'indigne-t-il.", "Jean Dupont", "s'indigner",
     "C'est inacceptable"),
    ("« Nous ne lâcherons rien », déplore sobrement la directrice.", "la directrice", "déplorer",
     "Nous ne lâcherons rien"),
    ("Le sénateur explique quant à lui que le texte sera amendé.", "Le sénateur", "expliquer", "le texte sera amendé"),
    # attribute rule: "se dire", "se déclarer" + an attribute
    ("Laurent Fabius se dit favorable à un quinquennat de cohérence.", "Laurent Fabius", "se dire",
     "favorable à un quinquennat de cohérence"),
    ("Viktor Tchernomyrdine s'est déclaré « très satisfait » de ses discussions.", "Viktor Tchernomyrdine",
     "se déclarer", "« très satisfait » de ses discussions"),
    ("Les ministres se sont déclarés plutôt sceptiques sur le plan.", "Les ministres", "se déclarer",
     "plutôt sceptiques sur le plan"),
    # impersonal incise rule: "-t-on" speaks for the place or institution named after "à"
    ("La fonction a été créée par le gouvernement, a-t-on annoncé hier à Alger.", "Alger", "annoncer",
     "La fonction a été créée par le gouvernement"),
    ("Le sommet est reporté, indique-t-on à Bruxelles.", "Bruxelles", "indiquer", "Le sommet est reporté"),
    # temporal adverb rule and inverted apposition: the name after the title speaks
    ("Les réserves sont suffisantes, a indiqué jeudi la secrétaire à l'Intérieur, Gale Norton.", "Gale Norton",
     "indiquer", "Les réserves sont suffisantes"),
    ("« C'est un service obligatoire », analyse le propriétaire, Jean Motsch.", "Jean Motsch", "analyser",
     "C'est un service obligatoire"),
    # apposition rule: a group's description after a comma is not part of its name
    ("Les Brigades des martyrs d'Al-Aqsa, groupe armé lié au Fatah, ont indiqué qu'elles poursuivraient les attaques.",
     "Brigades des martyrs d'Al-Aqsa", "indiquer", "elles poursuivraient les attaques"),
    # integrated quotation rule: a quoted clause fragment built into a speaking subject's clause
    ("Sur le plan de l'identité, Pierre Moscovici veut « retrouver le sens des aspirations sociales ».",
     "Pierre Moscovici", None, "« retrouver le sens des aspirations sociales »"),
    ("La ministre continuera « à travailler avec ardeur » au sein de la convention.", "La ministre", None,
     "« à travailler avec ardeur »"),
    # surface subject rule with a quotation: the parser gave the cue no subject
    ("De leur côté, Paris et Bonn se sont déclarés « plutôt sceptiques ».", "Paris et Bonn", "se déclarer",
     "« plutôt sceptiques »"),
    # infinitive complement after a date adjunct; "conclure à"
    ("Belgrade affirmait hier, accepter « les principes généraux du G8 » pour un règlement.", "Belgrade",
     "affirmer", "accepter « les principes généraux du G8 » pour un règlement"),
    ("Le parquet a conclu au suicide.", "Le parquet", "conclure", "au suicide"),
    # nominal cue rule: a noun of saying with its "de"/"par" speaker and its content
    ("Les déclarations du ministre selon lesquelles la réforme serait retirée ont surpris.", "ministre",
     "déclaration", "la réforme serait retirée"),
    ("Paris a réagi à l'affirmation de Vladimir Poutine selon laquelle l'Ukraine n'existait pas.",
     "Vladimir Poutine", "affirmation", "l'Ukraine n'existait pas"),
    ("L'annonce par la préfecture de la fermeture des écoles a inquiété les parents.", "la préfecture", "annonce",
     "la fermeture des écoles"),
    # Verb∋Net lexicon: cues absent from the first hand-made table
    ("Le maire a constaté que la situation s'était améliorée.", "Le maire", "constater",
     "la situation s'était améliorée"),
    ("L'avocate Marie Roux a objecté que la procédure était irrégulière.", "Marie Roux", "objecter",
     "la procédure était irrégulière"),
    ("Le rapporteur a relevé que les chiffres étaient encourageants.", "Le rapporteur", "relever",
     "les chiffres étaient encourageants"),
]


@pytest.mark.parametrize("text, speaker, cue, content", RULES)
def test_rule(pipeline, text, speaker, cue, content):
    assert (speaker, cue, content) in found(pipeline, text)


def test_participle_after_a_claim_ends_the_first_content(pipeline):
    text = "Le maire a déclaré que la salle ouvrirait en mai, ajoutant que les travaux avaient coûté cher."
    got = found(pipeline, text)
    assert ("Le maire", "déclarer", "la salle ouvrirait en mai") in got
    assert ("Le maire", "ajouter", "les travaux avaient coûté cher") in got


def test_participle_keeps_its_own_complement(pipeline):
    """*Control rule*: "Rappelant l'urgence, la maire a précisé que P" — P is the précisé claim's,
    not the participle's (rappeler + a noun phrase is no object cue)."""
    got = found(pipeline, "Rappelant l'urgence, la maire a précisé que les écoles resteraient fermées.")
    assert got == [("la maire", "préciser", "les écoles resteraient fermées")]


@pytest.mark.parametrize("text", [
    "Le juge a été condamné à mort par le tribunal.",
    "L'accusé a été reconnu coupable de meurtre.",
    "La motion de censure a été rejetée par l'Assemblée.",
    "Le tribunal a reconnu l'accusé coupable.",
    "La coopération promet des répercussions significatives.",
    "Washington craint que Moscou ne livre des armes.",
    "Les enquêteurs soupçonnent le gérant d'avoir falsifié les comptes.",
    "Le directeur a rappelé son ambassadeur.",
    "Le maire a lu le discours du préfet.",
    "La cloche a sonné midi et les élèves sont sortis.",
    "Le tribunal a condamné Bernard à 5.000 F d'amende.",
    "Semdim Sakik, reconnu coupable de la mort de 283 personnes, a été condamné à mort hier.",
    "Ce même sondage a révélé que 87 % des habitants ont confiance.",
    "Le sommet est reporté, indique-t-on.",
    "Effrayées, les jeunes ont rapporté les faits, après quelques hésitations.",  # "quelques" is no "que"
    "Cette affirmation est contredite par les déclarations de la mineure.",  # a nominal cue with no content
    "La demande des habitants a été rejetée.",
    "Le documentaire s'intitule « Une histoire d'amour au temps de la guerre ».",
])
def test_acts_thoughts_and_non_speaking_subjects_are_not_claims(pipeline, text):
    """*Verdict rule*, *speaking-subject rule*, *data-source rule*, bare "on", thought verbs and
    Verb∋Net exclusions."""
    assert found(pipeline, text) == []


def test_relayed_claim_is_kept_beside_its_relay(pipeline):
    """*Relay rule*: the agencies' report and Putin's statement are both claims; Putin's ends before
    the relaying incise."""
    got = found(pipeline, "Poutine a affirmé que la coopération allait se renforcer, ont rapporté les agences russes.")
    assert ("Vladimir Poutine", "affirmer", "la coopération allait se renforcer") in got
    assert ("les agences russes", "rapporter", "Poutine a affirmé que la coopération allait se renforcer") in got


@pytest.mark.parametrize("text, content", [
    ("« Dehors ! », a hurlé le manifestant.", "Dehors !"),
    ("« Nous reviendrons », murmure la vieille dame.", "Nous reviendrons"),
])
def test_manner_of_speaking_verbs_cue_quotations(pipeline, text, content):
    assert [c for _, _, c in found(pipeline, text)] == [content]


def test_manner_of_speaking_verbs_do_not_cue_clauses(pipeline):
    """*Manner-of-speaking rule*: "hurler que" with no quotation reports no statement."""
    assert found(pipeline, "Le vent hurlait que la tempête arrivait.") == []


@pytest.mark.parametrize("text, said, about", [
    ("Le ministre a déclaré mardi que le sommet du 12 juillet 2024 aurait lieu à Vienne.", "2024-06-18", "2024-07-12"),
    ("« Le sommet aura lieu le 12 juillet », a précisé hier le porte-parole.", "2024-06-18", "2024-07-12"),
    ("Le porte-parole a indiqué que la réunion était annulée.", "2024-06-19", None),
])
def test_three_dates_of_a_claim(pipeline, text, said, about):
    """*Date-said rule* and *content-date rule*: when it was said, what it is about (the article
    gives when it was published)."""
    from tests.extract.test_claims import extract

    c = extract(pipeline, text, "2024-06-19").claims[0]
    assert (c.date, c.content_date) == (said, about)
