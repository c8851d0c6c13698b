"""A client library for accessing DuoPlus — cloud number list"""

from .client import AuthenticatedClient, Client

__all__ = (
    "AuthenticatedClient",
    "Client",
)
