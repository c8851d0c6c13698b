from __future__ import annotations

from collections.abc import Iterator

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
