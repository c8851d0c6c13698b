from __future__ import annotations

import socket
from collections.abc import Iterator

import pytest
from cli_helpers import PROVIDERS, invoke, list_from, use_credentials
from click.testing import CliRunner
from numberhub.cli._catalog import provider_info
from numberhub.mock import MockServer


def one_line(text: str) -> str:
    lines = text.strip().splitlines()
    assert len(lines) == 1, text
    assert "Traceback" not in text
    return lines[0]


@pytest.fixture
def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="module")
def throttled() -> Iterator[MockServer]:
    """A mock answering every request with 429 and Retry-After."""
    with MockServer(seed=1, size=20, fault_rate=1.0, faults=["429"]) as srv:
        yield srv


@pytest.fixture(scope="module")
def failing() -> Iterator[MockServer]:
    """A mock answering every request with 503."""
    with MockServer(seed=1, size=20, fault_rate=1.0, faults=["503"]) as srv:
        yield srv


@pytest.mark.parametrize(
    ("provider", "args", "mentions"),
    [
        ("plivo", ["--type", "tollfree-ish"], "--type"),
        ("bird", ["--country-codes", "usa"], "--country-codes"),
        ("bird", ["--features", "sms-outbound,fax"], "fax"),
        ("duoplus", ["--status", "3"], "--status"),
        ("duoplus", ["--status", "one"], "not an integer"),
        ("plivo", ["--renewal-date", "2024-02-30"], "--renewal-date"),
        ("plivo", ["--services", "voice+sms"], "--services"),
        ("bird", ["--prefix", "+1212"], "--country-codes"),
        ("plivo", ["--page-size", "21"], "--page-size"),
        ("plivo", ["--no-such-filter", "x"], "--no-such-filter"),
        ("butter", ["--format", "xml"], "--format"),
    ],
)
def test_bad_input_is_one_line_and_exit_2(
    runner: CliRunner,
    server: MockServer,
    monkeypatch: pytest.MonkeyPatch,
    provider: str,
    args: list[str],
    mentions: str,
) -> None:
    result = list_from(runner, server, monkeypatch, provider, *args)
    assert result.exit_code == 2
    assert result.stdout == ""
    line = one_line(result.stderr)
    assert line.startswith("numberhub: ")
    assert mentions in line


@pytest.mark.parametrize("provider", PROVIDERS)
def test_missing_credentials_name_the_variables_and_mock(runner: CliRunner, provider: str) -> None:
    result = invoke(runner, "list", provider)
    assert result.exit_code == 3
    line = one_line(result.stderr)
    for env in provider_info(provider).env_vars:
        assert env in line
    assert "--mock" in line


def test_missing_only_one_credential_names_it(
    runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PLIVO_AUTH_ID", "MANUMBERHUBMOCK00001")
    result = invoke(runner, "list", "plivo")
    assert result.exit_code == 3
    assert "variable PLIVO_AUTH_TOKEN " in result.stderr


@pytest.mark.parametrize("provider", PROVIDERS)
def test_wrong_credentials_exit_3_without_showing_the_secret(
    runner: CliRunner, server: MockServer, monkeypatch: pytest.MonkeyPatch, provider: str
) -> None:
    secret = "wrong-secret-0123456789abcdef"
    creds = dict(server.credentials[provider])
    for cred in provider_info(provider).credentials:
        if cred.secret:
            creds[cred.name] = secret
    use_credentials(monkeypatch, provider, creds)
    result = invoke(runner, "list", provider, "--base-url", server.base_url, "--max-retries", "0")
    assert result.exit_code == 3
    line = one_line(result.stderr)
    assert "authentication failed" in line
    assert secret not in result.stderr + result.stdout


def test_debug_shows_the_traceback_but_not_the_secret(
    runner: CliRunner, server: MockServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    secret = "wrong-secret-0123456789abcdef"
    use_credentials(monkeypatch, "rounded", {"api_key": secret})
    result = invoke(runner, "--debug", "list", "rounded", "--base-url", server.base_url)
    assert result.exit_code == 3
    assert "Traceback" in result.stderr
    assert "AuthenticationError" in result.stderr
    assert secret not in result.stderr + result.stdout


@pytest.mark.parametrize("provider", ["plivo", "bird", "duoplus"])
def test_rate_limit_exhausted_exits_4(
    runner: CliRunner, throttled: MockServer, monkeypatch: pytest.MonkeyPatch, provider: str
) -> None:
    result = list_from(runner, throttled, monkeypatch, provider, "--max-retries", "0")
    assert result.exit_code == 4
    assert "rate limit" in one_line(result.stderr)
    assert "429" in result.stderr


def test_server_errors_after_retries_exit_4(
    runner: CliRunner, failing: MockServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    result = list_from(runner, failing, monkeypatch, "butter", "--max-retries", "0")
    assert result.exit_code == 4
    assert "503" in one_line(result.stderr)


@pytest.mark.parametrize("provider", PROVIDERS)
def test_network_down_exits_5(
    runner: CliRunner,
    server: MockServer,
    monkeypatch: pytest.MonkeyPatch,
    closed_port: int,
    provider: str,
) -> None:
    use_credentials(monkeypatch, provider, server.credentials[provider])
    result = invoke(
        runner, "list", provider, "--base-url", f"http://127.0.0.1:{closed_port}",
        "--max-retries", "0",
    )  # fmt: skip
    assert result.exit_code == 5
    assert "network error" in one_line(result.stderr)


def test_an_internal_error_is_one_line_unless_debug(
    runner: CliRunner, server: MockServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("something unexpected")

    monkeypatch.setattr("numberhub.cli.listing.write_rows", broken)
    result = list_from(runner, server, monkeypatch, "rounded")
    assert result.exit_code == 1
    line = one_line(result.stderr)
    assert "internal error: RuntimeError: something unexpected" in line
    assert "--debug" in line

    debug = invoke(runner, "--debug", "list", "rounded", "--base-url", server.base_url)
    assert debug.exit_code == 1
    assert "Traceback" in debug.stderr


def test_unknown_provider_is_a_usage_error(runner: CliRunner) -> None:
    result = invoke(runner, "list", "twilio")
    assert result.exit_code == 2
    assert "twilio" in result.stderr


@pytest.mark.parametrize("command", [["list", "plivo"], ["check", "plivo"]])
def test_a_base_url_without_scheme_is_a_usage_error(runner: CliRunner, command: list[str]) -> None:
    result = invoke(runner, *command, "--base-url", "127.0.0.1:4010")
    assert result.exit_code == 2
    line = one_line(result.stderr)
    assert "--base-url" in line
    assert "http://" in line


def test_lower_case_country_codes_say_how_to_write_them(
    runner: CliRunner, server: MockServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    result = list_from(runner, server, monkeypatch, "bird", "--country-codes", "us")
    assert result.exit_code == 2
    assert "use upper-case ISO 3166-1 codes, e.g. US" in one_line(result.stderr)


def test_a_page_size_out_of_range_says_the_range(
    runner: CliRunner, server: MockServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    result = list_from(runner, server, monkeypatch, "plivo", "--page-size", "50")
    assert result.exit_code == 2
    line = one_line(result.stderr)
    assert "--page-size: 50 is out of range: Plivo allows an integer from 1 to 20" in line
    assert "is invalid" not in line
