"""The spec model: every spec loads once, its extensions checked, as typed immutable objects."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path
from typing import Any

import attrs
import numberhub_spec
import pytest
import yaml
from jsonschema import Draft202012Validator
from numberhub_spec import SpecError

ROOT = Path(__file__).resolve().parents[2]
SPECS = ROOT / "specs"
SCHEMA = SPECS / "numberhub-extensions.schema.json"
PROVIDERS = ("bird", "butter", "duoplus", "plivo", "rounded")


def test_the_extension_schema_is_a_valid_json_schema() -> None:
    Draft202012Validator.check_schema(json.loads(SCHEMA.read_text()))


def test_every_extension_in_the_schema_is_documented_and_vice_versa() -> None:
    readme = (SPECS / "README.md").read_text()
    documented = {
        line.split("`")[1] for line in readme.splitlines() if line.startswith("### `x-numberhub-")
    }
    assert documented == set(numberhub_spec.extension_names())


@pytest.mark.parametrize("provider", PROVIDERS)
def test_every_spec_loads(provider: str) -> None:
    spec = numberhub_spec.load(provider)
    assert spec.name == provider
    assert spec.operation.parameters
    assert spec.credentials
    assert spec.item.number, "every shipped spec maps its items (x-numberhub-item)"
    assert spec.item_schema_name


def test_a_spec_is_loaded_once_and_again_when_it_changes(tmp_path: Path) -> None:
    shutil.copy(SPECS / "rounded.yaml", tmp_path)
    first = numberhub_spec.load("rounded", tmp_path)
    assert numberhub_spec.load("rounded", tmp_path) is first
    doc = yaml.safe_load((tmp_path / "rounded.yaml").read_text())
    doc["info"]["x-numberhub-provider"]["display_name"] = "Rounded, renamed"
    (tmp_path / "rounded.yaml").write_text(yaml.safe_dump(doc))
    os.utime(tmp_path / "rounded.yaml", ns=(1, 10**18))
    assert numberhub_spec.load("rounded", tmp_path).display_name == "Rounded, renamed"


def test_the_objects_are_immutable() -> None:
    spec = numberhub_spec.load("plivo")
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        spec.name = "other"  # type: ignore[misc]
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        spec.operation.parameters[0].name = "x"  # type: ignore[misc]


def test_specs_dir_comes_from_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shutil.copy(SPECS / "bird.yaml", tmp_path)
    monkeypatch.setenv(numberhub_spec.SPECS_DIR_ENV, str(tmp_path))
    assert numberhub_spec.provider_names() == ("bird",)
    with pytest.raises(LookupError, match="known: bird"):
        numberhub_spec.load("plivo")


# --- what the model says of the five -----------------------------------------------------


def test_credentials_follow_the_security_schemes() -> None:
    creds = {
        name: [(c.name, c.env, c.secret) for c in numberhub_spec.load(name).credentials]
        for name in PROVIDERS
    }
    assert creds == {
        "bird": [
            ("access_key", "BIRD_ACCESS_KEY", True),
            ("organization_id", "BIRD_ORGANIZATION_ID", False),
        ],
        "butter": [
            ("api_key", "BUTTER_API_KEY", True),
            ("organization_id", "BUTTER_ORGANIZATION_ID", False),
        ],
        "duoplus": [("api_key", "DUOPLUS_API_KEY", True)],
        "plivo": [("auth_id", "PLIVO_AUTH_ID", False), ("auth_token", "PLIVO_AUTH_TOKEN", True)],
        "rounded": [("api_key", "ROUNDED_API_KEY", True)],
    }


def test_schemes_say_how_credentials_travel() -> None:
    bird = numberhub_spec.load("bird").schemes["accessKey"]
    assert (bird.location, bird.parameter, bird.prefix) == ("header", "Authorization", "AccessKey ")
    plivo = numberhub_spec.load("plivo").schemes["basicAuth"]
    assert plivo.is_basic
    assert (plivo.username, plivo.credential) == ("auth_id", "auth_token")
    butter = numberhub_spec.load("butter").schemes["organizationId"]
    assert butter.tenant_of == "apiKey"


def test_filters_options_and_paging_names_are_told_apart() -> None:
    plivo = numberhub_spec.load("plivo")
    assert "number_type" not in plivo.filters  # deprecated
    assert {"limit", "offset", "auth_id"}.isdisjoint(plivo.filters)
    assert plivo.filters["type"].filter == numberhub_spec.FilterRule("ieq", "number_type")
    bird = numberhub_spec.load("bird")
    assert bird.filters["country_codes"].name == "countryCodes"
    assert bird.filters["prefix"].requires == ("countryCodes",)
    duoplus = numberhub_spec.load("duoplus")
    assert list(duoplus.options) == ["lang"]
    assert {p.location for p in duoplus.filters.values()} == {"body"}
    assert duoplus.filters["status"].problems([3]) == ["[0] 3 is not one of 1, 2"]


def test_paging_plans() -> None:
    rounded = numberhub_spec.load("rounded")
    page, cursor = rounded.plan(), rounded.plan(cursor_mode=True)
    assert (page.style, page.name_of("page"), page.end.kind) == ("page", "page", "last_page")
    assert (cursor.style, cursor.switch, cursor.name_of("cursor")) == (
        "cursor",
        "use_cursor",
        "cursor",
    )
    assert cursor.cursor_field == "created_at"
    assert rounded.paging_names == {"page", "limit", "cursor", "use_cursor"}
    plivo = numberhub_spec.load("plivo").plan()
    assert plivo.next_url == numberhub_spec.JsonPath("$.meta.next")
    duoplus = numberhub_spec.load("duoplus").plan()
    assert {i.location for i in duoplus.inputs.values()} == {"body"}


def test_limits_envelope_and_retries() -> None:
    plivo = numberhub_spec.load("plivo")
    assert (plivo.rate_limit.requests, plivo.rate_limit.per_seconds) == (300, 5.0)
    assert numberhub_spec.load("bird").rate_limit is None
    envelope = numberhub_spec.load("duoplus").envelope
    assert envelope is not None
    assert (envelope.code.text, envelope.success, envelope.codes["401"]) == ("$.code", 200, 401)
    assert plivo.retries.retries_status(503)
    assert not plivo.retries.retries_status(404)


# --- a broken spec fails at load, naming file, pointer and problem -----------------------


def _operation(doc: dict[str, Any]) -> dict[str, Any]:
    (path_item,) = doc["paths"].values()
    return next(op for op in path_item.values() if isinstance(op, dict) and "responses" in op)


def _break_pagination(doc: dict[str, Any]) -> None:
    _operation(doc)["x-numberhub-paginaton"] = _operation(doc).pop("x-numberhub-pagination")


def _break_order(doc: dict[str, Any]) -> None:
    _operation(doc)["x-numberhub-order"]["direction"] = "down"


def _break_path(doc: dict[str, Any]) -> None:
    _operation(doc)["x-numberhub-pagination"]["total_items"] = "meta.total_count"


def _break_place(doc: dict[str, Any]) -> None:
    doc["info"]["x-numberhub-filter"] = {"op": "eq", "field": "number"}


def _break_filter(doc: dict[str, Any]) -> None:
    _operation(doc)["parameters"][1]["x-numberhub-filter"] = {"op": "between", "field": "x"}


def _break_item(doc: dict[str, Any]) -> None:
    _operation(doc)["x-numberhub-item"]["type"] = {"path": "$.number_type", "value": {}}


def _break_end(doc: dict[str, Any]) -> None:
    del _operation(doc)["x-numberhub-pagination"]["end"]


@pytest.mark.parametrize(
    ("breaks", "pointer_end", "problem"),
    [
        (_break_pagination, "/get/x-numberhub-paginaton", "did you mean x-numberhub-pagination"),
        (_break_order, "/x-numberhub-order/direction", '"down" is not one of'),
        (_break_path, "/x-numberhub-pagination/total_items", "does not match"),
        (_break_place, "/info/x-numberhub-filter", "belongs on a parameter or a schema property"),
        (_break_filter, "/x-numberhub-filter/op", '"between" is not one of'),
        (_break_item, "/x-numberhub-item/type", "is not valid"),
        (_break_end, "/x-numberhub-pagination", '"end" is a required property'),
    ],
)
def test_a_broken_extension_fails_at_load(
    tmp_path: Path, breaks: Any, pointer_end: str, problem: str
) -> None:
    doc = yaml.safe_load((SPECS / "plivo.yaml").read_text())
    breaks(doc)
    (tmp_path / "plivo.yaml").write_text(yaml.safe_dump(doc))
    with pytest.raises(SpecError) as caught:
        numberhub_spec.load("plivo", tmp_path)
    error = caught.value
    assert error.file == str(tmp_path / "plivo.yaml")
    assert error.pointer.endswith(pointer_end), error.pointer
    assert problem in error.problem
    assert str(tmp_path / "plivo.yaml") in str(error)


def test_a_spec_without_the_list_operation_fails(tmp_path: Path) -> None:
    doc = yaml.safe_load((SPECS / "rounded.yaml").read_text())
    _operation(doc)["operationId"] = "listNumbers"
    (tmp_path / "rounded.yaml").write_text(yaml.safe_dump(doc))
    with pytest.raises(SpecError, match="no operation has operationId list_numbers"):
        numberhub_spec.load("rounded", tmp_path)


def test_a_provider_name_must_match_its_file(tmp_path: Path) -> None:
    shutil.copy(SPECS / "rounded.yaml", tmp_path / "other.yaml")
    with pytest.raises(SpecError, match="not the file name"):
        numberhub_spec.load("other", tmp_path)
