"""The rules of ``numberhub spec diff``: each change's stable id, level and side.

Ids are oasdiff's where the meaning is the same (``request-parameter-removed``,
``request-parameter-enum-value-removed``, ...), so they can be looked up there; the
others are numberhub's own (``item-mapping-*``, ``paging-*``, ``rate-limit-*``,
``retry-*``, ``auth-*``, ``api-typed-*``). Levels follow numberhub's reading, not a
strict client's: what a caller could send and no longer can, and what ``PhoneNumber``
or paging reads and may now miss, is ``breaking``; what tolerant reading absorbs, or a
change a user may notice without failing, is a ``warning``; the rest is ``info``.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, Literal

import attrs

__all__ = ["BUMPS", "LEVELS", "RULES", "SIDES", "Bump", "Change", "Level", "Rule", "Side", "bump"]

Level = Literal["breaking", "warning", "info"]
Side = Literal["request", "response", "paging", "auth", "limits", "item-mapping"]
Bump = Literal["major", "minor", "patch", "none"]

LEVELS: tuple[Level, ...] = ("breaking", "warning", "info")
"""The levels, most severe first."""

SIDES: tuple[Side, ...] = ("request", "response", "paging", "auth", "limits", "item-mapping")

BUMPS: dict[Level, Bump] = {"breaking": "major", "warning": "minor", "info": "patch"}
"""The version bump each level asks for at least."""


@attrs.frozen
class Rule:
    """One kind of change: its id, its usual level and side, and what it means."""

    id: str
    level: Level
    side: Side
    means: str


@attrs.frozen
class Change:
    """One classified change between two specs.

    Attributes:
        rule: The rule's stable id (``request-parameter-removed``).
        level: ``breaking``, ``warning`` or ``info``.
        side: What it touches: ``request``, ``response``, ``paging``, ``auth``,
            ``limits`` or ``item-mapping``.
        message: One sentence saying what changed, for numberhub's users.
        old: The JSON pointer in the old spec (None when the thing is new).
        new: The JSON pointer in the new spec (None when the thing is gone).
        old_line: The line of ``old`` in the old file, when known.
        new_line: The line of ``new`` in the new file, when known.
        file: The file ``new`` is in, when it is not the new spec (generated code, where
            the pointers are Python paths such as ``plivo_client.models.Meta.limit``).
    """

    rule: str
    level: Level
    side: Side
    message: str
    old: str | None = None
    new: str | None = None
    old_line: int | None = None
    new_line: int | None = None
    file: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """The change as JSON-ready values."""
        return attrs.asdict(self)


def bump(changes: Iterable[Change]) -> Bump:
    """The least version bump that fits ``changes``: that of the most severe level."""
    levels = {c.level for c in changes}
    return next((BUMPS[level] for level in LEVELS if level in levels), "none")


def _parse(table: str) -> dict[str, Rule]:
    out = {}
    for line in table.strip().splitlines():
        if not line.startswith("#"):
            rule, level, side, means = line.split(maxsplit=3)
            assert level in LEVELS, line
            assert side in SIDES, line
            out[rule] = Rule(rule, level, side, means)
    return out


# id                                   level    side         what it means
RULES: dict[str, Rule] = _parse("""
# request: what a caller sends
request-parameter-removed               breaking request      a parameter a caller sends is gone
new-required-request-parameter          breaking request      a new parameter is required
new-optional-request-parameter          info     request      a new optional parameter
request-parameter-became-required       breaking request      an optional parameter is required
request-parameter-became-optional       info     request      a required parameter is optional
request-parameter-deprecated            warning  request      a parameter is deprecated
request-parameter-reactivated           info     request      no longer deprecated
request-parameter-location-changed      warning  request      moved (query, body, header)
request-parameter-enum-value-removed    breaking request      a value a caller sends is refused
request-parameter-enum-value-added      info     request      a new value is accepted
request-parameter-became-enum           breaking request      a free value is now from a list
request-parameter-became-not-enum       info     request      a listed value is now free
request-parameter-type-changed          breaking request      fewer types accepted (narrowed)
request-parameter-type-generalized      info     request      more types are accepted
request-parameter-format-changed        breaking request      a format was added or changed
request-parameter-max-decreased         breaking request      a lower maximum
request-parameter-max-set               breaking request      a maximum where there was none
request-parameter-max-increased         info     request      a higher (or no) maximum
request-parameter-min-increased         breaking request      a higher minimum
request-parameter-min-set               breaking request      a minimum where there was none
request-parameter-min-decreased         info     request      a lower (or no) minimum
request-parameter-max-length-decreased  breaking request      a lower maxLength
request-parameter-max-length-set        breaking request      a maxLength where there was none
request-parameter-max-length-increased  info     request      a higher (or no) maxLength
request-parameter-min-length-increased  breaking request      a higher minLength
request-parameter-min-length-decreased  info     request      a lower (or no) minLength
request-parameter-min-length-set        breaking request      a minLength where there was none
request-parameter-max-items-set         breaking request      a maxItems where there was none
request-parameter-min-items-set         breaking request      a minItems where there was none
request-parameter-max-items-decreased   breaking request      a lower maxItems
request-parameter-max-items-increased   info     request      a higher (or no) maxItems
request-parameter-min-items-increased   breaking request      a higher minItems
request-parameter-min-items-decreased   info     request      a lower (or no) minItems
request-parameter-pattern-added         breaking request      a pattern where there was none
request-parameter-pattern-changed       warning  request      another pattern (may refuse values)
request-parameter-pattern-removed       info     request      no pattern any more
request-parameter-default-value-changed warning  request      another default for callers omitting
request-parameter-schema-changed        warning  request      another change to what is accepted
request-parameter-filter-changed        warning  request      selects items differently
request-parameter-serialization-updated warning  request      sent another way
request-parameter-description-changed   info     request      a parameter's description
request-body-became-required            breaking request      the request body is required
request-body-became-optional            info     request      the request body is optional
# response: what PhoneNumber, paging and .raw read
response-required-property-removed      warning  response     a required field is gone
response-optional-property-removed      warning  response     an optional field is gone
response-required-property-added        info     response     a new required field
response-optional-property-added        info     response     a new optional field
response-property-became-optional       warning  response     a required field may be missing
response-property-became-required       info     response     an optional field is always there
response-property-type-changed          warning  response     a field may hold another type
response-property-type-specialized      info     response     a field holds fewer types
response-property-enum-value-added      warning  response     a new value (read tolerantly)
response-property-enum-value-removed    info     response     a value no longer comes
response-property-schema-changed        info     response     another change to a field's schema
response-success-status-removed         breaking response     a success status is gone
response-success-status-added           info     response     a new success status
response-non-success-status-removed     info     response     an error status is gone
response-non-success-status-added       info     response     a new error status
response-media-type-removed             warning  response     an answer's media type is gone
response-media-type-added               info     response     an answer has a new media type
response-envelope-changed               warning  response     errors in 200 answers read differently
response-order-changed                  info     response     the documented item order
api-path-changed                        warning  request      the operation's method or path
api-server-changed                      warning  request      the default server
provider-changed                        breaking response     owned or available numbers
provider-description-changed            info     response     the provider's names or title
description-changed                     info     response     prose only: a summary or description
# paging
paging-style-changed                    breaking paging       offset, page or cursor paging
paging-field-changed                    breaking paging       where paging reads results or the end
paging-total-removed                    warning  paging       pager.total is no longer known
paging-total-added                      info     paging       pager.total is known
paging-input-removed                    breaking paging       a paging input is gone
paging-input-added                      info     paging       a new paging input
paging-input-renamed                    warning  paging       a paging input has another name
paging-cursor-mode-removed              breaking paging       the cursor mode is gone
paging-cursor-mode-added                info     paging       a new cursor mode
paging-changed                          warning  paging       another change to how it pages
# auth
api-security-removed                    breaking auth         a way to authenticate is gone
api-security-added                      info     auth         a new way to authenticate
api-security-component-removed          breaking auth         a security scheme is gone
api-security-component-added            info     auth         a new security scheme
api-security-component-type-changed     breaking auth         a scheme's type
api-security-component-changed          warning  auth         how a credential is sent
auth-credential-removed                 breaking auth         a credential is gone
auth-credential-added                   breaking auth         a new credential is needed
auth-credential-changed                 warning  auth         a credential's variable or secrecy
# limits
rate-limit-decreased                    warning  limits       fewer requests: listings take longer
rate-limit-increased                    info     limits       more requests allowed
rate-limit-removed                      warning  limits       no rate limit: no more pacing
rate-limit-added                        warning  limits       a rate limit: requests are paced
rate-limit-changed                      info     limits       the rate limit's scope or notes
retry-status-removed                    warning  limits       a status is no longer retried
retry-status-added                      info     limits       a status is retried
retry-connection-errors-changed         warning  limits       connection errors retried or not
retry-backoff-changed                   info     limits       the backoff's intervals
# item mapping: how an item becomes a PhoneNumber
item-mapping-field-removed              breaking item-mapping a PhoneNumber field no longer filled
item-mapping-field-added                info     item-mapping a PhoneNumber field is filled
item-mapping-source-removed             breaking item-mapping a field's source is gone
item-mapping-source-added               info     item-mapping a new source for a PhoneNumber field
item-mapping-value-removed              breaking item-mapping a value no longer translates
item-mapping-value-added                info     item-mapping a provider value translates
item-mapping-value-changed              warning  item-mapping a value translates to another
item-mapping-changed                    warning  item-mapping a field is read another way
# the generated typed surface (griffe)
api-typed-object-removed                breaking request      a public class or attribute is gone
api-typed-parameter-removed             breaking request      a keyword argument is gone
api-typed-parameter-changed             breaking request      an argument required or moved
api-typed-literal-narrowed              breaking request      a Literal accepts fewer values
api-typed-changed                       warning  request      another change to the typed surface
""")
