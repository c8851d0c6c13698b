"""What numberhub's messages and logs show of a request or an answer: nothing personal.

* `log_path`: a request path with each credential segment (Plivo's ``auth_id``) replaced
  by ``REDACTED``, by the same rule as the mock's request journal: a path parameter the
  spec marks as a credential.
* `mask_numbers`: digit runs that could be phone numbers, as ``+1415•••••00``: a
  provider's own error text often quotes the number it refused.
"""

from __future__ import annotations

import re

from numberhub_spec import Spec

__all__ = ["REDACTED", "log_path", "mask_numbers"]

REDACTED = "REDACTED"
"""What stands for a credential value in a log line."""

_RUN = re.compile(r"\+?\d(?:[ ().-]{0,2}\d){6,}")


def _mask(match: re.Match[str]) -> str:
    text = match.group()
    plus = "+" if text.startswith("+") else ""
    digits = re.sub(r"\D", "", text)
    return plus + digits[:4] + "•" * (len(digits) - 6) + digits[-2:]


def mask_numbers(text: str) -> str:
    """``text`` with each run of 7 or more digits masked but its first 4 and last 2."""
    return _RUN.sub(_mask, text)


def log_path(spec: Spec) -> str:
    """The list operation's path as logged: credential segments ``REDACTED``."""
    path = spec.operation.path
    for param in spec.operation.parameters:
        if param.location == "path" and param.credential:
            path = path.replace("{" + param.name + "}", REDACTED)
    return path
