"""A provider from its YAML alone: clients, auth, filters, paging and PhoneNumbers, no Python.

Telora (an API key in the query, limit + offset ending at a null ``next_offset``) and
Dialbase (a bearer token and an account header, page numbers under ``meta``) exist only
as specs in ``tests/fixtures/specs/``. Fakes serve them through ``httpx.MockTransport``:
the ground truth is the items the fake was given.
"""

from __future__ import annotations

import datetime
import shutil
from decimal import Decimal
from pathlib import Path
from typing import Any

import httpx
import numberhub
import pytest
from numberhub_spec import SPECS_DIR_ENV, specs_dir

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "specs"
BASE = "https://fake.test"
TELORA_KEY = "telora-key-s3cr3t"
DIALBASE_TOKEN = "dialbase-token-s3cr3t"
DIALBASE_ACCOUNT = "acct_0a1b2c3d4e"


@pytest.fixture(autouse=True)
def specs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    for spec in specs_dir().glob("*.yaml"):
        shutil.copy(spec, tmp_path)
    for name in ("telora", "dialbase"):
        shutil.copy(FIXTURES / f"{name}.yaml", tmp_path)
    monkeypatch.setenv(SPECS_DIR_ENV, str(tmp_path))
    for env in ("TELORA_API_KEY", "DIALBASE_API_TOKEN", "DIALBASE_ACCOUNT_ID"):
        monkeypatch.delenv(env, raising=False)
    return tmp_path


def telora_item(i: int) -> dict[str, Any]:
    kinds = ("landline", "mobile", "tollfree", "satellite")
    return {
        "sid": f"TN{i:032x}",
        "msisdn": f"4420794601{i:02d}" if i % 2 else f"1415555{i:04d}",
        "country": "GB" if i % 2 else "US",
        "kind": kinds[i % 4],
        "state": "ACTIVE" if i % 3 else "porting",
        "voice_capable": True,
        "sms_capable": i % 2 == 0,
        "rent": {"amount": "1.25", "currency": "EUR"},
        "created": f"2025-03-{1 + i % 28:02d}T10:00:00Z",
    }


def dialbase_item(i: int) -> dict[str, Any]:
    return {
        "line_id": f"line_{i:04d}",
        "e164": f"+4930901820{i:02d}",
        "iso_country": "DE",
        "category": ("geographic", "mobile", "freephone", "national")[i % 4],
        "reserved": i % 5 == 0,
        "listed_at": "2025-06-01 12:30:00",
        "voice": {"in": True, "out": i % 2 == 0},
        "sms": {"in": False, "out": False},
        "price": {"minor": 250 + i, "exponent": -2, "currency": "EUR"},
    }


class FakeTelora:
    """limit + offset; ``next_offset`` null on the last page; the key in the query."""

    def __init__(self, items: list[dict[str, Any]]) -> None:
        self.items = items
        self.requests: list[httpx.Request] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        q = request.url.params
        if q.get("api_key") != TELORA_KEY:
            return httpx.Response(401, json={"error": {"code": "unauthorized", "message": "no"}})
        items = [i for i in self.items if "kind" not in q or i["kind"] == q["kind"]]
        offset, limit = int(q.get("offset", 0)), int(q.get("limit", 20))
        page = items[offset : offset + limit]
        nxt = offset + limit if offset + limit < len(items) else None
        return httpx.Response(200, json={"items": page, "total": len(items), "next_offset": nxt})


class FakeDialbase:
    """page + per_page; ``meta.current_page``/``meta.last_page``; bearer + account header."""

    def __init__(self, items: list[dict[str, Any]]) -> None:
        self.items = items
        self.requests: list[httpx.Request] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        if request.headers.get("authorization") != f"Bearer {DIALBASE_TOKEN}":
            return httpx.Response(401, json={"message": "bad token", "status": 401})
        if request.headers.get("x-dialbase-account") != DIALBASE_ACCOUNT:
            return httpx.Response(403, json={"message": "not your account", "status": 403})
        wanted = request.url.params.get_list("category")
        items = [i for i in self.items if not wanted or i["category"] in wanted]
        page, size = int(request.url.params.get("page", 1)), int(request.url.params["per_page"])
        last = max(1, -(-len(items) // size))
        meta = {"current_page": page, "last_page": last, "total": len(items)}
        return httpx.Response(
            200, json={"lines": items[(page - 1) * size : page * size], "meta": meta}
        )


def telora(fake: FakeTelora, **kwargs: Any) -> numberhub.SyncClient[Any]:
    http = httpx.Client(transport=httpx.MockTransport(fake))
    return numberhub.client("telora", base_url=BASE, http_client=http, **kwargs)


def dialbase(fake: FakeDialbase, **kwargs: Any) -> numberhub.SyncClient[Any]:
    http = httpx.Client(transport=httpx.MockTransport(fake))
    kwargs.setdefault("api_token", DIALBASE_TOKEN)
    kwargs.setdefault("account_id", DIALBASE_ACCOUNT)
    return numberhub.client("dialbase", base_url=BASE, http_client=http, **kwargs)


def test_a_client_class_is_made_from_the_spec() -> None:
    cls = numberhub.client("telora", api_key="k").__class__
    assert cls.__name__ == "Telora"
    assert issubclass(cls, numberhub.SyncClient)
    assert cls.filters() == ("country", "kind", "sms")
    assert (
        type(
            numberhub.async_client("dialbase", api_token="t", account_id=DIALBASE_ACCOUNT)
        ).__name__
        == "AsyncDialbase"
    )
    with pytest.raises(LookupError, match="telora"):
        numberhub.client("nosuchprovider")


def test_credentials_come_from_keywords_or_their_environment_variables(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    with pytest.raises(numberhub.MissingCredentialsError) as caught:
        numberhub.client("dialbase")
    assert "DIALBASE_API_TOKEN" in str(caught.value)
    assert "DIALBASE_ACCOUNT_ID" in str(caught.value)
    monkeypatch.setenv("TELORA_API_KEY", TELORA_KEY)
    fake = FakeTelora([telora_item(i) for i in range(3)])
    assert len(list(telora(fake).list_numbers())) == 3
    with pytest.raises(TypeError, match="unexpected keyword argument 'token'"):
        numberhub.client("telora", token="x")


def test_an_api_key_in_the_query_is_sent_and_never_shown() -> None:
    fake = FakeTelora([telora_item(i) for i in range(3)])
    client = telora(fake, api_key=TELORA_KEY)
    list(client.list_numbers())
    assert all(r.url.params["api_key"] == TELORA_KEY for r in fake.requests)
    assert TELORA_KEY not in repr(client._core.auth)
    with pytest.raises(numberhub.AuthenticationError) as caught:
        list(telora(fake, api_key="wrong-" + TELORA_KEY, max_retries=0).list_numbers())
    assert TELORA_KEY not in str(caught.value)


def test_several_schemes_at_once_and_a_tenant_header() -> None:
    fake = FakeDialbase([dialbase_item(i) for i in range(4)])
    list(dialbase(fake).list_numbers())
    (request,) = fake.requests
    assert request.headers["authorization"] == f"Bearer {DIALBASE_TOKEN}"
    assert request.headers["x-dialbase-account"] == DIALBASE_ACCOUNT
    with pytest.raises(numberhub.InvalidParameterError, match="account_id") as caught:
        dialbase(fake, account_id="acct_SHOUTING!")
    assert "DIALBASE_ACCOUNT_ID" in str(caught.value)


@pytest.mark.parametrize("page_size", [1, 7, 20, 40])
def test_telora_lists_every_item_once_in_order(page_size: int) -> None:
    items = [telora_item(i) for i in range(53)]
    fake = FakeTelora(items)
    pager = telora(fake, api_key=TELORA_KEY).list_numbers(page_size=page_size)
    assert [n.id for n in pager] == [i["sid"] for i in items]
    assert pager.total == 53
    assert len(fake.requests) == -(-53 // page_size)


@pytest.mark.parametrize("page_size", [1, 6, 30])
def test_dialbase_lists_every_item_once_in_order(page_size: int) -> None:
    items = [dialbase_item(i) for i in range(31)]
    pager = dialbase(FakeDialbase(items)).list_numbers(page_size=page_size, concurrency=3)
    assert [n.id for n in pager] == [i["line_id"] for i in items]
    assert pager.total == 31


def test_filters_are_checked_before_sending_and_sent_as_the_spec_says() -> None:
    fake = FakeDialbase([dialbase_item(i) for i in range(12)])
    client = dialbase(fake)
    with pytest.raises(numberhub.InvalidParameterError, match="'fax' is not one of"):
        client.list_numbers(category=["fax"])
    with pytest.raises(numberhub.InvalidParameterError, match="no such filter"):
        client.list_numbers(kind="mobile")
    assert fake.requests == []
    numbers = list(client.list_numbers(category=["mobile", "freephone"]))
    assert {n.type for n in numbers} == {"mobile", "toll_free"}
    assert fake.requests[0].url.params.get_list("category") == ["mobile", "freephone"]
    telora_fake = FakeTelora([telora_item(i) for i in range(8)])
    landlines = list(telora(telora_fake, api_key=TELORA_KEY).list_numbers(kind="landline"))
    assert [n.id for n in landlines] == [telora_item(i)["sid"] for i in (0, 4)]


def test_telora_items_become_phone_numbers_by_the_mapping() -> None:
    numbers = list(
        telora(FakeTelora([telora_item(i) for i in range(4)]), api_key=TELORA_KEY).list_numbers()
    )
    first, second, third, fourth = numbers
    assert (first.e164, first.country, first.type) == ("+14155550000", "US", "fixed")
    assert (second.e164, second.country, second.type) == ("+442079460101", "GB", "mobile")
    assert third.type == "toll_free"
    assert fourth.id == telora_item(3)["sid"]
    assert (first.status, second.status) == ("porting", "active")
    assert (first.capabilities.sms.enabled, second.capabilities.sms.enabled) == (True, False)
    assert first.capabilities.voice.enabled is True
    assert first.monthly_price == numberhub.Money(Decimal("1.25"), "EUR")
    assert first.created_at == datetime.datetime(2025, 3, 1, 10, tzinfo=datetime.UTC)
    assert first.ownership == "owned"
    assert first.raw == telora_item(0)  # no generated client: the item as decoded


def test_a_type_the_mapping_does_not_list_is_left_to_the_numbering_plan() -> None:
    item = telora_item(3)  # kind "satellite": not in the type map
    (number,) = list(telora(FakeTelora([item]), api_key=TELORA_KEY).list_numbers())
    assert number.type == "fixed"  # +44 20 7946 0103: the UK plan says a London landline


def test_dialbase_items_become_phone_numbers_by_the_mapping() -> None:
    numbers = list(dialbase(FakeDialbase([dialbase_item(i) for i in range(2)])).list_numbers())
    first, second = numbers
    assert first.ownership == "available"
    assert (first.e164, first.country, first.type) == ("+493090182000", "DE", "local")
    assert (first.status, second.status) == ("reserved", "available")
    assert first.capabilities.voice == numberhub.Capability(True, True, True)
    assert second.capabilities.voice == numberhub.Capability(True, True, False)
    assert first.capabilities.sms == numberhub.Capability(False, False, False)
    assert first.monthly_price == numberhub.Money(Decimal("2.50"), "EUR")
    cet = datetime.timezone(datetime.timedelta(hours=1))
    assert first.created_at == datetime.datetime(2025, 6, 1, 12, 30, tzinfo=cet)


@pytest.mark.anyio
async def test_the_async_client_too() -> None:
    fake = FakeTelora([telora_item(i) for i in range(9)])
    http = httpx.AsyncClient(transport=httpx.MockTransport(fake))
    async with numberhub.async_client(
        "telora", base_url=BASE, http_client=http, api_key=TELORA_KEY
    ) as client:
        ids = [n.id async for n in client.list_numbers(page_size=4)]
    assert ids == [telora_item(i)["sid"] for i in range(9)]


@pytest.mark.parametrize("name", ["telora", "dialbase"])
def test_repeats_and_a_shortfall_are_told_for_a_provider_known_by_its_yaml(name: str) -> None:
    # the provider serves numbers 8 and 9 twice and counts them twice in its total
    make, item, key = {
        "telora": (lambda f, **k: telora(f, api_key=TELORA_KEY, **k), telora_item, "sid"),
        "dialbase": (dialbase, dialbase_item, "line_id"),
    }[name]
    items = [item(i) for i in range(10)] + [item(8), item(9)]
    fake = (FakeTelora if name == "telora" else FakeDialbase)(items)
    with make(fake) as client:
        pager = client.list_numbers(page_size=4)
        got = [n.id for n in pager]
    assert got == [item(i)[key] for i in range(10)]
    report = pager.report
    assert (report.delivered, report.duplicates, report.announced, report.missing) == (10, 2, 12, 2)
    with make(fake, strict=True) as client, pytest.raises(numberhub.ResponseValidationError):
        list(client.list_numbers(page_size=4))
