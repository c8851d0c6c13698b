"""The spec diff compares models, not text: identity under reformatting, and a property.

Property: for random edits from a small grammar, ``diff(A, B)`` is empty exactly when
the spec models are equal. Model equality here is written independently of the diff:
every field of `Spec` but the file and the raw document (the operation's raw ``x-``
keys too, whose meaning is in the typed fields), parameters by name, and the page
schema resolved, without prose.
"""

from __future__ import annotations

import copy
import json
import random
from pathlib import Path
from typing import Any

import attrs
import numberhub_spec
import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from numberhub_spec import Spec
from spec_diff_helpers import SPECS, document, load, operation, parameter

PROVIDERS = ("bird", "butter", "duoplus", "plivo", "rounded")
PROSE = {"description", "title", "summary", "example", "examples"}


def _shuffled(node: Any, rng: random.Random) -> Any:
    """``node`` with every mapping's keys in another order (lists keep theirs)."""
    if isinstance(node, dict):
        keys = list(node)
        rng.shuffle(keys)
        return {k: _shuffled(node[k], rng) for k in keys}
    if isinstance(node, list):
        return [_shuffled(v, rng) for v in node]
    return node


@pytest.mark.parametrize("provider", PROVIDERS)
def test_a_reformatted_and_reordered_spec_has_no_changes(provider: str, tmp_path: Path) -> None:
    doc = document(provider)
    shipped = numberhub_spec.load(provider, SPECS)
    reordered = _shuffled(copy.deepcopy(doc), random.Random(provider))
    operation(reordered)["parameters"].reverse()  # parameters in another order too
    flow = load(reordered, provider, tmp_path, default_flow_style=True, width=60)
    as_json = tmp_path / "json" / f"{provider}.yaml"  # JSON is YAML too
    as_json.parent.mkdir()
    as_json.write_text(json.dumps(doc, indent=1, default=str), encoding="utf-8")
    assert (tmp_path / "json").is_dir()
    for other in (flow, numberhub_spec.load(provider, as_json.parent)):
        assert other.file != shipped.file
        assert numberhub_spec.diff(shipped, other) == ()
        assert numberhub_spec.diff(other, shipped) == ()


def _stripped(node: Any) -> Any:
    if isinstance(node, dict):
        return {
            k: ({n: _stripped(s) for n, s in v.items()} if k == "properties" else _stripped(v))
            for k, v in node.items()
            if k not in PROSE and not str(k).startswith("x-")
        }
    if isinstance(node, list):
        return [_stripped(v) for v in node]
    return node


def _resolved(spec: Spec, node: Any, depth: int = 0) -> Any:
    node = spec.resolve(node)
    if isinstance(node, dict) and depth < 12:
        return {k: _resolved(spec, v, depth + 1) for k, v in node.items()}
    if isinstance(node, list):
        return [_resolved(spec, v, depth + 1) for v in node]
    return node


def model(spec: Spec) -> dict[str, Any]:
    """The spec model, for comparing: what numberhub reads from the spec."""
    fields = {
        f.name: getattr(spec, f.name)
        for f in attrs.fields(Spec)
        if f.name not in ("file", "document", "operation")
    }
    op = spec.operation
    fields["operation"] = attrs.evolve(op, parameters=(), extensions={})
    fields["parameters"] = {
        p.name: (attrs.evolve(p, schema={}), _resolved(spec, dict(p.schema))) for p in op.parameters
    }
    fields["page"] = _stripped(_resolved(spec, dict(spec.page_schema)))
    return fields


# -- the grammar: edits a spec author makes, some of which change nothing numberhub reads
def _edits(doc: dict[str, Any]) -> list[tuple[str, Any]]:
    params = [p["name"] for p in operation(doc)["parameters"] if "$ref" not in p]
    item = doc["components"]["schemas"]["AccountPhoneNumber"]["properties"]
    return [
        *(("drop-parameter", name) for name in params[1:]),
        *(("describe", name) for name in params),
        *(("example", name) for name in params),
        *(("drop-item-field", name) for name in list(item)[:8]),
        ("enum-drop", "type"),
        ("enum-add", "cnam_lookup"),
        ("max", "limit"),
        ("required", "alias"),
        ("rate", None),
        ("retry", None),
        ("mapping", None),
        ("note", None),
        ("info-description", None),
    ]


def _apply(doc: dict[str, Any], edit: tuple[str, Any]) -> None:
    kind, name = edit
    op = operation(doc)
    if kind == "drop-parameter":
        op["parameters"] = [p for p in op["parameters"] if p.get("name") != name]
    elif kind == "describe":
        _param(doc, name)["description"] = "Edited."
    elif kind == "example":
        _param(doc, name)["example"] = "an example"
    elif kind == "drop-item-field":
        doc["components"]["schemas"]["AccountPhoneNumber"]["properties"].pop(name, None)
    elif kind == "enum-drop":
        enum = _param(doc, name)["schema"].get("enum")
        if enum and len(enum) > 1:
            enum.pop()
    elif kind == "enum-add":
        _param(doc, name)["schema"].setdefault("enum", []).append("pending")
    elif kind == "max":
        _param(doc, name)["schema"]["maximum"] = 10
    elif kind == "required":
        _param(doc, name)["required"] = True
    elif kind == "rate":
        op["x-numberhub-rate-limit"]["requests"] = 150
    elif kind == "retry":
        op["x-speakeasy-retries"]["statusCodes"] = [429, "5XX"]
    elif kind == "mapping":
        op["x-numberhub-item"]["created_at"] = "$.renewal_date"
    elif kind == "note":
        op["x-numberhub-order"]["note"] = "Another note, which only people read."
    elif kind == "info-description":
        doc["info"]["description"] = "Another description."


def _param(doc: dict[str, Any], name: str) -> dict[str, Any]:
    found = [p for p in operation(doc)["parameters"] if p.get("name") == name]
    return found[0] if found else {"schema": {}}


_BASE = document("plivo")
_GRAMMAR = _edits(_BASE)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    st.lists(st.sampled_from(_GRAMMAR), max_size=3),
    st.lists(st.sampled_from(_GRAMMAR), max_size=3),
)
def test_diff_is_empty_exactly_when_the_models_are_equal(
    tmp_path: Path, left: list[tuple[str, Any]], right: list[tuple[str, Any]]
) -> None:
    docs = []
    for edits in (left, right):
        doc = copy.deepcopy(_BASE)
        for edit in edits:
            _apply(doc, edit)
        docs.append(doc)
    a, b = (load(doc, "plivo", tmp_path) for doc in docs)
    found = numberhub_spec.diff(a, b)
    assert (found == ()) == (model(a) == model(b)), [(c.rule, c.message) for c in found]
    assert (numberhub_spec.diff(b, a) == ()) == (found == ())


def test_the_grammar_has_edits_that_change_nothing_numberhub_reads(tmp_path: Path) -> None:
    base = load(copy.deepcopy(_BASE), "plivo", tmp_path)
    for edit in (("note", None), ("example", "alias"), ("info-description", None)):
        doc = copy.deepcopy(_BASE)
        _apply(doc, edit)
        other = load(doc, "plivo", tmp_path)
        assert yaml.safe_dump(doc) != yaml.safe_dump(_BASE)
        assert model(other) == model(base)
        assert numberhub_spec.diff(base, other) == ()
    assert parameter(_BASE, "alias")
