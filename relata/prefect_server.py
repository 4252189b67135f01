"""A local Prefect server that relata starts in the background on first use and reuses.

With no server configured, Prefect starts a temporary one in every process
that runs a flow: about 15 s of a 15-20 s one-article build, paid on every
build. Instead, ``relata build`` (and ``release``, ``serve``) starts one
server on loopback the first time, records its address and PID in
``$RELATA_HOME/prefect-server.json`` (default ``~/.relata``), and points
later runs at it while it answers: runs are still recorded (its UI shows
them), and a build pays about a second for Prefect. ``relata server stop``
stops it; ``relata server status`` says where it is.

Where ``PREFECT_API_URL`` is set (a team server, Prefect Cloud) it is used
as is. ``RELATA_PREFECT_SERVER=temporary`` keeps Prefect's per-process
temporary server (the old behaviour).
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

START_TIMEOUT_S = 90.0


def home() -> Path:
    return Path(os.environ.get("RELATA_HOME") or Path.home() / ".relata")


def _state_file() -> Path:
    return home() / "prefect-server.json"


def _healthy(url: str, timeout: float = 2.0) -> bool:
    try:
        with urllib.request.urlopen(f"{url}/health", timeout=timeout) as r:
            return r.status == 200
    except OSError:
        return False


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def status() -> dict | None:
    """The running server's state ({"url", "pid", "log", "started_at"}), if it answers."""
    try:
        state = json.loads(_state_file().read_text())
    except (OSError, ValueError):
        return None
    return state if _alive(int(state.get("pid", 0))) and _healthy(state["url"]) else None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def _starting():
    """One process at a time decides whether to start the server (two builds may start at once)."""
    home().mkdir(parents=True, exist_ok=True)
    with open(home() / "prefect-server.lock", "w") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX)
        yield


def start() -> dict:
    """The running server, started now if none answers."""
    with _starting():
        running = status()
        if running:
            return running
        port = _free_port()
        url = f"http://127.0.0.1:{port}/api"
        log = home() / "prefect-server.log"
        env = {
            **os.environ,
            "DO_NOT_TRACK": "1",
            "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
            "PREFECT_API_URL": "",  # the server itself must not point at another one
        }
        prefect = Path(sys.executable).with_name("prefect")
        cmd = [str(prefect) if prefect.exists() else sys.executable, *([] if prefect.exists() else ["-m", "prefect"])]
        with open(log, "ab") as out:
            proc = subprocess.Popen(
                [*cmd, "server", "start", "--host", "127.0.0.1", "--port", str(port), "--analytics-off"],
                stdout=out,
                stderr=subprocess.STDOUT,
                stdin=subprocess.DEVNULL,
                env=env,
                start_new_session=True,  # outlives this build; not stopped by its Ctrl+C
            )
        deadline = time.monotonic() + START_TIMEOUT_S
        while time.monotonic() < deadline:
            if proc.poll() is not None:
                raise RuntimeError(f"the Prefect server exited at start (code {proc.returncode}); see {log}")
            if _healthy(url, timeout=1.0):
                state = {"url": url, "pid": proc.pid, "log": str(log), "started_at": time.time()}
                _state_file().write_text(json.dumps(state))
                return state
            time.sleep(0.25)
        proc.terminate()
        raise RuntimeError(f"the Prefect server did not answer within {START_TIMEOUT_S:g} s; see {log}")


def stop() -> dict | None:
    """Stop the background server, if relata started one; its state."""
    try:
        state = json.loads(_state_file().read_text())
    except (OSError, ValueError):
        return None
    pid = int(state.get("pid", 0))
    if pid and _alive(pid):
        with contextlib.suppress(ProcessLookupError):
            os.killpg(pid, signal.SIGTERM)
        for _ in range(50):
            if not _alive(pid):
                break
            time.sleep(0.1)
        else:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(pid, signal.SIGKILL)
    _state_file().unlink(missing_ok=True)
    return state


def use(mode: str) -> str | None:
    """Point this process's Prefect at the server runs should go to; the URL, or None for Prefect's default.

    Called by the CLI before Prefect is imported, so Prefect reads the variable.
    """
    if os.environ.get("PREFECT_API_URL"):
        return os.environ["PREFECT_API_URL"]
    if mode == "temporary":
        # Its first start creates and migrates a database: Prefect's 20 s limit fails on a busy machine.
        os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "120")
        return None
    url = start()["url"]
    os.environ["PREFECT_API_URL"] = url
    return url
