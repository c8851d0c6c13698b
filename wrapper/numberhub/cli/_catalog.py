"""What the CLI knows about each provider, read from its spec and its wrapper module.

One mechanism serves all providers: the filters, credentials, paging style, page-size
range and rate limit shown by ``numberhub providers`` and turned into the options of
``numberhub list PROVIDER`` all come from here, never from per-provider code in the CLI.
"""

from __future__ import annotations

import functools
import importlib
from collections.abc import Mapping
from typing import Any

import attrs

from numberhub._client import SyncClient
from numberhub._paging import Plan, plan_for
from numberhub._schema import Param, request_params
from numberhub._specs import load_spec, operation, provider_names
from numberhub.providers._base import Credential, Provider

__all__ = ["ProviderInfo", "all_providers", "provider_info"]


@attrs.frozen
class ProviderInfo:
    """One provider as the CLI presents it.

    Attributes:
        name: The provider key (``plivo``).
        display_name: How the provider calls itself (``Plivo``).
        lists: ``owned`` (the account's numbers) or ``available`` (numbers to buy).
        client_class: The wrapper's sync client class (``numberhub.Plivo``).
        credentials: Constructor arguments read from environment variables.
        filters: ``list_numbers`` keyword -> its spec parameter, in spec order.
        plan: How the default listing pages.
        mode_switch: A parameter switching to a second paging mode (Rounded's
            ``use_cursor``), or None.
        page_size: The page-size parameter (spec name) and its ``(minimum, maximum)``.
        rate_limit: The documented ``x-numberhub-rate-limit``, or None.
        method: The HTTP method of the list operation.
        path: The path of the list operation.
    """

    name: str
    display_name: str
    lists: str
    client_class: type[SyncClient[Any]]
    credentials: tuple[Credential, ...]
    filters: Mapping[str, Param]
    plan: Plan
    mode_switch: str | None
    page_size: tuple[str, int | None, int | None] | None
    rate_limit: Mapping[str, Any] | None
    method: str
    path: str

    @property
    def provider(self) -> Provider:
        """The wrapper's normaliser of this provider's items."""
        return self.client_class.provider

    @property
    def env_vars(self) -> tuple[str, ...]:
        """The environment variables holding the credentials, in constructor order."""
        return tuple(c.env for c in self.credentials)

    def paging_summary(self) -> str:
        """The paging style in a few words, e.g. ``offset (offset, limit)``."""
        plan = self.plan
        names = ", ".join(name for name, _ in plan.inputs.values())
        where = " in the JSON body" if any(loc == "body" for _, loc in plan.inputs.values()) else ""
        text = f"{plan.style} ({names}{where})"
        if self.mode_switch:
            mode = plan_for(self.name, cursor_mode=True)
            cursor = next(name for kind, (name, _) in mode.inputs.items() if kind == "cursor")
            text += f"; or cursor ({cursor}) with {self.mode_switch}=true"
        return text

    def rate_limit_summary(self) -> str:
        """The documented rate limit in words, or ``not published``."""
        limit = self.rate_limit
        if not limit:
            return "not published"
        per = limit["per_seconds"]
        window = "second" if per == 1 else f"{per:g} seconds"
        text = f"{limit['requests']} per {window} per {limit['scope']}"
        return f"{text} ({limit['note']})" if limit.get("note") else text


def _client_class(name: str) -> type[SyncClient[Any]]:
    module = importlib.import_module(f"numberhub.providers.{name}")
    for value in vars(module).values():
        if (
            isinstance(value, type)
            and issubclass(value, SyncClient)
            and "provider" in value.__dict__
            and value.provider.name == name
        ):
            return value
    raise LookupError(f"numberhub.providers.{name} defines no sync client")


def _filters(name: str, provider: Provider, plans: list[Plan]) -> dict[str, Param]:
    """The filters ``list_numbers`` takes, under their Python keywords.

    They are the operation's query and body parameters that are neither paging inputs
    nor deprecated (what the wrapper's ``filters()`` returns, without needing credentials).
    """
    paging = set().union(*(plan.input_names() for plan in plans))
    reverse = {spec: py for py, spec in provider.aliases.items()}
    return {
        reverse.get(spec_name, spec_name): param
        for spec_name, param in request_params(name).items()
        if param.location in ("query", "body")
        and spec_name not in paging
        and not param.schema.get("deprecated")
    }


@functools.cache
def provider_info(name: str) -> ProviderInfo:
    """The `ProviderInfo` of the provider called ``name``.

    Raises:
        LookupError: No such provider.
    """
    if name not in provider_names():
        raise LookupError(f"no provider {name!r}; known: {', '.join(provider_names())}")
    spec = load_spec(name)
    meta = spec["info"]["x-numberhub-provider"]
    op = operation(name)
    cls = _client_class(name)
    plan = plan_for(name)
    mode = (op.extension("x-numberhub-pagination") or {}).get("cursor_mode")
    plans = [plan, plan_for(name, cursor_mode=True)] if mode else [plan]
    page_size = None
    if "limit" in plan.inputs:
        limit_name = plan.inputs["limit"][0]
        schema = request_params(name)[limit_name].schema
        page_size = (limit_name, schema.get("minimum"), schema.get("maximum"))
    return ProviderInfo(
        name=name,
        display_name=str(meta["display_name"]),
        lists=str(meta["lists"]),
        client_class=cls,
        credentials=tuple(cls.provider.credentials),
        filters=_filters(name, cls.provider, plans),
        plan=plan,
        mode_switch=mode["switch"] if mode else None,
        page_size=page_size,
        rate_limit=op.extension("x-numberhub-rate-limit"),
        method=op.method.upper(),
        path=op.path,
    )


def all_providers() -> list[ProviderInfo]:
    """Every provider with a spec, sorted by name."""
    return [provider_info(name) for name in provider_names()]
