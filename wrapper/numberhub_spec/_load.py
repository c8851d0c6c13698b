"""Where the specs are, reading one (once per change of the file), and resolving ``$ref``."""

from __future__ import annotations

import functools
import os
import stat
from collections.abc import Mapping
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

__all__ = [
    "EXTENSIONS_SCHEMA",
    "SPECS_DIR_ENV",
    "SpecError",
    "escape",
    "provider_names",
    "read_document",
    "resolve",
    "shipped_dir",
    "specs_dir",
]

SPECS_DIR_ENV = "NUMBERHUB_SPECS_DIR"
"""The environment variable naming another folder of ``<provider>.yaml`` files."""

EXTENSIONS_SCHEMA = "numberhub-extensions.schema.json"
"""The JSON Schema of the ``x-numberhub-*`` extensions, beside the shipped specs."""


class SpecError(ValueError):
    """A spec that cannot be used: named by its file, a JSON pointer and the problem.

    Attributes:
        file: The spec's file.
        pointer: Where in it (``/paths/~1v1~1numbers/get/x-numberhub-pagination``).
        problem: What is wrong.
    """

    def __init__(self, file: str | os.PathLike[str], pointer: str, problem: str) -> None:
        super().__init__(f"{file}: {pointer or '/'}: {problem}")
        self.file = str(file)
        self.pointer = pointer
        self.problem = problem


def escape(key: str) -> str:
    """One JSON pointer segment (RFC 6901): ``/`` as ``~1``, ``~`` as ``~0``."""
    return key.replace("~", "~0").replace("/", "~1")


@functools.cache
def shipped_dir() -> Path:
    """The specs an installed wheel carries, or the repository's ``specs/`` folder."""
    packaged = Path(str(resources.files("numberhub_spec"))) / "_specs"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[2] / "specs"


def specs_dir() -> Path:
    """The folder holding ``<provider>.yaml``: ``$NUMBERHUB_SPECS_DIR``, else the shipped one."""
    override = os.environ.get(SPECS_DIR_ENV)
    return Path(override).expanduser() if override else shipped_dir()


def _folder(directory: str | os.PathLike[str] | None) -> Path:
    return Path(directory).expanduser() if directory is not None else specs_dir()


def provider_names(directory: str | os.PathLike[str] | None = None) -> tuple[str, ...]:
    """Every provider with a spec in ``directory`` (default `specs_dir`), sorted."""
    return tuple(sorted(p.stem for p in _folder(directory).glob("*.yaml")))


def spec_file(provider: str, directory: str | os.PathLike[str] | None = None) -> Path:
    """The file of ``provider``'s spec.

    Raises:
        LookupError: There is none (the message lists the known providers).
    """
    path = _folder(directory) / f"{provider}.yaml"
    try:
        st = path.stat()
    except OSError:
        st = None
    if st is None or not stat.S_ISREG(st.st_mode):
        known = ", ".join(provider_names(directory))
        raise LookupError(f"no spec for provider {provider!r}; known: {known}")
    return path


def read_document(path: Path) -> tuple[dict[str, Any], tuple[int, int]]:
    """The parsed YAML of ``path`` and its version (mtime, size); parsed once per version."""
    st = path.stat()
    version = (st.st_mtime_ns, st.st_size)
    return _parse(str(path.resolve()), *version), version


@functools.cache
def _parse(path: str, mtime_ns: int, size: int) -> dict[str, Any]:
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    with open(path, "rb") as fh:
        doc = yaml.load(fh, Loader=loader)
    if not isinstance(doc, dict):
        raise SpecError(path, "", "the file is not a YAML mapping")
    return doc


def resolve(document: Mapping[str, Any], node: Any) -> Any:
    """``node`` with local ``$ref`` chains followed (``#/components/...``); else ``node``."""
    seen = 0
    while isinstance(node, Mapping) and "$ref" in node:
        ref = str(node["$ref"])
        if not ref.startswith("#/"):
            raise LookupError(f"only local $ref are supported, not {ref!r}")
        target: Any = document
        for part in ref[2:].split("/"):
            key = part.replace("~1", "/").replace("~0", "~")
            if not isinstance(target, Mapping) or key not in target:
                raise LookupError(f"$ref {ref!r} points nowhere")
            target = target[key]
        node = target
        seen += 1
        if seen > 32:
            raise LookupError(f"$ref {ref!r} loops")
    return node
