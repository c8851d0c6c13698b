"""``numberhub mock``: run the mock server in the foreground."""

from __future__ import annotations

import json
import sys
from typing import Any

import click

__all__ = ["mock"]


@click.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Interface to bind.")
@click.option(
    "--port",
    default=4010,
    show_default=True,
    type=click.IntRange(0, 65535),
    help="Port to bind (0: any free port).",
)
@click.option("--seed", default=0, show_default=True, type=int, help="Dataset and fault seed.")
@click.option(
    "--size",
    default=None,
    type=click.IntRange(0, 10_000_000),
    help="Items per provider (default 250).",
)
@click.option(
    "--provider",
    "providers",
    multiple=True,
    metavar="NAME",
    help="Serve only this provider (repeatable; default all).",
)
@click.option("--latency-ms", default=0.0, type=click.FloatRange(0), help="Added latency.")
@click.option("--jitter-ms", default=0.0, type=click.FloatRange(0), help="Random extra latency.")
@click.option(
    "--fault-rate",
    default=0.0,
    type=click.FloatRange(0, 1),
    help="Share of requests that get a random fault.",
)
@click.option("--rate-limit", is_flag=True, help="Enforce each provider's documented limit.")
@click.option(
    "--workers", default=1, show_default=True, type=click.IntRange(1, 64), help="Worker processes."
)
@click.option(
    "--credentials",
    "print_credentials",
    is_flag=True,
    help="Print the accepted credentials as JSON and exit.",
)
def mock(
    host: str,
    port: int,
    seed: int,
    size: int | None,
    providers: tuple[str, ...],
    latency_ms: float,
    jitter_ms: float,
    fault_rate: float,
    rate_limit: bool,
    workers: int,
    print_credentials: bool,
) -> None:
    """Run the spec-driven mock of every provider on one port.

    Credentials default to documented values, overridden by the environment variables
    the clients read (PLIVO_AUTH_ID, BIRD_ACCESS_KEY, ...). Send the header
    ``X-Numberhub-Fault: status=503`` (or delay=MS, slow, drop, truncate) to inject a
    fault into one request.
    """
    import numberhub_spec
    from numberhub_mock import credentials, serve_forever

    creds = credentials(providers or None)
    if print_credentials:
        click.echo(json.dumps(creds, indent=2))
        return

    options: dict[str, Any] = {
        "seed": seed,
        "size": size,
        "providers": list(providers) or None,
        "latency_ms": latency_ms,
        "jitter_ms": jitter_ms,
        "fault_rate": fault_rate,
        "rate_limit": rate_limit,
    }
    shown_host = f"[{host}]" if ":" in host else host
    base = f"http://{shown_host}:{port}"
    click.echo(f"numberhub mock on {base}  (seed {seed}, {size or 250} items per provider)")
    for name, values in creds.items():
        spec = numberhub_spec.load(name)
        op = spec.operation
        pairs = "  ".join(f"{k}={v}" for k, v in values.items())
        click.echo(
            f"  {spec.display_name:<10} {op.method:<4} {base}{op.path}\n             {pairs}"
        )
    click.echo("Ctrl+C to stop.")
    sys.stdout.flush()
    serve_forever(host, port, workers, options)
