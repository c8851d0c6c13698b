"""numberhub: one Python interface to phone-number inventories across providers.

```python
import numberhub

with numberhub.Plivo() as plivo:            # PLIVO_AUTH_ID / PLIVO_AUTH_TOKEN
    for number in plivo.list_numbers(type="local", services="voice,sms"):
        print(number.e164, number.country, number.capabilities)
```
"""

import logging as _logging

from numberhub_spec import Parameter as Param

from ._auth import AccessKeyAuth, ApiKeyAuth, BasicAuth
from ._body import DEFAULT_MAX_PAGE_BYTES
from ._client import (
    AUTO_CONCURRENCY_CAP,
    DEFAULT_TIMEOUT,
    AsyncClient,
    AsyncOptions,
    ListOptions,
    SyncClient,
    SyncOptions,
)
from ._clock import Clock, SystemClock
from ._drift import DriftReport, DriftWarning, Finding
from ._errors import (
    APIConnectionError,
    APIError,
    APITimeoutError,
    AuthenticationError,
    BadRequestError,
    ClientClosedError,
    IncompleteListingError,
    InvalidParameterError,
    MissingCredentialsError,
    NotFoundError,
    NumberhubError,
    PaginationError,
    PermissionDeniedError,
    RateLimitError,
    ResponseValidationError,
    ServerError,
)
from ._integrity import STALE_PAGES, ListingReport
from ._models import Capabilities, Capability, Money, NumberType, Ownership, PhoneNumber
from ._pagers import AsyncPager, Page, SyncPager
from ._ratelimit import RateLimit
from ._surface import (
    AsyncBird,
    AsyncButter,
    AsyncDuoPlus,
    AsyncPlivo,
    AsyncRounded,
    Bird,
    Butter,
    DuoPlus,
    Plivo,
    Rounded,
    async_client,
    client,
)

# A library logs; the application decides where to (no "No handlers" fallback to stderr).
_logging.getLogger("numberhub").addHandler(_logging.NullHandler())

__version__ = "0.1.0"
__all__ = [
    "AUTO_CONCURRENCY_CAP",
    "DEFAULT_MAX_PAGE_BYTES",
    "DEFAULT_TIMEOUT",
    "STALE_PAGES",
    "APIConnectionError",
    "APIError",
    "APITimeoutError",
    "AccessKeyAuth",
    "ApiKeyAuth",
    "AsyncBird",
    "AsyncButter",
    "AsyncClient",
    "AsyncDuoPlus",
    "AsyncOptions",
    "AsyncPager",
    "AsyncPlivo",
    "AsyncRounded",
    "AuthenticationError",
    "BadRequestError",
    "BasicAuth",
    "Bird",
    "Butter",
    "Capabilities",
    "Capability",
    "ClientClosedError",
    "Clock",
    "DriftReport",
    "DriftWarning",
    "DuoPlus",
    "Finding",
    "IncompleteListingError",
    "InvalidParameterError",
    "ListOptions",
    "ListingReport",
    "MissingCredentialsError",
    "Money",
    "NotFoundError",
    "NumberType",
    "NumberhubError",
    "Ownership",
    "Page",
    "PaginationError",
    "Param",
    "PermissionDeniedError",
    "PhoneNumber",
    "Plivo",
    "RateLimit",
    "RateLimitError",
    "ResponseValidationError",
    "Rounded",
    "ServerError",
    "SyncClient",
    "SyncOptions",
    "SyncPager",
    "SystemClock",
    "__version__",
    "async_client",
    "client",
]
