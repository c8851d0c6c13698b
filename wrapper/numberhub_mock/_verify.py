"""Verifying what the code under test sent, after WireMock's ``verify``.

`Verifiable` gives the journal (``server.requests``, ``app.requests``) two methods that
read only its records, whatever stores them:

- ``matching(**criteria)``: the records that meet every criterion given, in order;
- ``assert_count(n, **criteria)``: raises `AssertionError` unless exactly ``n`` records
  match, with the near misses (the records that fail fewest criteria) and how each
  differs.

Criteria: ``provider``, ``method`` (any case), ``path`` (a string, or a compiled pattern
searched), ``status``, ``error``, ``fault`` (values, or a predicate), ``query`` (a
mapping: each name's values must equal the string or list given; `ABSENT` for a name
that must not be sent), ``body`` (a mapping the body must contain, compared key by key)
and ``where`` (a predicate on the record).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import Any, Final, TypedDict, Unpack

from ._journal import RecordedRequest

__all__ = ["ABSENT", "Criteria", "Verifiable"]

_NEAR_MISSES = 5


class _Absent:
    def __repr__(self) -> str:
        return "ABSENT"


ABSENT: Final[Any] = _Absent()
"""In ``query=`` or ``body=``: the name must not be in the request."""


def _same(want: Any, got: Any) -> bool:
    if callable(want) and not isinstance(want, type):
        return bool(want(got))
    if isinstance(want, re.Pattern):
        return isinstance(got, str) and want.search(got) is not None
    return bool(want == got)


def _query_values(want: Any) -> Any:
    if isinstance(want, str | int | float | bool):
        return [want if isinstance(want, str) else str(want).lower()]
    if isinstance(want, Iterable) and not isinstance(want, Mapping):
        return [str(v) for v in want]
    return want


def _differences(record: RecordedRequest, criteria: Mapping[str, Any]) -> list[str]:
    """How ``record`` fails each criterion (empty when it matches them all)."""
    out: list[str] = []
    for name, want in criteria.items():
        if name in ("query", "body"):
            sent = getattr(record, name)
            sent = sent if isinstance(sent, Mapping) else {}
            for key, value in want.items():
                got = sent.get(key, ABSENT)
                expected = _query_values(value) if name == "query" else value
                if not _same(expected, got):
                    out.append(f"{name} {key}: {got!r} (wanted {expected!r})")
        elif name == "where":
            if not want(record):
                out.append("where: the predicate is false")
        else:
            got = getattr(record, name)
            if name == "method" and isinstance(want, str):
                want = want.upper()
            if not _same(want, got):
                out.append(f"{name}: {got!r} (wanted {want!r})")
    return out


class Criteria(TypedDict, total=False):
    """What ``matching`` and ``assert_count`` select by (see the module docstring)."""

    provider: Any
    method: Any
    path: Any
    query: Mapping[str, Any] | None
    body: Mapping[str, Any] | None
    status: Any
    error: Any
    fault: Any
    where: Callable[[RecordedRequest], bool] | None


def _criteria(given: Criteria) -> dict[str, Any]:
    """The criteria given (those not None), in `Criteria`'s order."""
    values: Mapping[str, Any] = given
    unknown = sorted(values.keys() - Criteria.__annotations__.keys())
    if unknown:
        raise TypeError(f"unexpected keyword argument {unknown[0]!r}")
    return {k: values[k] for k in Criteria.__annotations__ if values.get(k) is not None}


def _describe(criteria: Mapping[str, Any]) -> str:
    return ", ".join(f"{k}={'<predicate>' if k == 'where' else v!r}" for k, v in criteria.items())


def _line(index: int, record: RecordedRequest) -> str:
    query = "&".join(f"{k}={v}" for k, values in record.query.items() for v in values)
    head = f"#{index} {record.provider or '(no provider)'} {record.method} {record.path}"
    head += f"?{query}" if query else ""
    return head + f" -> {record.status}"


class Verifiable:
    """``matching`` and ``assert_count`` over a journal's records (see the module docstring).

    A subclass provides ``__iter__`` over its `RecordedRequest` records, in arrival order.
    """

    def __iter__(self) -> Iterator[RecordedRequest]:
        raise NotImplementedError

    def matching(self, **given: Unpack[Criteria]) -> list[RecordedRequest]:
        """The records meeting every criterion given, in arrival order."""
        criteria = _criteria(given)
        return [r for r in self if not _differences(r, criteria)]

    def assert_count(self, n: int, **given: Unpack[Criteria]) -> list[RecordedRequest]:
        """Check that exactly ``n`` records match; return them.

        Raises:
            AssertionError: Another count. The message lists the criteria, the count
                found, and the near misses: the records failing fewest criteria, each
                with how it differs (the journal holds no credential, so neither does
                the message).
        """
        criteria = _criteria(given)
        records = list(self)
        scored = [(_differences(r, criteria), i, r) for i, r in enumerate(records)]
        found = [r for diffs, _, r in scored if not diffs]
        if len(found) == n:
            return found
        lines = [
            f"expected {n} request{'s' if n != 1 else ''} matching {_describe(criteria)}; "
            f"found {len(found)} among {len(records)} recorded"
        ]
        misses = sorted((s for s in scored if s[0]), key=lambda s: (len(s[0]), s[1]))
        if misses:
            lines.append("near misses:")
            for diffs, i, record in misses[:_NEAR_MISSES]:
                lines.append(f"  {_line(i, record)}")
                lines.extend(f"      {d}" for d in diffs)
        if found:
            lines.append("matching:")
            lines.extend(f"  {_line(i, r)}" for diffs, i, r in scored if not diffs)
        raise AssertionError("\n".join(lines))
