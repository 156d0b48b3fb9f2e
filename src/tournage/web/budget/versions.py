"""Copy a devis version, and store a core ``Budget`` (e.g. imported from XLSX) as a version."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict
from typing import Any

from tournage.budget.model import Budget
from tournage.web.productions.history import create_with_history

from . import models

CORE_REFS = ("category", "quantity_ref", "number_ref")  # None in the core, "" in the database


def copy_version(source: models.BudgetVersion, target: models.BudgetVersion) -> None:
    """Give ``target`` the lines, globals and user-set rates of ``source``."""
    _fill(
        target,
        ((g.code, g.label, g.value, g.unit) for g in source.globals.all()),
        ({f: getattr(line, f) for f in models.LINE_INPUT_FIELDS} for line in source.lines.all()),
        ((o.key, o.rate, o.note) for o in source.fringe_overrides.all()),
    )


def save_budget(production: Any, budget: Budget) -> models.BudgetVersion:
    version = models.BudgetVersion.objects.create(
        production=production,
        name=budget.version,
        title=budget.title,
        variant=budget.variant,
        frais_generaux_percent=budget.overhead_percents.get("frais_generaux"),
        imprevus_percent=budget.overhead_percents.get("imprevus"),
    )
    _fill(
        version,
        ((g.code, g.label, g.value, g.unit) for g in budget.globals.values()),
        (
            {
                **asdict(line),
                **{ref: getattr(line, ref) or "" for ref in CORE_REFS},
                "position": index,
            }
            for index, line in enumerate(budget.lines, start=1)
        ),
        ((key, rate, "") for key, rate in budget.fringe_overrides.items()),
    )
    return version


def _fill(
    version: models.BudgetVersion,
    globals_: Iterable[tuple[Any, ...]],
    lines: Iterable[dict[str, Any]],
    overrides: Iterable[tuple[Any, ...]],
) -> None:
    create_with_history(
        models.BudgetGlobal,
        (
            models.BudgetGlobal(budget=version, code=code, label=label, value=value, unit=unit)
            for code, label, value, unit in globals_
        ),
    )
    create_with_history(
        models.BudgetLine, (models.BudgetLine(budget=version, **line) for line in lines)
    )
    create_with_history(
        models.FringeOverride,
        (
            models.FringeOverride(budget=version, key=key, rate=rate, note=note)
            for key, rate, note in overrides
        ),
    )
