"""The mock server, re-exported from its own package ``numberhub_mock`` (``numberhub[mock]``).

``from numberhub.mock import create_app, MockServer, dataset`` keeps working; see
``numberhub_mock`` for what the mock does.
"""

from numberhub_mock import (
    ABSENT,
    DEFAULT_CREDENTIALS,
    DEFAULT_SIZE,
    FAULT_KINDS,
    JOURNAL_PATH,
    Journal,
    MockApp,
    MockServer,
    RecordedRequest,
    create_app,
    credentials,
    dataset,
    read_items,
)

__all__ = [
    "ABSENT",
    "DEFAULT_CREDENTIALS",
    "DEFAULT_SIZE",
    "FAULT_KINDS",
    "JOURNAL_PATH",
    "Journal",
    "MockApp",
    "MockServer",
    "RecordedRequest",
    "create_app",
    "credentials",
    "dataset",
    "read_items",
]
