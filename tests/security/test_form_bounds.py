"""Numeric fields with a domain refuse values outside it, in French and in English, and
nothing is stored: a sample per app (the productions and delivery ones are in
test_input_bounds.py)."""

from __future__ import annotations

from typing import Any

import pytest
from django.utils import translation

from tournage.development.channels import frame_rates
from tournage.web.budget.forms import ExpenseForm, FringeOverrideForm, VersionForm
from tournage.web.carbon.forms import ActivityForm, LocationEnergyForm
from tournage.web.closing.forms import ClosingFileForm
from tournage.web.development import models as development
from tournage.web.development.forms import (
    BenchmarkRowForm,
    ChannelPlanForm,
    SpecificationForm,
)
from tournage.web.followup.forms import DailyReportForm
from tournage.web.labor.forms import ContractForm, TimesheetForm
from tournage.web.rights.forms import ClearanceForm
from tournage.web.safety.forms import SafetyFileForm

pytestmark = pytest.mark.django_db
SCOPED = {  # forms that take the production
    SafetyFileForm,
    ContractForm,
    TimesheetForm,
    BenchmarkRowForm,
    ChannelPlanForm,
    SpecificationForm,
}

CASES = [
    (ClosingFileForm, "ecoprod_score", "100,5", "100"),
    (DailyReportForm, "transport_km", "-1", "0"),
    (SafetyFileForm, "oeth_beneficiaries", "-0,5", "0"),
    (BenchmarkRowForm, "year", "1894", "1895"),
    (ChannelPlanForm, "g_per_hour", "-3", "0"),
    (SpecificationForm, "capture_width", "0", "1"),
    (ClearanceForm, "fee", "-100", "0"),
    (VersionForm, "imprevus_percent", "150", "100"),
    (FringeOverrideForm, "rate", "1,2", "1"),
    (ExpenseForm, "vat_rate", "120", "100"),
    (ActivityForm, "quantity", "-12", "0"),
    (LocationEnergyForm, "fuel_l_per_day", "-1", "0"),
    (ContractForm, "author_share_percent", "101", "100"),
    (ContractForm, "weekly_derogation_hours", "169", "168"),
    (TimesheetForm, "break_minutes", "1441", "1440"),
]


def _form(form_class: type, production: Any, data: dict[str, str]) -> Any:
    kwargs = {"production": production} if form_class in SCOPED else {}
    return form_class(data=data, **kwargs)


@pytest.mark.parametrize(("form_class", "field", "value", "limit"), CASES)
def test_a_value_outside_the_domain_is_refused_in_both_languages(
    production: Any, form_class: type, field: str, value: str, limit: str
) -> None:
    model = form_class._meta.model
    before = model.objects.count()
    messages = {}
    for language in ("fr", "en"):
        with translation.override(language):
            form = _form(form_class, production, {field: value})
            assert not form.is_valid()
            messages[language] = " ".join(form.errors[field])
    assert limit in messages["fr"] and limit in messages["en"]
    assert "Assurez-vous" in messages["fr"] and "Ensure" in messages["en"]
    assert model.objects.count() == before  # nothing stored


def test_the_capture_frame_rate_is_a_rate_the_channels_name(production: Any) -> None:
    assert frame_rates()[:3] == ["23.976", "24", "25"]
    form = SpecificationForm(data={"capture_frame_rate": "26"}, production=production)
    assert not form.is_valid() and "capture_frame_rate" in form.errors
    form = SpecificationForm(data={"capture_frame_rate": "25"}, production=production)
    assert "capture_frame_rate" not in form.errors
    typed_before = development.Specification(production=production, capture_frame_rate="25p")
    form = SpecificationForm(instance=typed_before, production=production)
    assert ("25p", "25p") in form.fields["capture_frame_rate"].choices  # kept as typed
