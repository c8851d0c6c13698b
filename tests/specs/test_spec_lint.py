"""Each spec is valid OpenAPI 3.1 and passes Spectral with the repository's ruleset."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml
from openapi_spec_validator import OpenAPIV31SpecValidator, validate

ROOT = Path(__file__).resolve().parents[2]
SPECS = ROOT / "specs"
RULESET = ROOT / ".spectral.yaml"
SPECTRAL = ROOT / "node_modules" / ".bin" / "spectral"
PROVIDERS = ("bird", "butter", "duoplus", "plivo", "rounded")


def test_there_is_one_spec_per_provider():
    assert sorted(p.stem for p in SPECS.glob("*.yaml")) == sorted(PROVIDERS)


@pytest.mark.parametrize("provider", PROVIDERS)
def test_spec_is_valid_openapi_3_1(provider):
    doc = yaml.safe_load((SPECS / f"{provider}.yaml").read_text())
    assert doc["openapi"].startswith("3.1.")
    validate(doc, cls=OpenAPIV31SpecValidator)


def test_openapi_validator_rejects_a_broken_spec():
    doc = yaml.safe_load((SPECS / "butter.yaml").read_text())
    del doc["paths"]["/api/phone-numbers"]["get"]["responses"]
    doc["components"]["schemas"]["Pagination"]["type"] = "dictionary"
    errors = list(OpenAPIV31SpecValidator(doc).iter_errors())
    assert errors, "a spec without responses and with an unknown type must not validate"


def _ci() -> bool:
    return os.environ.get("CI", "").lower() not in ("", "0", "false", "no")


@pytest.fixture(scope="module")
def spectral() -> Path:
    """The pinned Spectral CLI; only a developer machine without Node may skip the lint."""
    if shutil.which("node") is None:
        if _ci():
            pytest.fail("CI is set but Node is not installed: the Spectral lint cannot run")
        pytest.skip("Node is not installed (CI is unset): Spectral lint skipped")
    if not SPECTRAL.exists():
        pytest.fail(f"{SPECTRAL.relative_to(ROOT)} is missing: run `npm ci` (scripts/test does)")
    return SPECTRAL


def run_spectral(spectral: Path, *files: Path) -> tuple[int, list[dict]]:
    result = subprocess.run(
        [
            str(spectral),
            "lint",
            "--ruleset",
            str(RULESET),
            "--format",
            "json",
            "--quiet",
            "--fail-severity",
            "warn",
            *map(str, files),
        ],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
    )
    try:
        findings = json.loads(result.stdout or "[]")
    except json.JSONDecodeError:
        pytest.fail(f"spectral did not answer JSON:\n{result.stdout}\n{result.stderr}")
    return result.returncode, findings


def _describe(findings: list[dict]) -> str:
    return "\n".join(
        f"{Path(f['source']).name}:{f['range']['start']['line'] + 1} {f['code']}: {f['message']}"
        f" at {'.'.join(map(str, f['path']))}"
        for f in findings
    )


def test_spectral_passes_on_every_spec(spectral):
    specs = sorted(SPECS.glob("*.yaml"))
    code, findings = run_spectral(spectral, *specs)
    # Severity 0 is error, 1 warning: both fail the lint. Hints and info are advice.
    failing = [f for f in findings if f["severity"] <= 1]
    assert not failing, _describe(failing)
    assert code == 0


def test_spectral_ruleset_catches_convention_violations(spectral, tmp_path):
    intact = tmp_path / "bird.yaml"
    shutil.copy(SPECS / "bird.yaml", intact)

    doc = yaml.safe_load((SPECS / "bird.yaml").read_text())
    op = doc["paths"]["/organizations/{organizationId}/numbers-stock-items"]["get"]
    op["operationId"] = "listOrganizationNumbersStockItems"
    op["tags"] = ["stock"]
    del op["responses"]["429"]
    del op["x-speakeasy-pagination"]
    doc["info"]["x-numberhub-pagesize"] = 99
    doc["components"]["schemas"]["Money"]["additionalProperties"] = False
    broken = tmp_path / "broken.yaml"
    broken.write_text(yaml.safe_dump(doc, sort_keys=False, allow_unicode=True))

    code, findings = run_spectral(spectral, intact, broken)

    by_file: dict[str, set[str]] = {}
    for f in findings:
        if f["severity"] <= 1:
            by_file.setdefault(Path(f["source"]).name, set()).add(f["code"])
    assert code != 0
    assert "bird.yaml" not in by_file, _describe(findings)
    assert by_file["broken.yaml"] >= {
        "numberhub-operation-id",
        "numberhub-tag",
        "numberhub-error-responses",
        "numberhub-pagination",
        "numberhub-known-extensions",
        "numberhub-open-response-objects",
    }, _describe(findings)
