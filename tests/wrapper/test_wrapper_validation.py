from __future__ import annotations

import datetime
from typing import Any

import numberhub
import pytest
from duoplus_client.models import NumberListRequestStatusItem
from plivo_client.models import ListNumbersType
from wrapper_fakes import FAKES, FakeBird, FakeClock, FakeDuoPlus, FakePlivo


@pytest.mark.parametrize(
    ("provider", "args", "message"),
    [
        (
            "plivo",
            {"type": "big"},
            "type: 'big' is not one of 'local', 'mobile', 'fixed', 'national', 'tollfree'",
        ),
        (
            "plivo",
            {"page_size": 21},
            "page_size: 21 is out of range: Plivo allows an integer from 1 to 20",
        ),
        (
            "plivo",
            {"page_size": 0},
            "page_size: 0 is out of range: Plivo allows an integer from 1 to 20",
        ),
        (
            "plivo",
            {"renewal_date": "2024-13-01"},
            "renewal_date: '2024-13-01' is not a date (YYYY-MM-DD)",
        ),
        ("plivo", {"renewal_date__lt": "tomorrow"}, "renewal_date__lt: 'tomorrow' is not a date"),
        ("plivo", {"services": "voice,fax"}, 'services: "voice,fax" does not match'),
        ("plivo", {"number_startswith": "+1415"}, 'number_startswith: "+1415" does not match'),
        ("plivo", {"subaccount": "MA123"}, 'subaccount: "MA123" does not match'),
        ("plivo", {"cnam_lookup": "on"}, "cnam_lookup: 'on' is not one of 'enabled', 'disabled'"),
        ("plivo", {"alias": "x" * 256}, "alias: "),
        ("plivo", {"colour": "red"}, "colour: Plivo has no such filter; known filters: alias,"),
        ("plivo", {"limit": 5}, "limit: Plivo has no such filter"),
        (
            "bird",
            {"country_codes": ["usa"]},
            'country_codes: [0] "usa" does not match "^[A-Z]{2}$" (Countries, as ISO 3166-1',
        ),
        ("bird", {"country_codes": "U1"}, 'country_codes: [0] "U1" does not match'),
        ("bird", {"prefix": "+1212"}, "prefix: is only accepted together with country_codes"),
        ("bird", {"prefix": "1212", "country_codes": ["US"]}, 'prefix: "1212" does not match'),
        (
            "bird",
            {"types": ["tollfree"]},
            "types: [0] 'tollfree' is not one of 'local', 'national', 'mobile', 'toll-free'",
        ),
        ("bird", {"testing": "yes"}, 'testing: "yes" is not of type "boolean"'),
        (
            "bird",
            {"page_size": 100},
            "page_size: 100 is out of range: Bird allows an integer from 1 to 99",
        ),
        ("butter", {"status": "busy"}, "status: 'busy' is not one of 'free', 'assigned'"),
        (
            "butter",
            {"page_size": 101},
            "page_size: 101 is out of range: Butter AI allows an integer from 1 to 100",
        ),
        ("duoplus", {"status": [3]}, "status: [0] 3 is not one of 1, 2"),
        ("duoplus", {"type_ids": [0]}, "type_ids: [0] 0 is not one of 1, 2"),
        (
            "duoplus",
            {"region_ids": ["gb"]},
            "region_ids: [0] 'gb' is not upper case: use upper-case ISO 3166-1 codes, e.g. GB",
        ),
        (
            "duoplus",
            {"sort_by": "number"},
            "sort_by: 'number' is not one of 'created_at', 'expired_at'",
        ),
        ("duoplus", {"remark": "r" * 300}, "remark: "),
        (
            "duoplus",
            {"page_size": 101},
            "page_size: 101 is out of range: DuoPlus allows an integer from 1 to 100",
        ),
        ("rounded", {"type": "pstn"}, "type: Rounded has no such filter; known filters: none"),
        (
            "rounded",
            {"page_size": 1001},
            "page_size: 1001 is out of range: Rounded allows an integer from 1 to 1000",
        ),
        ("plivo", {"max_items": -1}, "max_items: must be an integer >= 0"),
        ("plivo", {"concurrency": 0}, "concurrency: must be an integer >= 1"),
    ],
)
def test_bad_arguments_are_refused_before_any_request(
    provider: str, args: dict[str, Any], message: str, clock: FakeClock
) -> None:
    fake = FAKES[provider](size=3)
    client = fake.client(clock=clock)
    with pytest.raises(numberhub.InvalidParameterError) as caught:
        client.list_numbers(**args)
    assert message in str(caught.value)
    assert isinstance(caught.value, ValueError)
    assert caught.value.parameter == message.split(":")[0]
    assert fake.requests == []


def test_generated_enums_and_dates_are_accepted(clock: FakeClock) -> None:
    fake = FakePlivo(size=1)
    list(
        fake.client(clock=clock).list_numbers(
            type=ListNumbersType.TOLLFREE, renewal_date__gt=datetime.date(2026, 2, 3)
        )
    )
    params = fake.requests[0].url.params
    assert params["type"] == "tollfree"
    assert params["renewal_date__gt"] == "2026-02-03"


def test_duoplus_generated_int_enums_are_accepted(clock: FakeClock) -> None:
    fake = FakeDuoPlus(size=1)
    list(fake.client(clock=clock).list_numbers(status=[NumberListRequestStatusItem.VALUE_2]))
    assert fake.params(fake.requests[0])["status"] == [2]


def test_none_means_not_given(clock: FakeClock) -> None:
    fake = FakeBird(size=1)
    list(fake.client(clock=clock).list_numbers(prefix=None, country_codes=None))
    assert "prefix" not in fake.requests[0].url.params


def test_default_page_size_is_the_providers_maximum(clock: FakeClock) -> None:
    sizes = {}
    for provider, name in [
        ("plivo", "limit"),
        ("bird", "limit"),
        ("butter", "limit"),
        ("rounded", "limit"),
        ("duoplus", "pagesize"),
    ]:
        fake = FAKES[provider](size=1)
        list(fake.client(clock=clock).list_numbers())
        sizes[provider] = int(fake.params(fake.requests[0])[name])
    assert sizes == {"plivo": 20, "bird": 99, "butter": 100, "rounded": 1000, "duoplus": 100}


def test_a_small_max_items_asks_for_a_small_page(clock: FakeClock) -> None:
    fake = FakeBird(size=50)
    assert len(list(fake.client(clock=clock).list_numbers(max_items=3))) == 3
    assert fake.requests[0].url.params["limit"] == "3"


def test_duoplus_lang_is_validated(clock: FakeClock) -> None:
    with pytest.raises(
        numberhub.InvalidParameterError, match="lang: 'fr' is not one of 'zh', 'zh-TW', 'en', 'ru'"
    ):
        FakeDuoPlus().client(clock=clock, lang="fr")


@pytest.mark.parametrize("value", [-1, 1.5, "2"])
def test_max_retries_is_validated(value: Any, clock: FakeClock) -> None:
    with pytest.raises(numberhub.InvalidParameterError, match="max_retries"):
        FakePlivo().client(clock=clock, max_retries=value)


def test_each_client_lists_its_filters(clock: FakeClock) -> None:
    assert FAKES["bird"]().client(clock=clock).filters() == (
        "country_codes",
        "features",
        "prefix",
        "testing",
        "types",
    )
    assert FAKES["butter"]().client(clock=clock).filters() == ("status",)
    assert FAKES["rounded"]().client(clock=clock).filters() == ()
    assert "number_type" not in FakePlivo().client(clock=clock).filters()  # deprecated
    assert "renewal_date__gte" in FakePlivo().client(clock=clock).filters()


def test_filters_need_no_credentials() -> None:
    # the autouse fixture has cleared every credential from the environment
    with pytest.raises(numberhub.MissingCredentialsError):
        numberhub.Bird()
    assert numberhub.Bird.filters() == ("country_codes", "features", "prefix", "testing", "types")
    assert numberhub.AsyncBird.filters() == numberhub.Bird.filters()
    params = numberhub.Bird.filter_params()
    assert list(params) == ["country_codes", "types", "features", "prefix", "testing"]  # spec order
    country = params["country_codes"]  # the Python keyword; the spec's name is sent
    assert isinstance(country, numberhub.Param)
    assert (country.name, country.location, country.is_array) == ("countryCodes", "query", True)
    assert params["prefix"].requires == ("countryCodes",)
    assert numberhub.Rounded.filter_params() == {}  # use_cursor is paging, not a filter
    assert numberhub.DuoPlus.filter_params()["status"].location == "body"


def test_filter_params_carry_the_check_list_numbers_runs(clock: FakeClock) -> None:
    param = numberhub.Plivo.filter_params()["type"]
    assert param.schema["enum"] == ["local", "mobile", "fixed", "national", "tollfree"]
    assert param.problems("local") == []
    problem = param.problems("tollfree-ish")
    allowed = "'local', 'mobile', 'fixed', 'national', 'tollfree'"
    assert problem == [f"'tollfree-ish' is not one of {allowed}"]
    with pytest.raises(numberhub.InvalidParameterError) as refused:
        FakePlivo().client(clock=clock).list_numbers(type="tollfree-ish")
    assert problem[0] in str(refused.value)


@pytest.mark.parametrize("base_url", ["127.0.0.1:4010", "localhost", "ftp://example.com", ""])
def test_a_base_url_without_http_scheme_is_refused(base_url: str) -> None:
    with pytest.raises(numberhub.InvalidParameterError) as caught:
        numberhub.Plivo(auth_id="MA" + "A" * 18, auth_token="t", base_url=base_url)
    assert caught.value.parameter == "base_url"
    assert "http:// or https://" in str(caught.value)


@pytest.mark.parametrize("timeout", [-1, 0, -0.5, "10", True])
def test_a_timeout_that_is_not_positive_seconds_is_refused(timeout: Any) -> None:
    with pytest.raises(numberhub.InvalidParameterError) as caught:
        numberhub.Plivo(auth_id="MA" + "A" * 18, auth_token="t", timeout=timeout)
    assert caught.value.parameter == "timeout"
    assert "> 0" in str(caught.value)


def test_none_and_httpx_timeouts_are_accepted() -> None:
    import httpx

    for timeout in (None, 2.5, httpx.Timeout(3.0)):
        with numberhub.Plivo(auth_id="MA" + "A" * 18, auth_token="t", timeout=timeout):
            pass


def test_a_client_used_after_its_block_raises_a_numberhub_error() -> None:
    with numberhub.Plivo(auth_id="MA" + "A" * 18, auth_token="t") as client:
        pager = client.list_numbers()
    with pytest.raises(numberhub.ClientClosedError, match="closed"):
        client.list_numbers()
    with pytest.raises(numberhub.ClientClosedError):
        list(pager)  # a listing made inside the block and read after it


def test_a_closed_http_client_of_ones_own_raises_it_before_sending(clock: FakeClock) -> None:
    fake = FakePlivo(size=3)
    http = fake.http()
    client = fake.client(clock=clock, http_client=http)
    http.close()
    with pytest.raises(numberhub.ClientClosedError):
        list(client.list_numbers())
    assert fake.requests == []


@pytest.mark.anyio
async def test_an_async_client_used_after_its_block_raises_a_numberhub_error() -> None:
    async with numberhub.AsyncPlivo(auth_id="MA" + "A" * 18, auth_token="t") as client:
        pass
    with pytest.raises(numberhub.ClientClosedError):
        client.list_numbers()
