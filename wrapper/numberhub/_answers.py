"""An operation's answers as its spec describes them, and how a real answer differs.

`AnswerSpec` compiles, once per provider, what checking an answer needs:

* a validator of a whole page: when it passes, the page fits the spec and nothing more
  is computed (the path of almost every page); a second one with every documented object
  closed (``additionalProperties: false``) also refuses fields the spec does not list;
* when it fails, the *structure* of the page (the page with each item reduced to "an
  object"), each *item* on its own, and the fields the spec does not list, each as
  `Finding` objects with the item indexes collapsed;
* the documented statuses and media types, and the schema of each error answer.
"""

from __future__ import annotations

import copy
import functools
from collections.abc import Mapping
from typing import Any

import httpx
import jsonschema_rs
from numberhub_spec import JsonPath, Spec

from ._drift import Finding, diagnose, json_type

__all__ = ["AnswerSpec", "answer_spec", "content_type", "media_type"]


def media_type(content_type: str | None) -> str:
    """``application/json`` from ``application/json; charset=utf-8`` (``none`` when absent)."""
    if not content_type:
        return "none"
    return content_type.split(";", 1)[0].strip().lower() or "none"


def content_type(response: httpx.Response) -> str | None:
    """The answer's Content-Type header, or None.

    Scans the raw header list: ``response.headers.get`` costs several times more, and
    this runs for every page.
    """
    for key, value in response.headers.raw:
        if key.lower() == b"content-type":
            return value.decode("latin-1")
    return None


def _ref(node: Any, components: Mapping[str, Any]) -> Any:
    while isinstance(node, dict) and "$ref" in node:
        *_, kind, name = node["$ref"].split("/")
        node = components[kind][name]
    return node


def _closed(node: Any, keyword: str) -> Any:
    """A copy of a schema tree where each object that lists its properties allows no others.

    ``additionalProperties: false`` is cheap and exact for plain objects but too strict
    inside ``allOf``; ``unevaluatedProperties: false`` is exact everywhere. The fast check
    uses the first (a false alarm only sends a page to the precise checks).
    """
    if isinstance(node, list):
        return [_closed(n, keyword) for n in node]
    if not isinstance(node, dict):
        return node
    out = {k: _closed(v, keyword) for k, v in node.items()}
    if isinstance(node.get("properties"), dict) and node.get("additionalProperties", True) is True:
        out.pop("additionalProperties", None)
        out[keyword] = False
    return out


def _without_items(node: Any, keys: tuple[str, ...], components: Mapping[str, Any]) -> Any:
    """``node`` with the item schema of the array at ``keys`` replaced by "an object"."""
    node = _ref(node, components)
    if not isinstance(node, dict):
        return node
    node = dict(node)
    if not keys:
        if "items" in node:
            node["items"] = {"type": "object"}
        return node
    props = node.get("properties")
    if isinstance(props, dict) and keys[0] in props:
        node["properties"] = {
            **props,
            keys[0]: _without_items(props[keys[0]], keys[1:], components),
        }
    for combinator in ("allOf", "anyOf", "oneOf"):
        if combinator in node:
            node[combinator] = [_without_items(b, keys, components) for b in node[combinator]]
    return node


def _compile(schema: Any, components: Mapping[str, Any]) -> Any:
    document = {**schema, "components": components} if isinstance(schema, dict) else schema
    return jsonschema_rs.validator_for(document, validate_formats=True)


class _Documented:
    """One documented answer (a status): its media types and its JSON body's validator."""

    __slots__ = ("media_types", "validator")

    def __init__(self, response: Mapping[str, Any], components: Mapping[str, Any]) -> None:
        content = response.get("content") or {}
        self.media_types = tuple(str(m).lower() for m in content)
        schema = next(
            (c.get("schema") for m, c in content.items() if "json" in m and c.get("schema")),
            None,
        )
        self.validator = None if schema is None else _compile(schema, components)


class AnswerSpec:
    """What ``provider``'s spec says of its list operation's answers (see the module).

    Args:
        spec: The provider's spec.
        results: Where a page's items are (``x-speakeasy-pagination`` ``results``).
    """

    def __init__(self, spec: Spec, results: JsonPath) -> None:
        components = copy.deepcopy(dict(spec.components))
        responses = {
            str(status): _ref(response, components)
            for status, response in spec.document["paths"][spec.operation.path][
                spec.operation.method.lower()
            ]["responses"].items()
        }
        self.provider = spec.name
        self.results = results
        self.items_path = results.text + "[*]"
        self._documented = {s: _Documented(r, components) for s, r in responses.items()}
        self.success = tuple(sorted(s for s in responses if s.startswith("2")))
        page = self._json_schema(responses[self.success[0]])
        keys = results.keys
        item = dict(spec.item_schema) if results == spec.plans[False].results else {}
        fast_components = _closed(components, "additionalProperties")
        exact_components = _closed(components, "unevaluatedProperties")
        structure = _without_items(page, keys, components)
        self._valid = _compile(page, components)
        self._exact = _compile(_closed(page, "additionalProperties"), fast_components)
        self._structure = _compile(structure, components)
        self._structure_extras = _compile(
            _closed(structure, "unevaluatedProperties"), exact_components
        )
        self._item = _compile(item, components)
        self._item_extras = _compile(_closed(item, "unevaluatedProperties"), exact_components)

    @staticmethod
    def _json_schema(response: Mapping[str, Any]) -> Any:
        for media, content in (response.get("content") or {}).items():
            if "json" in media:
                return content.get("schema", {})
        return {}

    # --- the answer as a whole ----------------------------------------------------------
    def meta(self, status: int, content_type: str | None) -> list[Finding]:
        """Findings on the status and the media type of an answer."""
        documented = self._documented.get(str(status)) or self._documented.get(
            f"{str(status)[0]}XX"
        )
        documented = documented or self._documented.get("default")
        if documented is None:
            listed = ", ".join(s for s in self._documented if s != "default")
            return [Finding("$", "status", f"one of {listed}", str(status), status)]
        seen = media_type(content_type)
        if documented.media_types and seen not in documented.media_types:
            expected = " or ".join(documented.media_types)
            return [Finding("$", "content-type", expected, seen, status)]
        return []

    def error_body(self, status: int, body: Any) -> list[Finding]:
        """Findings on the decoded JSON body of an error answer with HTTP ``status``."""
        documented = self._documented.get(str(status)) or self._documented.get("default")
        if documented is None or documented.validator is None:
            return []
        return diagnose(documented.validator, body, status=status)

    # --- a page ---------------------------------------------------------------------------
    def fits(self, body: Any, *, exactly: bool = False) -> bool:
        """Whether the page fits the spec (``exactly``: and has no undocumented field)."""
        return bool((self._exact if exactly else self._valid).is_valid(body))

    def structure(self, body: Any) -> list[Finding]:
        """What breaks the page's structure (everything but the items' insides)."""
        found = diagnose(self._structure, body)
        items = self.results.get(body)
        if not found and not isinstance(items, list):
            seen = "missing" if items is None or not isinstance(body, dict) else json_type(items)
            found.append(Finding(self.results.text, "type", "array", seen))
        return found

    def page_extras(self, body: Any) -> list[Finding]:
        """Fields of the page outside its items that the spec does not list."""
        if self._structure_extras.is_valid(body):
            return []
        return [f for f in diagnose(self._structure_extras, body) if not f.violation]

    def item(self, item: Any, *, undocumented: bool) -> tuple[list[Finding], list[Finding]]:
        """An item's violations of its schema, and (if asked) its undocumented fields."""
        violations = (
            [] if self._item.is_valid(item) else diagnose(self._item, item, self.items_path)
        )
        if not undocumented or self._item_extras.is_valid(item):
            return violations, []
        extras = diagnose(self._item_extras, item, self.items_path)
        return violations, [f for f in extras if not f.violation]


@functools.cache
def answer_spec(spec: Spec, results: JsonPath) -> AnswerSpec:
    """``spec``'s `AnswerSpec` for items at ``results`` (compiled once per spec)."""
    return AnswerSpec(spec, results)
