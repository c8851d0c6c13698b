"""``numberhub check --replay JOURNAL``: do a team's requests work on the real provider?

The journal is the mock's (``GET /_numberhub/requests``, or ``server.requests.to_list()``
saved as JSON). Each entry that is a provider's list operation becomes that listing again
(its filters and page size; the mock's cursors, offsets and page numbers mean nothing to
the provider, so each listing starts from its first page), sent once per distinct request
through the wrapper (read-only, within the rate limit, with the usual retries; one page
each). Any other entry (another path, another method, an unknown provider) is refused,
never sent. The report says per distinct request whether the provider accepted it (its
status, and its error body masked) and whether the answer fits the spec.
"""

from __future__ import annotations

import contextlib
import json
import re
import sys
import warnings
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import attrs
import click
import httpx
import numberhub_spec
from numberhub_spec import Parameter, Spec

from numberhub._client import SyncClient
from numberhub._client_options import DEFAULT_TIMEOUT
from numberhub._conformance import probe
from numberhub._drift import DriftWarning, Finding
from numberhub._errors import (
    APIError,
    AuthenticationError,
    InvalidParameterError,
    NumberhubError,
)
from numberhub._mask import Fakes, Masker
from numberhub.cli._catalog import provider_info
from numberhub.cli._errors import EXIT_API, EXIT_DRIFT, EXIT_USAGE, CliError, from_exception
from numberhub.cli._record import ClientOpener

__all__ = ["Replay", "read_journal", "replay_journal", "replays"]

_NUMBER_LIKE = re.compile(r"\+?\d(?:[\s().-]?\d){6,}")
_DROPPED_PAGING = ("offset", "page", "cursor")


def _scrub(text: str) -> str:
    return _NUMBER_LIKE.sub("<number>", text)


@attrs.define
class Replay:
    """One distinct list request of the journal, and what the provider made of it.

    Attributes:
        provider: The provider.
        request: ``{"method", "path", "query", "body"}`` as journaled (no credential).
        filters: The ``list_numbers`` arguments it stands for.
        entries: The journal's indexes of the entries that are this request.
        mock_status: What the mock answered the first of them.
        status: What the provider answered (None: not sent, or unreachable).
        accepted: Whether the provider (and the spec, before sending) accepted it.
        error: Why it was refused: the spec's problem, or the provider's error body
            (masked), else None.
        findings: How the answer differs from the spec.
    """

    provider: str
    request: dict[str, Any]
    filters: dict[str, Any]
    entries: list[int] = attrs.field(factory=list)
    mock_status: int | None = None
    status: int | None = None
    accepted: bool = False
    error: Any = None
    findings: tuple[Finding, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready, phone numbers in the request scrubbed."""
        request = json.loads(_scrub(json.dumps(self.request)))
        return {
            "provider": self.provider,
            "request": request,
            "entries": self.entries,
            "mock_status": self.mock_status,
            "status": self.status,
            "accepted": self.accepted,
            "error": self.error,
            "fits": self.accepted and not self.findings,
            "findings": [f.to_dict() for f in self.findings],
        }


def read_journal(path: str) -> list[Any]:
    """The entries of a journal file (``-``: stdin): a JSON list, or ``{"requests": [...]}``.

    Raises:
        CliError: Not readable, not JSON, or not a list of records (exit code 2).
    """
    try:
        text = sys.stdin.read() if path == "-" else Path(path).read_text(encoding="utf-8")
        data = json.loads(text)
    except (OSError, ValueError) as exc:
        raise CliError(f"--replay: cannot read the journal {path}: {exc}", EXIT_USAGE) from None
    if isinstance(data, Mapping):
        data = data.get("requests")
    if not isinstance(data, list):
        raise CliError(f"--replay: {path} is not a journal (a JSON list of requests)", EXIT_USAGE)
    return data


def _on_path(spec: Spec, path: str) -> bool:
    parts, template = path.split("/"), spec.operation.path.split("/")
    return len(parts) == len(template) and all(
        a == b or (b.startswith("{") and b.endswith("}") and a)
        for a, b in zip(parts, template, strict=True)
    )


def _coerce(param: Parameter, value: Any) -> Any:
    """A journaled query value (strings) as the JSON type the spec declares."""
    schema = param.schema.get("items", {}) if param.is_array else param.schema
    kind = schema.get("type", "string")
    kind = next((k for k in kind if k != "null"), "string") if isinstance(kind, list) else kind

    def one(text: Any) -> Any:
        if not isinstance(text, str):
            return text
        try:
            if kind == "integer":
                return int(text)
            if kind == "number":
                return float(text)
        except ValueError:
            return text
        if kind == "boolean" and text.lower() in ("true", "false"):
            return text.lower() == "true"
        return text

    if isinstance(value, list):
        values = [one(v) for v in value]
        return values if param.is_array else values[0] if len(values) == 1 else values
    return [one(value)] if param.is_array and not isinstance(value, list) else one(value)


def _filters(spec: Spec, entry: Mapping[str, Any]) -> dict[str, Any]:
    """The ``list_numbers`` arguments of one journaled request."""
    paging = {i.name: i.kind for plan in spec.plans.values() for i in plan.inputs.values()}
    switches = {plan.switch for plan in spec.plans.values() if plan.switch}
    params = {p.name: p for p in spec.operation.parameters}
    sent: dict[str, Any] = dict(entry.get("query") or {})
    if isinstance(entry.get("body"), Mapping):
        sent.update(entry["body"])
    out: dict[str, Any] = {}
    for name, value in sent.items():
        param = params.get(name)
        kind = paging.get(name)
        if kind in _DROPPED_PAGING or (param is not None and (param.credential or param.tenant_of)):
            continue
        if param is None:
            out[name] = value  # the wrapper refuses it, as it refused the team's code
        elif kind == "limit":
            out["page_size"] = _coerce(param, value)
        else:
            keyword = param.keyword if name not in switches else numberhub_spec.snake_case(name)
            out[keyword] = _coerce(param, value)
    return out


def replays(
    entries: Sequence[Any], names: Sequence[str] = ()
) -> tuple[list[Replay], list[tuple[int, str]]]:
    """The distinct list requests of a journal, and the entries refused (index, why).

    Args:
        entries: The journal's records (``RecordedRequest.to_dict`` output).
        names: Replay only these providers' requests (default: every provider's).
    """
    known = set(numberhub_spec.provider_names())
    distinct: dict[str, Replay] = {}
    refused: list[tuple[int, str]] = []
    for index, entry in enumerate(entries):
        if not isinstance(entry, Mapping):
            refused.append((index, "not a journal record"))
            continue
        provider, method = entry.get("provider"), str(entry.get("method", "")).upper()
        path = str(entry.get("path", ""))
        if provider not in known:
            refused.append((index, f"{method} {_scrub(path)}: no provider's list operation"))
            continue
        if names and provider not in names:
            continue
        spec = numberhub_spec.load(str(provider))
        if method != spec.operation.method or not _on_path(spec, path):
            why = f"{method} {_scrub(path)}: not {spec.name}'s list operation"
            refused.append((index, f"{why} ({spec.operation.method} {spec.operation.path})"))
            continue
        filters = _filters(spec, entry)
        key = json.dumps([provider, filters], sort_keys=True, default=str)
        if key not in distinct:
            request = {k: entry.get(k) for k in ("method", "path", "query", "body")}
            distinct[key] = Replay(spec.name, request, filters, mock_status=entry.get("status"))
        distinct[key].entries.append(index)
    return list(distinct.values()), refused


def _run(replay: Replay, client: SyncClient[Any], seen: list[int]) -> None:
    """Send one replay through ``client`` (one page) and note what came back."""
    seen.clear()
    try:
        result = probe(client, max_pages=1, **replay.filters)
    except AuthenticationError:
        raise  # refused credentials: every request would be, the command fails
    except InvalidParameterError as exc:
        replay.error = f"refused before sending (the spec): {_scrub(str(exc))}"
        return
    except APIError as exc:
        replay.status = exc.status
        body = exc.body if not isinstance(exc.body, str) else {"text": exc.body}
        spec = numberhub_spec.load(replay.provider)
        replay.error = Masker(spec, Fakes()).answer(exc.status, body)
        return
    replay.status = seen[-1] if seen else None
    replay.accepted = True
    replay.findings = result.findings


def _run_all(found: list[Replay], opener: ClientOpener) -> None:
    """Every replay, through one client per provider (so one rate limiter for each)."""
    seen: list[int] = []

    def hook(response: httpx.Response) -> None:
        seen.append(response.status_code)

    for name in dict.fromkeys(r.provider for r in found):
        timeout = opener.options.get("timeout", DEFAULT_TIMEOUT)
        with (
            httpx.Client(timeout=timeout, event_hooks={"response": [hook]}) as http,
            opener.open(provider_info(name), http_client=http) as client,
        ):
            for replay in (r for r in found if r.provider == name):
                _run(replay, client, seen)


def _text(replay: Replay) -> str:
    query = "&".join(
        f"{k}={v}" for k, vs in (replay.request.get("query") or {}).items() for v in vs
    )
    head = f"{replay.provider} {replay.request['method']} {replay.request['path']}"
    head = _scrub(head + (f"?{query}" if query else ""))
    if replay.request.get("body"):
        head += " " + _scrub(json.dumps(replay.request["body"], sort_keys=True))
    times = len(replay.entries)
    head += f"  ({times} time{'s' if times != 1 else ''} in the journal, mock {replay.mock_status})"
    if not replay.accepted:
        error = replay.error if isinstance(replay.error, str) else json.dumps(replay.error)
        return f"{head}\n  refused: HTTP {replay.status}: {error}"
    if not replay.findings:
        return f"{head}\n  accepted: HTTP {replay.status}; the answer fits the spec"
    lines = [f"{head}\n  accepted: HTTP {replay.status}; {len(replay.findings)} differences:"]
    lines += [
        f"    {f.path} {f.rule} (expected {f.expected}; seen {f.seen})" for f in replay.findings
    ]
    return "\n".join(lines)


def replay_journal(
    path: str,
    names: Sequence[str],
    *,
    base_url: str | None,
    mock: bool,
    fmt: str,
    **options: Any,
) -> None:
    """Run ``numberhub check --replay JOURNAL`` (see the module docstring).

    Exits 0 when the provider accepted every request and every answer fits its spec, 4
    when it refused any, 6 when an answer differs; 2 when no entry could be replayed.
    """
    found, refused = replays(read_journal(path), names)
    for index, why in refused:
        click.echo(f"numberhub: journal entry {index} refused: {why}", err=True)
    if not found:
        raise CliError("--replay: no list request of a provider in the journal", EXIT_USAGE)
    infos = [provider_info(name) for name in dict.fromkeys(r.provider for r in found)]
    with contextlib.ExitStack() as stack:
        server = None
        if mock:
            from numberhub.mock import MockServer

            server = stack.enter_context(MockServer(providers=[i.name for i in infos]))
        stack.enter_context(warnings.catch_warnings())
        warnings.simplefilter("ignore", DriftWarning)
        opener = ClientOpener(base_url=base_url, mock=mock, server=server, **options)
        try:
            _run_all(found, opener)
        except NumberhubError as exc:
            raise from_exception(exc) from None
    if fmt == "json":
        report = {
            "requests": [r.to_dict() for r in found],
            "refused": [{"entry": i, "reason": why} for i, why in refused],
        }
        click.echo(json.dumps(report, indent=2))
    else:
        click.echo("\n".join(_text(r) for r in found))
    if any(not r.accepted for r in found):
        raise click.exceptions.Exit(EXIT_API)
    if any(r.findings for r in found):
        raise click.exceptions.Exit(EXIT_DRIFT)
