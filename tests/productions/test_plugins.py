"""The plug-in contract holds for every installed domain: archive coverage, api boundary."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

from django.apps import apps
from django.db import models
from simple_history.models import HistoricalChanges

from tournage.web.plugins import DomainAppConfig
from tournage.web.productions.archive import archived_models
from tournage.web.productions.models import Production

PYPROJECT = Path(__file__).resolve().parents[2] / "pyproject.toml"
# Models that reach a production but are deliberately left out of its archive, and why.
NOT_ARCHIVED = {
    "productions.ArchiveExport": "the log of the archives themselves, not production data",
}


def _reaches_production(model: type[models.Model], seen: frozenset[type] = frozenset()) -> bool:
    for field in model._meta.concrete_fields:
        target = field.related_model if field.many_to_one else None
        if target is Production:
            return True
        known = seen | {model}
        if isinstance(target, type) and target not in known and _reaches_production(target, known):
            return True
    return False


def _tournage_models() -> list[type[models.Model]]:
    return [
        model
        for model in apps.get_models()
        if model.__module__.startswith("tournage.") and not issubclass(model, HistoricalChanges)
    ]


def test_every_model_that_reaches_a_production_is_archived() -> None:
    archived = set(archived_models())
    missing = [
        model._meta.label
        for model in _tournage_models()
        if _reaches_production(model)
        and model not in archived
        and model._meta.label not in NOT_ARCHIVED
    ]
    assert missing == []


def test_the_not_archived_list_names_real_models() -> None:
    labels = {model._meta.label for model in _tournage_models()}
    assert set(NOT_ARCHIVED) <= labels


def _protected_by_contract() -> dict[str, dict[str, list[str]]]:
    contracts = tomllib.loads(PYPROJECT.read_text())["tool"]["importlinter"]["contracts"]
    return {
        contract["protected_modules"][0]: contract
        for contract in contracts
        if contract["type"] == "protected"
    }


def test_every_domain_app_is_reached_only_through_its_api() -> None:
    protected = _protected_by_contract()
    domains = [
        config.name
        for config in apps.get_app_configs()
        if isinstance(config, DomainAppConfig) and config.label != "productions"
    ]
    assert domains
    for name in domains:
        contract = protected.get(name)
        assert contract is not None, f"{name}: add its import-linter contract to pyproject.toml"
        assert contract["allowed_importers"] == [name]
        assert contract["ignore_imports"] == [f"tournage.** -> {name}.api"]


def test_bulk_inserts_of_historied_models_keep_their_history() -> None:
    """``Model.objects.bulk_create`` records no history: such models use
    ``tournage.web.productions.history.create_with_history``."""
    by_name = {model.__name__: model for model in _tournage_models()}
    source = Path(__file__).resolve().parents[2] / "src" / "tournage" / "web"
    offenders = [
        f"{path.relative_to(source)}: {name}"
        for path in source.rglob("*.py")
        if "migrations" not in path.parts
        for name in re.findall(r"(\w+)\.objects\.bulk_create\(", path.read_text())
        if hasattr(by_name.get(name), "history")
    ]
    assert offenders == []
