"""What a provider module supplies: credentials, auth, and how to normalise one item.

Everything about requests, paging, retries and errors comes from the provider's spec;
a provider module holds only what a spec cannot say.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from decimal import Decimal, InvalidOperation
from typing import Any, ClassVar

from .._auth import SecretAuth
from .._models import Capabilities, Money, NumberType
from .._specs import load_spec

__all__ = ["Credential", "Provider", "parse_datetime", "text", "to_decimal"]


class Credential:
    """One constructor argument that may come from an environment variable.

    Attributes:
        name: The keyword argument (``auth_token``).
        env: The environment variable read when the argument is not given.
        secret: Whether the value must never be shown.
    """

    __slots__ = ("env", "name", "secret")

    def __init__(self, name: str, env: str, *, secret: bool) -> None:
        self.name = name
        self.env = env
        self.secret = secret

    def __repr__(self) -> str:
        return f"Credential({self.name!r}, env={self.env!r})"


class Provider:
    """The per-provider knowledge the wrapper needs beyond the spec.

    Subclasses set the class attributes and override the normalisation methods whose
    default (unknown / None) does not fit. Methods take the item as decoded JSON, which
    may differ from the spec: they check each value's type and give None (``unknown``)
    for a value they cannot use, never a guess.
    """

    #: The spec's name for the provider (``x-numberhub-provider.name``).
    name: ClassVar[str]
    #: Constructor arguments that are credentials, in order.
    credentials: ClassVar[tuple[Credential, ...]]
    #: Python keyword -> spec name, for spec names that are not snake_case.
    aliases: ClassVar[Mapping[str, str]] = {}
    #: Path parameter (spec name) -> the credential that supplies it (a tenant id).
    path_credentials: ClassVar[Mapping[str, str]] = {}
    #: The generated model of a successful answer (``from_dict`` is used).
    page_model: ClassVar[Any]
    #: The item's field holding its id: an item without it cannot be listed.
    id_field: ClassVar[str] = "id"

    @property
    def display_name(self) -> str:
        """The provider's display name from its spec."""
        return str(load_spec(self.name)["info"]["x-numberhub-provider"]["display_name"])

    @property
    def ownership(self) -> str:
        """``owned`` or ``available``, from the spec."""
        return str(load_spec(self.name)["info"]["x-numberhub-provider"]["lists"])

    # --- requests -------------------------------------------------------------------
    def auth(self, creds: Mapping[str, str]) -> SecretAuth:
        """The `httpx.Auth` for these credentials."""
        raise NotImplementedError

    def path_params(self, creds: Mapping[str, str]) -> dict[str, str]:
        """Values of the operation's path parameters (tenant ids taken from credentials)."""
        return {spec: creds[cred] for spec, cred in self.path_credentials.items()}

    def error_message(self, body: Any) -> str | None:
        """The provider's own explanation in an error body."""
        if isinstance(body, dict):
            message = body.get("message") or body.get("error")
            if isinstance(message, dict):
                message = message.get("message")
            if isinstance(message, str):
                return message
        return None

    # --- normalisation ---------------------------------------------------------------
    def item_id(self, item: dict[str, Any]) -> str | None:
        """The provider's id of the item (``id_field``), or None when it has none."""
        value = item.get(self.id_field)
        kind = type(value)  # exact types: this runs for every item listed
        if kind is str:
            return value or None
        return str(value) if kind is int else None

    def number_text(self, item: dict[str, Any]) -> tuple[str | None, str | None]:
        """The number as the provider writes it, and a region to read it in (or None)."""
        raise NotImplementedError

    def country(self, item: dict[str, Any]) -> str | None:
        """The ISO alpha-2 country the provider gives, if any."""
        return None

    def number_type(self, item: dict[str, Any]) -> NumberType:
        """The unified number type."""
        return "unknown"

    def capabilities(self, item: dict[str, Any]) -> Capabilities:
        """What the number can do."""
        return Capabilities()

    def status(self, item: dict[str, Any]) -> str | None:
        """The provider's status, lower case."""
        return None

    def monthly_price(self, item: dict[str, Any]) -> Money | None:
        """The monthly rent."""
        return None

    def created_at(self, item: dict[str, Any]) -> datetime.datetime | None:
        """When the number was added, timezone-aware."""
        return None

    def raw_item(self, item: dict[str, Any]) -> Any:
        """The item as its generated model."""
        raise NotImplementedError

    def __repr__(self) -> str:
        return f"<provider {self.name}>"


def parse_datetime(value: Any, *, tz: datetime.tzinfo = datetime.UTC) -> datetime.datetime | None:
    """An ISO 8601 date or date-time as an aware datetime (``tz`` when it has no offset)."""
    if not isinstance(value, str) or not value:
        return None
    try:
        parsed = datetime.datetime.fromisoformat(value)
    except ValueError:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=tz)


def to_decimal(value: Any) -> Decimal | None:
    """A decimal string (``"0.80000"``) or an integer as a finite Decimal, or None."""
    if isinstance(value, bool) or not isinstance(value, str | int):
        return None
    try:
        amount = Decimal(value)
    except InvalidOperation:
        return None
    return amount if amount.is_finite() else None


def text(value: Any) -> str | None:
    """A non-empty string, or None."""
    return value if isinstance(value, str) and value else None
