from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest
from numberhub_mock import MockServer


@pytest.fixture(scope="session")
def server() -> Iterator[MockServer]:
    with MockServer(check_responses=True) as srv:
        yield srv


@pytest.fixture(scope="session")
def http(server: MockServer) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=server.base_url, timeout=10) as client:
        yield client
