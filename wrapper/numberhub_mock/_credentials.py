"""The credentials the mock accepts: documented defaults, overridden by the clients' env vars.

Each provider's credentials are a dict whose keys are the wrapper constructor's keyword
arguments (``numberhub.Plivo(auth_id=..., auth_token=...)``). The environment variable of a
key is ``<PROVIDER>_<KEY>`` in upper case (``PLIVO_AUTH_ID``, ``BIRD_ACCESS_KEY``, ...), the
same names the wrapper and the vendors' SDKs read.

A provider without documented defaults gets credentials derived from its spec's security
schemes (``spec_credentials``): one key per API-key or bearer scheme, named like the
scheme in snake case (scheme ``apiKey`` -> ``api_key = "nhmock-<provider>-api-key"``);
for HTTP Basic a ``password`` and a user named after the parameter that is the tenant
of the scheme (else ``username``); and one key per other tenant parameter, with a value
that fits its schema.
"""

from __future__ import annotations

import base64
import os
import random
import uuid
from collections.abc import Iterable, Mapping
from typing import Any

import numberhub_spec
from numberhub_spec import SecurityScheme

from numberhub_mock._generate import from_pattern

__all__ = [
    "DEFAULT_CREDENTIALS",
    "Credentials",
    "credentials",
    "env_var",
    "resolve_credentials",
    "scheme_value",
    "snake_case",
    "spec_credentials",
]

Credentials = dict[str, dict[str, str]]

DEFAULT_CREDENTIALS: Mapping[str, Mapping[str, str]] = {
    "bird": {
        "access_key": "nhmock-bird-access-key",
        "organization_id": "6f1c2a9e-4b7d-4e2a-9c1f-3a5b7d9e0f12",
    },
    "butter": {
        "api_key": "nhmock-butter-api-key",
        "organization_id": "org_nhmock0001",
    },
    "duoplus": {"api_key": "nhmock-duoplus-api-key"},
    "plivo": {"auth_id": "MANUMBERHUBMOCK00001", "auth_token": "nhmock-plivo-auth-token"},
    "rounded": {"api_key": "nhmock-rounded-api-key"},
}
"""The documented defaults, one dict per provider (keys: the wrapper's keyword arguments)."""


def snake_case(name: str) -> str:
    """``organizationId`` -> ``organization_id``, ``X-Organization-Id`` -> ``x_organization_id``."""
    out: list[str] = []
    for i, ch in enumerate(name):
        if ch in "-. ":
            out.append("_")
        elif ch.isupper() and i and name[i - 1].islower():
            out.append("_" + ch.lower())
        else:
            out.append(ch.lower())
    return "".join(out)


def env_var(provider: str, key: str) -> str:
    """The environment variable overriding one credential, e.g. ``PLIVO_AUTH_ID``."""
    return f"{provider}_{key}".upper()


def spec_credentials(
    provider: str, specs_dir: str | os.PathLike[str] | None = None
) -> dict[str, str]:
    """Default credentials for a provider without documented ones, from its spec.

    The names are the spec model's (`numberhub_spec.Spec.credentials`); a secret gets
    ``nhmock-<provider>-<name>``, an id a value that fits its parameter's schema.
    """
    spec = numberhub_spec.load(provider, specs_dir)
    schemas = {p.credential: p.schema for p in spec.operation.parameters if p.credential}
    rnd = random.Random(f"numberhub-mock/{provider}")
    creds: dict[str, str] = {}
    for cred in spec.credentials:
        if cred.secret:
            creds[cred.name] = f"nhmock-{provider}-{cred.name.replace('_', '-')}"
        else:
            creds[cred.name] = _fitting(schemas.get(cred.name, {}), provider, cred.name, rnd)
    return creds


def _fitting(schema: Mapping[str, Any], provider: str, name: str, rnd: random.Random) -> str:
    """A credential value that the parameter's schema accepts."""
    if schema.get("format") == "uuid":
        return str(uuid.UUID(int=rnd.getrandbits(128), version=4))
    if schema.get("pattern"):
        return from_pattern(str(schema["pattern"]), rnd)
    return f"nhmock-{provider}-{snake_case(name).replace('_', '-')}"


def resolve_credentials(
    providers: tuple[str, ...],
    overrides: Mapping[str, Mapping[str, str]] | None = None,
    environ: Mapping[str, str] | None = None,
    specs_dir: str | os.PathLike[str] | None = None,
) -> Credentials:
    """The credentials in force: explicit overrides, else environment variables, else defaults.

    Args:
        providers: The providers to resolve.
        overrides: Per-provider dicts that replace individual keys.
        environ: Where to read environment variables (``os.environ`` when None).
        specs_dir: Where the specs are, for providers without documented defaults.

    Returns:
        One dict per provider with every key of its defaults.
    """
    env = os.environ if environ is None else environ
    result: Credentials = {}
    for provider in providers:
        known = DEFAULT_CREDENTIALS.get(provider)
        creds = dict(known) if known is not None else spec_credentials(provider, specs_dir)
        for key in creds:
            value = env.get(env_var(provider, key))
            if value:
                creds[key] = value
        for key, value in ((overrides or {}).get(provider) or {}).items():
            creds[key] = str(value)
        result[provider] = creds
    return result


def scheme_value(scheme: SecurityScheme, creds: Mapping[str, str]) -> str | None:
    """The exact value the request must carry for one security scheme, or None if unknown.

    For ``http`` schemes this is what follows the scheme word in ``Authorization``
    (base64 of ``user:password`` for Basic); for ``apiKey`` schemes the header's or query
    parameter's value, after the scheme's prefix.
    """
    if scheme.is_basic:
        user, password = creds.get(scheme.username or ""), creds.get(scheme.credential)
        if user is None or password is None:
            return None
        return base64.b64encode(f"{user}:{password}".encode()).decode()
    value = creds.get(scheme.credential)
    return None if value is None else scheme.prefix + value


def credentials(
    providers: Iterable[str] | None = None,
    overrides: Mapping[str, Mapping[str, str]] | None = None,
    *,
    specs_dir: str | os.PathLike[str] | None = None,
) -> Credentials:
    """The credentials the mock accepts: overrides, else environment variables, else defaults.

    Args:
        providers: Which providers (default: all).
        overrides: Per-provider values that win over everything else.
        specs_dir: The mock's specs folder, when not the default.

    Returns:
        ``{provider: {keyword argument: value}}``.
    """
    names = tuple(providers) if providers is not None else numberhub_spec.provider_names(specs_dir)
    return resolve_credentials(names, overrides, specs_dir=specs_dir)
