"""Files to Article records: finding inputs, decoding, HTML, sidecars, errors."""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kg.errors import InputError
from kg.ingest import iter_input_paths, read_article
from kg.ingest.reader import sidecar_path

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "seeds"
DATA = ROOT / "tests" / "data" / "ingest"
PAGE = DATA / "page.html"

TEXT = "Poutine arrive en Corée du Nord.\n\nÀ Pyongyang, l’accueil est « chaleureux ».\n"


def write(folder: Path, name: str, content: bytes | str) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, str):
        path.write_text(content, encoding="utf-8", newline="")
    else:
        path.write_bytes(content)
    return path


def error_of(path: Path, published: str | None = None) -> str:
    with pytest.raises(InputError) as info:
        read_article(path, published=published)
    message = str(info.value)
    assert "\n" not in message
    return message


def assert_offsets(article) -> None:
    for start, end in article.junk:
        assert 0 <= start < end <= len(article.text)
        assert "\n" not in article.text[start:end]
    if article.published_evidence is not None:
        start, end = article.published_evidence
        assert 0 <= start < end <= len(article.text)


# -- iter_input_paths -----------------------------------------------------------------


def test_folders_are_expanded_sorted_and_filtered(tmp_path: Path) -> None:
    for name in ["b.txt", "a.html", "a.meta.json", "c.htm", "d.text", "notes.md", ".hidden.txt",
                 "sub/z.txt", "sub/a.TXT", ".git/x.txt", "img.png"]:  # fmt: skip
        write(tmp_path, name, "x")
    found = [p.relative_to(tmp_path).as_posix() for p in iter_input_paths([tmp_path])]
    assert found == ["a.html", "b.txt", "c.htm", "d.text", "sub/a.TXT", "sub/z.txt"]


def test_explicit_files_are_kept_except_sidecars(tmp_path: Path) -> None:
    md = write(tmp_path, "notes.md", "x")
    side = write(tmp_path, "a.meta.json", "{}")
    txt = write(tmp_path, "a.txt", "x")
    assert list(iter_input_paths([md, side, str(txt), txt])) == [md, txt]


def test_missing_path(tmp_path: Path) -> None:
    missing = tmp_path / "nope.txt"
    with pytest.raises(InputError) as info:
        list(iter_input_paths([missing]))
    assert str(info.value) == f"{missing}: no such file or directory"


def test_symlink_loop_ends(tmp_path: Path) -> None:
    write(tmp_path, "corpus/a.txt", "x")
    (tmp_path / "corpus" / "loop").symlink_to(tmp_path / "corpus", target_is_directory=True)
    (tmp_path / "corpus" / "self.txt").symlink_to(tmp_path / "corpus" / "self.txt")
    (tmp_path / "corpus" / "dangling.txt").symlink_to(tmp_path / "corpus" / "gone.txt")
    assert list(iter_input_paths([tmp_path / "corpus"])) == [tmp_path / "corpus" / "a.txt"]


def test_seed_folder() -> None:
    assert [p.name for p in iter_input_paths([SEEDS])] == sorted(p.name for p in SEEDS.glob("*.txt"))


# -- decoding -------------------------------------------------------------------------


def test_utf8(tmp_path: Path) -> None:
    article = read_article(write(tmp_path, "a.txt", TEXT))
    assert (article.text, article.encoding, article.format) == (TEXT, "utf-8", "txt")
    assert article.name == "a.txt" and article.path == str(tmp_path / "a.txt")
    assert article.sha256 == hashlib.sha256(TEXT.encode()).hexdigest()


def test_utf8_bom_is_dropped(tmp_path: Path) -> None:
    article = read_article(write(tmp_path, "a.txt", b"\xef\xbb\xbf" + "Élysée : Par Jean Dupont\n".encode()))
    assert article.text == "Élysée : Par Jean Dupont\n"
    assert article.encoding == "utf-8-sig"


def test_latin1(tmp_path: Path) -> None:
    text = "Poutine arrive en Corée du Nord après 24 ans.\n"
    article = read_article(write(tmp_path, "a.txt", text.encode("latin-1")))
    assert (article.text, article.encoding) == (text, "iso8859-1")


def test_cp1252(tmp_path: Path) -> None:
    article = read_article(write(tmp_path, "a.txt", TEXT.encode("cp1252")))
    assert (article.text, article.encoding) == (TEXT, "cp1252")


def test_utf16_with_bom(tmp_path: Path) -> None:
    article = read_article(write(tmp_path, "a.txt", TEXT.encode("utf-16")))
    assert (article.text, article.encoding) == (TEXT, "utf-16")


def test_crlf_and_spaces_are_kept(tmp_path: Path) -> None:
    raw = "Titre\r\n\r\nPar Jean Dupont\r\n  Un  paragraphe\u00a0: fin.\r\n\tPartager\r\n"
    article = read_article(write(tmp_path, "a.txt", raw))
    assert article.text == raw
    assert [article.text[s:e] for s, e in article.junk] == ["Par Jean Dupont", "\tPartager"]


def test_cyrillic_cp1251_is_not_read_as_latin(tmp_path: Path) -> None:
    text = "Путин прибыл в Пхеньян для переговоров с Ким Чен Ыном о сотрудничестве.\n"
    article = read_article(write(tmp_path, "a.txt", text.encode("cp1251")))
    assert article.text == text and article.encoding == "cp1251"


# -- errors ---------------------------------------------------------------------------

BINARY = [
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file (PNG image)"),
    (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "binary file (PDF document)"),
    (b"PK\x03\x04\x14\x00", "binary file (ZIP archive, DOCX or ODT document)"),
    (b"du texte\x00puis un NUL", "binary file (contains NUL bytes)"),
    (b"\x01\x02\x03\x04\x05\x06abc", "binary file (control characters)"),
    (bytes(range(0x80, 0x100)) * 3, "cannot decode text (not UTF-8, and no known encoding fits)"),
    (b"", "empty file"),
    (b" \n\r\n\t ", "no text (whitespace only)"),
]


@pytest.mark.parametrize(("content", "reason"), BINARY)
def test_unreadable_content(tmp_path: Path, content: bytes, reason: str) -> None:
    path = write(tmp_path, "a.txt", content)
    assert error_of(path) == f"{path}: {reason}"


def test_directory(tmp_path: Path) -> None:
    folder = tmp_path / "folder.txt"
    folder.mkdir()
    assert error_of(folder) == f"{folder}: is a directory"


def test_missing_file(tmp_path: Path) -> None:
    assert error_of(tmp_path / "a.txt") == f"{tmp_path / 'a.txt'}: no such file or directory"


def test_permission_denied(tmp_path: Path) -> None:
    path = write(tmp_path, "a.txt", TEXT)
    path.chmod(0)
    try:
        if os.access(path, os.R_OK):
            pytest.skip("running with privileges that read any file")
        assert error_of(path) == f"{path}: permission denied"
    finally:
        path.chmod(0o644)


def test_permission_denied_message(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # The same path through the reader without relying on the user's privileges.
    path = write(tmp_path, "a.txt", TEXT)

    def refuse(self: Path) -> bytes:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "read_bytes", refuse)
    assert error_of(path) == f"{path}: permission denied"


# -- HTML -----------------------------------------------------------------------------


def test_html_main_text_and_metadata() -> None:
    article = read_article(PAGE)
    assert article.format == "html"
    assert article.text.split("\n\n") == [
        "Kim Jong-un reçu à Vladivostok",
        "Le dirigeant nord-coréen Kim Jong-un est arrivé mardi à Vladivostok, où il doit rencontrer "
        "Vladimir Poutine pour discuter d'une coopération militaire entre les deux pays.",
        "Un sommet sous surveillance",
        "Washington a averti que toute livraison d'armes à la Russie violerait plusieurs résolutions "
        "du Conseil de sécurité des Nations unies, a indiqué le département d'État.",
        "« Nous suivons cette rencontre de très près », a déclaré un porte-parole de la Maison Blanche,"
        "\nselon l'agence Reuters.",
    ]
    for marker in ("Marker", "dataLayer", "font-family", "Accueil", "Commentaires", "©"):
        assert marker not in article.text
    assert (article.published, article.published_source, article.published_evidence) == (
        "2023-09-13",
        "html",
        None,
    )
    assert article.title == "Kim Jong-un reçu à Vladivostok"
    assert article.url == "https://quotidien.example/international/kim-vladivostok"
    assert article.source == "Le Quotidien du Nord"
    assert article.language == "fr"


def test_html_in_latin1_with_declared_charset(tmp_path: Path) -> None:
    markup = PAGE.read_text(encoding="utf-8").replace('charset="utf-8"', 'charset="iso-8859-1"')
    path = write(tmp_path, "page.htm", markup.encode("latin-1"))
    article = read_article(path)
    assert article.encoding == "iso8859-1"
    assert article.text == read_article(PAGE).text


def test_html_date_from_text_when_no_metadata(tmp_path: Path) -> None:
    body = (
        "<html><body><article><p>Publié le 03/04/2022 à 9h</p>"
        "<p>Le ministre des Affaires étrangères a reçu son homologue à Paris pour évoquer la guerre.</p>"
        "</article></body></html>"
    )
    article = read_article(write(tmp_path, "p.html", body))
    assert (article.published, article.published_source) == ("2022-04-03", "text")
    start, end = article.published_evidence
    assert article.text[start:end] == "Publié le 03/04/2022 à 9h"


def test_html_without_main_text(tmp_path: Path) -> None:
    path = write(tmp_path, "p.html", "<html><head><script>var a = 1;</script></head><body><nav></nav></body></html>")
    assert error_of(path) == f"{path}: no main text found in HTML page"


def test_html_sniffed_when_extension_is_unknown(tmp_path: Path) -> None:
    path = write(tmp_path, "page", PAGE.read_bytes())
    assert read_article(path).format == "html"


# -- sidecars and the publication date ------------------------------------------------


def test_sidecar_name() -> None:
    assert sidecar_path("seeds/000_x.txt") == Path("seeds/000_x.meta.json")
    assert sidecar_path("a.b.html") == Path("a.b.meta.json")


def test_sidecar_fields(tmp_path: Path) -> None:
    path = write(tmp_path, "a.txt", TEXT)
    meta = {"published": "2024-06-18", "url": "https://x.example/a", "title": "T", "source": "S", "language": "fr"}
    write(tmp_path, "a.meta.json", json.dumps(meta))
    article = read_article(path)
    assert (article.published, article.published_source) == ("2024-06-18", "sidecar")
    assert (article.url, article.title, article.source, article.language) == ("https://x.example/a", "T", "S", "fr")


def test_priority_argument_sidecar_html_text(tmp_path: Path) -> None:
    path = write(tmp_path, "page.html", PAGE.read_bytes())
    assert read_article(path).published_source == "html"
    write(tmp_path, "page.meta.json", '{"published": "2023-09-20", "title": "Titre du fichier"}')
    article = read_article(path)
    assert (article.published, article.published_source) == ("2023-09-20", "sidecar")
    assert article.title == "Titre du fichier"
    assert article.source == "Le Quotidien du Nord"  # what the sidecar does not say comes from the page
    article = read_article(path, published="2023-09-21")
    assert (article.published, article.published_source) == ("2023-09-21", "user")


def test_text_evidence_when_nothing_else(tmp_path: Path) -> None:
    text = "Séoul a réagi ce vendredi 15 septembre 2023 aux annonces de Moscou.\n"
    article = read_article(write(tmp_path, "a.txt", text))
    assert (article.published, article.published_source) == ("2023-09-15", "text")
    start, end = article.published_evidence
    assert text[start:end] == "ce vendredi 15 septembre 2023"


def test_no_date_is_invented(tmp_path: Path) -> None:
    article = read_article(write(tmp_path, "a.txt", "Le 12 mars 2021, le ministre a démissionné.\n"))
    assert (article.published, article.published_source, article.published_evidence) == (None, None, None)


def test_datetime_in_sidecar_keeps_the_date(tmp_path: Path) -> None:
    path = write(tmp_path, "a.txt", TEXT)
    write(tmp_path, "a.meta.json", '{"published": "2024-06-18T22:15:00+02:00"}')
    assert read_article(path).published == "2024-06-18"


BAD_SIDECARS = [
    (
        '{"published": "2024-06-18",}',
        "invalid JSON: Expecting property name enclosed in double quotes (line 1, column 28)",
    ),
    ("", "invalid JSON: Expecting value (line 1, column 1)"),
    ('["2024-06-18"]', "invalid sidecar (expected a JSON object)"),
    ('{"published": "18/06/2024"}', "invalid 'published' value '18/06/2024' (expected YYYY-MM-DD)"),
    ('{"published": "2024-02-30"}', "invalid 'published' value '2024-02-30' (expected YYYY-MM-DD)"),
    ('{"published": "2024-06-18\\nX"}', "invalid 'published' value '2024-06-18\\nX' (expected YYYY-MM-DD)"),
    ('{"title": 12}', "invalid 'title' value 12 (expected a string)"),
]


@pytest.mark.parametrize(("content", "reason"), BAD_SIDECARS)
def test_invalid_sidecar(tmp_path: Path, content: str, reason: str) -> None:
    path = write(tmp_path, "a.txt", TEXT)
    side = write(tmp_path, "a.meta.json", content)
    assert error_of(path) == f"{side}: {reason}"


def test_invalid_published_argument(tmp_path: Path) -> None:
    path = write(tmp_path, "a.txt", TEXT)
    assert error_of(path, published="hier") == f"{path}: invalid published date 'hier' (expected YYYY-MM-DD)"


def test_editing_the_sidecar_changes_the_hash(tmp_path: Path) -> None:
    path = write(tmp_path, "a.txt", TEXT)
    alone = read_article(path).sha256
    write(tmp_path, "a.meta.json", '{"published": "2024-06-18"}')
    first = read_article(path).sha256
    write(tmp_path, "a.meta.json", '{"published": "2024-06-19"}')
    second = read_article(path).sha256
    assert len({alone, first, second}) == 3
    assert read_article(path).sha256 == second  # and it is stable


# -- seeds ----------------------------------------------------------------------------


@pytest.mark.parametrize("path", sorted(SEEDS.glob("*.txt")), ids=lambda p: p.name)
def test_seeds(path: Path) -> None:
    article = read_article(path)
    meta = json.loads(sidecar_path(path).read_text(encoding="utf-8"))
    assert article.text == path.read_text(encoding="utf-8")
    assert (article.published, article.published_source, article.language) == (meta["published"], "sidecar", "fr")
    assert_offsets(article)


@settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")) | st.sampled_from("\n\r\t"), min_size=1))
def test_utf8_round_trip(tmp_path: Path, text: str) -> None:
    path = write(tmp_path, "h.txt", text.encode("utf-8"))
    if not text.strip() or text.startswith("\ufeff"):
        return
    article = read_article(path)
    assert article.text == text
    assert_offsets(article)
