"""Schemathesis fuzzes every provider operation in process: zero failures, every check."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from mock_helpers import PROVIDERS, auth_headers
from numberhub_mock import create_app
from numberhub_spec import specs_dir
from schemathesis.generation import GenerationMode

APP = create_app(size=60, check_responses=True)
# Our own config (the repository's schemathesis.toml belongs to scripts/contract). Unknown
# query parameters are ignored, as the providers do (Plivo's own SDK sends one the spec does
# not list), so Schemathesis must not expect them to be refused.
CONFIG = schemathesis.config.SchemathesisConfig.from_dict(
    {"generation": {"allow-extra-parameters": False}}
)


def _tenant(provider: str) -> dict[str, Any]:
    """What Schemathesis cannot know: the tenant the credentials belong to."""
    creds = APP.credentials[provider]
    if provider == "plivo":
        return {"auth_id": creds["auth_id"]}
    if provider == "bird":
        return {"organizationId": creds["organization_id"]}
    return {}


def _instant(text: str) -> bool:
    try:
        datetime.datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return False
    return True


def _make_valid(case: Any) -> None:
    """Rules OpenAPI cannot state, applied to schema-valid cases.

    A page token or cursor is only valid when the server issued it (a made-up one is
    refused with 400, as the providers do), Rounded's cursor must name a real instant (its
    ISO 8601 pattern also fits "2025-02-30T09:00Z"), and x-numberhub-filter's `requires`
    ties Bird's `prefix` to `countryCodes`.
    """
    if case.query:
        case.query.pop("pageToken", None)
        case.query.pop("cursor", None) if "use_cursor" not in case.query else None
        if isinstance(case.query.get("cursor"), str) and not _instant(case.query["cursor"]):
            case.query.pop("cursor")
        if "prefix" in case.query and not case.query.get("countryCodes"):
            case.query["countryCodes"] = ["US"]


@pytest.mark.parametrize("mode", [GenerationMode.POSITIVE, GenerationMode.NEGATIVE])
@pytest.mark.parametrize("provider", PROVIDERS)
def test_schemathesis_finds_no_failure(provider: str, mode: GenerationMode) -> None:
    schema = schemathesis.openapi.from_path(specs_dir() / f"{provider}.yaml", config=CONFIG)
    schema.app = APP
    strategy = schema.as_strategy(generation_mode=mode, path_parameters=_tenant(provider))
    auth = auth_headers(provider, APP.credentials[provider])

    @settings(
        max_examples=40, deadline=None, database=None, suppress_health_check=list(HealthCheck)
    )
    @given(data=st.data())
    def run(data: st.DataObject) -> None:
        case = data.draw(strategy)
        if mode is GenerationMode.POSITIVE:
            _make_valid(case)
        case.call_and_validate(headers=auth)

    run()
