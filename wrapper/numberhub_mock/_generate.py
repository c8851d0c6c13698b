r"""Strings that match a JSON-schema ``pattern``, drawn from a seeded ``random.Random``.

Walks the pattern as Python's own regex parser reads it (the same approach as
Hypothesis's ``from_regex``): literals, classes, ranges, ``\d \w \s``, groups,
alternatives and repeats. Unbounded repeats stay short. The caller checks the result
with the schema's validator: a pattern this cannot honour (look-arounds, back
references) gives a string that does not match, never an error.
"""

from __future__ import annotations

import importlib
import random
import re
import string
from typing import Any

# The regex parser of the standard library (``re._parser`` since 3.11; typeshed has no
# stubs for it under that name).
sre_parse: Any = importlib.import_module("re._parser")

__all__ = ["from_pattern", "known_values"]

_CATEGORIES = {
    "CATEGORY_DIGIT": string.digits,
    "CATEGORY_WORD": string.ascii_letters + string.digits + "_",
    "CATEGORY_SPACE": " ",
    "CATEGORY_NOT_DIGIT": string.ascii_letters,
    "CATEGORY_NOT_WORD": "-.",
    "CATEGORY_NOT_SPACE": string.ascii_letters + string.digits,
}
_PRINTABLE = string.ascii_letters + string.digits + "-_."
_EXTRA_REPEATS = 3


def from_pattern(pattern: str, rnd: random.Random) -> str:
    """A string matching ``pattern`` (when the pattern is simple enough)."""
    try:
        parsed = sre_parse.parse(pattern)
    except re.error:
        return ""
    return _emit(list(parsed), rnd)


def _class_chars(items: list[tuple[Any, Any]]) -> str:
    chars: list[str] = []
    negate = False
    for op, arg in items:
        name = str(op)
        if name == "NEGATE":
            negate = True
        elif name == "LITERAL":
            chars.append(chr(arg))
        elif name == "RANGE":
            lo, hi = arg
            chars.extend(chr(c) for c in range(lo, min(hi, lo + 95) + 1))
        elif name == "CATEGORY":
            chars.extend(_CATEGORIES.get(str(arg), ""))
    if negate:
        return "".join(c for c in _PRINTABLE if c not in chars) or "x"
    return "".join(chars) or "x"


def _emit(items: list[tuple[Any, Any]], rnd: random.Random) -> str:
    out: list[str] = []
    for op, arg in items:
        name = str(op)
        if name == "LITERAL":
            out.append(chr(arg))
        elif name == "NOT_LITERAL":
            out.append(rnd.choice([c for c in _PRINTABLE if ord(c) != arg]))
        elif name == "ANY":
            out.append(rnd.choice(_PRINTABLE))
        elif name == "IN":
            out.append(rnd.choice(_class_chars(list(arg))))
        elif name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"):
            low, high, sub = arg
            high = min(high, low + _EXTRA_REPEATS)
            out.extend(_emit(list(sub), rnd) for _ in range(rnd.randint(low, high)))
        elif name in ("SUBPATTERN", "ATOMIC_GROUP"):
            out.append(_emit(list(arg[-1] if name == "SUBPATTERN" else arg), rnd))
        elif name == "BRANCH":
            out.append(_emit(list(rnd.choice(arg[1])), rnd))
        # AT (anchors) emit nothing; look-arounds and back references are not honoured.
    return "".join(out)


_KNOWN = re.compile(r"known values?\s*(?:are|include)?\s*:\s*(.+?)(?:\.(?:\s|$)|$)", re.I | re.S)


def known_values(description: str | None) -> list[str]:
    """The values an open enum's description lists ("Open enum. Known values: a, b.")."""
    m = _KNOWN.search(description or "")
    if m is None:
        return []
    text = re.sub(r"\s+(?:and|or)\s+", ",", m.group(1))
    values = [v.strip().strip("`'\"") for v in text.split(",")]
    return [v for v in values if v and " " not in v]
