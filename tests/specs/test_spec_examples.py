"""Every example in every spec, and every recorded response, validates against its schema."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures"
PLIVO_RECORDINGS = sorted((FIXTURES / "plivo").glob("*.json"))
PROVIDERS = ("bird", "butter", "duoplus", "plivo", "rounded")
PLIVO_200 = "/components/schemas/NumberListResponse"

# The vendors' own documented examples (cleaned into JSON, tests/fixtures/seeds/) and where
# each spec carries them.
SEED_EXAMPLES = [
    ("duoplus", "request", "docs", "duoplus_request.json"),
    ("duoplus", "200", "docs", "duoplus_200.json"),
    ("plivo", "200", "docs", "plivo_200.json"),
    ("butter", "200", "docs", "butter_200.json"),
    ("bird", "200", "docs", "bird_200.json"),
    ("rounded", "200", "docs", "rounded_200.json"),
]


def test_example_validates_against_its_schema(example, load_spec):
    errors = load_spec(example.provider).errors(example.schema_pointer, example.value)
    assert not errors, f"{example.provider} {example.pointer}:\n" + "\n".join(errors)


def test_every_response_and_request_body_has_an_example(spec):
    missing = []
    for status in spec.operation["responses"]:
        for media_type, media in spec.response(status).get("content", {}).items():
            if "example" not in media and not media.get("examples"):
                missing.append(f"response {status} {media_type}")
    if "requestBody" in spec.operation:
        for media_type, media in spec.deref(spec.operation["requestBody"])["content"].items():
            if "example" not in media and not media.get("examples"):
                missing.append(f"request body {media_type}")
    assert not missing, f"{spec.name}: no example for {missing}"


def test_every_format_in_the_specs_is_really_checked(load_spec):
    formats = {
        sub["format"]
        for provider in PROVIDERS
        for _, sub in load_spec(provider).all_schemas()
        if "format" in sub
    }
    # Responses keep a format only where the vendor states it (Plivo's dates); requests
    # keep theirs (Plivo's renewal_date filters, Bird's organizationId).
    assert formats >= {"date", "uuid"}
    unchecked = formats - set(Draft202012Validator.FORMAT_CHECKER.checkers)
    assert not unchecked, f"jsonschema cannot check formats {unchecked}: install its extra"


@pytest.mark.parametrize(
    ("provider", "mutate", "expected"),
    [
        pytest.param(
            "plivo",
            lambda body: body["objects"][0].update(number=18135401302),
            "is not of type 'string'",
            id="plivo number as an integer",
        ),
        pytest.param(
            "plivo",
            lambda body: body["meta"].pop("next"),
            "'next' is a required property",
            id="plivo meta without next",
        ),
        pytest.param(
            "plivo",
            lambda body: body["objects"][0].update(added_on="2022-13-45"),
            "is not a 'date'",
            id="plivo impossible date",
        ),
        pytest.param(
            "butter",
            lambda body: body["data"][0].pop("phone_number_id"),
            "'phone_number_id' is a required property",
            id="butter item without its id",
        ),
        pytest.param(
            "butter",
            lambda body: body["pagination"].update(has_more="no"),
            "is not of type 'boolean'",
            id="butter has_more not a boolean",
        ),
        pytest.param(
            "bird",
            lambda body: body["results"][0]["monthlyPrice"].pop("exponent"),
            "'exponent' is a required property",
            id="bird price without its exponent",
        ),
        pytest.param(
            "bird",
            lambda body: body.update(results={}),
            "is not of type 'array'",
            id="bird results not a list",
        ),
        pytest.param(
            "rounded",
            lambda body: body["data"][0].update(type="pstn", id=None),
            "is not of type 'string'",
            id="rounded pstn without an id",
        ),
        pytest.param(
            "duoplus",
            lambda body: body["data"]["list"][0].update(expired_at=1769767849),
            "is not of type 'string'",
            id="duoplus expired_at as a number",
        ),
        pytest.param(
            "duoplus",
            lambda body: body["data"].pop("total_page"),
            "'total_page' is a required property",
            id="duoplus success page without total_page",
        ),
        pytest.param(
            "duoplus",
            lambda body: body.update(data=[]),
            "is not of type 'object'",
            id="duoplus success without a page",
        ),
    ],
)
def test_example_validation_catches_a_broken_example(provider, mutate, expected, load_spec):
    spec = load_spec(provider)
    media = f"{spec.op_pointer}/responses/200/content/application~1json"
    name, body = next(iter(spec.response_examples("200").items()))
    assert not spec.errors(f"{media}/schema", body), f"{provider} {name} starts valid"
    broken = copy.deepcopy(body)
    mutate(broken)
    errors = spec.errors(f"{media}/schema", broken)
    assert any(expected in e for e in errors), errors


def test_recorded_plivo_responses_are_present():
    assert [p.name for p in PLIVO_RECORDINGS] == [
        "plivo-go_numberListResponse.json",
        "plivo-python_numberListResponse.json",
    ]


@pytest.mark.parametrize("recording", PLIVO_RECORDINGS, ids=lambda p: p.stem)
def test_recorded_plivo_response_validates_against_the_200_schema(recording, load_spec):
    spec = load_spec("plivo")
    assert spec.deref(spec.response("200")["content"]["application/json"]["schema"]) is (
        spec.at(PLIVO_200)
    )
    body = json.loads(recording.read_text())
    assert len(body["objects"]) == 3
    errors = spec.errors(PLIVO_200, body)
    assert not errors, "\n".join(errors)


@pytest.mark.parametrize(("provider", "where", "name", "seed"), SEED_EXAMPLES)
def test_spec_carries_the_vendors_documented_example_unchanged(
    provider, where, name, seed, load_spec
):
    spec = load_spec(provider)
    if where == "request":
        media = spec.deref(spec.operation["requestBody"])["content"]["application/json"]
        carried = spec.deref(media["examples"][name])["value"]
    else:
        carried = spec.response_examples(where)[name]
    assert carried == json.loads((FIXTURES / "seeds" / seed).read_text())
