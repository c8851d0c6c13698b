"""Per-provider data profiles: realistic items by index, in each provider's server order.

The five providers have hand-written profiles; any other spec gets a ``SchemaProfile``
made from the spec alone (``profile_for``).
"""

from __future__ import annotations

import functools

from numberhub_spec import Spec

from ._base import Profile
from .bird import BirdProfile
from .butter import ButterProfile
from .duoplus import DuoPlusProfile
from .plivo import PlivoProfile
from .rounded import RoundedProfile
from .schema import SchemaProfile, schema_profile

__all__ = ["PROFILES", "Profile", "SchemaProfile", "profile_for"]

PROFILES: dict[str, type[Profile]] = {
    p.provider: p
    for p in (BirdProfile, ButterProfile, DuoPlusProfile, PlivoProfile, RoundedProfile)
}
"""The hand-written profiles, by provider."""


@functools.cache  # one class per spec (a spec is one object per version of its file)
def _made(spec: Spec) -> type[Profile]:
    return schema_profile(spec)


def profile_for(spec: Spec) -> type[Profile]:
    """The profile of ``spec``'s provider: its hand-written one, else one made from the spec."""
    return PROFILES.get(spec.name) or _made(spec)
