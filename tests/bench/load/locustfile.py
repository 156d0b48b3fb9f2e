"""Load scenario of issue 14: logged-in users browse the demo production's dashboard,
stripboard, devis and cost report, with 0–2 s of thinking between pages.

Run it against `tournage serve` (see the README's "Load" section, `make load`). The first
user logs in as the demo producer (right password, so login throttling never triggers)
and finds the pages' ids from the production list; the others browse in its session.
Fifty logins at the start would measure PBKDF2 (about 0.5 s of CPU each by design), not
the pages."""

from __future__ import annotations

import os
import re
from typing import ClassVar

from gevent.lock import Semaphore
from locust import HttpUser, between, task

PASSWORD = os.environ.get("TOURNAGE_LOAD_PASSWORD", "tournage-demo")
USERNAME = os.environ.get("TOURNAGE_LOAD_USERNAME", "producer")


class Producer(HttpUser):
    wait_time = between(0, 2)
    pages: ClassVar[dict[str, str]] = {}
    cookies: ClassVar[dict[str, str]] = {}
    first = Semaphore()

    def on_start(self) -> None:
        with Producer.first:
            if not Producer.cookies:
                self._log_in()
                Producer.cookies = self.client.cookies.get_dict()
                Producer.pages = self._discover()
        for name, value in Producer.cookies.items():
            self.client.cookies.set(name, value)

    def _log_in(self) -> None:
        self.client.get("/accounts/login/")
        token = self.client.cookies.get("csrftoken", "")
        self.client.post(
            "/accounts/login/",
            {"username": USERNAME, "password": PASSWORD, "csrfmiddlewaretoken": token},
            headers={"Referer": f"{self.host}/accounts/login/"},
        )

    def _find(self, path: str, pattern: str) -> str:
        response = self.client.get(path, name="discovery")
        found = re.search(pattern, response.text)
        if found is None:
            raise RuntimeError(f"no {pattern} in {path}: is the demo loaded?")
        return found.group(0)

    def _discover(self) -> dict[str, str]:
        production = self._find("/productions/", r"/p/\d+/")
        return {
            "dashboard": production,
            "stripboard": self._find(f"{production}schedule/", rf"{production}schedule/\d+/"),
            "devis": self._find(f"{production}budget/", rf"{production}budget/versions/\d+/"),
            "cost report": f"{production}budget/costs/",
        }

    def _open(self, name: str) -> None:
        self.client.get(self.pages[name], name=name)

    @task(3)
    def dashboard(self) -> None:
        self._open("dashboard")

    @task(2)
    def stripboard(self) -> None:
        self._open("stripboard")

    @task(2)
    def devis(self) -> None:
        self._open("devis")

    @task(2)
    def cost_report(self) -> None:
        self._open("cost report")
