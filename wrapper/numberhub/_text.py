r"""Text from a provider made safe to print: no control character reaches a terminal.

An id, a name or an error message is the provider's to choose, and one that carries an
escape sequence could retitle a window, hide a line or plant a hyperlink. `safe_text`
replaces every control character (C0, DEL, C1) and bidirectional override with a visible
stand-in: ``ESC`` becomes ``␛``, a C1 or bidi character its ``\\u`` escape.
"""

from __future__ import annotations

import re

__all__ = ["safe_text"]

_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def _visible(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code < 0x20:
        return chr(0x2400 + code)  # the Control Pictures block: ␀ ... ␟
    if code == 0x7F:
        return "\u2421"  # ␡
    return f"\\u{code:04x}"


def safe_text(text: str) -> str:
    """``text`` with each control character replaced by a visible stand-in."""
    if _CONTROL.search(text) is None:
        return text
    return _CONTROL.sub(_visible, text)
