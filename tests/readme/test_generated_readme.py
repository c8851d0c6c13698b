"""Every python block of generated/README.md runs against the mock, as written.

The blocks use the generated clients alone, with each provider's real base URL; the test
points those URLs at the mock (the only change) and sets the providers' environment
variables to the mock's credentials. A block that cannot authenticate or page by hand
fails: its own assertions check each answer's type.
"""

from __future__ import annotations

import re

import pytest
from numberhub.cli._catalog import provider_info
from numberhub.mock import MockServer
from numberhub_spec import load, provider_names
from readme_blocks import GENERATED_README, Block, blocks

PYTHON = [b for b in blocks(path=GENERATED_README) if b.lang == "python"]
SPECS = GENERATED_README.parents[1] / "specs"


def test_one_direct_use_example_per_provider() -> None:
    imported = {m for b in PYTHON for m in re.findall(r"^from (\w+)_client ", b.code, re.M)}
    assert imported >= set(provider_names())
    for name in provider_names():
        uses = [b for b in PYTHON if f"from {name}_client.api.numbers" in b.code]
        assert uses, name
        assert any("while True" in b.code for b in uses), f"{name}: no paging by hand"


@pytest.mark.parametrize("block", PYTHON, ids=str)
def test_generated_readme_block_runs(
    block: Block,
    numberhub_mock: MockServer,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    code = block.code
    for name in provider_names():
        for cred in provider_info(name).credentials:
            monkeypatch.setenv(cred.env, numberhub_mock.credentials[name][cred.name])
        for server in load(name, SPECS).servers:
            code = code.replace(f'"{server}"', repr(numberhub_mock.base_url))
    exec(compile(code, str(block), "exec"), {"__name__": "__readme__"})
    printed = capsys.readouterr().out
    if "print(" in code:
        assert re.match(r"\d+ ", printed), printed
        assert not printed.startswith("0 "), printed
