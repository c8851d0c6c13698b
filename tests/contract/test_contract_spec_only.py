"""Providers made from their YAML alone, wrapper against mock: what one reads, the other wrote.

``telora`` and ``dialbase`` (tests/fixtures/specs/) have no Python anywhere: the mock makes
their data from their ``x-numberhub-item`` mapping, and the wrapper reads it back through
the same mapping. Every number must come back normalised (valid E.164, its own country, a
known type that fits the number, a price, a time), and ``numberhub check --mock`` must
find the mock conforming to each spec it serves.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import numberhub
import phonenumbers
import pytest
from numberhub_mock import MockServer, dataset
from numberhub_spec import SPECS_DIR_ENV, specs_dir
from phonenumbers import PhoneNumberType as PNT

FIXTURES = Path(__file__).parent.parent / "fixtures" / "specs"
NEW = ("dialbase", "telora")
SIZE = 61
KINDS = {
    "local": {PNT.FIXED_LINE, PNT.FIXED_LINE_OR_MOBILE},
    "fixed": {PNT.FIXED_LINE, PNT.FIXED_LINE_OR_MOBILE},
    "national": {PNT.FIXED_LINE, PNT.FIXED_LINE_OR_MOBILE},
    "mobile": {PNT.MOBILE, PNT.FIXED_LINE_OR_MOBILE},
    "toll_free": {PNT.TOLL_FREE},
    "voip": {PNT.VOIP},
}
STATUSES = {"telora": {"active", "porting"}, "dialbase": {"reserved", "available"}}


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The shipped specs, telora, dialbase and voxly (an older spec without a mapping)."""
    out = tmp_path_factory.mktemp("specs")
    for spec in specs_dir().glob("*"):
        shutil.copy(spec, out)
    for name in (*NEW, "voxly"):
        shutil.copy(FIXTURES / f"{name}.yaml", out)
    return out


@pytest.fixture(scope="module")
def server(folder: Path) -> Iterator[MockServer]:
    with MockServer(
        specs_dir=folder, providers=[*NEW, "voxly"], size=SIZE, check_responses=True
    ) as srv:
        yield srv


@pytest.mark.parametrize("name", NEW)
def test_the_wrapper_reads_every_number_the_mock_made(
    folder: Path, server: MockServer, monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    monkeypatch.setenv(SPECS_DIR_ENV, str(folder))
    creds = server.credentials[name]
    with numberhub.client(name, base_url=server.base_url, rate_limit=None, **creds) as client:
        numbers = list(client.list_numbers())
    items = dataset(name, specs_dir=folder, size=SIZE)
    assert [n.id for n in numbers] == [
        str(i["sid" if name == "telora" else "line_id"]) for i in items
    ]
    for number in numbers:
        assert not number.drift, number.drift
        assert number.e164 is not None
        parsed = phonenumbers.parse(number.e164)
        assert phonenumbers.is_valid_number(parsed)
        assert number.country == phonenumbers.region_code_for_number(parsed)
        assert number.type != "unknown"
        assert phonenumbers.number_type(parsed) in KINDS[number.type]
        assert number.status in STATUSES[name]
        assert number.created_at is not None
        assert number.created_at.tzinfo is not None
        assert number.capabilities.voice.enabled is not None
        price = number.monthly_price
        assert price is not None
        assert len(price.currency) == 3
        assert Decimal("0.05") <= price.amount <= 20, price


def test_numberhub_check_finds_the_mock_conforming_to_each_spec_it_serves(folder: Path) -> None:
    env = {**os.environ, SPECS_DIR_ENV: str(folder)}
    run = subprocess.run(
        [
            sys.executable,
            "-m",
            "numberhub.cli",
            "check",
            *NEW,
            "voxly",
            "--mock",
            "--format",
            "json",
        ],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )
    assert run.returncode == 0, run.stdout + run.stderr
    reports = {r["provider"]: r for r in json.loads(run.stdout)}
    assert set(reports) == {*NEW, "voxly"}
    for name, report in reports.items():
        assert report["findings"] == [], (name, report)
        assert report["pages"] >= 2, (name, report)  # paging was followed, not one page
        assert report["stopped"] is None
