"""Schemathesis hooks for scripts/contract's refusal runs (loaded by path, not a test module).

``credentials_refused`` fails any answer to a request sent without the right credentials
that is not a 401 or 403: such a request must never be served, whatever its parameters.
"""

from __future__ import annotations

from typing import Any

import schemathesis

REFUSED = (401, 403)


@schemathesis.check
def credentials_refused(ctx: Any, response: Any, case: Any) -> bool | None:
    """Without the right credentials, every answer is a 401 or a 403."""
    if case.method.upper() != case.operation.method.upper():
        # A method the operation does not have is answered 405 before any auth check;
        # unsupported_method covers it in the main run.
        return None
    if response.status_code not in REFUSED:
        raise AssertionError(
            f"a request without the right credentials got {response.status_code}, "
            f"not one of {REFUSED}: {response.text[:300]}"
        )
    return True
