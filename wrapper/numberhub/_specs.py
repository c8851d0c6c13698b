"""Where the provider specs live, and their parsed contents (loaded once, on first use)."""

from __future__ import annotations

import functools
import os
import stat
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

__all__ = [
    "SPECS_DIR_ENV",
    "Operation",
    "load_spec",
    "operation",
    "provider_names",
    "specs_dir",
]

SPECS_DIR_ENV = "NUMBERHUB_SPECS_DIR"
"""The environment variable naming another folder of ``<provider>.yaml`` files."""

_HTTP_METHODS = ("get", "post", "put", "patch", "delete")


def specs_dir() -> Path:
    """The folder holding ``<provider>.yaml``.

    ``$NUMBERHUB_SPECS_DIR`` when set (e.g. the shipped specs plus a provider of your own);
    else the specs an installed wheel carries as ``numberhub/_specs``; else, in a source
    checkout (editable install), the repository's ``specs/`` folder.
    """
    override = os.environ.get(SPECS_DIR_ENV)
    if override:
        return Path(override).expanduser()
    return _shipped_dir()


@functools.cache
def _shipped_dir() -> Path:
    packaged = Path(str(resources.files("numberhub"))) / "_specs"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[2] / "specs"


def _folder(directory: str | os.PathLike[str] | None) -> Path:
    return Path(directory).expanduser() if directory is not None else specs_dir()


def provider_names(directory: str | os.PathLike[str] | None = None) -> tuple[str, ...]:
    """Every provider with a spec in ``directory`` (default ``specs_dir()``), sorted."""
    return tuple(sorted(p.stem for p in _folder(directory).glob("*.yaml")))


def load_spec(provider: str, directory: str | os.PathLike[str] | None = None) -> dict[str, Any]:
    """The parsed OpenAPI document of ``provider`` (from ``directory``, default ``specs_dir()``).

    Each file is parsed once (and again when it changes).
    """
    path = os.path.join(_folder(directory), f"{provider}.yaml")
    try:
        st = os.stat(path)
    except OSError:
        st = None
    if st is None or not stat.S_ISREG(st.st_mode):
        known = ", ".join(provider_names(directory))
        raise LookupError(f"no spec for provider {provider!r}; known: {known}")
    return _parse(os.path.abspath(path), st.st_mtime_ns, st.st_size)


@functools.cache
def _parse(path: str, mtime_ns: int, size: int) -> dict[str, Any]:
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    with open(path, "rb") as fh:
        doc: dict[str, Any] = yaml.load(fh, Loader=loader)
    return doc


class Operation:
    """The single list operation of a spec, with the pieces the wrapper and mock read."""

    __slots__ = ("method", "path", "provider", "spec")

    def __init__(self, provider: str, path: str, method: str, spec: dict[str, Any]) -> None:
        self.provider = provider
        self.path = path
        self.method = method
        self.spec = spec

    def extension(self, name: str, default: Any = None) -> Any:
        """An ``x-`` extension of the operation, e.g. ``"x-numberhub-pagination"``."""
        return self.spec.get(name, default)

    def __repr__(self) -> str:
        return f"Operation({self.provider!r}, {self.method.upper()} {self.path})"


# Parsed documents are cached for the life of the process, so their ids stay unique.
_OPERATIONS: dict[tuple[str, int], Operation] = {}


def operation(provider: str, directory: str | os.PathLike[str] | None = None) -> Operation:
    """The ``list_numbers`` operation of ``provider``'s spec (see ``load_spec``)."""
    doc = load_spec(provider, directory)
    found = _OPERATIONS.get((provider, id(doc)))
    if found is not None:
        return found
    for path, item in doc["paths"].items():
        for method in _HTTP_METHODS:
            op = item.get(method)
            if op and op.get("operationId") == "list_numbers":
                found = _OPERATIONS[(provider, id(doc))] = Operation(provider, path, method, op)
                return found
    raise LookupError(f"{provider}.yaml has no list_numbers operation")
