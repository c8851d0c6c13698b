"""Where a spec-made profile's numbers come from: countries, kinds, the spec's type labels.

Each group is numbers of one country and phonenumbers kind (fixed, mobile, toll-free,
VoIP), labelled with the provider's own type value: the key of the mapping's type
``values`` that stands for that kind (``freephone`` for ``toll_free``). A kind the map has
no value for is left out, so that every item's type agrees with its number, unless the
type field has a value the map does not list (then that one: a reader's ``unknown``).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping

import phonenumbers
from phonenumbers import PhoneNumberType

from .._phones import Group

__all__ = ["groups_for"]

_FIXED = ("local", "fixed", "national")
# (country, phonenumbers kind, weight, numberhub types it may be labelled as, preferred first)
_DEFAULTS: tuple[tuple[str, str, float, tuple[str, ...]], ...] = (
    ("US", "fixed", 40, _FIXED),
    ("US", "tollfree", 6, ("toll_free",)),
    ("CA", "fixed", 10, _FIXED),
    ("GB", "fixed", 6, _FIXED),
    ("GB", "mobile", 10, ("mobile",)),
    ("GB", "voip", 3, ("voip",)),
    ("DE", "fixed", 8, _FIXED),
    ("FR", "fixed", 6, ("national", "local", "fixed")),
    ("FR", "voip", 2, ("voip",)),
    ("AU", "mobile", 5, ("mobile",)),
    ("NL", "mobile", 5, ("mobile",)),
    ("NL", "voip", 2, ("voip",)),
)
_KINDS = {"fixed": PhoneNumberType.FIXED_LINE, "mobile": PhoneNumberType.MOBILE}


def _label(labels: Mapping[str, str], prefer: Iterable[str]) -> str | None:
    return next((labels[t] for t in prefer if t in labels), None)


def groups_for(
    labels: Mapping[str, str], countries: list[str], unmapped: str | None = None
) -> list[Group]:
    """The number groups of a profile made from a spec.

    Args:
        labels: numberhub type -> the provider's value for it (from the mapping's type
            ``values``); empty when the spec does not map types.
        countries: The countries a filter names, if any (numbers come from those only).
        unmapped: A value of the type field that the map leaves out (Rounded's ``pstn``,
            which a reader takes as ``unknown``): the label of the kinds the map has no
            value for, instead of leaving them out.
    """
    if labels:
        groups = [
            Group(region, kind, weight, label)
            for region, kind, weight, prefer in _DEFAULTS
            if (label := _label(labels, prefer) or unmapped) is not None
        ]
    else:  # no value map: fixed, mobile and toll-free numbers, named by kind
        groups = [Group(r, k, w, k) for r, k, w, _ in _DEFAULTS if k != "voip"]
    if countries:
        groups = [*(g for g in groups if g.region in countries), *_more(labels, groups, countries)]
    if not groups:  # the map names no kind these countries have: label them all alike
        only = next(iter(labels.values()), "fixed")
        groups = [Group(r, k, w, only) for r, k, w, _ in _DEFAULTS if k != "voip"]
    return groups


def _more(labels: Mapping[str, str], groups: list[Group], countries: list[str]) -> Iterator[Group]:
    """Fixed or mobile groups for the countries the defaults do not cover."""
    for country in countries:
        if any(g.region == country for g in groups):
            continue
        for kind, number_type in _KINDS.items():
            prefer = _FIXED if kind == "fixed" else ("mobile",)
            label = _label(labels, prefer) if labels else kind
            example = phonenumbers.example_number_for_type(country, number_type)
            if label is not None and example is not None:
                yield Group(country, kind, 5, label)
                break
