"""Every generated package imports, looks alike, and sends the documented request."""

from __future__ import annotations

import datetime
import importlib
import inspect
import json
import pkgutil
from urllib.parse import parse_qs

import pytest

PROVIDERS = ("bird", "butter", "duoplus", "plivo", "rounded")


def test_every_module_of_the_package_imports(provider):
    package = importlib.import_module(f"{provider}_client")
    names = [m.name for m in pkgutil.walk_packages(package.__path__, f"{provider}_client.")]
    assert f"{provider}_client.api.numbers.list_numbers" in names
    for name in names:
        importlib.import_module(name)


def test_package_has_the_common_shape(provider, client_modules, response_model_name):
    package, api, models = client_modules(provider)
    assert {"Client", "AuthenticatedClient"} <= set(package.__all__)
    for function in ("sync", "sync_detailed", "asyncio", "asyncio_detailed"):
        assert inspect.isfunction(getattr(api, function))
    assert inspect.iscoroutinefunction(api.asyncio_detailed)
    assert response_model_name(provider, "200") in models.__all__


@pytest.mark.parametrize(
    ("provider", "method", "url"),
    [
        ("plivo", "GET", "https://api.plivo.com/v1/Account/MANWVLYTK4ZWU1YTY4ZT/Number/"),
        ("duoplus", "POST", "https://openapi.duoplus.net/api/v1/cloudNumber/numberList"),
        ("butter", "GET", "https://api.getbutter.ai/api/phone-numbers"),
        (
            "bird",
            "GET",
            "https://api.bird.com/organizations/6f1c3a52-8e4b-4c1d-9a7f-0b2e3d4c5a61"
            "/numbers-stock-items",
        ),
        ("rounded", "GET", "https://api.callrounded.com/v1/phone-numbers"),
    ],
)
def test_client_calls_the_documented_endpoint(provider, method, url, serve, response_examples):
    body = next(iter(response_examples(provider, "200").values()))
    served = serve(provider, 200, body)
    assert served.request.method == method
    assert str(served.request.url).split("?")[0] == url


def test_duoplus_posts_json_with_the_lang_header(serve, response_examples, client_modules):
    _, _, models = client_modules("duoplus")
    body = response_examples("duoplus", "200")["docs"]
    request = models.NumberListRequest(
        page=2, pagesize=100, type_ids=[models.NumberListRequestTypeIdsItem(2)], region_ids=["US"]
    )
    served = serve("duoplus", 200, body, body=request, lang=models.ListNumbersLang.ZH_TW)
    assert served.request.headers["Content-Type"] == "application/json"
    assert served.request.headers["Lang"] == "zh-TW"
    assert json.loads(served.request.read()) == {
        "type_ids": [2],
        "region_ids": ["US"],
        "page": 2,
        "pagesize": 100,
    }


def test_bird_array_filters_are_sent_as_repeated_keys(serve, response_examples, client_modules):
    _, _, models = client_modules("bird")
    body = response_examples("bird", "200")["realistic"]
    served = serve(
        "bird",
        200,
        body,
        country_codes=["US", "GB"],
        types=[models.ListNumbersTypesItem.TOLL_FREE],
        prefix="+1212",
        limit=99,
    )
    query = parse_qs(served.request.url.query.decode())
    assert query["countryCodes"] == ["US", "GB"]
    assert query["types"] == ["toll-free"]
    assert query["prefix"] == ["+1212"]
    assert query["limit"] == ["99"]


def test_plivo_sends_the_documented_filter_names(serve, response_examples, client_modules):
    _, _, models = client_modules("plivo")
    body = response_examples("plivo", "200")["empty"]
    served = serve(
        "plivo",
        200,
        body,
        type_=models.ListNumbersType.TOLLFREE,
        services="voice,sms",
        renewal_date_gte=datetime.date(2026, 12, 1),
        limit=5,
        offset=10,
    )
    query = parse_qs(served.request.url.query.decode())
    assert query == {
        "type": ["tollfree"],
        "services": ["voice,sms"],
        "renewal_date__gte": ["2026-12-01"],
        "limit": ["5"],
        "offset": ["10"],
    }
