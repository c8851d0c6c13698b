"""Valid phone numbers by index: a sorted space of numbering blocks checked with phonenumbers.

A *block* is a number minus its last four digits, checked valid (for its country and type)
with phonenumbers at start-up. The blocks of all groups, sorted as E.164 strings, form one
space of ``len(blocks) * 10_000`` slots. Slot ``v`` is block ``v // 10_000`` with suffix
``v % 10_000``: different slots are different numbers, and ascending slots are ascending
E.164 strings, which lets a dataset serve numbers in order without sorting them.
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass

import phonenumbers
from phonenumbers import PhoneNumberType

__all__ = ["Block", "Group", "NumberSpace"]

SUFFIX = 10_000

_TYPES = {
    "fixed": PhoneNumberType.FIXED_LINE,
    "mobile": PhoneNumberType.MOBILE,
    "tollfree": PhoneNumberType.TOLL_FREE,
    "voip": PhoneNumberType.VOIP,
}
_ACCEPTED = {
    "fixed": {PhoneNumberType.FIXED_LINE, PhoneNumberType.FIXED_LINE_OR_MOBILE},
    "mobile": {PhoneNumberType.MOBILE, PhoneNumberType.FIXED_LINE_OR_MOBILE},
    "tollfree": {PhoneNumberType.TOLL_FREE},
    "voip": {PhoneNumberType.VOIP},
}
# How many leading digits of phonenumbers' example number a block keeps (the range).
_KEEP = {"fixed": 1, "mobile": 2, "tollfree": 3, "voip": 3}


@dataclass(frozen=True, slots=True)
class Group:
    """Numbers of one country and kind, with a share of the dataset.

    Attributes:
        region: ISO 3166-1 alpha-2 country.
        kind: ``fixed``, ``mobile``, ``tollfree`` or ``voip`` (phonenumbers' types).
        weight: Relative share of the dataset.
        label: The provider's own name for the type (``local``, ``toll-free``, ...).
    """

    region: str
    kind: str
    weight: float
    label: str


@dataclass(frozen=True, slots=True)
class Block:
    """Ten thousand consecutive valid numbers of one group.

    Attributes:
        prefix: E.164 with "+", without the last four digits.
        group: The group it was drawn for.
        place: phonenumbers' geographic description ("" when none or not asked for).
        region: The country of its numbers as phonenumbers reads them
            (``region_code_for_number``): what every country field of an item says.
    """

    prefix: str
    group: Group
    place: str
    region: str


def _valid(e164: str, group: Group) -> bool:
    num = phonenumbers.parse(e164)  # digits after a country code: parses
    return (
        phonenumbers.is_valid_number(num)
        and phonenumbers.number_type(num) in _ACCEPTED[group.kind]
        and phonenumbers.region_code_for_number(num) == group.region
    )


def _region(e164: str) -> str:
    return str(phonenumbers.region_code_for_number(phonenumbers.parse(e164)))


def _place(e164: str) -> str:
    # phonenumbers' geocoder loads ~1 s of data: imported only by the profiles that use it.
    from phonenumbers import geocoder

    return str(geocoder.description_for_number(phonenumbers.parse(e164), "en"))


def _blocks_for(group: Group, count: int, rng: random.Random, places: bool) -> list[Block]:
    example = phonenumbers.example_number_for_type(group.region, _TYPES[group.kind])
    if example is None:
        raise ValueError(f"phonenumbers has no {group.kind} example for {group.region}")
    cc = f"+{example.country_code}"
    national = str(example.national_number)
    keep = _KEEP[group.kind]
    free = len(national) - 4 - keep
    found: dict[str, Block] = {}
    for _attempt in range(count * 60):
        if len(found) >= count:
            break
        middle = "".join(str(rng.randrange(10)) for _ in range(max(free, 0)))
        prefix = cc + national[:keep] + middle
        if prefix in found:
            continue
        if all(_valid(f"{prefix}{s:04d}", group) for s in (0, 4321, 9999)):
            place = _place(prefix + "1234") if places else ""
            found[prefix] = Block(prefix, group, place, _region(prefix + "1234"))
    if not found:  # the example itself is always valid
        prefix = cc + national[:-4]
        found[prefix] = Block(prefix, group, "", _region(prefix + national[-4:]))
    return list(found.values())


class NumberSpace:
    """Sorted, validated numbering blocks for a set of groups.

    Args:
        groups: The countries and kinds, with their weights.
        items: How many distinct numbers will be drawn (sizes the space).
        seed: Makes the blocks reproducible.
        places: Look up each block's place name (slow to load the first time).
    """

    def __init__(self, groups: list[Group], items: int, seed: int, *, places: bool = False) -> None:
        rng = random.Random(seed)
        total = max(24, math.ceil(3 * items / SUFFIX))
        weight = sum(g.weight for g in groups)
        blocks: list[Block] = []
        for group in groups:
            blocks += _blocks_for(group, max(1, round(total * group.weight / weight)), rng, places)
        blocks.sort(key=lambda b: b.prefix)
        # A prefix that begins another one would break the "slots ascend as strings" rule.
        self.blocks = [
            b
            for i, b in enumerate(blocks)
            if i == 0 or not b.prefix.startswith(blocks[i - 1].prefix)
        ]
        self.slots = len(self.blocks) * SUFFIX

    def number(self, slot: int) -> tuple[str, Block]:
        """The E.164 number in ``slot`` (0 <= slot < ``self.slots``) and its block."""
        block = self.blocks[slot // SUFFIX]
        return f"{block.prefix}{slot % SUFFIX:04d}", block
