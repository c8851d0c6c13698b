"""numberhub's spec model: each provider's OpenAPI spec, loaded once, as typed objects.

Every layer reads the specs through this package: the wrapper (``numberhub``), the mock
(``numberhub_mock``), the CLI and ``scripts/``. Loading a spec checks its
``x-numberhub-*`` extensions against ``specs/numberhub-extensions.schema.json`` and
raises `SpecError` (file, JSON pointer, problem) for anything it does not accept::

    import numberhub_spec

    spec = numberhub_spec.load("plivo")
    spec.operation.method, spec.operation.path      # GET /v1/Account/{auth_id}/Number/
    spec.filters["type"].problems("tollfree-ish")   # ["'tollfree-ish' is not one of ..."]
    spec.plan().style, spec.rate_limit               # offset, RateLimitSpec(300, 5.0, ...)
    [c.env for c in spec.credentials]                # PLIVO_AUTH_ID, PLIVO_AUTH_TOKEN

`diff` compares two versions of a spec, model to model, and classifies each change for
numberhub's users (`Change`: rule id, level, side, JSON pointers and lines; `RULES`);
``numberhub spec diff`` is its command line::

    [c.rule for c in numberhub_spec.diff(old, new)]  # ["request-parameter-removed", ...]
"""

from ._diff import diff
from ._diff_report import Report
from ._diff_rules import RULES, Change, Rule
from ._diff_source import SourceError, SpecVersion, open_version
from ._extensions import check_extensions, extension_names
from ._item import CapabilityRule, FieldRule, ItemMapping, PriceRule, Rules, read
from ._jsonpath import MISSING, JsonPath
from ._load import SPECS_DIR_ENV, SpecError, provider_names, shipped_dir, specs_dir
from ._operation import (
    EnvelopeSpec,
    Operation,
    OrderSpec,
    RateLimitSpec,
    ResponseSpec,
    RetrySpec,
)
from ._params import FilterRule, Parameter, snake_case
from ._plans import CursorSpec, PageEnd, PagingInput, PagingPlan
from ._redactor import REDACTED, Redactor
from ._security import CredentialSpec, SecurityScheme
from ._spec import Spec, load

__all__ = [
    "MISSING",
    "REDACTED",
    "RULES",
    "SPECS_DIR_ENV",
    "CapabilityRule",
    "Change",
    "CredentialSpec",
    "CursorSpec",
    "EnvelopeSpec",
    "FieldRule",
    "FilterRule",
    "ItemMapping",
    "JsonPath",
    "Operation",
    "OrderSpec",
    "PageEnd",
    "PagingInput",
    "PagingPlan",
    "Parameter",
    "PriceRule",
    "RateLimitSpec",
    "Redactor",
    "Report",
    "ResponseSpec",
    "RetrySpec",
    "Rule",
    "Rules",
    "SecurityScheme",
    "SourceError",
    "Spec",
    "SpecError",
    "SpecVersion",
    "check_extensions",
    "diff",
    "extension_names",
    "load",
    "open_version",
    "provider_names",
    "read",
    "shipped_dir",
    "snake_case",
    "specs_dir",
]
