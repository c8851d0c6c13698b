"""Benchmarks of the numberhub wrapper, each against a baseline measured in the same run.

1. Per-item CPU of the wrapper's answer path (decode, schema check, PhoneNumber; and with
   the generated typed models built too) against the official plivo SDK's
   ``process_response`` on the same pages, and against plain ``json.loads``.
2. Listing 10,000 Plivo numbers from the mock server (100 ms per request, Plivo's rate
   limit enforced) with default settings (``concurrency="auto"``) against the theoretical
   bound and against the plivo SDK's own loop.
3. Peak memory while iterating 1,000,000 numbers served by an ``httpx.MockTransport``
   that generates the pages on the fly (run in a child process, to measure it alone),
   with every number checked against those handed out before (duplicate detection).

Usage: ``python scripts/bench_wrapper.py [--quick] [--section cpu|listing|memory]``.
"""

from __future__ import annotations

import argparse
import gc
import json
import math
import os
import subprocess
import sys
import time
from collections.abc import Callable
from typing import Any

import httpx
import numberhub
import numberhub_spec

AUTH_ID = "MANUMBERHUBMOCK00001"
TOKEN = "nhmock-plivo-auth-token"
TARGET_CPU_RATIO = 2.0
TARGET_BOUND_RATIO = 1.15
TARGET_SPEEDUP = 5.0
TARGET_MEMORY_MB = 100.0
JSON = {"content-type": "application/json"}


def _plivo_items(count: int, *, from_mock: bool = True) -> list[dict[str, Any]]:
    """Realistic Plivo objects: the mock's dataset, or one object of the same shape."""
    try:
        if not from_mock:
            raise ImportError("not asked for")
        from numberhub.mock import dataset

        return dataset("plivo", seed=0, size=count)
    except ImportError:
        template = {
            "number": "",
            "alias": "Sales",
            "sub_account": None,
            "sub_account_name": None,
            "added_on": "2025-11-18",
            "application": None,
            "carrier": "Plivo",
            "region": "Ontario, UNITED STATES",
            "city": None,
            "country": "United States",
            "number_type": "local",
            "active": True,
            "monthly_rental_rate": "0.80000",
            "sms_enabled": True,
            "sms_rate": "0.00000",
            "mms_enabled": True,
            "mms_rate": "0.00000",
            "voice_enabled": True,
            "voice_rate": "0.00850",
            "renewal_date": "2026-11-18",
            "cnam": None,
            "cnam_lookup": "enabled",
            "tendlc_registration_status": "COMPLETED",
            "tendlc_campaign_id": "CMPA2K9QX",
            "toll_free_sms_verification": None,
            "toll_free_sms_verification_id": None,
            "toll_free_sms_verification_order_status": None,
            "compliance_application_id": None,
            "compliance_status": None,
            "profile_uuid": None,
            "caller_reputation_status": None,
            "resource_uri": "",
        }
        return [dict(template, number=f"1226{i:07d}") for i in range(count)]


def _plivo_page(items: list[dict[str, Any]], offset: int, limit: int, total: int) -> bytes:
    path = f"/v1/Account/{AUTH_ID}/Number/"
    more = offset + limit < total
    return json.dumps(
        {
            "api_id": "5b0a0c1e-2f1d-11ef-9c52-0242ac110002",
            "meta": {
                "limit": limit,
                "offset": offset,
                "total_count": total,
                "next": f"{path}?limit={limit}&offset={offset + limit}" if more else None,
                "previous": None
                if offset == 0
                else f"{path}?limit={limit}&offset={offset - limit}",
            },
            "objects": items,
        }
    ).encode()


def _best(run: Callable[[], None], repeats: int) -> float:
    best = float("inf")
    for _ in range(repeats):
        gc.collect()
        start = time.perf_counter()
        run()
        best = min(best, time.perf_counter() - start)
    return best


# --- 1. per-item CPU --------------------------------------------------------------------


def bench_cpu(quick: bool) -> bool:
    import plivo
    import requests
    from plivo.base import ListResponseObject
    from plivo.resources.numbers import Number

    pages_n = 50 if quick else 200
    items = _plivo_items(20 * pages_n)
    bodies = [
        _plivo_page(items[i * 20 : (i + 1) * 20], i * 20, 20, len(items)) for i in range(pages_n)
    ]
    n_items = len(items)
    repeats = 3 if quick else 7

    sdk = plivo.RestClient(AUTH_ID, TOKEN)
    sdk_responses = []
    for body in bodies:
        r = requests.Response()
        r._content = body
        r.status_code = 200
        sdk_responses.append(r)

    client = numberhub.Plivo(auth_id=AUTH_ID, auth_token=TOKEN, rate_limit=None)
    core = client._core  # the answer path, without any transport around it
    listing = core.requests.prepare({})
    request = httpx.Request("GET", core.requests.url)
    responses = [httpx.Response(200, content=b, headers=JSON, request=request) for b in bodies]
    paging = listing.paginator.first()
    read, plan, drift = core.reader.page, listing.paginator.plan, listing.drift

    def plain_json() -> None:
        for body in bodies:
            json.loads(body)

    def sdk_parse() -> None:
        for r in sdk_responses:
            sdk.process_response("GET", r, response_type=ListResponseObject, objects_type=Number)

    def wrapper_lazy() -> None:
        for r in responses:
            read(r, plan, paging, drift)

    def wrapper_typed() -> None:
        for r in responses:
            for number in read(r, plan, paging, drift).items:
                number.raw  # noqa: B018 - builds the generated AccountPhoneNumber

    def wrapper_normalised() -> None:
        for r in responses:
            for n in read(r, plan, paging, drift).items:
                _ = (
                    n.raw,
                    n.e164,
                    n.country,
                    n.type,
                    n.capabilities,
                    n.monthly_price,
                    n.created_at,
                )

    # the whole client path: request building, MockTransport, retry loop, paging
    def serve(req: httpx.Request) -> httpx.Response:
        offset = int(req.url.params.get("offset", 0))
        return httpx.Response(200, content=bodies[offset // 20], headers=JSON)

    http = httpx.Client(transport=httpx.MockTransport(serve))
    listed = numberhub.Plivo(
        auth_id=AUTH_ID,
        auth_token=TOKEN,
        rate_limit=None,
        base_url="https://bench.test",
        http_client=http,
    )

    def wrapper_client() -> None:
        count = sum(1 for _ in listed.list_numbers())
        assert count == n_items, count

    runs = {
        "json.loads (baseline)": plain_json,
        "plivo SDK process_response": sdk_parse,
        "numberhub answer path (lazy)": wrapper_lazy,
        "numberhub + typed model (.raw)": wrapper_typed,
        "numberhub + every field": wrapper_normalised,
        "numberhub list_numbers via MockTransport": wrapper_client,
    }
    per_item = {name: _best(run, repeats) / n_items * 1e6 for name, run in runs.items()}
    sdk_us = per_item["plivo SDK process_response"]
    json_us = per_item["json.loads (baseline)"]
    print(
        f"  per-item CPU over {n_items} Plivo numbers ({pages_n} pages of 20), best of {repeats}:"
    )
    for name, us in per_item.items():
        print(
            f"    {name:<44} {us:7.2f} us/item   {us / sdk_us:5.2f}x SDK   "
            f"{us / json_us:5.2f}x json.loads"
        )
    ratio = per_item["numberhub answer path (lazy)"] / sdk_us
    ok = ratio <= TARGET_CPU_RATIO
    print(
        f"  -> numberhub answer path / SDK = {ratio:.2f}x (target <= {TARGET_CPU_RATIO}x): "
        f"{'OK' if ok else 'MISSED'}"
    )
    typed = per_item["numberhub + typed model (.raw)"] / sdk_us
    print(
        f"     with every generated model built as well: {typed:.2f}x the SDK "
        "(numberhub builds it on first access to .raw / page.parsed)"
    )
    client.close()
    http.close()
    return ok


# --- 2. listing from the mock -----------------------------------------------------------


def bench_listing(quick: bool) -> bool:
    try:
        from numberhub.mock import MockServer, dataset
    except ImportError as exc:
        print(f"  mock not available ({exc}): listing benchmark skipped")
        return True
    size = 2_000 if quick else 10_000
    latency_ms = 100
    concurrency = numberhub.AUTO_CONCURRENCY_CAP  # what "auto" gives Plivo's 60 per second
    page = 20
    pages = -(-size // page)
    limit = numberhub_spec.load("plivo").rate_limit
    assert limit is not None
    rate = limit.requests / limit.per_seconds
    bound = max(pages / rate, pages * latency_ms / 1000 / concurrency)
    truth = [item["number"] for item in dataset("plivo", seed=0, size=size)]
    statuses: list[int] = []

    with MockServer(
        seed=0, size=size, latency_ms=latency_ms, rate_limit=True, providers=["plivo"]
    ) as server:
        creds = server.credentials["plivo"]
        http = httpx.Client(
            timeout=numberhub.DEFAULT_TIMEOUT,
            limits=httpx.Limits(max_connections=concurrency * 2),
            event_hooks={"response": [lambda r: statuses.append(r.status_code)]},
        )
        client = numberhub.Plivo(**creds, base_url=server.base_url, http_client=http)
        start = time.perf_counter()
        got = [n.id for n in client.list_numbers()]  # default settings
        wrapper_s = time.perf_counter() - start
        http.close()
        too_many = statuses.count(429)
        complete = got == truth
        print(
            f"  listing {size} Plivo numbers ({pages} pages), mock latency {latency_ms} ms, "
            f"rate limit {limit.requests}/{limit.per_seconds:g} s enforced:"
        )
        print(
            f"    numberhub, default settings   {wrapper_s:7.2f} s   "
            f"requests {len(statuses)}, 429s {too_many}, "
            f"{'all items once, in order' if complete else 'ITEMS LOST OR REPEATED'}"
        )
        print(
            f"    theoretical bound             {bound:7.2f} s   "
            f"max({pages}/{rate:g} per s, {pages} x {latency_ms / 1000:g} s / {concurrency})"
        )

        import plivo
        import plivo.rest.client as plivo_rest

        plivo_rest.PLIVO_API_BASE_URI = server.base_url + "/v1/Account"
        sdk = plivo.RestClient(creds["auth_id"], creds["auth_token"], timeout=30)
        start = time.perf_counter()
        sdk_ids = [n.number for n in sdk.numbers]  # the SDK's own offset loop
        sdk_s = time.perf_counter() - start
        print(
            f"    plivo SDK offset loop         {sdk_s:7.2f} s   "
            f"{'all items' if sdk_ids == truth else f'{len(sdk_ids)} items'}"
        )

    ok_bound = wrapper_s <= TARGET_BOUND_RATIO * bound
    speedup = sdk_s / wrapper_s
    ok_sdk = speedup >= TARGET_SPEEDUP
    print(
        f"  -> {wrapper_s / bound:.2f}x the bound (target <= {TARGET_BOUND_RATIO}x): "
        f"{'OK' if ok_bound else 'MISSED'}; {speedup:.1f}x faster than the SDK loop "
        f"(target >= {TARGET_SPEEDUP:g}x): {'OK' if ok_sdk else 'MISSED'}; "
        f"429s: {too_many} ({'OK' if too_many == 0 else 'MISSED'}); "
        f"complete: {'OK' if complete else 'MISSED'}"
    )
    return ok_bound and ok_sdk and too_many == 0 and complete


# --- 3. memory --------------------------------------------------------------------------


def _rss_mb() -> float:
    with open("/proc/self/statm") as fh:
        pages = int(fh.read().split()[1])
    return pages * os.sysconf("SC_PAGE_SIZE") / 2**20


def memory_child(total: int) -> None:
    """Iterate ``total`` numbers; print one JSON line of RSS samples."""
    template = _plivo_items(20, from_mock=False)  # the mock's dataset costs ~100 MB itself

    def serve(request: httpx.Request) -> httpx.Response:
        offset = int(request.url.params.get("offset", 0))
        limit = int(request.url.params.get("limit", 20))
        count = max(0, min(limit, total - offset))
        items = [dict(template[i % 20], number=f"1226{offset + i:07d}") for i in range(count)]
        return httpx.Response(200, content=_plivo_page(items, offset, limit, total))

    http = httpx.Client(transport=httpx.MockTransport(serve))
    client = numberhub.Plivo(
        auth_id=AUTH_ID,
        auth_token=TOKEN,
        rate_limit=None,
        base_url="https://bench.test",
        http_client=http,
    )
    samples = [_rss_mb()]
    step = total // 10
    count = 0
    last = ""
    for number in client.list_numbers():
        count += 1
        last = number.id
        if count % step == 0:
            samples.append(_rss_mb())
    # VmHWM, not ru_maxrss: the latter keeps the parent's peak across fork + exec
    with open("/proc/self/status") as fh:
        peak = next(int(line.split()[1]) for line in fh if line.startswith("VmHWM:")) / 1024
    print(json.dumps({"count": count, "last": last, "samples": samples, "peak": peak}))


def bench_memory(quick: bool) -> bool:
    total = 100_000 if quick else 1_000_000
    start = time.perf_counter()
    out = subprocess.run(
        [sys.executable, __file__, "--memory-child", str(total)],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    seconds = time.perf_counter() - start
    result = json.loads(out.strip().splitlines()[-1])
    samples = result["samples"]
    growth = samples[-1] - samples[1]
    # the duplicate check keeps one 8-byte slot per number, at most half full
    table_mb = 8 * 2 ** math.ceil(math.log2(2 * total)) / 2**20
    print(
        f"  iterating {result['count']:,} Plivo numbers (pages generated on the fly by "
        f"httpx.MockTransport), {seconds:.1f} s:"
    )
    print("    RSS every 10%: " + " ".join(f"{s:.0f}" for s in samples) + " MB")
    print(
        f"    peak RSS {result['peak']:.1f} MB; growth from 10% to 100%: {growth:+.1f} MB "
        f"(the ids handed out, for duplicate detection: {table_mb:.0f} MB at the end)"
    )
    ok = (
        result["count"] == total
        and result["peak"] < TARGET_MEMORY_MB
        and growth < 5 + 1.5 * table_mb
    )
    print(
        f"  -> peak {result['peak']:.1f} MB (target < {TARGET_MEMORY_MB:g} MB, growing by "
        f"no more than the id table): {'OK' if ok else 'MISSED'}"
    )
    return ok


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="smaller sizes, for a smoke run")
    parser.add_argument("--section", choices=["cpu", "listing", "memory"], action="append")
    parser.add_argument("--memory-child", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.memory_child:
        memory_child(args.memory_child)
        return 0
    sections = {"cpu": bench_cpu, "listing": bench_listing, "memory": bench_memory}
    ok = True
    for name in args.section or sections:
        print(f"[wrapper/{name}]", flush=True)
        ok = sections[name](args.quick) and ok
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
