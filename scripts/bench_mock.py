"""Benchmark: numberhub's mock vs Stoplight Prism 5 and a bare ASGI app, on Plivo's list page.

Three servers run side by side as real processes on 127.0.0.1, in the same run:

- the mock (``numberhub mock --provider plivo``, request validation and journal on);
- Stoplight Prism 5.14.2 on the same spec (installed with npm into ``.cache/``);
- a bare ASGI app on the same uvicorn + httptools + uvloop stack sending the mock's own
  page body: the most that stack carries, the mock's ceiling.

Each starts fresh and is timed from its spawn to its first 200. Then the load runs with no
warm-up, in three windows, each taken on every server in turn so that the machine's own
load falls on all of them alike: the first 5 s; runs of 5 s while the mock's journal
fills (until 100,000 requests in all); and 24 s in 3 alternating rounds once it is full.
Each window reports requests/s and its worst p99; peak RSS is the process tree's
high-water mark. Load: wrk when it is on PATH, else
autocannon (npm), else a small asyncio HTTP/1.1 load generator; 16 connections.
Targets: the mock at >= 2.5x Prism's requests/s and <= 0.4x its p99 in every window,
>= 0.5x the bare app's requests/s, its first 200 within 1 s, peak RSS <= 232 MB.

A second section times the first request that filters or sorts on a field of a large
dataset (BENCH_MOCK_SIZE items, default 1,000,000), which computes that field for every
item, in a fresh process per provider: seconds per request and resident memory after it.

``--quick`` runs 1-second windows against the mock and the bare app only, without the
scale section (a check that the benchmark still runs).
"""

from __future__ import annotations

import asyncio
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _bench_load import AUTH, CONNECTIONS, LOADER, Load, autocannon, get_page, pylod, wrk

ROOT = Path(__file__).resolve().parents[1]
CACHE = ROOT / ".cache" / "bench-node"
PRISM_VERSION = "5.14.2"
AUTOCANNON_VERSION = "7.15.0"
QUICK = "--quick" in sys.argv
FIRST_WINDOW = 1 if QUICK else 5
FULL_WINDOW = 1 if QUICK else int(os.environ.get("BENCH_SECONDS", "24"))
CHUNK = 1 if QUICK else 5
ROUNDS = 1 if QUICK else 3
JOURNAL_LIMIT = 2_000 if QUICK else 100_000
TARGETS = {"rps_x_prism": 2.5, "p99_x_prism": 0.4, "rps_x_bare": 0.5, "first_200_s": 1.0}
PEAK_RSS_TARGET_MB = 232.0


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def first_200(port: int, proc: subprocess.Popen[bytes], started: float) -> tuple[float, bytes]:
    """Seconds from ``started`` (the spawn) to the first 200 answered, and its body."""
    deadline = started + 120
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"server exited with {proc.returncode}")
        status, body = get_page(port)
        if status == 200:
            return time.monotonic() - started, body
        time.sleep(0.01)
    raise RuntimeError(f"no 200 from {port}")


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


def _merge(chunks: list[dict[str, float]]) -> dict[str, float]:
    """One window of several runs: their requests/s over their time, the worst p99."""
    seconds = sum(c["seconds"] for c in chunks)
    return {
        "requests": sum(c["requests"] for c in chunks),
        "seconds": seconds,
        "rps": sum(c["rps"] * c["seconds"] for c in chunks) / seconds,
        "p99_ms": max(c["p99_ms"] for c in chunks),
        "errors": sum(c["errors"] for c in chunks),
    }


class Server:
    """A server process under test: started fresh, timed to its first 200, then loaded."""

    def __init__(self, name: str, cmd: list[str], port: int) -> None:
        self.name, self.port = name, port
        started = time.monotonic()
        self.proc = subprocess.Popen(
            cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
        )
        self.first_200_s, self.body = first_200(port, self.proc, started)
        self.total = 0.0
        self.chunks: dict[str, list[dict[str, float]]] = {"first": [], "filling": [], "full": []}

    def run(self, load: Load, window: str, seconds: float) -> None:
        result = load(self.port, seconds)
        self.chunks[window].append(result)
        self.total += result["requests"]

    def result(self) -> dict[str, object]:
        return {
            "first_200_s": self.first_200_s,
            "peak_rss_mb": tree_peak_rss_kb(self.proc.pid) / 1024,
            "windows": {k: _merge(v) for k, v in self.chunks.items() if v},
        }

    def stop(self) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()


def measure(servers: list[Server], load: Load) -> None:
    """The windows, taken in turn on every server so that the machine's load hits all alike.

    The first FIRST_WINDOW seconds from a fresh start (no warm-up); then runs of CHUNK
    seconds until JOURNAL_LIMIT requests in all (the mock's journal full); then
    FULL_WINDOW seconds in ROUNDS alternating runs.
    """
    for server in servers:
        server.run(load, "first", FIRST_WINDOW)
    while any(s.total < JOURNAL_LIMIT for s in servers):
        for server in servers:
            if server.total < JOURNAL_LIMIT:
                server.run(load, "filling", CHUNK)
    for _ in range(ROUNDS):
        for server in servers:
            server.run(load, "full", FULL_WINDOW / ROUNDS)


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
    import numberhub_spec
    from numberhub.mock import create_app

    async def run() -> None:
        app = create_app(size={provider: SCALE_SIZE}, providers=[provider])
        app.warm()
        creds = app.credentials[provider]
        path = numberhub_spec.load(provider).operation.path.format(
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
    tools = npm_tools() if not QUICK else None
    load: Load
    if shutil.which("wrk") is not None:
        generator, load = "wrk", wrk
    elif tools is not None:
        generator, load = "autocannon", autocannon(tools["autocannon"])
    else:
        generator, load = "python asyncio", pylod
    servers: list[Server] = []
    page = tempfile.NamedTemporaryFile(suffix=".json")  # noqa: SIM115 (closed below)
    try:
        port = free_port()
        mock_cmd = [sys.executable, "-m", "numberhub.cli", "mock", "--port", str(port)]
        servers.append(Server("numberhub mock", [*mock_cmd, "--provider", "plivo"], port))
        if tools is not None:
            port = free_port()
            prism_cmd = [str(tools["prism"]), "mock", "-h", "127.0.0.1", "-p", str(port)]
            prism_cmd += ["-v", "silent", str(ROOT / "specs" / "plivo.yaml")]
            servers.append(Server("prism 5", prism_cmd, port))
        page.write(servers[0].body)
        page.flush()
        port = free_port()
        bare_cmd = [sys.executable, str(LOADER), "--bare", str(port), page.name]
        servers.append(Server("bare asgi", bare_cmd, port))
        measure(servers, load)
        results = {s.name: s.result() for s in servers}
    finally:
        for server in servers:
            server.stop()
        page.close()
    status = report(results, generator)
    if not QUICK and os.environ.get("BENCH_SCALE", "1") != "0":
        scale_section()
    reports = ROOT / "reports"
    reports.mkdir(exist_ok=True)
    (reports / "bench_mock.json").write_text(
        json.dumps(
            {"generator": generator, "connections": CONNECTIONS, "results": results}, indent=2
        )
    )
    return status


def _ratio(a: float, b: float) -> float:
    return a / b if b else float("inf")


def report(results: dict[str, dict[str, object]], generator: str) -> int:
    """Print every server's windows and the mock's ratios; 0 when every target is met."""
    print(f"Plivo list page, {CONNECTIONS} connections, no warm-up, load: {generator}")
    print(f"{'server':<16}{'window':<10}{'seconds':>8}{'req/s':>9}{'p99 ms':>9}{'errors':>8}")
    for name, r in results.items():
        for label, w in r["windows"].items():  # type: ignore[attr-defined]
            print(
                f"{name:<16}{label:<10}{w['seconds']:>8.1f}{w['rps']:>9.0f}{w['p99_ms']:>9.1f}"
                f"{w['errors']:>8.0f}"
            )
        ready, peak = r["first_200_s"], r["peak_rss_mb"]
        print(f"{name:<16}first 200 after {ready:.2f} s, peak RSS {peak:.0f} MB")
    mock = results["numberhub mock"]
    mw: dict[str, dict[str, float]] = mock["windows"]  # type: ignore[assignment]
    checks: list[tuple[str, bool]] = []
    for other, key in (("prism 5", "prism"), ("bare asgi", "bare")):
        if other not in results:
            continue
        ow: dict[str, dict[str, float]] = results[other]["windows"]  # type: ignore[assignment]
        for label, w in mw.items():
            o = ow.get(label) or ow["full"]
            rps = _ratio(w["rps"], o["rps"])
            if key == "prism":
                p99 = _ratio(w["p99_ms"], o["p99_ms"])
                ok = rps >= TARGETS["rps_x_prism"] and p99 <= TARGETS["p99_x_prism"]
                text = f"mock/prism {label:<8} req/s x{rps:.2f} (>= 2.5), p99 x{p99:.2f} (<= 0.4)"
            else:
                ok = rps >= TARGETS["rps_x_bare"]
                text = f"mock/bare  {label:<8} req/s x{rps:.2f} (>= 0.5)"
            checks.append((text, ok))
    first = float(mock["first_200_s"])  # type: ignore[arg-type]
    checks.append((f"mock first 200 after {first:.2f} s (<= 1.0)", first <= TARGETS["first_200_s"]))
    peak = float(mock["peak_rss_mb"])  # type: ignore[arg-type]
    checks.append((f"mock peak RSS {peak:.0f} MB (<= 232)", peak <= PEAK_RSS_TARGET_MB))
    for text, ok in checks:
        print(f"{text}  -> {'MET' if ok else 'MISSED'}")
    if "prism 5" not in results:
        print("Prism was not run (no Node, or --quick): no ratio to it")
    return 0 if all(ok for _, ok in checks) else 1


if __name__ == "__main__":
    if sys.argv[1:2] == ["--scale"]:
        scale_child(sys.argv[2])
        sys.exit(0)
    sys.exit(main())
