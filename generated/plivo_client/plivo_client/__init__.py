"""A client library for accessing Plivo — list account phone numbers"""

from .client import AuthenticatedClient, Client

__all__ = (
    "AuthenticatedClient",
    "Client",
)
