"""``MockServer``: the mock on a real socket, in a background thread (uvicorn)."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterable, Mapping
from types import TracebackType
from typing import Any

from ._app import MockApp, create_app
from ._credentials import Credentials

__all__ = ["MockServer"]


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
            check_responses, specs_dir).
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

        config = uvicorn.Config(
            self.app,
            host=self.host,
            port=self.port,
            log_level="warning",
            lifespan="off",
            access_log=False,
            timeout_graceful_shutdown=1,
        )
        server = uvicorn.Server(config)
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
        """Stop serving and wait for the thread to end."""
        if self._server is not None:
            self._server.should_exit = True
        if self._thread is not None:
            self._thread.join(timeout=10)
        self._server = self._thread = None

    def __enter__(self) -> MockServer:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()

    def __repr__(self) -> str:
        where = self.base_url if self._server is not None else "stopped"
        return f"MockServer({where}, providers={sorted(self.providers)})"


def serve_forever(host: str, port: int, workers: int, options: Mapping[str, Any]) -> None:
    """Run the mock in the foreground until interrupted (the CLI's ``numberhub mock``)."""
    import uvicorn

    if workers > 1:
        import json
        import os

        os.environ["NUMBERHUB_MOCK_OPTIONS"] = json.dumps(dict(options))
        uvicorn.run(
            "numberhub_mock._server:app_from_env",
            factory=True,
            host=host,
            port=port,
            workers=workers,
            log_level="warning",
            lifespan="off",
            access_log=False,
        )
        return
    uvicorn.run(
        create_app(**options),
        host=host,
        port=port,
        log_level="warning",
        lifespan="off",
        access_log=False,
    )


def app_from_env() -> MockApp:
    """The app a uvicorn worker process builds from ``NUMBERHUB_MOCK_OPTIONS`` (JSON)."""
    import json
    import os

    return create_app(**json.loads(os.environ.get("NUMBERHUB_MOCK_OPTIONS", "{}")))
