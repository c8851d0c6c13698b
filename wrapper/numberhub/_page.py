"""`Page`: one page of a listing, as the pagers hand it out."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any, Generic, TypeVar

import httpx
from numberhub_spec import MISSING

from ._drift import Finding
from ._models import PhoneNumber, Raw
from ._paginator import Params

__all__ = ["Page"]

P = TypeVar("P")


class Page(Generic[P, Raw]):
    """One page of a listing.

    Attributes:
        items: The page's numbers.
        body: The answer as decoded JSON.
        response: The raw `httpx.Response` (escape hatch).
        params: The paging parameters sent for this page.
        drift: How this page differs from the spec (empty when it fits), each finding
            once per item it was seen in.
        retries: How many times its request was retried before this answer.
    """

    __slots__ = ("_parse", "_parsed", "body", "drift", "items", "params", "response", "retries")

    def __init__(
        self,
        items: list[PhoneNumber[Raw]],
        body: Any,
        response: httpx.Response,
        params: Params,
        parse: Callable[[Any], P],
        drift: tuple[Finding, ...] = (),
    ) -> None:
        self.items = items
        self.body = body
        self.response = response
        self.params = params
        self.drift = drift
        self.retries = 0
        self._parse = parse
        self._parsed: Any = MISSING

    @property
    def parsed(self) -> P:
        """The answer as the provider's generated model (built on first access)."""
        if self._parsed is MISSING:
            self._parsed = self._parse(self.body)
        parsed: P = self._parsed
        return parsed

    def __iter__(self) -> Iterator[PhoneNumber[Raw]]:
        return iter(self.items)

    def __len__(self) -> int:
        return len(self.items)

    def __repr__(self) -> str:
        return f"<Page {self.params} items={len(self.items)} status={self.response.status_code}>"
