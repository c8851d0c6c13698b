"""Per-provider data profiles: realistic items by index, in each provider's server order."""

from __future__ import annotations

from numberhub.mock.profiles._base import Profile, Rand, TimeLine
from numberhub.mock.profiles.bird import BirdProfile
from numberhub.mock.profiles.butter import ButterProfile
from numberhub.mock.profiles.duoplus import DuoPlusProfile
from numberhub.mock.profiles.plivo import PlivoProfile
from numberhub.mock.profiles.rounded import RoundedProfile

__all__ = ["PROFILES", "Profile", "Rand", "TimeLine"]

PROFILES: dict[str, type[Profile]] = {
    p.provider: p
    for p in (BirdProfile, ButterProfile, DuoPlusProfile, PlivoProfile, RoundedProfile)
}
