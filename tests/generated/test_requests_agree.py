"""The wrapper and the generated clients build the same request for any valid filters.

Both are made from one spec; this property shows they agree: for any valid filter set
(drawn from each filter's JSON schema), the wrapper's first-page request and the one
``<provider>_client.api.numbers.list_numbers._get_kwargs`` builds for the same filters and
paging have the same method, path, query, headers and JSON body.
"""

from __future__ import annotations

import datetime
import enum
import importlib
import json
import re
import types
import typing
import uuid
from typing import Any

import httpx
import numberhub
import numberhub_spec
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from numberhub_spec import Parameter

PROVIDERS = ("bird", "butter", "duoplus", "plivo", "rounded")
BASE = "https://agree.test"
CREDENTIALS = {
    "bird": {"access_key": "k", "organization_id": "6f1c2a9e-4b7d-4e2a-9c1f-3a5b7d9e0f12"},
    "butter": {"api_key": "k", "organization_id": "org_1"},
    "duoplus": {"api_key": "k"},
    "plivo": {"auth_id": "MANUMBERHUBMOCK00001", "auth_token": "t"},
    "rounded": {"api_key": "k"},
}


def _value(schema: dict[str, Any]) -> st.SearchStrategy[Any]:
    """Values one parameter's schema accepts (the shapes the five specs use)."""
    if "enum" in schema:
        return st.sampled_from([v for v in schema["enum"] if v is not None])
    kinds = schema.get("type", "string")
    kind = next(k for k in (kinds if isinstance(kinds, list) else [kinds]) if k != "null")
    if kind == "array":
        return st.lists(_value(schema.get("items") or {}), min_size=1, max_size=3)
    if kind == "integer":
        return st.integers(schema.get("minimum", 0), schema.get("maximum", 10_000))
    if kind == "boolean":
        return st.booleans()
    if schema.get("format") == "date":
        return st.dates(datetime.date(2000, 1, 1), datetime.date(2099, 12, 31)).map(
            datetime.date.isoformat
        )
    low, high = schema.get("minLength", 1), min(schema.get("maxLength", 12), 12)
    if "pattern" in schema:
        return st.from_regex(schema["pattern"], fullmatch=True).filter(
            lambda s: low <= len(s) <= schema.get("maxLength", 10**6)
        )
    return st.text(st.characters(codec="ascii", categories=("L", "N")), min_size=low, max_size=high)


@st.composite
def filter_sets(draw: st.DrawFn, provider: str) -> dict[str, Any]:
    spec = numberhub_spec.load(provider)
    chosen = draw(st.sets(st.sampled_from(sorted(spec.filters)))) if spec.filters else set()
    by_name = {p.name: p for p in spec.filters.values()}
    for keyword in list(chosen):
        for needed in spec.filters[keyword].requires:
            chosen.add(by_name[needed].keyword)
    return {k: draw(_value(dict(spec.filters[k].schema))) for k in sorted(chosen)}


def _normal(name: str) -> str:
    return re.sub(r"[^a-z0-9]", "", name.lower())


def _to_generated(annotation: Any, value: Any) -> Any:
    """A JSON value as the generated client's parameter type wants it."""
    options = typing.get_args(annotation) if isinstance(annotation, types.UnionType) else ()
    for option in options or (annotation,):
        if isinstance(option, type) and issubclass(option, enum.Enum):
            return option(value)
        if typing.get_origin(option) is list:
            (item,) = typing.get_args(option)
            return [_to_generated(item, v) for v in value]
        if option is datetime.date:
            return datetime.date.fromisoformat(value)
        if option is uuid.UUID:
            return uuid.UUID(value)
    return value


def _generated_kwargs(provider: str, values: dict[str, Any], spec_params: list[Parameter]) -> Any:
    module = importlib.import_module(f"{provider}_client.api.numbers.list_numbers")
    hints = typing.get_type_hints(module._get_kwargs)
    by_normal = {_normal(name): name for name in hints if name != "return"}
    kwargs: dict[str, Any] = {}
    body: dict[str, Any] = {}
    for param in spec_params:
        if param.name not in values:
            has_default = param.default is not numberhub_spec.MISSING
            if param.location in ("query", "header") and has_default:
                # what the wrapper leaves out stays out (the generated default would be sent)
                kwargs[by_normal[_normal(param.name)]] = module.UNSET
            continue
        if param.location == "body":
            body[param.name] = values[param.name]
            continue
        name = by_normal[_normal(param.name)]
        kwargs[name] = _to_generated(hints[name], values[param.name])
    if "body" in hints:
        model = typing.get_args(hints["body"]) or (hints["body"],)
        kwargs["body"] = model[0].from_dict(body)
    return module._get_kwargs(**kwargs)


def _request(kwargs: dict[str, Any]) -> httpx.Request:
    with httpx.Client(base_url=BASE) as http:
        return http.build_request(**kwargs)


def _comparable(request: httpx.Request) -> dict[str, Any]:
    headers = {k: v for k, v in request.headers.items() if k != "content-length"}
    return {
        "method": request.method,
        "path": request.url.path,
        "query": sorted(request.url.params.multi_items()),
        "headers": headers,
        "json": json.loads(request.content) if request.content else None,
    }


@pytest.mark.slow
@pytest.mark.parametrize("provider", PROVIDERS)
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_the_wrapper_and_the_generated_client_build_the_same_request(
    provider: str, data: st.DataObject
) -> None:
    filters = data.draw(filter_sets(provider))
    spec = numberhub_spec.load(provider)
    with numberhub.client(provider, base_url=BASE, **CREDENTIALS[provider]) as client:
        requests = client._core.requests
        listing = requests.prepare(dict(filters))
        ours = _request(requests.request_kwargs(listing, listing.paginator.first()))

    sent = {spec.filters[k].name: v for k, v in filters.items()}
    separator = {p.name: p.filter.separator for p in spec.filters.values() if p.filter}
    for name, value in list(sent.items()):  # a flags filter's list travels joined
        if separator.get(name) and isinstance(value, list):
            sent[name] = separator[name].join(value)
    sent.update(listing.paginator.first())
    for param in spec.operation.parameters:
        if param.credential:
            sent[param.name] = CREDENTIALS[provider][param.credential]
    header_options = {p.name: p.default for p in spec.options.values()}
    sent.update(header_options)
    theirs = _request(_generated_kwargs(provider, sent, list(spec.operation.parameters)))

    assert _comparable(ours) == _comparable(theirs)
