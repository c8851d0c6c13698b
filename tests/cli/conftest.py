from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import numberhub_mock
import numberhub_mock._server
import pytest
from cli_helpers import SIZE
from click.testing import CliRunner
from numberhub.mock import MockServer


@pytest.fixture(scope="session")
def server() -> Iterator[MockServer]:
    """The mock of every provider with a small dataset, for the whole session."""
    with MockServer(seed=7, size=SIZE, check_responses=True) as srv:
        yield srv


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def served(monkeypatch: pytest.MonkeyPatch) -> list[dict[str, Any]]:
    """What ``numberhub mock`` would serve, captured instead of serving forever."""
    calls: list[dict[str, Any]] = []

    def fake(sock: Any, workers: int, options: Any, *, app: Any = None) -> None:
        calls.append({"workers": workers, "options": dict(options), "app": app})

    class Bound:  # what bind() returns, without taking the port
        def __init__(self, host: str, port: int) -> None:
            self.address = (host, port or 4321)

        def getsockname(self) -> tuple[str, int]:
            return self.address

    monkeypatch.setattr(numberhub_mock, "serve_forever", fake)
    monkeypatch.setattr(numberhub_mock._server, "bind", Bound)
    return calls
