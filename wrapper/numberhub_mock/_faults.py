"""Latency and faults: per request (the ``X-Numberhub-Fault`` header) or by a seeded rate."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from .profiles._rand import Rand

__all__ = [
    "FAULT_HEADER",
    "FAULT_KINDS",
    "OPT_IN_FAULTS",
    "Fault",
    "FaultError",
    "FaultPlan",
    "parse_fault",
]

FAULT_HEADER = "x-numberhub-fault"
FAULT_KINDS: tuple[str, ...] = ("429", "500", "502", "503", "drop", "truncate", "slow")
"""What ``fault_rate`` draws from, uniformly, unless told otherwise."""
OPT_IN_FAULTS: tuple[str, ...] = ("drift",)
"""Faults drawn only when asked for (``faults=["drift"]``): an answer that drifts from the
spec is no failure to retry, it changes what a listing reads."""


_NUMBERS = {"status": "status", "delay": "delay_ms", "retry-after": "retry_after"}
"""The header's tokens that take a number, and the `Fault` field each sets."""


class FaultError(ValueError):
    """An ``X-Numberhub-Fault`` header that cannot be understood."""


@dataclass(frozen=True, slots=True)
class Fault:
    """What to do to one response.

    Attributes:
        status: Answer with this error status (the provider's own body) instead.
        delay_ms: Wait this long before answering.
        drop: Close the connection without answering.
        truncate: Send the headers and half of the body, then close the connection.
        retry_after: The ``Retry-After`` seconds of a 429 (default 1).
        drift: Serve the page with its items drifted from the spec (`_drift_fault`).
    """

    status: int | None = None
    delay_ms: int = 0
    drop: bool = False
    truncate: bool = False
    retry_after: int | None = None
    drift: bool = False

    @property
    def label(self) -> str:
        """The fault as ``X-Numberhub-Fault`` tokens (``status=503``, ``delay=250,drop``)."""
        tokens = [f"status={self.status}"] if self.status is not None else []
        tokens += [f"delay={self.delay_ms}"] if self.delay_ms else []
        tokens += [name for name in ("drop", "truncate", "drift") if getattr(self, name)]
        return ",".join(tokens)


def parse_fault(value: str, *, slow_ms: int) -> Fault:
    """Read an ``X-Numberhub-Fault`` header value.

    Tokens are separated by commas or semicolons: ``status=503``, ``delay=250``
    (milliseconds), ``slow`` (a delay of ``slow_ms``), ``drop``, ``truncate``,
    ``retry-after=2`` (seconds, with ``status=429``), ``drift`` (items that differ from
    the spec).

    Raises:
        FaultError: An unknown token or a bad number.
    """
    fields: dict[str, Any] = {}
    for token in value.replace(";", ",").split(","):
        token = token.strip().lower()
        name, _, arg = token.partition("=")
        if name in ("drop", "truncate", "drift") and not arg:
            fields[name] = True
        elif name == "slow" and not arg:
            fields["delay_ms"] = slow_ms
        elif name in _NUMBERS:
            try:
                number = int(arg)
            except ValueError as exc:
                raise FaultError(f"bad number in fault {token!r}") from exc
            if name == "status" and not 400 <= number <= 599:
                raise FaultError(f"fault status must be 400..599, not {number}")
            if name == "delay" and not 0 <= number <= 600_000:
                raise FaultError("fault delay must be 0..600000 ms")
            if name == "retry-after" and number < 0:
                raise FaultError("retry-after must be >= 0")
            fields[_NUMBERS[name]] = number
        elif token:
            raise FaultError(f"unknown fault {token!r}")
    return Fault(**fields)


class FaultPlan:
    """Seeded latency and random faults: request ``k`` always gets the same treatment.

    Args:
        seed: The server's seed.
        latency_ms: Added to every response.
        jitter_ms: Up to this much more, drawn per request.
        fault_rate: Share of requests that get a fault (0..1).
        kinds: The faults drawn from (``FAULT_KINDS`` by default; ``OPT_IN_FAULTS`` too
            when named).
        slow_ms: The delay of a ``slow`` fault (past a client's timeout).
    """

    def __init__(
        self,
        seed: int,
        latency_ms: float,
        jitter_ms: float,
        fault_rate: float,
        kinds: Sequence[str] | None,
        slow_ms: int,
    ) -> None:
        if not 0.0 <= fault_rate <= 1.0:
            raise ValueError("fault_rate must be between 0 and 1")
        if latency_ms < 0 or jitter_ms < 0:
            raise ValueError("latency_ms and jitter_ms must be >= 0")
        self.rand = Rand(seed, "faults")
        self.latency_ms = latency_ms
        self.jitter_ms = jitter_ms
        self.fault_rate = fault_rate
        self.kinds = tuple(kinds) if kinds else FAULT_KINDS
        known = (*FAULT_KINDS, *OPT_IN_FAULTS)
        unknown = set(self.kinds) - set(known)
        if unknown:
            raise ValueError(f"unknown fault kinds {sorted(unknown)}; known: {known}")
        self.slow_ms = slow_ms

    def delay_ms(self, k: int) -> float:
        """The latency of request ``k``."""
        if not self.jitter_ms:
            return self.latency_ms
        return self.latency_ms + self.jitter_ms * self.rand.uniform(k, "jitter")

    def fault(self, k: int) -> Fault | None:
        """The random fault of request ``k``, if it gets one."""
        if not self.fault_rate or not self.rand.chance(k, "fault", self.fault_rate):
            return None
        kind = self.rand.pick(k, "fault-kind", self.kinds)
        return parse_fault(f"status={kind}" if kind.isdigit() else kind, slow_ms=self.slow_ms)
