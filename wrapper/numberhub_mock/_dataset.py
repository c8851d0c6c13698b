"""A provider's dataset: items made on demand by index, with cached columns and JSON rows."""

from __future__ import annotations

import copy
import os
from collections.abc import Callable, Mapping, Sequence
from typing import Any

import numberhub_spec
import orjson

from ._columns import Column, build_column
from ._credentials import resolve_credentials
from .profiles import Profile, profile_for

__all__ = ["DEFAULT_SIZE", "Dataset", "dataset", "dig", "size_for"]

DEFAULT_SIZE = 250
"""Items per provider when no size is given."""

_ROW_CACHE_LIMIT = 200_000


def size_for(provider: str, size: int | Mapping[str, int] | None) -> int:
    """The dataset size of ``provider`` from an int, a per-provider mapping or None."""
    if size is None:
        return DEFAULT_SIZE
    value = size if isinstance(size, int) else size.get(provider, DEFAULT_SIZE)
    if value < 0:
        raise ValueError(f"dataset size must be >= 0, not {value}")
    return value


def dig(item: Any, path: str) -> Any:
    """The (dotted) field ``path`` of ``item``; None where it has none."""
    for part in path.split("."):
        if not isinstance(item, dict):
            return None
        item = item.get(part)
    return item


class Dataset:
    """The items of one provider for a seed and size, in the provider's server order.

    Args:
        provider: The provider key.
        seed: The seed; the same seed and size give the same items.
        size: How many items.
        credentials: The provider's credentials (some items embed the account id).
        specs_dir: Where the provider's spec is (default ``numberhub_spec.specs_dir()``).
        items: A team's own items (already checked, see ``team_items``), served as given
            in place of generated ones; ``size`` is then their number.

    Raises:
        LookupError: There is no spec for ``provider``.
    """

    def __init__(
        self,
        provider: str,
        seed: int,
        size: int,
        credentials: Mapping[str, str],
        specs_dir: str | os.PathLike[str] | None = None,
        items: Sequence[Mapping[str, Any]] | None = None,
    ) -> None:
        self.seed = seed
        self.given = None if items is None else [dict(item) for item in items]
        self.size = size if self.given is None else len(self.given)
        profile_cls = profile_for(numberhub_spec.load(provider, specs_dir))
        self.profile: Profile = profile_cls(seed, self.size, credentials)
        # A team's items are read as they are: no generated sort keys.
        self._sort_keys = self.profile.sort_keys() if self.given is None else {}
        self._columns: dict[str, Column] = {}
        self._rows: dict[tuple[int, str | None], bytes] = {}

    def item(self, i: int, variant: str | None = None) -> dict[str, Any]:
        """Item ``i`` (0-based, server order)."""
        if not 0 <= i < self.size:
            raise IndexError(i)
        if self.given is not None:
            return copy.deepcopy(self.given[i])
        return self.profile.make(i, variant)

    def items(self, variant: str | None = None) -> list[dict[str, Any]]:
        """Every item, in server order."""
        return [self.item(i, variant) for i in range(self.size)]

    def getter(self, path: str) -> Callable[[int], Any]:
        """A function from index to the (dotted) field ``path`` of that item."""
        if self.given is None:
            return self.profile.getter(path)
        given = self.given
        return lambda i: dig(given[i], path)

    def column(self, path: str) -> Column:
        """Field ``path`` of every item, for filters and sorting (made once, then cached)."""
        col = self._columns.get(path)
        if col is None:
            col = self._columns[path] = build_column(
                self.size, self.profile.rand.bulk, self.getter(path), self._sort_keys.get(path)
            )
        return col

    def rows(self, indices: Sequence[int], variant: str | None = None) -> list[bytes]:
        """The JSON serialization of the items at ``indices`` (cached)."""
        cache = self._rows
        out: list[bytes] = []
        for i in indices:
            key = (i, variant)
            row = cache.get(key)
            if row is None:
                if len(cache) >= _ROW_CACHE_LIMIT:
                    cache.clear()
                made = self.given[i] if self.given is not None else self.profile.make(i, variant)
                row = cache[key] = orjson.dumps(made)
            out.append(row)
        return out


def dataset(
    provider: str,
    *,
    seed: int = 0,
    size: int | None = None,
    credentials: Mapping[str, str] | None = None,
    variant: str | None = None,
    specs_dir: str | os.PathLike[str] | None = None,
) -> list[dict[str, Any]]:
    """The items the mock serves for ``provider``, in server order: the ground truth.

    Args:
        provider: A provider key (``numberhub_spec.provider_names()``).
        seed: The mock's seed.
        size: The mock's dataset size for this provider (default ``DEFAULT_SIZE``).
        credentials: The provider's credentials when not the defaults (or env vars).
        variant: The variant header's value (DuoPlus's ``Lang``); None for the default.
        specs_dir: The mock's specs folder, when not the default.

    Returns:
        The items exactly as the mock serves them, unfiltered, in the provider's order.
    """
    known = numberhub_spec.provider_names(specs_dir)
    if provider not in known:
        raise LookupError(f"unknown provider {provider!r}; known: {', '.join(known)}")
    creds = resolve_credentials(
        (provider,), {provider: dict(credentials)} if credentials else None, specs_dir=specs_dir
    )
    ds = Dataset(provider, seed, size_for(provider, size), creds[provider], specs_dir)
    return ds.items(variant)
