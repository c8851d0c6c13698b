"""The banner ``numberhub mock`` prints: where, what data, the latency, faults and limits in force.

It never prints a secret value. Each credential is shown by where it comes from: the
environment variable that set it, or the documented default (printed, as it is public).
Only ``numberhub mock --credentials`` prints values from the environment.
"""

from __future__ import annotations

import os
from collections.abc import Mapping

from numberhub_mock import DEFAULT_CREDENTIALS, MockApp
from numberhub_mock._credentials import of_provider

__all__ = ["WIDTH", "banner", "credential_sources"]

WIDTH = 100
"""The banner's width: every line fits (a very long ``--data`` path or host aside)."""
_INDENT = " " * 13


def credential_sources(provider: str, values: Mapping[str, str]) -> list[str]:
    """``key from $ENV_VAR`` or ``key=value (documented default)``, one per credential."""
    out = []
    for key, value in values.items():
        var = f"{provider}_{key}".upper()
        if os.environ.get(var):
            out.append(f"{key} from ${var}")
        elif provider in DEFAULT_CREDENTIALS:
            out.append(f"{key}={value} (documented default)")
        else:
            out.append(f"{key}={value} (default made from the spec)")
    return out


def _faults(app: MockApp) -> str:
    plan = app.plan
    if not plan.fault_rate:
        return "faults:      none at random (per request: the X-Numberhub-Fault header)"
    text = f"faults:      {plan.fault_rate:.0%} of requests, drawn from {' '.join(plan.kinds)}"
    cap = app.max_consecutive_faults
    if cap is not None:
        text += f"; at most {cap} in a row for the same request"
    if "slow" in plan.kinds:
        text += f"; slow waits {plan.slow_ms} ms"
    return text


def _limits(app: MockApp) -> str:
    limited = [s for s in app.services.values() if s.throttle is not None]
    if not limited:
        return "rate limits: off (--rate-limit enforces the documented ones)"
    shown = ", ".join(
        f"{s.provider} {s.throttle.requests} req / {s.throttle.per:g} s"
        for s in limited
        if s.throttle is not None
    )
    others = sorted(set(app.services) - {s.provider for s in limited})
    return f"rate limits: {shown}" + (f" (none documented: {', '.join(others)})" if others else "")


def banner(app: MockApp, base: str, seed: int, workers: int, data_files: Mapping[str, str]) -> str:
    """What ``numberhub mock`` prints before serving."""
    plan = app.plan
    latency = f"{plan.latency_ms:g} ms" if plan.latency_ms else "none"
    if plan.jitter_ms:
        latency += f" + up to {plan.jitter_ms:g} ms jitter"
    lines = [f"numberhub mock on {base}  (seed {seed})", f"latency:     {latency}", _faults(app)]
    lines.append(_limits(app))
    if workers > 1:
        lines.append(f"workers:     {workers}, sharing one rate limit, fault sequence and journal")
    lines.append(f"journal:     GET or DELETE {base}/_numberhub/requests")
    lines.append(f"providers:   each at {base} + its path; credentials and where they come from")
    for name, service in app.services.items():
        spec = service.spec
        op = spec.operation
        origin = f"from {data_files[name]}" if name in data_files else "generated"
        lines.append(f"  {spec.display_name:<10} {op.method:<4} {op.path}")
        items = [f"{service.dataset.size} items, {origin};"]
        lines += _packed([*items, *credential_sources(name, of_provider(app.credentials, name))])
    port = base.rpartition(":")[2]
    lines.append(f'Ctrl+C to stop. A shell for it: eval "$(numberhub mock --env --port {port})"')
    return "\n".join(lines)


def _packed(words: list[str]) -> list[str]:
    """``words`` on indented lines of at most `WIDTH` columns, two spaces apart."""
    lines: list[str] = []
    line = ""
    for word in words:
        if line and len(_INDENT) + len(line) + 2 + len(word) > WIDTH:
            lines.append(_INDENT + line)
            line = word
        else:
            line = f"{line}  {word}" if line else word
    if line:
        lines.append(_INDENT + line)
    return lines
