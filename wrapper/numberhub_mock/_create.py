"""``create_app``: the mock of every provider (or some) built from the specs and options."""

from __future__ import annotations

import functools
import gc
import os
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import numberhub_spec

from ._app import DEFAULT_SLOW_MS, MockApp
from ._churn import Churn
from ._credentials import resolve_credentials
from ._dataset import Dataset, size_for
from ._faults import FaultPlan
from ._replay import replay_items
from ._service import Service
from ._team import team_items

__all__ = ["create_app"]


def create_app(
    *,
    seed: int = 0,
    size: int | Mapping[str, int] | None = None,
    providers: Iterable[str] | None = None,
    latency_ms: float = 0,
    jitter_ms: float = 0,
    fault_rate: float = 0.0,
    rate_limit: bool = False,
    credentials: Mapping[str, Mapping[str, str]] | None = None,
    faults: Iterable[str] | None = None,
    slow_ms: int = DEFAULT_SLOW_MS,
    max_consecutive_faults: int | None = None,
    data: Mapping[str, Sequence[Mapping[str, Any]]] | None = None,
    check_responses: bool = False,
    specs_dir: str | os.PathLike[str] | None = None,
    allow_drift: bool = False,
    replay: str | os.PathLike[str] | None = None,
    churn: float = 0.0,
) -> MockApp:
    """Build the mock of every provider (or some) as one ASGI application.

    Args:
        seed: Makes the datasets, ids, latency jitter and random faults reproducible.
        size: Items per provider: an int for all, a ``{provider: n}`` mapping, or None for
            ``DEFAULT_SIZE`` (250).
        providers: The providers to serve (default: every spec in the specs folder).
        latency_ms: Added to every response.
        jitter_ms: Up to this much more per response, drawn from the seed.
        fault_rate: Share of requests (0..1) that get a random fault from ``faults``.
        rate_limit: Enforce each spec's ``x-numberhub-rate-limit`` with 429 + Retry-After.
        credentials: Per-provider overrides of the accepted credentials (else the
            environment variables, else the documented defaults).
        faults: The faults ``fault_rate`` draws from: any of ``FAULT_KINDS``
            (``429 500 502 503 drop truncate slow``; default all) and ``drift`` (a page
            whose items differ from the spec; only when named).
        slow_ms: How long a ``slow`` fault waits before answering (default 60 s: twice
            numberhub's default client timeout, so it is reliably a timeout).
        max_consecutive_faults: At most this many random faults in a row for the same
            request retried (same method, path, query and body); the next try passes.
            With numberhub's default ``max_retries`` (2), 2 lets every listing finish.
            None (the default): each request's fault is drawn alone.
        data: A team's own items, ``{provider: [item, ...]}`` in each provider's item
            shape, served in the order given (paged and filtered like generated ones)
            instead of generated items; checked against the spec's item schema first.
        check_responses: Validate every body against the spec before sending it (raises
            on a mismatch; for tests).
        allow_drift: Serve items of ``data`` that differ from the item schema as given,
            instead of refusing them; ``app.drift`` lists the differences.
        replay: A corpus folder (``numberhub check --record DIR``): each served
            provider it has answers of serves the recorded items, drift and all
            (as ``data`` with ``allow_drift``).
        specs_dir: The folder of ``<provider>.yaml`` specs to serve (default
            ``$NUMBERHUB_SPECS_DIR``, else the shipped specs). A spec without a
            hand-written data profile gets one made from its schema.
        churn: The share of a page (0..1) of numbers added or released between the
            pages of an offset-paged listing (see ``_churn``); 0 (the default): none.

    Returns:
        The ASGI app; ``app.credentials`` holds the credentials it accepts,
        ``app.requests`` the journal and ``app.dataset(provider)`` the items served.

    Raises:
        LookupError: An unknown provider.
        ValueError: A bad option, or an item of ``data`` that breaks its schema (the
            message names the provider, the item's index and the field, never a value).
    """
    known = numberhub_spec.provider_names(specs_dir)
    names = tuple(providers) if providers is not None else known
    unknown = [p for p in names if p not in known]
    if unknown:
        raise LookupError(f"unknown providers {unknown}; known: {', '.join(known)}")
    stray = sorted(set(data or {}) - set(names))
    if stray:
        raise ValueError(f"data for providers not served: {stray}; served: {', '.join(names)}")
    if max_consecutive_faults is not None and max_consecutive_faults < 0:
        raise ValueError("max_consecutive_faults must be >= 0 (or None for no limit)")
    if slow_ms < 0:
        raise ValueError("slow_ms must be >= 0")
    specs = {name: numberhub_spec.load(name, specs_dir) for name in names}
    recorded = replay_items(replay, names, specs_dir) if replay is not None else {}
    both = sorted(set(recorded) & set(data or {}))
    if both:
        raise ValueError(f"both data and a replayed corpus for {both}: give one")
    drift: dict[str, list[str]] = {}
    given = {
        name: team_items(
            specs[name],
            items,
            drift=drift.setdefault(name, []) if allow_drift or name in recorded else None,
        )
        for name, items in {**(data or {}), **recorded}.items()
    }
    creds = resolve_credentials(names, credentials, specs_dir=specs_dir)
    services = {
        name: Service(
            specs[name],
            Dataset(
                name, seed, size_for(name, size), creds[name], specs_dir, items=given.get(name)
            ),
            creds[name],
            rate_limit=rate_limit,
            check_responses=check_responses,
        )
        for name in names
    }
    plan = FaultPlan(seed, latency_ms, jitter_ms, fault_rate, tuple(faults or ()), slow_ms)
    app = MockApp(services, plan, creds, max_consecutive_faults=max_consecutive_faults)
    app.drift = {name: lines for name, lines in drift.items() if lines}
    app.churn = Churn(churn) if churn else None
    app.warm()
    _freeze_once()
    return app


@functools.cache
def _freeze_once() -> None:
    """Move what start-up made (specs, validators, data tables) out of the collector's reach.

    Once per process, after its first app is built: later collections then never walk
    the mock's long-lived objects again, so that a full collection stays short. (Only
    once: freezing again would keep any garbage of apps built and dropped since. No
    collection first: start-up leaves next to no garbage, and one would cost 50 ms.)
    """
    gc.freeze()
