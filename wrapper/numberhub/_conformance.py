"""A conformance probe: how far a provider's real answers are from its spec.

`probe` lists up to a few pages through a client in conformance mode: every answer is
checked (status, media type, body, fields the spec does not list, error answers too), and
nothing stops at the first difference unless the page structure itself breaks. The
result counts what was read and lists each `Finding` once with its count. It holds no
value from any answer, so it can be printed, logged or uploaded as it is.
"""

from __future__ import annotations

from typing import Any

import attrs

from ._client import AsyncClient, SyncClient
from ._drift import DriftReport, Finding
from ._errors import ResponseValidationError

__all__ = ["Conformance", "probe"]


@attrs.frozen
class Conformance:
    """What a probe of one provider found.

    Attributes:
        provider: The provider's name.
        pages: Answers read as pages (a page whose structure broke included).
        items: Items read.
        findings: Every difference from the spec, once per path, rule, expectation and
            type seen, with its count.
        stopped: Why the probe stopped early, when a page's structure broke (paging
            cannot go on), else None.
    """

    provider: str
    pages: int
    items: int
    findings: tuple[Finding, ...]
    stopped: str | None = None

    @property
    def conforms(self) -> bool:
        """Whether every answer fitted the spec."""
        return not self.findings

    def to_dict(self) -> dict[str, Any]:
        """``{"provider", "pages", "items", "findings": [...]}``, JSON-ready."""
        return {
            "provider": self.provider,
            "pages": self.pages,
            "items": self.items,
            "findings": [f.to_dict() for f in self.findings],
        }


def _conformance_mode(client: SyncClient[Any] | AsyncClient[Any]) -> None:
    reader = client._core.reader
    reader.conformance = True
    reader.strict = False


def probe(client: SyncClient[Any], *, max_pages: int = 5, **filters: Any) -> Conformance:
    """Read up to ``max_pages`` pages through ``client`` and report how they fit the spec.

    The client keeps its rate limit and retries; retried error answers are checked too.
    It is switched to conformance mode for good (its later listings report undocumented
    fields as well).

    Args:
        client: A sync client (``numberhub.client(name, ...)``).
        max_pages: The most pages to read (>= 1).
        **filters: Filters for ``list_numbers``.

    Raises:
        APIError, APIConnectionError: The provider refused or could not be reached (after
            retries), as ``list_numbers`` raises them.
    """
    if max_pages < 1:
        raise ValueError("max_pages must be >= 1")
    _conformance_mode(client)
    pager = client.list_numbers(concurrency=1, **filters)  # page by page, max_pages at most
    drift: DriftReport = pager.drift
    pages = items = 0
    stopped = None
    try:
        for page in pager.pages():
            pages += 1
            items += len(page)
            if pages >= max_pages:
                break
    except ResponseValidationError as exc:
        pages += 1
        drift.add(exc.findings)
        stopped = "the page structure does not fit the spec: paging cannot go on"
    return Conformance(client.provider.name, pages, items, drift.findings, stopped)
