"""numberhub: one Python interface to phone-number inventories across providers.

```python
import numberhub

with numberhub.Plivo() as plivo:            # PLIVO_AUTH_ID / PLIVO_AUTH_TOKEN
    for number in plivo.list_numbers(type="local", services="voice,sms"):
        print(number.e164, number.country, number.capabilities)
```
"""

import logging as _logging

from ._auth import AccessKeyAuth, ApiKeyAuth, BasicAuth
from ._client import (
    DEFAULT_TIMEOUT,
    AsyncClient,
    AsyncOptions,
    ListOptions,
    SyncClient,
    SyncOptions,
    async_client,
    client,
)
from ._clock import Clock, SystemClock
from ._drift import DriftReport, DriftWarning, Finding
from ._errors import (
    APIConnectionError,
    APIError,
    APITimeoutError,
    AuthenticationError,
    BadRequestError,
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
from ._models import Capabilities, Capability, Money, NumberType, Ownership, PhoneNumber
from ._paging import AsyncPager, Page, SyncPager
from ._ratelimit import RateLimit
from ._schema import Param
from .providers.bird import AsyncBird, Bird
from .providers.butter import AsyncButter, Butter
from .providers.duoplus import AsyncDuoPlus, DuoPlus
from .providers.plivo import AsyncPlivo, Plivo
from .providers.rounded import AsyncRounded, Rounded

# A library logs; the application decides where to (no "No handlers" fallback to stderr).
_logging.getLogger("numberhub").addHandler(_logging.NullHandler())

__version__ = "0.1.0"
__all__ = [
    "DEFAULT_TIMEOUT",
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
    "Clock",
    "DriftReport",
    "DriftWarning",
    "DuoPlus",
    "Finding",
    "InvalidParameterError",
    "ListOptions",
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
