"""The publication date stated by the text itself, and nothing else."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kg.ingest.pubdate import infer_published

SEEDS = Path(__file__).resolve().parents[2] / "seeds"

# (text, ISO date, evidence as written)
FOUND = [
    ("Le ministre a déclaré ce vendredi 15 septembre 2023 que rien n'était signé.",
     "2023-09-15", "ce vendredi 15 septembre 2023"),
    ("Ce lundi 1er juillet 2024, les électeurs ont voté.", "2024-07-01", "Ce lundi 1er juillet 2024"),
    ("Publié le 12/09/2023", "2023-09-12", "Publié le 12/09/2023"),
    ("Titre\nPublié le 12 septembre 2023 à 10h30\n\nTexte.", "2023-09-12", "Publié le 12 septembre 2023 à 10h30"),
    ("Par Anne Martin | Publiée le 3 sept. 2023", "2023-09-03", "Publiée le 3 sept. 2023"),
    ("Mis en ligne le 05.01.24 à 8:15", "2024-01-05", "Mis en ligne le 05.01.24 à 8:15"),
    ("PUBLIÉ LE 3 AOÛT 2023", "2023-08-03", "PUBLIÉ LE 3 AOÛT 2023"),
    ("Mis à jour le 15 septembre 2023 à 10h\nLe texte.", "2023-09-15", "Mis à jour le 15 septembre 2023 à 10h"),
    ("Modifié le 2024-02-29T08:00", "2024-02-29", "Modifié le 2024-02-29"),
    ("PARIS, 15 septembre 2023 (AFP) - Le président a reçu", "2023-09-15", "PARIS, 15 septembre 2023 (AFP)"),
    ("Un titre\n\nMoscou, le 12 juin 2024 — Le Kremlin a annoncé", "2024-06-12", "Moscou, le 12 juin 2024"),
    ("Séoul, mercredi 19 juin 2024\nKim Jong-un a reçu", "2024-06-19", "Séoul, mercredi 19 juin 2024"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "iso", "evidence"), FOUND)
def test_found(text: str, iso: str, evidence: str) -> None:
    result = infer_published(text)
    assert result is not None
    date, (start, end) = result
    assert (date, text[start:end]) == (iso, evidence)


def test_published_label_wins_over_update_and_demonstrative() -> None:
    text = "Mis à jour le 14/09/2023\nPublié le 13/09/2023\nIl a parlé ce jeudi 14 septembre 2023."
    assert infer_published(text) == ("2023-09-13", (25, 45))


NOT_FOUND = [
    "Kim Jong-un est en visite en Russie depuis le mardi 12 septembre 2023.",  # no "ce"
    "C'est sous les acclamations que Poutine a entamé, ce 18 juin, une visite.",  # no year
    "Le rapport publié le 12 mars 2021 par l'ONU reste d'actualité.",  # prose, not a label
    "La trêve court jusqu'à ce vendredi 15 septembre 2023.",  # a deadline
    "Il a parlé ce jeudi 15 septembre 2023.",  # the 15th was a Friday
    "Publié le 31/02/2023",  # no such day
    "Publié le 12/13/2023",  # no such month
    "Il y a deux ans, le 24 février 2022, la Russie envahissait l'Ukraine.",
    "Le 12/09/2023, le tribunal a rendu son jugement.",
    "Un titre\nUn chapeau\nUn paragraphe\nUn autre\nEncore un\nMoscou, le 12 juin 2024 — trop bas",
    "",
]


@pytest.mark.parametrize("text", NOT_FOUND)
def test_not_found(text: str) -> None:
    assert infer_published(text) is None


@pytest.mark.parametrize(
    ("prefix", "expected"),
    [("000", None), ("001", None), ("002", None), ("003", None), ("004", "2023-09-15")],
)
def test_seeds(prefix: str, expected: str | None) -> None:
    (path,) = SEEDS.glob(f"{prefix}_*.txt")
    text = path.read_text(encoding="utf-8")
    result = infer_published(text)
    if expected is None:
        assert result is None
    else:
        assert result is not None
        date, (start, end) = result
        assert (date, text[start:end]) == (expected, "ce vendredi 15 septembre 2023")


@given(st.text(max_size=300))
def test_evidence_offsets_point_into_text(text: str) -> None:
    result = infer_published(text)
    if result is not None:
        date, (start, end) = result
        assert 0 <= start < end <= len(text)
        assert len(date) == 10 and date[4] == "-" and date[7] == "-"
