"""The mock's credentials are typed per provider, with exactly the keys each client takes."""

from __future__ import annotations

import typing

import numberhub
from numberhub.mock import MockServer, create_app
from numberhub_mock._credentials import Credentials

EXPECTED = {  # written out: each client's credential keyword arguments
    "bird": {"access_key", "organization_id"},
    "butter": {"api_key", "organization_id"},
    "duoplus": {"api_key"},
    "plivo": {"auth_id", "auth_token"},
    "rounded": {"api_key"},
}


def test_one_typed_dict_per_provider_with_its_keyword_arguments() -> None:
    hints = typing.get_type_hints(Credentials)
    assert set(hints) == set(EXPECTED)
    for name, typed in hints.items():
        assert set(typing.get_type_hints(typed)) == EXPECTED[name], name
        assert typed.__required_keys__ == EXPECTED[name], name


def test_the_runtime_values_have_the_typed_keys() -> None:
    app = create_app(size=1)
    assert {name: set(values) for name, values in app.credentials.items()} == EXPECTED


def test_the_typed_credentials_open_each_client() -> None:
    with MockServer(size=3) as server:
        with numberhub.Rounded(base_url=server.base_url, **server.credentials["rounded"]) as r:
            assert len(list(r.list_numbers())) == 3
        with numberhub.Plivo(base_url=server.base_url, **server.credentials["plivo"]) as p:
            assert len(list(p.list_numbers())) == 3
