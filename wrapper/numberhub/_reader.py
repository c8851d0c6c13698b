"""Reading a provider's answers: pages, typed errors, and drift from the spec.

Strict in what it sends, tolerant in what it reads: a page whose structure holds (a JSON
body of the documented shape, a list of items, each an object with its id, usable paging
fields) is read even when items differ from the spec. Each difference becomes a `Finding`
in the listing's `DriftReport` and, once per client for each path and rule, a
`DriftWarning` (also logged at WARNING on the ``numberhub`` logger). ``strict=True``
turns any difference the spec forbids into `ResponseValidationError`.
"""

from __future__ import annotations

import logging
import threading
import warnings
from collections.abc import Iterable, Sequence
from typing import Any

import attrs
import httpx
import orjson
from numberhub_spec import MISSING, PagingPlan

from ._answers import AnswerSpec, answer_spec, content_type
from ._auth import SecretAuth
from ._drift import DriftReport, DriftWarning, Finding, json_type
from ._errors import (
    APIConnectionError,
    APIError,
    APITimeoutError,
    ResponseValidationError,
    error_for_status,
)
from ._models import DriftedNumber, Ownership, PhoneNumber, listed_numbers
from ._pagers import Page
from ._paginator import Params
from ._provider import Provider
from ._redact import mask_numbers
from ._text import safe_text

__all__ = ["Reader"]

log = logging.getLogger("numberhub")


class Reader:
    """Turns one provider's answers into pages or typed errors.

    Args:
        provider: The provider.
        auth: The client's auth, whose secrets are scrubbed from every message.
        strict: Refuse any answer that breaks the spec.
        conformance: Check every answer as ``numberhub check`` does: also report fields
            the spec does not list (specs allow them, and looking costs time), and the
            status, media type and body of error answers (which listing raises or
            retries without judging).
    """

    def __init__(
        self, provider: Provider, auth: SecretAuth, *, strict: bool, conformance: bool = False
    ) -> None:
        self.provider = provider
        self.name = provider.name
        self.display = provider.display_name
        self.ownership: Ownership = provider.ownership
        self.strict = strict
        self.conformance = conformance
        self._secrets = tuple(auth.secrets)
        self.spec = provider.spec
        self.envelope = provider.spec.envelope
        self.normalizer = provider.normalizer
        self.id_field = provider.id_field
        self._id_field = self.id_field
        self._warned: set[tuple[str, str, int]] = set()
        self._lock = threading.Lock()

    def answers(self, plan: PagingPlan) -> AnswerSpec:
        """The compiled spec of the answers whose items are where ``plan`` says."""
        return answer_spec(self.spec, plan.results)

    # --- messages -----------------------------------------------------------------------
    def scrub(self, text: str) -> str:
        """``text`` with every secret replaced by ``***``."""
        for secret in self._secrets:
            text = text.replace(secret, "***")
        return text

    def hide(self, values: Iterable[str]) -> None:
        """Also keep these credential values (tenant ids) out of messages and paths."""
        self._secrets = tuple({*self._secrets, *(v for v in values if v)})

    def unkeyed(self, findings: Iterable[Finding]) -> list[Finding]:
        """``findings`` with any credential value in a path replaced by ``<credential>``.

        A provider may key an object by whatever it likes, the caller's API key included;
        paths are reported and logged, so such a key never appears in one.
        """
        out = []
        for finding in findings:
            path = finding.path
            for secret in self._secrets:
                if secret in path:
                    path = path.replace(secret, "<credential>")
            out.append(finding if path is finding.path else attrs.evolve(finding, path=path))
        return out

    def report(
        self, drift: DriftReport, findings: Sequence[Finding], note: str | None = None
    ) -> None:
        """Count ``findings`` in ``drift``; warn once per client for each path and rule.

        ``note`` replaces the usual message (for a listing's own findings: repeats, a
        count other than announced).
        """
        for finding in drift.add(self.unkeyed(findings)):
            key = (finding.path, finding.rule, finding.status)
            with self._lock:
                if key in self._warned:
                    continue
                self._warned.add(key)
            message = note or (
                f"{self.display}'s answer differs from its spec: {finding}. numberhub read "
                "it anyway (strict=True refuses such answers)."
            )
            log.warning("%s", message)
            warnings.warn(DriftWarning(message), stacklevel=2)

    # --- answers ------------------------------------------------------------------------
    @staticmethod
    def decode(response: httpx.Response) -> Any:
        """The JSON body, or `MISSING` when it is not JSON."""
        try:
            return orjson.loads(response.content)
        except orjson.JSONDecodeError:
            return MISSING

    def error(
        self,
        response: httpx.Response,
        body: Any,
        status: int | None = None,
        drift: DriftReport | None = None,
    ) -> APIError:
        """The typed error for an error answer (its drift from the spec goes to ``drift``)."""
        if drift is not None and self.conformance:
            answers = self.answers_for_errors()
            found = answers.meta(response.status_code, content_type(response))
            if body is not MISSING:
                found += answers.error_body(response.status_code, body)
            if found:
                self.report(drift, found)
        status = response.status_code if status is None else status
        shown = body if body is not MISSING else response.text
        message = self.provider.error_message(body) if body is not MISSING else None
        if message:
            message = safe_text(mask_numbers(message))
        text = self.scrub(
            f"{self.display} answered {status}"
            + (f" {response.reason_phrase}" if status == response.status_code else "")
            + (f": {message}" if message else "")
        )
        return error_for_status(status)(
            text,
            status=status,
            headers=response.headers,
            body=shown,
            provider=self.name,
            response=response,
        )

    def answers_for_errors(self) -> AnswerSpec:
        """The compiled answers of the provider's first paging plan (for error answers)."""
        return self.answers(self.spec.plans[False])

    def invalid(
        self, response: httpx.Response, findings: Iterable[Finding]
    ) -> ResponseValidationError:
        """The error for an answer that does not fit the spec."""
        found = tuple(self.unkeyed(findings))
        shown = "; ".join(str(f) for f in found[:5])
        more = f" (and {len(found) - 5} more)" if len(found) > 5 else ""
        return ResponseValidationError(
            self.scrub(f"{self.display}'s answer does not fit its spec: {shown}{more}"),
            provider=self.name,
            status=response.status_code,
            body=response.content,
            errors=[str(f) for f in found],
            findings=found,
            headers=response.headers,
            response=response,
        )

    def too_large(self, response: httpx.Response, cap: int) -> ResponseValidationError:
        """The error for a body over ``max_page_bytes`` (not read any further)."""
        finding = Finding("$", "max_page_bytes", f"at most {cap} bytes", "a larger body")
        return ResponseValidationError(
            f"{self.display}'s answer is larger than max_page_bytes ({cap} bytes, after "
            "decompression): numberhub stopped reading it",
            provider=self.name,
            status=response.status_code,
            body=b"",
            errors=[str(finding)],
            findings=[finding],
            headers=response.headers,
            response=response,
        )

    def timed_out(self) -> APITimeoutError:
        """The error for an attempt that ran past its timeout as a whole."""
        return APITimeoutError(
            f"{self.display} timed out: the answer did not arrive in full within the timeout",
            provider=self.name,
        )

    def page(
        self, response: httpx.Response, plan: PagingPlan, paging: Params, drift: DriftReport
    ) -> Page[Any]:
        """The page in a response, or the typed error it means.

        Raises:
            APIError: An error answer (its status, or the error envelope of an HTTP 200).
            ResponseValidationError: An answer whose structure breaks the spec, or that
                nests deeper than the validator can follow.
        """
        try:
            return self._page(response, plan, paging, drift)
        except (ValueError, RecursionError) as exc:  # the validator's depth limit
            seen = "deeper" if "ecursion" in str(exc) else type(exc).__name__
            finding = Finding("$", "depth", "a nesting depth the validator can follow", seen)
            raise self.invalid(response, [finding]) from None

    def _page(
        self, response: httpx.Response, plan: PagingPlan, paging: Params, drift: DriftReport
    ) -> Page[Any]:
        status = response.status_code
        body = self.decode(response)
        if not 200 <= status < 300:
            raise self.error(response, body, drift=drift)
        envelope = self.envelope
        if envelope is not None and body is not MISSING:
            code = envelope.code.get(body)
            if code is not MISSING and code != envelope.success:
                mapped = envelope.codes.get(str(code))
                if mapped is None:
                    mapped = code if isinstance(code, int) and 400 <= code <= 599 else status
                raise self.error(response, body, int(mapped), drift=drift)
        answers = self.answers(plan)
        meta = answers.meta(status, content_type(response))
        if body is MISSING:
            not_json = Finding("$", "json", "a JSON body", "not JSON", status)
            raise self.invalid(response, [*meta, not_json])
        if not meta and answers.fits(body, exactly=self.conformance):
            numbers = listed_numbers(
                self.name, self._id_field, self.ownership, plan.results.get(body), self.normalizer
            )
            if numbers is not None:  # the fast path: the whole page fits the spec
                return Page(numbers, body, response, paging, lambda b: self.parse_page(response, b))
        return self._checked(response, body, answers, paging, drift, meta)

    def _checked(
        self,
        response: httpx.Response,
        body: Any,
        answers: AnswerSpec,
        paging: Params,
        drift: DriftReport,
        meta: list[Finding],
    ) -> Page[Any]:
        """The slow path: a page that differs from the spec somewhere, item by item."""
        structural = answers.structure(body)
        if structural:
            raise self.invalid(response, [*meta, *structural])
        found = [*meta, *(answers.page_extras(body) if self.conformance else ())]
        normalizer, name, ownership = self.normalizer, self.name, self.ownership
        numbers = []
        for item in answers.results.get(body):
            number_id = normalizer.item_id(item)
            if number_id is None:
                value = item.get(self._id_field, MISSING)
                seen = "missing" if value is MISSING else json_type(value)
                where = f"{answers.items_path}.{self._id_field}"
                raise self.invalid(response, [Finding(where, "identity", "the item's id", seen)])
            violations, extras = answers.item(item, undocumented=self.conformance)
            found += violations
            found += extras
            numbers.append(
                DriftedNumber(name, number_id, ownership, item, normalizer, tuple(violations))
                if violations
                else PhoneNumber(name, number_id, ownership, item, normalizer)
            )
        if self.strict and any(f.violation for f in found):
            raise self.invalid(response, [f for f in found if f.violation])
        self.report(drift, found)
        return Page(
            numbers,
            body,
            response,
            paging,
            lambda b: self.parse_page(response, b),
            tuple(found),
        )

    def transport_error(self, exc: httpx.TransportError) -> APIConnectionError:
        """The typed error for a failure below HTTP."""
        kind = APITimeoutError if isinstance(exc, httpx.TimeoutException) else APIConnectionError
        what = "timed out" if kind is APITimeoutError else "could not be reached"
        message = self.scrub(f"{self.display} {what}: {type(exc).__name__}: {exc}")
        return kind(message, provider=self.name)

    def parse_page(self, response: httpx.Response, body: Any) -> Any:
        """``body`` as the generated page model."""
        model = self.provider.page_model
        if model is None:  # no generated client: the decoded JSON
            return body
        try:
            return model.from_dict(body)
        except (KeyError, ValueError, TypeError, AttributeError) as exc:
            finding = Finding("$", "model", "what the generated model reads", type(exc).__name__)
            raise self.invalid(response, [finding]) from exc
