"""Saving a form unchanged changes nothing: every edit form of the demo production.

The walk goes through the URL conf like the access walk, fills each object id with
objects of the demo production, GETs the page as its producer, resubmits each form
that posts back to the page exactly as a browser would (a date input whose value is
not ISO is sent empty, as Chromium does) and compares every archived row before and
after. A form that refuses its own values counts as a failure too.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import lxml.html
import pytest
from django.apps import apps
from django.db import models
from django.test import Client
from django.urls import resolve

from archive_snapshot import snapshot
from productions.test_access import PLACEHOLDER, PRODUCTION_ROUTES
from tournage.web.productions.archive import ModelSection, sections
from tournage.web.productions.demo import load_demo
from tournage.web.productions.models import Production, Role

pytestmark = [pytest.mark.django_db, pytest.mark.slow]

# Routes whose forms act (run, accept, import, delete…) instead of editing what they show.
ACTIONS = re.compile(
    r"new|create|delete|remove|accept|optimi[sz]e|replan|move|lock|seed|recheck|import|upload"
    r"|run|from_|export|analyse|nlp|unavailability|budget/closing|freeze|\bclose\b|signed"
    r"|members|tag_add"
)
ADD = re.compile(r"Ajouter|Add\b|Créer|Create\b")  # a form adding a row, not editing one
OBJECTS_PER_ROUTE = 2
# Chromium drops a value its input type cannot hold: the form then posts an empty field.
BROWSER_VALUES = {
    "date": re.compile(r"\d{4}-\d{2}-\d{2}"),
    "datetime-local": re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?"),
    "number": re.compile(r"-?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?"),
}
MUST_COVER = {
    "productions:edit",
    "productions:person_edit",
    "productions:location_edit",
    "budget:expense_edit",
    "budget:line_edit",
    "budget:version_edit",
    "labor:contract_edit",
    "closing:item",
    "closing:report",
}


def _snake(name: str) -> str:
    return re.sub(r"(?<!^)(?=[A-Z])", "_", name).lower()


def _scoped(model: type[models.Model], production: Production) -> models.QuerySet[Any] | None:
    for section in sections():
        if isinstance(section, ModelSection) and model in section.models():
            return section.queryset(model, production)
    names = {f.name for f in model._meta.concrete_fields}
    if "production" in names:
        return model._default_manager.filter(production=production).order_by("pk")
    for fk in model._meta.concrete_fields:
        parent = fk.related_model if isinstance(fk, models.ForeignKey) else None
        if parent is not None and "production" in {f.name for f in parent._meta.concrete_fields}:
            parents = parent._default_manager.filter(production=production)
            return model._default_manager.filter(**{f"{fk.name}__in": parents}).order_by("pk")
    return None


def _model_for(kwarg: str, app_label: str) -> type[models.Model]:
    stem = kwarg.removesuffix("_id")
    order = [app_label, "productions", *(c.label for c in apps.get_app_configs())]
    candidates = [
        (model, _snake(model.__name__))
        for label in order
        for model in apps.get_app_config(label).get_models()
        if not model.__name__.startswith("Historical")
    ]
    for model, snake in candidates:
        if snake == stem:
            return model
    for model, snake in candidates:
        if snake.endswith(f"_{stem}"):
            return model
    raise LookupError(f"no model for <{kwarg}> in {app_label}")


def _richest(queryset: models.QuerySet[Any], count: int) -> list[Any]:
    """The objects with the most fields filled: they exercise the most widgets."""

    def filled(obj: Any) -> int:
        return sum(
            getattr(obj, f.attname) not in (None, "", [], {}) for f in obj._meta.concrete_fields
        )

    return sorted(queryset[:200], key=filled, reverse=True)[:count]


def _urls(route: str, production: Production) -> Iterator[str]:
    """``route`` filled with objects of ``production``, nested ids kept consistent."""
    names = [m.group("name") for m in PLACEHOLDER.finditer(route)]
    extra = [name for name in names if name != "production_id"]
    if any(m.group("converter") not in (None, "int") for m in PLACEHOLDER.finditer(route)):
        return
    if not extra:
        yield "/" + route.replace("<int:production_id>", str(production.pk))
        return
    app_label = resolve("/" + PLACEHOLDER.sub("1", route)).namespace
    chosen: dict[str, Any] = {}
    for name in extra[:-1]:
        queryset = _scoped(_model_for(name, app_label), production)
        if queryset is None or not queryset.exists():
            return
        chosen[name] = queryset.first()
    model = _model_for(extra[-1], app_label)
    queryset = _scoped(model, production)
    if queryset is None:
        return
    for parent in chosen.values():
        links = [
            f.name
            for f in model._meta.concrete_fields
            if isinstance(f, models.ForeignKey) and f.related_model is type(parent)
        ]
        if links:
            queryset = queryset.filter(**{links[0]: parent})
    for obj in _richest(queryset, OBJECTS_PER_ROUTE):
        values = {**{k: v.pk for k, v in chosen.items()}, extra[-1]: obj.pk}
        values["production_id"] = production.pk
        yield "/" + PLACEHOLDER.sub(lambda m, ids=values: str(ids[m.group("name")]), route)


def browser_submission(form: Any) -> dict[str, list[str]]:
    """What Chromium posts for ``form`` untouched: successful controls, file inputs empty."""
    data: dict[str, list[str]] = {}
    for name, value in form.form_values():
        element = form.inputs[name]
        kind = element[0].get("type", "") if isinstance(element, list) else element.get("type", "")
        pattern = BROWSER_VALUES.get(kind)
        if pattern is not None and value and not pattern.fullmatch(value):
            value = ""
        data.setdefault(name, []).append(value)
    return data


def _shows_stored_values(form: Any) -> bool:
    """An edit form shows what is stored; an upload or an "add" form does not."""
    fields = [f for f in form.inputs if f.tag in ("input", "textarea")]
    if any(f.get("type") == "file" and f.get("required") is not None for f in fields):
        return False
    buttons = form.xpath(".//button | .//input[@type='submit']")
    if any(ADD.match(b.text_content().strip() or b.get("value", "")) for b in buttons):
        return False
    return any(
        (f.tag == "textarea" and (f.text or "").strip())
        or (f.get("type") in ("checkbox", "radio") and f.get("checked") is not None)
        or (
            f.get("type", "text") not in ("hidden", "submit", "button", "checkbox", "radio")
            and f.get("value")
        )
        for f in fields
    )


def _edit_forms(page: bytes, url: str) -> list[Any]:
    document = lxml.html.fromstring(page)
    return [
        form
        for form in document.forms
        if (form.method or "").lower() == "post"
        and form.get("action", "") in ("", url)
        and _shows_stored_values(form)
    ]


def _differences(before: dict[str, Any], after: dict[str, Any]) -> list[str]:
    changed = []
    for section, document in before.items():
        for label, rows in document.items():
            new_rows = after[section][label]
            if rows != new_rows:
                changed.append(f"{label}: {_first_difference(rows, new_rows)}")
    return changed


def _first_difference(rows: list[Any], new_rows: list[Any]) -> str:
    if len(rows) != len(new_rows):
        return f"{len(rows)} rows → {len(new_rows)}"
    for row, new in zip(rows, new_rows, strict=True):
        for name, value in row["fields"].items():
            if new["fields"].get(name) != value:
                return f"{name}: {value!r} → {new['fields'].get(name)!r}"
    return "m2m changed"


def test_resubmitting_every_edit_form_unchanged_changes_nothing() -> None:
    production, logins = load_demo()
    producer = next(login for login in logins if login["role"] == Role.PRODUCER)
    client = Client()
    client.force_login(apps.get_model("auth", "User").objects.get(username=producer["username"]))
    failures: list[str] = []
    covered: set[str] = set()
    before = snapshot(production)
    for route in PRODUCTION_ROUTES:
        if ACTIONS.search(route):
            continue
        for url in _urls(route, production):
            match = resolve(url)
            if ACTIONS.search(match.url_name or ""):
                continue
            response = client.get(url)
            if response.status_code != 200 or "html" not in response["Content-Type"]:
                continue
            for form in _edit_forms(response.content, url):
                covered.add(f"{match.namespace}:{match.url_name}")
                answer = client.post(url, browser_submission(form))
                if answer.status_code == 200 and b"errorlist" in answer.content:
                    errors = lxml.html.fromstring(answer.content).find_class("errorlist")
                    failures.append(f"{url}: refused {[e.text_content() for e in errors]}")
                after = snapshot(production)
                failures.extend(f"{url}: {change}" for change in _differences(before, after))
                before = after
    assert failures == [], "\n".join(failures)
    assert covered >= MUST_COVER, sorted(MUST_COVER - covered)
