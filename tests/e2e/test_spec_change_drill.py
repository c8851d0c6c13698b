"""A spec change flows through the pipeline: the drift check notices, regeneration fixes it.

Works on a scratch copy of specs/ and generated/, never on the repository's own.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
REGENERATE = ROOT / "scripts" / "regenerate.py"


def run_regenerate(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(REGENERATE), *map(str, args)],
        capture_output=True,
        text=True,
        timeout=300,
    )


# Each regenerates the typed clients in a scratch copy of the repository.
pytestmark = pytest.mark.slow


@pytest.fixture
def scratch(tmp_path: Path) -> Path:
    shutil.copytree(ROOT / "specs", tmp_path / "specs")
    shutil.copytree(
        ROOT / "generated",
        tmp_path / "generated",
        ignore=shutil.ignore_patterns("__pycache__"),
    )
    return tmp_path


def change_plivo_spec(spec_path: Path) -> None:
    """Add a response field and a filter enum value, as a vendor change would."""
    spec = yaml.safe_load(spec_path.read_text())
    number = spec["components"]["schemas"]["AccountPhoneNumber"]
    number["properties"]["voice_region_code"] = {
        "type": ["string", "null"],
        "description": "Added by the drill.",
    }
    op = spec["paths"]["/v1/Account/{auth_id}/Number/"]["get"]
    type_param = next(p for p in op["parameters"] if p["name"] == "type")
    type_param["schema"]["enum"].append("premium")
    spec_path.write_text(yaml.safe_dump(spec, sort_keys=False, allow_unicode=True))


def test_drift_check_fails_then_regeneration_parses_the_new_field(scratch: Path) -> None:
    args = ("--specs", scratch / "specs", "--generated", scratch / "generated", "plivo")
    assert run_regenerate("--check", *args).returncode == 0, "scratch copy starts in sync"

    change_plivo_spec(scratch / "specs" / "plivo.yaml")

    stale = run_regenerate("--check", *args)
    assert stale.returncode == 1
    assert "plivo_client" in stale.stderr
    assert "+    voice_region_code: None | str | Unset = UNSET" in stale.stdout
    assert 'PREMIUM = "premium"' in stale.stdout

    assert run_regenerate(*args).returncode == 0
    assert run_regenerate("--check", *args).returncode == 0

    body = {
        "api_id": "a",
        "meta": {"limit": 1, "next": None, "offset": 0, "previous": None, "total_count": 1},
        "objects": [{"number": "14155550123", "voice_region_code": "US-CA"}],
    }
    probe = (
        "import json, sys\n"
        "from plivo_client.models import NumberListResponse, ListNumbersType\n"
        "page = NumberListResponse.from_dict(json.loads(sys.argv[1]))\n"
        "item = page.objects[0]\n"
        "print(json.dumps({'field': item.voice_region_code,\n"
        "                  'extra': sorted(item.additional_properties),\n"
        "                  'enum': ListNumbersType('premium').value}))\n"
    )
    env = {**os.environ, "PYTHONPATH": str(scratch / "generated" / "plivo_client")}
    out = subprocess.run(
        [sys.executable, "-c", probe, json.dumps(body)],
        capture_output=True,
        text=True,
        env=env,
        check=True,
        cwd=scratch,
    )
    assert json.loads(out.stdout) == {"field": "US-CA", "extra": [], "enum": "premium"}

    # The repository's own generated code knows neither the field nor the value.
    from plivo_client.models import AccountPhoneNumber, ListNumbersType

    assert "voice_region_code" not in AccountPhoneNumber.__annotations__
    with pytest.raises(ValueError, match="premium"):
        ListNumbersType("premium")


def test_a_new_filter_makes_the_typed_surface_stale_until_regenerated(scratch: Path) -> None:
    """A filter added to a spec reaches users' type checkers only through regeneration."""
    shutil.copytree(ROOT / "wrapper" / "numberhub" / "_surface", scratch / "_surface")
    args = (
        "--specs",
        scratch / "specs",
        "--generated",
        scratch / "generated",
        "--surface",
        scratch / "_surface",
        "--surface-only",
    )
    assert run_regenerate("--check", *args).returncode == 0, "scratch copy starts in sync"

    spec_path = scratch / "specs" / "butter.yaml"
    spec = yaml.safe_load(spec_path.read_text())
    (op,) = spec["paths"]["/api/phone-numbers"].values()
    op["parameters"].append(
        {
            "name": "provider",
            "in": "query",
            "description": "Only numbers from this carrier.",
            "schema": {"type": "string", "enum": ["twilio", "sip"]},
            "x-numberhub-filter": {"field": "provider", "op": "eq"},
        }
    )
    spec_path.write_text(yaml.safe_dump(spec, sort_keys=False, allow_unicode=True))

    stale = run_regenerate("--check", *args)
    assert stale.returncode == 1
    assert "wrapper/numberhub/_surface" in stale.stderr
    assert '+    provider: Literal["twilio", "sip"]' in stale.stdout

    assert run_regenerate(*args).returncode == 0
    assert run_regenerate("--check", *args).returncode == 0
    typed = (scratch / "_surface" / "butter.py").read_text()
    assert 'provider: Literal["twilio", "sip"]' in typed
    assert "provider:" not in (ROOT / "wrapper/numberhub/_surface/butter.py").read_text()
