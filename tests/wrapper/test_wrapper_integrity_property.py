"""A property: whatever pages a provider sends, a listing is right, ends, and says so.

Hypothesis draws scripts of pages with repeats, cycles (a cursor pointing back), gaps,
empty pages and a total that may not match. Whatever the script, the listing hands out
each id at most once, loses none of the pages it read, ends within a bounded number of
requests, and its report counts exactly the repeats of the pages it read and the
shortfall against the announced total.
"""

from __future__ import annotations

import json
import warnings

import numberhub
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lying_provider import Liar, Script, ids_of

PAGE = 5

scripts = st.lists(
    st.builds(
        Script,
        ids=st.lists(st.integers(0, 24), max_size=PAGE),
        next=st.none() | st.integers(0, 7),
    ),
    min_size=1,
    max_size=8,
)


def _served(liar: Liar) -> list[int]:
    """The page index of every request the liar answered, in order."""
    indexes = []
    for request in liar.requests:
        params = dict(request.url.params)
        if request.method == "POST":
            params = json.loads(request.content)
        indexes.append(liar._index(params)[0])
    return indexes


@pytest.mark.parametrize(
    ("provider", "concurrency"),
    [("butter", 1), ("bird", 1), ("plivo", 1), ("plivo", 3), ("duoplus", 1), ("duoplus", 3)],
)
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(pages=scripts, total=st.integers(0, 30))
def test_any_script_is_listed_once_ends_and_is_reported(
    provider: str, concurrency: int, pages: list[Script], total: int
) -> None:
    if provider in ("plivo", "duoplus"):
        for page in pages:  # offsets and page numbers only go forward
            page.next = None
    liar = Liar(provider, pages, total=total)
    got: list[str] = []
    error: BaseException | None = None
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", numberhub.DriftWarning)
        with liar.client() as client:
            pager = client.list_numbers(page_size=PAGE, concurrency=concurrency)
            try:
                got.extend(n.id for n in pager)
            except numberhub.PaginationError as exc:
                error = exc
    report = pager.report
    served = _served(liar)

    # each id at most once
    assert len(got) == len(set(got))
    # ends within a bound: each page of the script at most once, then the stale limit
    assert len(served) <= len(pages) + numberhub.STALE_PAGES + concurrency
    # nothing lost: the numbers handed out are exactly the distinct ones of the pages read
    read = [i for index in served[: report.pages] for i in _ids(pages, index)]
    assert set(got) == set(ids_of(provider, read))
    assert got == list(dict.fromkeys(ids_of(provider, read)))
    # the repeats counted are exactly those of the pages read
    assert report.duplicates == len(read) - len(set(read))
    if error is None:
        assert report.complete
        announced = total if provider != "bird" else None
        assert report.announced == announced
        told = {f.rule: f for f in pager.drift}
        if announced is not None and announced != len(got):
            assert "total" in told
            assert report.missing == max(announced - len(got), 0)
        else:
            assert "total" not in told
            assert report.missing == 0


def _ids(pages: list[Script], index: int) -> list[int]:
    return pages[index].ids if index < len(pages) else []
