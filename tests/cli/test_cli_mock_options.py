"""``numberhub mock``: every create_app option, a banner without secrets, --data, --workers."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from click.testing import CliRunner
from numberhub.cli import main
from numberhub_mock import create_app, dataset


def mock(*args: str) -> Any:
    return CliRunner().invoke(main, ["mock", *args])


def test_the_banner_names_where_secrets_come_from_never_their_values(
    served: list[dict[str, Any]], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PLIVO_AUTH_TOKEN", "real-plivo-token-123")
    monkeypatch.setenv("BIRD_ACCESS_KEY", "real-bird-key-456")
    result = mock("--port", "4999")
    assert result.exit_code == 0, result.output
    assert "real-plivo-token-123" not in result.output
    assert "real-bird-key-456" not in result.output
    assert "auth_token from $PLIVO_AUTH_TOKEN" in result.output
    assert "access_key from $BIRD_ACCESS_KEY" in result.output
    assert "api_key=nhmock-rounded-api-key (documented default)" in result.output
    assert served[0]["app"].credentials["plivo"]["auth_token"] == "real-plivo-token-123"
    # Only --credentials prints values, and says so in its help.
    assert "real-plivo-token-123" in mock("--credentials").output
    assert "secret values included" in " ".join(mock("--help").output.split())


def test_the_banner_states_latency_faults_and_limits(served: list[dict[str, Any]]) -> None:
    quiet = mock()
    assert "latency:     none" in quiet.output
    assert "faults:      none at random" in quiet.output
    assert "rate limits: off" in quiet.output
    busy = mock("--latency-ms", "100", "--jitter-ms", "20", "--fault-rate", "0.5", "--rate-limit")
    assert "latency:     100 ms + up to 20 ms jitter" in busy.output
    assert "50% of requests, drawn from 429 500 502 503 drop truncate;" in busy.output
    assert "at most 2 in a row for the same request" in busy.output
    assert "duoplus 1 req / 1 s" in busy.output
    assert "plivo 300 req / 5 s" in busy.output
    app = served[-1]["app"]
    assert app.plan.latency_ms == 100
    assert app.plan.jitter_ms == 20
    assert app.plan.fault_rate == 0.5
    assert "slow" not in app.plan.kinds
    assert app.max_consecutive_faults == 2
    assert all(s.throttle is not None for s in app.services.values() if s.spec.rate_limit)


def test_every_create_app_option_reaches_the_app(served: list[dict[str, Any]]) -> None:
    result = mock(
        "--size", "10", "--size", "plivo=30", "--faults", "503,slow", "--slow-ms", "1500",
        "--max-consecutive-faults", "4", "--fault-rate", "0.1", "--check-responses",
        "--seed", "3",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    app = served[0]["app"]
    assert {n: s.dataset.size for n, s in app.services.items()} == {
        "bird": 10,
        "butter": 10,
        "duoplus": 10,
        "plivo": 30,
        "rounded": 10,
    }
    assert app.plan.kinds == ("503", "slow")
    assert app.plan.slow_ms == 1500
    assert app.max_consecutive_faults == 4
    assert all(s.check_responses for s in app.services.values())
    assert "slow waits 1500 ms" in result.output
    assert app.dataset("bird") == dataset("bird", seed=3, size=10)


def test_data_files_are_served_and_named_in_the_banner(
    served: list[dict[str, Any]], tmp_path: Path
) -> None:
    items = dataset("duoplus", seed=9, size=4)[::-1]
    (tmp_path / "duo.json").write_text(json.dumps(items))
    result = mock("--data", f"duoplus={tmp_path / 'duo.json'}", "--size", "5")
    assert result.exit_code == 0, result.output
    assert served[0]["app"].dataset("duoplus") == items
    assert "4 items, from " in result.output
    assert served[0]["options"]["data"] == {"duoplus": items}


def test_a_bad_data_item_exits_2_naming_provider_index_and_field(
    served: list[dict[str, Any]], tmp_path: Path
) -> None:
    items = dataset("plivo", size=3)
    secret = items[2]["number"]
    items[2]["sms_enabled"] = secret
    (tmp_path / "plivo.json").write_text(json.dumps(items))
    result = mock("--data", f"plivo={tmp_path / 'plivo.json'}")
    assert result.exit_code == 2
    assert "plivo item 2: field 'sms_enabled'" in result.output
    assert secret not in result.output
    assert served == []


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--data", "x.json"], "expected PROVIDER=VALUE"),
        (["--data", "nobody=x.json"], "unknown provider 'nobody'; did you mean"),
        (["--size", "nobody=3"], "unknown provider 'nobody'; did you mean"),
        (["--faults", "fire"], "'fire' is not a fault; choose from 429"),
        (["--size", "plivo=-1"], "-1 is not in the range 0<=x"),
    ],
)
def test_bad_options_exit_2_with_the_allowed_values(
    served: list[dict[str, Any]],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    args: list[str],
    message: str,
) -> None:
    (tmp_path / "x.json").write_text("[]")
    monkeypatch.chdir(tmp_path)
    result = mock(*args)
    assert result.exit_code == 2, result.output
    assert message in result.output
    assert served == []


def test_a_data_file_that_is_not_json_exits_2(served: list[dict[str, Any]], tmp_path: Path) -> None:
    (tmp_path / "bad.json").write_text("[{'number': '+15550100'}]")
    result = mock("--data", f"bird={tmp_path / 'bad.json'}")
    assert result.exit_code == 2
    assert "is not JSON: line 1" in result.output
    assert "15550100" not in result.output


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _wait_until_up(base: str, proc: subprocess.Popen[str]) -> None:
    deadline = time.monotonic() + 60
    while True:
        try:
            httpx.get(base + "/_numberhub/requests")
            return
        except httpx.TransportError:
            assert proc.poll() is None, "the mock exited"
            assert time.monotonic() < deadline, "the mock did not start"
            time.sleep(0.1)


@pytest.fixture
def cli_mock(request: pytest.FixtureRequest) -> Iterator[str]:
    """``numberhub mock`` in a subprocess with the test's arguments; its base URL."""
    port = _free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "numberhub.cli", "mock", "--port", str(port), *request.param],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        _wait_until_up(base, proc)
        yield base
    finally:
        proc.terminate()
        proc.wait(timeout=20)


@pytest.mark.parametrize(
    "cli_mock", [["--fault-rate", "0.5", "--size", "120", "--seed", "5"]], indirect=True
)
@pytest.mark.parametrize("provider", ["plivo", "bird"])
def test_a_listing_through_half_faults_with_default_client_settings_completes(
    cli_mock: str, provider: str
) -> None:
    result = CliRunner().invoke(
        main, ["list", provider, "--mock", "--base-url", cli_mock, "--format", "jsonl"]
    )
    assert result.exit_code == 0, result.output
    ids = [json.loads(line)["id"] for line in result.stdout.splitlines()]
    key = {"plivo": "number", "bird": "id"}[provider]
    expected = [str(i[key]) for i in dataset(provider, seed=5, size=120)]
    assert [i.lstrip("+") for i in ids] == [e.lstrip("+") for e in expected]
    requests = httpx.get(cli_mock + "/_numberhub/requests").json()
    pages = {"plivo": 6, "bird": 2}[provider]  # 120 items, 20 and 99 a page
    assert len(requests) > pages, "faults were injected and retried"


WORKERS = ["--workers", "2", "--rate-limit", "--fault-rate", "0.5", "--faults", "503"]


@pytest.mark.parametrize("cli_mock", [[*WORKERS, "--max-consecutive-faults", "99"]], indirect=True)
def test_workers_share_one_rate_limit_one_fault_sequence_and_one_journal(cli_mock: str) -> None:
    duo = {"DuoPlus-API-Key": "nhmock-duoplus-api-key", "X-Numberhub-Fault": "delay=0"}
    start = time.monotonic()
    limited = [  # a new connection each, so that both workers answer
        httpx.post(cli_mock + "/api/v1/cloudNumber/numberList", json={}, headers=duo).status_code
        for _ in range(8)
    ]
    elapsed = time.monotonic() - start
    # DuoPlus allows 1 request a second, in fixed windows: however slowly the requests
    # went, they spanned at most int(elapsed) + 1 windows.
    assert set(limited) <= {200, 429}
    assert 1 <= limited.count(200) <= int(elapsed) + 1, (limited, elapsed)

    rounded = {"X-Api-Key": "nhmock-rounded-api-key"}
    faulted = [
        httpx.get(cli_mock + "/v1/phone-numbers", params={"limit": n}, headers=rounded).status_code
        for n in range(1, 13)
    ]
    plan = create_app(providers=["rounded"], fault_rate=0.5, faults=["503"]).plan
    expected = [503 if plan.fault(8 + k) else 200 for k in range(12)]
    assert faulted == expected, "one fault sequence for both workers"

    journal = httpx.get(cli_mock + "/_numberhub/requests").json()
    assert [r["status"] for r in journal] == limited + faulted
    assert [r["provider"] for r in journal] == ["duoplus"] * 8 + ["rounded"] * 12
