"""The generated-client checks' fixtures, over the helpers of ``generated_helpers``."""

from __future__ import annotations

from typing import Any

import pytest
from generated_helpers import (
    PROVIDERS,
    client_modules,
    fixture_json,
    load_spec,
    normalized,
    operation,
    response_examples,
    response_model_name,
    serve,
    spec_errors,
)


@pytest.fixture(params=PROVIDERS)
def provider(request: pytest.FixtureRequest) -> str:
    return str(request.param)


def response_cases() -> list[tuple[str, str, str]]:
    """``(provider, status, example name)`` for every response example in every spec."""
    return [
        (provider, status, name)
        for provider in PROVIDERS
        for status in operation(load_spec(provider))["responses"]
        for name in response_examples(provider, status)
    ]


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "response_case" in metafunc.fixturenames:
        cases = response_cases()
        metafunc.parametrize("response_case", cases, ids=[" ".join(c) for c in cases])


# The helpers, as fixtures (test modules import generated_helpers, never conftest).
@pytest.fixture(name="serve")
def serve_fixture() -> Any:
    return serve


@pytest.fixture(name="response_examples")
def response_examples_fixture() -> Any:
    return response_examples


@pytest.fixture(name="response_model_name")
def response_model_name_fixture() -> Any:
    return response_model_name


@pytest.fixture(name="spec_errors")
def spec_errors_fixture() -> Any:
    return spec_errors


@pytest.fixture(name="fixture_json")
def fixture_json_fixture() -> Any:
    return fixture_json


@pytest.fixture(name="normalized")
def normalized_fixture() -> Any:
    return normalized


@pytest.fixture(name="client_modules")
def client_modules_fixture() -> Any:
    return client_modules


@pytest.fixture(name="load_spec")
def load_spec_fixture() -> Any:
    return load_spec
