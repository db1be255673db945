"""Meta-tests: every command is documented in the README and has help; docs name real modules."""

import re

import pytest
from click.testing import CliRunner

from kg.cli import cli
from tests.conftest import ROOT

README = (ROOT / "README.md").read_text("utf-8")
ARCHITECTURE = (ROOT / "docs" / "architecture.md").read_text("utf-8")


@pytest.mark.parametrize("name", sorted(cli.commands))
def test_command_in_readme_with_help(name):
    assert f"kg {name}" in README
    result = CliRunner().invoke(cli, [name, "--help"])
    assert result.exit_code == 0
    assert cli.commands[name].help and len(cli.commands[name].help.strip()) > 20


def test_readme_opens_with_the_two_setup_commands():
    block = README.split("```")[1]
    assert "make run" in block and "make test" in block


def test_architecture_names_existing_modules():
    for path in re.findall(r"\*\*`(kg/[\w/]+\.py)`\*\*", ARCHITECTURE):
        assert (ROOT / path).exists(), path
    modules = {p.relative_to(ROOT).as_posix() for p in (ROOT / "kg").rglob("*.py") if p.name != "__init__.py"}
    undocumented = {m for m in modules if m not in ARCHITECTURE and m.rsplit("/", 1)[0] + "/" not in ARCHITECTURE}
    assert not undocumented, f"modules missing from docs/architecture.md: {sorted(undocumented)}"


def test_readme_make_run_sample_is_the_real_answer(seed_store_path):
    """The README shows the first lines `make run` prints for "who said what about sanctions"."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text[text.index("## What `make run` prints"):]
    sample = section.split("```\n", 2)[1].split("\n…\n")[0].splitlines()
    real = CliRunner().invoke(cli, ["claims", "--topic", "sanctions", "--store", str(seed_store_path)]).output
    assert len(sample) >= 4 and real.splitlines()[: len(sample)] == sample


def test_queries_doc_tables_are_real(seed_store_path):
    """Every "`kg query …` (N rows on the seeds…)" of docs/queries.md and the table under it are
    what the query prints (`--format md`): its row count and its first rows."""
    import shlex

    text = (ROOT / "docs" / "queries.md").read_text(encoding="utf-8")
    shown = re.findall(r"`kg query ([^`]+)` \((\d+) rows? on the seeds[^)]*\):\n\n((?:\|.*\n)+)", text)
    assert len(shown) >= 5
    for command, rows, table in shown:
        out = CliRunner().invoke(cli, ["query", *shlex.split(command), "--format", "md", "--store", str(seed_store_path)])
        assert out.exit_code == 0, out.output
        real = out.stdout.splitlines()  # stderr may say how many rows a query hid
        assert len(real) - 2 == int(rows), f"docs/queries.md: `kg query {command}` says {rows} rows, returns {len(real) - 2}"
        assert table.splitlines() == real[: len(table.splitlines())], f"docs/queries.md: table of `kg query {command}`"
