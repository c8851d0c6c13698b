"""What a mock's requests share: the arrival count, rate-limit windows, fault runs, the journal.

One process keeps it in memory (``LocalState``), the fast path. Several worker processes
(``numberhub mock --workers N``) share one small SQLite file (``SharedState``), each
change in its own ``BEGIN IMMEDIATE`` transaction, so that every worker counts against
one rate limit, draws faults from one sequence and writes one journal.
"""

from __future__ import annotations

import contextlib
import math
import sqlite3
import time
from array import array
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any, overload

import orjson

from ._journal import Entry, RecordedRequest, recorded
from ._verify import Verifiable

__all__ = ["JOURNAL_LIMIT", "Journal", "LocalState", "SharedState", "State"]

JOURNAL_LIMIT = 100_000
"""The journal keeps the latest this many requests (older ones are forgotten)."""

_STREAKS_LIMIT = 100_000


def _in_window(
    window: tuple[float, int] | None, requests: int, per: float
) -> tuple[int | None, tuple[float, int]]:
    """One more request in a fixed window (start, count).

    Returns:
        The wait (None: the request may pass), and the window after it.
    """
    now = time.monotonic()  # system-wide on Linux and macOS: one clock for every worker
    start, count = window if window is not None else (now, 0)
    if now - start >= per:
        start, count = now, 0
    if count >= requests:
        return max(1, math.ceil(start + per - now)), (start, count)
    return None, (start, count + 1)


class LocalState:
    """The state of one process, in memory."""

    def __init__(self) -> None:
        self._count = 0
        self._first = 0  # the first request the journal still holds (after a clear)
        # A ring of the latest JOURNAL_LIMIT entries and their statuses (0: none yet).
        self._entries: list[Entry | None] = [None] * JOURNAL_LIMIT
        self._statuses = array("H", bytes(2 * JOURNAL_LIMIT))
        # Why a request was refused and the fault it got: set for few requests only.
        self._why: list[tuple[str | None, str | None] | None] = [None] * JOURNAL_LIMIT
        self._windows: dict[str, tuple[float, int]] = {}
        self._streaks: dict[str, int] = {}

    def arrive(self, entry: Entry) -> int:
        """Number the request (0, 1, 2... in arrival order) and journal it."""
        k = self._count
        self._count = k + 1
        slot = k % JOURNAL_LIMIT
        self._entries[slot] = entry
        self._statuses[slot] = 0
        self._why[slot] = None
        return k

    def answered(self, k: int, status: int | None) -> None:
        """Set the status request ``k`` was answered with."""
        if k >= self._first and k > self._count - JOURNAL_LIMIT - 1:
            self._statuses[k % JOURNAL_LIMIT] = status or 0

    def explain(self, k: int, error: str | None, fault: str | None) -> None:
        """Say why request ``k`` was refused, and which fault it got (before `answered`)."""
        if k >= self._first and k > self._count - JOURNAL_LIMIT - 1:
            self._why[k % JOURNAL_LIMIT] = (error, fault)

    def journal(self) -> list[RecordedRequest]:
        """The recorded requests, in arrival order."""
        out = []
        for k in range(max(self._first, self._count - JOURNAL_LIMIT), self._count):
            slot = k % JOURNAL_LIMIT
            entry = self._entries[slot]
            if entry is not None:
                why = self._why[slot] or (None, None)
                out.append(recorded(entry, self._statuses[slot] or None, *why))
        return out

    def clear_journal(self) -> None:
        """Forget the recorded requests."""
        self._first = self._count
        self._entries = [None] * JOURNAL_LIMIT
        self._why = [None] * JOURNAL_LIMIT

    def retry_after(self, key: str, requests: int, per: float) -> int | None:
        """Count a request in ``key``'s fixed window: None if it may pass, else the wait."""
        wait, self._windows[key] = _in_window(self._windows.get(key), requests, per)
        return wait

    def may_fault(self, key: str, cap: int) -> bool:
        """Whether request ``key``, drawn a fault, gets it: not after ``cap`` in a row."""
        run = self._streaks.get(key, 0)
        if run >= cap:
            self._streaks.pop(key, None)
            return False
        if len(self._streaks) >= _STREAKS_LIMIT:
            self._streaks.clear()
        self._streaks[key] = run + 1
        return True

    def passed(self, key: str) -> None:
        """Request ``key`` got no fault: its run of faults ends."""
        self._streaks.pop(key, None)


_SCHEMA = """
CREATE TABLE IF NOT EXISTS counter (id INTEGER PRIMARY KEY CHECK (id = 0), n INTEGER);
INSERT OR IGNORE INTO counter VALUES (0, 0);
CREATE TABLE IF NOT EXISTS journal (
    k INTEGER PRIMARY KEY, record BLOB, status INTEGER, error TEXT, fault TEXT
);
CREATE TABLE IF NOT EXISTS windows (key TEXT PRIMARY KEY, start REAL, count INTEGER);
CREATE TABLE IF NOT EXISTS streaks (key TEXT PRIMARY KEY, run INTEGER);
"""


class SharedState:
    """State shared by the worker processes of one mock, in a SQLite file.

    Args:
        path: The database file (made on first use); every worker opens the same one.
    """

    def __init__(self, path: str | Path) -> None:
        self._db = sqlite3.connect(path, timeout=30, isolation_level=None)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA synchronous=OFF")
        self._db.executescript("BEGIN IMMEDIATE;" + _SCHEMA + "COMMIT;")

    @contextlib.contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        """One write transaction, taken at once so that workers queue on it, not deadlock."""
        self._db.execute("BEGIN IMMEDIATE")
        with self._db:  # commits, or rolls back on any exception
            yield self._db

    def _write(self, sql: str, *args: Any) -> None:
        with self._transaction() as db:
            db.execute(sql, args)

    def arrive(self, entry: Entry) -> int:
        """See ``LocalState.arrive``."""
        record = orjson.dumps(recorded(entry, None).to_dict())
        with self._transaction() as db:
            (k,) = db.execute("UPDATE counter SET n = n + 1 RETURNING n - 1").fetchone()
            db.execute("INSERT INTO journal (k, record) VALUES (?, ?)", (k, record))
            db.execute("DELETE FROM journal WHERE k <= ?", (k - JOURNAL_LIMIT,))
        return int(k)

    def answered(self, k: int, status: int | None) -> None:
        """See ``LocalState.answered``."""
        self._write("UPDATE journal SET status = ? WHERE k = ?", status, k)

    def explain(self, k: int, error: str | None, fault: str | None) -> None:
        """See ``LocalState.explain``."""
        self._write("UPDATE journal SET error = ?, fault = ? WHERE k = ?", error, fault, k)

    def journal(self) -> list[RecordedRequest]:
        """See ``LocalState.journal``."""
        sql = "SELECT record, status, error, fault FROM journal ORDER BY k"
        return [
            RecordedRequest.from_dict({**orjson.loads(record), "status": s, "error": e, "fault": f})
            for record, s, e, f in self._db.execute(sql).fetchall()
        ]

    def clear_journal(self) -> None:
        """See ``LocalState.clear_journal``."""
        self._write("DELETE FROM journal")

    def retry_after(self, key: str, requests: int, per: float) -> int | None:
        """See ``LocalState.retry_after`` (one window for every worker)."""
        with self._transaction() as db:
            row = db.execute("SELECT start, count FROM windows WHERE key = ?", (key,)).fetchone()
            wait, window = _in_window(row, requests, per)
            db.execute("INSERT OR REPLACE INTO windows VALUES (?, ?, ?)", (key, *window))
        return wait

    def may_fault(self, key: str, cap: int) -> bool:
        """See ``LocalState.may_fault``."""
        with self._transaction() as db:
            row = db.execute("SELECT run FROM streaks WHERE key = ?", (key,)).fetchone()
            run = row[0] if row is not None else 0
            if run >= cap:
                db.execute("DELETE FROM streaks WHERE key = ?", (key,))
                return False
            db.execute("INSERT OR REPLACE INTO streaks VALUES (?, ?)", (key, run + 1))
            return True

    def passed(self, key: str) -> None:
        """See ``LocalState.passed``."""
        self._write("DELETE FROM streaks WHERE key = ?", key)


State = LocalState | SharedState
"""What a mock's requests share: in this process, or in a file its workers share."""


class Journal(Verifiable, Sequence[RecordedRequest]):
    """The requests the mock received, in arrival order (a read-only sequence).

    Each read takes a fresh snapshot; ``clear()`` empties the journal; ``matching()``
    and ``assert_count()`` verify what was sent (`numberhub_mock._verify`).
    """

    def __init__(self, state: State) -> None:
        self._state = state

    @overload
    def __getitem__(self, index: int) -> RecordedRequest: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[RecordedRequest]: ...
    def __getitem__(self, index: int | slice) -> RecordedRequest | Sequence[RecordedRequest]:
        return self._state.journal()[index]

    def __len__(self) -> int:
        return len(self._state.journal())

    def __iter__(self) -> Iterator[RecordedRequest]:
        return iter(self._state.journal())

    def clear(self) -> None:
        """Forget every recorded request."""
        self._state.clear_journal()

    def to_list(self) -> list[dict[str, Any]]:
        """Every record as ``RecordedRequest.to_dict``."""
        return [r.to_dict() for r in self._state.journal()]

    def __repr__(self) -> str:
        return f"Journal({len(self)} requests)"
