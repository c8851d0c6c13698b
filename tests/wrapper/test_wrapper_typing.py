"""What a user's code sees under ``mypy --strict``: precise clients by name, typed filters.

Two small user modules are type-checked in one mypy run (through ``mypy.api``): one that
must pass and one whose marked lines (``# E: <code>``) must fail with exactly those codes.
"""

from __future__ import annotations

import re
import textwrap
from pathlib import Path

import numberhub_spec
import pytest
from numberhub._client import client_class
from numberhub_spec import provider_names

mypy_api = pytest.importorskip("mypy.api")

GOOD = """
from typing import Any, assert_type

from bird_client.models import StockItem
from plivo_client.models import AccountPhoneNumber

import numberhub


def raw_is_the_generated_item_model() -> None:
    with numberhub.Plivo() as plivo:
        for number in plivo.list_numbers():
            assert_type(number.raw, AccountPhoneNumber)
        for page in plivo.list_numbers().pages():
            assert_type(page.items[0].raw, AccountPhoneNumber)
    bare: numberhub.PhoneNumber = next(iter(numberhub.client("plivo").list_numbers()))
    assert_type(bare.raw, Any)


def sync_by_name() -> None:
    with numberhub.client("bird") as bird:
        assert_type(bird, numberhub.Bird)
        for number in bird.list_numbers(country_codes=["US"], types=["local"], max_items=5):
            assert_type(number, numberhub.PhoneNumber[StockItem])
            assert_type(number.raw.number_string, str)
    pager = numberhub.client("plivo").list_numbers(type="local", services="voice,sms")
    assert_type(pager.total, int | None)
    for page in pager.pages():
        assert_type(page.parsed.meta.total_count, int)


async def async_by_name() -> None:
    async with numberhub.async_client("duoplus", lang="en") as duoplus:
        assert_type(duoplus, numberhub.AsyncDuoPlus)
        async for number in duoplus.list_numbers(status=[1], region_ids=["US"]):
            assert_type(number.e164, str | None)


def any_name(name: str, filters: dict[str, Any]) -> None:
    with numberhub.client(name) as client:
        assert_type(client, numberhub.SyncClient[Any])
        first = next(iter(client.list_numbers(max_items=1, page_size=10)))
        assert_type(first, numberhub.PhoneNumber)
        client.list_numbers(**filters)


def filters_without_credentials() -> None:
    names: tuple[str, ...] = numberhub.Bird.filters()
    param: numberhub.Param = numberhub.Plivo.filter_params()["type"]
    print(names, param.schema, param.problems("local"))
"""

BAD = """
import numberhub

name: str = "plivo"
numberhub.client("plivo").list_numbers(type=3)  # E: arg-type
numberhub.client("bird").list_numbers(country_code=["US"])  # E: call-arg
numberhub.client("rounded").list_numbers(use_cursor="yes")  # E: arg-type
numberhub.async_client("butter").list_numbers(page_size="10")  # E: arg-type
numberhub.client(name).list_numbers(type="local")  # E: call-arg
numberhub.client("duoplus").list_numbers().total.bit_length()  # E: union-attr
next(iter(numberhub.Plivo().list_numbers())).raw.no_such_field  # E: attr-defined
"""


def _by_name() -> str:
    """Every provider's literal name must give its own classes, sync and async, and each
    listing's numbers carry the provider's generated item model (from its spec) as ``raw``.
    """
    lines = ["from typing import assert_type", "import numberhub"]
    checks = ["", "async def main() -> None:"]
    for name in provider_names():
        cls = client_class(name).__name__
        item = numberhub_spec.load(name).item_schema_name
        assert item is not None, name
        lines.append(f"from {name}_client.models import {item} as {cls}Item")
        checks.append(f'    assert_type(numberhub.client("{name}"), numberhub.{cls})')
        checks.append(f'    assert_type(numberhub.async_client("{name}"), numberhub.Async{cls})')
        checks.append(f"    for {name}_n in numberhub.{cls}().list_numbers():")
        checks.append(f"        assert_type({name}_n.raw, {cls}Item)")
        checks.append(f"    async for {name}_a in numberhub.Async{cls}().list_numbers():")
        checks.append(f"        assert_type({name}_a.raw, {cls}Item)")
    return "\n".join(lines + checks) + "\n"


def _errors(report: str, file_name: str) -> set[tuple[int, str]]:
    pattern = re.compile(rf"^{re.escape(file_name)}:(\d+): error: .*\[([\w-]+)\]$", re.M)
    return {(int(line), code) for line, code in pattern.findall(report)}


def _expected(code: str) -> set[tuple[int, str]]:
    marks = re.finditer(r"# E: ([\w-]+)$", code, re.M)
    return {(code[: m.start()].count("\n") + 1, m.group(1)) for m in marks}


def test_user_code_type_checks_strictly(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    files = {"good.py": GOOD, "bad.py": BAD, "by_name.py": _by_name()}
    for file_name, code in files.items():
        Path(file_name).write_text(textwrap.dedent(code).lstrip())
    Path("mypy.ini").write_text("[mypy]\nstrict = True\ncache_dir = .mypy_cache\n")
    report, errors, _ = mypy_api.run(["--config-file", "mypy.ini", "--no-error-summary", *files])
    assert errors == ""
    assert _errors(report, "bad.py") == _expected(Path("bad.py").read_text()), report
    assert len(_expected(BAD)) == 7
    others = [line for line in report.splitlines() if not line.startswith("bad.py:")]
    assert others == [], report
