"""Opaque page tokens: an offset and the selection it belongs to, HMAC-signed.

A forged, corrupted or foreign token is a client error (`CursorError`), never a server
error, and a token issued for some filters is refused with others.
"""

from __future__ import annotations

import base64
import hashlib
import hmac

__all__ = ["CursorError", "PageTokens"]


class CursorError(ValueError):
    """A page token or cursor that this server did not issue (or for other filters)."""


class PageTokens:
    """Issues and reads signed page tokens.

    Args:
        secret: The signing key (one per provider and seed).
    """

    __slots__ = ("_secret",)

    def __init__(self, secret: bytes) -> None:
        self._secret = secret

    def _sign(self, payload: bytes) -> bytes:
        return hmac.new(self._secret, payload, hashlib.sha256).digest()[:12]

    def encode(self, offset: int, selection_key: str) -> str:
        """The token of the page at ``offset`` of the selection ``selection_key``."""
        payload = f"{offset}:{selection_key}".encode()
        return base64.urlsafe_b64encode(payload + b"|" + self._sign(payload)).decode().rstrip("=")

    def decode(self, token: str, selection_key: str) -> int:
        """The offset ``token`` stands for.

        Raises:
            CursorError: The token was not issued here, or for another selection.
        """
        try:
            raw = base64.urlsafe_b64decode(token + "=" * (-len(token) % 4))
            payload, sig = raw[:-13], raw[-12:]
            if raw[-13:-12] != b"|" or not hmac.compare_digest(sig, self._sign(payload)):
                raise CursorError("the page token is invalid")
            offset_text, key = payload.decode().split(":", 1)
            offset = int(offset_text)
        except (ValueError, UnicodeDecodeError) as exc:
            raise CursorError("the page token is invalid") from exc
        if key != selection_key or offset < 0:
            raise CursorError("the page token does not belong to these filters")
        return offset
