"""Claims: speakers, cues, content, mode and stance of French reported speech."""

from __future__ import annotations

import hashlib

import pytest

from kg.extract.claims import find_quotes
from kg.records import Article


def extract(pipeline, text: str, published: str = "2024-06-18"):
    article = Article(path="t.txt", name="t.txt", text=text, sha256=hashlib.sha256(text.encode()).hexdigest(), published=published)
    return pipeline.extract(article)


def claims_of(pipeline, text: str):
    return extract(pipeline, text).claims


# (sentence(s), speaker label, cue lemma, mode, stance, start of content)
CONSTRUCTIONS = [
    ("« Nous ne céderons pas », a déclaré Emmanuel Macron.", "Emmanuel Macron", "déclarer", "direct", "assert", "Nous ne céderons"),
    ("« La guerre doit cesser », a-t-il ajouté. ", None, "ajouter", "direct", "assert", "La guerre"),
    ("Le chef de la diplomatie, Jean Dupont, a affirmé que les négociations reprendraient.", "Jean Dupont", "affirmer", "indirect", "assert", "les négociations"),
    ("Marie Curie estime que la France doit investir davantage.", "Marie Curie", "estimer", "indirect", "assert", "la France doit"),
    ("Le gouvernement a averti les syndicats que la réforme serait maintenue.", "Le gouvernement", "avertir", "indirect", "warn", "la réforme serait"),
    ("Selon Paul Martin, le projet sera abandonné.", "Paul Martin", "selon", "indirect", "assert", "le projet sera"),
    ("Le projet sera abandonné, d'après des sources diplomatiques.", "des sources diplomatiques", "d'après", "indirect", "assert", "Le projet sera"),
    ("Les deux pays nient ces accusations.", "Les deux pays", "nier", "indirect", "deny", "ces accusations"),
    ("Le ministre a démenti toute livraison d'armes.", "Le ministre", "démentir", "indirect", "deny", "toute livraison"),
    ("Pierre Durand a menacé de quitter la coalition.", "Pierre Durand", "menacer", "indirect", "threaten", "de quitter"),
    ("Anne Lambert a promis que les salaires augmenteraient.", "Anne Lambert", "promettre", "indirect", "promise", "les salaires"),
    ("Jacques Morel a exprimé son inquiétude concernant la hausse des prix.", "Jacques Morel", "exprimer", "indirect", "concern", "son inquiétude"),
    ("Sophie Bernard, porte-parole du ministère, a déclaré : « Rien n'est décidé. »", "Sophie Bernard", "déclarer", "direct", "assert", "Rien n'est décidé"),
    ("Le maire a jugé la décision « injuste et précipitée ».", "Le maire", "juger", "mixed", "assert", "la décision"),
    ("En revanche, a ajouté Luc Petit, les élections auront lieu en mai.", "Luc Petit", "ajouter", "indirect", "assert", "les élections"),
    ("« Les réformes continueront », martèle Claire Dubois.", "Claire Dubois", "marteler", "direct", "assert", "Les réformes"),
    ("Le président a dénoncé « une provocation inacceptable ».", "Le président", "dénoncer", "mixed", "criticize", "« une provocation"),
    # split-quote rule: an incise inside the quotation, the content is the whole quotation
    ("« Il faut agir vite, a estimé Jean Dupont, car le temps presse. »", "Jean Dupont", "estimer", "direct", "assert",
     "Il faut agir vite, a estimé"),
    # complement rule: the inverted subject stops before "devant"
    ("« Nous tiendrons », a martelé le Premier ministre devant les députés.", "le Premier ministre", "marteler", "direct",
     "assert", "Nous tiendrons"),
    # locution rule: causative "faire", "mettre en garde", pronominal verbs
    ("Le club a fait savoir que l'entraîneur resterait en poste.", "Le club", "faire savoir", "indirect", "assert",
     "l'entraîneur resterait"),
    ("La ministre a fait valoir que le budget était contraint.", "La ministre", "faire valoir", "indirect", "assert",
     "le budget"),
    ("Le ministre s'est félicité que l'accord ait été conclu.", "Le ministre", "se féliciter", "indirect", "praise",
     "l'accord ait"),
    ("Le maire s'est engagé à rénover l'école.", "Le maire", "s'engager", "indirect", "promise", "à rénover"),
]


@pytest.mark.parametrize("text, speaker, cue, mode, stance, content", CONSTRUCTIONS)
def test_constructions(pipeline, text, speaker, cue, mode, stance, content):
    claims = claims_of(pipeline, text)
    assert claims, f"no claim in {text!r}"
    c = claims[0]
    assert c.speaker == speaker
    assert c.cue_lemma == cue
    assert c.mode == mode
    assert c.stance == stance
    assert c.content.startswith(content)


def test_pronoun_speaker_resolves_to_earlier_subject(pipeline):
    text = "Jean Dupont, ministre de l'Intérieur, a exprimé ses inquiétudes. Il a souligné que la situation restait tendue."
    claims = claims_of(pipeline, text)
    second = [c for c in claims if c.cue_lemma == "souligner"][0]
    assert second.speaker == "Jean Dupont"
    assert second.speaker_text == "Il"
    assert second.speaker_role == "ministre de l'Intérieur"


def test_plural_pronoun_prefers_plural_subject(pipeline):
    text = ("Les responsables européens affirment que les échanges ont repris. "
            "Marc Leroy est resté silencieux. Ils prétendent que l'accord sera signé.")
    claims = claims_of(pipeline, text)
    last = [c for c in claims if c.cue_lemma == "prétendre"][0]
    assert last.speaker == "Les responsables européens"


def test_quote_spanning_sentences(pipeline):
    text = "Il a fallu attendre. Sophie Martin a ajouté : « Nous ne partirons pas. Et nous resterons unis. »"
    c = [c for c in claims_of(pipeline, text) if c.speaker == "Sophie Martin"][0]
    assert c.content == "Nous ne partirons pas. Et nous resterons unis."
    assert c.mode == "direct"


def test_scare_quotes_are_not_claims(pipeline):
    assert claims_of(pipeline, "Il a été accueilli en « meilleur ami » à Pyongyang.") == ()


def test_date_said_is_explicit_when_given(pipeline):
    text = "Le ministre Park Jin a déclaré ce vendredi 15 septembre 2023 que « la paix est menacée »."
    c = claims_of(pipeline, text)[0]
    assert (c.date, c.date_source) == ("2023-09-15", "explicit")


def test_date_said_defaults_to_publication(pipeline):
    c = claims_of(pipeline, "« Nous gagnerons », a déclaré Jean Dupont.")[0]
    assert (c.date, c.date_source) == ("2024-06-18", "article")


@pytest.mark.parametrize(
    "text, quotes",
    [
        ("« a » et « bcd »", ["« a »", "« bcd »"]),
        ("“x y” puis \"z w\"", ["“x y”", '"z w"']),
        ("« dehors « dedans » encore »", ["« dehors « dedans » encore »"]),
        ("« jamais fermé", []),
    ],
)
def test_find_quotes(text, quotes):
    assert [text[q.open : q.close] for q in find_quotes(text)] == quotes


# --- the seeds: every reported statement with its gold speaker --------------------------

SEED_GOLD = {
    "000": [
        ("les contacts entre la Corée du Nord et la Russie", "Les responsables américains et sud-coréens", "indirect"),
        ("la Corée du Nord fournit à la Russie", "Les responsables américains et sud-coréens", "indirect"),
        ("ces allégations", "La Corée du Nord et la Russie", "indirect"),
        ("la Russie cherche à éviter ces vérifications", "Les pays occidentaux", "indirect"),
        ("cela pourrait enfreindre une interdiction", "Certaines personnes", "indirect"),
        ("son inquiétude concernant la relation", "John Kirby", "indirect"),
        ("cela pourrait nuire au peuple ukrainien", "John Kirby", "indirect"),
        ("leur coopération ne devait pas enfreindre", "Le ministère des Affaires étrangères de la Corée du Sud", "indirect"),
        ("la visite de Poutine est mauvaise", "Un porte-parole de l'ambassade américaine", "indirect"),
    ],
    "001": [
        ("Aujourd'hui comme hier, la Russie", "Vladimir Poutine", "direct"),
        ("Notre peuple accueille chaleureusement", "Rodong Sinmun", "direct"),
        ("les premiers missiles à courte portée", "les Américains", "indirect"),
        ("ses inquiétudes face à ce rapprochement", "Jens Stoltenberg", "indirect"),
        ("Poutine et Moscou sont désormais dépendants", "Jens Stoltenberg", "direct"),
        ("Ce rapprochement pourrait affecter", "John Kirby", "direct"),
    ],
    "002": [
        ("Nous apprécions grandement votre soutien", "Vladimir Poutine", "direct"),
        ("les deux hommes comme des « compagnons", "Vladimir Poutine", "mixed"),
        ("la Corée du Nord a fourni à la Russie", "Les États-Unis et la Corée du Sud", "indirect"),
        ("avoir conclu un accord sur les armes", "Les deux pays", "indirect"),
        ("Pyongyang a défendu ses intérêts « de manière", "Vladimir Poutine", "mixed"),
        ("Nous développerons des mécanismes alternatifs", "Vladimir Poutine", "direct"),
        ("la visite de Poutine prouvait que les liens", "KCNA", "mixed"),
        ("leur inquiétude quant aux implications", "États-Unis", "indirect"),
        ("Nous savons que des missiles balistiques", "John Kirby", "direct"),
        ("le voyage de Poutine montrait qu’il était « dépendant »", "Jens Stoltenberg", "mixed"),
        ("Leurs amis les plus proches", "Jens Stoltenberg", "direct"),
        ("La Corée du Nord pourrait promettre « de fournir", "Bruce Bennett", "mixed"),
        ("la Corée du Nord voudra « que la Russie fournisse", "Bruce Bennett", "mixed"),
    ],
    "003": [
        ("Un rendez-vous très attendu", "Dmitri Peskov", "mixed"),
        ("celle-ci pourrait déboucher sur un accord", "certains experts", "indirect"),
        ("En bâtissant nos relations avec nos voisins", "Dmitri Peskov", "direct"),
    ],
    "004": [
        ("aucun accord n’a été signé", "Dmitri Peskov", "direct"),
        ("toute exportation d’armes serait une violation", "Les responsables d’État", "direct"),
        ("si la Corée du Nord parvenait à un quelconque accord", "Park Jin", "direct"),
    ],
}


@pytest.mark.parametrize("seed", sorted(SEED_GOLD))
def test_seed_claims_have_gold_speakers(seed_extractions, seed, ):
    claims = seed_extractions[seed].claims
    for content, speaker, mode in SEED_GOLD[seed]:
        found = [c for c in claims if c.content.startswith(content)]
        assert found, f"{seed}: no claim starting {content!r}"
        assert (found[0].speaker, found[0].mode) == (speaker, mode), content


def test_seed_claim_offsets_and_roles(seed_extractions):
    for x in seed_extractions.values():
        text = x.article.text
        for c in x.claims:
            assert text[c.start : c.end] == c.text
            assert text[c.content_start : c.content_end] == c.content
            assert c.start <= c.content_start and c.content_end <= c.end
            if c.speaker_start is not None:
                assert text[c.speaker_start : c.speaker_end] == c.speaker_text
            if c.cue_start is not None:
                assert text[c.cue_start : c.cue_end] == c.cue
    roles = {c.speaker_role for c in seed_extractions["003"].claims if c.speaker == "Dmitri Peskov"}
    assert "porte-parole du Kremlin" in roles
    kirby = [c for c in seed_extractions["000"].claims if c.speaker == "John Kirby"][0]
    assert kirby.speaker_role == "porte-parole du Conseil national de sécurité des États-Unis"


def test_tweet_embed_is_not_a_claim(seed_extractions):
    assert not any("deux dictateurs" in c.content for c in seed_extractions["004"].claims)


def test_seed_denials_have_deny_stance(seed_extractions):
    denials = [c for x in seed_extractions.values() for c in x.claims if c.stance == "deny"]
    assert {c.speaker for c in denials} == {"La Corée du Nord et la Russie", "Les deux pays", "Dmitri Peskov"}


def test_sanctions_topic_reaches_paraphrases(seed_extractions):
    tagged = {c.content[:40] for x in seed_extractions.values() for c in x.claims if "sanctions" in c.topics}
    assert any(t.startswith("Nous développerons des mécanismes") for t in tagged)
    assert any(t.startswith("leur coopération ne devait pas") for t in tagged)
    assert any(t.startswith("cela pourrait enfreindre une interdic") for t in tagged)


@pytest.mark.parametrize(
    "content, denies",
    [
        ("aucun accord n’a été signé", True),
        ("la Russie ne livre pas d'armes", True),
        ("ce n'est pas une menace", True),
        ("Nous ne céderons pas", False),  # a commitment, not a denial
        ("Moscou ne cherche à s’approvisionner en armes", False),  # expletive "ne"
        ("Nous apprécions votre soutien", False),
    ],
)
def test_negated_content_rule(content, denies):
    from kg.extract.claims import negated

    assert negated(content) is denies


def test_peskov_no_agreement_is_a_denial(seed_extractions):
    peskov = [c for c in seed_extractions["004"].claims if c.speaker == "Dmitri Peskov"]
    assert peskov and all(c.stance == "deny" for c in peskov)


# --- rules of French added with the claims gold (own sentences, not from the gold) ------

RULES = [
    # mid-clause incise: the content spans the clause around the incise
    ("Le budget, a précisé la trésorière du club, sera voté en juin.", "la trésorière du club", "préciser",
     "Le budget, a précisé"),
    # verb-form rule: "juge" tagged as a noun
    ("« La copie est à revoir », juge Hélène Marchand, présidente du jury.", "Hélène Marchand", "juger",
     "La copie est à revoir"),
    ("L'Unicef juge que la situation des enfants se dégrade.", "Unicef", "juger", "la situation des enfants"),
    # source rule with a stressed pronoun, and "Pour X" with a person
    ("Le docteur Alain Roux a présenté son étude. Selon lui, le vaccin protège à 90 %.", "Alain Roux", "selon",
     "le vaccin protège"),
    ("Pour la sociologue Anne Kerval, la ville se vide de ses familles.", "Anne Kerval", "pour",
     "la ville se vide"),
    # impersonal passive: the agent speaks
    ("Il a été annoncé par la mairie que la piscine fermerait en août.", "la mairie", "annoncer",
     "la piscine fermerait"),
    # genitive rule: the coach speaks, not the club
    ("« Nous reviendrons », a promis l'entraîneur du FC Nantes après le match.", "l'entraîneur du FC Nantes",
     "promettre", "Nous reviendrons"),
]


@pytest.mark.parametrize("text, speaker, cue, content", RULES)
def test_rules_of_french(pipeline, text, speaker, cue, content):
    claims = claims_of(pipeline, text)
    c = next((c for c in claims if c.content.startswith(content)), None)
    assert c is not None, [x.content for x in claims]
    assert (c.speaker, c.cue_lemma) == (speaker, cue)


def test_pronoun_agrees_in_gender(pipeline):
    text = ("La directrice de l'école a reçu les parents. Le maire est arrivé plus tard. "
            "Elle a indiqué que les cours reprendraient lundi.")
    c = [c for c in claims_of(pipeline, text) if c.cue_lemma == "indiquer"][0]
    assert c.speaker == "La directrice de l'école" and c.speaker_text == "Elle"


def test_definite_description_takes_the_fuller_speaker(pipeline):
    text = ("Le ministre de l'Agriculture a visité une ferme. « La sécheresse coûte cher », a-t-il dit. "
            "Des aides seront versées en mai, a ajouté le ministre.")
    c = [c for c in claims_of(pipeline, text) if c.cue_lemma == "ajouter"][0]
    assert c.speaker == "Le ministre de l'Agriculture"


@pytest.mark.parametrize("text", [
    "Selon les chiffres de l'Insee publiés mardi, les prix ont baissé.",
    "Selon le calendrier prévu, les travaux finiront en mai.",
    "Pour l'instant, aucune date n'est fixée.",
])
def test_data_sources_are_not_speakers(pipeline, text):
    assert claims_of(pipeline, text) == ()


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("L'association a dénoncé hier le « scandale » des places manquantes.", "2024-06-17"),
        ("Le ministre a déclaré mardi que la réforme serait retirée.", "2024-06-18"),
    ],
)
def test_a_date_right_after_the_cue_dates_the_statement(pipeline, text, date):
    from kg.ingest import text_article

    (claim,) = pipeline.extract(text_article(text, "t", "2024-06-18")).claims
    assert (claim.date, claim.date_source) == (date, "explicit")
