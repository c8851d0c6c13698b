"""What the CLI knows about each provider, read from its spec and its wrapper module.

One mechanism serves all providers: the filters, credentials, paging style, page-size
range and rate limit shown by ``numberhub providers`` and turned into the options of
``numberhub list PROVIDER`` all come from here, never from per-provider code in the CLI.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from typing import Any

import attrs

from numberhub._client import SyncClient, sync_class
from numberhub._paging import Plan, plans_for
from numberhub._schema import Param, request_params
from numberhub._specs import operation, provider_names
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
            mode = plans_for(self.name)[True]
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


@functools.cache
def provider_info(name: str) -> ProviderInfo:
    """The `ProviderInfo` of the provider called ``name``.

    Raises:
        LookupError: No such provider.
    """
    cls = sync_class(name)
    op = operation(name)
    plans = plans_for(name)
    plan = plans[False]
    page_size = None
    if "limit" in plan.inputs:
        limit_name = plan.inputs["limit"][0]
        schema = request_params(name)[limit_name].schema
        page_size = (limit_name, schema.get("minimum"), schema.get("maximum"))
    return ProviderInfo(
        name=name,
        display_name=cls.provider.display_name,
        lists=cls.provider.ownership,
        client_class=cls,
        credentials=tuple(cls.provider.credentials),
        filters=cls.filter_params(),
        plan=plan,
        mode_switch=plans[True].switch if True in plans else None,
        page_size=page_size,
        rate_limit=op.extension("x-numberhub-rate-limit"),
        method=op.method.upper(),
        path=op.path,
    )


def all_providers() -> list[ProviderInfo]:
    """Every provider with a spec, sorted by name."""
    return [provider_info(name) for name in provider_names()]
