"""Drift on purpose: a team's drifted items (allow_drift), a replayed corpus, the drift fault."""

from __future__ import annotations

import json
import warnings
from pathlib import Path
from typing import Any

import httpx
import numberhub
import pytest
from numberhub_mock import MockServer, create_app, dataset

#: Butter items as a drifting provider sends them: another type, a missing required
#: field, a field the spec does not list (written out, not made by the mock's code).
DRIFTED = [
    {"phone_number_id": "phon_0123456789ab", "phone_number": "+14155550100",
     "status": "free", "supports_inbound": "yes", "created_at": "2026-01-05T09:00:00Z"},
    {"phone_number_id": "phon_0123456789ac", "status": "assigned",
     "supports_inbound": True, "added_by_provider": 7},
    {"phone_number_id": "phon_0123456789ad", "phone_number": "+14155550102",
     "status": "free", "supports_inbound": "no"},
]  # fmt: skip


ID_FIELDS = {"plivo": "number", "bird": "id", "butter": "phone_number_id", "rounded": "id",
             "duoplus": "id"}  # fmt: skip


def butter_ids(server: MockServer, **filters: Any) -> list[str]:
    creds = server.credentials["butter"]
    with (
        warnings.catch_warnings(record=True),
        numberhub.Butter(base_url=server.base_url, **creds) as butter,
    ):
        return [n.id for n in butter.list_numbers(**filters)]


def test_drifted_items_are_refused_unless_drift_is_allowed() -> None:
    with pytest.raises(ValueError, match="butter item 0: field 'supports_inbound'"):
        create_app(providers=["butter"], data={"butter": DRIFTED})
    app = create_app(providers=["butter"], data={"butter": DRIFTED}, allow_drift=True)
    assert app.dataset("butter") == DRIFTED
    assert app.drift == {
        "butter": [
            "butter: field 'supports_inbound' breaks the schema's 'type' (allowed: "
            "['boolean']) (2 items, first item 0)",
            "butter: field 'phone_number' is required (1 item, first item 1)",
        ]
    }
    assert "+14155550100" not in json.dumps(app.drift)


def test_drifted_items_are_served_as_given_paged_and_filtered() -> None:
    with MockServer(providers=["butter"], data={"butter": DRIFTED}, allow_drift=True) as server:
        assert butter_ids(server, page_size=1) == [i["phone_number_id"] for i in DRIFTED]
        assert butter_ids(server, status="free") == ["phon_0123456789ab", "phon_0123456789ad"]
        creds = server.credentials["butter"]
        headers = {"X-API-Key": creds["api_key"], "X-Organization-Id": creds["organization_id"]}
        page = httpx.get(server.base_url + "/api/phone-numbers", headers=headers).json()
    assert page["data"] == DRIFTED


def corpus(folder: Path, pages: list[list[dict[str, Any]]], provider: str = "butter") -> Path:
    """A corpus folder in the format ``numberhub check --record`` writes (by hand)."""
    entries = []
    for n, items in enumerate(pages, 1):
        file = f"{provider}/{n:04d}.json"
        (folder / provider).mkdir(parents=True, exist_ok=True)
        body = {"success": True, "data": items, "pagination": {"has_more": n < len(pages)}}
        page = {"provider": provider, "request": {}, "status": 200, "headers": {}, "body": body}
        (folder / file).write_text(json.dumps(page))
        entries.append({"file": file, "provider": provider, "status": 200})
    entries.append({"file": "nope.json", "provider": provider, "status": 503})  # not read
    index = {"format": "numberhub-corpus/1", "masked": True, "pages": entries}
    (folder / "index.json").write_text(json.dumps(index))
    return folder


def test_a_replayed_corpus_serves_its_items_once_each_drift_and_all(tmp_path: Path) -> None:
    folder = corpus(tmp_path, [DRIFTED[:2], [DRIFTED[1], DRIFTED[2]]])
    app = create_app(replay=folder)
    assert app.dataset("butter") == DRIFTED  # the repeated item once
    assert app.dataset("plivo") == dataset("plivo")  # providers not recorded: generated
    assert len(app.drift["butter"]) == 2
    with MockServer(providers=["butter"], replay=folder) as server:
        assert butter_ids(server, page_size=2) == [i["phone_number_id"] for i in DRIFTED]


def test_replay_refuses_a_folder_without_a_corpus_and_data_for_the_same_provider(
    tmp_path: Path,
) -> None:
    with pytest.raises(ValueError, match=r"index\.json is missing or not JSON"):
        create_app(replay=tmp_path)
    folder = corpus(tmp_path, [DRIFTED])
    with pytest.raises(ValueError, match=r"both data and a replayed corpus for \['butter'\]"):
        create_app(replay=folder, data={"butter": DRIFTED})


def drifted_page(server: MockServer, fault: str | None = "drift") -> dict[str, Any]:
    creds = server.credentials["butter"]
    headers = {"X-API-Key": creds["api_key"], "X-Organization-Id": creds["organization_id"]}
    if fault:
        headers["X-Numberhub-Fault"] = fault
    answer = httpx.get(server.base_url + "/api/phone-numbers", headers=headers)
    assert answer.status_code == 200
    body: dict[str, Any] = answer.json()
    return body


def test_the_drift_fault_changes_every_item_the_four_ways() -> None:
    with MockServer(providers=["butter"], size=12, seed=2) as server:
        page = drifted_page(server)
        plain = drifted_page(server, None)
        assert [r.fault for r in server.requests] == ["drift", None]
    assert len(page["data"]) == len(plain["data"]) == 12
    for drifted, item in zip(page["data"], plain["data"], strict=True):
        assert drifted["phone_number_id"] == item["phone_number_id"]  # ids stay
        assert drifted["supports_inbound"] == ("yes" if item["supports_inbound"] else "no")
        assert drifted["provider"] == "numberhub-drift"  # an open enum's new value
        assert "status" not in drifted  # optional in Butter's spec
        assert drifted["numberhub_drift"] == "a field the spec does not list"
    assert page["pagination"] == plain["pagination"]


@pytest.mark.parametrize("provider", ["plivo", "bird", "butter", "rounded", "duoplus"])
def test_a_listing_survives_the_drift_fault_and_reports_it(provider: str) -> None:
    with MockServer(providers=[provider], size=25, fault_rate=1.0, faults=["drift"]) as server:
        creds = server.credentials[provider]
        with (
            warnings.catch_warnings(record=True) as caught,
            numberhub.client(provider, base_url=server.base_url, **creds) as client,
        ):
            pager = client.list_numbers()
            ids = [n.id for n in pager]
        assert ids == [item[ID_FIELDS[provider]] for item in dataset(provider, size=25)]
        assert pager.drift
        assert {f.rule for f in pager.drift} >= {"type"}
        assert any(issubclass(w.category, numberhub.DriftWarning) for w in caught)
        assert all(r.fault == "drift" for r in server.requests)


def test_drift_is_drawn_only_when_named() -> None:
    app = create_app(fault_rate=1.0)
    assert "drift" not in app.plan.kinds
    with pytest.raises(ValueError, match="unknown fault kinds"):
        create_app(faults=["fire"])
