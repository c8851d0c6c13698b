"""numberhub's mock server: every provider's list endpoint, built from ``specs/*.yaml``.

Its own import package, installed by ``numberhub[mock]`` and re-exported as
``numberhub.mock``; it reads the specs through ``numberhub_spec`` and nothing of the
wrapper, so it stays an independent check of it.

One ASGI application serves all five providers at their real paths, so one base URL fits
every client::

    Plivo    GET  /v1/Account/{auth_id}/Number/                         HTTP Basic
    Bird     GET  /organizations/{organizationId}/numbers-stock-items   AccessKey
    Butter   GET  /api/phone-numbers                                    X-API-Key + org
    Rounded  GET  /v1/phone-numbers                                     X-Api-Key
    DuoPlus  POST /api/v1/cloudNumber/numberList (JSON body)            DuoPlus-API-Key

Everything comes from the specs, read through the spec model (``numberhub_spec``):
routing, request validation (types, ranges, enums, patterns, lengths, required headers,
the JSON body), security and tenant checks (``SecurityScheme``, ``x-numberhub-tenant-of``),
filters (``FilterRule``), paging (``PagingPlan``), order (``OrderSpec``), error bodies
(each provider's documented error responses) and the rate limit (``RateLimitSpec``). What
the mock does with them (validating, filtering, paging, answering errors) is its own code.
The dataset is seeded: the same seed and size always serve the same items, and
``dataset()`` returns them as the ground truth for tests. One engine makes every
provider's items from its spec (``profiles.Profile``): its ``x-numberhub-item`` mapping
makes numbers valid for their country, types, statuses, times and prices as the mapping
reads them; filter, sort, order and cursor fields follow the paging. What a shipped
provider's spec cannot say (the numbers it sells, prices, cross-field rules) comes from
its ``Realism`` table beside the spec (``profiles/<provider>.py``).

Any other spec is served too, from the spec alone: point the mock at a folder of specs
(``create_app(specs_dir=...)``, or ``$NUMBERHUB_SPECS_DIR`` for every consumer, the CLI
included). Its credentials carry the spec model's names
(``Spec.credentials``), e.g. ``api_token`` and ``account_id`` for dialbase.

Use:
    * ``create_app(...)``: the ASGI app, e.g. for ``httpx.ASGITransport(app=...)``.
    * ``MockServer(...)``: the app on a free loopback port in a background thread, as a
      context manager with ``.base_url``, ``.credentials``, ``.requests`` and
      ``.dataset(provider)``.
    * ``numberhub mock``: the CLI, every ``create_app`` option on it (``numberhub mock
      --credentials`` prints the credentials; its banner never prints a secret).
    * The pytest fixture ``numberhub_mock`` (session-scoped ``MockServer``) and
      ``numberhub_mock_factory`` (start one with your own options).

A team's own inventory: ``create_app(data={provider: [items]})`` (``MockServer``, the
factory and ``numberhub mock --data PROVIDER=FILE`` alike) serves those items instead of
generated ones, in the order given, paged and filtered the same way. Each item is checked
against the spec's item schema first; a bad one raises ``ValueError`` naming the
provider, the item's index and the field, never the value; ``allow_drift=True`` serves
it as given instead and lists the differences in ``app.drift``. ``replay=DIR`` serves
the items of a corpus recorded by ``numberhub check --record DIR`` the same way, drift
and all. ``app.dataset(provider)`` returns what is served.

The request journal: ``app.requests`` / ``server.requests`` (a `Journal`) lists a
`RecordedRequest` per request in arrival order (provider, method, path, query, JSON body,
status, time, the refusal's ``error`` and the injected ``fault``); ``.clear()`` empties
it, ``.matching(provider=..., query=...)`` selects records and ``.assert_count(n, ...)``
verifies them, listing the near misses when the count is wrong. Over HTTP: ``GET
/_numberhub/requests`` (a JSON list) and ``DELETE /_numberhub/requests``. Headers are
not recorded, and a credential in the path (Plivo's ``auth_id``), the query or the body
reads ``REDACTED``.

Credentials: each provider accepts one set, a dict keyed like the wrapper's constructor
arguments. Defaults (``DEFAULT_CREDENTIALS``), each overridable by the environment variable
``<PROVIDER>_<KEY>`` that the clients read::

    plivo    auth_id=MANUMBERHUBMOCK00001  auth_token=nhmock-plivo-auth-token
    bird     access_key=nhmock-bird-access-key
             organization_id=6f1c2a9e-4b7d-4e2a-9c1f-3a5b7d9e0f12
    butter   api_key=nhmock-butter-api-key  organization_id=org_nhmock0001
    rounded  api_key=nhmock-rounded-api-key
    duoplus  api_key=nhmock-duoplus-api-key

Latency and faults, reproducible for a seed: per server with ``latency_ms``,
``jitter_ms``, ``fault_rate`` (drawing from ``faults``: ``429 500 502 503 drop truncate
slow``, and ``drift`` when named), ``max_consecutive_faults`` (the longest run of
faults one request retried gets) and ``rate_limit``; per request with the header
``X-Numberhub-Fault``, whose comma-separated tokens are:

    ``status=503``       answer with this status (400..599) and the provider's error body
    ``retry-after=2``    with ``status=429``: the ``Retry-After`` seconds (default 1)
    ``delay=250``        wait this many milliseconds first
    ``slow``             wait ``slow_ms`` (60 s by default: twice a client's 30 s timeout)
    ``drop``             close the connection without a response
    ``truncate``         send the headers and half of the body, then close the connection
    ``drift``            every item of the page differs from the spec (another type, a new
                         enum value, a missing optional field, an undocumented field)

e.g. ``X-Numberhub-Fault: delay=100, status=503``. Under ``httpx.ASGITransport`` (no
socket) ``drop`` and ``truncate`` raise ``httpx.RemoteProtocolError`` as a real connection
would. Stopping a ``MockServer`` drops the requests still waiting, so that it ends at once.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ._app import JOURNAL_PATH, MockApp
    from ._create import create_app
    from ._credentials import DEFAULT_CREDENTIALS, credentials
    from ._dataset import DEFAULT_SIZE, dataset
    from ._faults import FAULT_KINDS
    from ._journal import RecordedRequest
    from ._server import MockServer, serve_forever
    from ._state import Journal
    from ._team import read_items
    from ._verify import ABSENT

__all__ = [
    "ABSENT",
    "DEFAULT_CREDENTIALS",
    "DEFAULT_SIZE",
    "FAULT_KINDS",
    "JOURNAL_PATH",
    "Journal",
    "MockApp",
    "MockServer",
    "RecordedRequest",
    "create_app",
    "credentials",
    "dataset",
    "read_items",
    "serve_forever",
]

# Where each public name lives. They are imported on first use, so that importing the
# package (as pytest does for ``numberhub_mock.pytest_plugin``) costs nothing.
_HOMES = {
    "._app": ("JOURNAL_PATH", "MockApp"),
    "._create": ("create_app",),
    "._credentials": ("DEFAULT_CREDENTIALS", "credentials"),
    "._dataset": ("DEFAULT_SIZE", "dataset"),
    "._faults": ("FAULT_KINDS",),
    "._journal": ("RecordedRequest",),
    "._server": ("MockServer", "serve_forever"),
    "._state": ("Journal",),
    "._team": ("read_items",),
    "._verify": ("ABSENT",),
}


def __getattr__(name: str) -> Any:
    home = next((module for module, names in _HOMES.items() if name in names), None)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(home, __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
