"""Fake provider servers for the wrapper's tests, served through httpx.MockTransport.

Each fake pages a plain list of items the way its provider does (per the spec), checks
the provider's auth, records every request, and can be told to misbehave: answer the
next requests with given responses or exceptions, repeat a cursor, serve empty pages.
"""

from __future__ import annotations

import base64
import datetime
import json
import uuid
from collections import deque
from collections.abc import Callable
from typing import Any

import httpx
import numberhub

PLIVO_AUTH_ID = "MANWVLYTK4ZWU1YTY4ZT"
PLIVO_TOKEN = "plivo-token-s3cr3t-XYZ"
BIRD_KEY = "bird-access-key-s3cr3t"
BIRD_ORG = "6f1d2a4e-0c1b-4f5e-9d2a-3b4c5d6e7f80"
BUTTER_KEY = "butter-api-key-s3cr3t"
BUTTER_ORG = "org_42"
ROUNDED_KEY = "rounded-api-key-s3cr3t"
DUOPLUS_KEY = "duoplus-api-key-s3cr3t"

SECRETS = (PLIVO_TOKEN, BIRD_KEY, BUTTER_KEY, ROUNDED_KEY, DUOPLUS_KEY)
BASE = "https://fake.test"


class FakeClock:
    """A clock that only moves when something sleeps on it, and remembers every sleep."""

    def __init__(self, start: float = 1000.0, wall: float = 1_700_000_000.0) -> None:
        self.start = start
        self.now = start
        self.wall = wall
        self.sleeps: list[float] = []

    def monotonic(self) -> float:
        return self.now

    def time(self) -> float:
        return self.wall + (self.now - self.start)

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += max(seconds, 0)

    async def asleep(self, seconds: float) -> None:
        self.sleep(seconds)


# --- datasets ----------------------------------------------------------------------


def plivo_item(i: int) -> dict[str, Any]:
    return {
        "number": f"1415555{i:04d}",
        "alias": None,
        "sub_account": None,
        "added_on": "2024-01-02",
        "number_type": "local",
        "active": True,
        "monthly_rental_rate": "0.80000",
        "sms_enabled": True,
        "mms_enabled": False,
        "voice_enabled": True,
        "resource_uri": f"/v1/Account/{PLIVO_AUTH_ID}/Number/1415555{i:04d}/",
    }


def bird_item(i: int) -> dict[str, Any]:
    return {
        "id": str(uuid.UUID(int=i + 1)),
        "countryCode": "US",
        "type": "local",
        "numberString": f"+1212555{i:04d}",
        "capabilities": {
            "voice": {"inbound": True, "outbound": True},
            "sms": {"inbound": True, "outbound": False},
            "mms": {"inbound": False, "outbound": False},
        },
        "monthlyPrice": {"currencyCode": "USD", "amount": 3500000, "exponent": -6},
        "backOrderRequired": False,
    }


def butter_item(i: int) -> dict[str, Any]:
    return {
        "phone_number_id": f"phon_{i:012x}",
        "phone_number": f"+1555123{i:04d}",
        "provider": "twilio",
        "status": "free",
        "supports_inbound": True,
        "supports_outbound": False,
        "assigned_agent_id": None,
        "created_at": "2024-01-15T10:30:00Z",
    }


_ROUNDED_EPOCH = datetime.datetime(2025, 2, 1, 9, 0, tzinfo=datetime.UTC)


def rounded_item(i: int) -> dict[str, Any]:
    created = _ROUNDED_EPOCH + datetime.timedelta(minutes=i)
    return {
        "id": str(uuid.UUID(int=10_000 + i)),
        "number": f"+1415555{i:04d}",
        "name": f"line {i}",
        "created_at": created.isoformat().replace("+00:00", "Z"),
        "type": "pstn",
        "inbound_agent_id": None,
        "redirect": False,
        "redirect_phone_number": None,
    }


def duoplus_item(i: int) -> dict[str, Any]:
    return {
        "id": f"dp{i:05d}",
        "phone_number": f"+1415555{i:04d}",
        "region_name": "US",
        "type_name": "VOIP",
        "status_name": "Normal",
        "renewal_status": 0,
        "remark": "",
        "created_at": "2025-12-08 11:05:15",
        "expired_at": "2026-01-30 18:10:49",
    }


ITEM_BUILDERS: dict[str, Callable[[int], dict[str, Any]]] = {
    "plivo": plivo_item,
    "bird": bird_item,
    "butter": butter_item,
    "rounded": rounded_item,
    "duoplus": duoplus_item,
}


def item_id(provider: str, item: dict[str, Any]) -> str:
    key = {"plivo": "number", "butter": "phone_number_id"}.get(provider, "id")
    return str(item[key])


# --- fakes -------------------------------------------------------------------------


def _json(status: int, body: Any, headers: dict[str, str] | None = None) -> httpx.Response:
    headers = {"content-type": "application/json", **(headers or {})}
    return httpx.Response(status, content=json.dumps(body).encode(), headers=headers)


class Fake:
    """Base of the fakes: auth check, request log, injected faults."""

    provider: str
    max_limit: int

    def __init__(self, items: list[dict[str, Any]] | None = None, *, size: int = 0) -> None:
        builder = ITEM_BUILDERS[self.provider]
        self.items = items if items is not None else [builder(i) for i in range(size)]
        self.requests: list[httpx.Request] = []
        self.faults: deque[httpx.Response | Exception | None] = deque()
        self.served: list[int] = []  # status of every answer
        self.hook: Callable[[httpx.Request], httpx.Response | None] | None = None

    # the handler
    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        response: httpx.Response | None = None
        if self.faults:
            fault = self.faults.popleft()
            if isinstance(fault, Exception):
                raise fault
            response = fault
        if response is None and self.hook is not None:
            response = self.hook(request)
        if response is None:
            response = self.unauthorized(request) or self.serve(request)
        self.served.append(response.status_code)
        return response

    def inject(self, *faults: httpx.Response | Exception | None) -> None:
        """Answer the next requests with these (None: serve normally)."""
        self.faults.extend(faults)

    def http(self) -> httpx.Client:
        return httpx.Client(transport=httpx.MockTransport(self))

    def async_http(self) -> httpx.AsyncClient:
        return httpx.AsyncClient(transport=httpx.MockTransport(self))

    def params(self, request: httpx.Request) -> dict[str, Any]:
        """What the request asked for: query parameters (lists for repeated keys) or JSON."""
        if request.method == "POST":
            return dict(json.loads(request.content or b"{}"))
        out: dict[str, Any] = {}
        for key in request.url.params:
            values = request.url.params.get_list(key)
            out[key] = values if len(values) > 1 else values[0]
        return out

    def unauthorized(self, request: httpx.Request) -> httpx.Response | None:
        raise NotImplementedError

    def serve(self, request: httpx.Request) -> httpx.Response:
        raise NotImplementedError

    def client(self, **kwargs: Any) -> Any:
        """The sync numberhub client of this provider, on this fake."""
        kwargs.setdefault("http_client", self.http())
        return numberhub.client(
            self.provider, base_url=BASE, **CREDENTIALS[self.provider], **kwargs
        )

    def async_client(self, **kwargs: Any) -> Any:
        kwargs.setdefault("http_client", self.async_http())
        return numberhub.async_client(
            self.provider, base_url=BASE, **CREDENTIALS[self.provider], **kwargs
        )


def _window(items: list[Any], start: int, size: int) -> list[Any]:
    return items[start : start + size]


class FakePlivo(Fake):
    """limit + offset; ``meta.next`` a relative URL; ``stuck`` repeats the offset."""

    provider = "plivo"
    max_limit = 20

    def __init__(
        self,
        *args: Any,
        stuck_at: int | None = None,
        empty_at: set[int] | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.stuck_at = stuck_at
        self.empty_at = empty_at or set()

    def unauthorized(self, request: httpx.Request) -> httpx.Response | None:
        token = base64.b64encode(f"{PLIVO_AUTH_ID}:{PLIVO_TOKEN}".encode()).decode()
        if request.headers.get("authorization") != f"Basic {token}":
            return _json(401, {"error": "Authentication failed"})
        if request.url.path != f"/v1/Account/{PLIVO_AUTH_ID}/Number/":
            return _json(404, {"api_id": "x", "error": "not found"})
        return None

    def serve(self, request: httpx.Request) -> httpx.Response:
        q = self.params(request)
        limit, offset = int(q.get("limit", 20)), int(q.get("offset", 0))
        if not 1 <= limit <= self.max_limit:
            return _json(400, {"api_id": "x", "error": f"invalid limit: {limit}"})
        objects = [] if offset in self.empty_at else _window(self.items, offset, limit)
        nxt_offset = offset if self.stuck_at == offset else offset + limit
        more = offset + limit < len(self.items)
        path = f"/v1/Account/{PLIVO_AUTH_ID}/Number/"
        return _json(
            200,
            {
                "api_id": "a1",
                "meta": {
                    "limit": limit,
                    "offset": offset,
                    "total_count": len(self.items),
                    "next": f"{path}?limit={limit}&offset={nxt_offset}" if more else None,
                    "previous": None if offset == 0 else f"{path}?limit={limit}&offset=0",
                },
                "objects": objects,
            },
        )


def _token(index: int) -> str:
    return base64.urlsafe_b64encode(f"pos:{index}".encode()).decode()


def _untoken(token: str) -> int:
    return int(base64.urlsafe_b64decode(token.encode()).decode().split(":")[1])


class FakeBird(Fake):
    """Opaque ``pageToken``; the last page has no ``nextPageToken``."""

    provider = "bird"
    max_limit = 99

    def __init__(
        self,
        *args: Any,
        stuck_at: int | None = None,
        empty_at: set[int] | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.stuck_at = stuck_at
        self.empty_at = empty_at or set()

    def unauthorized(self, request: httpx.Request) -> httpx.Response | None:
        if request.headers.get("authorization") != f"AccessKey {BIRD_KEY}":
            return _json(401, {"code": "Unauthorized", "message": "Invalid access key"})
        if request.url.path != f"/organizations/{BIRD_ORG}/numbers-stock-items":
            return _json(403, {"code": "Forbidden", "message": "Access denied"})
        return None

    def serve(self, request: httpx.Request) -> httpx.Response:
        q = self.params(request)
        limit = int(q.get("limit", 10))
        if "prefix" in q and "countryCodes" not in q:
            return _json(422, {"code": "InvalidPayload", "message": "prefix needs countryCodes"})
        start = _untoken(q["pageToken"]) if "pageToken" in q else 0
        results = [] if start in self.empty_at else _window(self.items, start, limit)
        body: dict[str, Any] = {"results": results}
        if start + limit < len(self.items):
            body["nextPageToken"] = _token(start if self.stuck_at == start else start + limit)
        return _json(200, body)


class FakeButter(Fake):
    """Opaque ``cursor``; ``pagination.has_more`` false on the last page."""

    provider = "butter"
    max_limit = 100

    def __init__(
        self,
        *args: Any,
        stuck_at: int | None = None,
        empty_at: set[int] | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.stuck_at = stuck_at
        self.empty_at = empty_at or set()

    def unauthorized(self, request: httpx.Request) -> httpx.Response | None:
        if (
            request.headers.get("x-api-key") != BUTTER_KEY
            or request.headers.get("x-organization-id") != BUTTER_ORG
        ):
            return _json(
                401,
                {"success": False, "error": {"code": "unauthorized", "message": "Invalid API key"}},
            )
        return None

    def serve(self, request: httpx.Request) -> httpx.Response:
        q = self.params(request)
        limit = int(q.get("limit", 20))
        start = _untoken(q["cursor"]) if "cursor" in q else 0
        data = [] if start in self.empty_at else _window(self.items, start, limit)
        more = start + limit < len(self.items)
        cursor = _token(start if self.stuck_at == start else start + limit) if more else None
        return _json(
            200,
            {
                "success": True,
                "data": data,
                "pagination": {
                    "next_cursor": cursor,
                    "has_more": more,
                    "page_size": len(data),
                    "total_count": len(self.items),
                },
            },
        )


class FakeRounded(Fake):
    """Page numbers (``current_page``/``total_pages``) or ``created_at`` cursors."""

    provider = "rounded"
    max_limit = 1000

    def __init__(
        self,
        *args: Any,
        ignore_page: bool = False,
        cursor_back_at: int | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.ignore_page = ignore_page
        self.cursor_back_at = cursor_back_at

    def unauthorized(self, request: httpx.Request) -> httpx.Response | None:
        if request.headers.get("x-api-key") != ROUNDED_KEY:
            return _json(
                401,
                {
                    "details": [],
                    "message": "Invalid API key",
                    "status": 401,
                    "type": "generic_error",
                },
            )
        return None

    def serve(self, request: httpx.Request) -> httpx.Response:
        q = self.params(request)
        limit = int(q.get("limit", 50))
        if q.get("use_cursor") == "true":
            after = q.get("cursor")
            rest = [i for i in self.items if after is None or i["created_at"] > after]
            data = rest[:limit]
            nxt = data[-1]["created_at"] if len(rest) > limit else None
            if nxt is not None and self.cursor_back_at == len(self.items) - len(rest):
                nxt = self.items[0]["created_at"]
            return _json(
                200,
                {"data": data, "message": "ok", "error": None, "status": 200, "next_cursor": nxt},
            )
        page = 1 if self.ignore_page else int(q.get("page", 1))
        total_pages = max(1, -(-len(self.items) // limit))
        return _json(
            200,
            {
                "data": _window(self.items, (page - 1) * limit, limit),
                "message": "Phone numbers retrieved successfully",
                "error": None,
                "status": 200,
                "current_page": page,
                "total_pages": total_pages,
                "total_items": len(self.items),
            },
        )


class FakeDuoPlus(Fake):
    """POST body ``page``/``pagesize``; the envelope's ``code`` says success or error."""

    provider = "duoplus"
    max_limit = 100

    def unauthorized(self, request: httpx.Request) -> httpx.Response | None:
        if request.headers.get("duoplus-api-key") != DUOPLUS_KEY:
            return _json(
                200, {"code": 401, "data": None, "message": "Invalid API key, please re-login"}
            )
        return None

    def serve(self, request: httpx.Request) -> httpx.Response:
        q = self.params(request)
        page, size = int(q.get("page", 1)), int(q.get("pagesize", 10))
        if not 1 <= size <= 100:
            return _json(200, {"code": 400, "data": None, "message": "pagesize must be 1..100"})
        total_page = -(-len(self.items) // size)
        return _json(
            200,
            {
                "code": 200,
                "message": "Success",
                "data": {
                    "list": _window(self.items, (page - 1) * size, size),
                    "page": page,
                    "pagesize": size,
                    "total": len(self.items),
                    "total_page": total_page,
                },
            },
        )


FAKES: dict[str, type[Fake]] = {
    "plivo": FakePlivo,
    "bird": FakeBird,
    "butter": FakeButter,
    "rounded": FakeRounded,
    "duoplus": FakeDuoPlus,
}

CREDENTIALS: dict[str, dict[str, str]] = {
    "plivo": {"auth_id": PLIVO_AUTH_ID, "auth_token": PLIVO_TOKEN},
    "bird": {"access_key": BIRD_KEY, "organization_id": BIRD_ORG},
    "butter": {"api_key": BUTTER_KEY, "organization_id": BUTTER_ORG},
    "rounded": {"api_key": ROUNDED_KEY},
    "duoplus": {"api_key": DUOPLUS_KEY},
}

PROVIDERS = tuple(FAKES)
