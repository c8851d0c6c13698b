from __future__ import annotations

import numberhub
import pytest

# pytester drives small test files in-process: the README's fixture examples and the
# numberhub pytest plugin are tested through it.
pytest_plugins = ["pytester"]

#: Every environment variable a client reads its credentials from, per the wrapper itself.
PROVIDER_ENV = tuple(
    credential.env
    for client in (
        numberhub.Bird,
        numberhub.Butter,
        numberhub.DuoPlus,
        numberhub.Plivo,
        numberhub.Rounded,
    )
    for credential in client.provider.credentials
)


@pytest.fixture(autouse=True)
def _no_provider_env(monkeypatch: pytest.MonkeyPatch) -> None:
    """Credentials come from the tests, never from the machine's environment."""
    for name in (*PROVIDER_ENV, "NUMBERHUB_DEBUG"):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture(scope="session")
def provider_env() -> tuple[str, ...]:
    """The credential environment variables, for session-scoped fixtures to clear."""
    return PROVIDER_ENV
