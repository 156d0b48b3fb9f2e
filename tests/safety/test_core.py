"""The safety core: DUER ratings and action plan, accident delay, checklists, inclusion."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tournage.common.rules import RuleTable
from tournage.safety import briefings, checklist, duer, incidents, inclusion
from tournage.safety.documents import duer_pdf
from tournage.safety.errors import SafetyError
from tournage.safety.rules import CHECKLIST, OETH, PARITY

TODAY = date(2027, 4, 10)
PARIS = timezone(timedelta(hours=2))


def test_every_safety_table_loads() -> None:
    tables = [t for t in RuleTable.all() if t.path.startswith("safety/") or "Oeth" in repr(t)]
    assert len(tables) >= 6
    for table in tables:
        table.load()


def test_rating_off_the_scale_is_refused_with_a_code() -> None:
    duer.check_rating("severity", 4)
    duer.check_rating("likelihood", None)
    with pytest.raises(SafetyError) as error:
        duer.check_rating("severity", 5)
    assert error.value.code == "safety.rating_off_scale"


def test_priority_bands_follow_the_data() -> None:
    assert duer.priority(12).id == "high"  # type: ignore[union-attr]
    assert duer.priority(4).id == "medium"  # type: ignore[union-attr]
    assert duer.priority(2).id == "low"  # type: ignore[union-attr]
    assert duer.priority(None) is None


def test_duer_ranks_hazards_and_lists_what_the_action_plan_lacks() -> None:
    hazards = [
        duer.Hazard("Manutention", 2, 2, ("Chariots",), "Machino", TODAY + timedelta(days=3)),
        duer.Hazard("Eau", 4, 3, ("Plongeur",), "Régie", TODAY - timedelta(days=1), scene="12"),
        duer.Hazard("Bruit"),
    ]
    report = duer.evaluate(date(2027, 4, 1), hazards, TODAY)
    assert [h.label for h in report.hazards] == ["Eau", "Manutention", "Bruit"]
    codes = {(f.code, f.subject) for f in report.findings}
    assert ("SAF-DUER-OVERDUE", "12 — Eau") in codes
    assert ("SAF-DUER-UNRATED", "Bruit") in codes and ("SAF-DUER-NO-ACTION", "Bruit") in codes
    assert not report.has_action_plan
    assert duer.evaluate(None, hazards[:1], TODAY).findings[0].code == "SAF-DUER-MISSING"
    assert duer.evaluate(TODAY, hazards[:1], TODAY).has_action_plan


def test_declaration_delay_skips_sundays() -> None:
    friday = datetime(2027, 4, 23, 15, 0, tzinfo=PARIS)
    assert incidents.declaration_deadline(friday) == datetime(2027, 4, 26, 15, 0, tzinfo=PARIS)
    tuesday = datetime(2027, 4, 20, 11, 10, tzinfo=PARIS)
    assert incidents.declaration_deadline(tuesday) == datetime(2027, 4, 22, 11, 10, tzinfo=PARIS)


def test_declaration_delay_skips_public_holidays() -> None:
    # 1 May 2027 is a Saturday (holiday), 2 May a Sunday
    friday = datetime(2027, 4, 30, 9, 0, tzinfo=PARIS)
    assert incidents.declaration_deadline(friday) == datetime(2027, 5, 4, 9, 0, tzinfo=PARIS)


@settings(max_examples=50, deadline=None)
@given(st.datetimes(min_value=datetime(2020, 1, 1), max_value=datetime(2035, 1, 1)))
def test_declaration_delay_is_at_least_48_hours(known: datetime) -> None:
    deadline = incidents.declaration_deadline(known)
    assert timedelta(hours=48) <= deadline - known <= timedelta(days=7)


def test_incident_findings_closure_and_declaration() -> None:
    occurred = datetime(2027, 4, 20, 11, 0, tzinfo=PARIS)
    rows = [
        incidents.Incident("open", occurred),
        incidents.Incident("closed", occurred, action="Balisage", closed=date(2027, 4, 20)),
        incidents.Incident(
            "late",
            occurred,
            True,
            "Rampe",
            date(2027, 4, 25),
            declared=occurred + timedelta(days=4),
        ),
        incidents.Incident("pending", occurred, True, "Rampe", date(2027, 4, 25)),
    ]
    now = occurred + timedelta(hours=5)
    found = {(f.subject, f.code) for f in incidents.findings(rows, now)}
    assert found == {
        ("open", "SAF-INCIDENT-OPEN"),
        ("late", "SAF-ACCIDENT-LATE"),
        ("pending", "SAF-ACCIDENT-TO-DECLARE"),
    }
    later = {f.code for f in incidents.findings(rows[3:], now + timedelta(days=3))}
    assert later == {"SAF-ACCIDENT-UNDECLARED"}


def test_checklist_status_names_items_no_and_unchecked() -> None:
    items = CHECKLIST.load().in_group("hygiene")
    answers = {items[0].id: True, items[1].id: False}
    status = checklist.status("Gare", answers, "hygiene")
    assert [i.id for i in status.failing] == [items[1].id]
    assert len(status.unanswered) == len(items) - 2
    assert not status.complete and "Gare (" in status.describe()
    done = checklist.status("Gare", {i.id: True for i in items}, "hygiene")
    assert done.complete and done.describe() == "Gare"


def test_oeth_obligation_rounds_down_from_the_threshold() -> None:
    rule = OETH.load()
    assert rule.rate == Decimal("0.06") and rule.threshold_employees == 20
    assert inclusion.oeth(None).subject is None
    assert inclusion.oeth(19).subject is False
    status = inclusion.oeth(37, Decimal("1"))
    assert status.required == 2 and status.shortfall == Decimal("1")
    assert inclusion.oeth(50, Decimal("3")).shortfall == Decimal("0")


def test_referent_threshold() -> None:
    assert inclusion.referent_required(None) is None
    assert inclusion.referent_required(249) is False
    assert inclusion.referent_required(250) is True


def test_parity_points_and_unknown_posts() -> None:
    grid = PARITY.load().parity_bonus.grid
    heads = {post.id: inclusion.Head(post.id, "X", "f") for post in grid}
    full = inclusion.parity(heads)
    assert full.computed and full.women_points == sum(p.points for p in grid) == full.total
    assert full.stated_total == PARITY.load().parity_bonus.totals["fiction"]
    assert full.bonus_reached is None  # the fiction threshold is unknown in the data
    heads[grid[0].id] = inclusion.Head(grid[0].id, "Y", "")
    partial = inclusion.parity(heads)
    assert not partial.computed and partial.unknown_posts == (grid[0],)
    assert inclusion.parity(heads, "documentaire").grid == ()


def test_heads_form_required_for_fsa_aids_only() -> None:
    assert inclusion.form_required({"cnc_fsa_automatique"})
    assert not inclusion.form_required({"region_occitanie"})


def test_risky_scene_missing_parts() -> None:
    scene = briefings.RiskyScene("12", ("Eau",), measures=True, owner=False)
    assert scene.missing() == ("responsable", "briefing")
    briefed = briefings.RiskyScene("12", ("Eau",), True, True, datetime(2027, 4, 20, 8), 5)
    assert briefed.missing() == ()


def test_duer_pdf_prints_user_text_literally() -> None:
    hazard = duer.Hazard("<img src='/etc/passwd'/> & co", 2, 2, ("<b>x</b>",), "R", TODAY)
    report = duer.evaluate(TODAY, [hazard], TODAY)
    document = duer_pdf("<Film>", "Employeur", report, TODAY)
    assert document.startswith(b"%PDF")
