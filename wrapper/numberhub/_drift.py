"""How an answer differs from its spec: findings, counted per path and rule.

A `Finding` names where (a JSON path with array indexes collapsed, ``$.objects[*].number``),
which rule of the spec broke, what the spec expects and the JSON type that was seen. It
never holds a value from the answer: answers carry phone numbers, which are personal data.
A `DriftReport` counts findings per path, rule and expectation, and is safe to share
between the threads of a concurrent listing.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterable, Iterator
from typing import Any

import attrs

__all__ = [
    "DriftReport",
    "DriftWarning",
    "Finding",
    "diagnose",
    "json_type",
    "path_text",
]


class DriftWarning(UserWarning):
    """A provider's answer differs from its spec, and numberhub read it anyway.

    Emitted once per client for each provider, path and rule (and logged at WARNING on the
    ``numberhub`` logger). The message names the provider, the path, the rule and what the
    spec expects, never a value from the answer. ``strict=True`` on a client turns drift
    into `ResponseValidationError`; ``pager.drift`` lists every finding of a listing.
    """


@attrs.frozen
class Finding:
    """One way an answer differs from its spec.

    Attributes:
        path: Where, as a JSON path with array indexes collapsed
            (``$.objects[*].monthly_rental_rate``); ``$`` for the answer as a whole.
        rule: What broke: ``type``, ``enum``, ``pattern``, ``format``, ``required``,
            ``const``, ``undocumented`` (a field the spec does not list), ``minimum`` ...,
            ``content-type``, ``status``, ``identity`` (an item without its id), ``json``.
        expected: What the spec says (``string or null``, ``matches ^[0-9]+$``...).
        seen: The JSON type seen (``integer``, ``null``, ``missing``...), or the media type
            or status for ``content-type`` and ``status``; never a value from the answer.
        status: The HTTP status of the answer it was found in (200 for pages; an error
            answer's own status otherwise).
        count: How many times it was seen.
    """

    path: str
    rule: str
    expected: str
    seen: str
    status: int = 200
    count: int = 1

    @property
    def key(self) -> tuple[str, str, str, str, int]:
        """What makes two findings the same one (all but the count)."""
        return (self.path, self.rule, self.expected, self.seen, self.status)

    @property
    def violation(self) -> bool:
        """Whether the spec forbids what was seen (an undocumented field it only omits)."""
        return self.rule != "undocumented"

    def to_dict(self) -> dict[str, Any]:
        """The finding as JSON-ready data."""
        return attrs.asdict(self)

    def __str__(self) -> str:
        where = self.path if self.status == 200 else f"{self.path} (HTTP {self.status})"
        return f"{where}: {self.rule} (expected {self.expected}; seen {self.seen})"


class DriftReport:
    """The findings of one listing (``pager.drift``) or one check, counted.

    Iterating yields one `Finding` per path, rule, expectation and type seen, in the order
    first seen, each with its ``count``.

    Attributes:
        provider: The provider's name.
    """

    def __init__(self, provider: str) -> None:
        self.provider = provider
        self._counts: dict[tuple[str, str, str, str, int], int] = {}
        self._lock = threading.Lock()

    def add(self, findings: Iterable[Finding]) -> list[Finding]:
        """Count ``findings``; return those seen for the first time."""
        new = []
        with self._lock:
            for finding in findings:
                key = finding.key
                if key in self._counts:
                    self._counts[key] += finding.count
                else:
                    self._counts[key] = finding.count
                    new.append(finding)
        return new

    @property
    def findings(self) -> tuple[Finding, ...]:
        """Every finding so far, with its count."""
        with self._lock:
            return tuple(Finding(*key, count=count) for key, count in self._counts.items())

    @property
    def violations(self) -> tuple[Finding, ...]:
        """The findings the spec forbids (all but undocumented fields)."""
        return tuple(f for f in self.findings if f.violation)

    def to_dict(self) -> list[dict[str, Any]]:
        """The findings as JSON-ready data."""
        return [f.to_dict() for f in self.findings]

    def __iter__(self) -> Iterator[Finding]:
        return iter(self.findings)

    def __len__(self) -> int:
        return len(self._counts)

    def __bool__(self) -> bool:
        return bool(self._counts)

    def __repr__(self) -> str:
        return f"<DriftReport {self.provider} findings={len(self)}>"


_JSON_TYPES: tuple[tuple[type, str], ...] = (
    (bool, "boolean"),
    (int, "integer"),
    (float, "number"),
    (str, "string"),
    (list, "array"),
    (dict, "object"),
    (type(None), "null"),
)


def json_type(value: Any) -> str:
    """The JSON type of a decoded value (``integer``, ``string``, ``null``...)."""
    for kind, name in _JSON_TYPES:
        if isinstance(value, kind):
            return name
    return type(value).__name__


_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_-]*")
_DIGITS = re.compile(r"\+?[0-9][0-9 ().-]{4,}")


def _segment(key: Any) -> str:
    if isinstance(key, int):
        return "[*]"
    text = str(key)
    if _DIGITS.search(text):  # a key made of a number (a map by phone number) is data
        return "[<key>]"
    return f".{text}" if _NAME.fullmatch(text) else "[" + repr(text) + "]"


def path_text(parts: Iterable[Any], prefix: str = "$") -> str:
    """A JSON path from its keys and indexes, every index collapsed to ``[*]``."""
    return prefix + "".join(_segment(p) for p in parts)


def _quoted(values: Iterable[Any]) -> str:
    return ", ".join(repr(v) for v in values)


def _types(types: Iterable[str]) -> str:
    return " or ".join(sorted(types, key=lambda t: (t == "null", t)))


def _branch_types(context: Any) -> str:
    types: list[str] = []
    for branch in context or ():
        for error in branch:
            kind = error.kind.as_dict()
            types.extend(t for t in kind.get("types", ()) if t not in types)
    return _types(types) if types else "one of the documented shapes"


def _closest(context: Any) -> list[Any]:
    """The errors of the branch an instance comes closest to.

    That is a branch whose ``const`` holds, then the fewest errors, then the deepest.

    An item of a ``oneOf`` whose type matches one branch and breaks one field of it
    is reported as that field, not as "matches no branch". Ties between branches
    whose errors are all at the top (none comes closer) give no branch.
    """
    branches = [list(b) for b in context or () if b]
    if not branches:
        return []

    def rank(errors: list[Any]) -> tuple[bool, int, int]:
        # a branch whose const fails (a discriminator: "type": "sip") is not the one meant
        discriminated = any(type(e.kind).__name__ == "Constant" for e in errors)
        return (discriminated, len(errors), -max(len(list(e.instance_path)) for e in errors))

    best = min(branches, key=rank)
    tied = [b for b in branches if rank(b) == rank(best)]
    return best if len(tied) == 1 else []


_LIMITS = {
    "Minimum": ">= {limit}",
    "Maximum": "<= {limit}",
    "ExclusiveMinimum": "> {limit}",
    "ExclusiveMaximum": "< {limit}",
    "MinLength": "at least {limit} characters",
    "MaxLength": "at most {limit} characters",
    "MinItems": "at least {limit} items",
    "MaxItems": "at most {limit} items",
    "MinProperties": "at least {limit} fields",
    "MaxProperties": "at most {limit} fields",
}


def _rule(name: str) -> str:
    """``MinLength`` -> ``minLength``, ``OneOfNotValid`` -> ``oneOf``: the schema keyword."""
    word = {"Constant": "Const", "OneOfNotValid": "OneOf", "OneOfMultipleValid": "OneOf"}.get(
        name, name
    )
    return word[:1].lower() + word[1:]


def _finding(error: Any, prefix: str, status: int) -> list[Finding]:
    name = type(error.kind).__name__
    kind = error.kind.as_dict()
    parts = list(error.instance_path)
    instance = error.instance
    if name in ("AdditionalProperties", "UnevaluatedProperties"):
        return [
            Finding(
                path_text([*parts, key], prefix),
                "undocumented",
                "no such field",
                json_type(instance.get(key)) if isinstance(instance, dict) else "unknown",
                status,
            )
            for key in kind.get("unexpected", ())
        ]
    if name == "Required":
        where = path_text([*parts, kind["property"]], prefix)
        return [Finding(where, "required", "present", "missing", status)]
    path, seen = path_text(parts, prefix), json_type(instance)
    if name == "Type":
        expected = _types(kind["types"])
    elif name == "Enum":
        expected = "one of " + _quoted(kind["options"])
    elif name == "Constant":
        expected = repr(kind["expected_value"])
    elif name == "Pattern":
        expected = "matches " + str(kind["pattern"])
    elif name == "Format":
        expected = "format " + str(kind["format"])
    elif name in _LIMITS:
        expected = _LIMITS[name].format(limit=kind.get("limit"))
    elif name in ("AnyOf", "OneOfNotValid"):
        branch = _closest(kind.get("context"))
        if branch:  # what the instance misses of the shape it comes closest to
            return [f for sub in branch for f in _finding(sub, prefix, status)]
        expected = _branch_types(kind.get("context"))
    else:
        expected = "what the spec says (" + _rule(name) + ")"
    return [Finding(path, _rule(name), expected, seen, status)]


def diagnose(validator: Any, instance: Any, prefix: str = "$", status: int = 200) -> list[Finding]:
    """Every way ``instance`` breaks the compiled ``validator``'s schema, as findings.

    Args:
        validator: A ``jsonschema_rs`` validator.
        instance: The decoded JSON to check.
        prefix: The JSON path of ``instance`` within the answer (``$.objects[*]``).
        status: The HTTP status of the answer.
    """
    out: list[Finding] = []
    for error in validator.iter_errors(instance):
        out.extend(_finding(error, prefix, status))
    return out
