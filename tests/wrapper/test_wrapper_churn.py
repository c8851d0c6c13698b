"""The mock's churn scenario: offset paging over a changing inventory, as a user tests it.

With ``churn=0.25`` and pages of 20, five numbers are released ahead of the second page,
five added ahead of the third, and so on. Over 100 numbers, page by page, the listing
then misses 20-24 and 60-64 and sees 40-44 and 80-84 twice: the wrapper hands out 90
distinct numbers, drops the 10 repeats and reports the 10 missing.
"""

from __future__ import annotations

import asyncio
import warnings

import httpx
import numberhub
import pytest
from numberhub.mock import MockServer, create_app, dataset

SIZE = 100
SEEN = [*range(0, 20), *range(25, 60), *range(65, 100)]  # worked out by hand, above


def _expected() -> list[str]:
    items = dataset("plivo", seed=0, size=SIZE)
    return [items[i]["number"] for i in SEEN]


def _check(got: list[str], pager: numberhub.SyncPager | numberhub.AsyncPager) -> None:
    assert got == _expected()
    report = pager.report
    assert (report.delivered, report.duplicates) == (90, 10)
    assert (report.announced, report.missing) == (SIZE, 10)
    assert {f.rule for f in pager.drift} >= {"duplicate", "total"}


def test_churn_shows_offset_paging_its_repeats_and_misses_async() -> None:
    app = create_app(providers=["plivo"], size=SIZE, churn=0.25)

    async def main() -> tuple[list[str], numberhub.AsyncPager]:
        http = httpx.AsyncClient(transport=httpx.ASGITransport(app=app))
        async with numberhub.AsyncPlivo(
            **app.credentials["plivo"], base_url="http://mock", http_client=http
        ) as plivo:
            pager = plivo.list_numbers(concurrency=1)
            return [n.id async for n in pager], pager

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", numberhub.DriftWarning)
        got, pager = asyncio.run(main())
    _check(got, pager)
    assert [r.query.get("offset") for r in app.requests] == [
        ["0"],
        ["20"],
        ["45"],
        ["60"],
        ["85"],  # what the client sent: the offsets it was given
    ]


def test_churn_shows_offset_paging_its_repeats_and_misses_sync() -> None:
    server = MockServer(providers=["plivo"], size=SIZE, churn=0.25)
    with server, warnings.catch_warnings():
        warnings.simplefilter("ignore", numberhub.DriftWarning)
        with numberhub.Plivo(**server.credentials["plivo"], base_url=server.base_url) as p:
            pager = p.list_numbers(concurrency=1)
            got = [n.id for n in pager]
    _check(got, pager)


def test_no_churn_by_default_and_a_rate_out_of_range_is_refused() -> None:
    assert create_app(providers=["plivo"], size=5).churn is None
    with pytest.raises(ValueError, match="churn"):
        create_app(providers=["plivo"], size=5, churn=1.5)
