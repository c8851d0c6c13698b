"""pytest fixtures for contract tests against numberhub's mock (registered as ``numberhub``).

``numberhub_mock``
    A `numberhub_mock.MockServer` started once per session on a free loopback port,
    with the default seed, size and credentials. Use ``.base_url`` and ``.credentials``.

``numberhub_mock_factory``
    A function taking ``MockServer``'s keyword arguments (every ``create_app`` option:
    seed, size, providers, data, latency_ms, jitter_ms, fault_rate, faults, slow_ms,
    max_consecutive_faults, rate_limit, credentials, check_responses, specs_dir) that
    starts a server and stops it when the test ends. Requests still waiting then (a
    ``slow`` fault) are dropped, so teardown is prompt and prints nothing.

pytest loads this module in every session of every project where numberhub is installed,
so it imports nothing heavy: the mock itself (uvicorn, the specs, phonenumbers...) is
imported only when a test uses a fixture.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from ._server import MockServer

__all__ = ["numberhub_mock", "numberhub_mock_factory"]


def _server_class() -> type[MockServer]:
    try:
        from ._server import MockServer
    except ImportError as exc:  # pragma: no cover - depends on the installed extras
        raise pytest.UsageError(
            f"numberhub's mock needs its extra: pip install 'numberhub[mock]' ({exc})"
        ) from exc
    return MockServer


@pytest.fixture(scope="session")
def numberhub_mock() -> Iterator[MockServer]:
    """The mock of every provider, running for the whole session."""
    with _server_class()() as server:
        yield server


@pytest.fixture
def numberhub_mock_factory() -> Iterator[Callable[..., MockServer]]:
    """Start mocks with custom options; each is stopped after the test."""
    with contextlib.ExitStack() as started:
        yield lambda **options: started.enter_context(_server_class()(**options))
