"""Paging annotations name real inputs, and their JSONPaths resolve in the 200 examples."""

from __future__ import annotations

import pytest

SPEAKEASY_INPUT_TYPES = {"offsetLimit": {"offset", "page", "limit"}, "cursor": {"cursor", "limit"}}
SPEAKEASY_OUTPUTS = {"results", "numberOfRecords", "nextCursor", "nextUrl"}

# The paging style each provider really uses (PROVIDERS.md, "Cross-cutting").
STYLES = {
    "duoplus": (
        "offsetLimit",
        {("requestBody", "page", "page"), ("requestBody", "pagesize", "limit")},
    ),
    "plivo": (
        "offsetLimit",
        {("parameters", "offset", "offset"), ("parameters", "limit", "limit")},
    ),
    "butter": ("cursor", {("parameters", "cursor", "cursor"), ("parameters", "limit", "limit")}),
    "bird": ("cursor", {("parameters", "pageToken", "cursor"), ("parameters", "limit", "limit")}),
    "rounded": ("offsetLimit", {("parameters", "page", "page"), ("parameters", "limit", "limit")}),
}


@pytest.mark.parametrize(("provider", "style", "inputs"), [(p, *v) for p, v in STYLES.items()])
def test_speakeasy_pagination_describes_the_providers_paging(provider, style, inputs, load_spec):
    paging = load_spec(provider).operation["x-speakeasy-pagination"]
    assert paging["type"] == style
    assert {(i["in"], i["name"], i["type"]) for i in paging["inputs"]} == inputs


def test_speakeasy_pagination_uses_the_published_vocabulary(spec):
    paging = spec.operation["x-speakeasy-pagination"]
    types = [i["type"] for i in paging["inputs"]]
    assert set(types) <= SPEAKEASY_INPUT_TYPES[paging["type"]]
    assert len(types) == len(set(types)), "each input type once"
    assert {i["in"] for i in paging["inputs"]} <= {"parameters", "requestBody"}
    assert set(paging["outputs"]) <= SPEAKEASY_OUTPUTS
    assert "results" in paging["outputs"]
    if paging["type"] == "cursor":
        assert "nextCursor" in paging["outputs"]
    else:
        assert {"offset", "page"} & set(types)


def test_speakeasy_pagination_inputs_name_real_inputs(spec):
    parameters = {name: p for (_, name), p in spec.parameters().items()}
    for item in spec.operation["x-speakeasy-pagination"]["inputs"]:
        if item["in"] == "parameters":
            assert item["name"] in parameters, f"{spec.name}: no parameter {item['name']}"
            assert parameters[item["name"]]["in"] in ("query", "path", "header")
            schema = spec.deref(parameters[item["name"]]["schema"])
        else:
            properties = spec.request_schema()["properties"]
            assert item["name"] in properties, f"{spec.name}: no body field {item['name']}"
            schema = spec.deref(properties[item["name"]])
        types = schema["type"] if isinstance(schema["type"], list) else [schema["type"]]
        expected = "string" if item["type"] == "cursor" else "integer"
        assert expected in types, f"{spec.name} {item['name']}: {types}"


def _paths(node, prefix=""):
    """Every JSONPath string in a (nested) x-numberhub-pagination value."""
    if isinstance(node, str) and node.startswith("$"):
        yield prefix, node
    elif isinstance(node, dict):
        for key, sub in node.items():
            yield from _paths(sub, f"{prefix}.{key}" if prefix else key)


def test_every_paging_jsonpath_resolves_in_a_200_example(spec, jsonpath_get):
    examples = spec.success_examples()
    assert examples, f"{spec.name}: no successful 200 example"
    outputs = spec.operation["x-speakeasy-pagination"]["outputs"].items()
    ours = _paths(spec.operation["x-numberhub-pagination"])
    unresolved = [
        (key, path)
        for key, path in [*outputs, *ours]
        if not any(jsonpath_get(body, path)[0] for body in examples.values())
    ]
    assert not unresolved, f"{spec.name}: resolve in no 200 example: {unresolved}"


def test_results_path_is_the_item_list_of_every_successful_page(spec, jsonpath_get):
    path = spec.operation["x-speakeasy-pagination"]["outputs"]["results"]
    for name, body in spec.success_examples().items():
        found, items = jsonpath_get(body, path)
        assert found, f"{spec.name} {name}: {path} missing"
        assert isinstance(items, list), f"{spec.name} {name}: {path} is not a list"


def _end_signals(paging):
    yield paging["end"]
    if "cursor_mode" in paging:
        yield paging["cursor_mode"]["end"]


def test_end_of_list_signal_has_the_right_type_in_every_example(spec, jsonpath_get):
    for end in _end_signals(spec.operation["x-numberhub-pagination"]):
        assert set(end) in ({"null"}, {"false"}, {"last_page", "total_pages"}), end
        for name, body in spec.success_examples().items():
            where = f"{spec.name} {name}"
            if "null" in end:
                found, value = jsonpath_get(body, end["null"])
                assert not found or value is None or isinstance(value, str), where
            elif "false" in end:
                found, value = jsonpath_get(body, end["false"])
                assert found, f"{where}: {end['false']} missing"
                assert isinstance(value, bool), where
            else:
                values = [jsonpath_get(body, end[key]) for key in ("last_page", "total_pages")]
                # Rounded's cursor mode leaves out the page counters.
                if any(found for found, _ in values):
                    assert all(isinstance(v, int) for _, v in values), where


def test_some_example_is_a_last_page_by_the_end_signal(spec, jsonpath_get):
    """At least one example is a last page by the spec's own end signal."""
    end = spec.operation["x-numberhub-pagination"]["end"]

    def is_last(body):
        if "null" in end:
            return jsonpath_get(body, end["null"])[1] is None
        if "false" in end:
            return jsonpath_get(body, end["false"])[1] is False
        return jsonpath_get(body, end["last_page"])[1] >= jsonpath_get(body, end["total_pages"])[1]

    assert any(is_last(body) for body in spec.success_examples().values()), (
        f"{spec.name}: no example of a last page"
    )


def test_cursor_mode_names_real_parameters(load_spec):
    spec = load_spec("rounded")
    mode = spec.operation["x-numberhub-pagination"]["cursor_mode"]
    params = spec.parameters()
    assert spec.deref(params[("query", mode["switch"])]["schema"])["type"] == ["boolean", "null"]
    assert ("query", mode["input"]) in params
    assert mode["cursor"]["field"] in spec.at("/components/schemas/PhoneNumber")["properties"]


def test_plivo_next_url_is_a_relative_path_with_query(load_spec, jsonpath_get):
    spec = load_spec("plivo")
    path = spec.operation["x-numberhub-pagination"]["next_url"]
    _, value = jsonpath_get(spec.response_examples("200")["docs"], path)
    assert value.startswith("/v1/Account/")
    assert "?limit=" in value
    assert "&offset=" in value
