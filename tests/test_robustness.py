"""Issue 6: whatever a crawler saved, `kg build` says one line per odd file, builds the
others, and its exit code tells whether anything was skipped."""

from __future__ import annotations

import json
import os
import shutil

import pytest
from click.testing import CliRunner

from kg.cli import cli
from tests.conftest import seed_path

FRENCH = ("Le maire de Lyon a déclaré lundi que « la ville investira dans les transports », "
          "selon un communiqué publié le 3 mars 2024. Les travaux commenceront en septembre.\n")
ENGLISH = ("The mayor of Lyon said on Monday that the city would invest in public transport, according "
           "to a statement released on March 3, 2024. Work will begin in September, officials said.\n")


def build(tmp_path, folder, *extra):
    result = CliRunner().invoke(cli, ["build", "--store", str(tmp_path / "store"), *extra, str(folder)])
    lines = result.stderr.splitlines()
    stats = CliRunner().invoke(cli, ["stats", "--store", str(tmp_path / "store"), "--json"])
    articles = json.loads(stats.stdout)["articles"] if stats.exit_code == 0 else 0
    return result.exit_code, lines, articles


def lines_about(lines, name):
    return [line for line in lines if name in line]


@pytest.fixture
def corpus(tmp_path):
    folder = tmp_path / "corpus"
    folder.mkdir()
    shutil.copy(seed_path("003"), folder / "good.txt")
    return folder


# (file name, bytes, expected start of its one line, or None for no line)
CASES = [
    ("empty.txt", b"", "error: {p}: empty file; skipped"),
    ("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200), "error: {p}: binary file (PNG image); skipped"),
    ("report.txt", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n" + bytes(100),
     "error: {p}: binary file (PDF document); skipped"),
    ("latin1.txt", FRENCH.replace("«", "").replace("»", "").encode("latin-1"),
     "note: {p}: decoded as Latin-1 (not UTF-8)"),
    ("cp1252.txt", (FRENCH + "Il a dit : “c’est fait” – enfin…\n").encode("cp1252"),
     "note: {p}: decoded as Windows-1252 (not UTF-8)"),
    ("bom.txt", b"\xef\xbb\xbf" + FRENCH.encode(), "note: {p}: UTF-8 byte-order mark dropped"),
    ("crlf.txt", FRENCH.replace("\n", "\r\n").encode() * 2, "note: {p}: Windows line ends (CRLF) kept"),
    ("english.txt", ENGLISH.encode(), "warning: {p}: looks like 'en', not French"),
    ("quotes.txt", "« Il a dit « non » puis « oui, a-t-il ajouté. » » Selon « lui, “rien” ».\n« ouvert\n".encode(),
     None),
    ("page.html", b"<html><head><style>p{color:red}</style><script>var x='Poutine a dit';</script></head><body>"
     b"<article><p>" + FRENCH.encode() + b"</p><p>" + FRENCH.encode() + b"</p></article></body></html>",
     "note: {p}: HTML: main text kept"),
]


@pytest.mark.parametrize("name, data, expected", CASES, ids=[c[0] for c in CASES])
def test_each_odd_file_gets_one_line_and_the_rest_builds(tmp_path, corpus, name, data, expected):
    path = corpus / name
    path.write_bytes(data)
    code, lines, articles = build(tmp_path, corpus)
    about = lines_about(lines, name)
    if expected is None:
        assert about == []
    else:
        assert len(about) == 1 and about[0].startswith(expected.format(p=path)), lines
    failed = expected is not None and expected.startswith("error")
    assert code == (1 if failed else 0)
    assert articles == (1 if failed else 2)


def test_html_scripts_and_styles_never_reach_the_text(tmp_path, corpus):
    from kg.ingest import read_article

    path = corpus / "page.html"
    path.write_bytes(dict((c[0], c[1]) for c in CASES)["page.html"])
    text = read_article(path).text
    assert "Le maire de Lyon" in text and "color:red" not in text and "var x" not in text


def test_a_50_mb_file_is_skipped_before_it_is_read(tmp_path, corpus):
    big = corpus / "dump.txt"
    with big.open("wb") as f:
        for _ in range(50):
            f.write(FRENCH.encode() * (1_000_000 // len(FRENCH.encode()) + 1))
    code, lines, articles = build(tmp_path, corpus)
    assert lines_about(lines, "dump.txt") == [
        f"error: {big}: skipped: {big.stat().st_size / 1e6:.1f} MB is over the 500 kB limit for one article "
        "(split it, or raise --max-bytes)"]
    assert (code, articles) == (1, 1)


def test_max_bytes_can_be_raised(tmp_path, corpus):
    (corpus / "long.txt").write_bytes(FRENCH.encode() * 40)  # ~7 kB
    code, lines, _ = build(tmp_path, corpus, "--max-bytes", "1000")
    assert code == 1 and lines_about(lines, "long.txt")[0].startswith("error:")
    code, lines, articles = build(tmp_path, corpus, "--max-bytes", "100000")
    assert (code, articles) == (0, 2)


def test_symlink_loop_is_followed_once(tmp_path, corpus):
    (corpus / "sub").mkdir()
    shutil.copy(seed_path("004"), corpus / "sub" / "other.txt")
    os.symlink(corpus, corpus / "sub" / "loop")
    code, lines, articles = build(tmp_path, corpus)
    assert (code, articles) == (0, 2)


def test_a_file_that_disappears_mid_build(tmp_path, corpus, monkeypatch):
    import kg.build as kb

    shutil.copy(seed_path("004"), corpus / "gone.txt")
    real = kb.iter_input_paths

    def listed_then_deleted(paths, errors=None):
        found = list(real(paths, errors))
        (corpus / "gone.txt").unlink()  # deleted between listing and reading
        return iter(found)

    monkeypatch.setattr(kb, "iter_input_paths", listed_then_deleted)
    code, lines, articles = build(tmp_path, corpus)
    assert lines_about(lines, "gone.txt") == [f"error: {corpus / 'gone.txt'}: no such file or directory; skipped"]
    assert (code, articles) == (1, 1)


def test_an_unreadable_folder_is_reported_and_its_siblings_build(tmp_path, corpus, monkeypatch):
    locked = corpus / "locked"
    locked.mkdir()
    shutil.copy(seed_path("004"), locked / "secret.txt")
    real_scandir = os.scandir

    def scandir(path):  # the test runs as root, for whom chmod 000 does not lock anything
        if os.path.realpath(path) == os.path.realpath(locked):
            raise PermissionError(13, "Permission denied")
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    code, lines, articles = build(tmp_path, corpus)
    assert lines_about(lines, "locked") == [f"error: {locked}: cannot list folder (Permission denied); skipped"]
    assert (code, articles) == (1, 1)


def test_quiet_hides_notes_but_not_warnings(tmp_path, corpus):
    (corpus / "latin1.txt").write_bytes(FRENCH.replace("«", "").replace("»", "").encode("latin-1"))
    (corpus / "english.txt").write_bytes(ENGLISH.encode())
    code, lines, _ = build(tmp_path, corpus, "-q")
    assert code == 0
    assert [line.split(":")[0] for line in lines] == ["warning"]


def test_nothing_stored_is_lost_when_a_later_build_meets_bad_files(tmp_path, corpus):
    code, _, articles = build(tmp_path, corpus)
    assert (code, articles) == (0, 1)
    (corpus / "good.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(50))  # the same article, now garbage
    code, lines, articles = build(tmp_path, corpus)
    assert code == 1 and articles == 1  # the stored version stays


def _files(root):
    return {p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file()}


def test_commands_write_only_the_store_exports_and_given_paths(tmp_path, corpus, monkeypatch):
    """Run every writing command from a scratch folder: new files appear only in the
    store, in exports/ and at the -o path the user gave."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("KG_STORE", raising=False)
    before = _files(tmp_path)
    runner = CliRunner()
    commands = [
        ["build", "-q", str(corpus)],
        ["stats"],
        ["validate"],
        ["query", "who-said-what", "--format", "csv"],
        ["claims", "--topic", "sanctions"],
        ["export", "graphml"],
        ["export", "gexf", "--view", "events"],
        ["export", "csv"],
        ["export", "trig"],
        ["export", "graphml", "-o", "mine/out.graphml"],
        ["extract", str(corpus / "good.txt")],
    ]
    for command in commands:
        result = runner.invoke(cli, command)
        assert result.exit_code == 0, (command, result.output)
    new = _files(tmp_path) - before
    assert new, "the build wrote nothing"
    outside = {f for f in new if not f.startswith((".kg/", "exports/", "mine/"))}
    assert not outside, outside
    assert "mine/out.graphml" in new and "exports/actors.graphml" in new


def test_a_mention_cut_across_two_sentences_of_a_damaged_page_extracts(pipeline):
    """Found by the property test: "ParisVladimir Po…" glued to a caption gives a mention whose span the
    parser cannot climb (spaCy's Span.root raises E039); the outlet finder must read it anyway."""
    from kg.ingest import text_article

    text = ("absence\n\nTemps de lecture: 2 minutes\nPar Pierre Martin\n- dans\nDrapeaux nord-coréen et russe avec "
            "du matériel militaire.\n\nParisVladimir Porend en Corée du Nord pour la première fois depuis 24 ans. "
            "Il souh")
    x = pipeline.extract(text_article(text, "p", None))
    assert all(text[m.start:m.end] == m.text for m in x.mentions)
    assert all(text[e.trigger_start:e.trigger_end] == e.trigger for e in x.events)
