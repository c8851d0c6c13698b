"""Click options generated from a provider's documented filters (its spec parameters).

Each filter becomes ``--<keyword with dashes>``: enums show and complete their allowed
values, integers and booleans convert, array filters repeat or take comma-separated
values, and the whole value is checked against the parameter's JSON schema (ranges,
patterns, formats) before any request, failing as a usage error.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

import click
from click.shell_completion import CompletionItem
from numberhub_spec import Parameter as Param

from numberhub._client_options import checked_base_url
from numberhub._errors import InvalidParameterError

__all__ = ["SpecValue", "check_base_url", "filter_option", "option_name"]

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

    def __init__(self, param: Param) -> None:
        self.param = param
        self.schema = _item_schema(param)
        self.kind = _base_type(self.schema)
        self.choices: tuple[Any, ...] = tuple(self.schema.get("enum", ()))
        self.name = self.kind

    def get_metavar(self, param: click.Parameter, ctx: click.Context) -> str | None:
        """``[a|b|c]`` for enums, else the format or type, with ``,...`` for arrays."""
        if self.choices:
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


def _help(param: Param, requires: Iterable[str]) -> str:
    text = param.description.split("\n\n")[0].replace("\n", " ").strip()
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
    help_text = _help(param, requires)
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
        type=SpecValue(param),
        multiple=param.is_array,
        default=None,
        help=help_text,
        callback=_check(param),
    )
