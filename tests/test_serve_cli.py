"""`capgraph serve` as a user runs it: a real process on a free port, stopped by SIGTERM or Ctrl-C."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest
from serve_support import build_dated_sample_graph
from test_viz_support import FUND

from capgraph.graph.falkor_store import FalkorStore

_RUN = "from capgraph.cli import run; run()"


def _children(pid: int) -> set[int]:
    found = set()
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            found.add(int(stat.parent.name))
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


@pytest.fixture
def sample_data_dir(tmp_path: Path) -> Path:
    data_dir = tmp_path / "data"
    with FalkorStore.embedded(data_dir) as store:
        build_dated_sample_graph(store)
    return data_dir


def _start(data_dir: Path, *extra: str) -> tuple[subprocess.Popen[str], str]:
    env = {**os.environ, "CAPGRAPH_DATA_DIR": str(data_dir), "COLUMNS": "200"}
    env.pop("NEO4J_URI", None)
    process = subprocess.Popen(
        [sys.executable, "-c", _RUN, "serve", "--port", "0", *extra],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    assert process.stdout is not None
    deadline = time.monotonic() + 60
    for line in process.stdout:
        if "explorer at " in line:
            return process, line.split("explorer at ", 1)[1].split()[0]
        if time.monotonic() > deadline:
            break
    process.kill()
    raise AssertionError(f"serve did not start: {process.stderr.read() if process.stderr else ''}")


@pytest.mark.parametrize("stop_signal", [signal.SIGTERM, signal.SIGINT])
def test_serve_answers_then_stops_cleanly(sample_data_dir, stop_signal):
    process, url = _start(sample_data_dir)
    try:
        assert url.startswith("http://127.0.0.1:")
        servers = _children(process.pid)
        assert servers, "the embedded FalkorDB runs as a child of serve"
        response = httpx.get(url + "api/search", params={"q": "引导基金"})
        assert FUND in {s["name"] for s in response.json()["suggestions"]}
        assert "vis.Network" in httpx.get(url).text
        assert httpx.get(url + "api/search", params={"q": "x"}, headers={"Host": "attacker.example"}).status_code == 400

        # The data directory is held: another command waits for it, then says so.
        env = {**os.environ, "CAPGRAPH_DATA_DIR": str(sample_data_dir), "CAPGRAPH_LOCK_WAIT": "0.5"}
        busy = subprocess.run(
            [sys.executable, "-c", _RUN, "query", "run", "funds/managers", "--param", f"fund={FUND}"],
            capture_output=True,
            text=True,
            env=env,
            timeout=120,
        )
        assert busy.returncode != 0 and "Traceback" not in busy.stderr
    finally:
        process.send_signal(stop_signal)
        out, err = process.communicate(timeout=60)
    assert process.returncode in (0, 130), err
    assert "Traceback" not in err
    assert all(not _alive(pid) for pid in servers)
    assert not (sample_data_dir / "falkordb.conf").exists()
    # And the data is still there for the next command.
    with FalkorStore.embedded(sample_data_dir, wait_seconds=5) as store:
        assert store.query("MATCH (n:Entity {name: $name}) RETURN count(n)", {"name": FUND}).scalar() == 1


def test_serve_refuses_a_taken_port(sample_data_dir):
    process, url = _start(sample_data_dir)
    try:
        port = url.rsplit(":", 1)[1].strip("/")
        env = {**os.environ, "CAPGRAPH_DATA_DIR": str(sample_data_dir / "other")}
        taken = subprocess.run(
            [sys.executable, "-c", _RUN, "serve", "--port", port], capture_output=True, text=True, env=env, timeout=60
        )
        assert taken.returncode != 0
        assert f"cannot listen on 127.0.0.1:{port}" in taken.stderr and "Traceback" not in taken.stderr
    finally:
        process.terminate()
        process.communicate(timeout=60)
