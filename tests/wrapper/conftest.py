from __future__ import annotations

import pytest
from wrapper_fakes import FakeClock


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture(autouse=True)
def _no_provider_env(monkeypatch: pytest.MonkeyPatch) -> None:
    """Credentials come from the tests, never from the machine's environment."""
    for name in (
        "PLIVO_AUTH_ID",
        "PLIVO_AUTH_TOKEN",
        "BIRD_ACCESS_KEY",
        "BIRD_ORGANIZATION_ID",
        "BUTTER_API_KEY",
        "BUTTER_ORGANIZATION_ID",
        "ROUNDED_API_KEY",
        "DUOPLUS_API_KEY",
    ):
        monkeypatch.delenv(name, raising=False)
