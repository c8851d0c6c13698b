from __future__ import annotations

from collections.abc import Iterator

import pytest
from contract_helpers import SEED, SIZE
from numberhub.mock import MockServer


@pytest.fixture(scope="session")
def server(provider_env: tuple[str, ...]) -> Iterator[MockServer]:
    """The mock of every provider on a loopback socket, checking every body it sends."""
    with pytest.MonkeyPatch.context() as env:
        for name in provider_env:  # the documented default credentials
            env.delenv(name, raising=False)
        with MockServer(seed=SEED, size=SIZE, check_responses=True) as srv:
            yield srv
