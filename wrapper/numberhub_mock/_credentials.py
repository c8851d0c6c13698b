"""The credentials the mock accepts: documented defaults, overridden by the clients' env vars.

Each provider's credentials are a dict whose keys are the client's keyword arguments
(``numberhub.client("plivo", auth_id=..., auth_token=...)``): the names of the spec
model's `numberhub_spec.Spec.credentials`. The environment variable of a key is
``<PROVIDER>_<KEY>`` in upper case (``PLIVO_AUTH_ID``, ``BIRD_ACCESS_KEY``, ...), the same
names the wrapper and the vendors' SDKs read.

The five shipped providers have documented defaults (``DEFAULT_CREDENTIALS``); any other
gets defaults made from its spec (``spec_credentials``): ``nhmock-<provider>-<name>`` for
a secret, and for an id (a tenant, HTTP Basic's user) a value its parameter's schema
accepts (a UUID, a string matching its pattern, one of its enum...).
"""

from __future__ import annotations

import base64
import os
import random
import uuid
from collections.abc import Iterable, Iterator, Mapping
from typing import Any, TypedDict, cast

import numberhub_spec
from numberhub_spec import SecurityScheme

from ._generate import from_pattern
from ._validation import Validator

__all__ = [
    "DEFAULT_CREDENTIALS",
    "BirdCredentials",
    "ButterCredentials",
    "CredentialMap",
    "Credentials",
    "DuoPlusCredentials",
    "PlivoCredentials",
    "RoundedCredentials",
    "as_map",
    "credentials",
    "env_var",
    "of_provider",
    "resolve_credentials",
    "scheme_value",
    "spec_credentials",
]


class BirdCredentials(TypedDict):
    """What ``numberhub.Bird(**creds)`` takes."""

    access_key: str
    organization_id: str


class ButterCredentials(TypedDict):
    """What ``numberhub.Butter(**creds)`` takes."""

    api_key: str
    organization_id: str


class DuoPlusCredentials(TypedDict):
    """What ``numberhub.DuoPlus(**creds)`` takes."""

    api_key: str


class PlivoCredentials(TypedDict):
    """What ``numberhub.Plivo(**creds)`` takes."""

    auth_id: str
    auth_token: str


class RoundedCredentials(TypedDict):
    """What ``numberhub.Rounded(**creds)`` takes."""

    api_key: str


class Credentials(TypedDict, total=False):
    """The credentials the mock accepts, per provider it serves, typed per provider.

    ``numberhub.Rounded(base_url=..., **server.credentials["rounded"])`` type-checks.
    At run time it is a plain ``dict`` of dicts, holding any other provider served (from
    ``specs_dir``) too: read those with `of_provider`.
    """

    bird: BirdCredentials
    butter: ButterCredentials
    duoplus: DuoPlusCredentials
    plivo: PlivoCredentials
    rounded: RoundedCredentials


CredentialMap = dict[str, dict[str, str]]
"""`Credentials` as the mock keeps them: provider -> keyword argument -> value."""


def as_map(creds: Credentials) -> CredentialMap:
    """``creds`` typed by provider names known only at run time (the same object)."""
    return cast(CredentialMap, creds)


def of_provider(creds: Credentials, provider: str) -> dict[str, str]:
    """One provider's credentials, by a name known only at run time.

    Raises:
        KeyError: The provider is not served.
    """
    return as_map(creds)[provider]


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
        text = f"nhmock-{provider}-{cred.name.replace('_', '-')}"
        schema = schemas.get(cred.name)
        if cred.secret or schema is None:
            creds[cred.name] = text
            continue
        fits = Validator(spec, schema).is_valid
        candidates = _candidates(spec.resolve(schema), text, rnd)
        creds[cred.name] = next((v for v in candidates if fits(v)), text)
    return creds


def _candidates(schema: Mapping[str, Any], text: str, rnd: random.Random) -> Iterator[str]:
    if schema.get("format") == "uuid":
        yield str(uuid.UUID(int=rnd.getrandbits(128), version=4))
    for value in schema.get("enum") or ():
        yield str(value)
    pattern = schema.get("pattern")
    for _ in range(20 if pattern else 0):
        yield from_pattern(str(pattern), rnd)
    yield text.ljust(int(schema.get("minLength", 0)), "0")[: schema.get("maxLength")]


def resolve_credentials(
    providers: tuple[str, ...],
    overrides: Mapping[str, Mapping[str, str]] | None = None,
    environ: Mapping[str, str] | None = None,
    specs_dir: str | os.PathLike[str] | None = None,
) -> CredentialMap:
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
    result: CredentialMap = {}
    for provider in providers:
        known = DEFAULT_CREDENTIALS.get(provider)
        creds = dict(known) if known is not None else spec_credentials(provider, specs_dir)
        for key in creds:
            creds[key] = env.get(env_var(provider, key)) or creds[key]
        creds.update({k: str(v) for k, v in ((overrides or {}).get(provider) or {}).items()})
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
    return cast(Credentials, resolve_credentials(names, overrides, specs_dir=specs_dir))
