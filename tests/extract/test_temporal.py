"""kg.extract.temporal: French sentence → expected TIMEX3s (text, type, value)."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kg.extract.temporal import extract_timexes

DCT = "2024-06-18"  # a Tuesday


def tag(text: str, published: str | None = DCT, doc=None) -> list[tuple[str, str, str]]:
    return [(t.text, t.type, t.value) for t in extract_timexes(text, published, doc=doc)]


# (sentence, publication date, expected timexes in text order)
CASES = [
    # explicit and partly explicit dates
    ("Le sommet s'est ouvert le 18 juin à Bruxelles.", DCT, [("le 18 juin", "DATE", "2024-06-18")]),
    ("Il s'est rendu à Kiev en février 2022.", DCT, [("février 2022", "DATE", "2022-02")]),
    ("La cérémonie a eu lieu ce vendredi 15 septembre 2023.", DCT,
     [("ce vendredi 15 septembre 2023", "DATE", "2023-09-15")]),
    ("Il est né en 1991 à Lyon.", DCT, [("1991", "DATE", "1991")]),
    ("Il a combattu pendant la guerre de Corée de 1950-1953.", DCT,
     [("1950", "DATE", "1950"), ("1953", "DATE", "1953")]),
    ("Le texte a été publié le 15/09/2023.", DCT, [("15/09/2023", "DATE", "2023-09-15")]),
    ("Il avait été élu le 1er mai 2019.", DCT, [("le 1er mai 2019", "DATE", "2019-05-01")]),
    ("Le scrutin aura lieu les 6 et 13 avril 2025.", DCT,
     [("les 6", "DATE", "2025-04-06"), ("13 avril 2025", "DATE", "2025-04-13")]),
    # centuries as the French TimeBank writes them (its README: "XIXe siècle" 18 => 18XX);
    # the determiner is inside the tag, capitalised or not
    ("Le XXe siècle a connu deux guerres mondiales.", DCT, [("Le XXe siècle", "DATE", "19XX")]),
    ("La chanson a marqué les années 90.", DCT, [("les années 90", "DATE", "199X")]),
    ("Le groupe s'est formé au début des années 60.", DCT, [("début des années 60", "DATE", "196X")]),
    ("L'usine fermera fin 2025.", DCT, [("fin 2025", "DATE", "2025")]),
    # quarters and halves: explicit year, else the one the tense points to
    ("Le troisième trimestre 2020 a été meilleur.", DCT, [("Le troisième trimestre 2020", "DATE", "2020-Q3")]),
    ("Les ventes ont chuté au cours du quatrième trimestre.", DCT, [("quatrième trimestre", "DATE", "2023-Q4")]),
    ("Le second semestre sera difficile.", DCT, [("Le second semestre", "DATE", "2024-H2")]),
    ("Les commandes reprendront au premier trimestre.", DCT, [("premier trimestre", "DATE", "2025-Q1")]),
    # the nth weekday of a month or season
    ("Le scrutin aura lieu le premier dimanche de septembre.", DCT, [("le premier dimanche de septembre", "DATE",
                                                                     "2024-09-01")]),
    ("La fête tombe le dernier jeudi de novembre 2024.", DCT, [("le dernier jeudi de novembre 2024", "DATE",
                                                              "2024-11-28")]),
    ("Le ramassage reprend le premier dimanche du printemps 2000.", DCT,
     [("le premier dimanche du printemps 2000", "DATE", "2000-03-26")]),
    # adverbs of frequency
    ("Il se rend quotidiennement à Paris.", DCT, [("quotidiennement", "SET", "P1D")]),
    ("Le rapport est publié annuellement.", DCT, [("annuellement", "SET", "P1Y")]),
    # relative to the publication date, by tense
    ("Les prix ont augmenté en septembre.", DCT, [("septembre", "DATE", "2023-09")]),
    ("Le contrat a été signé en septembre dernier.", DCT, [("septembre dernier", "DATE", "2023-09")]),
    ("Les travaux reprendront en septembre.", DCT, [("septembre", "DATE", "2024-09")]),
    ("Les exportations ont reculé cette année.", DCT, [("cette année", "DATE", "2024")]),
    ("Les prix ont flambé dès janvier.", DCT, [("janvier", "DATE", "2024-01")]),
    ("Le pays est en guerre depuis 2019.", DCT, [("2019", "DATE", "2019")]),
    ("Le conflit a éclaté il y a neuf mois.", DCT, [("il y a neuf mois", "DATE", "2023-09")]),
    ("Le ministre a démissionné hier.", DCT, [("hier", "DATE", "2024-06-17")]),
    ("Le président reçoit aujourd'hui son homologue.", DCT, [("aujourd'hui", "DATE", "2024-06-18")]),
    ("Les ministres se réuniront mercredi à Paris.", DCT, [("mercredi", "DATE", "2024-06-19")]),
    ("Les ministres se sont réunis mercredi à Paris.", DCT, [("mercredi", "DATE", "2024-06-12")]),
    ("Mercredi, une garde d'honneur et des centaines de personnes se sont rassemblés devant "
     "le palais.", "2024-06-19", [("Mercredi", "DATE", "2024-06-19")]),
    ("Il a été élu le 6 mai dernier.", DCT, [("le 6 mai dernier", "DATE", "2024-05-06")]),
    ("Le Conseil a voté vendredi dernier.", DCT, [("vendredi dernier", "DATE", "2024-06-14")]),
    ("Il sera opéré lundi prochain à Strasbourg.", DCT, [("lundi prochain", "DATE", "2024-06-24")]),
    ("Les élections auront lieu l'an prochain.", DCT, [("l'an prochain", "DATE", "2025")]),
    ("Les chiffres ont baissé l'an dernier.", DCT, [("l'an dernier", "DATE", "2023")]),
    ("Le rapport a été remis la semaine dernière.", DCT, [("la semaine dernière", "DATE", "2024-W24")]),
    ("Un journal a publié cette semaine la liste.", DCT, [("cette semaine", "DATE", "2024-W25")]),
    ("Le texte sera examiné le mois prochain.", DCT, [("le mois prochain", "DATE", "2024-07")]),
    ("Les troupes partiront début octobre.", DCT, [("début octobre", "DATE", "2024-10")]),
    ("Il partira en vacances cet été.", DCT, [("cet été", "DATE", "2024-SU")]),
    ("Il est venu à Pâques.", DCT, [("Pâques", "DATE", "2024-03-31")]),
    ("Il rentrera chez lui pour Noël.", DCT, [("Noël", "DATE", "2024-12-25")]),
    ("Les combats se sont intensifiés ces derniers jours.", DCT,
     [("ces derniers jours", "DURATION", "PXD")]),
    ("L'accident s'est produit le 23 mai au soir.", "1999-05-25",
     [("le 23 mai au soir", "TIME", "1999-05-23TEV")]),
    ("Il a été opéré demain matin.", DCT, [("demain matin", "TIME", "2024-06-19TMO")]),
    ("Il a été arrêté hier soir à Lyon.", DCT, [("hier soir", "TIME", "2024-06-17TEV")]),
    ("Le film passe ce soir sur Arte.", DCT, [("ce soir", "TIME", "2024-06-18TEV")]),
    # clock times take the day of the last date mentioned, else the publication date
    ("Le couvre-feu commence à 22 h.", DCT, [("22 h", "TIME", "2024-06-18T22:00")]),
    ("Le couvre-feu commence à 22 h 30.", DCT, [("22 h 30", "TIME", "2024-06-18T22:30")]),
    ("Il est arrivé vers 12 h 30.", DCT, [("vers 12 h 30", "TIME", "2024-06-18T12:30")]),
    ("Rendez-vous samedi 22 juin à 8 h devant la mairie.", DCT,
     [("samedi 22 juin", "DATE", "2024-06-22"), ("8 h", "TIME", "2024-06-22T08:00")]),
    ("Les manifestants se sont rassemblés le matin devant la préfecture.", DCT,
     [("le matin", "TIME", "2024-06-18TMO")]),
    # durations, with numbers in digits or words
    ("Il a passé deux jours en Corée.", DCT, [("deux jours", "DURATION", "P2D")]),
    ("Il a passé 24 ans en prison.", DCT, [("24 ans", "DURATION", "P24Y")]),
    ("La trêve a duré trois semaines.", DCT, [("trois semaines", "DURATION", "P3W")]),
    ("Les négociations ont duré vingt et un jours.", DCT, [("vingt et un jours", "DURATION", "P21D")]),
    ("Le siège a duré quelques mois.", DCT, [("quelques mois", "DURATION", "PXM")]),
    ("Il a attendu plusieurs années.", DCT, [("plusieurs années", "DURATION", "PXY")]),
    ("Le pays est divisé depuis des décennies.", DCT, [("des décennies", "DURATION", "PXDE")]),
    ("La guerre de Cent Ans a duré cent seize ans.", DCT, [("cent seize ans", "DURATION", "P116Y")]),
    ("Le réacteur a été arrêté pendant environ une heure.", DCT,
     [("environ une heure", "DURATION", "PT1H")]),
    ("Schumacher devance Irvine de 30,4 secondes.", DCT, [("30,4 secondes", "DURATION", "PT30.4S")]),
    ("L'Alliance a opéré 790 sorties ces dernières 24 heures.", DCT,
     [("ces dernières 24 heures", "DURATION", "PT24H")]),
    # sets
    ("Le marché se tient chaque dimanche.", DCT, [("chaque dimanche", "SET", "XXXX-WXX-7")]),
    ("Les inscriptions ont lieu tous les jeudis.", DCT, [("tous les jeudis", "SET", "XXXX-WXX-4")]),
    ("Des millions de touristes visitent chaque année les parcs.", DCT,
     [("chaque année", "SET", "P1Y")]),
    # reference points
    ("Le gouvernement examine actuellement le texte.", DCT, [("actuellement", "TIME", "PRESENT_REF")]),
    ("Les diplomates doivent maintenant conclure.", DCT, [("maintenant", "TIME", "PRESENT_REF")]),
    ("La loi sera votée prochainement.", DCT, [("prochainement", "TIME", "FUTURE_REF")]),
    ("Mai 68 reste une référence.", DCT, [("Mai 68", "DATE", "1968-05")]),
    ("L'été a été meurtrier.", DCT, [("L'été", "DATE", "2023-SU")]),
    ("Le gouvernement a fixé un délai d'ici le 30 juin.", DCT,
     [("ici", "DATE", "2024-06-18"), ("le 30 juin", "DATE", "2024-06-30")]),
    ("Les journaux étrangers se vendent toute l'année.", DCT, [("toute l'année", "DURATION", "P1Y")]),
    ("Les patrouilles sont le lot quotidien des soldats.", DCT, [("quotidien", "SET", "P1D")]),
    ("La sécurité est une priorité pour les prochains mois.", DCT,
     [("les prochains mois", "DATE", "FUTURE_REF")]),
    # no false dates
    ("Il lit la presse quotidienne.", DCT, []),
    ("Les 24 Heures du Mans attirent les foules.", DCT, []),
    ("Tout a changé du jour au lendemain.", DCT, []),
    ("Un jour, il reviendra.", DCT, []),
    ("La guerre de Cent Ans a marqué l'Europe.", DCT, []),
    ("Les Jeux Olympiques d'hiver s'ouvrent.", DCT, []),
    ("Sa visite a été saluée par la presse.", DCT, []),
    ("Kim Jong Un a reçu le président russe.", DCT, []),
    ("La sonde observe la planète Mars depuis l'orbite.", DCT, []),
    ("Le maire de la commune a été réélu.", DCT, []),
    ("Jean Burget, 87 ans, a été heurté par une voiture.", DCT, []),
    ("Une fillette de 6 ans s'est noyée.", DCT, []),
    ("Il a 24 ans et vit à Lyon.", DCT, []),
    ("La commune compte 2000 habitants.", DCT, []),
    ("Les Jeux d'hiver s'ouvrent dans la ville.", DCT, []),
    ("Il a passé deux jours en Corée du Nord.", DCT, [("deux jours", "DURATION", "P2D")]),
    # "d'ici" is a preposition: the expression after it is the timex, and it is ahead
    ("Les travaux seront achevés d'ici lundi.", DCT, [("lundi", "DATE", "2024-06-24")]),
    ("La mairie recrutera dix agents d'ici la fin de l'année.", DCT, [("la fin de l'année", "DATE", "2024")]),
    ("Les glaciers auront fondu d'ici la fin du siècle.", DCT, [("la fin du siècle", "DATE", "20XX")]),
    ("Le chantier doit s'achever d'ici à 2027.", DCT, [("2027", "DATE", "2027")]),
    # the edge of a calendar unit is that unit of the publication date
    ("Les loyers ont augmenté depuis le début de l'année.", DCT, [("le début de l'année", "DATE", "2024")]),
    ("Le budget sera voté à la fin du mois.", DCT, [("la fin du mois", "DATE", "2024-06")]),
    ("La commission se réunira au début de la semaine prochaine.", DCT,
     [("début de la semaine prochaine", "DATE", "2024-W26")]),
    ("Les soldes commencent en fin de semaine.", DCT, [("fin de semaine", "DATE", "2024-W25")]),
    ("Le bilan sera publié à la fin de l'année prochaine.", DCT, [("la fin de l'année prochaine", "DATE", "2025")]),
    ("Le moulin date du début du XVIIe siècle.", DCT, [("début du XVIIe siècle", "DATE", "16XX")]),
    ("Le quartier s'est vidé à la fin des années 1980.", DCT, [("la fin des années 1980", "DATE", "198X")]),
    ("Le texte sera présenté à la fin du mois de juillet.", DCT, [("la fin du mois de juillet", "DATE", "2024-07")]),
    # seasons: after "au" or "du" (outside the tag), with "le", with a year, with
    # "prochain"; the year of a bare season by tense (a conditional looks ahead)
    ("Les fouilles reprendront au printemps.", "2024-01-20", [("printemps", "DATE", "2024-SP")]),
    ("La récolte avait souffert au printemps.", "2024-01-20", [("printemps", "DATE", "2023-SP")]),
    ("Le nouveau pont sera inauguré au printemps 2026.", DCT, [("printemps 2026", "DATE", "2026-SP")]),
    ("La ligne rouvrira à partir du printemps prochain.", DCT, [("printemps prochain", "DATE", "2025-SP")]),
    ("Les éleveurs attendent une réponse avant le printemps.", "2024-01-20", [("le printemps", "DATE", "2024-SP")]),
    ("Le refuge ferme chaque hiver.", DCT, [("chaque hiver", "SET", "XXXX-WI")]),
    ("Le camping affiche complet tous les étés.", DCT, [("tous les étés", "SET", "XXXX-SU")]),
    ("Le parc a accueilli dix mille visiteurs depuis le début de l'été.", "2024-07-20",
     [("le début de l'été", "DATE", "2024-SU")]),
    ("Le vote final interviendrait avant l'été.", "2024-02-10", [("l'été", "DATE", "2024-SU")]),
    ("Le printemps arabe a bouleversé la région.", DCT, []),
    ("Le coureur a été dernier de l'étape.", DCT, []),
    # ages are not durations; sentences and spans of time are
    ("Un randonneur de 52 ans a chuté dans un ravin.", DCT, []),
    ("Les prévenus, âgés de 19 à 33 ans, seront jugés en septembre.", DCT, [("septembre", "DATE", "2024-09")]),
    ("Les blessés, âgés de vingt à trente ans, ont été hospitalisés.", DCT, []),
    ("La chanteuse, qui fêtera ses 40 ans en octobre, prépare un album.", DCT, [("octobre", "DATE", "2024-10")]),
    ("Une touriste allemande de 61 ans a été secourue.", DCT, []),
    ("Il a été condamné à 12 ans de réclusion.", DCT, [("12 ans", "DURATION", "P12Y")]),
    ("Elle habite le village depuis 45 ans.", DCT, [("45 ans", "DURATION", "P45Y")]),
    ("Il revient sur ses 30 ans de carrière.", DCT, [("30 ans", "DURATION", "P30Y")]),
    # demonstrative "ces derniers/prochains" + unit: a span of unstated length
    ("Les prix ont flambé ces dernières semaines.", DCT, [("ces dernières semaines", "DURATION", "PXW")]),
    ("Ces derniers mois, le chômage a reculé.", DCT, [("Ces derniers mois", "DURATION", "PXM")]),
    ("Les pluies ont redoublé ces dernières années.", DCT, [("ces dernières années", "DURATION", "PXY")]),
    ("Ces prochains jours, les orages se multiplieront.", DCT, [("Ces prochains jours", "DURATION", "PXD")]),
    ("Ces derniers temps, les retards se sont accumulés.", DCT, [("Ces derniers temps", "TIME", "PAST_REF")]),
    # fractions and compounds of units
    ("Les secours sont arrivés en un quart d'heure.", DCT, [("un quart d'heure", "DURATION", "PT15M")]),
    ("Il a patienté trois quarts d'heure.", DCT, [("trois quarts d'heure", "DURATION", "PT45M")]),
    ("Elle dirige le club depuis un quart de siècle.", DCT, [("un quart de siècle", "DURATION", "P25Y")]),
    ("La grève a duré une demi-journée.", DCT, [("une demi-journée", "DURATION", "PT12H")]),
    ("Le pont a été fermé pendant un demi-siècle.", DCT, [("un demi-siècle", "DURATION", "P50Y")]),
    ("Un siècle plus tard, le monument tient debout.", DCT, [("Un siècle", "DURATION", "P100Y")]),
    ("Le record est tombé en 3 minutes et 12 secondes.", DCT, [("3 minutes et 12 secondes", "DURATION", "PT3M12S")]),
    ("L'audience a duré deux heures et demie.", DCT, [("deux heures et demie", "DURATION", "PT2H30M")]),
    ("La réunion a duré une heure trente.", DCT, [("une heure trente", "DURATION", "PT1H30M")]),
    ("Il a couru pendant 2 heures 15.", DCT, [("2 heures 15", "DURATION", "PT2H15M")]),
    ("Le vol a pris une heure et quart.", DCT, [("une heure et quart", "DURATION", "PT1H15M")]),
    ("Le chantier a pris un an et demi de retard.", DCT, [("un an et demi", "DURATION", "P1Y6M")]),
    ("Il a été condamné à trois ans et six mois de prison.", DCT,
     [("trois ans et six mois", "DURATION", "P3Y6M")]),
    ("La séance ira de 14 heures 30 à 16 heures.", DCT,
     [("14 heures 30", "TIME", "2024-06-18T14:30"), ("16 heures", "TIME", "2024-06-18T16:00")]),
    ("Il a parlé pendant plus d'une heure.", DCT, [("plus d'une heure", "DURATION", "PT1H")]),
    ("Il a visité six villes en une seule journée.", DCT, [("une seule journée", "DURATION", "P1D")]),
    ("La chaîne diffusera un concert de deux heures.", DCT, [("deux heures", "DURATION", "PT2H")]),
    # parts of a named day
    ("Samedi midi, la place était noire de monde.", DCT, [("Samedi midi", "TIME", "2024-06-15T12:00")]),
    ("Les bureaux fermeront dimanche minuit.", DCT, [("dimanche minuit", "TIME", "2024-06-23T24:00")]),
    ("Hier midi, il a déjeuné avec le préfet.", DCT, [("Hier midi", "TIME", "2024-06-17T12:00")]),
    ("Pour la soirée du 14 juillet, mille policiers seront mobilisés.", DCT,
     [("la soirée du 14 juillet", "TIME", "2024-07-14TEV")]),
    ("Les faits remontent à la nuit du 5 au 6 mars 2021. Ce soir-là, vers 22 h, une rixe a éclaté.", DCT,
     [("la nuit du 5 au 6 mars 2021", "TIME", "2021-03-05TNI"), ("Ce soir-là", "TIME", "2021-03-05TEV"),
      ("vers 22 h", "TIME", "2021-03-05T22:00")]),
    ("Les tramways seront gratuits dans la nuit du 31 décembre au 1er janvier.", DCT,
     [("la nuit du 31 décembre au 1er janvier", "TIME", "2024-12-31TNI")]),
    ("Il a été hospitalisé dans la matinée de lundi.", DCT, [("la matinée de lundi", "TIME", "2024-06-17TMO")]),
    ("Le Midi a voté à gauche.", DCT, []),
    # tense: "jusqu'à" follows its clause, a past clause may grant a term still running
    ("Jusqu'à lundi, trente concerts seront donnés en plein air.", DCT, [("lundi", "DATE", "2024-06-24")]),
    ("Le préfet a accordé jusqu'au 30 juin aux exploitants.", DCT, [("30 juin", "DATE", "2024-06-30")]),
    # passé composé with "être", participles in apposition, attributes, conditionals
    ("Lundi, les sauveteurs sont intervenus au large de Sète.", DCT, [("Lundi", "DATE", "2024-06-17")]),
    ("Le directeur, nommé en octobre, veut réorganiser le service.", DCT, [("octobre", "DATE", "2023-10")]),
    ("La circulation restera perturbée ce week-end.", "2024-06-20", [("ce week-end", "DATE", "2024-W25-WE")]),
    ("Les trains circuleront normalement ce week-end.", "2024-06-17", [("ce week-end", "DATE", "2024-W25-WE")]),
    ("Les trains ont circulé normalement ce week-end.", "2024-06-17", [("ce week-end", "DATE", "2024-W24-WE")]),
    ("La compagnie a indiqué qu'elle reprendrait ses vols le 1er novembre.", "2024-10-01",
     [("le 1er novembre", "DATE", "2024-11-01")]),
    # ages with a noun ending the phrase; nouns that measure time keep the duration
    ("Une peine ferme de 10 ans a été requise.", DCT, [("10 ans", "DURATION", "P10Y")]),
    ("Il a pris sa retraite après une carrière de 30 ans.", DCT, [("30 ans", "DURATION", "P30Y")]),
    ("Le quartier a fêté ses 100 ans.", DCT, []),
    ("Le dernier quart d'heure a été décisif.", DCT, []),
    ("Pendant deux heures trente manifestants ont défilé.", DCT, [("deux heures", "DURATION", "PT2H")]),
    ("Il y a deux ans et trois mois, il est parti.", DCT,
     [("Il y a deux ans", "DATE", "2022"), ("trois mois", "DURATION", "P3M")]),
]


@pytest.mark.parametrize(("sentence", "published", "expected"), CASES,
                         ids=[c[0][:40] for c in CASES])
def test_sentence(nlp, sentence, published, expected):
    assert tag(sentence, published, nlp(sentence)) == expected


# Without a spaCy Doc the tagger reads tense from verb endings.
STANDALONE = [
    ("Les prix ont augmenté en septembre.", [("septembre", "DATE", "2023-09")]),
    ("Les travaux reprendront en septembre.", [("septembre", "DATE", "2024-09")]),
    ("Les ministres se réuniront mercredi à Paris.", [("mercredi", "DATE", "2024-06-19")]),
    ("Les ministres se sont réunis mercredi à Paris.", [("mercredi", "DATE", "2024-06-12")]),
    ("LE VILLAGE FERA LA FÊTE DIMANCHE.", [("DIMANCHE", "DATE", "2024-06-23")]),
    ("Il a passé deux jours en Corée.", [("deux jours", "DURATION", "P2D")]),
    ("Sa visite a été saluée.", []),
    ("Le texte a été adopté le 6 mai.", [("le 6 mai", "DATE", "2024-05-06")]),
    ("Le sommet aura lieu le 6 juillet.", [("le 6 juillet", "DATE", "2024-07-06")]),
    ("Les travaux seront achevés d'ici lundi.", [("lundi", "DATE", "2024-06-24")]),
    ("Lundi, les sauveteurs sont intervenus au large de Sète.", [("Lundi", "DATE", "2024-06-17")]),
    ("Jusqu'à lundi, trente concerts seront donnés en plein air.", [("lundi", "DATE", "2024-06-24")]),
    ("Un randonneur de 52 ans a chuté.", []),
]


@pytest.mark.parametrize(("sentence", "expected"), STANDALONE, ids=[c[0][:40] for c in STANDALONE])
def test_standalone(sentence, expected):
    assert tag(sentence) == expected


# Without a publication date no year is invented.
NO_DCT = [
    ("Il viendra le 18 juin.", [("le 18 juin", "DATE", "XXXX-06-18")]),
    ("Il est parti en mars.", [("mars", "DATE", "XXXX-03")]),
    ("Il est parti mercredi.", [("mercredi", "DATE", "XXXX-WXX-3")]),
    ("Il est parti hier.", [("hier", "DATE", "XXXX-XX-XX")]),
    ("Il est parti en 2019.", [("2019", "DATE", "2019")]),
    ("Il a attendu deux jours.", [("deux jours", "DURATION", "P2D")]),
    ("Il viendra au printemps.", [("printemps", "DATE", "XXXX-SP")]),
    ("Il est parti la nuit du 3 au 4 août.", [("la nuit du 3 au 4 août", "TIME", "XXXX-08-03TNI")]),
    ("Il est parti samedi midi.", [("samedi midi", "TIME", "XXXX-WXX-6T12:00")]),
    ("Il partira d'ici la fin de l'année.", [("la fin de l'année", "DATE", "XXXX")]),
]


@pytest.mark.parametrize(("sentence", "expected"), NO_DCT, ids=[c[0][:40] for c in NO_DCT])
def test_without_publication_date(sentence, expected):
    result = tag(sentence, None)
    assert result == expected
    assert all(not any(str(y) in v for y in range(2020, 2030)) for _, _, v in result)


def test_records_are_anchored_and_named():
    text = "Le ministre a démissionné hier, après deux jours de crise."
    hier, duree = extract_timexes(text, DCT)
    assert hier.anchored and hier.rule
    assert not duree.anchored and duree.rule


def test_junk_spans_are_skipped():
    text = "Publié le 3 mai 2024. Le ministre a démissionné hier."
    junk = ((0, 21),)
    assert [t.text for t in extract_timexes(text, DCT, junk=junk)] == ["hier"]


def test_offsets_order_and_no_overlap(nlp):
    text = ("Dimanche soir, à partir de 22 h, le comité des fêtes vous invite. Le 6 mai dernier, "
            "il a été élu pour six mois ; il partira l'an prochain, vers 12 h 30 locales.")
    result = list(extract_timexes(text, DCT, doc=nlp(text)))
    assert result
    for t in result:
        assert 0 <= t.start < t.end <= len(text)
        assert text[t.start:t.end] == t.text
    for a, b in zip(result, result[1:]):
        assert a.end <= b.start


@settings(max_examples=300, deadline=None)
@given(st.text(), st.one_of(st.none(), st.dates(min_value=date(1900, 1, 1),
                                                 max_value=date(2100, 12, 31)).map(str)))
def test_never_raises_and_offsets_hold(text, published):
    result = list(extract_timexes(text, published))
    for t in result:
        assert 0 <= t.start < t.end <= len(text)
        assert text[t.start:t.end] == t.text
        assert t.type in ("DATE", "TIME", "DURATION", "SET")
        assert t.value
    for a, b in zip(result, result[1:]):
        assert a.end <= b.start


FRENCH_BITS = ["le", "15", "juin", "mars", "2024", "hier", "soir", "à", "22", "h", "30",
               "il y a", "deux", "jours", "été", "l'", "mercredi", "dernier", "prochain",
               "depuis", "des", "années", "chaque", ",", ".", "\n", "a", "sont", "ira"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(FRENCH_BITS), max_size=25).map(" ".join),
       st.sampled_from([None, DCT, "1999-02-28"]))
def test_french_like_noise(text, published):
    for t in extract_timexes(text, published):
        assert text[t.start:t.end] == t.text
