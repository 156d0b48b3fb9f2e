"""`tournage serve`/`demo` keep the web server up when the worker dies, and stop every
child on SIGTERM/SIGINT (issue 14 item 3, issue 13 item 9)."""

from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

SLEEPER = ["-c", "import time; time.sleep(600)"]
CRASHER = ["-c", "import sys; sys.exit(3)"]


def _supervisor(children: str, tmp_path: Path) -> subprocess.Popen[str]:
    script = (
        "import sys\n"
        "from tournage.cli.supervisor import Child, Supervisor\n"
        f"sys.exit(Supervisor([{children}], poll_interval=0.1).run())\n"
    )
    return subprocess.Popen(
        [sys.executable, "-c", script], stderr=subprocess.PIPE, text=True, cwd=tmp_path
    )


def _lines_until(process: subprocess.Popen[str], pattern: str, count: int = 1) -> list[str]:
    """stderr lines up to the ``count``-th matching ``pattern`` (bounded by a deadline)."""
    seen, matches = [], 0
    deadline = time.monotonic() + 120
    assert process.stderr is not None
    while time.monotonic() < deadline:
        line = process.stderr.readline()
        if not line:
            break
        seen.append(line)
        matches += bool(re.search(pattern, line))
        if matches >= count:
            return seen
    raise AssertionError(f"{pattern!r} not seen {count} times in {seen}")


def _pids(lines: list[str], name: str) -> list[int]:
    return [
        int(m.group(1))
        for line in lines
        if (m := re.search(rf"{name} démarré \(pid (\d+)\)", line))
    ]


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


def test_a_dying_worker_is_restarted_and_the_web_server_stays(tmp_path: Path) -> None:
    supervisor = _supervisor(
        f"Child('web', {SLEEPER!r}, essential=True), Child('worker', {CRASHER!r})", tmp_path
    )
    lines = _lines_until(supervisor, r"worker démarré", count=3)
    web = _pids(lines, "web")
    assert len(web) == 1 and _alive(web[0])
    assert any("worker arrêté (code 3) : redémarrage" in line for line in lines)
    supervisor.send_signal(signal.SIGTERM)
    assert supervisor.wait(timeout=30) == 0
    assert not _alive(web[0])


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT])
def test_a_signal_stops_every_child(tmp_path: Path, signum: int) -> None:
    supervisor = _supervisor(
        f"Child('web', {SLEEPER!r}, essential=True), Child('worker', {SLEEPER!r})", tmp_path
    )
    lines = _lines_until(supervisor, r"worker démarré")
    children = _pids(lines, "web") + _pids(lines, "worker")
    supervisor.send_signal(signum)
    supervisor.wait(timeout=30)
    time.sleep(0.2)
    assert [pid for pid in children if _alive(pid)] == []


def test_a_web_server_that_cannot_start_stops_everything(tmp_path: Path) -> None:
    supervisor = _supervisor(
        f"Child('web', {CRASHER!r}, essential=True), Child('worker', {SLEEPER!r})", tmp_path
    )
    supervisor.communicate(timeout=120)
    assert supervisor.returncode == 3


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def test_kill_9_of_the_worker_under_serve_keeps_the_site_up(tmp_path: Path) -> None:
    """The real `tournage serve` on SQLite: the worker is killed, the site still answers
    and a new worker starts; SIGTERM then stops gunicorn and the worker."""
    port = _free_port()
    env = {
        **os.environ,
        "TOURNAGE_DATA_DIR": str(tmp_path / "data"),
        "DJANGO_SETTINGS_MODULE": "tournage.web.settings",
    }
    env.pop("DATABASE_URL", None)
    serve = subprocess.Popen(
        [sys.executable, "-m", "tournage", "serve", "--port", str(port), "--workers", "1"],
        stderr=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        text=True,
        env=env,
        cwd=tmp_path,
    )
    try:
        lines = _lines_until(serve, r"worker démarré")
        worker = _pids(lines, "worker")[0]
        os.kill(worker, signal.SIGKILL)
        lines += _lines_until(serve, r"worker démarré")
        assert len(_pids(lines, "worker")) == 2
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/accounts/login/", timeout=30) as page:
            assert page.status == 200
        web = _pids(lines, "serveur web")
        serve.send_signal(signal.SIGTERM)
        assert serve.wait(timeout=60) == 0
        assert [pid for pid in [*web, *_pids(lines, "worker")] if _alive(pid)] == []
    finally:
        if serve.poll() is None:
            serve.kill()
