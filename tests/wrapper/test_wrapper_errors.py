from __future__ import annotations

import json
from typing import Any

import httpx
import numberhub
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from wrapper_fakes import FAKES, PROVIDERS, FakeClock, FakeDuoPlus, FakePlivo


def _raw(status: int, body: Any, headers: dict[str, str] | None = None) -> httpx.Response:
    headers = {"content-type": "application/json", **(headers or {})}
    return httpx.Response(status, content=json.dumps(body).encode(), headers=headers)


@pytest.mark.parametrize(
    ("status", "error"),
    [
        (400, numberhub.BadRequestError),
        (401, numberhub.AuthenticationError),
        (403, numberhub.PermissionDeniedError),
        (404, numberhub.NotFoundError),
        (405, numberhub.APIError),
        (422, numberhub.BadRequestError),
        (429, numberhub.RateLimitError),
        (500, numberhub.ServerError),
        (503, numberhub.ServerError),
    ],
)
def test_each_status_has_its_error(status: int, error: type, clock: FakeClock) -> None:
    fake = FakePlivo(size=1)
    body = {"api_id": "a1", "error": f"problem {status}"}
    fake.inject(*[_raw(status, body, {"X-Request-Id": "r-1"})] * 3)
    with pytest.raises(error) as caught:
        list(fake.client(clock=clock, rate_limit=None).list_numbers())
    exc = caught.value
    assert type(exc) is error
    assert isinstance(exc, numberhub.APIError)
    assert isinstance(exc, numberhub.NumberhubError)
    assert exc.status == status
    assert exc.body == body
    assert exc.headers["x-request-id"] == "r-1"
    assert exc.provider == "plivo"
    assert f"problem {status}" in str(exc)
    assert str(status) in str(exc)


@pytest.mark.parametrize(
    ("provider", "body", "message"),
    [
        ("plivo", {"error": {"message": "bad auth", "code": 1}}, "bad auth"),
        ("bird", {"code": "InvalidPayload", "message": "types is wrong"}, "types is wrong"),
        ("butter", {"success": False, "error": {"code": "x", "message": "nope"}}, "nope"),
        ("rounded", {"details": [], "message": "limit too big", "status": 400}, "limit too big"),
        ("duoplus", {"code": 400, "data": None, "message": "pagesize bad"}, "pagesize bad"),
    ],
)
def test_each_provider_error_body_gives_its_message(
    provider: str, body: dict[str, Any], message: str, clock: FakeClock
) -> None:
    fake = FAKES[provider](size=1)
    fake.inject(_raw(400, body))
    with pytest.raises(numberhub.BadRequestError, match=message) as caught:
        list(fake.client(clock=clock).list_numbers())
    assert caught.value.body == body


def test_a_non_json_error_body_is_kept_as_text(clock: FakeClock) -> None:
    fake = FakePlivo(size=1)
    fake.inject(*[httpx.Response(502, content=b"<html>bad gateway</html>")] * 3)
    with pytest.raises(numberhub.ServerError) as caught:
        list(fake.client(clock=clock, rate_limit=None).list_numbers())
    assert caught.value.body == "<html>bad gateway</html>"


@pytest.mark.parametrize(
    ("code", "error", "status"),
    [
        (401, numberhub.AuthenticationError, 401),
        (400, numberhub.BadRequestError, 400),
        (10001, numberhub.APIError, 200),
    ],
)
def test_duoplus_errors_inside_http_200(
    code: int, error: type, status: int, clock: FakeClock
) -> None:
    fake = FakeDuoPlus(size=2)
    fake.inject(_raw(200, {"code": code, "data": None, "message": "envelope says no"}))
    with pytest.raises(error) as caught:
        list(fake.client(clock=clock, rate_limit=None).list_numbers())
    assert type(caught.value) is error
    assert caught.value.status == status
    assert caught.value.body["code"] == code
    assert "envelope says no" in str(caught.value)
    assert len(fake.requests) == 1


def test_duoplus_wrong_key_is_an_authentication_error(clock: FakeClock) -> None:
    client = numberhub.DuoPlus(
        api_key="wrong",
        base_url="https://fake.test",
        http_client=FakeDuoPlus().http(),
        clock=clock,
    )
    with pytest.raises(numberhub.AuthenticationError, match="re-login"):
        list(client.list_numbers())


# --- answers that do not fit the spec ----------------------------------------------------

_PLIVO_OK = {
    "api_id": "a",
    "meta": {"limit": 20, "offset": 0, "next": None, "previous": None, "total_count": 1},
    "objects": [{"number": "14155550100"}],
}


def _with(body: dict[str, Any], path: str, value: Any) -> dict[str, Any]:
    out = json.loads(json.dumps(body))
    *parents, last = path.split(".")
    node = out
    for key in parents:
        node = node[int(key)] if key.isdigit() else node[key]
    if value is _DELETE:
        del node[int(last) if last.isdigit() else last]
    else:
        node[int(last) if last.isdigit() else last] = value
    return out


_DELETE = object()


# A page whose structure breaks (no item list, unusable paging fields, an item that is
# not an object or has no id) stops the listing in every mode: paging cannot go on safely.
@pytest.mark.parametrize(
    ("provider", "body"),
    [
        ("plivo", _with(_PLIVO_OK, "meta", _DELETE)),
        ("plivo", _with(_PLIVO_OK, "objects.0.number", _DELETE)),
        ("plivo", _with(_PLIVO_OK, "meta.total_count", "1")),
        ("plivo", _with(_PLIVO_OK, "meta.next", 5)),
        ("plivo", _with(_PLIVO_OK, "objects", {"number": "1"})),
        ("plivo", _with(_PLIVO_OK, "objects.0", "14155550100")),
        ("bird", {"results": {"id": "x"}}),
        ("bird", {"results": [{"numberString": "+12125550100"}]}),
        ("butter", {"success": True, "data": [{"phone_number": "+1"}], "pagination": {}}),
        ("butter", {"success": True, "data": None, "pagination": {"has_more": False}}),
        ("rounded", {"data": [{"name": "no id, no number"}]}),
        ("rounded", {"data": [{"id": "x", "number": "+1"}], "current_page": "1"}),
        # Rounded's item `type` is an open enum ("webrtc" fits): break the page instead.
        ("rounded", {"data": {"id": "x", "number": "+1", "type": "pstn"}}),
        ("duoplus", {"code": 200, "message": "ok", "data": {"list": [{"id": 5}]}}),
        ("duoplus", {"code": 200, "message": "ok", "data": {"list": [{"phone_number": "+1"}]}}),
        ("plivo", [1, 2, 3]),
    ],
)
@pytest.mark.parametrize("strict", [False, True])
def test_a_broken_page_structure_raises_response_validation_error(
    provider: str, body: Any, strict: bool, clock: FakeClock
) -> None:
    fake = FAKES[provider](size=1)
    raw = json.dumps(body).encode()
    fake.inject(httpx.Response(200, content=raw, headers={"content-type": "application/json"}))
    with pytest.raises(numberhub.ResponseValidationError) as caught:
        list(fake.client(clock=clock, rate_limit=None, strict=strict).list_numbers())
    assert caught.value.body == raw
    assert caught.value.status == 200
    assert caught.value.provider == provider
    assert caught.value.findings
    assert all(isinstance(f, numberhub.Finding) for f in caught.value.findings)


def test_validation_error_says_where_and_never_quotes_the_answer(clock: FakeClock) -> None:
    fake = FakePlivo(size=1)
    fake.inject(_raw(200, _with(_PLIVO_OK, "meta.total_count", "14155550100")))
    with pytest.raises(numberhub.ResponseValidationError) as caught:
        list(fake.client(clock=clock).list_numbers())
    message = str(caught.value)
    assert "$.meta.total_count" in message
    assert "integer" in message
    assert "14155550100" not in message
    assert "14155550100" not in " ".join(caught.value.errors)
    (finding,) = caught.value.findings
    assert (finding.path, finding.rule, finding.seen) == ("$.meta.total_count", "type", "string")


def test_a_body_that_is_not_json(clock: FakeClock) -> None:
    fake = FakePlivo(size=1)
    fake.inject(httpx.Response(200, content=b"{not json"))
    with pytest.raises(numberhub.ResponseValidationError, match="not JSON") as caught:
        list(fake.client(clock=clock).list_numbers())
    assert caught.value.body == b"{not json"


_json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=5),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=12,
)


def _mutations(provider: str) -> st.SearchStrategy[Any]:
    """Good pages with one value somewhere replaced by arbitrary JSON."""
    fake = FAKES[provider](size=2)
    good = json.loads(
        fake.serve(
            httpx.Request("POST" if provider == "duoplus" else "GET", "https://fake.test/")
        ).content
    )

    def paths(node: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
        out = [prefix] if prefix else []
        if isinstance(node, dict):
            for k, v in node.items():
                out += paths(v, (*prefix, k))
        elif isinstance(node, list):
            for i, v in enumerate(node):
                out += paths(v, (*prefix, i))
        return out

    def mutate(path: tuple[Any, ...], value: Any) -> Any:
        body = json.loads(json.dumps(good))
        node = body
        for key in path[:-1]:
            node = node[key]
        node[path[-1]] = value
        return body

    return st.builds(mutate, st.sampled_from(paths(good)), _json_values)


@pytest.mark.parametrize("provider", PROVIDERS)
@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.data())
def test_no_bare_exception_escapes_from_any_answer(provider: str, data: st.DataObject) -> None:
    body = data.draw(_mutations(provider) | _json_values)
    fake = FAKES[provider](size=2)
    fake.hook = lambda request: httpx.Response(200, content=json.dumps(body).encode())
    client = fake.client(clock=FakeClock(), rate_limit=None, max_retries=0)
    seen: list[Any] = []  # building each value must raise nothing but NumberhubError
    try:
        for page in client.list_numbers(max_items=4).pages():
            seen.append(page.parsed)
            for number in page:
                seen.append(
                    (
                        number.e164,
                        number.country,
                        number.type,
                        number.capabilities,
                        number.status,
                        number.monthly_price,
                        number.created_at,
                        number.raw,
                    )
                )
    except numberhub.NumberhubError:
        pass
