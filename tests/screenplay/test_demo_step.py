"""The screenplay demo step, its panel and the archive round trip."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tournage.web.screenplay.models import BreakdownTag, ScriptVersion

pytestmark = pytest.mark.django_db


def test_demo_step_is_idempotent_and_panel(production: Any) -> None:
    from tournage.web.screenplay.demo import load_demo_script
    from tournage.web.screenplay.panel import panel_context

    assert panel_context(production) == {"version": None}
    load_demo_script(production)
    load_demo_script(production)
    assert ScriptVersion.objects.filter(production=production).count() == 1
    context = panel_context(production)
    assert context["scenes"] > 10 and context["speaking"] > 3


def test_archive_round_trip(imported: ScriptVersion, production: Any, tmp_path: Path) -> None:
    from tournage.web.productions.archive import export_production, import_production

    target = tmp_path / "p.zip"
    export_production(production, str(target))
    with target.open("rb") as archive:
        copy = import_production(archive)
    version = ScriptVersion.objects.get(production=copy)
    assert version.scenes.count() == imported.scenes.count()
    assert (
        BreakdownTag.objects.filter(production=copy).count()
        == BreakdownTag.objects.filter(production=production).count()
    )
    assert version.file.read() == imported.file.open("rb").read()
