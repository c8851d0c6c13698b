"""Strict in what it sends: a ``list_numbers`` call checked against the spec, then its requests.

Every argument is checked against its parameter's JSON schema before any request, and a
bad one raises `InvalidParameterError` naming the argument and what is allowed. The
requests carry the filters where the spec puts them (query or JSON body), the paging
parameters of the plan, the tenant ids in the path, query or headers, and the header
options (DuoPlus's ``Lang``).
"""

from __future__ import annotations

import datetime
import enum
from collections.abc import Mapping
from typing import Any
from urllib.parse import quote

import attrs
import httpx
from numberhub_spec import PagingPlan, Parameter

from ._drift import DriftReport
from ._errors import InvalidParameterError
from ._paginator import Paginator, Params
from ._provider import Provider

__all__ = ["Listing", "RequestBuilder", "json_value"]


def json_value(value: Any) -> Any:
    """A caller's argument as JSON: enums by value, dates in ISO form, iterables as lists."""
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, datetime.date):  # datetime is a date too
        return value.isoformat()
    if isinstance(value, list | tuple | set | frozenset):
        return [json_value(v) for v in value]
    return value


def _query_value(value: Any) -> Any:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return [_query_value(v) for v in value]
    return value


@attrs.frozen
class Listing:
    """One checked ``list_numbers`` call: what every page's request carries, and how far."""

    paginator: Paginator
    query: dict[str, Any]
    body: dict[str, Any] | None
    max_items: int | None
    concurrency: int | str
    drift: DriftReport


class RequestBuilder:
    """Builds one client's requests from its provider's spec.

    Args:
        provider: The provider.
        creds: Its credentials (tenant ids among them go into the requests).
        base_url: Where the API is.
        options: Header options by keyword (``lang``), checked here.
        timeout: A per-request timeout, or None for the HTTP client's own.
    """

    def __init__(
        self,
        provider: Provider,
        creds: Mapping[str, str],
        base_url: str,
        options: Mapping[str, Any],
        timeout: httpx.Timeout | None,
    ) -> None:
        spec = provider.spec
        self.provider = provider
        self.display = provider.display_name
        self.spec = spec
        self.filters = spec.filters
        self._keyword = {p.name: p.keyword for p in spec.operation.parameters}
        self.method = spec.operation.method
        path = spec.operation.path
        for name, value in provider.path_values(creds).items():
            self._check_tenant(spec.operation.parameter(name), value)
            path = path.replace("{" + name + "}", quote(value, safe=""))
        self.url = base_url.rstrip("/") + path
        self.headers: dict[str, str] = {}
        self.tenant_query: dict[str, str] = {}
        for name, (location, value) in provider.tenant_values(creds).items():
            self._check_tenant(spec.operation.parameter(name), value)
            (self.headers if location == "header" else self.tenant_query)[name] = value
        for keyword, value in options.items():
            param = spec.options[keyword]
            value = json_value(value)
            problems = param.problems(value)
            if problems:
                raise InvalidParameterError(keyword, "; ".join(problems))
            self.headers[param.name] = str(value)
        self.timeout = timeout
        self.mode_switch = spec.plans[True].switch if True in spec.plans else None

    def _check_tenant(self, param: Parameter, value: str) -> None:
        problems = param.problems(value)
        if problems:
            cred = next(c for c in self.provider.credentials if c.name == param.credential)
            shown = "the value" if cred.secret else repr(value)
            raise InvalidParameterError(
                cred.name,
                f"{shown} (from the argument or {cred.env}) is invalid: "
                + "; ".join(p.replace(repr(value), "it") for p in problems),
            )

    # --- one call -----------------------------------------------------------------------
    def prepare(self, args: dict[str, Any]) -> Listing:
        """Check a ``list_numbers`` call and turn it into a listing, before any request."""
        max_items = args.pop("max_items", None)
        page_size = args.pop("page_size", None)
        concurrency = args.pop("concurrency", "auto")
        cursor_mode = False
        if self.mode_switch is not None:
            keyword = self._keyword.get(self.mode_switch, self.mode_switch)
            switch = args.pop(keyword, None)
            param = self.spec.operation.parameter(self.mode_switch)
            problems = [] if switch is None else param.problems(switch)
            if problems:
                raise InvalidParameterError(keyword, "; ".join(problems))
            cursor_mode = bool(switch)
        plan = self.spec.plans[cursor_mode]
        if max_items is not None and (
            not isinstance(max_items, int) or isinstance(max_items, bool) or max_items < 0
        ):
            raise InvalidParameterError("max_items", "must be an integer >= 0 or None")
        if concurrency != "auto" and (
            not isinstance(concurrency, int) or isinstance(concurrency, bool) or concurrency < 1
        ):
            raise InvalidParameterError("concurrency", 'must be an integer >= 1 or "auto"')
        page_size = self._page_size(plan, page_size, max_items)
        query: dict[str, Any] = {}
        body: dict[str, Any] = {}
        given: set[str] = set()
        for keyword, value in args.items():
            found = self.filters.get(keyword)
            if found is None:
                known = ", ".join(sorted(self.filters)) or "none"
                raise InvalidParameterError(
                    keyword, f"{self.display} has no such filter; known filters: {known}"
                )
            if value is None:
                continue
            given.add(found.name)
            (body if found.location == "body" else query)[found.name] = self._value(found, value)
        for name in sorted(given):
            for needed in self.spec.operation.parameter(name).requires:
                if needed not in given:
                    raise InvalidParameterError(
                        self._keyword[name],
                        f"is only accepted together with {self._keyword.get(needed, needed)}",
                    )
        return Listing(
            paginator=Paginator(plan, page_size, frozenset(self._keyword)),
            query={k: _query_value(v) for k, v in query.items()},
            body=body if self.spec.operation.has_body else None,
            max_items=max_items,
            concurrency=concurrency,
            drift=DriftReport(self.spec.name),
        )

    def _value(self, param: Parameter, value: Any) -> Any:
        value = json_value(value)
        if param.is_array and isinstance(value, str):
            value = [value]
        separator = param.filter.separator if param.filter else None
        if separator and isinstance(value, list):
            value = separator.join(str(v) for v in value)
        problems = param.problems(value)
        if problems:
            raise InvalidParameterError(param.keyword, "; ".join(problems))
        return value

    def _page_size(self, plan: PagingPlan, page_size: Any, max_items: int | None) -> int | None:
        name = plan.name_of("limit")
        if name is None:
            if page_size is not None:
                raise InvalidParameterError("page_size", f"{self.display} has no page size")
            return None
        schema = self.spec.operation.parameter(name).schema
        if page_size is None:
            page_size = schema.get("maximum", schema.get("default"))
            if page_size is not None and max_items:
                page_size = max(min(page_size, max_items), schema.get("minimum", 1))
            return page_size  # type: ignore[no-any-return]
        param = self.spec.operation.parameter(name)
        problems = param.problems(page_size) if not isinstance(page_size, bool) else ["not int"]
        if problems:
            low, high = schema.get("minimum"), schema.get("maximum")
            whole = isinstance(page_size, int) and not isinstance(page_size, bool)
            what = "out of range" if whole else "not an integer"
            raise InvalidParameterError(
                "page_size",
                f"{page_size!r} is {what}: {self.spec.display_name} allows an integer "
                + (f"from {low} to {high}" if high is not None else f">= {low}"),
            )
        return int(page_size)

    # --- one page -----------------------------------------------------------------------
    def request_kwargs(self, listing: Listing, paging: Params) -> dict[str, Any]:
        """Arguments of ``httpx.Client.build_request`` for one page."""
        inputs = listing.paginator.plan.inputs
        located = {i.name: i.location for i in inputs.values()}
        query = {**self.tenant_query, **listing.query}
        body = dict(listing.body) if listing.body is not None else None
        for name, value in paging.items():
            if located.get(name) == "body" and body is not None:
                body[name] = value
            else:
                query[name] = _query_value(value)
        kwargs: dict[str, Any] = {
            "method": self.method,
            "url": self.url,
            "params": query,
            "headers": self.headers,
        }
        if body is not None:
            kwargs["json"] = body
        if self.timeout is not None:
            kwargs["timeout"] = self.timeout
        return kwargs
