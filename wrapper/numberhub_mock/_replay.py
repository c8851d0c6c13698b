"""Serving a recorded corpus (``numberhub check --record DIR``): its items, drift and all.

A corpus folder holds ``index.json`` (``{"format": "numberhub-corpus/1", "pages":
[{"file", "provider", ...}]}``) and one JSON file per recorded answer. The items of each
provider's successful pages, in recording order and each id once, become that provider's
data, served as given (`team_items` with drift allowed): paged and filtered like any data.
The mock reads the folder itself, with the spec model only, as it reads everything else.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import numberhub_spec

from ._dataset import dig

__all__ = ["CORPUS_FORMAT", "replay_items"]

CORPUS_FORMAT = "numberhub-corpus/1"


def _load(path: Path) -> Any:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        raise ValueError(f"replay: {path} is missing or not JSON") from None


def replay_items(
    directory: str | os.PathLike[str],
    providers: Iterable[str],
    specs_dir: str | os.PathLike[str] | None = None,
) -> dict[str, list[Any]]:
    """The recorded items of each served provider the corpus has answers of.

    Raises:
        ValueError: The folder holds no corpus, or a page file is missing or not JSON.
    """
    folder = Path(directory)
    index = _load(folder / "index.json")
    if not isinstance(index, dict) or index.get("format") != CORPUS_FORMAT:
        raise ValueError(f"replay: {folder} holds no {CORPUS_FORMAT} corpus")
    served = set(providers)
    out: dict[str, list[Any]] = {}
    seen: dict[str, set[str]] = {}
    for entry in index.get("pages") or ():
        provider = entry.get("provider") if isinstance(entry, dict) else None
        if provider not in served or not 200 <= int(entry.get("status", 0)) < 300:
            continue
        spec = numberhub_spec.load(provider, specs_dir)
        body = _load(folder / str(entry["file"])).get("body")
        found = [plan.results.get(body) for plan in spec.plans.values()]
        for item in next((f for f in found if isinstance(f, list)), []):
            key = dig(item, spec.item.id_field)
            marker = json.dumps(key if key is not None else item, sort_keys=True)
            if marker not in seen.setdefault(provider, set()):
                seen[provider].add(marker)
                out.setdefault(provider, []).append(item)
    return out
