"""``MockServer``: the mock on a real socket, in a background thread (uvicorn)."""

from __future__ import annotations

import contextlib
import json
import os
import socket
import tempfile
import threading
import time
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from ._app import MockApp
from ._create import create_app
from ._credentials import Credentials
from ._state import Journal, SharedState

__all__ = ["MockServer", "bind", "serve_forever"]

_QUIET: dict[str, Any] = {
    "log_level": "warning",
    "lifespan": "off",
    "access_log": False,
    "timeout_graceful_shutdown": 1,
}
"""uvicorn's settings for the mock: no access log, no lifespan, a prompt shutdown."""


class MockServer:
    """Runs the mock with uvicorn on ``host:port`` in a daemon thread.

    Use it as a context manager (or call ``start()`` / ``stop()``)::

        with MockServer(seed=1) as server:
            httpx.get(server.base_url + "/v1/phone-numbers",
                      headers={"X-Api-Key": server.credentials["rounded"]["api_key"]})

    Args:
        host: Interface to bind (loopback by default).
        port: Port to bind; 0 picks a free one.
        **options: ``create_app``'s keyword arguments (seed, size, providers, latency_ms,
            jitter_ms, fault_rate, rate_limit, credentials, faults, slow_ms,
            max_consecutive_faults, data, check_responses, specs_dir).
    """

    def __init__(self, *, host: str = "127.0.0.1", port: int = 0, **options: Any) -> None:
        self.host = host
        self.port = port
        self.app: MockApp = create_app(**options)
        self._server: Any = None
        self._thread: threading.Thread | None = None

    @property
    def credentials(self) -> Credentials:
        """The credentials each provider accepts (keys: the wrapper's keyword arguments)."""
        return self.app.credentials

    @property
    def requests(self) -> Journal:
        """The requests received, in arrival order, without any credential (``.clear()``)."""
        return self.app.requests

    def dataset(self, provider: str, variant: str | None = None) -> list[dict[str, Any]]:
        """The items served for ``provider`` (a team's own, or generated), in server order."""
        return self.app.dataset(provider, variant)

    @property
    def base_url(self) -> str:
        """``http://host:port``: one base URL for every provider."""
        if self._server is None:
            raise RuntimeError("the server is not running")
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"http://{host}:{self.port}"

    @property
    def providers(self) -> Iterable[str]:
        """The providers served."""
        return self.app.services.keys()

    def start(self, timeout: float = 10.0) -> MockServer:
        """Start serving; returns once the socket accepts connections."""
        import uvicorn  # the mock extra; imported here to keep the module cheap

        server = uvicorn.Server(uvicorn.Config(self.app, host=self.host, port=self.port, **_QUIET))
        thread = threading.Thread(target=server.run, name="numberhub-mock", daemon=True)
        thread.start()
        deadline = time.monotonic() + timeout
        while not server.started:
            if not thread.is_alive() or time.monotonic() > deadline:
                server.should_exit = True
                raise RuntimeError(f"the mock server did not start on {self.host}:{self.port}")
            time.sleep(0.005)
        self.port = server.servers[0].sockets[0].getsockname()[1]
        self._server, self._thread = server, thread
        return self

    def stop(self) -> None:
        """Stop serving and wait for the thread to end.

        Requests still waiting (a ``slow`` fault, latency) are dropped at once, so that
        the shutdown neither waits for them nor cancels them with a traceback.
        """
        self.app.release()
        if self._server is not None:
            self._server.should_exit = True
        if self._thread is not None:
            self._thread.join(timeout=10)
        self._server = self._thread = None

    def __enter__(self) -> MockServer:
        return self.start()

    def __exit__(self, *exc_info: object) -> None:
        self.stop()

    def __repr__(self) -> str:
        where = self.base_url if self._server is not None else "stopped"
        return f"MockServer({where}, providers={sorted(self.providers)})"


def bind(host: str, port: int) -> socket.socket:
    """A listening socket on ``host:port`` (0: a free port; ``getsockname()`` tells which).

    Binding before anything is printed lets ``numberhub mock`` name the port actually
    bound, and fail on a port in use before its banner.

    Raises:
        OSError: The address cannot be bound (in use, not this machine's, no permission).
    """
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind((host.strip("[]"), port))
        sock.listen(2048)
    except OSError:
        sock.close()
        raise
    sock.set_inheritable(True)
    return sock


def serve_forever(
    sock: socket.socket,
    workers: int,
    options: Mapping[str, Any],
    *,
    app: MockApp | None = None,
) -> None:
    """Run the mock in the foreground on ``sock`` until interrupted (``numberhub mock``).

    With ``workers > 1`` the worker processes share one arrival count, rate limit, fault
    sequence and journal through a SQLite file in a temporary folder.

    Args:
        sock: The listening socket, from `bind`.
        workers: Worker processes.
        options: ``create_app``'s keyword arguments.
        app: The app made of ``options`` already, to serve with one worker.
    """
    import uvicorn

    host, port = sock.getsockname()[:2]
    common: dict[str, Any] = {"host": host, "port": port, **_QUIET}
    if workers > 1:
        # uvicorn binds the workers' socket itself: the port is known now, so the one
        # bound here makes way for it.
        sock.close()
        with tempfile.TemporaryDirectory(prefix="numberhub-mock-") as folder:
            # A file, not the variable itself: a team's data can outgrow an environment string.
            os.environ[_OPTIONS_ENV] = os.path.join(folder, "options.json")
            Path(os.environ[_OPTIONS_ENV]).write_text(json.dumps(dict(options)))
            os.environ[_STATE_ENV] = os.path.join(folder, "state.sqlite3")
            SharedState(os.environ[_STATE_ENV])  # made once, before the workers open it
            uvicorn.run(
                "numberhub_mock._server:app_from_env", factory=True, workers=workers, **common
            )
        return
    config = uvicorn.Config(app if app is not None else create_app(**options), **common)
    with contextlib.suppress(KeyboardInterrupt):  # Ctrl-C ends the mock, quietly
        uvicorn.Server(config).run(sockets=[sock])


_OPTIONS_ENV = "NUMBERHUB_MOCK_OPTIONS"
_STATE_ENV = "NUMBERHUB_MOCK_STATE"


def app_from_env() -> MockApp:
    """The app a uvicorn worker process builds from the JSON file at ``NUMBERHUB_MOCK_OPTIONS``.

    Its state is the SQLite file at ``NUMBERHUB_MOCK_STATE``, shared by every worker.
    """
    options = os.environ.get(_OPTIONS_ENV)
    app = create_app(**(json.loads(Path(options).read_text()) if options else {}))
    state = os.environ.get(_STATE_ENV)
    if state:
        app.use_state(SharedState(state))
    return app
