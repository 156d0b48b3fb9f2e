"""Load scenario of issue 14: logged-in users browse the demo production's dashboard,
stripboard, devis and cost report, with 0–2 s of thinking between pages.

Run it against `tournage serve` (see the README's "Load" section, `make load`); the
users log in once as the demo producer (right password, so login throttling never
triggers) and find the pages' ids from the production list."""

from __future__ import annotations

import os
import re
from typing import ClassVar

from locust import HttpUser, between, task

PASSWORD = os.environ.get("TOURNAGE_LOAD_PASSWORD", "tournage-demo")
USERNAME = os.environ.get("TOURNAGE_LOAD_USERNAME", "producer")


class Producer(HttpUser):
    wait_time = between(0, 2)
    pages: ClassVar[dict[str, str]] = {}

    def on_start(self) -> None:
        self.client.get("/accounts/login/")
        token = self.client.cookies.get("csrftoken", "")
        self.client.post(
            "/accounts/login/",
            {"username": USERNAME, "password": PASSWORD, "csrfmiddlewaretoken": token},
            headers={"Referer": f"{self.host}/accounts/login/"},
        )
        if not Producer.pages:
            Producer.pages = self._discover()

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
