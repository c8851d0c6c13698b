"""Where the provider specs live, and their parsed contents (loaded once, on first use)."""

from __future__ import annotations

import functools
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

__all__ = ["Operation", "load_spec", "operation", "provider_names", "specs_dir"]

_HTTP_METHODS = ("get", "post", "put", "patch", "delete")


def specs_dir() -> Path:
    """The folder holding ``<provider>.yaml``.

    Installed wheels carry the specs as ``numberhub/_specs``; a source checkout (editable
    install) reads the repository's ``specs/`` folder.
    """
    packaged = Path(str(resources.files("numberhub"))) / "_specs"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[2] / "specs"


def provider_names() -> tuple[str, ...]:
    """Every provider with a spec, sorted."""
    return tuple(sorted(p.stem for p in specs_dir().glob("*.yaml")))


@functools.cache
def load_spec(provider: str) -> dict[str, Any]:
    """The parsed OpenAPI document of ``provider``."""
    path = specs_dir() / f"{provider}.yaml"
    if not path.is_file():
        known = ", ".join(provider_names())
        raise LookupError(f"no spec for provider {provider!r}; known: {known}")
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    with path.open("rb") as fh:
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


@functools.cache
def operation(provider: str) -> Operation:
    """The ``list_numbers`` operation of ``provider``'s spec."""
    for path, item in load_spec(provider)["paths"].items():
        for method in _HTTP_METHODS:
            op = item.get(method)
            if op and op.get("operationId") == "list_numbers":
                return Operation(provider, path, method, op)
    raise LookupError(f"{provider}.yaml has no list_numbers operation")
