"""Response schemas state only what each vendor promises; request schemas stay strict.

specs/README.md, "Promised, then described": a constraint a vendor does not promise is a
description, so that an answer drifting from the documents still fits its spec. These
tests hold the specs to that rule, and check that each drift issue 9 names is taken.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures"

# Keywords that constrain a value beyond its JSON type, or close a union.
VALUE_KEYWORDS = {
    "pattern", "format", "enum", "const", "minimum", "maximum", "exclusiveMinimum",
    "exclusiveMaximum", "minLength", "maxLength", "minItems", "maxItems", "multipleOf",
    "uniqueItems", "minProperties", "maxProperties", "oneOf", "discriminator",
}  # fmt: skip

# Every value constraint left in a response schema, each with the promise it rests on.
PROMISED = {
    # "Format: YYYY-MM-DD", https://docs.plivo.com/docs/numbers/account-phone-numbers
    ("plivo", "#/components/schemas/AccountPhoneNumber/properties/added_on", "format"),
    ("plivo", "#/components/schemas/AccountPhoneNumber/properties/renewal_date", "format"),
}


def _response_constraints(spec):
    """``(pointer, keyword)`` of every value constraint in a response body or header."""
    found = set()
    for pointer, schema in spec.response_schemas():
        # An if/then condition (DuoPlus's `code: 200`) selects a case; it constrains nothing.
        if "/if/" in pointer or pointer.endswith("/if"):
            continue
        found |= {(pointer, key) for key in VALUE_KEYWORDS & set(schema)}
    for status in spec.operation["responses"]:
        for name, header in spec.response(status).get("headers", {}).items():
            schema = spec.deref(spec.deref(header)["schema"])
            where = f"responses/{status}/headers/{name}"
            found |= {(where, key) for key in VALUE_KEYWORDS & set(schema)}
    return found


def test_response_schemas_constrain_only_what_the_vendor_promises(spec):
    found = {(spec.name, *c) for c in _response_constraints(spec)}
    unpromised = found - PROMISED
    assert not unpromised, f"make these descriptions, or cite the promise: {sorted(unpromised)}"
    assert {p for p in PROMISED if p[0] == spec.name} <= found, "PROMISED lists a stale entry"


def test_the_constraint_inventory_sees_a_pattern(load_spec, spec_from_dict):
    """The check above can fail: a pattern put back on Butter's id is found."""
    doc = copy.deepcopy(load_spec("butter").doc)
    item = doc["components"]["schemas"]["PhoneNumberSummary"]["properties"]["phone_number_id"]
    item["pattern"] = "^phon_[0-9a-f]{12,}$"
    found = _response_constraints(spec_from_dict("butter", doc))
    assert ("#/components/schemas/PhoneNumberSummary/properties/phone_number_id", "pattern") in (
        found
    )


# -- each drift the issue lists fits the 200 schema ---------------------------------------
def _set(path, value):
    def mutate(body):
        node = body
        for step in path[:-1]:
            node = node[step]
        node[path[-1]] = value

    return mutate


def _drop(path):
    def mutate(body):
        node = body
        for step in path[:-1]:
            node = node[step]
        del node[path[-1]]

    return mutate


DRIFT = [
    ("duoplus", "docs", _set(("data", "list", 0, "created_at"), "")),
    ("duoplus", "docs", _set(("data", "list", 0, "expired_at"), "1849316235")),
    ("duoplus", "docs", _drop(("data", "list", 0, "created_at"))),
    ("duoplus", "invalid_key", _set(("data",), [])),
    ("duoplus", "invalid_key", _set(("data",), {})),
    ("butter", "docs", _set(("data", 0, "phone_number_id"), "phon_Zk3Qw9LmT2xA")),
    ("butter", "docs", _set(("data", 0, "phone_number_id"), "phone_123")),
    ("butter", "docs", _set(("data", 0, "created_at"), "2024-01-15 10:30:00")),
    ("bird", "realistic", _set(("nextPageToken",), None)),
    ("bird", "realistic", _set(("results", 0, "id"), "stock-123")),
    ("rounded", "page_mode", _set(("data", 0, "type"), "PSTN")),
    ("rounded", "page_mode", _set(("data", 0, "type"), "fax")),
    ("rounded", "page_mode", _drop(("data", 0, "type"))),
    ("rounded", "page_mode", _drop(("data", 1, "id"))),
    ("rounded", "page_mode", _set(("data", 0, "inbound_agent_id"), "agent-7")),
    ("plivo", "docs", _set(("objects", 0, "number"), "+18135401302")),
    ("plivo", "docs", _set(("objects", 0, "toll_free_sms_verification_order_status"), "NEW")),
    ("plivo", "docs", _set(("meta", "total_count"), -1)),
]


@pytest.mark.parametrize(
    ("provider", "example_name", "mutate"),
    DRIFT,
    ids=[f"{p}-{e}-{i}" for i, (p, e, _) in enumerate(DRIFT)],
)
def test_drift_the_vendor_never_ruled_out_fits_the_spec(provider, example_name, mutate, load_spec):
    spec = load_spec(provider)
    body = copy.deepcopy(spec.response_examples("200")[example_name])
    drifted = copy.deepcopy(body)
    mutate(drifted)
    assert drifted != body, "the mutation must change the example"
    pointer = f"{spec.op_pointer}/responses/200/content/application~1json/schema"
    assert not spec.errors(pointer, drifted)


def test_duoplus_success_still_needs_its_page(load_spec):
    spec = load_spec("duoplus")
    pointer = f"{spec.op_pointer}/responses/200/content/application~1json/schema"
    body = spec.response_examples("200")["docs"]
    for broken in ({**body, "data": []}, {**body, "data": {}}, {**body, "data": None}):
        assert spec.errors(pointer, broken), broken["data"]
    no_list = copy.deepcopy(body)
    del no_list["data"]["list"]
    assert any("'list' is a required property" in e for e in spec.errors(pointer, no_list))


def test_duoplus_item_errors_keep_their_path(load_spec):
    """No anyOf around the page: a broken item is reported at $.data.list[i], not at $.data."""
    spec = load_spec("duoplus")
    validator = spec.validator(f"{spec.op_pointer}/responses/200/content/application~1json/schema")
    body = copy.deepcopy(spec.response_examples("200")["unix_seconds"])
    body["data"]["list"][1]["renewal_status"] = "yes"
    (error,) = validator.iter_errors(body)
    assert list(error.absolute_path) == ["data", "list", 1, "renewal_status"]


# -- Plivo: what its own recordings show ------------------------------------------------
@pytest.mark.parametrize(
    "recording", ["plivo-go_numberListResponse.json", "plivo-python_numberListResponse.json"]
)
def test_plivo_recordings_are_not_newest_first_so_the_order_is_not_promised(recording, load_spec):
    body = json.loads((FIXTURES / "plivo" / recording).read_text())
    added = [n["added_on"] for n in body["objects"]]
    assert added != sorted(added, reverse=True)
    assert added != sorted(added)
    spec = load_spec("plivo")
    assert spec.operation["x-numberhub-order"]["promised"] is False
    assert "newest first" not in spec.operation["description"]


def test_plivo_401_may_be_plain_text(load_spec):
    spec = load_spec("plivo")
    content = spec.response("401")["content"]
    # First on purpose: the generated client parses by the first content type it supports.
    assert list(content) == ["text/plain", "application/json"]
    assert "issues/24" in spec.response("401")["description"]
