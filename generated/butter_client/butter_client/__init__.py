"""A client library for accessing Butter AI — list phone numbers"""

from .client import AuthenticatedClient, Client

__all__ = (
    "AuthenticatedClient",
    "Client",
)
