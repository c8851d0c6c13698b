"""``numberhub mock --allow-drift``, ``--replay DIR`` and ``--faults drift``."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from click.testing import CliRunner
from numberhub.cli import main
from numberhub_mock import dataset


def mock(*args: str) -> Any:
    return CliRunner().invoke(main, ["mock", *args])


def drifted_rounded(tmp_path: Path) -> tuple[Path, list[dict[str, Any]]]:
    items = dataset("rounded", size=4)
    items[1]["redirect"] = "no"
    items[3]["redirect"] = "yes"
    path = tmp_path / "rounded.json"
    path.write_text(json.dumps(items))
    return path, items


def test_allow_drift_serves_drifted_data_and_lists_the_differences(
    served: list[dict[str, Any]], tmp_path: Path
) -> None:
    path, items = drifted_rounded(tmp_path)
    refused = mock("--data", f"rounded={path}")
    assert refused.exit_code == 2
    assert "rounded item 1: field 'redirect'" in refused.output
    result = mock("--data", f"rounded={path}", "--allow-drift")
    assert result.exit_code == 0, result.output
    assert served[0]["app"].dataset("rounded") == items
    assert served[0]["options"]["allow_drift"] is True
    # The order of the allowed types is jsonschema-rs's, which differs between versions.
    assert re.fullmatch(
        r"Served as given, differing from the item schema:\n"
        r"  rounded: field 'redirect' breaks the schema's 'type' \(allowed: "
        r"\['(null|boolean)', '(null|boolean)'\]\) \(2 items, first item 1\)\n",
        result.stderr,
    )


def test_replay_serves_a_corpus_and_names_it_in_the_banner(
    served: list[dict[str, Any]], tmp_path: Path
) -> None:
    items = dataset("butter", size=3)
    body = {"success": True, "data": items, "pagination": {"has_more": False}}
    (tmp_path / "butter").mkdir()
    page = {"provider": "butter", "request": {}, "status": 200, "headers": {}, "body": body}
    (tmp_path / "butter" / "0001.json").write_text(json.dumps(page))
    entry = {"file": "butter/0001.json", "provider": "butter", "status": 200}
    index = {"format": "numberhub-corpus/1", "masked": True, "pages": [entry]}
    (tmp_path / "index.json").write_text(json.dumps(index))
    result = mock("--replay", str(tmp_path))
    assert result.exit_code == 0, result.output
    assert served[0]["app"].dataset("butter") == items
    assert served[0]["options"]["replay"] == str(tmp_path)
    assert f"3 items, from {tmp_path};" in result.output
    assert result.stderr == ""  # nothing drifted

    empty = tmp_path / "empty"
    empty.mkdir()
    assert mock("--replay", str(empty)).exit_code == 2


def test_faults_drift_is_a_fault_kind_left_out_by_default(served: list[dict[str, Any]]) -> None:
    result = mock("--fault-rate", "1", "--faults", "drift")
    assert result.exit_code == 0, result.output
    assert served[0]["app"].plan.kinds == ("drift",)
    default = mock("--fault-rate", "0.5")
    assert "drift" not in served[1]["app"].plan.kinds
    assert "drift" not in default.output.split("drawn from")[1].split(";")[0]
