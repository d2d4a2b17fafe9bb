"""Documentation that tests itself: every command and option of the CLI is in the README."""
import re
from pathlib import Path

import typer

from armsledger.cli import app
from armsledger.cli.app import register_commands

register_commands()

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")


def test_readme_opens_with_the_two_commands():
    first_block = re.search(r"```sh\n(.*?)```", README, re.S).group(1)
    assert first_block.splitlines()[0].startswith("make run")
    assert first_block.splitlines()[1].startswith("make test")


def _commands(group, prefix="armsledger"):
    """(full name, command) of every command, those of sub-groups (`armsledger deals show`) included."""
    for name, command in group.commands.items():
        yield f"{prefix} {name}", command
        if hasattr(command, "commands"):
            yield from _commands(command, f"{prefix} {name}")


def test_every_command_and_option_is_documented():
    group = typer.main.get_command(app)
    assert group.commands, "no command registered"
    for name, command in _commands(group):
        assert name in README, name
        for param in command.params:
            for opt in getattr(param, "opts", []):
                if opt.startswith("--"):
                    assert opt in README, f"{name} {opt}"
