"""Bounded in time and memory, and nothing leaks: a lying provider on a real socket.

The drip, the gzip bomb and the error envelopes are served by `LiarServer` on 127.0.0.1,
so what is tested is what users get through httpx's own transport.
"""

from __future__ import annotations

import asyncio
import gzip
import json
import logging
import threading
import zlib
from typing import Any

import httpx
import numberhub
import pytest
from lying_provider import Liar, LiarServer, Script, drip, gzip_bomb, ids_of, raw
from numberhub import APITimeoutError, ResponseValidationError
from wrapper_fakes import CREDENTIALS, PLIVO_AUTH_ID, FakeClock

RUNS = ("sync", "async")


def _run(provider: str, base_url: str, run: str, **client: Any) -> list[str]:
    """List through a real socket, with the client numberhub makes itself."""
    kwargs = {**CREDENTIALS[provider], "base_url": base_url, "rate_limit": None, **client}
    if run == "sync":
        with numberhub.client(provider, **kwargs) as c:
            return [n.id for n in c.list_numbers(page_size=5)]

    async def main() -> list[str]:
        async with numberhub.async_client(provider, **kwargs) as c:
            return [n.id async for n in c.list_numbers(page_size=5)]

    return asyncio.run(main())


@pytest.mark.parametrize("run", RUNS)
def test_one_byte_at_a_time_cannot_hold_an_attempt_open(run: str) -> None:
    # each byte arrives well within the read timeout; the attempt as a whole does not
    with (
        LiarServer(Liar("plivo", []), mode=drip) as server,
        pytest.raises(APITimeoutError) as caught,
    ):
        _run("plivo", server.base_url, run, timeout=0.5, max_retries=0)
    assert "timed out" in str(caught.value)
    assert server.hits == 1


@pytest.mark.parametrize("run", RUNS)
def test_a_gzip_bomb_is_refused_at_the_cap(run: str) -> None:
    with (
        LiarServer(Liar("plivo", []), mode=gzip_bomb(64)) as server,
        pytest.raises(ResponseValidationError) as caught,
    ):
        _run("plivo", server.base_url, run, max_page_bytes=2**20)
    assert "max_page_bytes" in str(caught.value)
    assert "1048576" in str(caught.value)


@pytest.mark.parametrize("run", RUNS)
def test_a_compressed_page_within_the_cap_is_read(run: str) -> None:
    body = Liar("bird", [Script([0, 1, 2])]).answer("GET", "/x", b"")[1]
    mode = raw(200, gzip.compress(body), {"content-encoding": "gzip"})
    with LiarServer(Liar("bird", []), mode=mode) as server:
        assert _run("bird", server.base_url, run) == ids_of("bird", [0, 1, 2])


@pytest.mark.parametrize("run", RUNS)
def test_a_page_over_the_cap_is_a_typed_error(run: str) -> None:
    body = Liar("butter", [Script(list(range(5)))]).answer("GET", "/x", b"")[1]
    with LiarServer(Liar("butter", []), mode=raw(200, body)) as server:
        with pytest.raises(ResponseValidationError, match="max_page_bytes"):
            _run("butter", server.base_url, run, max_page_bytes=len(body) - 1)
        assert len(_run("butter", server.base_url, run, max_page_bytes=len(body))) == 5


def test_max_page_bytes_is_checked() -> None:
    with pytest.raises(numberhub.InvalidParameterError, match="max_page_bytes"):
        numberhub.client("rounded", **CREDENTIALS["rounded"], max_page_bytes=0)


@pytest.mark.parametrize("run", RUNS)
def test_a_deeply_nested_field_is_a_typed_error(run: str) -> None:
    item: dict[str, Any] = {"id": "x"}
    nested: Any = 1
    for _ in range(300):
        nested = [nested]
    body = json.dumps({"results": [{**item, "countryCode": nested}]}).encode()
    with (
        LiarServer(Liar("bird", []), mode=raw(200, body)) as server,
        pytest.raises(ResponseValidationError) as caught,
    ):
        _run("bird", server.base_url, run)
    assert any(f.rule == "depth" for f in caught.value.findings)


# --- Retry-After, the same for sync and async ---------------------------------------------


def _busy_then_ok(retry_after: str) -> httpx.MockTransport:
    liar = Liar("rounded", [Script([0, 1])])
    calls = {"n": 0}

    def handler(request: httpx.Request) -> httpx.Response:
        calls["n"] += 1
        if calls["n"] == 1:
            return httpx.Response(
                429, json={"message": "slow down"}, headers={"retry-after": retry_after}
            )
        return liar(request)

    return httpx.MockTransport(handler)


@pytest.mark.parametrize("value", ["nan", "inf", "-inf", "NaN", "1e400", "soon", "-3"])
def test_odd_retry_after_values_are_read_alike_sync_and_async(value: str) -> None:
    sync_clock, async_clock = FakeClock(), FakeClock()
    with numberhub.Rounded(
        **CREDENTIALS["rounded"],
        http_client=httpx.Client(transport=_busy_then_ok(value)),
        clock=sync_clock,
    ) as c:
        assert len(list(c.list_numbers())) == 2

    async def main() -> int:
        async with numberhub.AsyncRounded(
            **CREDENTIALS["rounded"],
            http_client=httpx.AsyncClient(transport=_busy_then_ok(value)),
            clock=async_clock,
        ) as c:
            return len([n async for n in c.list_numbers()])

    assert asyncio.run(main()) == 2
    waits = [*sync_clock.sleeps, *async_clock.sleeps]
    if value == "-3":  # a negative ask: no wait at all
        assert waits == []
    else:
        assert (
            len(waits) == 2
        )  # ignored: the backoff's first step (with jitter), never the 60 s cap or NaN
        assert all(0 < w <= 2 for w in waits), waits


# --- nothing leaks ------------------------------------------------------------------------


def test_a_providers_error_text_is_masked_in_the_message_and_kept_on_the_body() -> None:
    text = "number +14155550123 is not on this account"
    mode = raw(404, json.dumps({"api_id": "x", "error": text}).encode())
    with (
        LiarServer(Liar("plivo", []), mode=mode) as server,
        pytest.raises(numberhub.NotFoundError) as caught,
    ):
        _run("plivo", server.base_url, "sync")
    assert "+1415•••••23" in str(caught.value)
    assert "5550123" not in str(caught.value)
    assert caught.value.body["error"] == text
    assert caught.value.response.status_code == 404


def test_the_debug_log_never_holds_plivos_auth_id(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    with LiarServer(Liar("plivo", [Script([0, 1])])) as server:
        assert len(_run("plivo", server.base_url, "sync")) == 2
    assert caplog.records
    assert PLIVO_AUTH_ID not in caplog.text
    assert "/v1/Account/REDACTED/Number/" in caplog.text


def test_control_characters_in_a_providers_error_text_are_made_visible() -> None:
    mode = raw(400, json.dumps({"api_id": "x", "error": "bad \x1b]0;pwned\x07 value"}).encode())
    with (
        LiarServer(Liar("plivo", []), mode=mode) as server,
        pytest.raises(numberhub.BadRequestError) as caught,
    ):
        _run("plivo", server.base_url, "sync")
    assert "\x1b" not in str(caught.value)
    assert "\x07" not in str(caught.value)
    assert "␛]0;pwned␇" in str(caught.value)


# --- concurrency="auto" -------------------------------------------------------------------


def _in_flight(provider: str, expected: int, **options: Any) -> list[str]:
    """List 60 numbers; every request after the first waits for ``expected`` to be in flight."""
    liar = Liar(provider, [Script(list(range(k, k + 5))) for k in range(0, 60, 5)])
    barrier = threading.Barrier(expected, timeout=10)  # a safety net, not a timing

    def handler(request: httpx.Request) -> httpx.Response:
        response = liar(request)
        if len(liar.requests) > 1 and len(liar.requests) <= 1 + expected:
            barrier.wait()  # raises BrokenBarrierError when fewer are in flight
        return response

    http = httpx.Client(transport=httpx.MockTransport(handler))
    with numberhub.client(provider, **CREDENTIALS[provider], http_client=http) as c:
        return [n.id for n in c.list_numbers(page_size=5, **options)]


def test_auto_concurrency_fills_the_rate_limit_up_to_the_cap() -> None:
    # Plivo allows 60 requests a second: auto keeps the cap in flight, and order holds
    got = _in_flight("plivo", numberhub.AUTO_CONCURRENCY_CAP)
    assert got == ids_of("plivo", list(range(60)))


def test_auto_concurrency_is_one_at_a_time_without_a_known_rate_limit() -> None:
    liar = Liar("rounded", [Script(list(range(k, k + 5))) for k in range(0, 20, 5)])
    threads: set[str] = set()

    def handler(request: httpx.Request) -> httpx.Response:
        threads.add(threading.current_thread().name)  # pages fetched ahead use a pool
        return liar(request)

    http = httpx.Client(transport=httpx.MockTransport(handler))
    with numberhub.Rounded(**CREDENTIALS["rounded"], http_client=http) as c:
        assert len(list(c.list_numbers(page_size=5))) == 20
    assert threads == {threading.current_thread().name}
    assert len(liar.requests) == 4


def test_concurrency_accepts_auto_or_a_whole_number() -> None:
    with numberhub.Rounded(**CREDENTIALS["rounded"]) as c:
        for bad in (0, "fast", 1.5, True):
            with pytest.raises(numberhub.InvalidParameterError, match="auto"):
                c.list_numbers(concurrency=bad)


# --- an error envelope in an HTTP 200 ---------------------------------------------------

ENVELOPES = {
    "butter": (
        {"success": False, "error": {"code": "unauthorized", "message": "Invalid API key"}},
        numberhub.APIError,
    ),
    "rounded": (
        {"details": [], "message": "Invalid API key", "status": 401, "type": "generic_error"},
        numberhub.AuthenticationError,
    ),
    "duoplus": (
        {"code": 401, "data": None, "message": "Invalid API key, please re-login"},
        numberhub.AuthenticationError,
    ),
}


@pytest.mark.parametrize("run", RUNS)
@pytest.mark.parametrize("provider", sorted(ENVELOPES))
def test_an_error_envelope_in_an_http_200_is_that_error(provider: str, run: str) -> None:
    body, error = ENVELOPES[provider]
    mode = raw(200, json.dumps(body).encode())
    with LiarServer(Liar(provider, []), mode=mode) as server, pytest.raises(error) as caught:
        _run(provider, server.base_url, run)
    assert "Invalid API key" in str(caught.value)
    assert caught.value.body == body


def test_report_paths_never_hold_a_key_equal_to_a_credential() -> None:
    from numberhub._conformance import probe
    from wrapper_fakes import PLIVO_TOKEN, plivo_item

    items = [{**plivo_item(0), PLIVO_TOKEN: 1, PLIVO_AUTH_ID: {"x": 1}}]
    meta = {"limit": 20, "offset": 0, "total_count": 1, "next": None, "previous": None}
    body = {"api_id": "a", "meta": meta, "objects": items}
    mode = raw(200, json.dumps(body).encode())
    with LiarServer(Liar("plivo", []), mode=mode) as server:
        kwargs = {**CREDENTIALS["plivo"], "base_url": server.base_url, "rate_limit": None}
        with numberhub.client("plivo", **kwargs) as c:
            report = probe(c, max_pages=1)
    paths = [f.path for f in report.findings]
    assert "$.objects[*].<credential>" in paths
    assert not [p for p in paths if PLIVO_TOKEN in p or PLIVO_AUTH_ID in p]


# --- the bounded decoder on its own ---------------------------------------------------------


def _response(content: bytes, encoding: str | None) -> httpx.Response:
    headers = {"content-encoding": encoding} if encoding else {}
    request = httpx.Request("GET", "https://liar.test/x")
    return httpx.Response(200, stream=httpx.ByteStream(content), headers=headers, request=request)


@pytest.mark.parametrize(
    ("encoding", "encode"),
    [
        (None, lambda b: b),
        ("identity", lambda b: b),
        ("gzip", gzip.compress),
        ("GZip", gzip.compress),
        ("deflate", zlib.compress),  # with its zlib header
        ("deflate", lambda b: zlib.compress(b, wbits=-15)),  # without it
    ],
)
def test_each_accepted_encoding_is_decoded(encoding: str | None, encode: Any) -> None:
    from numberhub._body import read_body

    body = b'{"results": []}' * 100
    response = _response(encode(body), encoding)
    read_body(response, cap=len(body), deadline=None)
    assert response.content == body


def test_a_bomb_never_expands_past_the_cap() -> None:
    from numberhub._body import BodyTooLarge, _Decoder

    decoder = _Decoder("gzip", cap=1000)
    with pytest.raises(BodyTooLarge):
        decoder.feed(gzip.compress(b" " * 10_000_000))
    assert decoder._size <= 1001  # what was expanded before the refusal


def test_a_body_its_encoding_cannot_decode_is_an_httpx_decoding_error() -> None:
    from numberhub._body import read_body

    response = _response(b"not gzip at all", "gzip")
    with pytest.raises(httpx.DecodingError) as caught:
        read_body(response, cap=1000, deadline=None)
    assert caught.value.request is response.request
