"""``numberhub check --replay JOURNAL``: a team's journaled requests, sent again.

The journal is the one the README's team contract test leaves (its code run as the README
prints it, with a mock of our own standing in for the pytest factory), replayed against
the mock; then journals made by hand for the refusals and for a drifting provider.
"""

from __future__ import annotations

import contextlib
import json
import re
from pathlib import Path
from typing import Any

import pytest
from check_helpers import DriftingProxy
from cli_helpers import invoke, use_credentials
from click.testing import CliRunner
from numberhub.mock import MockServer

README = Path(__file__).resolve().parents[2] / "README.md"


def readme_team_test() -> str:
    """The README's team contract test block (the one with OUR_NUMBERS)."""
    text = README.read_text()
    blocks = re.findall(r"^```python\n(.*?)^```", text, re.M | re.S)
    (block,) = [b for b in blocks if "OUR_NUMBERS" in b and "def test_" in b]
    return block


def run_readme_team_test(tmp_path: Path) -> list[dict[str, Any]]:
    """Run the README's contract test as written; the journal its mock kept."""
    namespace: dict[str, Any] = {"__name__": "readme_team_test"}
    exec(compile(readme_team_test(), "README.md", "exec"), namespace)
    servers: list[MockServer] = []
    with contextlib.ExitStack() as stack:

        def factory(**options: Any) -> MockServer:
            servers.append(stack.enter_context(MockServer(**options)))
            return servers[-1]

        tests = [f for name, f in namespace.items() if name.startswith("test_")]
        assert tests
        for test in tests:
            arguments = test.__code__.co_varnames[: test.__code__.co_argcount]
            test(**{a: factory if a == "numberhub_mock_factory" else tmp_path for a in arguments})
        return [entry for server in servers for entry in server.requests.to_list()]


def replay(runner: CliRunner, journal: Any, tmp_path: Path, *args: str) -> Any:
    path = tmp_path / "journal.json"
    path.write_text(json.dumps(journal))
    return invoke(runner, "check", "--replay", str(path), *args)


def test_the_readme_team_journal_replays_against_the_mock(
    runner: CliRunner, tmp_path: Path
) -> None:
    journal = run_readme_team_test(tmp_path)
    assert journal, "the README's test must send requests"
    result = replay(runner, journal, tmp_path, "--mock", "--format", "json")
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["refused"] == []
    (butter,) = report["requests"]
    assert butter["provider"] == "butter"
    assert butter["request"]["query"]["status"] == ["free"]
    assert (butter["status"], butter["accepted"], butter["fits"]) == (200, True, True)
    assert butter["entries"] == list(range(len(journal)))

    text = replay(runner, journal, tmp_path, "--mock")
    assert text.exit_code == 0
    assert "butter GET /api/phone-numbers?status=free" in text.stdout
    assert "accepted: HTTP 200; the answer fits the spec" in text.stdout


def entry(provider: str | None, method: str, path: str, **query: list[str]) -> dict[str, Any]:
    return {"provider": provider, "method": method, "path": path, "query": query, "body": None,
            "status": 200, "time": "2026-12-01T10:00:00+00:00"}  # fmt: skip


PLIVO = "/v1/Account/REDACTED/Number/"


def test_distinct_requests_are_sent_once_and_pages_start_again(
    runner: CliRunner, tmp_path: Path
) -> None:
    journal = [
        entry("plivo", "GET", PLIVO, type=["tollfree"], limit=["5"], offset=["0"]),
        entry("plivo", "GET", PLIVO, type=["tollfree"], limit=["5"], offset=["5"]),
        entry("plivo", "GET", PLIVO, type=["local"], limit=["20"]),
        {**entry("duoplus", "POST", "/api/v1/cloudNumber/numberList"),
         "body": {"status": [1], "page": 2, "pagesize": 10}},
    ]  # fmt: skip
    result = replay(runner, journal, tmp_path, "--mock", "--format", "json")
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert [(r["provider"], r["entries"]) for r in report["requests"]] == [
        ("plivo", [0, 1]),
        ("plivo", [2]),
        ("duoplus", [3]),
    ]
    assert all(r["accepted"] and r["fits"] for r in report["requests"])


def test_entries_that_are_not_a_list_operation_are_refused_and_never_sent(
    runner: CliRunner, tmp_path: Path
) -> None:
    journal = [
        entry(None, "GET", "/nowhere"),
        entry("plivo", "DELETE", PLIVO),
        entry("plivo", "GET", "/v1/Account/REDACTED/Number/12345/"),
        entry("butter", "GET", "/api/phone-numbers", status=["free"]),
    ]
    result = replay(runner, journal, tmp_path, "--mock", "--format", "json")
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert [r["entry"] for r in report["refused"]] == [0, 1, 2]
    assert "no provider's list operation" in report["refused"][0]["reason"]
    assert (
        "not plivo's list operation (GET /v1/Account/{auth_id}/Number/)"
        in (report["refused"][1]["reason"])
    )
    assert [r["provider"] for r in report["requests"]] == ["butter"]
    assert result.stderr.count("refused") == 3

    only_refused = replay(runner, journal[:3], tmp_path, "--mock")
    assert only_refused.exit_code == 2
    assert "no list request of a provider" in only_refused.stderr


def test_a_request_the_spec_refuses_is_not_sent(runner: CliRunner, tmp_path: Path) -> None:
    journal = [entry("butter", "GET", "/api/phone-numbers", status=["gone"])]
    result = replay(runner, journal, tmp_path, "--mock", "--format", "json")
    assert result.exit_code == 4
    (request,) = json.loads(result.stdout)["requests"]
    assert (request["accepted"], request["status"]) == (False, None)
    assert request["error"].startswith("refused before sending (the spec): status")


@pytest.fixture
def proxy_env(monkeypatch: pytest.MonkeyPatch, server: MockServer) -> MockServer:
    use_credentials(monkeypatch, "butter", server.credentials["butter"])
    return server


def test_a_refusal_by_the_provider_reports_its_masked_error_body(
    runner: CliRunner, tmp_path: Path, proxy_env: MockServer
) -> None:
    error = {"success": False, "error": {"code": "bad_request",
             "message": "no number like +14155550123 here"}}  # fmt: skip
    journal = [entry("butter", "GET", "/api/phone-numbers", status=["free"])]
    with DriftingProxy(proxy_env.base_url, "butter", fail_with=(400, error)) as proxy:
        result = replay(runner, journal, tmp_path, "--base-url", proxy.url, "--format", "json")
    assert result.exit_code == 4, result.output
    (request,) = json.loads(result.stdout)["requests"]
    assert (request["accepted"], request["status"]) == (False, 400)
    assert request["error"]["success"] is False
    assert sorted(request["error"]["error"]) == ["code", "message"]  # the shape, masked
    assert "14155550123" not in result.output


def test_a_drifting_answer_is_reported_with_exit_6(
    runner: CliRunner, tmp_path: Path, proxy_env: MockServer
) -> None:
    journal = [entry("butter", "GET", "/api/phone-numbers", status=["free"])]
    with DriftingProxy(proxy_env.base_url, "butter", items={1}) as proxy:
        result = replay(runner, journal, tmp_path, "--base-url", proxy.url, "--format", "json")
    assert result.exit_code == 6, result.output
    (request,) = json.loads(result.stdout)["requests"]
    assert request["accepted"] is True
    assert request["fits"] is False
    rules = {(f["path"], f["rule"]) for f in request["findings"]}
    assert ("$.data[*].supports_inbound", "type") in rules
    for number in proxy.numbers:
        assert number not in result.output


def test_replays_keep_the_documented_rate_limit(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    body = "/api/v1/cloudNumber/numberList"
    journal = [
        {**entry("duoplus", "POST", body), "body": {"status": [status], "pagesize": 10}}
        for status in (1, 2)
    ] + [{**entry("duoplus", "POST", body), "body": {"region_ids": ["US"]}}]
    with MockServer(providers=["duoplus"], size=20, rate_limit=True) as limited:
        use_credentials(monkeypatch, "duoplus", limited.credentials["duoplus"])
        result = replay(runner, journal, tmp_path, "--base-url", limited.base_url)
        statuses = [r.status for r in limited.requests]
    assert result.exit_code == 0, result.output
    assert statuses == [200, 200, 200]  # 1 request/s kept across the three: no 429


def test_replay_does_not_combine_with_record_or_corpus(runner: CliRunner, tmp_path: Path) -> None:
    result = replay(runner, [], tmp_path, "--record", str(tmp_path / "c"))
    assert result.exit_code == 2
    assert "not with --record or --corpus" in result.stderr
