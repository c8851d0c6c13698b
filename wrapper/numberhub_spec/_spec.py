"""`Spec`: one provider's spec, loaded once, its extensions checked, as typed objects."""

from __future__ import annotations

import functools
import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Literal

import attrs

from ._extensions import check_extensions
from ._item import ItemMapping
from ._load import SpecError, escape, read_document, resolve, spec_file
from ._operation import (
    EnvelopeSpec,
    Operation,
    OrderSpec,
    RateLimitSpec,
    ResponseSpec,
    RetrySpec,
)
from ._params import FilterRule, Parameter, snake_case
from ._plans import PagingPlan, plans_of
from ._security import CredentialSpec, SecurityScheme, credentials_of

__all__ = ["Spec", "load"]

_METHODS = ("get", "post", "put", "patch", "delete")


@attrs.frozen(eq=False)  # one object per version of a file: identity is equality
class Spec:
    """Everything numberhub reads from one provider's spec.

    Attributes:
        name: The provider's key (``plivo``): ``x-numberhub-provider.name``, the file's name.
        display_name: How to name it to people (``Butter AI``).
        lists: ``owned`` (the account's numbers) or ``available`` (numbers to buy).
        title: The spec's title.
        file: Where the spec is.
        servers: The servers' URLs, the default first.
        operation: The ``list_numbers`` operation.
        schemes: The security schemes, by name.
        credentials: What a client must be given, in order.
        plans: How it pages: ``plans[False]``, and ``plans[True]`` for a cursor mode.
        rate_limit: The documented rate limit, if any.
        retries: What to retry and how to back off.
        envelope: Errors inside HTTP 200 bodies, if the provider does that.
        order: The items' order when no sort is asked for, if documented.
        item: How an item becomes a ``PhoneNumber``.
        document: The parsed YAML, as written (read-only).
    """

    name: str
    display_name: str
    lists: Literal["owned", "available"]
    title: str
    file: Path
    servers: tuple[str, ...]
    operation: Operation
    schemes: Mapping[str, SecurityScheme]
    credentials: tuple[CredentialSpec, ...]
    plans: Mapping[bool, PagingPlan]
    rate_limit: RateLimitSpec | None
    retries: RetrySpec
    envelope: EnvelopeSpec | None
    order: OrderSpec | None
    item: ItemMapping
    document: Mapping[str, Any] = attrs.field(repr=False, eq=False)

    @property
    def components(self) -> Mapping[str, Any]:
        """``components``, which every ``$ref`` points into."""
        return self.document.get("components") or {}

    def resolve(self, node: Any) -> Any:
        """``node`` with its ``$ref`` chain followed."""
        return resolve(self.document, node)

    def schema_document(self, schema: Mapping[str, Any]) -> dict[str, Any]:
        """``schema`` with the spec's components beside it, ready to compile."""
        return {**schema, "components": self.components}

    def plan(self, *, cursor_mode: bool = False) -> PagingPlan:
        """The paging plan of one mode (`KeyError` when there is no cursor mode)."""
        return self.plans[cursor_mode]

    @functools.cached_property
    def paging_names(self) -> frozenset[str]:
        """Every paging parameter of every mode (never a filter)."""
        return frozenset(n for plan in self.plans.values() for n in plan.input_names())

    @functools.cached_property
    def filters(self) -> Mapping[str, Parameter]:
        """The filters ``list_numbers`` takes, by keyword, in spec order.

        They are the query and body parameters that are neither paging inputs (of any
        mode), nor deprecated, nor tenants.
        """
        return {
            p.keyword: p
            for p in self.operation.parameters
            if p.location in ("query", "body")
            and p.name not in self.paging_names
            and not p.deprecated
            and p.tenant_of is None
        }

    @functools.cached_property
    def options(self) -> Mapping[str, Parameter]:
        """Header parameters a client sets once (DuoPlus's ``Lang``), by keyword."""
        return {
            p.keyword: p
            for p in self.operation.parameters
            if p.location == "header" and p.tenant_of is None and not p.deprecated
        }

    @property
    def page_schema(self) -> Mapping[str, Any]:
        """The JSON schema of a page (the first 2xx answer)."""
        return self.operation.success.schema or {}

    @functools.cached_property
    def item_schema(self) -> Mapping[str, Any]:
        """The JSON schema of one item (``items`` of the array at the plan's results)."""
        found = _items_at(self.document, self.page_schema, self.plans[False].results.keys)
        return found if isinstance(found, Mapping) else {}

    @property
    def item_schema_name(self) -> str | None:
        """The component name of the item schema, when it is a ``$ref``."""
        ref = self.item_schema.get("$ref")
        return str(ref).rsplit("/", 1)[1] if ref else None

    @property
    def page_schema_name(self) -> str | None:
        """The component name of the page schema, when it is a ``$ref``."""
        ref = self.page_schema.get("$ref")
        return str(ref).rsplit("/", 1)[1] if ref else None


def _items_at(document: Mapping[str, Any], node: Any, keys: tuple[str, ...]) -> Any:
    node = resolve(document, node)
    if not isinstance(node, Mapping):
        return None
    if not keys:
        return node.get("items")
    props = node.get("properties")
    if isinstance(props, Mapping) and keys[0] in props:
        found = _items_at(document, props[keys[0]], keys[1:])
        if found is not None:
            return found
    for combinator in ("allOf", "anyOf", "oneOf"):
        for branch in node.get(combinator, ()):
            found = _items_at(document, branch, keys)
            if found is not None:
                return found
    return None


def _find_operation(doc: Mapping[str, Any], file: str) -> tuple[str, str, Mapping[str, Any]]:
    for path, item in (doc.get("paths") or {}).items():
        for method in _METHODS:
            op = (item or {}).get(method)
            if op and op.get("operationId") == "list_numbers":
                return path, method, op
    raise SpecError(file, "/paths", "no operation has operationId list_numbers")


def _parameters(
    doc: Mapping[str, Any], path: str, op: Mapping[str, Any]
) -> list[tuple[Mapping[str, Any], str]]:
    """Raw parameter objects (path-level then operation-level) with their JSON pointers."""
    out = []
    base = f"/paths/{escape(path)}"
    for where, holder in ((base, doc["paths"][path]), (None, op)):
        for index, raw in enumerate(holder.get("parameters") or ()):
            pointer = f"{where}/parameters/{index}" if where else f"parameters/{index}"
            out.append((resolve(doc, raw), pointer))
    return out


def _build_parameter(
    raw: Mapping[str, Any],
    *,
    name: str,
    location: str,
    components: Mapping[str, Any],
    required: bool,
    credential: str | None = None,
) -> Parameter:
    """One parameter; for a body property, ``raw`` is the property's schema."""
    schema = raw if location == "body" else raw.get("schema", {})
    ext = raw.get("x-numberhub-filter")
    return Parameter(
        name=name,
        keyword=snake_case(name),
        location=location,
        schema={k: v for k, v in schema.items() if not str(k).startswith("x-")},
        description=str(raw.get("description", schema.get("description", ""))).strip(),
        required=required,
        deprecated=bool(raw.get("deprecated", False)),
        filter=FilterRule.of(ext) if ext else None,
        tenant_of=raw.get("x-numberhub-tenant-of"),
        credential=credential,
        style=raw.get("style"),
        explode=raw.get("explode"),
        components=components,
    )


def _build(file: str, provider: str) -> Spec:
    doc, _ = read_document(Path(file))
    check_extensions(doc, file)
    info = doc.get("info") or {}
    about = info.get("x-numberhub-provider")
    if not about:
        raise SpecError(file, "/info", "x-numberhub-provider is missing")
    if about["name"] != provider:
        raise SpecError(
            file, "/info/x-numberhub-provider/name", f"is {about['name']!r}, not the file name"
        )
    path, method, op = _find_operation(doc, file)
    pointer = f"/paths/{escape(path)}/{method}"
    components = doc.get("components") or {}
    raw_params = _parameters(doc, path, op)
    tenants = {p.get("x-numberhub-tenant-of"): p for p, _ in raw_params}
    schemes = {
        name: SecurityScheme.of(name, resolve(doc, raw), _tenant(tenants.get(name)))
        for name, raw in (components.get("securitySchemes") or {}).items()
    }
    params = []
    for raw, _ in raw_params:
        tenant_of = raw.get("x-numberhub-tenant-of")
        credential = None
        if tenant_of:
            scheme = schemes.get(tenant_of)
            named = (raw.get("x-numberhub-credential") or {}).get("name")
            by_scheme = scheme.username if scheme is not None and scheme.is_basic else None
            credential = named or by_scheme or snake_case(raw["name"])
        params.append(
            _build_parameter(
                raw,
                name=raw["name"],
                location=raw.get("in", "query"),
                components=components,
                required=bool(raw.get("required", False)),
                credential=credential,
            )
        )
    body = resolve(doc, op.get("requestBody") or {})
    body_schema = (body.get("content") or {}).get("application/json", {}).get("schema")
    if body_schema is not None:
        resolved = resolve(doc, body_schema)
        required = set(resolved.get("required", ()))
        for name, prop in (resolved.get("properties") or {}).items():
            params.append(
                _build_parameter(
                    resolve(doc, prop),
                    name=name,
                    location="body",
                    components=components,
                    required=name in required,
                )
            )
    requirements = tuple(
        tuple(req) for req in op.get("security", doc.get("security")) or () if req is not None
    )
    try:
        plans = plans_of(op)
    except (KeyError, TypeError) as exc:
        raise SpecError(file, pointer, f"x-speakeasy-pagination is incomplete: {exc}") from None
    operation = Operation(
        method=method.upper(),
        path=path,
        parameters=tuple(params),
        responses={
            str(status): _response(doc, str(status), raw)
            for status, raw in (op.get("responses") or {}).items()
        },
        security=requirements,
        body_required=bool(body.get("required", False)),
        body_schema=body_schema,
        summary=str(op.get("summary", "")),
        description=str(op.get("description", "")).strip(),
        extensions={k: v for k, v in op.items() if k.startswith("x-")},
    )
    return Spec(
        name=provider,
        display_name=str(about["display_name"]),
        lists=about["lists"],
        title=str(info.get("title", provider)),
        file=Path(file),
        servers=tuple(str(s["url"]).rstrip("/") for s in doc.get("servers") or ()),
        operation=operation,
        schemes=schemes,
        credentials=credentials_of(
            provider, schemes, requirements[0] if requirements else (), operation.parameters
        ),
        plans=plans,
        rate_limit=RateLimitSpec.of(op.get("x-numberhub-rate-limit")),
        retries=RetrySpec.of(op.get("x-speakeasy-retries")),
        envelope=EnvelopeSpec.of(op.get("x-numberhub-envelope")),
        order=OrderSpec.of(op.get("x-numberhub-order")),
        item=ItemMapping.of(op.get("x-numberhub-item")),
        document=doc,
    )


def _tenant(raw: Mapping[str, Any] | None) -> Parameter | None:
    if raw is None:
        return None
    return Parameter(
        name=raw["name"], keyword=snake_case(raw["name"]), location=raw["in"], schema={}
    )


def _response(doc: Mapping[str, Any], status: str, raw: Any) -> ResponseSpec:
    response = resolve(doc, raw)
    content = response.get("content") or {}
    schema = next((c.get("schema") for m, c in content.items() if "json" in m.lower()), None)
    return ResponseSpec(
        status=status,
        description=str(response.get("description", "")).strip(),
        media_types=tuple(str(m).lower() for m in content),
        schema=schema,
        headers=tuple(str(h).lower() for h in response.get("headers") or ()),
    )


@functools.cache
def _cached(file: str, version: tuple[int, int], provider: str) -> Spec:
    return _build(file, provider)


def load(provider: str, directory: str | os.PathLike[str] | None = None) -> Spec:
    """``provider``'s `Spec`, from ``directory`` (default: ``specs_dir()``).

    Each file is read, checked and modelled once (and again when it changes).

    Raises:
        LookupError: No such provider.
        SpecError: The spec breaks the ``x-numberhub-*`` vocabulary or lacks what
            numberhub needs (the message names the file, a JSON pointer, the problem).
    """
    path = spec_file(provider, directory)
    _, version = read_document(path)
    return _cached(str(path.resolve()), version, provider)
