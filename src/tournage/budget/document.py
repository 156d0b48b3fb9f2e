"""One production's budget file (YAML or JSON): profile, devis, financing, costs.

The CLI reads it; the web app builds the same ``ProductionBudget`` from its models, so
both print the same JSON documents. Every malformed input raises ``BudgetError`` naming the
faulty field; nothing else escapes.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any, TypeVar

import yaml

from tournage.budget.cost_report import Commitment, Expense
from tournage.budget.eligibility import ProjectProfile
from tournage.budget.errors import BudgetError
from tournage.budget.financing import FinancingPlan, FinancingSource
from tournage.budget.model import Budget, BudgetGlobal, BudgetLine
from tournage.budget.money import to_decimal

MAX_FILE_BYTES = 20 * 1024 * 1024
T = TypeVar("T")


@dataclass
class ProductionBudget:
    title: str
    profile: ProjectProfile
    budget: Budget
    financing: FinancingPlan = field(default_factory=FinancingPlan)
    commitments: list[Commitment] = field(default_factory=list)
    expenses: list[Expense] = field(default_factory=list)
    etc_overrides: dict[str, Decimal] = field(default_factory=dict)
    etc_additions: dict[str, Decimal] = field(default_factory=dict)  # from the daily reports
    duration_minutes: int | None = None
    start: date | None = None
    end: date | None = None


def parse_text(text: str) -> ProductionBudget:
    """Parse a YAML (or JSON, a subset of YAML) budget file."""
    if len(text.encode("utf-8", "replace")) > MAX_FILE_BYTES:
        raise BudgetError("FILE_TOO_LARGE", "Fichier trop volumineux (20 Mo au plus).")
    try:
        raw = yaml.safe_load(text)
    except (yaml.YAMLError, json.JSONDecodeError, RecursionError) as error:
        raise BudgetError(
            "INVALID_FILE", f"Fichier illisible (YAML/JSON attendu) : {error}"
        ) from None
    return from_dict(raw)


def from_dict(raw: object) -> ProductionBudget:
    root = _mapping(raw, "fichier")
    production = _mapping(root.get("production", {}), "production")
    profile = _profile(production)
    return ProductionBudget(
        title=_text(production.get("title", ""), "production.title"),
        profile=profile,
        budget=_budget(_mapping(root.get("budget"), "budget")),
        financing=FinancingPlan(_items(root, "financing", _source)),
        commitments=_items(root, "commitments", _commitment),
        expenses=_items(root, "expenses", _expense),
        etc_overrides={
            str(k): to_decimal(v, f"estimates_to_complete.{k}")
            for k, v in _mapping(
                root.get("estimates_to_complete", {}), "estimates_to_complete"
            ).items()
        },
        duration_minutes=_optional_int(
            production.get("duration_minutes"), "production.duration_minutes"
        ),
        start=_optional_date(production.get("start"), "production.start"),
        end=_optional_date(production.get("end"), "production.end"),
    )


def _items(root: dict[str, Any], key: str, build: Callable[[dict[str, Any], str], T]) -> list[T]:
    value = root.get(key) or []
    if not isinstance(value, list):
        raise BudgetError("INVALID_FIELD", f"{key} : une liste est attendue.")
    return [build(_mapping(item, f"{key}[{i}]"), f"{key}[{i}]") for i, item in enumerate(value)]


def _profile(raw: dict[str, Any]) -> ProjectProfile:
    flags = _mapping(raw.get("flags", {}), "production.flags")
    spend = _mapping(raw.get("regional_spend_eur", {}), "production.regional_spend_eur")
    regions = raw.get("regions", [])
    if not isinstance(regions, list):
        raise BudgetError("INVALID_FIELD", "production.regions : une liste est attendue.")
    return ProjectProfile(
        format=_text(raw.get("format", "long_metrage"), "production.format"),
        genre=_text(raw.get("genre", "fiction"), "production.genre"),
        stage=_text(raw.get("stage", "production"), "production.stage"),
        regions=[_text(r, "production.regions") for r in regions],
        regional_spend_eur={
            str(k): to_decimal(v, f"regional_spend_eur.{k}") for k, v in spend.items()
        },
        coproduction_countries=_optional_int(
            raw.get("coproduction_countries", 1), "coproduction_countries"
        ),
        subscribers=_optional_int(raw.get("subscribers"), "production.subscribers"),
        flags={str(k): _optional_bool(v, f"production.flags.{k}") for k, v in flags.items()},
    )


def _budget(raw: dict[str, Any]) -> Budget:
    globals_raw = raw.get("globals") or []
    if not isinstance(globals_raw, list):
        raise BudgetError("INVALID_FIELD", "budget.globals : une liste est attendue.")
    globals_ = [_global(_mapping(g, f"budget.globals[{i}]"), i) for i, g in enumerate(globals_raw)]
    overheads = _mapping(raw.get("overheads", {}), "budget.overheads")
    overrides = _mapping(raw.get("fringe_overrides", {}), "budget.fringe_overrides")
    return Budget(
        title=_text(raw.get("title", "Devis"), "budget.title"),
        version=_text(raw.get("version", "v1"), "budget.version"),
        variant=_text(raw.get("variant", "cinema"), "budget.variant"),
        currency=_text(raw.get("currency", "EUR"), "budget.currency"),
        lines=_items(raw, "lines", _line),
        globals={g.code: g for g in globals_},
        overhead_percents={
            str(k): None if v is None else to_decimal(v, f"budget.overheads.{k}")
            for k, v in overheads.items()
        },
        fringe_overrides={
            str(k): to_decimal(v, f"fringe_overrides.{k}") for k, v in overrides.items()
        },
    )


def _global(raw: dict[str, Any], index: int) -> BudgetGlobal:
    where = f"budget.globals[{index}]"
    return BudgetGlobal(
        code=_text(raw.get("code"), f"{where}.code", required=True),
        label=_text(raw.get("label", ""), f"{where}.label"),
        value=to_decimal(raw.get("value"), f"{where}.value"),
        unit=_text(raw.get("unit", ""), f"{where}.unit"),
    )


def _line(raw: dict[str, Any], where: str) -> BudgetLine:
    where = f"budget.{where}"
    return BudgetLine(
        account=_text(raw.get("account"), f"{where}.account", required=True),
        label=_text(raw.get("label", ""), f"{where}.label"),
        quantity=to_decimal(raw.get("quantity", 1), f"{where}.quantity"),
        unit=_text(raw.get("unit", ""), f"{where}.unit"),
        rate=to_decimal(raw.get("rate", 0), f"{where}.rate"),
        number=to_decimal(raw.get("number", 1), f"{where}.number"),
        category=_optional_text(raw.get("category"), f"{where}.category"),
        quantity_ref=_optional_text(raw.get("quantity_ref"), f"{where}.quantity_ref"),
        number_ref=_optional_text(raw.get("number_ref"), f"{where}.number_ref"),
        spent_in_france=_optional_bool(raw.get("spent_in_france", True), f"{where}.spent_in_france")
        is not False,
        tax_credit_eligible=_optional_bool(
            raw.get("tax_credit_eligible"), f"{where}.tax_credit_eligible"
        ),
        note=_text(raw.get("note", ""), f"{where}.note"),
    )


def _source(raw: dict[str, Any], where: str) -> FinancingSource:
    return FinancingSource(
        kind=_text(raw.get("kind"), f"{where}.kind", required=True),
        label=_text(raw.get("label", ""), f"{where}.label"),
        amount=to_decimal(raw.get("amount"), f"{where}.amount"),
        status=_text(raw.get("status", "planned"), f"{where}.status"),
        received=to_decimal(raw.get("received", 0), f"{where}.received"),
        aid_id=_optional_text(raw.get("aid_id"), f"{where}.aid_id"),
    )


def _commitment(raw: dict[str, Any], where: str) -> Commitment:
    return Commitment(
        account=_text(raw.get("account"), f"{where}.account", required=True),
        amount=to_decimal(raw.get("amount"), f"{where}.amount"),
        supplier=_text(raw.get("supplier", ""), f"{where}.supplier"),
        label=_text(raw.get("label", ""), f"{where}.label"),
        date=_optional_date(raw.get("date"), f"{where}.date"),
        reference=_text(raw.get("reference", ""), f"{where}.reference"),
    )


def _expense(raw: dict[str, Any], where: str) -> Expense:
    when = _optional_date(raw.get("date"), f"{where}.date")
    if when is None:
        raise BudgetError("INVALID_FIELD", f"{where}.date : date obligatoire.")
    return Expense(
        date=when,
        account=_text(raw.get("account"), f"{where}.account", required=True),
        amount_ht=to_decimal(raw.get("amount_ht"), f"{where}.amount_ht"),
        vat_rate=to_decimal(raw.get("vat_rate", 0), f"{where}.vat_rate"),
        supplier=_text(raw.get("supplier", ""), f"{where}.supplier"),
        label=_text(raw.get("label", ""), f"{where}.label"),
        payment_status=_text(raw.get("payment_status", "to_pay"), f"{where}.payment_status"),
        receipt=_text(raw.get("receipt", ""), f"{where}.receipt"),
    )


def _mapping(value: object, where: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise BudgetError("INVALID_FIELD", f"{where} : une table (clé: valeur) est attendue.")
    return value


def _text(value: object, where: str, required: bool = False) -> str:
    if value is None or value == "":
        if required:
            raise BudgetError("INVALID_FIELD", f"{where} : valeur obligatoire.")
        return ""
    if isinstance(value, bool) or not isinstance(value, str | int | float | Decimal):
        raise BudgetError("INVALID_FIELD", f"{where} : texte attendu.")
    text = str(value).strip()
    if len(text) > 500:
        raise BudgetError("INVALID_FIELD", f"{where} : texte trop long (500 caractères au plus).")
    return text


def _optional_text(value: object, where: str) -> str | None:
    return _text(value, where) or None


def _optional_bool(value: object, where: str) -> bool | None:
    if value is None or isinstance(value, bool):
        return value
    raise BudgetError("INVALID_FIELD", f"{where} : true, false ou vide attendu.")


def _optional_int(value: object, where: str) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value < 10**9:
        raise BudgetError("INVALID_FIELD", f"{where} : nombre entier positif attendu.")
    return value


def _optional_date(value: object, where: str) -> date | None:
    if value is None or isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value.strip())
        except ValueError:
            pass
    raise BudgetError("INVALID_FIELD", f"{where} : date AAAA-MM-JJ attendue.")
