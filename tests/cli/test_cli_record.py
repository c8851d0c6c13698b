"""``numberhub check --record DIR``: a masked corpus keeps the drift and nothing personal.

The drifting provider is `check_helpers.DriftingProxy` in front of the session's mock.
The corpus is checked again with ``--corpus DIR`` (its answers played back in order):
the findings must be the same as on the live answers, while no phone number, id,
personal field or credential of the original is anywhere in the corpus's files.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import phonenumbers
import pytest
from check_helpers import DriftingProxy
from cli_helpers import PROVIDERS, SEED, SIZE, invoke, use_credentials
from click.testing import CliRunner
from numberhub.mock import MockServer, dataset

#: The fields of each provider's items that are personal: ids, names, links, phone
#: numbers (written out from the specs' item schemas, not read from the masker).
PERSONAL = {
    "plivo": ["number", "alias", "application", "resource_uri", "sub_account", "profile_uuid"],
    "bird": ["id", "numberString", "backOrderStockId"],
    "butter": ["phone_number_id", "phone_number", "integration_id", "assigned_agent_id"],
    "rounded": ["id", "number", "name", "inbound_agent_id", "redirect_phone_number"],
    "duoplus": ["id", "phone_number", "remark"],
}
#: The fields whose values are kept exactly: enumerated or mapped as type/status/time.
KEPT = {
    "plivo": ["number_type", "active", "monthly_rental_rate", "added_on", "voice_enabled"],
    "bird": ["type", "countryCode", "monthlyPrice", "capabilities"],
    "butter": ["status", "created_at", "supports_outbound"],
    "rounded": ["type", "created_at", "redirect"],
    "duoplus": ["status", "type_id", "region_id", "expired_at", "created_at"],
}
PHONE = {
    "plivo": "number",
    "bird": "numberString",
    "butter": "phone_number",
    "rounded": "number",
    "duoplus": "phone_number",
}
ITEMS = {
    "plivo": "objects",
    "bird": "results",
    "butter": "data",
    "rounded": "data",
    "duoplus": "data.list",
}


def originals(provider: str, server: MockServer) -> set[str]:
    """Every personal value of the dataset served, and every credential of the mock."""
    out: set[str] = set()
    for item in dataset(provider, seed=SEED, size=SIZE):
        for field in PERSONAL[provider]:
            value = item.get(field)
            if isinstance(value, str) and len(value) >= 4:
                out.update({value, value.lstrip("+")})
    out.update(v for creds in server.credentials.values() for v in creds.values())
    return out


def corpus_text(folder: Path) -> str:
    return "\n".join(p.read_text() for p in sorted(folder.rglob("*.json")))


def corpus_items(folder: Path, provider: str) -> list[dict[str, Any]]:
    out = []
    for page in sorted((folder / provider).glob("*.json")):
        body = json.loads(page.read_text())["body"]
        for key in ITEMS[provider].split("."):
            body = body[key]
        out += body
    return out


def record(
    runner: CliRunner,
    monkeypatch: pytest.MonkeyPatch,
    server: MockServer,
    provider: str,
    base_url: str,
    folder: Path,
) -> dict[str, Any]:
    use_credentials(monkeypatch, provider, server.credentials[provider])
    result = invoke(
        runner, "check", provider, "--base-url", base_url, "--record", str(folder),
        "--format", "json",
    )  # fmt: skip
    assert result.exit_code in (0, 6), result.output
    report: dict[str, Any] = json.loads(result.stdout)
    return report


def replayed(runner: CliRunner, provider: str, folder: Path) -> dict[str, Any]:
    result = invoke(runner, "check", provider, "--corpus", str(folder), "--format", "json")
    assert result.exit_code in (0, 6), result.output
    report: dict[str, Any] = json.loads(result.stdout)
    return report


@pytest.mark.parametrize("provider", PROVIDERS)
def test_a_drifted_corpus_keeps_its_findings_and_no_original_value(
    runner: CliRunner,
    monkeypatch: pytest.MonkeyPatch,
    server: MockServer,
    provider: str,
    tmp_path: Path,
) -> None:
    folder = tmp_path / "corpus"
    with DriftingProxy(server.base_url, provider, items={1, 2}, wrong_type_on={1}) as proxy:
        live = record(runner, monkeypatch, server, provider, proxy.url, folder)
    assert live["findings"], "the proxy must drift: else the test proves nothing"
    assert replayed(runner, provider, folder) == live

    text = corpus_text(folder)
    values = originals(provider, server) | proxy.numbers
    assert len(values) > SIZE
    # Short values as whole JSON strings: a fake may hold four letters of a name by chance.
    leaked = sorted(v for v in values if (v if len(v) >= 8 else json.dumps(v)) in text)
    assert not leaked, f"{len(leaked)} original values in the corpus"

    index = json.loads((folder / "index.json").read_text())
    assert index["masked"] is True
    assert [p["file"] for p in index["pages"]] == [
        f"{provider}/{n:04d}.json" for n in range(1, live["pages"] + 1)
    ]


@pytest.mark.parametrize("provider", PROVIDERS)
def test_masked_items_keep_their_shape(
    runner: CliRunner,
    monkeypatch: pytest.MonkeyPatch,
    server: MockServer,
    provider: str,
    tmp_path: Path,
) -> None:
    folder = tmp_path / "corpus"
    record(runner, monkeypatch, server, provider, server.base_url, folder)
    real = dataset(provider, seed=SEED, size=SIZE)
    fake = corpus_items(folder, provider)
    assert len(fake) == len(real)
    for mine, theirs in zip(fake, real, strict=True):
        assert list(mine) == list(theirs)  # keys, in order: field presence kept
        for key, value in theirs.items():
            assert type(mine[key]) is type(value), key  # JSON types and nulls
        for field in KEPT[provider]:
            assert mine.get(field) == theirs.get(field), field
        for field in PERSONAL[provider]:
            value, masked = theirs.get(field), mine.get(field)
            if not isinstance(value, str) or not value:
                continue
            assert masked != value
            assert len(masked) == len(value)
            assert [c.isdigit() for c in masked] == [c.isdigit() for c in value]
            if value.startswith("+"):
                assert masked.startswith("+")
            if field == PHONE[provider] and re.match(r"^\+?\d+$", value):
                a, b = _parse(value), _parse(masked)
                assert a.country_code == b.country_code, field
                region = phonenumbers.region_code_for_number(a)
                assert phonenumbers.region_code_for_number(b) == region
            if re.match(r"^[a-z]+_", value):
                assert masked.split("_")[0] == value.split("_")[0]


def _parse(text: str) -> phonenumbers.PhoneNumber:
    return phonenumbers.parse(text if text.startswith("+") else "+" + text)


def test_the_same_number_gets_the_same_fake_within_a_corpus_only(
    runner: CliRunner, monkeypatch: pytest.MonkeyPatch, server: MockServer, tmp_path: Path
) -> None:
    first, second = tmp_path / "one", tmp_path / "two"
    use_credentials(monkeypatch, "plivo", server.credentials["plivo"])
    for folder in (first, second):
        result = invoke(
            runner, "check", "plivo", "--base-url", server.base_url, "--record", str(folder),
            "--max-pages", "1",
        )  # fmt: skip
        assert result.exit_code == 0, result.output
    one, two = corpus_items(first, "plivo"), corpus_items(second, "plivo")
    # The application link carries the account's auth_id: its fake is the path's.
    assert len({item["number"] for item in one}) == len(one)  # one to one
    assert [i["number"] for i in one] != [i["number"] for i in two]  # a key per corpus
    requests = [json.loads(p.read_text())["request"] for p in sorted(first.rglob("0*.json"))]
    auth_id = server.credentials["plivo"]["auth_id"]
    assert requests[0]["path"].startswith("/v1/Account/")
    segment = requests[0]["path"].split("/")[3]
    assert segment != auth_id
    assert len(segment) == len(auth_id)
    assert segment[:2] == auth_id[:2]
    assert all(segment in item["application"] for item in one if item["application"])


def test_no_mask_warns_and_keeps_the_answers(
    runner: CliRunner, monkeypatch: pytest.MonkeyPatch, server: MockServer, tmp_path: Path
) -> None:
    use_credentials(monkeypatch, "butter", server.credentials["butter"])
    folder = tmp_path / "raw"
    result = invoke(
        runner, "check", "butter", "--base-url", server.base_url, "--record", str(folder),
        "--no-mask",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "warning: --no-mask" in result.stderr
    assert corpus_items(folder, "butter") == dataset("butter", seed=SEED, size=SIZE)
    assert json.loads((folder / "index.json").read_text())["masked"] is False


def test_record_refuses_a_folder_that_is_not_empty(runner: CliRunner, tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("mine")
    result = invoke(runner, "check", "plivo", "--mock", "--record", str(tmp_path))
    assert result.exit_code == 2
    assert "must be an empty folder" in result.stderr
    assert (tmp_path / "notes.txt").read_text() == "mine"


def test_no_mask_needs_record(runner: CliRunner) -> None:
    result = invoke(runner, "check", "plivo", "--mock", "--no-mask")
    assert result.exit_code == 2
    assert "--no-mask only applies with --record" in result.stderr


@pytest.mark.parametrize("provider", PROVIDERS)
def test_recorded_then_replayed_by_the_mock_then_checked_gives_the_same_findings(
    runner: CliRunner,
    monkeypatch: pytest.MonkeyPatch,
    server: MockServer,
    provider: str,
    tmp_path: Path,
) -> None:
    folder = tmp_path / "corpus"
    with DriftingProxy(server.base_url, provider, items={1, 2}) as proxy:
        live = record(runner, monkeypatch, server, provider, proxy.url, folder)
    assert live["findings"]
    with MockServer(providers=[provider], replay=folder) as replaying:
        again = record(
            runner, monkeypatch, replaying, provider, replaying.base_url, tmp_path / "again"
        )
        assert replaying.app.drift[provider]  # listed at start
    assert again["findings"] == live["findings"]
    assert again["items"] == live["items"] == SIZE


def test_a_corpus_is_read_as_far_as_it_was_recorded_and_only_for_its_providers(
    runner: CliRunner, monkeypatch: pytest.MonkeyPatch, server: MockServer, tmp_path: Path
) -> None:
    folder = tmp_path / "corpus"
    use_credentials(monkeypatch, "plivo", server.credentials["plivo"])
    recorded = invoke(
        runner, "check", "plivo", "--base-url", server.base_url, "--record", str(folder),
        "--max-pages", "1",
    )  # fmt: skip
    assert recorded.exit_code == 0, recorded.output
    again = replayed(runner, "plivo", folder)  # the default --max-pages is 5
    assert (again["pages"], again["items"], again["findings"]) == (1, 20, [])
    missing = invoke(runner, "check", "butter", "--corpus", str(folder))
    assert missing.exit_code == 2
    assert "the corpus holds no answer of butter" in missing.stderr
    assert invoke(runner, "check", "--corpus", str(tmp_path)).exit_code == 2  # no index
