"""What numberhub's messages and logs show of a request or an answer: nothing personal.

* `log_path`: a request path with each credential segment (Plivo's ``auth_id``) replaced
  by ``REDACTED``, by the same rule as the mock's request journal: a path parameter the
  spec marks as a credential.
* `mask_numbers`: digit runs that could be phone numbers, as ``+1415•••••00``: a
  provider's own error text often quotes the number it refused.
* `hide_in_logs`: credential values that httpx's own log line (``HTTP Request: GET
  https://api.plivo.com/v1/Account/MA.../Number/``) would show, replaced there and in
  numberhub's log by ``REDACTED``, whatever handler the application has.
"""

from __future__ import annotations

import logging
import re
import threading
from collections.abc import Iterable

from numberhub_spec import REDACTED, Redactor, Spec

__all__ = ["REDACTED", "hide_in_logs", "log_path", "mask_numbers"]


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
    """The list operation's path as logged: credential segments ``REDACTED``.

    The path template, by the rule of the mock's journal (`numberhub_spec.Redactor`), so
    that a base URL with a path of its own can never shift a credential out of place.
    """
    return Redactor(spec).path(spec.operation.path, {})


_HIDDEN: set[str] = set()
_LOCK = threading.Lock()


class _Redacting(logging.Filter):
    """Replaces every credential value a client registered, in each record it sees."""

    def filter(self, record: logging.LogRecord) -> bool:
        if not _HIDDEN:
            return True
        message = record.getMessage()
        hidden = [value for value in tuple(_HIDDEN) if value in message]
        if hidden:
            for value in sorted(hidden, key=len, reverse=True):
                message = message.replace(value, REDACTED)
            record.msg, record.args = message, ()
        return True


_FILTER = _Redacting()
for _name in ("httpx", "numberhub"):
    logging.getLogger(_name).addFilter(_FILTER)


def hide_in_logs(values: Iterable[str]) -> None:
    """Keep ``values`` (a client's credentials) out of httpx's and numberhub's log records."""
    with _LOCK:
        _HIDDEN.update(v for v in values if v and len(v) >= 4)
