"""A response that drifts within what the spec allows still parses in every client:
an unknown value of an open enum, an unknown extra field, null in a nullable field.

Each test first checks that the drifted body conforms to the spec (so the drift is one the
spec allows), then that the generated client parses it and writes it back unchanged.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Case:
    example: str  # the 200 example to start from
    item: tuple[str | int, ...]  # where its first listed item is
    item_schema: str  # the item's component schema
    open_enum: tuple[str, str]  # an open enum of the item: JSON key, attribute
    nullable: tuple[str, str]  # a nullable field of the item: JSON key, attribute


CASES = {
    "plivo": Case(
        "docs",
        ("objects", 0),
        "AccountPhoneNumber",
        ("tendlc_registration_status", "tendlc_registration_status"),
        ("carrier", "carrier"),
    ),
    "duoplus": Case(
        "docs",
        ("data", "list", 0),
        "CloudNumber",
        ("status_name", "status_name"),
        ("remark", "remark"),
    ),
    "butter": Case(
        "docs",
        ("data", 0),
        "PhoneNumberSummary",
        ("provider", "provider"),
        ("assigned_agent_id", "assigned_agent_id"),
    ),
    "bird": Case(
        "docs",
        ("results", 0),
        "StockItem",
        ("type", "type_"),
        ("backOrderStockId", "back_order_stock_id"),
    ),
    # One open item schema for PSTN and SIP numbers: its `type` is an open enum.
    "rounded": Case(
        "page_mode",
        ("data", 0),
        "PhoneNumber",
        ("type", "type_"),
        ("name", "name"),
    ),
}
ATTRIBUTES = {"list": "list_"}  # JSON keys the generator renames


def dig(node, path, attributes=False):
    for step in path:
        if isinstance(step, int):
            node = node[step]
        elif attributes:
            node = getattr(node, ATTRIBUTES.get(step, step))
        else:
            node = node[step]
    return node


def drifted(provider, response_examples):
    """A fresh copy of the provider's 200 example, and its first item (to be changed)."""
    body = response_examples(provider, "200")[CASES[provider].example]
    return body, dig(body, CASES[provider].item)


def parse_conforming(provider, body, serve, spec_errors):
    assert not spec_errors(provider, "200", body), "the test's body must conform to the spec"
    return serve(provider, 200, body).parsed


def test_unknown_open_enum_value_parses(
    provider, serve, response_examples, spec_errors, normalized
):
    body, item = drifted(provider, response_examples)
    key, attribute = CASES[provider].open_enum
    item[key] = "SOMETHING_NEW"
    if provider == "rounded":  # the envelope's error `type` is open too
        body["error"] = {"message": "m", "type": "quota_error", "details": []}
    parsed = parse_conforming(provider, body, serve, spec_errors)
    value = getattr(dig(parsed, CASES[provider].item, attributes=True), attribute)
    assert value == "SOMETHING_NEW"
    if provider == "rounded":
        assert parsed.error.type_ == "quota_error"
    assert normalized(parsed.to_dict()) == normalized(body)


def test_unknown_extra_fields_land_in_additional_properties(
    provider, serve, response_examples, spec_errors
):
    extra = {"nested": [1, "two", None]}
    body, item = drifted(provider, response_examples)
    item["x_added_later"] = extra
    body["request_id"] = "r-1"
    parsed = parse_conforming(provider, body, serve, spec_errors)
    assert (
        dig(parsed, CASES[provider].item, attributes=True).additional_properties["x_added_later"]
        == extra
    )
    assert parsed.additional_properties == {"request_id": "r-1"}
    out = parsed.to_dict()
    assert out["request_id"] == "r-1"
    assert dig(out, CASES[provider].item)["x_added_later"] == extra


def test_null_in_a_nullable_field_parses(provider, serve, response_examples, spec_errors):
    body, item = drifted(provider, response_examples)
    key, attribute = CASES[provider].nullable
    assert item.get(key, "absent") is not None, "start from a value that is not null"
    item[key] = None
    parsed = parse_conforming(provider, body, serve, spec_errors)
    assert getattr(dig(parsed, CASES[provider].item, attributes=True), attribute) is None
    assert dig(parsed.to_dict(), CASES[provider].item)[key] is None


# -- the same for every such field the item schema declares -------------------------------


def _properties(provider, load_spec):
    return load_spec(provider)["components"]["schemas"][CASES[provider].item_schema]["properties"]


def _is_nullable(schema):
    types = schema.get("type")
    return (isinstance(types, list) and "null" in types) or any(
        option.get("type") == "null" for option in schema.get("anyOf", [])
    )


def test_every_nullable_item_field_takes_null(
    provider, serve, response_examples, spec_errors, load_spec
):
    nullable = [k for k, s in _properties(provider, load_spec).items() if _is_nullable(s)]
    assert nullable, f"{provider}: expected nullable fields on the item"
    body, item = drifted(provider, response_examples)
    item.update(dict.fromkeys(nullable))
    parsed = parse_conforming(provider, body, serve, spec_errors)
    out = dig(parsed.to_dict(), CASES[provider].item)
    assert {k: out[k] for k in nullable} == dict.fromkeys(nullable)


def test_every_open_item_field_takes_an_unknown_value(
    provider, serve, response_examples, spec_errors, load_spec
):
    """Fields described as open ("Open enum. Known values: ...", DuoPlus's "Open." codes)."""
    unknown = {
        key: 7 if "integer" in str(schema.get("type")) else f"new-{key}"
        for key, schema in _properties(provider, load_spec).items()
        if re.search(r"\bOpen\b", schema.get("description", ""))
    }
    assert unknown, f"{provider}: expected open fields on the item"
    body, item = drifted(provider, response_examples)
    item.update(unknown)
    parsed = parse_conforming(provider, body, serve, spec_errors)
    out = dig(parsed.to_dict(), CASES[provider].item)
    assert {k: out[k] for k in unknown} == unknown
