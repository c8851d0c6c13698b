from __future__ import annotations

from collections.abc import Iterator

import pytest
from contract_helpers import PROVIDER_ENV, SEED, SIZE
from numberhub.mock import MockServer


@pytest.fixture(autouse=True)
def _no_provider_env(monkeypatch: pytest.MonkeyPatch) -> None:
    """Credentials come from the mock under test, never from the machine's environment."""
    for name in PROVIDER_ENV:
        monkeypatch.delenv(name, raising=False)


@pytest.fixture(scope="session")
def server() -> Iterator[MockServer]:
    """The mock of every provider on a loopback socket, checking every body it sends."""
    with pytest.MonkeyPatch.context() as env:
        for name in PROVIDER_ENV:  # the documented default credentials
            env.delenv(name, raising=False)
        with MockServer(seed=SEED, size=SIZE, check_responses=True) as srv:
            yield srv
