"""Per-provider data profiles: realistic items by index, in each provider's server order.

The five providers have hand-written profiles; any other spec gets a ``SchemaProfile``
made from the spec alone (``profile_for``).
"""

from __future__ import annotations

import os

from numberhub_mock._specdoc import load_spec, operation
from numberhub_mock.profiles._base import Profile
from numberhub_mock.profiles.bird import BirdProfile
from numberhub_mock.profiles.butter import ButterProfile
from numberhub_mock.profiles.duoplus import DuoPlusProfile
from numberhub_mock.profiles.plivo import PlivoProfile
from numberhub_mock.profiles.rounded import RoundedProfile
from numberhub_mock.profiles.schema import SchemaProfile, schema_profile

__all__ = ["PROFILES", "Profile", "SchemaProfile", "profile_for"]

PROFILES: dict[str, type[Profile]] = {
    p.provider: p
    for p in (BirdProfile, ButterProfile, DuoPlusProfile, PlivoProfile, RoundedProfile)
}
"""The hand-written profiles, by provider."""

_MADE: dict[tuple[str, int], type[Profile]] = {}


def profile_for(provider: str, specs_dir: str | os.PathLike[str] | None = None) -> type[Profile]:
    """The profile of ``provider``: its hand-written one, else one made from its spec.

    Raises:
        LookupError: There is no spec for ``provider`` (in ``specs_dir``).
    """
    doc = load_spec(provider, specs_dir)
    hand_written = PROFILES.get(provider)
    if hand_written is not None:
        return hand_written
    key = (provider, id(doc))  # parsed specs live as long as the process: ids stay unique
    made = _MADE.get(key)
    if made is None:
        made = _MADE[key] = schema_profile(provider, doc, operation(provider, specs_dir))
    return made
