"""Items by index for each provider: one engine (`Profile`) read from the spec model.

Each shipped provider has a `Realism` table beside its spec (``REALISM``) for what the
spec cannot say; any other spec is served from the spec alone (``profile_for``).
"""

from __future__ import annotations

import functools

from numberhub_spec import Spec

from . import bird, butter, duoplus, plivo, rounded
from ._realism import OMIT, Item, Realism
from .profile import Profile, profile_class

__all__ = ["OMIT", "REALISM", "Item", "Profile", "Realism", "profile_for"]

REALISM: dict[str, Realism] = {
    module.__name__.rpartition(".")[2]: module.REALISM
    for module in (bird, butter, duoplus, plivo, rounded)
}
"""The shipped providers' realism tables, by provider (each module is named after its provider)."""


@functools.cache  # one class per spec (a spec is one object per version of its file)
def profile_for(spec: Spec) -> type[Profile]:
    """The profile class of ``spec``'s provider, with its realism table if it has one."""
    return profile_class(spec, REALISM.get(spec.name, Realism()))
