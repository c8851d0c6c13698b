"""Complete or told: against a provider that lies, each listing is right, ends, and says so.

Every case runs sync and async, for each provider whose paging style allows it, against
`lying_provider.Liar` (pages served through ``httpx.MockTransport``). The expected ids are
written out from the script, never taken from the wrapper.
"""

from __future__ import annotations

import asyncio
import warnings
from typing import Any

import numberhub
import pytest
from lying_provider import CURSORS, STYLES, WITH_TOTALS, Liar, Script, ids_of, pages_of
from numberhub import IncompleteListingError, PaginationError, ResponseValidationError

PROVIDERS = tuple(STYLES)
RUNS = ("sync", "async")


def _size(provider: str) -> int:
    """The page size asked for in these tests (within every provider's range)."""
    return 5


def listing(
    liar: Liar, run: str, *, client: dict[str, Any] | None = None, **options: Any
) -> tuple[list[str], Any, BaseException | None]:
    """List from ``liar``: the ids handed out, the pager, and the error it ended with."""
    options.setdefault("page_size", _size(liar.provider))
    got: list[str] = []
    error: BaseException | None = None
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", numberhub.DriftWarning)
        if run == "sync":
            with liar.client(**(client or {})) as c:
                pager = c.list_numbers(**options)
                try:
                    got.extend(n.id for n in pager)
                except numberhub.NumberhubError as exc:
                    error = exc
            return got, pager, error

        async def main() -> Any:
            nonlocal error
            async with liar.async_client(**(client or {})) as c:
                pager = c.list_numbers(**options)
                try:
                    async for n in pager:
                        got.append(n.id)
                except numberhub.NumberhubError as exc:
                    error = exc
                return pager

        pager = asyncio.run(main())
    return got, pager, error


def _rules(pager: Any) -> dict[str, int]:
    return {f.rule: f.count for f in pager.drift}


# --- every number once ------------------------------------------------------------------


@pytest.mark.parametrize("run", RUNS)
@pytest.mark.parametrize("provider", PROVIDERS)
def test_a_number_on_two_pages_is_listed_once_and_reported(provider: str, run: str) -> None:
    liar = Liar(provider, [Script([0, 1, 2, 3, 4]), Script([3, 4, 5, 6, 7]), Script([8, 9])])
    got, pager, error = listing(liar, run)
    assert error is None
    assert got == ids_of(provider, list(range(10)))
    assert _rules(pager)["duplicate"] == 2
    report = pager.report
    assert (report.ended, report.complete, report.pages) == (True, True, 3)
    assert (report.delivered, report.duplicates) == (10, 2)
    duplicate = next(f for f in pager.drift if f.rule == "duplicate")
    assert duplicate.path.endswith(
        {"plivo": ".number", "butter": ".phone_number_id"}.get(provider, ".id")
    )


@pytest.mark.parametrize("run", RUNS)
@pytest.mark.parametrize("provider", PROVIDERS)
def test_a_repeat_within_one_page_is_dropped_too(provider: str, run: str) -> None:
    liar = Liar(provider, [Script([0, 1, 1, 2, 0])])
    got, pager, _ = listing(liar, run)
    assert got == ids_of(provider, [0, 1, 2])
    assert pager.report.duplicates == 2


@pytest.mark.parametrize("run", RUNS)
@pytest.mark.parametrize("provider", PROVIDERS)
def test_strict_refuses_the_first_repeat(provider: str, run: str) -> None:
    liar = Liar(provider, [Script([0, 1, 2, 3, 4]), Script([4, 5, 6, 7, 8])])
    got, _, error = listing(liar, run, client={"strict": True})
    assert isinstance(error, ResponseValidationError)
    assert not isinstance(error, IncompleteListingError)
    assert got == ids_of(provider, [0, 1, 2, 3, 4])
    assert [f.rule for f in error.findings] == ["duplicate"]


@pytest.mark.parametrize("run", RUNS)
@pytest.mark.parametrize("provider", ["plivo", "rounded", "duoplus"])
def test_concurrent_listings_hand_out_each_number_once(provider: str, run: str) -> None:
    ids = [0, 1, 2, 3, 4, 2, 5, 6, 7, 8, 9, 10, 11, 0, 12, 13, 14, 15, 16, 17]
    liar = Liar(provider, pages_of(ids, 5), total=18)
    got, pager, error = listing(liar, run, concurrency=3)
    assert error is None
    assert got == ids_of(provider, list(range(18)))
    assert pager.report.duplicates == 2


@pytest.mark.parametrize("provider", PROVIDERS)
def test_max_items_counts_distinct_numbers(provider: str) -> None:
    liar = Liar(provider, [Script([0, 1, 2, 3, 4]), Script([3, 4, 5, 6, 7]), Script([8, 9])])
    got, pager, _ = listing(liar, "sync", max_items=7)
    assert got == ids_of(provider, list(range(7)))
    assert (pager.report.ended, pager.report.complete) == (True, False)


# --- told when incomplete ----------------------------------------------------------------


@pytest.mark.parametrize("run", RUNS)
@pytest.mark.parametrize("provider", WITH_TOTALS)
def test_a_shortfall_against_the_announced_total_is_reported(provider: str, run: str) -> None:
    liar = Liar(provider, [Script([0, 1, 2, 3], more=False)], total=10)
    got, pager, error = listing(liar, run)
    assert error is None
    assert got == ids_of(provider, [0, 1, 2, 3])
    report = pager.report
    assert (report.announced, report.delivered, report.missing) == (10, 4, 6)
    total = next(f for f in pager.drift if f.rule == "total")
    assert "10" in total.expected
    assert "4" in total.seen
    data = report.to_dict()
    assert data["missing"] == 6
    assert data["findings"][-1]["rule"] == "total"


@pytest.mark.parametrize("run", RUNS)
@pytest.mark.parametrize("provider", WITH_TOTALS)
def test_strict_raises_incomplete_listing_after_the_rows(provider: str, run: str) -> None:
    liar = Liar(provider, [Script([0, 1, 2, 3], more=False)], total=10)
    got, _, error = listing(liar, run, client={"strict": True})
    assert got == ids_of(provider, [0, 1, 2, 3])
    assert isinstance(error, IncompleteListingError)
    assert (error.announced, error.delivered) == (10, 4)
    assert "6 missing" in str(error)


@pytest.mark.parametrize("provider", WITH_TOTALS)
def test_a_surplus_is_reported_as_well(provider: str) -> None:
    liar = Liar(provider, [Script([0, 1, 2, 3, 4]), Script([5, 6], more=False)], total=5)
    got, pager, _ = listing(liar, "sync")
    assert len(got) == 7
    assert _rules(pager)["total"] == 1
    assert pager.report.missing == 0


@pytest.mark.parametrize("provider", WITH_TOTALS)
def test_an_honest_listing_has_no_finding(provider: str) -> None:
    liar = Liar(provider, pages_of(list(range(12)), 5))
    got, pager, error = listing(liar, "sync")
    assert (len(got), error, list(pager.drift)) == (12, None, [])
    assert pager.report.to_dict()["announced"] == 12


# --- always ends -----------------------------------------------------------------------


@pytest.mark.parametrize("run", RUNS)
@pytest.mark.parametrize("provider", CURSORS)
def test_a_cursor_cycle_ends_with_a_pagination_error(provider: str, run: str) -> None:
    # A -> B -> A: each cursor differs from the one before, yet the listing goes round
    liar = Liar(provider, [Script([0, 1]), Script([2, 3]), Script([4, 5], next=1)])
    got, _, error = listing(liar, run)
    assert isinstance(error, PaginationError)
    assert got == ids_of(provider, [0, 1, 2, 3])
    assert len(liar.requests) == 3


@pytest.mark.parametrize("run", RUNS)
@pytest.mark.parametrize("provider", PROVIDERS)
def test_positions_that_advance_over_the_same_items_end(provider: str, run: str) -> None:
    pages = [Script([0, 1, 2])] + [Script([0, 1, 2]) for _ in range(50)]
    liar = Liar(provider, pages, total=100)
    got, _, error = listing(liar, run)
    assert isinstance(error, PaginationError)
    assert "no progress" in str(error)
    assert got == ids_of(provider, [0, 1, 2])
    assert len(liar.requests) == 1 + numberhub.STALE_PAGES


@pytest.mark.parametrize("run", RUNS)
@pytest.mark.parametrize("provider", PROVIDERS)
def test_empty_pages_that_claim_more_end(provider: str, run: str) -> None:
    pages = [Script([0, 1])] + [Script([], more=True) for _ in range(50)]
    liar = Liar(provider, pages, total=100)
    got, _, error = listing(liar, run)
    assert isinstance(error, PaginationError)
    assert "empty pages" in str(error)
    assert got == ids_of(provider, [0, 1])
    assert len(liar.requests) == 1 + numberhub.STALE_PAGES


@pytest.mark.parametrize("provider", PROVIDERS)
def test_a_few_empty_pages_before_more_numbers_are_skipped(provider: str) -> None:
    pages = [Script([0]), Script([]), Script([]), Script([1, 2])]
    got, _, error = listing(Liar(provider, pages), "sync")
    assert (got, error) == (ids_of(provider, [0, 1, 2]), None)


@pytest.mark.parametrize("run", RUNS)
@pytest.mark.parametrize("provider", ["rounded", "duoplus"])
def test_a_growing_page_count_without_new_numbers_ends(provider: str, run: str) -> None:
    pages = [Script([0, 1], total_pages=2 + k, total=10 + k) for k in range(60)]
    liar = Liar(provider, pages)
    got, _, error = listing(liar, run)
    assert isinstance(error, PaginationError)
    assert "growing total" in str(error)
    assert got == ids_of(provider, [0, 1])
    assert len(liar.requests) == 1 + numberhub.STALE_PAGES


@pytest.mark.parametrize("run", RUNS)
@pytest.mark.parametrize("provider", PROVIDERS)
def test_an_inventory_that_really_grows_lists_to_the_end(provider: str, run: str) -> None:
    # every page brings new numbers and announces a larger total: that is real growth
    pages = [Script([2 * k, 2 * k + 1], total=4 + 2 * k, total_pages=k + 2) for k in range(30)]
    pages[-1].more = False
    pages[-1].total, pages[-1].total_pages = 60, 30
    got, pager, error = listing(Liar(provider, pages), run)
    assert error is None
    assert got == ids_of(provider, list(range(60)))
    assert "total" not in _rules(pager)


@pytest.mark.parametrize("run", RUNS)
@pytest.mark.parametrize("provider", ["plivo", "rounded", "duoplus"])
def test_a_huge_announced_total_keeps_a_bounded_window(provider: str, run: str) -> None:
    # 10^12 numbers announced, five real: the plan is made as it is used, and the
    # provider's own end-of-list stops it
    liar = Liar(provider, [Script([0, 1, 2, 3, 4])], total=10**12)
    liar.pages[0].total_pages = 2 * 10**11
    got, pager, error = listing(liar, run, concurrency=4)
    assert got == ids_of(provider, [0, 1, 2, 3, 4])
    assert error is None
    assert len(liar.requests) <= 1 + 4
    assert pager.report.missing == 10**12 - 5


@pytest.mark.parametrize("run", RUNS)
@pytest.mark.parametrize("provider", PROVIDERS)
def test_a_page_larger_than_asked_is_listed_and_reported(provider: str, run: str) -> None:
    liar = Liar(provider, [Script(list(range(12)))])
    got, pager, error = listing(liar, run, page_size=5)
    assert error is None
    assert got == ids_of(provider, list(range(12)))
    assert "page-size" in _rules(pager)


# --- nothing leaks -----------------------------------------------------------------------


@pytest.mark.parametrize("run", RUNS)
@pytest.mark.parametrize("provider", CURSORS)
def test_a_pagination_error_never_quotes_the_position(provider: str, run: str) -> None:
    def planted(index: int) -> str:
        return f"secret-token-+14155550123-{index}"

    liar = Liar(provider, [Script([0]), Script([1], next=0)], token_of=planted)
    _, _, error = listing(liar, run)
    assert isinstance(error, PaginationError)
    assert "secret" not in str(error)
    assert "555" not in str(error)
    assert "cursor" in str(error)


# --- the parts a regression would break first (each pinned by a mutant that survived) ----


def test_a_provider_that_ignores_the_page_parameter_is_named_so() -> None:
    from wrapper_fakes import FakeRounded

    fake = FakeRounded(size=100, ignore_page=True)
    with fake.client(rate_limit=None) as client, pytest.raises(PaginationError) as caught:
        list(client.list_numbers(page_size=20))
    assert "provider ignores the page parameter" in str(caught.value)
    assert len(fake.requests) == 2


def test_a_next_url_never_overrides_a_filter_the_caller_gave() -> None:
    import httpx

    liar = Liar("plivo", pages_of(list(range(10)), 5))

    def handler(request: httpx.Request) -> httpx.Response:
        response = liar(request)
        body = response.json()
        if body["meta"]["next"]:  # a provider that slips another filter value in
            body["meta"]["next"] += "&type=mobile&extra=1"
        return httpx.Response(200, json=body)

    http = httpx.Client(transport=httpx.MockTransport(handler))
    with liar.client(http_client=http) as client:
        assert len(list(client.list_numbers(type="local", page_size=5, concurrency=1))) == 10
    second = liar.requests[1].url.params
    assert (second["type"], second["extra"], second["offset"]) == ("local", "1", "5")


@pytest.mark.parametrize("provider", ["duoplus", "rounded"])
def test_page_numbers_are_fetched_concurrently_and_within_max_items(provider: str) -> None:
    import threading

    import httpx

    liar = Liar(provider, pages_of(list(range(40)), 5))
    barrier = threading.Barrier(3, timeout=10)  # a safety net, not a timing

    def handler(request: httpx.Request) -> httpx.Response:
        response = liar(request)
        if 2 <= len(liar.requests) <= 4:
            barrier.wait()  # three pages in flight at once, or this breaks
        return response

    http = httpx.Client(transport=httpx.MockTransport(handler))
    with liar.client(http_client=http) as client:
        pager = client.list_numbers(page_size=5, concurrency=3, max_items=17)
        got = [n.id for n in pager]
    assert got == ids_of(provider, list(range(17)))
    assert len(liar.requests) == 4  # pages 1 to 4 hold the first 17


def test_the_report_counts_every_retry() -> None:
    import httpx
    from wrapper_fakes import FakeClock

    liar = Liar("butter", pages_of(list(range(15)), 5))
    calls = {"n": 0}

    def handler(request: httpx.Request) -> httpx.Response:
        calls["n"] += 1
        if calls["n"] in (1, 3):  # the first try of the first and of the second page
            return httpx.Response(503, json={"success": False})
        return liar(request)

    http = httpx.Client(transport=httpx.MockTransport(handler))
    with liar.client(http_client=http, clock=FakeClock()) as client:
        pager = client.list_numbers(page_size=5)
        assert len(list(pager)) == 15
    assert (pager.report.retries, pager.report.pages) == (2, 3)


def test_a_page_count_alone_implies_a_total() -> None:
    import httpx

    # Rounded's page mode without total_items: 3 pages of 5 announced, 8 numbers served,
    # so at least 11 were implied
    liar = Liar("rounded", [Script([0, 1, 2, 3, 4]), Script([5, 6, 7], more=True)])

    def handler(request: httpx.Request) -> httpx.Response:
        body = liar(request).json()
        del body["total_items"]
        body["total_pages"] = 3  # on every page, the last (empty) one included
        return httpx.Response(200, json=body)

    http = httpx.Client(transport=httpx.MockTransport(handler))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", numberhub.DriftWarning)
        with liar.client(http_client=http) as client:
            pager = client.list_numbers(page_size=5, concurrency=1)
            assert len(list(pager)) == 8
    assert pager.report.announced is None
    total = next(f for f in pager.drift if f.rule == "total")
    assert (total.expected, total.seen) == ("11 numbers, as announced", "8 delivered")


def test_an_incomplete_listing_error_carries_the_last_answer() -> None:
    liar = Liar("plivo", [Script([0, 1], more=False)], total=4)
    _, _, error = listing(liar, "sync", client={"strict": True})
    assert isinstance(error, IncompleteListingError)
    assert "strict=True refuses an incomplete listing" in str(error)
    assert error.headers["content-type"] == "application/json"
    assert error.response.status_code == 200
    assert [f.rule for f in error.findings] == ["total"]


def test_a_page_larger_than_asked_names_what_was_seen() -> None:
    got, pager, _ = listing(Liar("bird", [Script(list(range(7)))]), "sync", page_size=5)
    finding = next(f for f in pager.drift if f.rule == "page-size")
    assert (finding.expected, finding.seen, finding.path) == (
        "at most 5 items",
        "more items",
        "$.results",
    )
    assert len(got) == 7


def test_the_id_set_grows_past_its_first_table() -> None:
    from numberhub._integrity import SeenIds

    seen = SeenIds(capacity=8)
    ids = [f"id-{k}" for k in range(5000)]
    for key in ids:
        seen.add(key)
    seen.add("id-7")  # again: no change
    assert len(seen) == 5000
    assert all(key in seen for key in ids)
    assert "id-5000" not in seen
    assert "" not in seen
