"""``numberhub mock``: run the mock server in the foreground, every ``create_app`` option on it."""

from __future__ import annotations

import json
import shlex
import sys
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import click

from numberhub._client_options import base_url_env
from numberhub._retry import DEFAULT_MAX_RETRIES
from numberhub.cli._errors import EXIT_UNSERVED, EXIT_USAGE, CliError

__all__ = ["mock"]

CLI_FAULTS = ("429", "500", "502", "503", "drop", "truncate")
"""What ``--fault-rate`` draws from without ``--faults``: every kind but ``slow`` and ``drift``."""
_ALL_FAULTS = (*CLI_FAULTS, "slow", "drift")


class _Assignment(click.ParamType):  # type: ignore[type-arg]  # generic only since click 8.2
    """``PROVIDER=VALUE`` (or a bare value, when ``bare`` allows one)."""

    name = "assignment"

    def __init__(self, value: Any, *, bare: bool) -> None:
        self.value = value
        self.bare = bare

    def convert(self, text: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        if isinstance(text, tuple):
            return text
        provider, sep, raw = str(text).partition("=")
        if not sep:
            if not self.bare:
                self.fail(f"expected PROVIDER=VALUE, not {text!r}", param, ctx)
            provider, raw = "", str(text)
        return provider.strip().lower(), self.value.convert(raw, param, ctx)


def _faults(ctx: click.Context, param: click.Parameter, text: Any) -> tuple[str, ...]:
    kinds: list[str] = []
    for value in text:
        for kind in str(value).replace(",", " ").split():
            if kind not in _ALL_FAULTS:
                raise click.BadParameter(
                    f"{kind!r} is not a fault; choose from {', '.join(_ALL_FAULTS)}"
                )
            kinds.append(kind)
    return tuple(kinds)


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
    "sizes",
    multiple=True,
    metavar="[PROVIDER=]N",
    type=_Assignment(click.IntRange(0, 10_000_000), bare=True),
    help="Items per provider (default 250): N for all, PROVIDER=N for one (repeatable).",
)
@click.option(
    "--data",
    "data_files",
    multiple=True,
    metavar="PROVIDER=FILE",
    type=_Assignment(click.Path(exists=True, dir_okay=False), bare=False),
    help="Serve your own items for PROVIDER, in order: FILE holds a JSON array in the "
    "provider's item shape, checked against its spec (repeatable).",
)
@click.option(
    "--allow-drift",
    is_flag=True,
    help="With --data: serve items that differ from the item schema as given (the "
    "differences are listed at start) instead of refusing them.",
)
@click.option(
    "--replay",
    "replay_dir",
    default=None,
    metavar="DIR",
    type=click.Path(exists=True, file_okay=False),
    help="Serve the items recorded in DIR by 'numberhub check --record DIR', drift and "
    "all, paged and filtered like any data.",
)
@click.option(
    "--provider",
    "providers",
    multiple=True,
    metavar="NAME",
    help="Serve only this provider (repeatable; default all).",
)
@click.option("--latency-ms", default=0.0, type=click.FloatRange(0), help="Added latency.")
@click.option(
    "--jitter-ms", default=0.0, type=click.FloatRange(0), help="Up to this much more latency."
)
@click.option(
    "--fault-rate",
    default=0.0,
    type=click.FloatRange(0, 1),
    help="Share of requests that get a random fault (see --faults).",
)
@click.option(
    "--churn",
    default=0.0,
    type=click.FloatRange(0, 1),
    metavar="RATE",
    help="Add and release RATE of a page's worth of numbers between the pages of an "
    "offset-paged listing (Plivo), so that offset paging shows real repeats and misses.",
)
@click.option(
    "--faults",
    multiple=True,
    callback=_faults,
    metavar="KINDS",
    help="The faults --fault-rate draws from, comma-separated or repeated: "
    f"{', '.join(_ALL_FAULTS)}. Default: all but slow and drift, so that a listing with "
    "numberhub's default client settings finishes in seconds (drift: pages whose items "
    "differ from the spec).",
)
@click.option(
    "--slow-ms",
    default=60_000,
    show_default=True,
    type=click.IntRange(0),
    help="How long a slow fault waits: twice numberhub's default 30 s client timeout, so it "
    "is reliably a timeout.",
)
@click.option(
    "--max-consecutive-faults",
    default=DEFAULT_MAX_RETRIES,
    show_default=True,
    type=click.IntRange(0),
    help="At most this many random faults in a row for the same request retried; the next "
    "try passes (numberhub's default max_retries, so every listing completes).",
)
@click.option("--rate-limit", is_flag=True, help="Enforce each provider's documented limit.")
@click.option(
    "--check-responses", is_flag=True, help="Check every answer against the spec (slower)."
)
@click.option(
    "--workers",
    default=1,
    show_default=True,
    type=click.IntRange(1, 64),
    help="Worker processes; they share one rate limit, fault sequence and journal.",
)
@click.option(
    "--credentials",
    "print_credentials",
    is_flag=True,
    help="Print the accepted credentials as JSON, secret values included, and exit. The "
    "banner never prints a secret: it says where each value comes from.",
)
@click.option(
    "--env",
    "print_env",
    is_flag=True,
    help="Print an export line for every variable the clients read (each provider's "
    "<PROVIDER>_BASE_URL at this mock and its credentials, secret values included), then "
    'exit: eval "$(numberhub mock --env --port 4010)". With --port 0 they are printed '
    "once the port is bound, and the mock goes on serving (the banner goes to stderr).",
)
@click.option(
    "--format",
    "env_format",
    type=click.Choice(["shell", "dotenv"]),
    default="shell",
    show_default=True,
    help="With --env: shell export lines, or NAME=value lines for a .env file.",
)
def mock(
    host: str,
    port: int,
    seed: int,
    sizes: tuple[tuple[str, int], ...],
    data_files: tuple[tuple[str, str], ...],
    allow_drift: bool,
    replay_dir: str | None,
    providers: tuple[str, ...],
    latency_ms: float,
    jitter_ms: float,
    fault_rate: float,
    churn: float,
    faults: tuple[str, ...],
    slow_ms: int,
    max_consecutive_faults: int,
    rate_limit: bool,
    check_responses: bool,
    workers: int,
    print_credentials: bool,
    print_env: bool,
    env_format: str,
) -> None:
    """Run the spec-driven mock of every provider on one port.

    Credentials default to documented values, overridden by the environment variables
    the clients read (PLIVO_AUTH_ID, BIRD_ACCESS_KEY, ...). Send the header
    ``X-Numberhub-Fault: status=503`` (or delay=MS, slow, drop, truncate, drift) to inject
    a fault into one request. GET /_numberhub/requests lists the requests received
    (without credentials); DELETE clears the list.
    """
    import numberhub_mock
    import numberhub_spec
    from numberhub_mock import create_app, credentials
    from numberhub_mock._credentials import as_map
    from numberhub_mock._server import bind

    from numberhub.cli._catalog import unknown_provider
    from numberhub.cli._mock_banner import banner

    known = numberhub_spec.provider_names()
    served = list(providers) or list(known)
    for name in [*providers, *(p for p, _ in sizes if p), *(p for p, _ in data_files)]:
        if name not in known:
            raise CliError(unknown_provider(name, known), EXIT_USAGE)
    creds = credentials(served)
    if print_credentials:
        click.echo(json.dumps(creds, indent=2))
        return
    if print_env and port != 0:
        click.echo(env_lines(_base(host, port), as_map(creds), env_format))
        return

    options: dict[str, Any] = {
        "seed": seed,
        "size": _size(sizes, served),
        "providers": list(providers) or None,
        "latency_ms": latency_ms,
        "jitter_ms": jitter_ms,
        "fault_rate": fault_rate,
        "churn": churn,
        "faults": list(faults or CLI_FAULTS),
        "slow_ms": slow_ms,
        "max_consecutive_faults": max_consecutive_faults,
        "rate_limit": rate_limit,
        "check_responses": check_responses,
        "allow_drift": allow_drift,
        "replay": replay_dir,
    }
    try:
        if data_files:
            from numberhub_mock import read_items

            options["data"] = {p: read_items(path) for p, path in data_files}
        app = create_app(**options)
    except (ValueError, LookupError) as exc:
        raise CliError(str(exc), EXIT_USAGE) from None
    try:
        sock = bind(host, port)
    except OSError as exc:
        reason = exc.strerror or type(exc).__name__
        raise CliError(f"cannot serve on {host}:{port}: {reason.lower()}", EXIT_UNSERVED) from None
    base = _base(host, sock.getsockname()[1])
    if print_env:
        click.echo(env_lines(base, as_map(creds), env_format))
        sys.stdout.flush()
    origins = dict(data_files)
    if replay_dir is not None:
        origins.update(dict.fromkeys(_recorded(replay_dir, app.services), replay_dir))
    click.echo(banner(app, base, seed, workers, origins), err=print_env)
    if app.drift:
        click.echo("Served as given, differing from the item schema:", err=True)
        for line in (line for lines in app.drift.values() for line in lines):
            click.echo(f"  {line}", err=True)
    sys.stdout.flush()
    numberhub_mock.serve_forever(sock, workers, options, app=app if workers == 1 else None)


def _base(host: str, port: int) -> str:
    return f"http://[{host}]:{port}" if ":" in host else f"http://{host}:{port}"


def env_lines(base: str, creds: Mapping[str, Mapping[str, str]], fmt: str = "shell") -> str:
    """The variables the clients read, set for a mock at ``base``: one line each.

    ``shell``: ``export NAME=value``, quoted for a POSIX shell; ``dotenv``: ``NAME=value``.
    """
    from numberhub_mock._credentials import env_var

    pairs = []
    for provider, values in creds.items():
        pairs.append((base_url_env(provider), base))
        pairs += [(env_var(provider, key), value) for key, value in values.items()]
    prefix = "export " if fmt == "shell" else ""
    return "\n".join(f"{prefix}{name}={shlex.quote(value)}" for name, value in pairs)


def _size(sizes: tuple[tuple[str, int], ...], served: list[str]) -> int | dict[str, int] | None:
    """``create_app``'s size: an int for all, or one per provider."""
    overall = next((n for p, n in reversed(sizes) if not p), None)
    each = {p: n for p, n in sizes if p}
    if not each:
        return overall
    from numberhub_mock import DEFAULT_SIZE

    base = overall if overall is not None else DEFAULT_SIZE
    return {p: each.get(p, base) for p in served}


def _recorded(folder: str, served: Iterable[str]) -> list[str]:
    """The served providers a corpus folder has answers of (create_app read it already)."""
    index = json.loads((Path(folder) / "index.json").read_text(encoding="utf-8"))
    recorded = {page.get("provider") for page in index.get("pages") or ()}
    return [name for name in served if name in recorded]
