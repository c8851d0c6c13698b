"""The generated models parse the specs' examples, the vendors' own examples and the
recorded Plivo responses into typed objects, and write them back unchanged."""

from __future__ import annotations

import datetime
import importlib
import json

import httpx
import pytest


def unset_type(provider):
    return importlib.import_module(f"{provider}_client.types").Unset


def test_every_response_example_parses_into_its_model_and_back(
    response_case, serve, response_examples, response_model_name, client_modules, normalized
):
    provider, status, name = response_case
    body = response_examples(provider, status)[name]
    served = serve(provider, int(status), body)
    if (provider, status) == ("plivo", "401"):
        # text/plain comes first (a 401 body may be plain text): the client keeps the text.
        assert isinstance(served.parsed, str)
        assert json.loads(served.parsed) == body
        return
    _, _, models = client_modules(provider)
    model = getattr(models, response_model_name(provider, status))
    assert type(served.parsed) is model
    assert model.from_dict(served.parsed.to_dict()) == served.parsed
    assert normalized(served.parsed.to_dict()) == normalized(body)


# -- the vendors' own examples (tests/fixtures/seeds/) -----------------------------------


def test_plivo_documented_example(serve, fixture_json):
    page = serve("plivo", 200, fixture_json("seeds/plivo_200.json")).parsed
    assert page.api_id == "114de006-1c95-11e4-8a4a-123140008edf"
    assert page.meta.next_ == "/v1/Account/MAXXXXXXXXXXXXXXXXXX/Number/?limit=3&offset=3"
    assert page.meta.previous is None
    assert (page.meta.limit, page.meta.offset, page.meta.total_count) == (2, 0, 20)
    first, second = page.objects
    assert first.number == "18135401302"
    assert first.added_on == datetime.date(2022, 8, 5)
    assert first.alias is None
    assert second.alias == ""
    assert first.monthly_rental_rate == "0.80000"
    assert first.sms_enabled is True
    assert first.tendlc_registration_status == "COMPLETED"
    assert first.toll_free_sms_verification is None
    # The docs misspell the key; it survives as an extra field instead of being lost.
    assert first.additional_properties == {"tendlc_campaign_Id": "2FA_campaign"}


def test_duoplus_documented_example(serve, fixture_json):
    envelope = serve("duoplus", 200, fixture_json("seeds/duoplus_200.json")).parsed
    assert (envelope.code, envelope.message) == (200, "Success")
    assert (envelope.data.page, envelope.data.total, envelope.data.total_page) == (1, 1, 1)
    (number,) = envelope.data.list_
    assert number.id == "6XdPL"
    assert number.phone_number == ""  # still being generated
    assert number.region_name == "US"
    assert number.status_name == "Normal"
    assert number.renewal_status == 0
    assert number.created_at == "2025-12-08 11:05:15"  # GMT+08:00, no offset: kept as text
    assert number.expired_at == "2026-01-30 18:10:49"


def test_duoplus_error_inside_http_200(serve, response_examples):
    body = response_examples("duoplus", "200")["invalid_key"]
    envelope = serve("duoplus", 200, body).parsed
    assert envelope.code == 401
    assert envelope.data is None
    assert "re-login" in envelope.message


def test_butter_documented_example(serve, fixture_json):
    page = serve("butter", 200, fixture_json("seeds/butter_200.json")).parsed
    assert page.success is True
    assigned, free = page.data
    assert assigned.phone_number_id == "phon_a1b2c3d4e5f6"
    assert assigned.phone_number == "+15551234567"
    assert assigned.assigned_agent_id == "agent_b2c3d4e5f6a7"
    assert assigned.created_at == "2024-01-15T10:30:00Z"  # no format promised: kept as text
    assert free.provider == "sip"
    assert free.status == "free"
    assert free.assigned_agent_id is None
    assert page.pagination.next_cursor is None
    assert page.pagination.has_more is False
    assert page.pagination.total_count == 2


def test_bird_documented_example(serve, fixture_json, client_modules):
    _, _, models = client_modules("bird")
    page = serve("bird", 200, fixture_json("seeds/bird_200.json")).parsed
    assert page.next_page_token == "text"
    (item,) = page.results
    assert item.id == "123e4567-e89b-12d3-a456-426614174000"  # a UUID by example only
    assert item.type_ == "local"
    assert isinstance(item.capabilities.voice, models.Directions)
    assert item.capabilities.sms.outbound is True
    assert (item.monthly_price.currency_code, item.monthly_price.amount) == ("EUR", 1)
    assert item.monthly_price.exponent == 1


def test_bird_price_and_last_page(serve, response_examples):
    page = serve("bird", 200, response_examples("bird", "200")["realistic"]).parsed
    assert isinstance(page.next_page_token, unset_type("bird"))  # no token: the last page
    (item,) = page.results
    assert item.number_string == "+12125550143"
    assert item.country_code == "US"
    price = item.monthly_price
    assert (price.currency_code, price.amount, price.exponent) == ("USD", 3500000, -6)
    assert price.amount * 10**price.exponent == pytest.approx(3.50)
    assert item.capabilities.mms.inbound is False
    assert item.back_order_required is False
    assert item.back_order_stock_id is None


def test_rounded_documented_example(serve, fixture_json, client_modules):
    _, _, models = client_modules("rounded")
    page = serve("rounded", 200, fixture_json("seeds/rounded_200.json")).parsed
    (number,) = page.data
    assert isinstance(number, models.PhoneNumber)
    assert number.type_ == "pstn"
    assert number.id == "3c90c3cc-0d44-4b50-8888-8dd25736052a"
    assert number.created_at == "2023-11-07T05:31:56Z"  # no format promised: kept as text
    assert number.redirect is False
    assert page.message == "Calls retrieved successfully"
    assert page.error.type_ == "generic_error"
    assert page.error.details[0].field == "email"
    assert (page.current_page, page.total_pages, page.total_items) == (123, 123, 123)


def test_rounded_pstn_and_sip_share_one_open_model(serve, response_examples, client_modules):
    _, _, models = client_modules("rounded")
    page = serve("rounded", 200, response_examples("rounded", "200")["page_mode"]).parsed
    pstn, sip = page.data
    assert type(pstn) is models.PhoneNumber
    assert type(sip) is models.PhoneNumber
    assert pstn.type_ == "pstn"
    assert pstn.inbound_agent_id is None
    assert pstn.redirect_phone_number == "+14155550100"
    assert sip.type_ == "sip"
    assert sip.number == "sip:agent@pbx.example.com"
    assert sip.additional_properties == {"sip_uri": "sip:agent@pbx.example.com"}
    assert page.error is None


def test_rounded_cursor_mode_page(serve, response_examples):
    page = serve("rounded", 200, response_examples("rounded", "200")["cursor_mode"]).parsed
    assert page.next_cursor == "2025-02-01T09:00:00Z"
    assert isinstance(page.current_page, unset_type("rounded"))
    assert page.data[0].inbound_agent_id == "5a3a3c3e-1111-4a4a-8b8b-9c9c9c9c9c9c"


# -- drift the specs take (issue 9): each parses, and writes back unchanged ---------------


def test_rounded_open_types_parse(serve, response_examples, client_modules):
    _, _, models = client_modules("rounded")
    body = response_examples("rounded", "200")["open_types"]
    page = serve("rounded", 200, body).parsed
    upper, fax, untyped = page.data
    assert all(type(n) is models.PhoneNumber for n in page.data)
    assert (upper.type_, fax.type_) == ("PSTN", "fax")
    assert isinstance(untyped.type_, unset_type("rounded"))
    assert page.to_dict() == body


def test_rounded_cursor_is_sent_as_received(serve, response_examples):
    """The generated client takes the cursor as a string and sends it unchanged ("Z" stays)."""
    body = response_examples("rounded", "200")["cursor_mode"]
    for cursor in ("2025-02-01T09:00:00Z", "2025-02-01T09:00:00.123456+00:00"):
        served = serve("rounded", 200, body, use_cursor=True, cursor=cursor)
        assert served.request.url.params["cursor"] == cursor


def test_duoplus_drifted_times_and_error_data_parse(serve, response_examples, client_modules):
    _, _, models = client_modules("duoplus")
    body = response_examples("duoplus", "200")["unix_seconds"]
    envelope = serve("duoplus", 200, body).parsed
    assert isinstance(envelope.data, models.NumberListPage)
    generating, renewed = envelope.data.list_
    assert (generating.created_at, generating.expired_at) == ("", "")
    assert renewed.expired_at == "1849316235"
    assert envelope.to_dict() == body
    for data in ([], {}, None):
        error = {"code": 500, "data": data, "message": "System busy"}
        parsed = serve("duoplus", 200, error).parsed
        assert parsed.code == 500
        assert parsed.to_dict() == error


def test_duoplus_page_model_parses_a_success_page(fixture_json, client_modules):
    _, _, models = client_modules("duoplus")
    body = fixture_json("seeds/duoplus_200.json")
    envelope = models.NumberListEnvelope.from_dict(body)
    assert isinstance(envelope.data, models.NumberListPage)
    assert (envelope.data.page, envelope.data.total_page) == (1, 1)
    assert [n.id for n in envelope.data.list_] == ["6XdPL"]


def test_butter_alphanumeric_id_parses(serve, response_examples):
    body = response_examples("butter", "200")["alphanumeric_id"]
    page = serve("butter", 200, body).parsed
    assert page.data[0].phone_number_id == "phon_Zk3Qw9LmT2xA"
    assert page.to_dict() == body


def test_bird_null_token_parses_as_the_last_page(serve, response_examples):
    body = response_examples("bird", "200")["null_token"]
    page = serve("bird", 200, body).parsed
    assert page.next_page_token is None
    assert page.to_dict() == body


@pytest.mark.parametrize(
    ("content", "content_type"),
    [
        (b"Unauthorized", "text/plain"),
        (b"<html><body>401 Unauthorized</body></html>", "text/html"),
        (b'{"error": "Authentication failed"}', "application/json"),
        (b"", "text/plain"),
    ],
)
def test_plivo_401_never_fails_to_parse(content, content_type, client_modules):
    """plivo-java issue #24: a 401 with a plain-text body. The generated client keeps the text."""
    package, api, _ = client_modules("plivo")

    def answer(request: httpx.Request) -> httpx.Response:
        return httpx.Response(401, content=content, headers={"Content-Type": content_type})

    client = package.Client(
        base_url="https://api.plivo.com",
        httpx_args={"transport": httpx.MockTransport(answer)},
        raise_on_unexpected_status=True,
    )
    with client:
        response = api.sync_detailed("MANWVLYTK4ZWU1YTY4ZT", client=client)
    assert response.status_code == 401
    assert response.parsed == content.decode()


# -- Plivo's recorded responses (tests/fixtures/plivo/) -----------------------------------


def test_plivo_go_recording(serve, fixture_json):
    page = serve("plivo", 200, fixture_json("plivo/plivo-go_numberListResponse.json")).parsed
    assert page.meta.next_ == "/v1/Account/MANWVLYTK4ZWU1YTY4ZT/Number/?limit=3&offset=3"
    assert [n.number for n in page.objects] == ["18135401302", "14153661106", "14152753408"]
    first = page.objects[0]
    assert first.cnam == "plivo"
    assert first.cnam_lookup == "enabled"
    assert first.tendlc_campaign_id == "ACB1234"
    assert first.toll_free_sms_verification == "verified"  # lower case, unlike the docs
    assert first.renewal_date == datetime.date(2014, 9, 15)
    assert page.objects[1].toll_free_sms_verification == "unverified"
    assert first.additional_properties == {}


def test_plivo_python_recording(serve, fixture_json):
    body = fixture_json("plivo/plivo-python_numberListResponse.json")
    page = serve("plivo", 200, body).parsed
    first, second, third = page.objects
    assert first.active is True
    assert first.city == "USA"
    assert first.country == "United States"
    assert first.mms_enabled is False
    assert first.compliance_status is None
    assert first.tendlc_registration_status == "PROCESSING"
    assert second.tendlc_registration_status == "REGISTERED"  # not in the docs' list
    assert third.number_type == "tollfree"
    assert third.tendlc_campaign_id is None
    assert isinstance(third.active, unset_type("plivo"))  # absent from this object
    assert third.to_dict() == body["objects"][2]


@pytest.mark.parametrize(
    "recording", ["plivo-go_numberListResponse.json", "plivo-python_numberListResponse.json"]
)
def test_plivo_recordings_round_trip(recording, serve, fixture_json):
    body = fixture_json(f"plivo/{recording}")
    page = serve("plivo", 200, body).parsed
    assert page.to_dict() == body
