from __future__ import annotations

import pytest
from e2e_helpers import PROVIDER_ENV


@pytest.fixture(autouse=True)
def _no_provider_env(monkeypatch: pytest.MonkeyPatch) -> None:
    """Credentials come from the mock under test, never from the machine's environment."""
    for name in PROVIDER_ENV:
        monkeypatch.delenv(name, raising=False)
