"""The HTTP side of the mock benchmark: load generators and the bare ASGI app.

Each load generator runs ``CONNECTIONS`` connections on Plivo's list page for a number of
seconds and returns its requests, seconds, requests/s (2xx only), p99 in ms and errors:
wrk, autocannon, or a small asyncio HTTP/1.1 client. ``python _bench_load.py --bare PORT
FILE`` serves FILE to every request on uvicorn + httptools + uvloop: the stack's limit.
"""

from __future__ import annotations

import asyncio
import base64
import json
import math
import os
import re
import socket
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

LOADER = Path(__file__).resolve()
CONNECTIONS = int(os.environ.get("BENCH_CONNECTIONS", "16"))
AUTH_ID, AUTH_TOKEN = "MANUMBERHUBMOCK00001", "nhmock-plivo-auth-token"
PATH = f"/v1/Account/{AUTH_ID}/Number/?limit=20&offset=40"
AUTH = "Basic " + base64.b64encode(f"{AUTH_ID}:{AUTH_TOKEN}".encode()).decode()

Load = Callable[[int, float], dict[str, float]]


def get_page(port: int) -> tuple[int, bytes]:
    """One GET of the page over a fresh connection: (status, body); (0, b"") if refused."""
    request = (
        f"GET {PATH} HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: {AUTH}\r\n"
        "Accept: application/json\r\nConnection: close\r\n\r\n"
    ).encode()
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=10) as s:
            s.sendall(request)
            data = b""
            while chunk := s.recv(65536):
                data += chunk
    except OSError:
        return 0, b""
    head, _, body = data.partition(b"\r\n\r\n")
    parts = head.split(b" ", 2)
    return (int(parts[1]) if len(parts) > 1 and parts[1].isdigit() else 0), body


_UNITS = {"us": 1e-3, "ms": 1.0, "s": 1e3, "m": 60e3}


def wrk(port: int, seconds: float) -> dict[str, float]:
    out = subprocess.run(
        [
            "wrk",
            "-t1",
            f"-c{CONNECTIONS}",
            f"-d{max(1, round(seconds))}s",
            "--latency",
            "-H",
            f"Authorization: {AUTH}",
            f"http://127.0.0.1:{port}{PATH}",
        ],
        capture_output=True,
        text=True,
        check=True,
        timeout=seconds + 60,
    ).stdout
    p99 = re.search(r"^\s*99%\s+([\d.]+)(us|ms|s|m)\s*$", out, re.M)
    done = re.search(r"(\d+) requests in ([\d.]+)(us|ms|s|m)", out)
    if p99 is None or done is None:
        raise RuntimeError(f"cannot read wrk's output: {out}")
    non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    sock = re.search(r"connect (\d+), read (\d+), write (\d+), timeout (\d+)", out)
    errors = int(non2xx.group(1)) if non2xx else 0
    errors += sum(int(g) for g in sock.groups()) if sock else 0
    n = int(done.group(1))
    elapsed = float(done.group(2)) * _UNITS[done.group(3)] / 1000
    return {
        "requests": float(n),
        "seconds": elapsed,
        "rps": (n - errors) / elapsed,
        "p99_ms": float(p99.group(1)) * _UNITS[p99.group(2)],
        "errors": float(errors),
    }


def autocannon(tool: Path) -> Load:
    def load(port: int, seconds: float) -> dict[str, float]:
        out = subprocess.run(
            [
                str(tool),
                "-c",
                str(CONNECTIONS),
                "-d",
                str(max(1, round(seconds))),
                "-j",
                "-H",
                f"Authorization={AUTH}",
                f"http://127.0.0.1:{port}{PATH}",
            ],
            capture_output=True,
            text=True,
            check=True,
            timeout=seconds + 60,
        )
        data = json.loads(out.stdout)
        errors = data["errors"] + data["non2xx"] + data["timeouts"]
        return {
            "requests": float(data["requests"]["total"]),
            "seconds": float(data["duration"]),
            "rps": data["2xx"] / data["duration"],
            "p99_ms": float(data["latency"]["p99"]),
            "errors": float(errors),
        }

    return load


async def _pylod(port: int, seconds: float) -> dict[str, float]:
    request = (
        f"GET {PATH} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nAuthorization: {AUTH}\r\n"
        "Accept: application/json\r\n\r\n"
    ).encode()
    latencies: list[float] = []
    errors = 0
    stop = time.monotonic() + seconds

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
    p99 = latencies[max(0, math.ceil(len(latencies) * 0.99) - 1)] if latencies else float("nan")
    return {
        "requests": float(len(latencies)),
        "seconds": elapsed,
        "rps": (len(latencies) - errors) / elapsed,
        "p99_ms": p99,
        "errors": float(errors),
    }


def pylod(port: int, seconds: float) -> dict[str, float]:
    return asyncio.run(_pylod(port, seconds))


def bare_app(port: int, body_file: str) -> None:
    """Serve ``body_file`` as JSON to every request: the stack's own limit."""
    import uvicorn

    body = Path(body_file).read_bytes()
    headers = [(b"content-type", b"application/json"), (b"content-length", b"%d" % len(body))]
    start = {"type": "http.response.start", "status": 200, "headers": headers}
    message = {"type": "http.response.body", "body": body}

    async def app(scope: dict[str, object], receive: object, send: object) -> None:
        if scope["type"] != "http":
            return
        await send(start)  # type: ignore[operator]
        await send(message)  # type: ignore[operator]

    uvicorn.run(
        app,
        host="127.0.0.1",
        port=port,
        http="httptools",
        loop="uvloop",
        lifespan="off",
        log_level="warning",
        access_log=False,
    )


if __name__ == "__main__" and sys.argv[1:2] == ["--bare"]:
    bare_app(int(sys.argv[2]), sys.argv[3])
