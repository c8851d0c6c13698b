"""Latency and faults: per request by header, per server by a seeded rate; rate limits."""

from __future__ import annotations

import asyncio
from collections import Counter

import httpx
import numberhub_mock._state
import numberhub_spec
import pytest
from mock_helpers import PROVIDERS, assert_conforms, call
from numberhub_mock import MockServer, create_app

FAULT = "X-Numberhub-Fault"


@pytest.mark.parametrize("provider", PROVIDERS)
@pytest.mark.parametrize("status", [429, 500, 503])
def test_forced_status_carries_the_providers_body(
    http: httpx.Client, server: MockServer, provider: str, status: int
) -> None:
    r = call(http, provider, server.credentials[provider], headers={FAULT: f"status={status}"})
    assert r.status_code == status
    if str(status) in _documented(provider):
        assert_conforms(provider, r)
    else:  # undocumented status: still a JSON body
        assert isinstance(r.json(), dict)
    if status == 429:
        assert r.headers["retry-after"] == "1"


def _documented(provider: str) -> set[str]:
    return set(numberhub_spec.load(provider).operation.responses)


def test_forced_status_does_not_need_credentials(http: httpx.Client) -> None:
    r = http.get("/v1/phone-numbers", headers={FAULT: "status=502"})
    assert r.status_code == 502
    assert r.json()["status"] == 502


def test_retry_after_can_be_chosen(http: httpx.Client, server: MockServer) -> None:
    r = call(
        http, "butter", server.credentials["butter"], headers={FAULT: "status=429; retry-after=7"}
    )
    assert r.status_code == 429
    assert r.headers["retry-after"] == "7"
    assert r.json()["error"]["code"] == "rate_limited"


def test_bad_fault_header_is_a_400(http: httpx.Client, server: MockServer) -> None:
    for value in ("status=200", "explode", "delay=soon", "status=abc"):
        r = call(http, "plivo", server.credentials["plivo"], headers={FAULT: value})
        assert r.status_code == 400, value
        assert "error" in r.json()


def test_delay_past_the_client_timeout_times_out(server: MockServer) -> None:
    with (
        # only the answer is awaited briefly: connecting stays generous on a busy machine
        httpx.Client(base_url=server.base_url, timeout=httpx.Timeout(10, read=0.2)) as client,
        pytest.raises(httpx.ReadTimeout),
    ):
        call(client, "rounded", server.credentials["rounded"], headers={FAULT: "delay=1500"})
    # A short delay is still answered (with a timeout a loaded test machine can meet).
    with httpx.Client(base_url=server.base_url, timeout=10) as client:
        r = call(client, "rounded", server.credentials["rounded"], headers={FAULT: "delay=1"})
        assert r.status_code == 200


def test_drop_closes_the_connection_without_a_response(server: MockServer) -> None:
    with httpx.Client(base_url=server.base_url) as client:
        with pytest.raises(httpx.RemoteProtocolError, match="without sending a response"):
            call(client, "plivo", server.credentials["plivo"], headers={FAULT: "drop"})
        # the server is still there
        assert call(client, "plivo", server.credentials["plivo"]).status_code == 200


def test_truncate_sends_half_a_body(server: MockServer) -> None:
    with httpx.Client(base_url=server.base_url) as client:
        with pytest.raises(httpx.RemoteProtocolError, match=r"incomplete|complete message body"):
            call(client, "bird", server.credentials["bird"], headers={FAULT: "truncate"})
        assert call(client, "bird", server.credentials["bird"]).status_code == 200


def test_drop_and_truncate_in_process_raise_like_a_connection() -> None:
    app = create_app(providers=["rounded"])
    key = app.credentials["rounded"]["api_key"]

    async def run(fault: str) -> None:
        async with httpx.AsyncClient(
            transport=httpx.ASGITransport(app=app), base_url="http://mock"
        ) as client:
            await client.get("/v1/phone-numbers", headers={"X-Api-Key": key, FAULT: fault})

    for fault in ("drop", "truncate"):
        with pytest.raises(httpx.RemoteProtocolError):
            asyncio.run(run(fault))


def _outcomes(seed: int, n: int, fault_rate: float) -> list[str]:
    app = create_app(providers=["rounded"], seed=seed, fault_rate=fault_rate, slow_ms=0)
    key = app.credentials["rounded"]["api_key"]

    async def run() -> list[str]:
        out = []
        async with httpx.AsyncClient(
            transport=httpx.ASGITransport(app=app), base_url="http://mock"
        ) as client:
            for _ in range(n):
                try:
                    r = await client.get("/v1/phone-numbers", headers={"X-Api-Key": key})
                    out.append(str(r.status_code))
                except httpx.RemoteProtocolError as exc:
                    out.append("truncate" if "complete" in str(exc) else "drop")
        return out

    return asyncio.run(run())


def test_fault_rate_is_reproducible_for_a_seed_and_mixes_every_kind() -> None:
    first = _outcomes(seed=3, n=300, fault_rate=0.5)
    assert first == _outcomes(seed=3, n=300, fault_rate=0.5)
    assert first != _outcomes(seed=4, n=300, fault_rate=0.5)
    counts = Counter(first)
    assert {"429", "500", "502", "503", "drop", "truncate"} <= set(counts)
    # "slow" faults (slow_ms=0 here) answer normally, so 200s include them
    assert 60 < sum(v for k, v in counts.items() if k != "200") < 240


def test_no_faults_without_a_rate() -> None:
    assert set(_outcomes(seed=3, n=50, fault_rate=0.0)) == {"200"}


def test_fault_kinds_can_be_chosen() -> None:
    app = create_app(providers=["plivo"], fault_rate=1.0, faults=["503"])
    creds = app.credentials["plivo"]

    async def run() -> set[int]:
        async with httpx.AsyncClient(
            transport=httpx.ASGITransport(app=app), base_url="http://mock"
        ) as client:
            url = f"/v1/Account/{creds['auth_id']}/Number/"
            rs = [
                await client.get(url, auth=(creds["auth_id"], creds["auth_token"]))
                for _ in range(10)
            ]
            return {r.status_code for r in rs}

    assert asyncio.run(run()) == {503}
    with pytest.raises(ValueError, match="unknown fault"):
        create_app(faults=["meltdown"])
    with pytest.raises(ValueError, match="fault_rate"):
        create_app(fault_rate=2)


class _StoppedTime:
    """Stands in for the ``time`` module of the mock's rate-limit state: time moves only when told.

    The limit is asserted by count, not by how fast a busy machine sends the requests.
    """

    def __init__(self) -> None:
        self.now = 1000.0

    def monotonic(self) -> float:
        return self.now


@pytest.mark.parametrize(
    ("provider", "limit", "per_seconds"), [("duoplus", 1, 1), ("butter", 10, 1), ("plivo", 300, 5)]
)
def test_rate_limit_emulates_the_documented_limit(
    provider: str, limit: int, per_seconds: float, monkeypatch: pytest.MonkeyPatch
) -> None:
    clock = _StoppedTime()
    monkeypatch.setattr(numberhub_mock._state, "time", clock)
    with (
        MockServer(providers=[provider], rate_limit=True, size=5) as srv,
        httpx.Client(base_url=srv.base_url) as client,
    ):
        creds = srv.credentials[provider]
        statuses = [call(client, provider, creds).status_code for _ in range(limit + 1)]
        assert statuses[:limit] == [200] * limit
        assert statuses[limit] == 429
        clock.now += per_seconds - 0.5
        r = call(client, provider, creds)
        assert r.status_code == 429
        assert int(r.headers["retry-after"]) >= 1
        assert_conforms(provider, r)
        clock.now += 0.5  # the window is over
        assert call(client, provider, creds).status_code == 200


def test_providers_without_a_documented_limit_are_not_limited() -> None:
    with (
        MockServer(providers=["rounded", "bird"], rate_limit=True, size=5) as srv,
        httpx.Client(base_url=srv.base_url) as client,
    ):
        for provider in ("rounded", "bird"):
            creds = srv.credentials[provider]
            assert {call(client, provider, creds).status_code for _ in range(40)} == {200}


def test_latency_and_jitter_keep_answers_the_same() -> None:
    with (
        MockServer(providers=["rounded"], latency_ms=5, jitter_ms=5, size=10) as slow,
        MockServer(providers=["rounded"], size=10) as fast,
        httpx.Client() as client,
    ):
        a = call(
            client, "rounded", slow.credentials["rounded"], url=slow.base_url + "/v1/phone-numbers"
        )
        b = call(
            client, "rounded", fast.credentials["rounded"], url=fast.base_url + "/v1/phone-numbers"
        )
    assert a.json() == b.json()
