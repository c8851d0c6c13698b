"""Click options generated from a provider's documented filters (its spec parameters).

Each filter becomes ``--<keyword with dashes>``: enums show and complete their allowed
values, integers and booleans convert, array filters repeat or take comma-separated
values, and the whole value is checked against the parameter's JSON schema (ranges,
patterns, formats) before any request, failing as a usage error.
"""

from __future__ import annotations

import re
import textwrap
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import click
from click.formatting import iter_rows, measure_table
from click.shell_completion import CompletionItem
from numberhub_spec import Parameter as Param

from numberhub._client_options import checked_base_url
from numberhub._errors import InvalidParameterError

__all__ = [
    "HELP_WIDTH",
    "FilterCommand",
    "SpecValue",
    "check_base_url",
    "filter_option",
    "option_name",
]

HELP_WIDTH = 80
"""The width a filter's option line is kept within, with its allowed values."""

_FORMAT_METAVARS = {"date": "YYYY-MM-DD", "date-time": "DATETIME", "uuid": "UUID"}


def check_base_url(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    """The click callback of ``--base-url``: a URL without a scheme is a usage error (exit 2)."""
    if value is None:
        return None
    try:
        return checked_base_url(value)
    except InvalidParameterError as exc:
        raise click.BadParameter(str(exc).removeprefix("base_url: "), ctx, param) from None


def _item_schema(param: Param) -> dict[str, Any]:
    items = param.schema.get("items") if param.is_array else param.schema
    return dict(items or {})


def _base_type(schema: Mapping[str, Any]) -> str:
    kind = schema.get("type", "string")
    if isinstance(kind, list):
        kind = next((k for k in kind if k != "null"), "string")
    return str(kind)


class SpecValue(click.ParamType):  # type: ignore[type-arg]  # generic only since click 8.2
    """One command-line value of a spec parameter, converted to its JSON type.

    Array parameters accept comma-separated values and give a list; enums are checked
    here for a precise message; everything else is checked by the option's callback.
    """

    def __init__(self, param: Param, *, spell_out: bool = True) -> None:
        self.param = param
        self.schema = _item_schema(param)
        self.kind = _base_type(self.schema)
        self.choices: tuple[Any, ...] = tuple(self.schema.get("enum", ()))
        self.name = self.kind
        self.spell_out = spell_out

    def get_metavar(self, param: click.Parameter, ctx: click.Context) -> str | None:
        """``[a|b|c]`` for enums (``CHOICE`` when too long), else the format or type.

        Array parameters add ``[,...]``.
        """
        return self.metavar()

    def metavar(self) -> str:
        """What `get_metavar` shows."""
        if self.choices and not self.spell_out:
            text = "CHOICE"
        elif self.choices:
            text = "[" + "|".join(str(c) for c in self.choices) + "]"
        else:
            text = _FORMAT_METAVARS.get(str(self.schema.get("format")), self.kind.upper())
            if self.kind == "string" and text == "STRING":
                text = "TEXT"
        return f"{text}[,...]" if self.param.is_array else text

    def _one(self, token: str, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        value: Any = token
        if self.kind == "integer":
            try:
                value = int(token)
            except ValueError:
                self.fail(f"{token!r} is not an integer", param, ctx)
        elif self.kind == "number":
            try:
                value = float(token)
            except ValueError:
                self.fail(f"{token!r} is not a number", param, ctx)
        if self.choices and value not in self.choices:
            allowed = ", ".join(str(c) for c in self.choices)
            self.fail(f"{token!r} is not one of {allowed}", param, ctx)
        return value

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        """A scalar, or a list for array parameters."""
        if not isinstance(value, str):
            return value
        if not self.param.is_array:
            return self._one(value, param, ctx)
        tokens = [t.strip() for t in value.split(",") if t.strip()]
        if not tokens:
            self.fail("no value given", param, ctx)
        return [self._one(t, param, ctx) for t in tokens]

    def shell_complete(
        self, ctx: click.Context, param: click.Parameter, incomplete: str
    ) -> list[CompletionItem]:
        """The allowed values that start with what was typed."""
        return [CompletionItem(str(c)) for c in self.choices if str(c).startswith(incomplete)]


def _check(param: Param) -> Any:
    """The option callback: flattens repeated array values and validates the whole value."""

    def callback(ctx: click.Context, option: click.Parameter, value: Any) -> Any:
        if param.is_array:
            flat = [v for part in value or () for v in part]
            value = flat or None
        if value is None:
            return None
        problems = param.problems(value)
        if problems:
            raise click.BadParameter("; ".join(problems), ctx=ctx, param=option)
        return value

    return callback


_URL = re.compile(r"\s*\(?<?https?://[^\s)>]*>?\)?")
_SENTENCE_END = re.compile(r"(?<!\be\.g)(?<!\bi\.e)(?<!\betc)(?<!\bvs)[.!?](?=\s|$)")


def first_sentence(description: str) -> str:
    """The first sentence of a spec description, without URLs (research notes stay in the spec)."""
    text = " ".join(_URL.sub("", description.split("\n\n")[0]).split())
    end = _SENTENCE_END.search(text)
    return text[: end.end()] if end else text


def _help(param: Param, requires: Iterable[str], allowed: Sequence[Any] = ()) -> str:
    text = first_sentence(param.description)
    if allowed:
        text = f"{text.rstrip('.')}. One of: {', '.join(str(v) for v in allowed)}."
    notes = []
    if param.is_array:
        notes.append("repeatable or comma-separated")
    needed = [option_name(r) for r in requires]
    if needed:
        notes.append("needs " + ", ".join(needed))
    if not notes:
        return text
    return f"{text.rstrip('.')} ({'; '.join(notes)})."


def option_name(keyword: str) -> str:
    """The option of a keyword argument: ``country_codes`` -> ``--country-codes``."""
    return "--" + keyword.replace("_", "-")


def filter_option(keyword: str, param: Param, requires: Iterable[str] = ()) -> click.Option:
    """The click option of one filter.

    Args:
        keyword: The filter's ``list_numbers`` keyword (the click parameter name).
        param: Its spec parameter.
        requires: Keywords of the filters it needs alongside.
    """
    value = SpecValue(param)
    shown = f"  {option_name(keyword)} {value.metavar()}"
    value.spell_out = len(shown) <= HELP_WIDTH
    help_text = _help(param, requires, () if value.spell_out else value.choices)
    if _base_type(param.schema) == "boolean":
        flag = option_name(keyword)
        return click.Option(
            [f"{flag}/--no-{flag[2:]}", keyword],
            default=None,
            help=help_text,
            callback=_check(param),
        )
    return click.Option(
        [option_name(keyword), keyword],
        type=value,
        multiple=param.is_array,
        default=None,
        help=help_text,
        callback=_check(param),
    )


class _WholeWords(click.HelpFormatter):
    """Click's help layout, wrapped at spaces only: no word, value or hyphenated name cut."""

    def write_dl(
        self, rows: Iterable[tuple[str, str]], col_max: int = 30, col_spacing: int = 2
    ) -> None:
        """Write option rows as click does, wrapping their help at spaces only."""
        rows = list(rows)
        widths = measure_table(rows)
        first_col = min(widths[0], col_max) + col_spacing
        for first, second in iter_rows(rows, len(widths)):
            self.write(f"{'':>{self.current_indent}}{first}")
            if not second:
                self.write("\n")
                continue
            shown = len(click.unstyle(first))
            if shown <= first_col - col_spacing:
                self.write(" " * (first_col - shown))
            else:
                self.write("\n" + " " * (first_col + self.current_indent))
            width = max(self.width - first_col - 2, 10)
            lines = textwrap.wrap(second, width, break_long_words=False, break_on_hyphens=False)
            self.write(f"{lines[0] if lines else ''}\n")
            for line in lines[1:]:
                self.write(f"{'':>{first_col + self.current_indent}}{line}\n")


class _WholeWordsContext(click.Context):
    formatter_class = _WholeWords


class FilterCommand(click.Command):
    """A command with filter options, whose ``--help`` wraps at spaces only."""

    context_class = _WholeWordsContext
