"""Resilience soak: 10,000 numbers per provider through a mock that faults 20% of requests.

The mock draws each request's fault from its seed (429 with Retry-After, 500, 502, 503,
a dropped connection, a truncated body, an answer slower than the client's timeout). The
wrapper must list every number exactly once, in order, retrying each fault within its
budget. The mock's fault plan is the ground truth for what was injected: every attempt it
faulted must have failed the way the fault says and been retried, every other attempt
must have been a page.

Nothing here depends on how fast the machine is. Retry waits run on a virtual clock. Only
reading an answer has a real, short timeout (a slow fault must outlast it); connecting and
sending have a generous one, so every attempt reaches the mock and attempt k of a sequential
soak is the mock's request k. On a loaded machine an unfaulted answer can still outlast the
read timeout (a stall): that attempt fails and is retried like a fault, so the counts of
attempts and retries may exceed the plan's, and are asserted as bounds; what was listed
(nothing lost, nothing duplicated, in order) is asserted exactly.

The counts of each soak are written to reports/e2e/soak-<provider>-<mode>.json.
"""

from __future__ import annotations

import asyncio
import json
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import numberhub
import pytest
from e2e_helpers import ID_FIELD, PROVIDERS, AttemptLog, VirtualClock, wrapper_options
from numberhub.mock import FAULT_KINDS, MockServer, dataset

SEED = 2031  # plus the provider's index: each provider meets its own run of faults
SIZE = 10_000
FAULT_RATE = 0.2
MAX_RETRIES = 10  # 20% faults: ten in a row on one page has odds of 1 in 10^7
# Normal answers take milliseconds; a slow fault answers after twice the read timeout, so
# it always times out. Connecting and sending get a generous timeout: a request is never
# lost before it reaches the mock.
TIMEOUT = httpx.Timeout(30.0, read=1.0)
SLOW_MS = 2_000
# Page sizes for about 200 pages per provider (Plivo's maximum is 20: 500 pages), so that
# every kind of fault turns up in every soak.
PAGE_SIZE = {"bird": 50, "butter": 50, "duoplus": 50, "plivo": 20, "rounded": 50}
REPORTS = Path(__file__).resolve().parents[2] / "reports" / "e2e"


def kind_of(fault: Any) -> str | None:
    """The FAULT_KINDS name of one planned fault (None: no fault)."""
    if fault is None:
        return None
    if fault.drop:
        return "drop"
    if fault.truncate:
        return "truncate"
    if fault.status is not None:
        return str(fault.status)
    return "slow"


def seed_of(provider: str) -> int:
    return SEED + PROVIDERS.index(provider)


@pytest.fixture(scope="module")
def truths() -> dict[str, list[str]]:
    return {
        p: [str(i[ID_FIELD[p]]) for i in dataset(p, seed=seed_of(p), size=SIZE)] for p in PROVIDERS
    }


@pytest.fixture
def faulty_server(request: pytest.FixtureRequest) -> Iterator[MockServer]:
    provider = request.node.callspec.params["provider"]
    with MockServer(
        providers=[provider],
        seed=seed_of(provider),
        size=SIZE,
        fault_rate=FAULT_RATE,
        slow_ms=SLOW_MS,
    ) as server:
        warm_up(server, provider)
        yield server


# The mock builds a provider's ordered selection on its first request, which can take
# about as long as the soak's timeout. One request before the soak, exempt from the random
# faults by an explicit X-Numberhub-Fault header, builds it; it is the mock's request 0,
# so the soak's attempt k is the mock's request k + WARM_UP.
WARM_UP = 1


def warm_up(server: MockServer, provider: str) -> None:
    exempt = {"X-Numberhub-Fault": "delay=0"}
    with httpx.Client(headers=exempt, timeout=30) as http:
        options = wrapper_options(server, provider, VirtualClock(), max_retries=0)
        with numberhub.client(provider, **options, http_client=http) as client:
            assert len(list(client.list_numbers(max_items=1))) == 1


def soak(server: MockServer, provider: str, mode: str) -> tuple[list[str], AttemptLog, Any]:
    """List everything through the wrapper; return the ids, the attempts and the clock."""
    log, clock = AttemptLog(), VirtualClock()
    options = wrapper_options(server, provider, clock, max_retries=MAX_RETRIES, timeout=TIMEOUT)
    # Concurrent fetching where the provider's first page gives the total (it is ignored
    # for cursor paging): faults then hit pages fetched side by side.
    listing: dict[str, Any] = {"page_size": PAGE_SIZE[provider]}
    if mode == "async":
        listing["concurrency"] = 4
    if mode == "sync":
        with (
            log.sync_client() as http,
            numberhub.client(provider, **options, http_client=http) as c,
        ):
            pages = list(c.list_numbers(**listing).pages())
    else:

        async def run() -> list[Any]:
            async with log.async_client() as http:
                c = numberhub.async_client(provider, **options, http_client=http)
                return [page async for page in c.list_numbers(**listing).pages()]

        pages = asyncio.run(run())
    ids = [n.id for page in pages for n in page]
    return ids, log, (clock, [page.response.request.extensions["attempt"] for page in pages])


@pytest.mark.slow
@pytest.mark.parametrize("mode", ["sync", "async"])
@pytest.mark.parametrize("provider", PROVIDERS)
def test_soak_loses_nothing_and_retries_every_fault(
    provider: str, mode: str, faulty_server: MockServer, truths: dict[str, list[str]]
) -> None:
    ids, log, (clock, page_attempts) = soak(faulty_server, provider, mode)
    expected = truths[provider]

    lost = set(expected) - set(ids)
    duplicated = [i for i, n in Counter(ids).items() if n > 1]
    assert not lost, f"{len(lost)} numbers lost"
    assert not duplicated, f"{len(duplicated)} numbers listed more than once"
    assert ids == expected

    # Every attempt is a page or a failure, and every failure was retried once.
    attempts = len(log.attempts)
    pages = set(page_attempts)
    assert len(pages) == len(page_attempts), "one attempt, one page"
    assert all(log.statuses[k] == 200 for k in pages)
    failed = [k for k in range(attempts) if k not in pages]
    assert len(clock.waits) == len(failed), "every failed attempt was retried once"

    # What the mock injected, request by request: its seeded plan is the ground truth.
    # Every attempt reached the mock, so the soak's attempts are its requests 1..attempts.
    plan = faulty_server.app.plan
    planned = [kind_of(plan.fault(WARM_UP + k)) for k in range(attempts)]
    injected = Counter(k for k in planned if k is not None)
    stalls = len(failed) - sum(injected.values())  # unfaulted answers that outlasted the read
    assert stalls >= 0, "no fault let a page through"
    assert set(injected) == set(FAULT_KINDS), f"not every kind of fault was injected: {injected}"
    assert 0.1 < sum(injected.values()) / attempts < 0.3
    seen = Counter(log.statuses)
    for kind in ("429", "500", "502", "503"):
        # a stall can hide a fault's status (no answer in time), never make one up
        assert injected[kind] - stalls <= seen[int(kind)] <= injected[kind], kind

    longest = max(
        len(run) for run in "".join("." if k in pages else "x" for k in range(attempts)).split(".")
    )
    assert longest <= MAX_RETRIES, "no page needed more retries than the budget"
    if mode == "sync":  # one request at a time: attempt k is the mock's request k
        allowed = {None: {200, None}, "truncate": {200, None}, "drop": {None}, "slow": {None}}
        for k, (kind, status) in enumerate(zip(planned, log.statuses, strict=True)):
            assert kind is None or k not in pages, f"attempt {k} ({kind}) gave a page"
            # a status fault: that status, or none when a stall outlasted the read
            ok = allowed[kind] if kind in allowed else {int(kind), None}
            assert status in ok, f"attempt {k} ({kind}): {status}"
        for k, wait in zip(failed, clock.waits, strict=True):
            if log.statuses[k] == 429:
                assert wait == 1.0, "the mock's Retry-After (1 s) is honoured"
            else:
                assert 0 < wait <= 8.0, "capped exponential backoff"

    REPORTS.mkdir(parents=True, exist_ok=True)
    (REPORTS / f"soak-{provider}-{mode}.json").write_text(
        json.dumps(
            {
                "provider": provider,
                "mode": mode,
                "items": len(ids),
                "lost": len(lost),
                "duplicated": len(duplicated),
                "pages": len(pages),
                "attempts": attempts,
                "faults injected": sum(injected.values()),
                "faults survived": len(clock.waits),
                "stalls (unfaulted answers past the read timeout)": stalls,
                "by kind": dict(sorted(injected.items())),
                "most failures in a row": longest,
                "virtual seconds waited": round(sum(clock.waits), 2),
            },
            indent=2,
        )
    )


# --- 100% faults: give up with the right error after max_retries -----------------------

GIVE_UP_RETRIES = 3
EXPECTED_ERROR: dict[str, type[Exception]] = {
    "429": numberhub.RateLimitError,
    "500": numberhub.ServerError,
    "502": numberhub.ServerError,
    "503": numberhub.ServerError,
    "drop": numberhub.APIConnectionError,
    "truncate": numberhub.APIConnectionError,
    "slow": numberhub.APITimeoutError,
}


@pytest.fixture(scope="module", params=FAULT_KINDS)
def always_faulty(request: pytest.FixtureRequest) -> Iterator[tuple[str, MockServer]]:
    kind = request.param
    with MockServer(seed=SEED, size=50, fault_rate=1.0, faults=[kind], slow_ms=1_000) as server:
        yield kind, server


@pytest.mark.parametrize("mode", ["sync", "async"])
@pytest.mark.parametrize("provider", PROVIDERS)
def test_with_every_request_faulted_it_gives_up_with_the_right_error(
    provider: str, mode: str, always_faulty: tuple[str, MockServer]
) -> None:
    kind, server = always_faulty
    log, clock = AttemptLog(), VirtualClock()
    # Only a slow fault may time out, and it always does (the mock answers after 1 s).
    timeout = httpx.Timeout(30.0, read=0.2 if kind == "slow" else 30.0)
    options = wrapper_options(server, provider, clock, max_retries=GIVE_UP_RETRIES, timeout=timeout)
    error = EXPECTED_ERROR[kind]

    if mode == "sync":
        with (
            log.sync_client() as http,
            numberhub.client(provider, **options, http_client=http) as c,
            pytest.raises(error) as caught,
        ):
            list(c.list_numbers())
    else:

        async def run() -> None:
            async with log.async_client() as http:
                c = numberhub.async_client(provider, **options, http_client=http)
                [n async for n in c.list_numbers()]

        with pytest.raises(error) as caught:
            asyncio.run(run())

    exc = caught.value
    assert type(exc) is error, f"{type(exc).__name__}: {exc}"
    assert len(log.attempts) == GIVE_UP_RETRIES + 1
    assert len(clock.waits) == GIVE_UP_RETRIES
    assert exc.provider == provider
    if isinstance(exc, numberhub.APIError):
        assert exc.status == int(kind)
        assert log.statuses == [int(kind)] * (GIVE_UP_RETRIES + 1)
        if kind == "429":
            assert exc.headers.get("retry-after") == "1"
            assert clock.waits == [1.0] * GIVE_UP_RETRIES
    elif kind == "truncate":
        assert log.statuses == [200] * (GIVE_UP_RETRIES + 1)  # headers came, the body did not
    else:
        assert log.statuses == [None] * (GIVE_UP_RETRIES + 1)
    assert not isinstance(exc, httpx.HTTPError)
