"""Filters and sorting, as the spec's filter rules declare them (``x-numberhub-filter``).

Nothing here knows a provider: each filter is a parameter (or body property) whose
`FilterRule` names the item field, the operation and its options. The mock applies them
by its own code (columns of the dataset), not the wrapper's.
"""

from __future__ import annotations

import operator
from array import array
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from numberhub_spec import FilterRule, OrderSpec, Parameter

from ._dataset import Dataset
from ._validation import Problem

__all__ = ["Filter", "Selection", "filters_of"]

_COMPARE = {"gt": operator.gt, "gte": operator.ge, "lt": operator.lt, "lte": operator.le}


@dataclass(frozen=True, slots=True)
class Filter:
    """One declared filter: the parameter or body property carrying it, and its rule.

    Attributes:
        name: The parameter or body property carrying the value.
        location: Where it is (``query``, ``body``, ...).
        rule: What it selects (the item field, the operation and its options).
    """

    name: str
    location: str
    rule: FilterRule

    def predicate(self, value: Any) -> Callable[[Any], bool]:
        """A test of one item field value against the request value."""
        op = self.rule.op
        if op == "eq":
            return lambda x: x == value
        if op == "ieq":
            low = str(value).lower()
            return lambda x: isinstance(x, str) and x.lower() == low
        if op == "prefix":
            return lambda x: isinstance(x, str) and x.startswith(value)
        if op == "contains":
            return lambda x: isinstance(x, str) and str(value) in x
        if op == "in":
            values = self.rule.values or {}
            accepted: set[Any] = set()
            for w in value if isinstance(value, list) else [value]:
                accepted.update(values.get(str(w), (w,)))
            return lambda x: x in accepted
        if op in _COMPARE:
            cmp = _COMPARE[op]
            return lambda x: x is not None and cmp(x, value)
        raise ValueError(f"unknown x-numberhub-filter op {op!r}")

    def tokens(self, value: Any) -> list[str]:
        """The flag tokens of a ``flags`` value."""
        if isinstance(value, list):
            return [str(v) for v in value]
        return [t for t in str(value).split(self.rule.separator or ",") if t]


def filters_of(params: Sequence[Parameter]) -> list[Filter]:
    """The filters among the operation's parameters and body properties."""
    return [Filter(p.name, p.location, p.filter) for p in params if p.filter is not None]


_CACHE_ITEMS = 8_000_000
"""How many selected indexes (4 bytes each) the selection cache holds at most."""


def _is_true(value: Any) -> bool:
    return value is True


class Selection:
    """Applies filters and sorting to a dataset, caching recent answers.

    Args:
        dataset: The items.
        filters: The declared filters.
        order: The dataset's own order (``x-numberhub-order``), if the spec gives one.
        presorted: Whether the dataset is in that order (generated data are; a team's
            own items are served as given, so a sort on that field really sorts).
    """

    def __init__(
        self,
        dataset: Dataset,
        filters: Sequence[Filter],
        order: OrderSpec | None,
        *,
        presorted: bool = True,
    ) -> None:
        self.dataset = dataset
        self.presorted = presorted
        self.filters = list(filters)
        self.order_by = order.by if order is not None else None
        self.order_desc = order is not None and order.direction == "desc"
        self._cache: dict[tuple[Any, ...], Sequence[int]] = {}
        self._cached_items = 0

    def forget(self) -> None:
        """Drop the selections kept (the cache is full)."""
        self._cache.clear()
        self._cached_items = 0

    def requirements(self, args: Mapping[str, Any]) -> list[Problem]:
        """Problems of filters sent without the parameters they require."""
        return [
            Problem(f.location, f.name, f"{f.name} is only accepted together with {r}")
            for f in self.filters
            if _present(args.get(f.name))
            for r in f.rule.requires
            if not _present(args.get(r))
        ]

    def key(self, args: Mapping[str, Any]) -> tuple[Any, ...]:
        """What identifies a selection: the filter values sent."""
        return tuple(
            (f.name, _freeze(args.get(f.name))) for f in self.filters if _present(args.get(f.name))
        )

    def select(self, args: Mapping[str, Any], key: tuple[Any, ...] | None = None) -> Sequence[int]:
        """The indexes of the matching items, in the order they are served.

        Args:
            args: The request's typed parameters.
            key: ``self.key(args)``, when the caller has it already.
        """
        key = self.key(args) if key is None else key
        hit = self._cache.get(key)
        if hit is not None:
            return hit
        selected: array[int] | None = None  # None: every item, in dataset order
        sorting: dict[str, Any] = {}  # sort_by and sort_order, as sent
        for f in self.filters:
            value = args.get(f.name)
            if not _present(value):
                continue
            rule = f.rule
            if rule.op in ("sort_by", "sort_order"):
                sorting[rule.op] = value
            elif rule.op == "flags":
                for token in f.tokens(value):
                    field = (rule.flags or {}).get(token)
                    if field is None:
                        selected = array("I")
                    else:
                        selected = self.dataset.column(field).matching(_is_true, selected)
            elif rule.field is not None:
                selected = self.dataset.column(rule.field).matching(f.predicate(value), selected)
        result: Sequence[int] = range(self.dataset.size) if selected is None else selected
        if sorting:
            by = sorting.get("sort_by") or self.order_by
            result = self._sorted(result, by, sorting.get("sort_order"))
        if self._cached_items + len(result) > _CACHE_ITEMS or len(self._cache) >= 256:
            self.forget()
        self._cache[key] = result
        self._cached_items += 0 if isinstance(result, range) else len(result)
        return result

    def _sorted(self, result: Sequence[int], by: str | None, direction: Any) -> Sequence[int]:
        desc = self.order_desc if direction is None else direction == "desc"
        if by is None:
            return result
        if by == self.order_by and self.presorted:  # in this order: at most reverse it
            return result if desc == self.order_desc else result[::-1]
        # Stable: ties keep the dataset's order in both directions; None last.
        return self.dataset.column(by).order(result, descending=desc)


def _present(value: Any) -> bool:
    return value is not None and value != [] and value != ""


def _freeze(value: Any) -> Any:
    return tuple(value) if isinstance(value, list) else value
