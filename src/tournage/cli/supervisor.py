"""The processes behind ``tournage demo`` and ``tournage serve``: the web server and the
task worker, kept running.

A dead worker is restarted (with a growing pause if it keeps dying at once) while the web
server goes on serving; a web server that cannot stay up five times in a row stops
everything. SIGINT, SIGTERM and SIGHUP stop the children (terminate, then kill after a
grace period) before the supervisor exits. Events go to stderr, in French.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from dataclasses import dataclass, field
from types import FrameType

QUICK_EXIT = 10.0  # seconds: a child dying sooner than this "keeps dying"
MAX_QUICK_EXITS = 5  # for the web server: then give up
MAX_PAUSE = 60.0
GRACE = 10.0


@dataclass
class Child:
    name: str
    args: list[str]
    essential: bool = False  # the web server: its repeated failure stops the supervisor
    process: subprocess.Popen[bytes] | None = None
    started: float = 0.0
    quick_exits: int = 0
    restart_at: float | None = None
    restarts: int = 0


def _say(message: str) -> None:
    print(f"tournage : {message}", file=sys.stderr, flush=True)


@dataclass
class Supervisor:
    children: list[Child]
    stopping: bool = False
    exit_code: int = 0
    poll_interval: float = 0.5
    _signals: dict[int, object] = field(default_factory=dict)

    def run(self) -> int:
        for signum in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
            self._signals[signum] = signal.signal(signum, self._stop)
        try:
            for child in self.children:
                self._start(child)
            while not self.stopping:
                self._watch()
                time.sleep(self.poll_interval)
        finally:
            self._stop_all()
        return self.exit_code

    def _stop(self, signum: int, frame: FrameType | None) -> None:
        self.stopping = True

    def _start(self, child: Child) -> None:
        child.process = subprocess.Popen(
            [sys.executable, *child.args], env=os.environ.copy(), stdout=sys.stderr
        )
        child.started, child.restart_at = time.monotonic(), None
        _say(f"{child.name} démarré (pid {child.process.pid})")

    def _watch(self) -> None:
        now = time.monotonic()
        for child in self.children:
            if child.restart_at is not None:
                if now >= child.restart_at:
                    child.restarts += 1
                    self._start(child)
                continue
            code = child.process.poll() if child.process else None
            if code is None:
                continue
            child.quick_exits = child.quick_exits + 1 if now - child.started < QUICK_EXIT else 1
            if child.essential and child.quick_exits >= MAX_QUICK_EXITS:
                _say(f"{child.name} s'arrête dès son démarrage (code {code}) : arrêt.")
                self.exit_code, self.stopping = code or 1, True
                return
            pause = min(2.0 ** (child.quick_exits - 1), MAX_PAUSE)
            _say(f"{child.name} arrêté (code {code}) : redémarrage dans {pause:.0f} s.")
            child.restart_at = now + pause

    def _stop_all(self) -> None:
        running = [c.process for c in self.children if c.process and c.process.poll() is None]
        for process in running:
            process.terminate()
        deadline = time.monotonic() + GRACE
        for process in running:
            try:
                process.wait(timeout=max(0.0, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        for signum, handler in self._signals.items():
            signal.signal(signum, handler)  # type: ignore[arg-type]
