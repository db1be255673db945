"""French date words for :mod:`kg.extract.temporal`: data, not code.

Most tables map a lower-cased French word (accented and unaccented spellings) to the
piece of a TIMEX3 value it stands for; the last ones list idioms and the verbs, nouns and
participles whose meaning orients a date they govern (lemmas, as spaCy gives them).
"""

from __future__ import annotations

MONTHS: dict[str, int] = {
    "janvier": 1, "janv.": 1, "février": 2, "fevrier": 2, "févr.": 2, "mars": 3,
    "avril": 4, "avr.": 4, "mai": 5, "juin": 6, "juillet": 7, "juil.": 7,
    "août": 8, "aout": 8, "septembre": 9, "sept.": 9, "octobre": 10, "oct.": 10,
    "novembre": 11, "nov.": 11, "décembre": 12, "decembre": 12, "déc.": 12,
}

# ISO weekday numbers, as TIMEX3 writes them in XXXX-WXX-N.
WEEKDAYS: dict[str, int] = {
    "lundi": 1, "mardi": 2, "mercredi": 3, "jeudi": 4, "vendredi": 5, "samedi": 6,
    "dimanche": 7,
}

# Seasons: TIMEX3 code and the month each one starts.
SEASONS: dict[str, tuple[str, int]] = {
    "printemps": ("SP", 3), "été": ("SU", 6), "ete": ("SU", 6), "automne": ("FA", 9),
    "hiver": ("WI", 12),
}

# Parts of the day: TIMEX3 codes TMO (morning), TAF, TEV, TNI, TMI (midday).
DAY_PARTS: dict[str, str] = {
    "matin": "TMO", "matinée": "TMO", "matinee": "TMO", "après-midi": "TAF",
    "apres-midi": "TAF", "soir": "TEV", "soirée": "TEV", "soiree": "TEV",
    "nuit": "TNI", "mi-journée": "TMI",
}

# Cardinal numbers written as words; compounds are parsed by temporal.numbers._word_number.
NUMBER_WORDS: dict[str, int] = {
    "zéro": 0, "un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5,
    "six": 6, "sept": 7, "huit": 8, "neuf": 9, "dix": 10, "onze": 11, "douze": 12,
    "treize": 13, "quatorze": 14, "quinze": 15, "seize": 16, "vingt": 20, "vingts": 20,
    "trente": 30, "quarante": 40, "cinquante": 50, "soixante": 60, "cent": 100,
    "cents": 100, "mille": 1000,
}

# Approximate collective numbers: "une dizaine de jours" is about ten days.
COLLECTIVES: dict[str, int] = {
    "huitaine": 8, "dizaine": 10, "douzaine": 12, "quinzaine": 15, "vingtaine": 20,
    "trentaine": 30, "quarantaine": 40, "cinquantaine": 50, "soixantaine": 60,
    "centaine": 100,
}

# Vague quantities: the TIMEX3 value keeps an X for the unknown number.
VAGUE_QUANTIFIERS: tuple[str, ...] = (
    "quelques", "plusieurs", "des", "de longues", "de longs", "de nombreuses",
    "de nombreux", "nombre de", "certaines", "certains",
)

# Duration units: singular/plural spelling → (ISO 8601 designator, is a time unit).
UNITS: dict[str, tuple[str, bool]] = {
    "seconde": ("S", True), "secondes": ("S", True),
    "minute": ("M", True), "minutes": ("M", True),
    "heure": ("H", True), "heures": ("H", True),
    "jour": ("D", False), "jours": ("D", False),
    "journée": ("D", False), "journées": ("D", False),
    "nuit": ("D", False), "nuits": ("D", False),
    "semaine": ("W", False), "semaines": ("W", False),
    "week-end": ("WE", False), "week-ends": ("WE", False),
    "mois": ("M", False),
    "trimestre": ("Q", False), "trimestres": ("Q", False),
    "semestre": ("6M", False), "semestres": ("6M", False),
    "an": ("Y", False), "ans": ("Y", False),
    "année": ("Y", False), "années": ("Y", False),
    "décennie": ("DE", False), "décennies": ("DE", False),
    "siècle": ("CE", False), "siècles": ("CE", False),
    "millénaire": ("ML", False), "millénaires": ("ML", False),
}

# Nouns naming a fixed span of office or time (TIMEX3 DURATION).
PERIOD_NOUNS: dict[str, str] = {
    "quinquennat": "P5Y", "septennat": "P7Y", "triennat": "P3Y", "biennale": "P2Y",
}

# Adjectives of frequency (TIMEX3 SET).
FREQUENCY_ADJECTIVES: dict[str, str] = {
    "quotidien": "P1D", "quotidienne": "P1D", "quotidiens": "P1D", "quotidiennes": "P1D",
    "hebdomadaire": "P1W", "hebdomadaires": "P1W",
    "mensuel": "P1M", "mensuelle": "P1M", "mensuels": "P1M", "mensuelles": "P1M",
    "annuel": "P1Y", "annuelle": "P1Y", "annuels": "P1Y", "annuelles": "P1Y",
    "trimestriel": "P3M", "trimestrielle": "P3M", "semestriel": "P6M",
    "semestrielle": "P6M", "bimensuel": "P2W", "bimestriel": "P2M",
}

# Deictic adverbs and adjectives with a reference-point value (TIMEX3 type TIME, as in
# the French TimeBank).
REF_WORDS: dict[str, str] = {
    "maintenant": "PRESENT_REF", "actuellement": "PRESENT_REF", "désormais": "PRESENT_REF",
    "dorénavant": "PRESENT_REF", "à présent": "PRESENT_REF", "de nos jours": "PRESENT_REF",
    "en ce moment": "PRESENT_REF", "pour le moment": "PRESENT_REF",
    "pour l'instant": "PRESENT_REF", "pour l’instant": "PRESENT_REF",
    "à l'heure actuelle": "PRESENT_REF", "à l’heure actuelle": "PRESENT_REF",
    # "à ce jour" (to date): the present, like "à l'heure actuelle", not a calendar day
    "à ce jour": "PRESENT_REF",
    "actuel": "PRESENT_REF", "actuelle": "PRESENT_REF", "actuels": "PRESENT_REF",
    "actuelles": "PRESENT_REF",
    "auparavant": "PAST_REF", "autrefois": "PAST_REF", "jadis": "PAST_REF",
    "naguère": "PAST_REF", "récemment": "PAST_REF", "dernièrement": "PAST_REF",
    "nouvellement": "PAST_REF", "naguere": "PAST_REF", "recemment": "PAST_REF",
    "ces derniers temps": "PAST_REF",  # "temps" has no unit to count: like "dernièrement"
    "prochainement": "FUTURE_REF", "bientôt": "FUTURE_REF", "sous peu": "FUTURE_REF",
    "l'avenir": "FUTURE_REF", "l’avenir": "FUTURE_REF", "avenir": "FUTURE_REF",
    "ultérieurement": "FUTURE_REF",
}

# Fixed-date holidays (month, day) and movable feasts as day offsets from Easter Sunday.
FIXED_HOLIDAYS: dict[str, tuple[int, int]] = {
    "noël": (12, 25), "noel": (12, 25), "toussaint": (11, 1), "saint-sylvestre": (12, 31),
    "jour de l'an": (1, 1), "jour de l’an": (1, 1), "saint-valentin": (2, 14),
    "fête nationale": (7, 14), "armistice": (11, 11), "assomption": (8, 15),
}
EASTER_HOLIDAYS: dict[str, int] = {
    "pâques": 0, "paques": 0, "lundi de pâques": 1, "vendredi saint": -2,
    "ascension": 39, "pentecôte": 49, "pentecote": 49, "lundi de pentecôte": 50,
    "mardi gras": -47, "mercredi des cendres": -46,
}

# Nouns for people; "une fillette de 6 ans" gives an age, not a duration.
PERSON_NOUNS: tuple[str, ...] = (
    "enfant", "enfants", "fille", "filles", "fillette", "fillettes", "garçon", "garçons",
    "garçonnet", "homme", "hommes", "femme", "femmes", "jeune", "jeunes", "adolescent",
    "adolescente", "adolescents", "adolescentes", "bébé", "bébés", "nourrisson", "fils",
    "mère", "père", "victime", "victimes", "retraité", "retraitée", "quadragénaire",
    "personne", "personnes", "conducteur", "conductrice", "automobiliste", "motard",
    "cycliste", "piéton", "piétonne", "octogénaire", "élève", "élèves", "étudiant",
    "étudiante", "joueur", "joueuse", "détenu", "suspect", "auteur", "mineur", "mineure",
    "mineurs", "individu", "ressortissant", "habitant", "habitante", "ouvrier", "patient",
    "dame", "soldat", "soldats", "gendarme", "gendarmes", "prévenu", "prévenue", "prévenus",
    "accusé", "accusée", "blessé", "blessée", "blessés", "otage", "otages", "réfugié",
    "réfugiée", "réfugiés", "pilote", "athlète", "sportif", "sportive", "client", "cliente",
    "voisin", "voisine", "ami", "amie", "époux", "épouse", "mari", "compagnon", "compagne",
    "frère", "sœur", "lycéen", "lycéenne", "lycéens", "collégien", "collégienne", "collégiens",
    "salarié", "salariée", "salariés", "médecin", "patron", "patronne", "technicien",
    "technicienne", "mécanicien", "pharmacien", "pharmacienne", "musicien", "musicienne",
)

# Words ending in -s that may follow a year without making it a count ("en 2003 les…").
FUNCTION_WORDS_IN_S: frozenset[str] = frozenset(
    "les des ses mes tes nos vos ces leurs dans sous vers sans alors puis plus mais tous "
    "depuis moins très pas lors après dès jusqu puisque parfois toujours ailleurs".split()
)

# Units that turn a four-digit number into a quantity ("2000 €", "1500 m").
QUANTITY_UNITS: frozenset[str] = frozenset(
    "€ $ £ % ‰ m km cm mm kg g t l ha mw kw kwh w f fr frs euros euro francs franc dollars "
    "dollar livres mètres mètre tonnes tonne litres litre hectares pages voix points"
    .split()
)

# --------------------------------------------------------------------------- idioms

# Fixed phrases built on date words that name no time: nothing inside them is tagged
# (TimeML tags an expression only when it refers to a time). "du jour au lendemain"
# (overnight, suddenly), "au jour le jour" (day by day), "d'un jour à l'autre" (any day
# now), "un jour ou l'autre" (some day), "jour et nuit" (constantly), and the anaphoric
# "d'ici là", "jusque-là" (until then: the time is named elsewhere, where it is tagged).
IDIOMS: tuple[str, ...] = (
    "du jour au lendemain", "au jour le jour", "d'un jour à l'autre", "d'un jour sur l'autre",
    "de jour en jour", "jour après jour", "un jour ou l'autre", "jour et nuit", "nuit et jour",
    "d'ici là", "jusque-là",
)

# Deictic days compared with one another ("aujourd'hui comme hier", "hier comme
# aujourd'hui", "aujourd'hui plus qu'hier") mean "now" and "in the past", not two days:
# TIMEX3 reference values, type TIME as the French TimeBank writes them.
GENERIC_DEICTICS: dict[str, str] = {
    "hier": "PAST_REF", "aujourd'hui": "PRESENT_REF", "aujourd’hui": "PRESENT_REF",
    "demain": "FUTURE_REF",
}
# The comparison that joins them; "qu'" is the elided "que".
COMPARISON_LINKS: tuple[str, ...] = (
    "comme", "tout comme", "plus que", "plus qu'", "moins que", "moins qu'", "autant que",
    "autant qu'", "pas plus que", "pas plus qu'",
)

# Verbs of motion: after them "jusqu'ici" is a place ("il est venu jusqu'ici"), not "so far".
MOTION_VERBS: frozenset[str] = frozenset(
    "venir aller arriver monter descendre marcher rouler courir conduire amener apporter "
    "emmener porter grimper parvenir pousser remonter revenir voyager nager voler "
    "accompagner suivre ramener rapporter traîner".split()
)

# --------------------------------------------------------------------------- tense governors

# Verbs, nouns and adjectives whose infinitive complement lies after them: a date on the
# infinitive is ahead whatever the governor's tense ("a promis de les recevoir le 3 mars",
# "l'appel à manifester jeudi", "s'est engagé à…", "menace de…").
PROSPECTIVE_GOVERNORS: frozenset[str] = frozenset(
    # intention, promise, plan, decision, threat
    "promettre engager prévoir compter décider menacer espérer souhaiter vouloir envisager "
    "projeter planifier programmer jurer apprêter préparer proposer accepter annoncer "
    "tenir viser "
    # directives: the addressee is to act later (not "forcer", "contraindre", "obliger",
    # whose complement has usually happened: "contraint de démissionner lundi")
    "appeler inviter exhorter inciter encourager demander exiger ordonner conseiller "
    "recommander suggérer sommer prier enjoindre charger autoriser convier "
    # nouns and adjectives of the same meaning
    "promesse engagement intention projet décision menace volonté plan objectif espoir "
    "appel invitation proposition demande ordre consigne ultimatum préavis "
    "prêt décidé déterminé résolu censé".split()
)

# Conjunctions of purpose and anteriority that govern an infinitive later than the main
# event: "avant de quitter ses fonctions le 30 octobre", "pour signer l'accord lundi".
PROSPECTIVE_MARKS: frozenset[str] = frozenset(
    ["avant de", "avant d'", "afin de", "afin d'", "pour", "en vue de", "en vue d'",
     "de façon à", "de manière à"]
)

# Modal and aspectual verbs: their infinitive takes their own tense, a present looking
# ahead ("doit partir lundi", "va signer"), a past staying past ("a dû partir lundi"), an
# imperfect leaving either side open ("devait arriver lundi": due, maybe not yet).
MODAL_GOVERNORS: frozenset[str] = frozenset("aller devoir pouvoir".split())

# Participles of scheduling: without "avoir" ("la réunion prévue jeudi", "le sommet est
# prévu le 3 mars", "attendu lundi à Paris") the date they govern is the plan's target,
# ahead of the planning; a past planning ("était prévu", "a été programmé") leaves either
# side open.
SCHEDULE_VERBS: frozenset[str] = frozenset(
    "prévoir programmer planifier fixer convoquer attendre agender envisager".split()
)

# Verbs that move or announce a date: they point ahead only when the date is their target,
# after "à", "au", "pour" ("reporté au 3 mars", "annoncé pour jeudi"); a bare date is the
# day of the act ("le plan annoncé lundi").
RESCHEDULE_VERBS: frozenset[str] = frozenset(
    "reporter repousser décaler ajourner avancer renvoyer différer retarder annoncer".split()
)
