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
from collections.abc import Mapping
from typing import Any

from numberhub.mock._generate import from_pattern
from numberhub.mock._schemas import resolve
from numberhub.mock._specdoc import load_spec, operation

__all__ = [
    "DEFAULT_CREDENTIALS",
    "Credentials",
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

# How a security scheme's expected value is made from the credentials, where the generic
# rule (an apiKey scheme carries the credential named like the scheme, in snake case) does
# not say it: Bird's key travels as "AccessKey <key>", Plivo's Basic pair is auth_id:token.
_SCHEME_TEMPLATES: Mapping[tuple[str, str], str] = {
    ("bird", "accessKey"): "AccessKey {access_key}",
    ("plivo", "basicAuth"): "{auth_id}:{auth_token}",
}


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

    See the module docstring for the rules.
    """
    doc = load_spec(provider, specs_dir)
    op = operation(provider, specs_dir).spec
    schemes: Mapping[str, Any] = doc.get("components", {}).get("securitySchemes", {})
    params = [resolve(doc, p) for p in op.get("parameters", [])]
    tenants = {p.get("x-numberhub-tenant-of"): p for p in params if "x-numberhub-tenant-of" in p}
    rnd = random.Random(f"numberhub-mock/{provider}")
    creds: dict[str, str] = {}
    used = [name for req in op.get("security", doc.get("security", [])) for name in req]
    for name in dict.fromkeys(used):
        scheme = schemes.get(name, {})
        if scheme.get("type") == "http" and str(scheme.get("scheme", "")).lower() == "basic":
            tenant = tenants.get(name)
            user = snake_case(tenant["name"]) if tenant else "username"
            creds[user] = _fitting(tenant.get("schema", {}) if tenant else {}, provider, user, rnd)
            creds["password"] = f"nhmock-{provider}-password"
        else:
            key = snake_case(name)
            creds[key] = f"nhmock-{provider}-{key.replace('_', '-')}"
    for p in params:
        if "x-numberhub-tenant-of" in p and snake_case(p["name"]) not in creds:
            creds[snake_case(p["name"])] = _fitting(p.get("schema", {}), provider, p["name"], rnd)
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


def scheme_value(
    provider: str, scheme_name: str, scheme: Mapping[str, object], creds: Mapping[str, str]
) -> str | None:
    """The exact value the request must carry for one security scheme, or None if unknown.

    For ``http`` schemes this is what follows the scheme word in ``Authorization``
    (base64 of ``user:password`` for Basic); for ``apiKey`` schemes the header's value.
    """
    template = _SCHEME_TEMPLATES.get((provider, scheme_name))
    basic = scheme.get("type") == "http" and str(scheme.get("scheme", "")).lower() == "basic"
    if template is None and basic and "password" in creds:  # see spec_credentials
        user = next((k for k in creds if k != "password"), None)
        template = f"{{{user}}}:{{password}}" if user else None
    if template is not None:
        try:
            raw = template.format(**creds)
        except KeyError:
            return None
    else:
        key = snake_case(scheme_name)
        if key not in creds:
            return None
        raw = creds[key]
    if scheme.get("type") == "http" and str(scheme.get("scheme", "")).lower() == "basic":
        return base64.b64encode(raw.encode()).decode()
    return raw
