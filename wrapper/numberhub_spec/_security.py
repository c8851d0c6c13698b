"""Security schemes, and the credentials a client needs to satisfy them.

Credential names are keyword arguments (``numberhub.client("plivo", auth_id=...,
auth_token=...)``), and each may come from the environment variable ``<PROVIDER>_<NAME>``
in upper case. They follow from the spec:

* an ``apiKey`` or ``bearer`` scheme carries one credential named like the scheme in
  snake case (``accessKey`` -> ``access_key``), secret unless the scheme is a tenant id
  (``x-numberhub-tenant-of``);
* HTTP Basic carries a user, named after the parameter that is the scheme's tenant (else
  ``username``), and a secret ``password``;
* a parameter that is a tenant (``x-numberhub-tenant-of``) is a credential named like it;
* ``x-numberhub-credential`` renames any of them (``{password: auth_token}``) and gives
  the prefix an ``apiKey`` value is sent with (Bird's ``AccessKey ``).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import attrs

from ._params import Parameter, snake_case

__all__ = ["CredentialSpec", "SecurityScheme", "credentials_of"]


@attrs.frozen
class SecurityScheme:
    """One security scheme of the spec.

    Attributes:
        name: Its name in ``components.securitySchemes``.
        type: ``apiKey``, ``http``, ...
        scheme: For ``http``: ``basic`` or ``bearer`` (lower case).
        location: For ``apiKey``: ``header``, ``query`` or ``cookie``.
        parameter: For ``apiKey``: the header or query parameter's name.
        prefix: What the value is sent after (``"AccessKey "``), for ``apiKey``.
        credential: The credential keyword it carries (``http`` Basic: the password).
        username: For HTTP Basic, the user's credential keyword.
        tenant_of: The scheme whose tenant this value is, if it is one.
        description: The spec's description.
    """

    name: str
    type: str
    scheme: str | None = None
    location: str | None = None
    parameter: str | None = None
    prefix: str = ""
    credential: str = ""
    username: str | None = None
    tenant_of: str | None = None
    description: str = ""

    @property
    def is_basic(self) -> bool:
        """Whether it is HTTP Basic."""
        return self.type == "http" and self.scheme == "basic"

    @property
    def is_bearer(self) -> bool:
        """Whether it is an HTTP bearer token."""
        return self.type == "http" and self.scheme == "bearer"

    @classmethod
    def of(
        cls, name: str, raw: Mapping[str, Any], tenant: Parameter | None = None
    ) -> SecurityScheme:
        """Read one scheme; ``tenant`` is the parameter that is its tenant, if any."""
        ext = raw.get("x-numberhub-credential") or {}
        kind = str(raw.get("type", ""))
        scheme = str(raw.get("scheme", "")).lower() or None
        basic = kind == "http" and scheme == "basic"
        username = None
        if basic:
            username = ext.get("username") or (snake_case(tenant.name) if tenant else "username")
            credential = ext.get("password") or "password"
        else:
            credential = ext.get("name") or snake_case(name)
        return cls(
            name=name,
            type=kind,
            scheme=scheme,
            location=raw.get("in"),
            parameter=raw.get("name"),
            prefix=str(ext.get("prefix", "")),
            credential=credential,
            username=username,
            tenant_of=raw.get("x-numberhub-tenant-of"),
            description=str(raw.get("description", "")).strip(),
        )


@attrs.frozen
class CredentialSpec:
    """One credential a client takes.

    Attributes:
        name: The keyword argument (``auth_token``).
        env: The environment variable read when the argument is not given.
        secret: Whether the value must never be shown.
        scheme: The security scheme it goes into, if any.
        parameter: The tenant parameter it fills, if any.
    """

    name: str
    env: str
    secret: bool
    scheme: str | None = None
    parameter: str | None = None


def credentials_of(
    provider: str,
    schemes: Mapping[str, SecurityScheme],
    requirement: Sequence[str],
    parameters: Sequence[Parameter],
) -> tuple[CredentialSpec, ...]:
    """The credentials of ``provider``, in order.

    Those of the schemes of its first security requirement, then the tenant parameters
    not already among them.
    """

    def env(keyword: str) -> str:
        return f"{provider}_{keyword}".upper()

    out: dict[str, CredentialSpec] = {}
    for name in requirement:
        scheme = schemes[name]
        if scheme.username is not None:
            out[scheme.username] = CredentialSpec(
                scheme.username, env(scheme.username), False, name
            )
        secret = scheme.tenant_of is None
        out.setdefault(
            scheme.credential,
            CredentialSpec(scheme.credential, env(scheme.credential), secret, name),
        )
    for param in parameters:
        if param.credential and param.credential not in out:
            out[param.credential] = CredentialSpec(
                param.credential, env(param.credential), False, parameter=param.name
            )
    return tuple(out.values())
