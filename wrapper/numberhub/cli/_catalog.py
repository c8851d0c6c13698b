"""What the CLI knows about each provider, read from its spec (`numberhub_spec`).

One mechanism serves all providers: the filters, credentials, paging style, page-size
range and rate limit shown by ``numberhub providers`` and turned into the options of
``numberhub list PROVIDER`` all come from here, never from per-provider code in the CLI.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Mapping
from typing import Any

import attrs
import numberhub_spec
from numberhub_spec import CredentialSpec, PagingPlan, Parameter, RateLimitSpec, provider_names

from numberhub._client import SyncClient, client_class

__all__ = ["ProviderInfo", "all_providers", "provider_info", "unknown_provider"]


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
    credentials: tuple[CredentialSpec, ...]
    filters: Mapping[str, Parameter]
    plan: PagingPlan
    mode_switch: str | None
    page_size: tuple[str, int | None, int | None] | None
    rate_limit: RateLimitSpec | None
    method: str
    path: str
    cursor_plan: PagingPlan | None = None

    @property
    def env_vars(self) -> tuple[str, ...]:
        """The environment variables holding the credentials, in constructor order."""
        return tuple(c.env for c in self.credentials)

    def paging_summary(self) -> str:
        """The paging style in a few words, e.g. ``offset (offset, limit)``."""
        plan = self.plan
        names = ", ".join(i.name for i in plan.inputs.values())
        body = any(i.location == "body" for i in plan.inputs.values())
        text = f"{plan.style} ({names}{' in the JSON body' if body else ''})"
        if self.mode_switch and self.cursor_plan is not None:
            cursor = self.cursor_plan.name_of("cursor")
            text += f"; or cursor ({cursor}) with {self.mode_switch}=true"
        return text

    def rate_limit_summary(self) -> str:
        """The documented rate limit in words, or ``not published``."""
        limit = self.rate_limit
        if limit is None:
            return "not published"
        per = limit.per_seconds
        window = "second" if per == 1 else f"{per:g} seconds"
        text = f"{limit.requests} per {window}" + (f" per {limit.scope}" if limit.scope else "")
        return f"{text} ({limit.note})" if limit.note else text


def provider_info(name: str) -> ProviderInfo:
    """The `ProviderInfo` of the provider called ``name``.

    Raises:
        LookupError: No such provider.
    """
    spec = numberhub_spec.load(name)
    plan = spec.plan()
    page_size = None
    limit_name = plan.name_of("limit")
    if limit_name is not None:
        schema = spec.operation.parameter(limit_name).schema
        page_size = (limit_name, schema.get("minimum"), schema.get("maximum"))
    cursor_plan = spec.plans.get(True)
    return ProviderInfo(
        name=name,
        display_name=spec.display_name,
        lists=spec.lists,
        client_class=client_class(name),
        credentials=spec.credentials,
        filters=spec.filters,
        plan=plan,
        mode_switch=cursor_plan.switch if cursor_plan else None,
        page_size=page_size,
        rate_limit=spec.rate_limit,
        method=spec.operation.method,
        path=spec.operation.path,
        cursor_plan=cursor_plan,
    )


def all_providers() -> list[ProviderInfo]:
    """Every provider with a spec, sorted by name."""
    return [provider_info(name) for name in provider_names()]


def unknown_provider(name: str, known: Iterable[str] | None = None) -> str:
    """The message for a provider with no spec: the known ones, and the closest to ``name``."""
    names = sorted(known if known is not None else provider_names())
    if not names:
        return f"unknown provider {name!r}: no provider specs found"
    closest = max(names, key=lambda n: difflib.SequenceMatcher(None, name.lower(), n).ratio())
    return f"unknown provider {name!r}; did you mean {closest!r}? Known: {', '.join(names)}"
