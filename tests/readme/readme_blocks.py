"""The fenced code blocks of README.md, by language.

Fences tell what runs: ``python`` blocks are run (a block defining ``test_*`` functions is
run by pytest), ``sh`` blocks are checked command by command; any other language
(``text``, or a bare fence) is an illustration and is not run.
"""

from __future__ import annotations

import re
from pathlib import Path

import attrs

README = Path(__file__).resolve().parents[2] / "README.md"
GENERATED_README = README.parent / "generated" / "README.md"
_FENCE = re.compile(r"^```(?P<lang>[\w+-]*)[^\n]*\n(?P<code>.*?)^```\s*$", re.M | re.S)


@attrs.frozen
class Block:
    lang: str
    code: str
    line: int
    source: str = "README.md"

    @property
    def is_test_module(self) -> bool:
        return re.search(r"^def test_", self.code, re.M) is not None

    def __str__(self) -> str:
        return f"{self.source}:{self.line}"


def blocks(text: str | None = None, *, path: Path = README) -> list[Block]:
    text = path.read_text() if text is None else text
    source = str(path.relative_to(README.parent))
    return [
        Block(m["lang"], m["code"], text.count("\n", 0, m.start()) + 1, source)
        for m in _FENCE.finditer(text)
    ]


def commands(block: Block) -> list[str]:
    """The commands of a shell block: one per line, without comments."""
    out = []
    for raw in block.code.splitlines():
        line = re.sub(r"\s+#.*$", "", raw).strip()
        if line and not line.startswith("#"):
            out.append(line)
    return out
