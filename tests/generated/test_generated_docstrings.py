"""The generated functions document every argument, from the spec's parameter descriptions."""

from __future__ import annotations

import importlib
import re

import pytest
from numberhub_spec import provider_names


@pytest.mark.parametrize("provider", provider_names())
@pytest.mark.parametrize("function", ["sync", "sync_detailed", "asyncio", "asyncio_detailed"])
def test_every_argument_has_a_description(provider: str, function: str) -> None:
    module = importlib.import_module(f"{provider}_client.api.numbers.list_numbers")
    doc = getattr(module, function).__doc__ or ""
    args = doc.split("Args:", 1)[1].split("Raises:", 1)[0]
    # one entry per argument: "name (type): description", its type possibly wrapped
    entries = re.split(r"\n {8}(?=\w+ \()", "\n" + args.strip("\n"))
    entries = [" ".join(e.split()) for e in entries if e.strip()]
    assert entries, doc
    for entry in entries:
        name, _, rest = entry.partition(" (")
        description = rest.split("): ", 1)[1] if "): " in rest else ""
        assert description.strip(), f"{provider}.{function}: {name} has no description"


def test_plivo_names_the_next_page_attribute_as_the_model_does() -> None:
    from plivo_client.api.numbers import list_numbers
    from plivo_client.models import Meta

    assert "meta.next_" in (list_numbers.sync.__doc__ or "")
    assert "next_" in {f.name for f in __import__("attrs").fields(Meta)}
