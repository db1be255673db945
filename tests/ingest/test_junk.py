"""Web-page leftovers: each rule on made-up lines and on the seed lines, and real
article text left alone."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kg.ingest.junk import RULES, explain_junk, find_junk

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def seed_text(prefix: str) -> str:
    (path,) = SEEDS.glob(f"{prefix}_*.txt")
    return path.read_text(encoding="utf-8")


def junk_lines(text: str) -> list[str]:
    return [text[s:e] for s, e in find_junk(text)]


def rule_of(text: str, line: str) -> str | None:
    """The rule that flags ``line`` inside ``text`` (None when it is not junk)."""
    for rule, start, end in explain_junk(text):
        if text[start:end] == line:
            return rule
    return None


ARTICLE = (
    "Le gouvernement a annoncé mardi un nouveau plan pour l'énergie.\n\n"
    "Selon le ministre, les mesures entreront en vigueur en janvier.\n"
)

# (rule, a line that must be flagged by it), none of them taken from the seeds.
POSITIVE = [
    ("reading_time", "Temps de lecture : 4 min"),
    ("reading_time", "Lecture 3 min."),
    ("reading_time", "5 min de lecture"),
    ("reading_time", "Reading time: 7 minutes"),
    ("byline", "Par Marie-Claire Dupont"),
    ("byline", "Par Jean de La Fontaine et Anne Hidalgo"),
    ("byline", "Par Sophie Leclerc, envoyée spéciale à Kiev"),
    ("byline", "Par Paul Durand avec AFP"),
    ("byline", "By Jane Doe"),
    ("byline_tail", "– dans"),
    ("byline_tail", "- in"),
    ("share", "Partager"),
    ("share", "Partager sur Facebook"),
    ("share", "Share this article"),
    ("share", "Copier le lien"),
    ("comments", "Commentaires"),
    ("comments", "12 commentaires"),
    ("comments", "Laisser un commentaire"),
    ("comments", "Voir les 3 commentaires"),
    ("comments", "No comments yet"),
    ("comments", "Leave a comment"),
    ("page_furniture", "Loading..."),
    ("page_furniture", "Chargement en cours…"),
    ("page_furniture", "Retour en haut de la page"),
    ("page_furniture", "Skip to main content"),
    ("page_furniture", "Publicité"),
    ("page_furniture", "S’abonner"),
    ("read_also", "Lire aussi"),
    ("read_also", "LIRE AUSSI | La France durcit le ton face à Moscou"),
    ("read_also", "À lire également : Les sanctions contre l'Iran renforcées"),
    ("read_also", "Voir aussi » Le sommet de l'Otan à Vilnius"),
    ("read_also", "Sur le même sujet"),
    ("read_also", "Read more: Biden meets Xi in San Francisco"),
    ("summary_label", "TL;DR"),
    ("summary_label", "En bref :"),
    ("summary_label", "Ce qu'il faut retenir"),
    ("video_link", "Vidéos liées"),
    ("video_link", "Vidéo associée - Le discours du président en intégralité"),
    ("video_link", "Related video: the summit in two minutes"),
]


@pytest.mark.parametrize(("rule", "line"), POSITIVE)
def test_rule_flags_line(rule: str, line: str) -> None:
    text = ARTICLE + line + "\n" + ARTICLE
    assert rule_of(text, line) == rule
    assert junk_lines(text) == [line]


def test_every_rule_has_an_example() -> None:
    tested = {rule for rule, _ in POSITIVE} | {"tweet_embed", "bullet_menu", "breadcrumb", "footer_links"}
    assert tested == {rule.name for rule in RULES}


# Real article lines that look a little like furniture: none may be flagged.
NEGATIVE = [
    "Par ailleurs, le ministre a démenti toute négociation secrète avec Moscou.",
    "Par 312 voix contre 240, l'Assemblée a adopté le texte.",
    "Par Pierre Martin, le dernier témoin, l'affaire a pris un autre tour.",
    "Les commentaires du président ont suscité une vive polémique.",
    "Il a refusé de partager cet article de loi avec l'opposition.",
    "Lire aussi les déclarations du Kremlin demande du temps, a-t-il ironisé.",
    "La lecture du verdict a duré 3 minutes.",
    "Vidéo : le président russe a été accueilli par une foule nombreuse.",
    "International",
    "Culture",
    "Un sommet sous haute tension",
    "Des missiles nord-coréens en Ukraine",
    "- Les États-Unis ont imposé de nouvelles sanctions à la Russie.",
    "Kim Jong-un a salué « un moment historique » (@KCNA).",
    "Le chargement des navires a repris à Odessa.",
]


@pytest.mark.parametrize("line", NEGATIVE)
def test_real_text_is_not_flagged(line: str) -> None:
    text = ARTICLE + line + "\n\n" + ARTICLE
    assert find_junk(text) == ()


def test_tweet_embed() -> None:
    text = (
        ARTICLE
        + "Nous ne reconnaîtrons jamais ces élections. https://t.co/Ab12Cd\n"
        + "— Dmytro Kuleba (@DmytroKuleba) September 10, 2023\n"
        + "Un extrait publié sur pic.twitter.com/xyz123\n"
        + ARTICLE
    )
    assert junk_lines(text) == [
        "Nous ne reconnaîtrons jamais ces élections. https://t.co/Ab12Cd",
        "— Dmytro Kuleba (@DmytroKuleba) September 10, 2023",
        "Un extrait publié sur pic.twitter.com/xyz123",
    ]


def test_tweet_attribution_keeps_a_normal_previous_paragraph() -> None:
    text = "Le ministre a réagi sur les réseaux sociaux.\n— Annalena Baerbock (@ABaerbock) 3 mars 2024\n"
    assert junk_lines(text) == ["— Annalena Baerbock (@ABaerbock) 3 mars 2024"]


def test_bullet_menu() -> None:
    text = ARTICLE + "* Politique\n* Économie mondiale\n* Sport\n" + ARTICLE
    assert junk_lines(text) == ["* Politique", "* Économie mondiale", "* Sport"]


def test_single_short_bullet_is_kept() -> None:
    assert find_junk(ARTICLE + "• Kiev\n\n" + ARTICLE) == ()


def test_bullet_list_of_sentences_is_kept() -> None:
    text = ARTICLE + "- Le cessez-le-feu est entré en vigueur.\n- Les otages ont été libérés.\n"
    assert find_junk(text) == ()


def test_breadcrumb_only_at_the_top() -> None:
    text = "Accueil > Monde > Asie\nInternational\nLe Japon et la Corée du Sud renforcent leur alliance\n"
    assert junk_lines(text) == ["Accueil > Monde > Asie", "International"]
    assert find_junk("Un titre d'article\n\nInternational\n\n" + ARTICLE) == ()


def test_footer_links() -> None:
    text = ARTICLE + "\nÉlections européennes : notre dossier\nLe direct\n\nPartager cet article\n"
    assert junk_lines(text) == ["Élections européennes : notre dossier", "Le direct", "Partager cet article"]


def test_footer_needs_a_junk_line_after_it() -> None:
    assert find_junk(ARTICLE + "\nUne conclusion sans point final\n") == ()


def test_title_alone_before_furniture_is_kept() -> None:
    assert junk_lines("La Russie et l'Iran signent un accord\n\nPartager\n") == ["Partager"]


def test_spans_exclude_crlf_and_cover_indentation() -> None:
    text = "Titre\r\n  • Tourisme\r\n  • Culture\r\nPartager cet article\r\n"
    assert junk_lines(text) == ["  • Tourisme", "  • Culture", "Partager cet article"]


# -- seeds ----------------------------------------------------------------------------

SEED_JUNK = {
    "000": [
        ("reading_time", "Temps de lecture: 2 minutes"),
        ("byline", "Par Pierre Martin"),
        ("byline_tail", "- dans"),
        ("bullet_menu", "  • Tourisme"),
        ("bullet_menu", "  • Culture"),
        ("bullet_menu", "  • Éducation"),
        ("footer_links", "Guerre en Ukraine: Dernières nouvelles"),
        ("share", "Partager cet article"),
        ("comments", "Commentaires (0)"),
        ("comments", "Poster un commentaire"),
    ],
    "001": [
        ("page_furniture", "top of page"),
        ("video_link", "Vidéo associée : Vladimir Poutine accueilli en «meilleur ami» par Kim Jong-un"),
        ("comments", "Comments"),
        ("page_furniture", "bottom of page"),
    ],
    "002": [],
    "003": [("summary_label", "Tl;dr")],
    "004": [
        ("breadcrumb", "International"),
        ("tweet_embed", "“Ça fait son effet de voir deux dictateurs qui possèdent la bombe atomique côte à côte, "
         "ça ne présage pas du meilleur. Au-delà du message envoyé au monde, il y a un danger réel de "
         "réapprovisionnement militaire de la Russie par la Corée du Nord.”@MarionVanR dans #CàVous "
         "pic.twitter.com/HaoKuTLDZY"),
        ("tweet_embed", "— C à vous (@cavousf5) September 13, 2023"),
        ("read_also", "À lire aussi : Kim Jong-un en Russie pour rencontrer Vladimir Poutine"),
        ("comments", "Aucun commentaire"),
        ("page_furniture", "Loading"),
    ],
}  # fmt: skip


@pytest.mark.parametrize("seed", sorted(SEED_JUNK))
def test_seed_junk(seed: str) -> None:
    text = seed_text(seed)
    assert [(rule, text[s:e]) for rule, s, e in explain_junk(text)] == SEED_JUNK[seed]


SEED_KEPT = [
    ("000", "Poutine arrive en Corée du Nord après 24 ans d'absence"),
    ("000", "Drapeaux nord-coréen et russe avec du matériel militaire."),
    ("000", "Cette visite revêt une grande importance pour la stratégie de la Russie et ses relations "
            "internationales."),
    ("001", "Vladimir Poutine à Pyongyang : Un Partenariat Stratégique Qui Inquiète l'Occident"),
    ("001", "Un nouveau chapitre dans les relations internationales"),
    ("003", "Kim Jong Un en Russie : Rencontre imminente avec Poutine"),
    ("003", "Des liens historiques forts"),
    ("004", "Corée du Nord : aucun accord signé avec la Russie"),
    ("004", "Washington redouble d’attention"),
]  # fmt: skip


@pytest.mark.parametrize(("seed", "line"), SEED_KEPT)
def test_seed_article_lines_are_kept(seed: str, line: str) -> None:
    text = seed_text(seed)
    start = text.index(line)
    assert all(not (s < start + len(line) and start < e) for s, e in find_junk(text))


@pytest.mark.parametrize("seed", sorted(SEED_JUNK))
def test_no_seed_sentence_is_junk(seed: str) -> None:
    # Every line that ends like a sentence and is no tweet is article text.
    text = seed_text(seed)
    for line in junk_lines(text):
        assert not line.rstrip().endswith((".", "»", "”")) or "twitter" in line


@given(st.text(alphabet=st.sampled_from(list("ab •-*:>\n\r\tÉ@()Par LoadingPartager")), max_size=200))
def test_spans_are_whole_lines(text: str) -> None:
    spans = find_junk(text)
    assert list(spans) == sorted(set(spans))
    for start, end in spans:
        assert 0 <= start < end <= len(text)
        assert start == 0 or text[start - 1] == "\n"
        assert end == len(text) or text[end] in "\r\n"
        assert "\n" not in text[start:end]
