"""The specs as the mock reads them: documents and their list operation (from numberhub_spec).

An interim view over `numberhub_spec` for the mock's modules that still walk the raw
document; they move to the typed objects one by one.
"""

from __future__ import annotations

import os
from typing import Any

import numberhub_spec
from numberhub_spec import provider_names, specs_dir

__all__ = ["Operation", "load_spec", "operation", "provider_names", "specs_dir"]


def load_spec(provider: str, directory: str | os.PathLike[str] | None = None) -> dict[str, Any]:
    """The parsed document of ``provider``'s spec (read-only)."""
    return dict(numberhub_spec.load(provider, directory).document)


class Operation:
    """The list operation: its path, method and raw object."""

    __slots__ = ("method", "path", "provider", "spec")

    def __init__(self, provider: str, path: str, method: str, spec: dict[str, Any]) -> None:
        self.provider = provider
        self.path = path
        self.method = method
        self.spec = spec

    def extension(self, name: str, default: Any = None) -> Any:
        """An ``x-`` extension of the operation."""
        return self.spec.get(name, default)


def operation(provider: str, directory: str | os.PathLike[str] | None = None) -> Operation:
    """``provider``'s ``list_numbers`` operation."""
    spec = numberhub_spec.load(provider, directory)
    path, method = spec.operation.path, spec.operation.method.lower()
    return Operation(provider, path, method, spec.document["paths"][path][method])
