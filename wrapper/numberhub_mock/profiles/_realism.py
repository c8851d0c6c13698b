"""What the spec cannot say about a provider's data: its override table, and the item view.

The one data engine (`Profile`) makes every field from the spec model. Where a
provider's real data follows rules its spec does not state (which countries and number
types it sells, its prices, a SIP number having no E.164, 10DLC only on US local
numbers), a `Realism` table beside the spec says so: field (dotted) -> a constant, or a
rule ``(item) -> value`` over an `Item` view. The engine still builds the field's node
from the schema and checks the rule's values against the schema when it starts.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeVar

from .._phones import Block, Group
from ._numbers import Numbers
from ._rand import pick_of
from ._timeline import TIME_START

__all__ = ["OMIT", "Item", "Realism", "Rule"]

T = TypeVar("T")


class _Omit:
    def __repr__(self) -> str:
        return "OMIT"


OMIT: Any = _Omit()
"""A rule's value for a key the item leaves out (Rounded's SIP numbers have no agent)."""

Rule = Callable[["Item"], Any]
"""A field's value for one item."""


@dataclass(frozen=True)
class Realism:
    """One provider's data as its spec cannot say it (every part optional).

    Attributes:
        groups: The countries and kinds of number it serves, with shares and its own type
            labels (default: read from the spec's type map and country filters).
        since: The earliest instant of the time line its order follows (default: 2022).
        places: Whether items name their number's place (loads phonenumbers' geocoder).
        variants: Values of the page shape's variant header that change the items' text.
        fields: Field (dotted) -> a constant or a `Rule`; the rest comes from the spec.
        hidden: Columns that filters read but items do not carry (Bird's ``testing``).
        sort_keys: Field -> a rule ordering items as the field's values do, cheaper to
            compare (seconds for a formatted time).
    """

    groups: Sequence[Group] = ()
    since: dt.datetime = TIME_START
    places: bool = False
    variants: tuple[str, ...] = ()
    fields: Mapping[str, Any] = field(default_factory=dict)
    hidden: Mapping[str, Rule] = field(default_factory=dict)
    sort_keys: Mapping[str, Rule] = field(default_factory=dict)


class Item:
    """One item as a rule sees it: its index, number, draws, time and other fields.

    Draws are keyed by purpose, so a rule's values do not depend on which other fields
    exist. Fields and the number's block are computed once per item.
    """

    __slots__ = ("_block", "_fields", "i", "profile", "rand", "variant")

    def __init__(self, profile: Numbers, i: int, variant: str | None) -> None:
        self.profile = profile
        self.rand = profile.rand
        self.i = i
        self.variant = variant
        self._block: Block | None = None
        self._fields: dict[str, Any] | None = None

    @property
    def block(self) -> Block:
        """The numbering block of the item's number: country, kind, label, place."""
        # Not functools.cached_property: on Python 3.11 it takes a lock on every read.
        block = self._block
        if block is None:
            block = self._block = self.profile.block(self.i)
        return block

    @property
    def e164(self) -> str:
        """The item's number (E.164), distinct per item."""
        return self.profile.phone(self.i)[0]

    @property
    def size(self) -> int:
        """How many items the dataset has."""
        return self.profile.size

    @property
    def credentials(self) -> Mapping[str, str]:
        """The provider's credentials (items may embed the account id)."""
        return self.profile.credentials

    @property
    def time(self) -> dt.datetime:
        """The item's instant on the order's time line."""
        return self.profile.order_timeline.at(self.i)

    @property
    def seconds(self) -> int:
        """Whole seconds from the time line's start to the item's instant."""
        return self.profile.order_timeline.offset(self.i)

    def bits(self, purpose: str) -> int:
        """64 random bits for ``purpose``."""
        return self.rand.bits(self.i, purpose)

    def chance(self, purpose: str, p: float) -> bool:
        """True with probability ``p``."""
        return self.rand.chance(self.i, purpose, p)

    def pick(self, purpose: str, options: Sequence[T], weights: Sequence[float] | None = None) -> T:
        """One of ``options``, by ``weights`` when given."""
        return pick_of(self.rand.bits(self.i, purpose), options, weights)

    def hex(self, purpose: str, digits: int) -> str:
        """``digits`` lower-case hex digits."""
        return self.rand.hex(self.i, purpose, digits)

    def uuid(self, purpose: str) -> str:
        """A random-looking (version 4) UUID."""
        return self.rand.uuid(self.i, purpose)

    def unique(self, purpose: str, n: int) -> int:
        """A number in ``[0, n)`` that no other item has (a fixed shuffle, ``n >= size``)."""
        return self.profile.shuffled(self.i, purpose, n)

    def __getitem__(self, path: str) -> Any:
        """The item's value of another (dotted) field; None where it is absent."""
        memo = self._fields
        if memo is None:
            memo = self._fields = {}
        if path not in memo:
            memo[path] = self.profile.getter(path, self.variant)(self.i)
        return memo[path]
