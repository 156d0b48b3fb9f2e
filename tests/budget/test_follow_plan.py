"""The devis follows the accepted plan de travail from the UI, and says where it differs."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

from tournage.web.budget import adapters, models, plan_follow, schedule_link
from tournage.web.budget.views import devis as devis_views

from .web_helpers import url

pytestmark = pytest.mark.django_db


@pytest.fixture
def planned(budgeted: Any, monkeypatch: Any) -> Any:
    """The budgeted production with a plan giving 7 shooting days and 3 days to the actress;
    her line and the crew line typed by hand (no global)."""
    actress = budgeted.people.get(kind="cast")
    actress.key = "lea-martin"
    actress.save()
    plan = {
        "tournage": ("Jours de tournage", Decimal(7)),
        "jours:lea-martin": ("Jours de Léa", Decimal(3)),
    }
    monkeypatch.setattr(schedule_link, "_providers", [lambda production: plan])
    monkeypatch.setattr(devis_views, "plan_source", lambda p: "from the plan de travail v3")
    version = adapters.reference_version(budgeted)
    version.lines.filter(person__isnull=False).update(quantity_ref="", quantity=Decimal(2))
    return budgeted


def test_gaps_name_each_value_that_differs(planned: Any, make_user: Any) -> None:
    version = adapters.reference_version(planned)
    found = {(gap.code, gap.typed, gap.planned) for gap in plan_follow.gaps(version)}
    assert ("jours:lea-martin", Decimal(2), Decimal(3)) in found
    assert ("tournage", Decimal(2), Decimal(7)) in found  # the crew line counted in days
    stored = version.globals.get(code="tournage")  # the demo typed 6 shooting days
    assert stored.code not in {gap.subject for gap in plan_follow.gaps(version)}
    user = make_user()
    plan_follow.follow_plan(version, user)
    stored.refresh_from_db()
    assert stored.value == 7  # following the plan aligns the typed global
    assert stored.history.first().history_user == user  # and its history names who did


def test_following_the_plan_points_lines_at_it_once(planned: Any, member_client: Any) -> None:
    version = adapters.reference_version(planned)
    client = member_client("production_manager")
    response = client.post(url("follow_plan", planned, version_id=version.pk))
    assert response.status_code == 302
    actress_line = version.lines.get(person__kind="cast", quantity_ref__startswith="jours:")
    assert (actress_line.quantity_ref, actress_line.quantity) == ("jours:lea-martin", Decimal(3))
    assert not plan_follow.gaps(version)
    history = _history_count(version)
    client.post(url("follow_plan", planned, version_id=version.pk))
    assert _history_count(version) == history  # following again changes nothing


def test_a_followed_line_keeps_following_a_new_plan(planned: Any, monkeypatch: Any) -> None:
    version = adapters.reference_version(planned)
    plan_follow.follow_plan(version)
    before = adapters.core_budget(version)
    monkeypatch.setattr(
        schedule_link,
        "_providers",
        [lambda p: {"tournage": ("", Decimal(9)), "jours:lea-martin": ("", Decimal(5))}],
    )
    after = adapters.core_budget(version)
    assert before.globals["jours:lea-martin"].value == 3
    assert after.globals["jours:lea-martin"].value == 5
    assert not [g for g in plan_follow.gaps(version) if g.code == "jours:lea-martin"]


def test_the_devis_page_shows_the_source_and_the_action(planned: Any, member_client: Any) -> None:
    version = adapters.reference_version(planned)
    page = member_client("producer").get(url("devis", planned, version_id=version.pk))
    body = page.content.decode()
    assert "from the plan de travail v3" in body
    assert url("follow_plan", planned, version_id=version.pk) in body
    reader = member_client("accountant").get(url("devis", planned, version_id=version.pk))
    assert reader.status_code == 200


def test_only_writers_follow_the_plan(planned: Any, member_client: Any) -> None:
    version = adapters.reference_version(planned)
    for role in ("eco_referent", "crew"):
        response = member_client(role).post(url("follow_plan", planned, version_id=version.pk))
        assert response.status_code == 403
    assert plan_follow.gaps(version)


def test_a_global_may_use_the_plan_s_codes_and_french_amounts(
    budgeted: Any, member_client: Any
) -> None:
    version = adapters.reference_version(budgeted)
    client = member_client("producer")
    response = client.post(
        url("global_new", budgeted, version_id=version.pk),
        {
            "code": "jours:claire-delmas",
            "label": "Jours de Claire",
            "value": "1 500,50",
            "unit": "",
        },
    )
    assert response.status_code == 302
    assert version.globals.get(code="jours:claire-delmas").value == Decimal("1500.50")
    bad = client.post(
        url("global_new", budgeted, version_id=version.pk),
        {"code": "jours:a:b", "label": "x", "value": "1", "unit": ""},
    )
    assert bad.status_code == 200 and not version.globals.filter(code="jours:a:b").exists()


@pytest.mark.parametrize("typed", ["1 500", "1 500,50", "1500.50", "1\u202f500"])
def test_a_line_amount_typed_the_french_way(budgeted: Any, member_client: Any, typed: str) -> None:
    version = adapters.reference_version(budgeted)
    line = version.lines.filter(person__isnull=True).first()
    client = member_client("producer")
    page = client.get(url("line_edit", budgeted, version_id=version.pk, line_id=line.pk))
    data = {k: v for k, v in page.context["form"].initial.items() if v is not None}
    data.update(rate=typed, account=line.account, quantity="1", number="1")
    response = client.post(url("line_edit", budgeted, version_id=version.pk, line_id=line.pk), data)
    assert response.status_code == 302, response.context["form"].errors
    assert models.BudgetLine.objects.get(pk=line.pk).rate == Decimal(
        typed.replace(",", ".").replace(" ", "").replace("\u202f", "")
    )


def _history_count(version: Any) -> int:
    lines = models.BudgetLine.history.filter(budget_id=version.pk).count()
    return lines + models.BudgetGlobal.history.filter(budget_id=version.pk).count()
