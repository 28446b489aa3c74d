"""Run the explorer: bind 127.0.0.1, serve until Ctrl-C or SIGTERM, then close the store.

The store (an embedded FalkorDB started for this, or Neo4j) is open for the server's whole
life and closed when it stops, however it stops: the embedded server is stopped and the data
directory's lock released, so no process is left behind.
"""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import sys
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from types import FrameType

import uvicorn

from capgraph.errors import InputError
from capgraph.graph.store import GraphStore
from capgraph.viz.browser import open_in_browser

from .app import create_app
from .explorer import Explorer

HOST = "127.0.0.1"
DEFAULT_PORT = 8765


def bind(port: int) -> socket.socket:
    """The listening socket on 127.0.0.1 (port 0: any free port); one clear line if the port is taken."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    # Accepted connections inherit this: without it a kept-alive connection waits ~40 ms per answer
    # (Nagle's algorithm against the client's delayed ACK).
    sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    if os.name == "posix":  # a restart on the same port must not wait out the last run's TIME_WAIT sockets
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((HOST, port))
    except OSError as error:
        sock.close()
        raise InputError(f"cannot listen on {HOST}:{port}: {error.strerror} (choose another with --port)") from None
    sock.listen(128)
    return sock


class _Stop(Exception):
    """SIGTERM, turned into an exception so the store's context manager closes it."""


@contextlib.contextmanager
def _sigterm_stops() -> Iterator[None]:
    def stop(signum: int, frame: FrameType | None) -> None:
        raise _Stop

    if threading.current_thread() is not threading.main_thread():  # signals reach the main thread only
        yield
        return
    previous = signal.signal(signal.SIGTERM, stop)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def serve(
    store: GraphStore,
    *,
    port: int = DEFAULT_PORT,
    pack_dirs: Sequence[Path] = (),
    open_browser: bool = False,
    on_ready: Callable[[str], None] | None = None,
    log_level: str = "warning",
) -> None:
    """Serve until stopped. The caller owns `store` (and closes it after this returns or raises)."""
    sock = bind(port)
    url = f"http://{HOST}:{sock.getsockname()[1]}/"
    explorer = Explorer(store, pack_dirs)
    config = uvicorn.Config(create_app(explorer), log_level=log_level, lifespan="off", access_log=False)
    server = uvicorn.Server(config)

    def announce() -> None:
        while not server.started and not server.should_exit:
            time.sleep(0.05)
        if server.started:
            if on_ready is not None:
                on_ready(url)
            if open_browser and not open_in_browser(url):
                print(f"warning: no web browser could be started here; open {url} yourself", file=sys.stderr)

    threading.Thread(target=announce, name="capgraph-serve-ready", daemon=True).start()
    # uvicorn handles Ctrl-C and SIGTERM by shutting down, then raises the signal again with the
    # handler it found: KeyboardInterrupt for Ctrl-C, `_Stop` for SIGTERM; both end here.
    with _sigterm_stops(), contextlib.suppress(KeyboardInterrupt, _Stop):
        server.run(sockets=[sock])
    sock.close()
