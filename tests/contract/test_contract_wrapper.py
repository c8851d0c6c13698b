"""The wrapper, sync and async, against the mock on a real socket, checked against its dataset.

Every documented filter and every paging style: the numbers listed must be exactly the
dataset's items that the filter selects (computed here, independently, from the dataset),
each once, in the provider's order.
"""

from __future__ import annotations

import asyncio
import copy
import functools
import math
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numberhub
import pytest
import yaml
from contract_helpers import (
    ID_FIELD,
    LISTERS,
    PROVIDERS,
    SEED,
    SIZE,
    assert_same_items,
    client_options,
)
from numberhub.mock import MockServer, dataset

SPECS = Path(__file__).resolve().parents[2] / "specs"
PAGE = 9  # small enough that every filtered listing spans several pages
Item = dict[str, Any]
Filters = dict[str, Any]


def truth(server: MockServer, provider: str, variant: str | None = None) -> list[Item]:
    """The items the mock serves for ``provider``, in order: the ground truth (a fresh copy)."""
    creds = tuple(sorted(server.credentials[provider].items()))
    return copy.deepcopy(_truth(provider, variant, creds))


@functools.cache
def _truth(provider: str, variant: str | None, creds: tuple[tuple[str, str], ...]) -> list[Item]:
    return dataset(provider, seed=SEED, size=SIZE, credentials=dict(creds), variant=variant)


def most_common(items: list[Item], field: str) -> Any:
    """The most frequent non-empty value of ``field`` (a value that selects something)."""
    values = Counter(i.get(field) for i in items if i.get(field) not in (None, ""))
    return values.most_common(1)[0][0]


def median(items: list[Item], field: str) -> Any:
    values = sorted({i[field] for i in items if i.get(field)})
    return values[len(values) // 2]


def low(value: Any) -> str:
    return value.lower() if isinstance(value, str) else ""


@dataclass(frozen=True)
class Case:
    """One listing: the filters to send (chosen from the data) and what they must select."""

    provider: str
    name: str
    filters: Callable[[list[Item]], Filters]
    expect: Callable[[list[Item], Filters], list[Item]]
    selective: bool = True  # the filters must leave some items out

    @property
    def id(self) -> str:
        return f"{self.provider}-{self.name}"


def where(keep: Callable[[Item, Filters], bool]) -> Callable[[list[Item], Filters], list[Item]]:
    return lambda items, f: [i for i in items if keep(i, f)]


def everything(items: list[Item], f: Filters) -> list[Item]:
    return list(items)


def sort_by(field: str, desc: bool) -> Callable[[list[Item], Filters], list[Item]]:
    return lambda items, f: sorted(items, key=lambda i: i[field], reverse=desc)


# Plivo's 10DLC states: the filter's lower-case words, the statuses they stand for in
# answers (the docs' words and those of recorded responses; the case varies).
TENDLC = {
    "unregistered": {"UNREGISTERED"},
    "in_progress": {"PROCESSING", "IN_PROGRESS"},
    "registered": {"COMPLETED", "REGISTERED"},
}


def plivo_services(item: Item, f: Filters) -> bool:
    return all(item[f"{s}_enabled"] is True for s in f["services"].split(","))


def bird_features(item: Item, f: Filters) -> bool:
    caps = item.get("capabilities") or {}
    for feature in f["features"]:
        if feature == "whatsapp":
            kind, way = "whatsapp", "outbound"
        else:
            kind, way = feature.split("-")
        if (caps.get(kind) or {}).get(way) is not True:
            return False
    return True


CASES = [
    # --- Plivo: limit + offset, meta.next ---------------------------------------------
    Case("plivo", "all", lambda d: {}, everything, selective=False),
    Case(
        "plivo",
        "type",
        lambda d: {"type": "local"},
        where(lambda i, f: low(i["number_type"]) == f["type"]),
    ),
    Case(
        "plivo",
        "type-tollfree",
        lambda d: {"type": "tollfree"},
        where(lambda i, f: low(i["number_type"]) == f["type"]),
    ),
    Case(
        "plivo",
        "number_startswith",
        lambda d: {"number_startswith": d[3]["number"][:3]},
        where(lambda i, f: i["number"].startswith(f["number_startswith"])),
    ),
    Case(
        "plivo",
        "subaccount",
        lambda d: {"subaccount": most_common(d, "sub_account")},
        where(lambda i, f: i["sub_account"] == f["subaccount"]),
    ),
    Case(
        "plivo",
        "alias",
        lambda d: {"alias": most_common(d, "alias")},
        where(lambda i, f: i["alias"] == f["alias"]),
    ),
    Case("plivo", "services", lambda d: {"services": "voice,sms"}, where(plivo_services)),
    Case(
        "plivo",
        "services-list",
        lambda d: {"services": ["voice", "mms"]},
        where(lambda i, f: all(i[f"{s}_enabled"] is True for s in f["services"])),
    ),
    *[
        Case(
            "plivo",
            f"tendlc_registration_status-{state}",
            lambda d, state=state: {"tendlc_registration_status": state},
            where(
                lambda i, f: (
                    (i.get("tendlc_registration_status") or "").upper()
                    in TENDLC[f["tendlc_registration_status"]]
                )
            ),
        )
        for state in TENDLC
    ],
    Case(
        "plivo",
        "tendlc_campaign_id",
        lambda d: {"tendlc_campaign_id": most_common(d, "tendlc_campaign_id")},
        where(lambda i, f: i["tendlc_campaign_id"] == f["tendlc_campaign_id"]),
    ),
    *[
        Case(
            "plivo",
            f"tendlc_registration_status-{state}",
            lambda d, state=state: {"tendlc_registration_status": state},
            where(
                lambda i, f, group=group: (
                    (i.get("tendlc_registration_status") or "").upper() in TENDLC[group]
                )
            ),
        )
        # plivo-node's upper-case values (lib/resources/numbers.js) mean the same states.
        for state, group in (
            ("UNREGISTERED", "unregistered"),
            ("PROCESSING", "in_progress"),
            ("COMPLETED", "registered"),
        )
    ],
    Case(
        "plivo",
        "toll_free_sms_verification",
        lambda d: {"toll_free_sms_verification": "verified"},
        where(lambda i, f: low(i["toll_free_sms_verification"]) == "verified"),
    ),
    Case(
        "plivo",
        "toll_free_sms_verification-upper",
        lambda d: {"toll_free_sms_verification": "VERIFIED"},
        where(lambda i, f: low(i["toll_free_sms_verification"]) == "verified"),
    ),
    Case(
        "plivo",
        "toll_free_sms_verification_order_status",
        lambda d: {"toll_free_sms_verification_order_status": "APPROVED"},
        where(lambda i, f: i.get("toll_free_sms_verification_order_status") == "APPROVED"),
    ),
    Case(
        "plivo",
        "renewal_date",
        lambda d: {"renewal_date": most_common(d, "renewal_date")},
        where(lambda i, f: i["renewal_date"] == f["renewal_date"]),
    ),
    Case(
        "plivo",
        "renewal_date__gt",
        lambda d: {"renewal_date__gt": median(d, "renewal_date")},
        where(lambda i, f: (i["renewal_date"] or "") > f["renewal_date__gt"]),
    ),
    Case(
        "plivo",
        "renewal_date__gte",
        lambda d: {"renewal_date__gte": median(d, "renewal_date")},
        where(lambda i, f: (i["renewal_date"] or "") >= f["renewal_date__gte"]),
    ),
    Case(
        "plivo",
        "renewal_date__lt",
        lambda d: {"renewal_date__lt": median(d, "renewal_date")},
        where(lambda i, f: bool(i["renewal_date"]) and i["renewal_date"] < f["renewal_date__lt"]),
    ),
    Case(
        "plivo",
        "renewal_date__lte",
        lambda d: {"renewal_date__lte": median(d, "renewal_date")},
        where(lambda i, f: bool(i["renewal_date"]) and i["renewal_date"] <= f["renewal_date__lte"]),
    ),
    Case(
        "plivo",
        "cnam_lookup",
        lambda d: {"cnam_lookup": "enabled"},
        where(lambda i, f: low(i["cnam_lookup"]) == "enabled"),
    ),
    Case(
        "plivo",
        "combined",
        lambda d: {"type": "local", "services": "sms", "cnam_lookup": "disabled"},
        where(
            lambda i, f: (
                low(i["number_type"]) == "local"
                and i["sms_enabled"] is True
                and low(i["cnam_lookup"]) == "disabled"
            )
        ),
    ),
    # --- Bird: opaque pageToken ---------------------------------------------------------
    Case("bird", "all", lambda d: {}, everything, selective=False),
    Case(
        "bird",
        "country_codes",
        lambda d: {"country_codes": ["GB"]},
        where(lambda i, f: i["countryCode"] in f["country_codes"]),
    ),
    Case(
        "bird",
        "country_codes-several",
        lambda d: {"country_codes": ["US", "CA"]},
        where(lambda i, f: i["countryCode"] in f["country_codes"]),
    ),
    Case(
        "bird",
        "types",
        lambda d: {"types": ["mobile"]},
        where(lambda i, f: i["type"] in f["types"]),
    ),
    Case(
        "bird",
        "types-several",
        lambda d: {"types": ["local", "toll-free"]},
        where(lambda i, f: i["type"] in f["types"]),
    ),
    Case("bird", "features", lambda d: {"features": ["sms-outbound"]}, where(bird_features)),
    Case(
        "bird",
        "features-several",
        lambda d: {"features": ["voice-inbound", "mms-inbound"]},
        where(bird_features),
    ),
    Case("bird", "features-whatsapp", lambda d: {"features": ["whatsapp"]}, where(bird_features)),
    Case(
        "bird",
        "prefix",
        lambda d: {
            "country_codes": ["GB"],
            "prefix": next(i for i in d if i["countryCode"] == "GB")["numberString"][:5],
        },
        where(
            lambda i, f: (
                i["countryCode"] in f["country_codes"] and i["numberString"].startswith(f["prefix"])
            )
        ),
    ),
    Case(
        "bird",
        "combined",
        lambda d: {"country_codes": ["US"], "types": ["local"], "features": ["sms-inbound"]},
        where(
            lambda i, f: (
                i["countryCode"] == "US"
                and i["type"] == "local"
                and bird_features(i, {"features": ["sms-inbound"]})
            )
        ),
    ),
    # `testing` reads a field Bird does not return: see test_bird_testing_splits_the_stock.
    # --- Butter: cursor + has_more ------------------------------------------------------
    Case("butter", "all", lambda d: {}, everything, selective=False),
    Case(
        "butter",
        "status-free",
        lambda d: {"status": "free"},
        where(lambda i, f: i["status"] == "free"),
    ),
    Case(
        "butter",
        "status-assigned",
        lambda d: {"status": "assigned"},
        where(lambda i, f: i["status"] == "assigned"),
    ),
    # --- Rounded: page mode and cursor mode (no filters) --------------------------------
    Case("rounded", "pages", lambda d: {}, everything, selective=False),
    Case("rounded", "cursor", lambda d: {"use_cursor": True}, everything, selective=False),
    # --- DuoPlus: page + pagesize in a POST body ----------------------------------------
    Case("duoplus", "all", lambda d: {}, everything, selective=False),
    Case(
        "duoplus",
        "phone_number",
        lambda d: {"phone_number": next(i["phone_number"] for i in d if i["phone_number"])[2:5]},
        where(lambda i, f: f["phone_number"] in i["phone_number"]),
    ),
    Case(
        "duoplus",
        "status",
        lambda d: {"status": [2]},
        where(lambda i, f: i["status"] in f["status"]),
    ),
    Case(
        "duoplus",
        "status-both",
        lambda d: {"status": [1, 2]},
        where(lambda i, f: i["status"] in f["status"]),
        selective=False,
    ),
    Case(
        "duoplus",
        "type_ids",
        lambda d: {"type_ids": [2]},
        where(lambda i, f: i["type_id"] in f["type_ids"]),
    ),
    Case(
        "duoplus",
        "region_ids",
        lambda d: {"region_ids": ["US", "GB"]},
        where(lambda i, f: i["region_id"] in f["region_ids"]),
    ),
    Case(
        "duoplus",
        "renewal_status",
        lambda d: {"renewal_status": [0]},
        where(lambda i, f: i["renewal_status"] in f["renewal_status"]),
    ),
    Case(
        "duoplus",
        "remark",
        lambda d: {"remark": most_common(d, "remark")[:4]},
        where(lambda i, f: f["remark"] in i["remark"]),
    ),
    Case(
        "duoplus",
        "sort_by-created_at-asc",
        lambda d: {"sort_by": "created_at", "order": "asc"},
        sort_by("created_at", desc=False),
        selective=False,
    ),
    Case(
        "duoplus",
        "sort_by-expired_at-desc",
        lambda d: {"sort_by": "expired_at", "order": "desc"},
        sort_by("expired_at", desc=True),
        selective=False,
    ),
    Case(
        "duoplus",
        "sort_by-expired_at",
        lambda d: {"sort_by": "expired_at"},  # the provider's default direction: desc
        sort_by("expired_at", desc=True),
        selective=False,
    ),
    Case(
        "duoplus",
        "order-asc",
        lambda d: {"order": "asc"},  # the provider's default field: created_at
        sort_by("created_at", desc=False),
        selective=False,
    ),
    Case(
        "duoplus",
        "combined",
        lambda d: {"status": [1], "region_ids": ["US"], "sort_by": "expired_at", "order": "asc"},
        lambda items, f: sorted(
            (i for i in items if i["status"] == 1 and i["region_id"] == "US"),
            key=lambda i: i["expired_at"],
        ),
    ),
]


@pytest.mark.parametrize("mode", ["sync", "async"])
@pytest.mark.parametrize("case", CASES, ids=lambda c: c.id)
def test_filters_select_exactly_the_datasets_items(
    case: Case, mode: str, server: MockServer
) -> None:
    items = truth(server, case.provider)
    filters = case.filters(items)
    expected = case.expect(items, filters)
    assert expected, f"{case.id}: the filters select nothing, so they prove nothing"
    if case.selective:
        assert len(expected) < len(items), f"{case.id}: the filters select everything"
    got = LISTERS[mode](server, case.provider, {**filters, "page_size": PAGE})
    assert_same_items(case.provider, got, expected)
    assert len(got) > PAGE, f"{case.id}: one page only: filters not shown on later pages"


def spec_filters(provider: str) -> set[str]:
    """The spec's documented filters: parameters and body properties with a filter extension."""
    spec = yaml.safe_load((SPECS / f"{provider}.yaml").read_text())
    components = spec.get("components", {})

    def resolve(node: dict[str, Any]) -> dict[str, Any]:
        while "$ref" in node:
            *_, kind, name = node["$ref"].split("/")
            node = components[kind][name]
        return node

    names: set[str] = set()
    for path in spec["paths"].values():
        for op in path.values():
            for param in map(resolve, op.get("parameters", [])):
                if "x-numberhub-filter" in param and not param.get("deprecated"):
                    names.add(param["name"])
            body = op.get("requestBody", {}).get("content", {}).get("application/json")
            if body:
                for name, prop in resolve(body["schema"]).get("properties", {}).items():
                    if "x-numberhub-filter" in resolve(prop):
                        names.add(name)
    return names


@pytest.mark.parametrize("provider", PROVIDERS)
def test_every_documented_filter_is_exercised(provider: str, server: MockServer) -> None:
    with numberhub.client(provider, **client_options(server, provider)) as client:
        offered = set(client.filters())
    aliases = {"country_codes": "countryCodes"}
    assert {aliases.get(f, f) for f in offered} == spec_filters(provider)
    exercised: set[str] = set()
    for case in CASES:
        if case.provider == provider:
            exercised |= set(case.filters(truth(server, provider)))
    if provider == "bird":
        exercised.add("testing")  # test_bird_testing_splits_the_stock
    assert offered <= exercised, f"filters never exercised: {sorted(offered - exercised)}"


@pytest.mark.parametrize("mode", ["sync", "async"])
def test_bird_testing_splits_the_stock(mode: str, server: MockServer) -> None:
    """``testing`` reads a field Bird never returns: true and false split the stock in two."""
    items = truth(server, "bird")
    ids = [i["id"] for i in items]
    testing = LISTERS[mode](server, "bird", {"testing": True, "page_size": PAGE})
    stock = LISTERS[mode](server, "bird", {"testing": False, "page_size": PAGE})
    assert testing, "no testing numbers"
    assert stock, "no production numbers"
    for part in (testing, stock):
        got = [n.id for n in part]
        assert got == [i for i in ids if i in set(got)], "not in the provider's order"
        assert len(got) == len(set(got))
    assert not {n.id for n in testing} & {n.id for n in stock}
    assert sorted(n.id for n in testing + stock) == sorted(ids)


# --- paging styles ---------------------------------------------------------------------

PAGING = [
    # provider, listing options: page sizes from 1-ish to the provider's maximum, and the
    # concurrent fetch of the remaining pages where the first answer gives the total.
    ("plivo", {}),
    ("plivo", {"page_size": 7}),
    ("plivo", {"page_size": 1, "max_items": 45}),
    ("plivo", {"page_size": 7, "concurrency": 4}),
    ("bird", {}),
    ("bird", {"page_size": 7}),
    ("butter", {}),
    ("butter", {"page_size": 7}),
    ("rounded", {}),
    ("rounded", {"page_size": 7}),
    ("rounded", {"page_size": 7, "concurrency": 4}),
    ("rounded", {"use_cursor": True}),
    ("rounded", {"use_cursor": True, "page_size": 7}),
    ("duoplus", {}),
    ("duoplus", {"page_size": 7}),
    ("duoplus", {"page_size": 7, "concurrency": 4}),
]


@pytest.mark.parametrize("mode", ["sync", "async"])
@pytest.mark.parametrize(("provider", "options"), PAGING, ids=[f"{p}-{o}" for p, o in PAGING])
def test_every_paging_style_lists_the_whole_dataset(
    provider: str, options: dict[str, Any], mode: str, server: MockServer
) -> None:
    items = truth(server, provider)
    expected = items[: options["max_items"]] if "max_items" in options else items
    got = LISTERS[mode](server, provider, options)
    assert_same_items(provider, got, expected)


@pytest.mark.parametrize("provider", PROVIDERS)
@pytest.mark.parametrize("max_items", [1, 23, SIZE, SIZE + 5])
def test_max_items_stops_after_that_many(provider: str, max_items: int, server: MockServer) -> None:
    items = truth(server, provider)
    got = LISTERS["sync"](server, provider, {"max_items": max_items, "page_size": 7})
    assert_same_items(provider, got, items[:max_items])


def page_sizes(pages: list[Any]) -> list[int]:
    return [len(page.items) for page in pages]


@pytest.mark.parametrize("mode", ["sync", "async"])
@pytest.mark.parametrize("provider", PROVIDERS)
def test_pages_are_full_typed_and_in_order(provider: str, mode: str, server: MockServer) -> None:
    size = 11
    options = client_options(server, provider)

    async def async_pages() -> tuple[list[Any], type]:
        async with numberhub.async_client(provider, **options) as client:
            pages = [page async for page in client.list_numbers(page_size=size).pages()]
            return pages, type(client).provider.page_model

    if mode == "sync":
        with numberhub.client(provider, **options) as client:
            pages = list(client.list_numbers(page_size=size).pages())
            model = type(client).provider.page_model
    else:
        pages, model = asyncio.run(async_pages())
    items = truth(server, provider)
    assert len(pages) == math.ceil(SIZE / size)
    assert page_sizes(pages) == [size] * (SIZE // size) + ([SIZE % size] if SIZE % size else [])
    assert [n.id for page in pages for n in page] == [str(i[ID_FIELD[provider]]) for i in items]
    for page in pages:
        assert page.response.status_code == 200
        assert isinstance(page.parsed, model)


@pytest.mark.parametrize("mode", ["sync", "async"])
@pytest.mark.parametrize("lang", ["zh", "zh-TW", "ru"])
def test_duoplus_lang_serves_the_localised_dataset(
    lang: str, mode: str, server: MockServer
) -> None:
    expected = truth(server, "duoplus", variant=lang)
    assert expected != truth(server, "duoplus"), "the language changes nothing"
    got = LISTERS[mode](server, "duoplus", {"page_size": 50}, {"lang": lang})
    assert_same_items("duoplus", got, expected)
