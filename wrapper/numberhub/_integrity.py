"""Complete or told: every number once, a listing that ends, a count that adds up.

A `Ledger` follows one listing page by page, in the order pages are handed out. For
each page it runs one ordered set of checks:

1. **page size**: more items than were asked for is a ``page-size`` finding (the
   page is still read);
2. **every number once**: an item whose id was already handed out in this listing is
   dropped and counted as a ``duplicate`` finding (``strict=True``: an error);
3. **progress**: a next cursor, page token or offset already used in the listing, or
   `STALE_PAGES` pages in a row that bring no new number while saying more follow, end
   the listing with `PaginationError` (naming the kind of position, never its value).

When the listing ends by the provider's own signal, `Ledger.end` compares the numbers
delivered with the total the answers announced: a difference is a ``total`` finding
(``strict=True``: `IncompleteListingError`). `ListingReport` is what ``pager.report``
shows: pages, retries, numbers, repeats dropped, the announced total and the findings.
"""

from __future__ import annotations

from array import array
from collections.abc import Callable, Sequence
from typing import Any, Final

import attrs
from numberhub_spec import PagingPlan

from ._drift import DriftReport, Finding
from ._errors import IncompleteListingError, PaginationError, ResponseValidationError

__all__ = ["STALE_PAGES", "Ledger", "ListingReport", "SeenIds"]

#: Pages in a row that bring no new number (empty, or only numbers already handed out)
#: while the provider says more follow, before the listing stops with `PaginationError`.
STALE_PAGES: Final = 3


class SeenIds:
    """A compact set of ids: 8 bytes a slot, open addressing on the ids' 64-bit hashes.

    A million ids take 16 MiB where a ``set`` of the strings takes about 90. Two ids are
    taken for the same only when their 64-bit hashes are equal: for a million distinct
    ids, a chance of about one in 10^7 per listing.
    """

    __slots__ = ("_count", "_mask", "_table")

    def __init__(self, capacity: int = 1024) -> None:
        self._table = array("q", bytes(8 * capacity))
        self._mask = capacity - 1
        self._count = 0

    def __len__(self) -> int:
        return self._count

    def __contains__(self, key: str) -> bool:
        h = hash(key) or 1
        table, mask = self._table, self._mask
        i = h & mask
        while slot := table[i]:
            if slot == h:
                return True
            i = (i + 1) & mask
        return False

    def add(self, key: str) -> None:
        """Add ``key`` (already present: no change)."""
        self._put(hash(key) or 1)

    def _put(self, h: int) -> None:
        table, mask = self._table, self._mask
        i = h & mask
        while slot := table[i]:
            if slot == h:
                return
            i = (i + 1) & mask
        table[i] = h
        self._count += 1
        if 2 * self._count > mask:
            old = self._table
            self._table = array("q", bytes(16 * len(old)))
            self._mask = 2 * len(old) - 1
            self._count = 0
            for slot in old:
                if slot:
                    self._put(slot)


@attrs.frozen
class ListingReport:
    """What one listing did (``pager.report``); ``to_dict()`` gives it JSON-ready.

    Attributes:
        provider: The provider's name.
        ended: Whether the listing has ended (by the provider's last page, or by
            ``max_items``); until then the counts are those so far.
        complete: Whether it ended by the provider's last page (not cut by ``max_items``).
        pages: Pages fetched and read.
        retries: Requests retried after a failure, for those pages.
        delivered: Distinct numbers handed out.
        duplicates: Numbers dropped because they were handed out before.
        announced: The total the provider's answers announced (the last one given), or
            None where they tell none.
        findings: Every finding of the listing (drift from the spec, ``duplicate``,
            ``total``, ``page-size``), with counts.
    """

    provider: str
    ended: bool
    complete: bool
    pages: int
    retries: int
    delivered: int
    duplicates: int
    announced: int | None
    findings: tuple[Finding, ...]

    @property
    def missing(self) -> int:
        """How many announced numbers the completed listing did not deliver (0 if none)."""
        if not self.complete or self.announced is None:
            return 0
        return max(self.announced - self.delivered, 0)

    def to_dict(self) -> dict[str, Any]:
        """The report as JSON-ready data."""
        out = attrs.asdict(self, recurse=False)
        out["findings"] = [f.to_dict() for f in self.findings]
        out["missing"] = self.missing
        return out


Report = Callable[[Sequence[Finding], str], None]


class Ledger:
    """The checks of one listing, page after page, in order (see the module).

    Args:
        plan: The listing's paging plan.
        drift: The listing's `DriftReport` (``pager.drift``).
        id_path: The JSON path of the items' ids (``$.objects[*].number``).
        report: Counts findings in ``drift`` and warns once per client, with a note.
        invalid: Builds the `ResponseValidationError` of a page's findings (strict).
        strict: Turn repeats and shortfalls into errors.
        display: The provider's display name, for messages.
    """

    def __init__(
        self,
        plan: PagingPlan,
        drift: DriftReport,
        *,
        id_path: str = "$[*].id",
        report: Report | None = None,
        invalid: Callable[[Any, Sequence[Finding]], ResponseValidationError] | None = None,
        strict: bool = False,
        display: str = "the provider",
    ) -> None:
        self.plan = plan
        self.drift = drift
        self.id_path = id_path
        self.strict = strict
        self.display = display
        self._report = report
        self._invalid = invalid
        kind = {"offset": "offset", "page": "page"}.get(plan.style, "cursor")
        self._position = plan.name_of(kind)
        self._what = f"{kind} ({self._position})" if self._position else kind
        self._limit = plan.name_of("limit")
        self._seen = SeenIds()
        self._positions: set[int] = set()
        self._stale = 0
        self._first_size: int | None = None
        self.pages = 0
        self.retries = 0
        self.duplicates = 0
        self.announced: int | None = None
        self._announced_pages: int | None = None
        self._last: Any = None
        self.ended = False
        self.complete = False

    # --- one page ---------------------------------------------------------------------
    def admit(
        self,
        items: list[Any],
        body: Any,
        response: Any,
        sent: dict[str, Any],
        follow: Sequence[dict[str, Any]],
        *,
        more: bool,
        retries: int = 0,
        room: int | None = None,
    ) -> list[Any]:
        """The page's numbers not handed out before, once its checks pass.

        Args:
            items: The page's `PhoneNumber` objects, in order.
            body: The decoded answer.
            response: The `httpx.Response` (for errors).
            sent: The paging parameters sent for this page.
            follow: The paging parameters the answer leads to (checked against every
                position used before).
            more: Whether the listing goes on after this page.
            retries: Retries the page needed.
            room: How many more numbers ``max_items`` lets through (None: no limit).

        Raises:
            PaginationError: The listing makes no progress.
            ResponseValidationError: A repeat, under ``strict=True``.
        """
        found: list[Finding] = []
        asked = sent.get(self._limit) if self._limit else None
        if isinstance(asked, int) and len(items) > asked:
            found.append(
                Finding(self.plan.results.text, "page-size", f"at most {asked} items", "more items")
            )
        fresh, repeats = self._fresh(items)
        if repeats:
            duplicate = Finding(
                self.id_path, "duplicate", "each number once", "repeated", count=repeats
            )
            if self.strict and self._invalid is not None:
                raise self._invalid(response, [duplicate])
            found.append(duplicate)
        total, pages = self.plan.total(body), self._total_pages(body)
        self._check_progress(sent, follow, fresh, items, more, total, pages)
        # every check passed: the page is in
        if room is not None:
            del fresh[max(room, 0) :]
        for number in fresh:
            self._seen.add(number.id)
        if self._position and sent.get(self._position) is not None:
            self._positions.add(_key(sent[self._position]))
        if self._first_size is None:
            self._first_size = len(items)
        self.pages += 1
        self.retries += retries
        self.duplicates += repeats
        if total is not None:
            self.announced = total
        if pages is not None:
            self._announced_pages = pages
        self._last = response
        if found and self._report is not None:
            self._report(found, self._note(found))
        return fresh

    def fresh_count(self, page: Any) -> int:
        """How many of ``page``'s numbers would be new (nothing is recorded)."""
        return len(self._fresh(page.items)[0])

    def _fresh(self, items: list[Any]) -> tuple[list[Any], int]:
        seen, here = self._seen, set()
        fresh = []
        for number in items:
            key = number.id
            if key in here or key in seen:
                continue
            here.add(key)
            fresh.append(number)
        return fresh, len(items) - len(fresh)

    def _total_pages(self, body: Any) -> int | None:
        path = self.plan.total_pages
        value = path.get(body) if path is not None else None
        return value if isinstance(value, int) and not isinstance(value, bool) else None

    def _check_progress(
        self,
        sent: dict[str, Any],
        follow: Sequence[dict[str, Any]],
        fresh: list[Any],
        items: list[Any],
        more: bool,
        total: int | None,
        pages: int | None,
    ) -> None:
        name = self._position
        if name is not None:
            current = _key(sent.get(name))
            for params in follow:
                key = _key(params.get(name))
                if name in params and (key == current or key in self._positions):
                    raise PaginationError(
                        f"{self.display}'s next {self._what} was already used in this "
                        "listing: its paging goes round in a circle"
                    )
        stale = self._stale + 1 if more and not fresh else 0
        if stale >= STALE_PAGES:
            grew = _grew(total, self.announced) or _grew(pages, self._announced_pages)
            what = "empty pages" if not items else "pages without a number not seen before"
            raise PaginationError(
                f"{self.display} sent {stale} {what} in a row while saying more follow"
                + (" and announcing a growing total" if grew else "")
                + ": its paging makes no progress"
            )
        self._stale = stale

    # --- the end ----------------------------------------------------------------------
    def end(self, *, complete: bool) -> None:
        """The listing ended (``complete``: by the provider's last page).

        Raises:
            IncompleteListingError: Under ``strict=True``, a count other than announced.
        """
        if self.ended:
            return
        self.ended = True
        self.complete = complete
        if not complete:
            return
        delivered = len(self._seen)
        announced, low = self._expected(delivered)
        if announced is None or low <= delivered <= announced:
            return
        path = self.plan.total_items.text if self.plan.total_items is not None else "$"
        finding = Finding(
            path, "total", f"{announced} numbers, as announced", f"{delivered} delivered"
        )
        gap = announced - delivered
        note = (
            f"{self.display} announced {announced} numbers and the listing delivered "
            f"{delivered} ({abs(gap)} {'missing' if gap > 0 else 'more than announced'})"
        )
        if self.strict:
            self.drift.add([finding])
            raise IncompleteListingError(
                note + " (strict=True refuses an incomplete listing)",
                announced=announced,
                delivered=delivered,
                provider=self.drift.provider,
                status=getattr(self._last, "status_code", 200),
                body=b"",
                findings=(finding,),
                errors=(str(finding),),
                headers=getattr(self._last, "headers", None),
                response=self._last,
            )
        if self._report is not None:
            self._report([finding], note + ".")

    def _expected(self, delivered: int) -> tuple[int | None, int]:
        """The announced count and the least count that agrees with it."""
        if self.announced is not None:
            return self.announced, self.announced
        pages, size = self._announced_pages, self._first_size
        if pages is None or not size:
            return None, 0
        if pages <= 1:  # one page announced: whatever it held
            return max(delivered, 0), 0
        low, high = (pages - 1) * size + 1, pages * size
        return (low if delivered < low else high), low

    def _note(self, found: list[Finding]) -> str:
        rules = {f.rule for f in found}
        parts = []
        if "duplicate" in rules:
            parts.append(
                f"{self.display} sent numbers it had already sent in this listing; "
                "numberhub listed each once"
            )
        if "page-size" in rules:
            parts.append(f"{self.display} sent more numbers on a page than were asked for")
        return "; ".join(parts) + " (see pager.report)."

    def snapshot(self) -> ListingReport:
        """The listing so far, as `ListingReport`."""
        return ListingReport(
            provider=self.drift.provider,
            ended=self.ended,
            complete=self.complete,
            pages=self.pages,
            retries=self.retries,
            delivered=len(self._seen),
            duplicates=self.duplicates,
            announced=self.announced,
            findings=self.drift.findings,
        )


def _grew(now: int | None, before: int | None) -> bool:
    return now is not None and before is not None and now > before


def _key(value: Any) -> int:
    """A position as stored: its hash (positions can be long; only equality matters)."""
    try:
        return hash(value)
    except TypeError:
        return hash(repr(value))
