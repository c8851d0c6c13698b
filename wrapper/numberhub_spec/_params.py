"""Request parameters (query, header, path, JSON-body property) and their filter rules."""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from typing import Any

import attrs
import jsonschema_rs

from ._jsonpath import MISSING

__all__ = ["FilterRule", "Parameter", "snake_case"]


def snake_case(name: str) -> str:
    """``organizationId`` -> ``organization_id``, ``X-Organization-Id`` -> ``x_organization_id``.

    The Python keyword of a spec name: how filters, options and credentials are spelled.
    """
    out: list[str] = []
    for i, ch in enumerate(name):
        if ch in "-. ":
            out.append("_")
        elif ch.isupper() and i and (name[i - 1].islower() or name[i - 1].isdigit()):
            out.append("_" + ch.lower())
        else:
            out.append(ch.lower())
    return "".join(out)


@attrs.frozen
class FilterRule:
    """How a filter selects items (``x-numberhub-filter``; see specs/README.md).

    Attributes:
        op: ``eq``, ``ieq``, ``prefix``, ``contains``, ``in``, ``gt``, ``gte``, ``lt``,
            ``lte``, ``flags``, ``sort_by`` or ``sort_order``.
        field: The item field it reads (dotted), for the comparing ops.
        values: For ``in``: request value -> the item values it stands for.
        flags: For ``flags``: token -> the (dotted) boolean field it requires.
        separator: For ``flags``: what joins tokens in one string value.
        requires: Spec names of the parameters it is accepted only together with.
        hidden: Whether the field is not in the provider's answers (Bird's ``testing``).
    """

    op: str
    field: str | None = None
    values: Mapping[str, tuple[Any, ...]] | None = None
    flags: Mapping[str, str] | None = None
    separator: str | None = None
    requires: tuple[str, ...] = ()
    hidden: bool = False

    @classmethod
    def of(cls, ext: Mapping[str, Any]) -> FilterRule:
        """The rule of one ``x-numberhub-filter`` value (already validated)."""
        values = ext.get("values")
        return cls(
            op=str(ext["op"]),
            field=ext.get("field"),
            values=None if values is None else {str(k): tuple(v) for k, v in values.items()},
            flags=ext.get("flags"),
            separator=ext.get("separator"),
            requires=tuple(ext.get("requires", ())),
            hidden=bool(ext.get("hidden", False)),
        )


_FORMATS = {
    "date": "a date (YYYY-MM-DD)",
    "date-time": "an ISO 8601 date-time (e.g. 2025-02-01T09:00:00Z)",
    "uuid": "a UUID",
}


@attrs.frozen
class Parameter:
    """One request parameter of the list operation, and the check of its values.

    Attributes:
        name: The spec's name, sent as is.
        keyword: The Python keyword argument (``name`` in snake case: ``country_codes``).
        location: ``query``, ``header``, ``path`` or ``body`` (a JSON-body property).
        schema: Its JSON schema (``$ref`` inside it resolve against the spec's components).
        description: The spec's description.
        required: Whether the request must carry it.
        deprecated: Whether the spec deprecates it (an older name of another parameter).
        filter: How it selects items, when it is a filter.
        tenant_of: The security scheme whose tenant it must be (``x-numberhub-tenant-of``).
        credential: The credential keyword that supplies it, when it is a tenant.
        style: The OpenAPI serialisation style, when the spec sets one.
        explode: The OpenAPI ``explode``, when the spec sets it.
    """

    name: str
    keyword: str
    location: str
    schema: Mapping[str, Any] = attrs.field(repr=False)
    description: str = ""
    required: bool = False
    deprecated: bool = False
    filter: FilterRule | None = None
    tenant_of: str | None = None
    credential: str | None = None
    style: str | None = None
    explode: bool | None = None
    components: Mapping[str, Any] = attrs.field(factory=dict, repr=False, eq=False)

    @property
    def requires(self) -> tuple[str, ...]:
        """Spec names of the parameters it is accepted only together with."""
        return self.filter.requires if self.filter else ()

    @property
    def is_array(self) -> bool:
        """Whether it takes a list."""
        types = self.schema.get("type")
        return types == "array" or (isinstance(types, list) and "array" in types)

    @property
    def default(self) -> Any:
        """The schema's default, or `MISSING`."""
        return self.schema.get("default", MISSING)

    @functools.cached_property
    def _validator(self) -> Any:
        return jsonschema_rs.validator_for(
            {**self.schema, "components": dict(self.components)}, validate_formats=True
        )

    def problems(self, value: Any) -> list[str]:
        """What is wrong with ``value`` (already JSON), one message per problem."""
        out = []
        for error in self._validator.iter_errors(value):
            where = "".join(f"[{p}]" for p in error.instance_path)
            kind = type(error.kind).__name__
            if kind == "Enum":
                allowed = ", ".join(repr(o) for o in getattr(error.kind, "options", ()))
                message = f"{error.instance!r} is not one of {allowed}"
            elif kind == "Format":
                name = str(getattr(error.kind, "format", ""))
                form = _FORMATS.get(name, f"a {name!r}")
                message = f"{error.instance!r} is not {form}"
            elif kind == "Pattern" and (hint := _case_hint(error, self.description)):
                message = hint
            else:
                message = error.message
                if kind in ("Pattern", "MinLength", "MaxLength") and self.description:
                    message += f" ({self.description.rstrip('.')})"
            out.append(f"{where} {message}".strip())
        return out


def _case_hint(error: Any, description: str | None) -> str | None:
    """For a lower-case code that fits its pattern in upper case: say so, not the regex."""
    value, pattern = error.instance, getattr(error.kind, "pattern", None)
    if not isinstance(value, str) or not isinstance(pattern, str) or value.upper() == value:
        return None
    if re.search(pattern, value.upper()) is None:
        return None
    codes = "ISO 3166-1 codes" if "ISO 3166-1" in (description or "") else "values"
    return f"{value!r} is not upper case: use upper-case {codes}, e.g. {value.upper()}"
