"""CSV cells a spreadsheet will not run: formula injection neutralised, as OWASP advises.

A cell that starts with ``=``, ``@``, a tab or a carriage return, or with ``+`` or ``-``
not followed by a plain number, is read by Excel, LibreOffice and Google Sheets as a
formula (``=cmd|' /C calc'!A0``, ``@SUM(1+1)``). `formula_safe` writes such a cell with a
leading ``'``; E.164 numbers (``+14155550100``) and prices stay as they are.
`unquoted` undoes it when the CSV is read back. ``--csv-raw`` turns the quoting off.
"""

from __future__ import annotations

import re

__all__ = ["formula_safe", "unquoted"]

_PLAIN_NUMBER = re.compile(r"[+-]\d+(?:\.\d+)?")
_TRIGGERS = ("=", "@", "\t", "\r", "+", "-")


def _runs(value: str) -> bool:
    if not value.startswith(_TRIGGERS):
        return False
    return not (value[0] in "+-" and _PLAIN_NUMBER.fullmatch(value))


def formula_safe(value: str) -> str:
    """``value`` with a leading ``'`` if a spreadsheet would run it as a formula."""
    return "'" + value if _runs(value) else value


def unquoted(value: str) -> str:
    """A cell written by `formula_safe`, as it was before."""
    return value[1:] if value.startswith("'") and _runs(value[1:]) else value
