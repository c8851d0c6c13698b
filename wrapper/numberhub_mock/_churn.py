"""A changing inventory, as offset paging sees it: numbers added and released between pages.

With ``create_app(churn=RATE)`` (``numberhub mock --churn RATE``), the inventory of each
offset-paged provider (Plivo) changes between the pages of a listing: before every page
after the first, ``RATE`` of a page's worth of numbers (at least one) is released from
ahead of the page, then, before the next, as many are added there, and so on. The items
stay where the dataset has them; what moves is where an offset lands, as on a real
server: after a release the next page starts later (the numbers that moved up are
missed), after an addition it starts earlier (the end of the last page comes again).
A client that pages by offset then sees the real repeats and shortfalls; numberhub drops
the repeats and reports both (``pager.report``). Cursor and page-number providers are
served as they are.
"""

from __future__ import annotations

import threading
from urllib.parse import urlencode

from numberhub_spec import Spec

from ._http import Request

__all__ = ["Churn"]


class Churn:
    """Shifts the offset of each page request after the first by a share of its page.

    Args:
        rate: The share of a page (0..1) added or released before each page.

    Raises:
        ValueError: A rate outside 0..1.
    """

    def __init__(self, rate: float) -> None:
        if not 0 <= rate <= 1:
            raise ValueError("churn must be a share of a page, from 0 to 1")
        self.rate = rate
        self._pages: dict[str, int] = {}
        self._lock = threading.Lock()

    def shift(self, spec: Spec, req: Request) -> Request:
        """``req`` with its offset moved as the inventory changed since the last page."""
        plan = spec.plans[False]
        offset_name, limit_name = plan.name_of("offset"), plan.name_of("limit")
        if not self.rate or plan.style != "offset" or offset_name is None:
            return req
        query = dict(req.query)
        try:
            offset = int(query.get(offset_name, "0"))
            limit = int(query.get(limit_name or "", "0") or 20)
        except ValueError:
            return req  # the service refuses it as it is
        if offset <= 0:
            return req  # a first page: the listing starts here
        with self._lock:
            n = self._pages[spec.name] = self._pages.get(spec.name, 0) + 1
        step = max(1, round(self.rate * limit))
        moved = offset + step if n % 2 else max(offset - step, 0)  # released, then added
        pairs = [(k, str(moved) if k == offset_name else v) for k, v in req.query]
        raw = urlencode(pairs).encode()
        return Request(req.method, req.path, req.path_params, req.headers, req.body, raw)
