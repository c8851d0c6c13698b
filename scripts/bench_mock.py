"""Benchmark: numberhub's mock vs Stoplight Prism 5 on Plivo's list endpoint, on loopback.

Both servers run as real processes on 127.0.0.1 with request validation on, one after the
other, under the same load: autocannon (installed with npm into .cache/) when Node is
present, else a small asyncio HTTP/1.1 load generator. Every run is bounded in time and
connections. Prints requests/s, p99 latency and peak RSS for each, and the ratios.
Target: the mock at >= 1.5x Prism's requests/s and <= half its p99.

A second section times the first request that filters or sorts on a field of a large
dataset (BENCH_MOCK_SIZE items, default 1,000,000), which computes that field for every
item, in a fresh process per provider: seconds per request and resident memory after it.
"""

from __future__ import annotations

import asyncio
import base64
import json
import os
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CACHE = ROOT / ".cache" / "bench-node"
PRISM_VERSION = "5.14.2"
AUTOCANNON_VERSION = "7.15.0"
DURATION = int(os.environ.get("BENCH_SECONDS", "10"))
CONNECTIONS = int(os.environ.get("BENCH_CONNECTIONS", "16"))
AUTH_ID, AUTH_TOKEN = "MANUMBERHUBMOCK00001", "nhmock-plivo-auth-token"
PATH = f"/v1/Account/{AUTH_ID}/Number/?limit=20&offset=40"
AUTH = "Basic " + base64.b64encode(f"{AUTH_ID}:{AUTH_TOKEN}".encode()).decode()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def wait_ready(port: int, proc: subprocess.Popen[bytes], timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"server exited with {proc.returncode}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError(f"nothing listens on {port}")


def tree_peak_rss_kb(pid: int) -> int:
    """Peak RSS (VmHWM) of a process and its descendants, in KiB."""
    total = 0
    pids = [pid]
    while pids:
        p = pids.pop()
        try:
            status = Path(f"/proc/{p}/status").read_text()
            total += next(
                int(line.split()[1]) for line in status.splitlines() if line.startswith("VmHWM:")
            )
            for child in Path(f"/proc/{p}/task").iterdir():
                children = (child / "children").read_text().split()
                pids += [int(c) for c in children]
        except (OSError, StopIteration):
            continue
    return total


def npm_tools() -> dict[str, Path] | None:
    if shutil.which("npm") is None:
        return None
    bins = CACHE / "node_modules" / ".bin"
    if not (bins / "prism").exists() or not (bins / "autocannon").exists():
        CACHE.mkdir(parents=True, exist_ok=True)
        if not (CACHE / "package.json").exists():
            (CACHE / "package.json").write_text('{"private": true}\n')
        subprocess.run(
            [
                "npm",
                "install",
                "--no-audit",
                "--no-fund",
                "--loglevel=error",
                f"@stoplight/prism-cli@{PRISM_VERSION}",
                f"autocannon@{AUTOCANNON_VERSION}",
            ],
            cwd=CACHE,
            check=True,
        )
    return {"prism": bins / "prism", "autocannon": bins / "autocannon"}


def autocannon(tool: Path, port: int) -> dict[str, float]:
    out = subprocess.run(
        [
            str(tool),
            "-c",
            str(CONNECTIONS),
            "-d",
            str(DURATION),
            "-j",
            "-H",
            f"Authorization={AUTH}",
            f"http://127.0.0.1:{port}{PATH}",
        ],
        capture_output=True,
        text=True,
        check=True,
        timeout=DURATION + 60,
    )
    data = json.loads(out.stdout)
    ok = data["2xx"]
    return {
        "rps": ok / data["duration"],
        "p99_ms": float(data["latency"]["p99"]),
        "errors": float(data["errors"] + data["non2xx"] + data["timeouts"]),
    }


async def _pylod(port: int) -> dict[str, float]:
    request = (
        f"GET {PATH} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nAuthorization: {AUTH}\r\n"
        "Accept: application/json\r\n\r\n"
    ).encode()
    latencies: list[float] = []
    errors = 0
    stop = time.monotonic() + DURATION

    async def worker() -> None:
        nonlocal errors
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        while time.monotonic() < stop:
            t0 = time.perf_counter()
            writer.write(request)
            head = await reader.readuntil(b"\r\n\r\n")
            length = next(
                int(line.split(b":")[1])
                for line in head.split(b"\r\n")
                if line.lower().startswith(b"content-length")
            )
            await reader.readexactly(length)
            latencies.append((time.perf_counter() - t0) * 1000)
            if not head.startswith(b"HTTP/1.1 200"):
                errors += 1
        writer.close()

    started = time.monotonic()
    await asyncio.gather(*(worker() for _ in range(CONNECTIONS)))
    elapsed = time.monotonic() - started
    latencies.sort()
    p99 = latencies[int(len(latencies) * 0.99) - 1] if latencies else float("nan")
    return {"rps": (len(latencies) - errors) / elapsed, "p99_ms": p99, "errors": float(errors)}


def run_server(cmd: list[str], port: int, load: object) -> dict[str, float]:
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        wait_ready(port, proc)
        result = load(port)  # type: ignore[operator]
        result["peak_rss_mb"] = tree_peak_rss_kb(proc.pid) / 1024
        return result
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()


def warm(port: int) -> None:
    """First requests build caches (dataset rows, validators, Prism's JIT): not measured."""
    import httpx

    for _ in range(50):
        httpx.get(f"http://127.0.0.1:{port}{PATH}", headers={"Authorization": AUTH})


SCALE_SIZE = int(os.environ.get("BENCH_MOCK_SIZE", "1000000"))
# provider -> (label, JSON body for DuoPlus or query pairs) of the requests, in order
SCALE_CASES: dict[str, list[tuple[str, object]]] = {
    "plivo": [
        ("type=local", [("type", "local")]),
        ("services=voice,sms", [("services", "voice,sms")]),
        ("renewal_date__gte=2026-11-15", [("renewal_date__gte", "2026-11-15")]),
        ("number_startswith=44", [("number_startswith", "44")]),
        ("type=local&offset=20 (cached)", [("type", "local"), ("offset", "20")]),
    ],
    "duoplus": [
        ("sort_by=expired_at", {"sort_by": "expired_at"}),
        ("region_ids=[US], status=[1]", {"region_ids": ["US"], "status": [1]}),
    ],
    "bird": [
        (
            "countryCodes=GB&features=sms-outbound",
            [("countryCodes", "GB"), ("features", "sms-outbound")],
        ),
    ],
}


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def scale_child(provider: str) -> None:
    """In a fresh process: time each case's first request, print one JSON line each."""
    import httpx
    from numberhub.mock import create_app
    from numberhub.mock._specdoc import operation

    async def run() -> None:
        app = create_app(size={provider: SCALE_SIZE}, providers=[provider])
        app.warm()
        creds = app.credentials[provider]
        path = operation(provider).path.format(
            auth_id=creds.get("auth_id"), organizationId=creds.get("organization_id")
        )
        headers = {
            "plivo": {"Authorization": AUTH},
            "bird": {"Authorization": f"AccessKey {creds.get('access_key')}"},
            "duoplus": {"DuoPlus-API-Key": str(creds.get("api_key"))},
        }[provider]
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://mock") as client:
            print(json.dumps({"case": "start", "rss_mb": rss_mb()}), flush=True)
            for label, request in SCALE_CASES[provider]:
                t0 = time.perf_counter()
                if isinstance(request, dict):
                    r = await client.post(path, json=request, headers=headers)
                else:
                    r = await client.get(path, params=request, headers=headers)  # type: ignore[arg-type]
                seconds = time.perf_counter() - t0
                row = {
                    "case": label,
                    "seconds": seconds,
                    "status": r.status_code,
                    "rss_mb": rss_mb(),
                }
                print(json.dumps(row), flush=True)

    asyncio.run(run())


def scale_section() -> None:
    print(f"\nFirst filtered or sorted request over {SCALE_SIZE:,} items (fresh process each)")
    print(f"{'provider':<9}{'request':<40}{'seconds':>9}{'status':>8}{'RSS MB':>8}")
    for provider in SCALE_CASES:
        try:
            out = subprocess.run(
                [sys.executable, __file__, "--scale", provider],
                capture_output=True,
                text=True,
                check=True,
                timeout=600,
            ).stdout
        except (subprocess.CalledProcessError, subprocess.TimeoutExpired) as exc:
            print(f"{provider:<9}failed: {exc}")
            continue
        for line in out.splitlines():
            row = json.loads(line)
            if row["case"] == "start":
                label = "(dataset built, nothing computed yet)"
                print(f"{provider:<9}{label:<40}{'':>17}{row['rss_mb']:>8.0f}")
            else:
                print(
                    f"{provider:<9}{row['case']:<40}{row['seconds']:>9.2f}{row['status']:>8}"
                    f"{row['rss_mb']:>8.0f}"
                )


def main() -> int:
    tools = npm_tools()
    if tools is not None:
        generator = "autocannon"

        def load(port: int) -> dict[str, float]:
            warm(port)
            return autocannon(tools["autocannon"], port)
    else:
        generator = "python asyncio"

        def load(port: int) -> dict[str, float]:
            warm(port)
            return asyncio.run(_pylod(port))

    results: dict[str, dict[str, float]] = {}
    port = free_port()
    mock_cmd = [
        sys.executable,
        "-m",
        "numberhub.cli",
        "mock",
        "--port",
        str(port),
        "--provider",
        "plivo",
    ]
    results["numberhub mock"] = run_server(mock_cmd, port, load)
    if tools is not None:
        port = free_port()
        prism_cmd = [
            str(tools["prism"]),
            "mock",
            "-h",
            "127.0.0.1",
            "-p",
            str(port),
            "-v",
            "silent",
            str(ROOT / "specs" / "plivo.yaml"),
        ]
        results["prism 5"] = run_server(prism_cmd, port, load)
    print(f"Plivo list endpoint, {CONNECTIONS} connections x {DURATION}s, load: {generator}")
    print(f"{'server':<16}{'req/s':>10}{'p99 ms':>10}{'peak RSS MB':>14}{'errors':>9}")
    for name, r in results.items():
        print(
            f"{name:<16}{r['rps']:>10.0f}{r['p99_ms']:>10.1f}{r['peak_rss_mb']:>14.1f}"
            f"{r['errors']:>9.0f}"
        )
    status = 0
    if "prism 5" in results:
        m, p = results["numberhub mock"], results["prism 5"]
        rps_ratio = m["rps"] / p["rps"] if p["rps"] else float("inf")
        p99_ratio = m["p99_ms"] / p["p99_ms"] if p["p99_ms"] else float("inf")
        rss_ratio = m["peak_rss_mb"] / p["peak_rss_mb"] if p["peak_rss_mb"] else float("nan")
        ok = rps_ratio >= 1.5 and p99_ratio <= 0.5
        print(
            f"mock/prism: req/s x{rps_ratio:.2f} (target >= 1.5), p99 x{p99_ratio:.2f} "
            f"(target <= 0.5), peak RSS x{rss_ratio:.2f}  -> {'MET' if ok else 'MISSED'}"
        )
        status = 0 if ok else 1
    else:
        print("Node is not installed: Prism was not run, no ratio to report")
    scale_section()
    reports = ROOT / "reports"
    reports.mkdir(exist_ok=True)
    (reports / "bench_mock.json").write_text(
        json.dumps(
            {
                "generator": generator,
                "connections": CONNECTIONS,
                "seconds": DURATION,
                "results": results,
            },
            indent=2,
        )
    )
    return status


if __name__ == "__main__":
    if sys.argv[1:2] == ["--scale"]:
        scale_child(sys.argv[2])
        sys.exit(0)
    sys.exit(main())
