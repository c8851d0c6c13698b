"""The ``numberhub`` command line.

Subcommands live in sibling modules and are imported only when invoked, so that
``numberhub --help`` and every command start fast. To add one, write
``numberhub/cli/<name>.py`` with a click command and add one line to ``COMMANDS``.

Every failure is reported as one line on stderr with an exit code per kind (see
``numberhub.cli._errors``); ``--debug`` adds the traceback and the wrapper's debug log.
"""

from __future__ import annotations

import importlib
import logging
import os
import sys
import traceback
import warnings
from typing import Any, TextIO

import click

from numberhub import __version__
from numberhub.cli._errors import EXIT_INTERRUPTED, CliError, from_exception

__all__ = ["COMMANDS", "main"]

COMMANDS: dict[str, tuple[str, str]] = {
    # name: (module:attribute, one-line help shown by --help)
    "check": ("numberhub.cli.check:check", "Check providers' answers against their specs."),
    "demo": ("numberhub.cli.demo:demo", "List every provider from the built-in mock."),
    "list": ("numberhub.cli.listing:list_numbers", "List a provider's numbers."),
    "mock": ("numberhub.cli.mock:mock", "Run the spec-driven mock of every provider."),
    "providers": ("numberhub.cli.providers:providers", "The providers and how they work."),
    "spec": ("numberhub.cli.spec:spec", "Compare spec versions: what a change does to users."),
}

EPILOG = """Exit codes: 0 success, 1 internal error, 2 usage or bad input, 3 authentication,
4 provider error (rate limit exhausted, 5xx, bad answer), 5 network, 6 drift (check found
answers that differ from the spec), 7 incomplete listing, 8 breaking spec change, 9 could
not serve (mock), 130 interrupted (Ctrl-C). Shell completion: see the README (bash, zsh,
fish)."""


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

    def invoke(self, ctx: click.Context) -> Any:
        """Run the command; turn every failure into one line and its exit code."""
        try:
            with warnings.catch_warnings():
                warnings.showwarning = _show_warning
                return super().invoke(ctx)
        except (click.exceptions.Exit, click.Abort, CliError):
            raise
        except click.UsageError as exc:
            if type(exc).__name__ == "NoArgsIsHelpError":  # click >= 8.2: prints the help
                raise
            raise from_exception(exc) from None
        except BrokenPipeError:
            _silence_stdout()
            raise click.exceptions.Exit(0) from None
        except KeyboardInterrupt:
            # Ctrl-C: the output is already closed into a valid document; exit like a
            # shell does on SIGINT (128 + 2), not click's "Aborted!" and 1.
            raise CliError("interrupted", EXIT_INTERRUPTED) from None
        except Exception as exc:
            if ctx.params.get("debug"):
                traceback.print_exc(file=sys.stderr)
            raise from_exception(exc) from None


def _show_warning(
    message: Warning | str,
    category: type[Warning],
    filename: str,
    lineno: int,
    file: TextIO | None = None,
    line: str | None = None,
) -> None:
    """Warnings as one line on stderr, like errors (``numberhub: warning: ...``)."""
    click.echo(f"numberhub: warning: {message}", err=True)


def _silence_stdout() -> None:
    """After the reader of stdout went away (``| head``), drop what is still buffered."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):  # not a real file (e.g. under CliRunner)
        pass


HELP = """numberhub: phone-number inventories across providers.

\b
numberhub demo                      every provider, from the built-in mock
numberhub providers                 what each provider lists, auth, paging, limits
numberhub list plivo --help         a provider's filters (generated from its spec)
numberhub list plivo --mock --type local --format csv
numberhub check plivo               does Plivo still answer as its spec says?
numberhub mock --port 4010          the mock server, for your own tests
"""


@click.group(cls=LazyGroup, help=HELP, epilog=EPILOG)
@click.version_option(__version__, prog_name="numberhub")
@click.option("--debug", is_flag=True, envvar="NUMBERHUB_DEBUG",
              help="Show tracebacks and the wrapper's debug log on stderr.")  # fmt: skip
def main(debug: bool) -> None:
    """The ``numberhub`` command group (see ``HELP``)."""
    if debug:
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(logging.Formatter("%(name)s %(levelname)s %(message)s"))
        log = logging.getLogger("numberhub")
        log.addHandler(handler)
        log.setLevel(logging.DEBUG)
