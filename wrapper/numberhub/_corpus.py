"""A corpus: recorded answers of providers, masked, one JSON file per page plus an index.

`Recorder` keeps every answer a client reads (through an httpx response hook): the
status, the headers that matter (Content-Type, paging and rate-limit headers), the body,
and the request that got it, all masked by `numberhub._mask.Masker` unless asked not to.
`Corpus` reads one back: its pages in order, and a transport that plays the pages to a
client again, so that ``numberhub check --corpus`` reads the very answers recorded
(``numberhub mock --replay DIR`` reads the same folder to serve its items).

Layout of a corpus folder::

    index.json               {"format", "masked", "pages": [{"file", "provider", "method",
                              "path", "status"}, ...]} in recording order
    <provider>/0001.json     {"provider", "request": {"method", "path", "query", "body"},
                              "status", "headers", "body"} ("text" instead of "body" when
                              the answer is not JSON)
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

import attrs
import httpx
from numberhub_spec import Spec

from ._mask import Fakes, Masker

__all__ = ["CORPUS_FORMAT", "Corpus", "CorpusPage", "Recorder"]

CORPUS_FORMAT = "numberhub-corpus/1"
_INDEX = "index.json"
_KEPT_HEADERS = re.compile(
    r"^(content-type|retry-after|link|x-total[-\w]*|x-next[-\w]*|x-page[-\w]*"
    r"|(x-)?rate-?limit[-\w]*|x-ratelimit[-\w]*)$"
)
_MAX_BODY = 20 * 1024 * 1024


def _json_or_none(raw: bytes) -> tuple[bool, Any]:
    try:
        return True, json.loads(raw)
    except (ValueError, UnicodeDecodeError):
        return False, None


@attrs.frozen
class CorpusPage:
    """One recorded answer.

    Attributes:
        provider: The provider it came from.
        request: ``{"method", "path", "query", "body"}`` as sent (masked).
        status: The HTTP status.
        headers: The kept headers, lower-case names.
        body: The decoded JSON body (None when the answer was not JSON).
        text: The body as text when it was not JSON, else None.
    """

    provider: str
    request: dict[str, Any]
    status: int
    headers: dict[str, str]
    body: Any = None
    text: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """The page as its file holds it."""
        out = attrs.asdict(self)
        del out["text" if self.text is None else "body"]
        return out

    def response(self, request: httpx.Request) -> httpx.Response:
        """This answer again, as httpx would have received it."""
        content = self.text.encode() if self.text is not None else json.dumps(self.body).encode()
        return httpx.Response(self.status, headers=self.headers, content=content, request=request)


class Recorder:
    """Writes the answers read by clients into a corpus folder.

    Args:
        directory: The folder (made when missing; it must not hold a corpus or other files).
        mask: Mask every value (the default); False keeps the answers as they came.

    Raises:
        ValueError: ``directory`` is a file or is not empty.
    """

    def __init__(self, directory: str | Path, *, mask: bool = True) -> None:
        self.directory = Path(directory)
        if self.directory.exists() and (
            not self.directory.is_dir() or any(self.directory.iterdir())
        ):
            raise ValueError(f"{self.directory} must be an empty folder or not exist yet")
        self.mask = mask
        self.fakes = Fakes()
        self.pages: list[dict[str, Any]] = []
        self._counts: dict[str, int] = {}

    def masker(self, spec: Spec, secrets: Iterable[str] = ()) -> Masker:
        """The masker of one provider in this corpus (they share the corpus's key)."""
        return Masker(spec, self.fakes, secrets)

    def hook(self, spec: Spec, secrets: Iterable[str] = ()) -> Callable[[httpx.Response], None]:
        """An httpx ``response`` event hook recording every answer of ``spec``'s provider.

        Args:
            spec: The provider's spec.
            secrets: The credential values its client sends (taken out everywhere).
        """
        masker = self.masker(spec, secrets)

        def record(response: httpx.Response) -> None:
            response.read()
            self.add(spec, masker, response)

        return record

    def add(self, spec: Spec, masker: Masker, response: httpx.Response) -> CorpusPage:
        """Record one answer (and the request that got it)."""
        request = response.request
        is_json, body = _json_or_none(response.content[:_MAX_BODY])
        is_json_request, sent = _json_or_none(request.content) if request.content else (False, None)
        query: dict[str, list[str]] = {}
        for name, value in request.url.params.multi_items():
            query.setdefault(name, []).append(value)
        headers = {
            k.lower(): v for k, v in response.headers.items() if _KEPT_HEADERS.match(k.lower())
        }
        path = request.url.path
        if self.mask:
            path = masker.path(path)
            query = {name: [masker.query(name, v) for v in vs] for name, vs in query.items()}
            sent = masker.value(sent, spec.operation.body_schema) if is_json_request else None
            headers = {k: masker.header(k, v) for k, v in headers.items()}
            text = None
            if is_json:
                body = masker.answer(response.status_code, body)
            else:
                text = masker.string(response.text[:_MAX_BODY]) if response.content else ""
        else:
            text = None if is_json else response.text
        page = CorpusPage(
            spec.name,
            {"method": request.method, "path": path, "query": query, "body": sent},
            response.status_code,
            headers,
            body if is_json else None,
            text,
        )
        n = self._counts[spec.name] = self._counts.get(spec.name, 0) + 1
        file = f"{spec.name}/{n:04d}.json"
        target = self.directory / file
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps(page.to_dict(), indent=1, ensure_ascii=False) + "\n")
        self.pages.append(
            {
                "file": file,
                "provider": spec.name,
                "method": request.method,
                "path": path,
                "status": response.status_code,
            }
        )
        self.write_index()
        return page

    def write_index(self) -> None:
        """Write ``index.json`` (after every page, so that an interrupted run leaves one)."""
        self.directory.mkdir(parents=True, exist_ok=True)
        index = {"format": CORPUS_FORMAT, "masked": self.mask, "pages": self.pages}
        (self.directory / _INDEX).write_text(json.dumps(index, indent=1) + "\n")


class Corpus:
    """A recorded corpus, read back (see the module docstring).

    Args:
        directory: The corpus folder.

    Raises:
        ValueError: The folder holds no corpus, or a page file is missing or not JSON.
    """

    def __init__(self, directory: str | Path) -> None:
        self.directory = Path(directory)
        try:
            index = json.loads((self.directory / _INDEX).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            msg = f"{self.directory} holds no corpus ({_INDEX} missing or not JSON)"
            raise ValueError(msg) from None
        if not isinstance(index, dict) or index.get("format") != CORPUS_FORMAT:
            raise ValueError(f"{self.directory / _INDEX} is not a {CORPUS_FORMAT} index")
        self.masked = bool(index.get("masked"))
        self.pages: list[CorpusPage] = []
        for entry in index.get("pages") or []:
            file = self.directory / str(entry["file"])
            try:
                data = json.loads(file.read_text(encoding="utf-8"))
            except (OSError, ValueError):
                raise ValueError(f"corpus page {file} is missing or not JSON") from None
            self.pages.append(
                CorpusPage(
                    data["provider"],
                    data["request"],
                    int(data["status"]),
                    dict(data.get("headers") or {}),
                    data.get("body"),
                    data.get("text"),
                )
            )

    @property
    def providers(self) -> list[str]:
        """The providers recorded, in order of their first page."""
        return list(dict.fromkeys(p.provider for p in self.pages))

    def pages_of(self, provider: str) -> list[CorpusPage]:
        """The recorded answers of ``provider``, in recording order."""
        return [p for p in self.pages if p.provider == provider]

    def transport(self, provider: str) -> httpx.MockTransport:
        """A transport answering each request with the next recorded answer of ``provider``.

        Once every answer is played, it answers 404 with a JSON error.
        """
        pages: Iterator[CorpusPage] = iter(self.pages_of(provider))

        def answer(request: httpx.Request) -> httpx.Response:
            page = next(pages, None)
            if page is None:
                return httpx.Response(404, json={"error": "no more recorded answers"})
            return page.response(request)

        return httpx.MockTransport(answer)
