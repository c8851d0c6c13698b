"""Comparing paging plans: style, where results and the end signal are, totals, inputs."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ._diff_schema import Emit
from ._plans import PagingPlan

__all__ = ["paging"]


def paging(
    emit: Emit, pa: Mapping[bool, PagingPlan], pb: Mapping[bool, PagingPlan], at: tuple[str, str]
) -> None:
    """Both paging modes: the plan, and the cursor mode when there is one."""
    ext = f"{at[0]}/x-numberhub-pagination", f"{at[1]}/x-numberhub-pagination"
    if True in pa and True not in pb:
        emit(
            "paging-cursor-mode-removed",
            f"cursor mode ({pa[True].switch}) removed",
            f"{ext[0]}/cursor_mode",
            ext[1],
        )
    elif True in pb and True not in pa:
        emit(
            "paging-cursor-mode-added",
            f"cursor mode ({pb[True].switch}) added",
            ext[0],
            f"{ext[1]}/cursor_mode",
        )
    for mode in (False, True):
        if mode in pa and mode in pb:
            _plan(emit, pa[mode], pb[mode], "cursor mode" if mode else "paging", at)


def _plan(emit: Emit, a: PagingPlan, b: PagingPlan, label: str, at: tuple[str, str]) -> None:
    fired: list[str] = []

    def say(rule: str, *args: Any) -> None:
        fired.append(rule)
        emit(rule, *args)

    sp = f"{at[0]}/x-speakeasy-pagination", f"{at[1]}/x-speakeasy-pagination"
    ours = f"{at[0]}/x-numberhub-pagination", f"{at[1]}/x-numberhub-pagination"
    if a.style != b.style:
        say(
            "paging-style-changed",
            f"{label}: {a.style} -> {b.style}",
            f"{sp[0]}/type",
            f"{sp[1]}/type",
        )
    for field in ("results", "end", "next_url", "next_cursor"):
        x, y = getattr(a, field), getattr(b, field)
        if x != y:
            key = "outputs/results" if field == "results" else field
            where = sp if field == "results" else ours
            say(
                "paging-field-changed",
                f"{label}: {field} {_show(x)} -> {_show(y)}",
                f"{where[0]}/{key}",
                f"{where[1]}/{key}",
            )
    for field in ("total_items", "total_pages"):
        x, y = getattr(a, field), getattr(b, field)
        where = f"{ours[0]}/{field}", f"{ours[1]}/{field}"
        if x is not None and y is None:
            say("paging-total-removed", f"{label}: {field} ({_show(x)}) removed", *where)
        elif x is None and y is not None:
            say("paging-total-added", f"{label}: {field} read from {_show(y)}", *where)
        elif x != y:
            say("paging-field-changed", f"{label}: {field} {_show(x)} -> {_show(y)}", *where)
    inputs = f"{sp[0]}/inputs", f"{sp[1]}/inputs"
    for kind in {**a.inputs, **b.inputs}:
        x, y = a.inputs.get(kind), b.inputs.get(kind)
        if y is None and x is not None:
            say("paging-input-removed", f"{label}: the {kind} input ({x.name}) removed", *inputs)
        elif x is None and y is not None:
            say("paging-input-added", f"{label}: a {kind} input ({y.name}) added", *inputs)
        elif x is not None and y is not None and x.name != y.name:
            say(
                "paging-input-renamed",
                f"{label}: the {kind} input {x.name} -> {y.name}",
                *inputs,
            )
    if not fired and a != b:
        say("paging-changed", f"{label}: page base, cursor or switch changed", ours[0], ours[1])


def _show(value: Any) -> str:
    text = getattr(value, "text", None)
    return str(text) if text is not None else str(value)
