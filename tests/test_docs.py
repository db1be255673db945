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
