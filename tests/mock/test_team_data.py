"""A team's own inventory: checked against the spec, served in order, paged and filtered."""

from __future__ import annotations

import asyncio
import copy
from typing import Any

import httpx
import numberhub
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from numberhub_mock import MockServer, create_app, dataset
from numberhub_spec import provider_names

PROVIDERS = provider_names()


def team(provider: str, n: int = 7, seed: int = 11) -> list[dict[str, Any]]:
    """Valid items in the provider's shape (the seeded data of another seed, reordered)."""
    items = dataset(provider, seed=seed, size=n)
    return items[::-1]


async def _list_all(app: Any, provider: str, **filters: Any) -> list[dict[str, Any]]:
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app)) as http:
        client = numberhub.async_client(
            provider, base_url="http://mock", http_client=http, **app.credentials[provider]
        )
        return [n.data async for n in client.list_numbers(page_size=2, **filters)]


@pytest.mark.parametrize("provider", PROVIDERS)
def test_a_teams_items_are_served_in_the_order_given(provider: str) -> None:
    items = team(provider)
    app = create_app(providers=[provider], data={provider: items})
    assert app.dataset(provider) == items
    assert asyncio.run(_list_all(app, provider)) == items


def test_other_providers_keep_their_generated_data() -> None:
    app = create_app(data={"plivo": team("plivo")}, size=9, seed=2)
    assert app.dataset("bird") == dataset("bird", size=9, seed=2)
    assert len(app.dataset("plivo")) == 7


def test_team_items_are_filtered_like_generated_ones() -> None:
    items = team("plivo", n=40)
    app = create_app(providers=["plivo"], data={"plivo": items})
    tollfree = [i for i in items if i["number_type"] == "tollfree"]
    assert tollfree, "the sample holds toll-free numbers"
    assert asyncio.run(_list_all(app, "plivo", type="tollfree")) == tollfree


def test_a_sort_on_the_default_order_field_really_sorts_team_items() -> None:
    items = team("duoplus", n=12)
    app = create_app(providers=["duoplus"], data={"duoplus": items})
    got = asyncio.run(_list_all(app, "duoplus", sort_by="expired_at", order="asc"))
    assert [i["expired_at"] for i in got] == sorted(i["expired_at"] for i in items)


def test_the_app_returns_copies_of_the_items() -> None:
    items = team("butter")
    app = create_app(providers=["butter"], data={"butter": items})
    app.dataset("butter")[0]["status"] = "changed"
    assert app.dataset("butter") == items


def test_a_server_serves_and_returns_a_teams_items() -> None:
    items = team("rounded", n=3)
    with MockServer(providers=["rounded"], data={"rounded": items}) as server:
        assert server.dataset("rounded") == items
        creds = server.credentials["rounded"]
        with numberhub.Rounded(base_url=server.base_url, **creds) as rounded:
            assert [n.data for n in rounded.list_numbers()] == items


def test_no_items_is_an_empty_account() -> None:
    app = create_app(providers=["bird"], data={"bird": []})
    assert asyncio.run(_list_all(app, "bird")) == []


def _broken(provider: str) -> tuple[list[dict[str, Any]], str]:
    """Three items, the second with its id field of the wrong type; and that field."""
    items = copy.deepcopy(team(provider, n=3))
    field = {"plivo": "number", "bird": "id", "butter": "phone_number_id", "duoplus": "id"}
    name = field.get(provider, "id")
    items[1][name] = ["not", "a", "string"]
    return items, name


@pytest.mark.parametrize("provider", PROVIDERS)
def test_a_bad_item_names_provider_index_and_field_not_the_value(provider: str) -> None:
    items, name = _broken(provider)
    secret = items[0].get("number") or items[0].get("phone_number") or items[0].get("id")
    with pytest.raises(ValueError, match=rf"^{provider} item 1: ") as err:
        create_app(providers=[provider], data={provider: items})
    message = str(err.value)
    assert message.startswith(f"{provider} item 1:"), message
    assert f"field {name!r}" in message, message
    assert str(secret) not in message
    assert "'not'" not in message, "the message shows the bad value"


def test_a_missing_required_field_is_named() -> None:
    items = team("butter", n=2)
    del items[1]["phone_number"]
    with pytest.raises(ValueError, match=r"butter item 1: field 'phone_number' is required"):
        create_app(providers=["butter"], data={"butter": items})


def test_a_type_breach_names_the_allowed_types_not_the_value() -> None:
    items = team("butter", n=2)
    secret = items[0]["phone_number"]
    items[0]["supports_inbound"] = secret  # a phone number where a boolean belongs
    with pytest.raises(ValueError, match="supports_inbound") as err:
        create_app(providers=["butter"], data={"butter": items})
    assert "butter item 0: field 'supports_inbound'" in str(err.value)
    assert "boolean" in str(err.value)
    assert secret not in str(err.value)


def test_data_must_be_a_list_of_objects_for_a_served_provider() -> None:
    with pytest.raises(ValueError, match="must be a list"):
        create_app(data={"plivo": "numbers.json"})  # type: ignore[dict-item]
    with pytest.raises(ValueError, match="plivo item 0: an item must be a JSON object"):
        create_app(data={"plivo": [1]})  # type: ignore[list-item]
    with pytest.raises(ValueError, match="not served"):
        create_app(providers=["bird"], data={"plivo": []})


@settings(max_examples=25, deadline=None)
@given(n=st.integers(0, 30), page=st.integers(1, 20))
def test_every_team_item_exactly_once_for_any_size_and_page(n: int, page: int) -> None:
    items = dataset("plivo", seed=5, size=30)[:n]
    app = create_app(providers=["plivo"], data={"plivo": items})

    async def run() -> list[dict[str, Any]]:
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app)) as http:
            plivo = numberhub.AsyncPlivo(
                base_url="http://mock", http_client=http, **app.credentials["plivo"]
            )
            return [x.data async for x in plivo.list_numbers(page_size=page)]

    assert asyncio.run(run()) == items
