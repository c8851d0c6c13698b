"""The ``numberhub`` command line.

Subcommands live in sibling modules and are imported only when invoked, so that
``numberhub --help`` and every command start fast. To add one, write
``numberhub/cli/<name>.py`` with a click command and add one line to ``COMMANDS``.
"""

from __future__ import annotations

import importlib

import click

from numberhub import __version__

__all__ = ["COMMANDS", "main"]

COMMANDS: dict[str, tuple[str, str]] = {
    # name: (module:attribute, one-line help shown by --help)
    "mock": ("numberhub.cli.mock:mock", "Run the spec-driven mock of every provider."),
}


class LazyGroup(click.Group):
    """A click group whose commands are imported on first use (from ``COMMANDS``)."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*super().list_commands(ctx), *COMMANDS})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name in COMMANDS:
            target, _ = COMMANDS[cmd_name]
            module_name, _, attr = target.partition(":")
            command = getattr(importlib.import_module(module_name), attr)
            if not isinstance(command, click.Command):
                raise TypeError(f"{target} is not a click command")
            return command
        return super().get_command(ctx, cmd_name)

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        rows = [(name, COMMANDS[name][1]) for name in sorted(COMMANDS)]
        rows += [
            (name, cmd.get_short_help_str())
            for name, cmd in sorted(self.commands.items())
            if name not in COMMANDS
        ]
        if rows:
            with formatter.section("Commands"):
                formatter.write_dl(rows)


@click.group(cls=LazyGroup)
@click.version_option(__version__, prog_name="numberhub")
def main() -> None:
    """numberhub: phone-number inventories across providers."""
