"""Demo step: the demo production's script, imported and broken down (idempotent)."""

from __future__ import annotations

import logging
from typing import Any

from tournage import demo

from .models import ScriptVersion
from .services import import_script

log = logging.getLogger(__name__)
DEMO_FILE = "script.fountain"


def load_demo_script(production: Any) -> None:
    if ScriptVersion.objects.filter(production=production).exists():
        return
    try:
        text = demo.script_text()
    except (FileNotFoundError, AttributeError):
        log.warning("No demo script (%s): the demo production has no breakdown.", DEMO_FILE)
        return
    import_script(production, text.encode("utf-8"), DEMO_FILE)
