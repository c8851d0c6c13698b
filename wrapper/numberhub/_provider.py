"""`Provider`: what a client knows of one provider, made from its spec alone.

Credentials, auth, the tenant ids that go into the path, the normaliser of its items and
its generated page model all follow from the spec (`numberhub_spec.Spec`); a module in
``numberhub/providers/`` adds only what a spec cannot say (see `QUIRKS` there).
"""

from __future__ import annotations

import functools
import importlib
import os
from collections.abc import Mapping
from typing import Any

from numberhub_spec import CredentialSpec, Spec, load

from ._auth import SecretAuth, auth_for
from ._errors import MissingCredentialsError
from ._normalize import Normalizer
from .providers import QUIRKS

__all__ = ["Provider", "provider"]


class Provider:
    """One provider as a client sees it.

    Attributes:
        spec: Its spec.
        name: Its key (``plivo``).
        display_name: Its name for people.
        ownership: ``owned`` or ``available``.
        credentials: What a client must be given, in order.
        normalizer: How its items become `PhoneNumber` fields.
    """

    def __init__(self, spec: Spec, normalizer: Normalizer) -> None:
        self.spec = spec
        self.name = spec.name
        self.display_name = spec.display_name
        self.ownership = spec.lists
        self.credentials: tuple[CredentialSpec, ...] = spec.credentials
        self.normalizer = normalizer

    def credentials_from(self, given: Mapping[str, str | None]) -> dict[str, str]:
        """Each credential from ``given``, else from its environment variable.

        Raises:
            MissingCredentialsError: Some are in neither (the message names them all).
        """
        creds: dict[str, str] = {}
        missing = []
        for cred in self.credentials:
            value = given.get(cred.name) or os.environ.get(cred.env)
            if value:
                creds[cred.name] = value
            else:
                missing.append(cred)
        if missing:
            names = ", ".join(f"{c.name} (or the environment variable {c.env})" for c in missing)
            raise MissingCredentialsError(f"{self.display_name} needs {names}")
        return creds

    @property
    def id_field(self) -> str:
        """The item field that holds an item's id."""
        return self.normalizer.id_field

    def auth(self, creds: Mapping[str, str]) -> SecretAuth:
        """The `httpx.Auth` its security schemes ask for, with these credentials."""
        return auth_for(self.spec, creds)

    def path_values(self, creds: Mapping[str, str]) -> dict[str, str]:
        """Path parameter -> value, for the tenant ids a path carries (Plivo's ``auth_id``)."""
        return {
            p.name: creds[p.credential]
            for p in self.spec.operation.parameters
            if p.location == "path" and p.credential
        }

    def tenant_values(self, creds: Mapping[str, str]) -> dict[str, tuple[str, str]]:
        """Tenant ids sent as query or header parameters: name -> (location, value)."""
        return {
            p.name: (p.location, creds[p.credential])
            for p in self.spec.operation.parameters
            if p.location in ("query", "header") and p.credential
        }

    @functools.cached_property
    def page_model(self) -> Any:
        """The generated model of a page, or None (no generated client)."""
        return self.normalizer.model(self.spec.page_schema_name)

    def error_message(self, body: Any) -> str | None:
        """The provider's own explanation in an error body."""
        return self.normalizer.error_message(body)

    def __repr__(self) -> str:
        return f"<provider {self.name}>"


@functools.cache
def _provider(spec: Spec) -> Provider:
    target = QUIRKS.get(spec.name)
    normalizer: type[Normalizer] = Normalizer
    if target is not None:
        module, _, attr = target.partition(":")
        normalizer = getattr(importlib.import_module(module), attr)
    return Provider(spec, normalizer(spec))


def provider(name: str, directory: str | os.PathLike[str] | None = None) -> Provider:
    """The `Provider` called ``name`` (its spec from ``directory``, default ``specs_dir()``).

    Raises:
        LookupError: No such provider.
        numberhub_spec.SpecError: Its spec is broken.
    """
    return _provider(load(name, directory))
