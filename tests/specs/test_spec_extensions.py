"""x-numberhub-* extensions are documented, and what they name exists in the spec."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
README = ROOT / "specs" / "README.md"
HEADING = re.compile(r"^#{2,4} `(x-numberhub-[a-z-]+)`", re.MULTILINE)
FILTER_OPS = {
    "eq", "ieq", "prefix", "contains", "in", "gt", "gte", "lt", "lte", "flags", "sort_by",
    "sort_order",
}  # fmt: skip


def documented_extensions() -> set[str]:
    return set(HEADING.findall(README.read_text()))


def used_extensions(node, pointer=""):
    if isinstance(node, dict):
        for key, sub in node.items():
            token = key.replace("~", "~0").replace("/", "~1")
            if key.startswith("x-numberhub-"):
                yield key, f"{pointer}/{token}"
            yield from used_extensions(sub, f"{pointer}/{token}")
    elif isinstance(node, list):
        for i, sub in enumerate(node):
            yield from used_extensions(sub, f"{pointer}/{i}")


def test_readme_documents_the_extensions():
    assert documented_extensions() >= {
        "x-numberhub-provider",
        "x-numberhub-pagination",
        "x-numberhub-filter",
        "x-numberhub-rate-limit",
    }


def test_every_extension_used_is_documented_in_the_readme(spec):
    undocumented = [
        where for name, where in used_extensions(spec.doc) if name not in documented_extensions()
    ]
    assert not undocumented, f"{spec.name}: undocumented in specs/README.md: {undocumented}"


def test_lint_ruleset_knows_exactly_the_documented_extensions():
    ruleset = yaml.safe_load((ROOT / ".spectral.yaml").read_text())
    rule = ruleset["rules"]["numberhub-known-extensions"]
    assert set(rule["then"]["functionOptions"]["values"]) == documented_extensions()


def test_every_documented_extension_is_used_somewhere(load_spec):
    used = {
        name
        for provider in ("bird", "butter", "duoplus", "plivo", "rounded")
        for name, _ in used_extensions(load_spec(provider).doc)
    }
    assert used == documented_extensions()


def _item_schema(spec):
    """The schema of one listed item, reached through plain ``properties`` (no union)."""
    path = spec.operation["x-speakeasy-pagination"]["outputs"]["results"]
    schema = spec.deref(spec.response("200")["content"]["application/json"]["schema"])
    for name in path.split(".")[1:]:
        schema = spec.deref(spec.deref(schema)["properties"][name])
    return spec.deref(schema["items"])


def _has_field(spec, schema, dotted):
    for name in dotted.split("."):
        schema = spec.deref(schema)
        if name not in schema.get("properties", {}):
            return False
        schema = schema["properties"][name]
    return True


def _filters(spec):
    for (_, name), param in spec.parameters().items():
        if "x-numberhub-filter" in param:
            yield name, param["x-numberhub-filter"]
    if "requestBody" in spec.operation:
        for name, prop in spec.request_schema()["properties"].items():
            if "x-numberhub-filter" in prop:
                yield name, prop["x-numberhub-filter"]


def test_filters_name_real_item_fields_and_known_ops(spec):
    item = _item_schema(spec)
    problems = []
    for name, rule in _filters(spec):
        if rule["op"] not in FILTER_OPS:
            problems.append(f"{name}: unknown op {rule['op']}")
        fields = list(rule.get("flags", {}).values())
        if "field" in rule and not rule.get("hidden"):
            fields.append(rule["field"])
        problems += [f"{name}: no item field {f}" for f in fields if not _has_field(spec, item, f)]
        for required in rule.get("requires", []):
            if not any(n == required for _, n in spec.parameters()):
                problems.append(f"{name}: requires unknown parameter {required}")
    assert not problems, f"{spec.name}: {problems}"


def test_order_names_a_real_item_field(spec):
    order = spec.operation["x-numberhub-order"]
    assert order["direction"] in ("asc", "desc")
    assert _has_field(spec, _item_schema(spec), order["by"])


def test_order_says_whether_the_provider_promises_it(spec):
    order = spec.operation["x-numberhub-order"]
    assert set(order) <= {"by", "direction", "promised", "note"}
    assert isinstance(order["promised"], bool)
    assert order["note"].strip(), f"{spec.name}: say where the order comes from"
    if not order["promised"]:
        assert "mock" in order["note"], f"{spec.name}: name the order as the mock's choice"


def test_items_are_not_reached_through_a_union(spec):
    """An anyOf/oneOf on the way to an item would report its errors at the union."""
    path = spec.operation["x-speakeasy-pagination"]["outputs"]["results"]
    schema = spec.deref(spec.response("200")["content"]["application/json"]["schema"])
    for name in path.split(".")[1:]:
        schema = spec.deref(schema)
        assert not {"anyOf", "oneOf"} & set(schema), f"{spec.name}: union above {name}"
        schema = spec.deref(schema["properties"][name])
    item = spec.deref(schema["items"])
    assert not {"anyOf", "oneOf", "discriminator"} & set(item), f"{spec.name}: item union"


def test_tenant_of_names_a_real_security_scheme(spec):
    schemes = spec.doc["components"]["securitySchemes"]
    tenants = [
        where for name, where in used_extensions(spec.doc) if name == "x-numberhub-tenant-of"
    ]
    for where in tenants:
        assert spec.at(where) in schemes, f"{spec.name} {where}"


@pytest.mark.parametrize(
    ("provider", "where"),
    [
        ("plivo", "parameter auth_id"),
        ("bird", "parameter organizationId"),
        ("butter", "scheme organizationId"),
    ],
)
def test_tenant_is_marked(provider, where, load_spec):
    spec = load_spec(provider)
    kind, name = where.split()
    if kind == "parameter":
        node = next(p for (_, n), p in spec.parameters().items() if n == name)
    else:
        node = spec.doc["components"]["securitySchemes"][name]
    assert "x-numberhub-tenant-of" in node
