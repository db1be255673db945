"""Topic scheme: loading, tagging with ancestors, resolving what a user types."""

from pathlib import Path

import pytest

from kg.errors import ResourceError
from kg.extract.topics import TopicScheme


@pytest.fixture(scope="module")
def scheme() -> TopicScheme:
    return TopicScheme.load()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("restrictions unilatérales illégitimes", {"sanctions", "unilateral-restrictions"}),
        ("résolutions du Conseil de sécurité", {"sanctions", "un-resolutions"}),
        ("interdiction des Nations unies concernant les biens de luxe", {"sanctions", "luxury-goods-ban"}),
        ("aide alimentaire et énergétique", {"food-and-energy-aid", "aid"}),
        ("programme spatial", {"space-programme"}),
        ("des dizaines de missiles balistiques", {"weapons", "missile-programme"}),
        ("l'offensive russe en Ukraine", {"war-in-ukraine", "armed-conflict"}),
        ("des sous-marins à propulsion nucléaire", {"nuclear-programme"}),
        ("des tirs de sommation à la frontière", {"border-tensions", "security"}),
        ("la sécurité de la péninsule coréenne", {"korean-peninsula-security", "security"}),
        ("un sommet sur les relations bilatérales", {"diplomacy", "summits-and-visits"}),
        ("des paiements en devises fortes", {"economy-trade"}),
        ("un transfert de technologies militaires", {"technology-transfer", "military-cooperation"}),
        ("RESOLUTIONS DU CONSEIL DE SECURITE", {"sanctions", "un-resolutions"}),  # case and accents
    ],
)
def test_tag(scheme: TopicScheme, text: str, expected: set[str]) -> None:
    assert expected <= set(scheme.tag(text))


def test_tag_is_sorted_unique(scheme: TopicScheme) -> None:
    tags = scheme.tag("sanctions, sanctions et restrictions unilatérales")
    assert list(tags) == sorted(set(tags))


@pytest.mark.parametrize("text", ["Le chat dort sur le canapé.", "Il fait beau à Paris ce matin.", ""])
def test_no_topic(scheme: TopicScheme, text: str) -> None:
    assert scheme.tag(text) == ()


def test_armee_is_not_arme(scheme: TopicScheme) -> None:
    assert "weapons" not in scheme.tag("L'armée défile.")


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("Sanction", "sanctions"),
        ("sanctions", "sanctions"),
        ("SANCTIONS", "sanctions"),
        ("programme spatial", "space-programme"),
        ("space programme", "space-programme"),
        ("guerre en Ukraine", "war-in-ukraine"),
        ("arms trade", "arms-trade"),
        ("aide alimentaire", "food-and-energy-aid"),
        ("resolutions du conseil de securite", "un-resolutions"),
        ("war-in-ukraine", "war-in-ukraine"),
        ("programme spatiall", "space-programme"),  # fuzzy
        ("cuisine provençale", None),
        ("", None),
    ],
)
def test_find(scheme: TopicScheme, query: str, expected: str | None) -> None:
    assert scheme.find(query) == expected


def test_hierarchy_and_labels(scheme: TopicScheme) -> None:
    assert "sanctions" in scheme.broader("unilateral-restrictions")
    assert "unilateral-restrictions" in scheme.narrower("sanctions")
    assert scheme.label("sanctions", "en") == "sanctions"
    assert scheme.label("space-programme") == "programme spatial"
    assert scheme.ancestors("war-in-ukraine") == ("armed-conflict",)
    assert len(scheme.concepts) >= 15
    assert TopicScheme.load() is scheme  # the shipped scheme is loaded once


def test_user_extension(tmp_path: Path) -> None:
    ttl = tmp_path / "topics.ttl"
    ttl.write_text(
        '@prefix skos: <http://www.w3.org/2004/02/skos/core#> .\n'
        '@prefix kg: <https://kg.example.org/ns#> .\n'
        '@prefix t: <https://kg.example.org/topic/> .\n'
        't:fishing a skos:Concept ; skos:prefLabel "pêche"@fr , "fishing"@en ; kg:trigger "peche" ;\n'
        '    skos:broader t:economy .\n'
        't:economy a skos:Concept ; skos:prefLabel "économie"@fr .\n',
        encoding="utf-8",
    )
    scheme = TopicScheme.load(ttl)
    assert scheme.tag("Les zones de pêche") == ("economy", "fishing")
    assert scheme.narrower("economy") == ("fishing",)
    assert scheme.find("Fishing") == "fishing"


@pytest.mark.parametrize(
    "body",
    [
        "this is not turtle",
        '@prefix t: <https://kg.example.org/topic/> .\n@prefix kg: <https://kg.example.org/ns#> .\n'
        't:x a <http://www.w3.org/2004/02/skos/core#Concept> ; kg:trigger "(unclosed" .',
        '@prefix t: <https://kg.example.org/topic/> .\n',
    ],
)
def test_bad_scheme(tmp_path: Path, body: str) -> None:
    ttl = tmp_path / "bad.ttl"
    ttl.write_text(body, encoding="utf-8")
    with pytest.raises(ResourceError, match="bad.ttl"):
        TopicScheme.load(ttl)


def test_missing_scheme(tmp_path: Path) -> None:
    with pytest.raises(ResourceError, match="not found"):
        TopicScheme.load(tmp_path / "nope.ttl")
