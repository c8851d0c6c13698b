"""DuoPlus: times that are Unix seconds, where the mapping expects GMT+08:00 text.

DuoPlus writes ``created_at`` as ``"YYYY-MM-DD HH:MM:SS"`` in GMT+08:00 (the mapping's
``timezone`` says so), but some of its endpoints answer the same fields as Unix seconds
in a string (``"1849316235"``): a mapping cannot tell the two apart.
"""

from __future__ import annotations

import datetime
import re
from typing import Any

from .._normalize import Normalizer

__all__ = ["DuoPlusNormalizer"]

_UNIX = re.compile(r"[0-9]{9,10}")  # seconds since 1970: 2001-09-09 to 2286


class DuoPlusNormalizer(Normalizer):
    """DuoPlus's items: the mapping, and Unix-seconds times."""

    def created_at(self, item: dict[str, Any]) -> datetime.datetime | None:
        """``created_at`` in GMT+08:00, or Unix seconds."""
        value = item.get("created_at")
        if isinstance(value, str) and _UNIX.fullmatch(value):
            return datetime.datetime.fromtimestamp(int(value), datetime.UTC)
        return super().created_at(item)
