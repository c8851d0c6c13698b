from __future__ import annotations

import inspect

import httpx
import numberhub
import pytest
from wrapper_fakes import CREDENTIALS, FakeClock, FakePlivo

CLASSES = {
    "plivo": (numberhub.Plivo, numberhub.AsyncPlivo),
    "bird": (numberhub.Bird, numberhub.AsyncBird),
    "butter": (numberhub.Butter, numberhub.AsyncButter),
    "rounded": (numberhub.Rounded, numberhub.AsyncRounded),
    "duoplus": (numberhub.DuoPlus, numberhub.AsyncDuoPlus),
}


def test_all_is_complete() -> None:
    assert len(set(numberhub.__all__)) == len(numberhub.__all__)
    for name in numberhub.__all__:
        assert hasattr(numberhub, name), name
    public = {
        n for n in dir(numberhub) if not n.startswith("_") and n not in {"providers", "annotations"}
    }
    modules = {n for n in public if inspect.ismodule(getattr(numberhub, n))}
    assert public - modules <= set(numberhub.__all__)


def test_all_is_sorted() -> None:
    # constants first, then classes and functions, each group sorted (ruff's RUF022)
    assert numberhub.__all__ == sorted(
        numberhub.__all__, key=lambda n: (not n.isupper(), not n[:1].isupper(), n)
    )


@pytest.mark.parametrize("name", sorted(CLASSES))
def test_clients_by_name(name: str) -> None:
    sync_class, async_class = CLASSES[name]
    client = numberhub.client(name, clock=FakeClock(), **CREDENTIALS[name])
    assert type(client) is sync_class
    client.close()
    aclient = numberhub.async_client(name, clock=FakeClock(), **CREDENTIALS[name])
    assert type(aclient) is async_class


def test_unknown_provider_name() -> None:
    with pytest.raises(LookupError, match="known: bird, butter, duoplus, plivo, rounded"):
        numberhub.client("twilio")


@pytest.mark.parametrize("name", sorted(CLASSES))
def test_constructors_are_keyword_only(name: str) -> None:
    for cls in CLASSES[name]:
        params = inspect.signature(cls.__init__).parameters.values()
        assert all(p.kind in (p.KEYWORD_ONLY, p.VAR_KEYWORD) for p in list(params)[1:])


def test_default_base_url_and_timeout_come_from_the_spec() -> None:
    with numberhub.Plivo(auth_id="MANWVLYTK4ZWU1YTY4ZT", auth_token="t") as client:
        assert client.base_url == "https://api.plivo.com"
        assert client.http_client.timeout == numberhub.DEFAULT_TIMEOUT
        assert client.max_retries == 2
    assert client.http_client.is_closed
    rounded = numberhub.Rounded(api_key="k", timeout=3)
    assert rounded.base_url == "https://api.callrounded.com"
    assert rounded.http_client.timeout == httpx.Timeout(3)
    rounded.close()


def test_an_explicit_timeout_applies_to_a_given_http_client(clock: FakeClock) -> None:
    fake = FakePlivo(size=1)
    list(fake.client(clock=clock, timeout=httpx.Timeout(2.5)).list_numbers())
    assert fake.requests[0].extensions["timeout"] == httpx.Timeout(2.5).as_dict()


def test_a_given_http_client_is_left_open(clock: FakeClock) -> None:
    fake = FakePlivo(size=1)
    mine = fake.http()
    with fake.client(clock=clock, http_client=mine) as client:
        assert client.http_client is mine
    assert not mine.is_closed
    mine.close()


def test_invalid_parameter_error_is_a_value_error() -> None:
    assert issubclass(numberhub.InvalidParameterError, ValueError)
    assert issubclass(numberhub.APITimeoutError, numberhub.APIConnectionError)
    for error in (
        numberhub.AuthenticationError,
        numberhub.PermissionDeniedError,
        numberhub.NotFoundError,
        numberhub.RateLimitError,
        numberhub.ServerError,
        numberhub.BadRequestError,
    ):
        assert issubclass(error, numberhub.APIError)
        assert issubclass(error, numberhub.NumberhubError)
