"""Ground truth and small helpers for the CLI tests."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

import pytest
from click.testing import CliRunner, Result
from numberhub import PhoneNumber
from numberhub._provider import provider as numberhub_provider
from numberhub.cli import main
from numberhub.cli._catalog import provider_info
from numberhub.cli._rows import row
from numberhub.mock import MockServer, dataset
from numberhub_spec import provider_names

SIZE = 45
SEED = 7
PROVIDERS = provider_names()


def all_env_vars() -> list[str]:
    return [env for name in PROVIDERS for env in provider_info(name).env_vars]


def use_credentials(
    monkeypatch: pytest.MonkeyPatch, provider: str, credentials: dict[str, str]
) -> None:
    """Put ``credentials`` (keyword -> value) in the provider's environment variables."""
    for cred in provider_info(provider).credentials:
        monkeypatch.setenv(cred.env, credentials[cred.name])


def numbers(provider: str, *, seed: int = SEED, size: int = SIZE) -> list[PhoneNumber]:
    """The mock's dataset for ``provider`` as the wrapper's PhoneNumbers, in server order."""
    normalizer = numberhub_provider(provider).normalizer
    ownership = provider_info(provider).lists
    return [
        PhoneNumber(provider, normalizer.item_id(item) or "", ownership, item, normalizer)  # type: ignore[arg-type]
        for item in dataset(provider, seed=seed, size=size)
    ]


def expected_rows(provider: str, *, seed: int = SEED, size: int = SIZE) -> list[dict[str, Any]]:
    return [row(n) for n in numbers(provider, seed=seed, size=size)]


def invoke(runner: CliRunner, *args: str) -> Result:
    return runner.invoke(main, list(args), catch_exceptions=False)


def list_from(
    runner: CliRunner,
    server: MockServer,
    monkeypatch: pytest.MonkeyPatch,
    provider: str,
    *args: str,
) -> Result:
    """``numberhub list PROVIDER --base-url <mock> ARGS`` with the mock's credentials."""
    use_credentials(monkeypatch, provider, server.credentials[provider])
    return invoke(runner, "list", provider, "--base-url", server.base_url, *args)


def parse(fmt: str, text: str) -> list[dict[str, Any]]:
    """Rows read back from ``json``, ``jsonl`` or ``csv`` output."""
    if fmt == "json":
        data: list[dict[str, Any]] = json.loads(text)
        return data
    if fmt == "jsonl":
        return [json.loads(line) for line in text.splitlines() if line.strip()]
    rows = []
    for record in csv.DictReader(io.StringIO(text)):
        values: dict[str, Any] = {k: v or None for k, v in record.items()}
        values["capabilities"] = record["capabilities"].split(",") if record["capabilities"] else []
        rows.append(values)
    return rows
