"""Every production URL × every role × GET and POST, against the trade's role matrix.

The matrix is written here again from the issue, independently of ``access.AREA_ROLES``:
a view given the wrong area, or a new view without one, fails this walk. A forbidden
request answers 403; an allowed one anything but 403 (and never a server error).
"""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import resolve

from productions.test_access import PRODUCTION_ROUTES, fill
from tournage.web.productions.models import Role

P, PM, A, E, C = (
    Role.PRODUCER,
    Role.PRODUCTION_MANAGER,
    Role.ACCOUNTANT,
    Role.ECO_REFERENT,
    Role.CREW,
)
EVERYONE = frozenset(Role)
Access = tuple[frozenset[str], frozenset[str]]  # (may read, may write)

MATRIX: dict[str, Access] = {
    "production": (EVERYONE, frozenset({P, PM})),
    "members": (EVERYONE, frozenset({P})),
    "planning": (EVERYONE, frozenset({P, PM})),
    "budget": (frozenset({P, PM, A, E}), frozenset({P, PM, A})),
    "carbon": (EVERYONE, frozenset({P, PM, E})),
    "contracts": (frozenset({P, PM, A, C}), frozenset({P, PM})),
}
PERSONAL = (frozenset({P, PM}), frozenset({P, PM}))
PAY_TOOLS = (frozenset({P, PM, A}), frozenset({P, PM, A}))
# the conformity dashboard gathers evidence from every area, pay included: not for crew
CONFORMITY = (frozenset({P, PM, A, E}), frozenset({P, PM}))


def writers_only(name: str) -> Access:
    return MATRIX[name][1], MATRIX[name][1]


NAMESPACE_AREA = {
    "screenplay": "planning",
    "scheduling": "planning",
    "delivery": "planning",
    "accessibility": "planning",
    "safety": "planning",
    "followup": "planning",
    "rights": "planning",
    "carbon": "carbon",
    "development": "production",
    "closing": "planning",
}
ROUTES: dict[str, Access] = {
    "productions:dashboard": MATRIX["production"],
    "productions:edit": writers_only("production"),
    "productions:people": MATRIX["planning"],
    "productions:person_edit": MATRIX["planning"],
    "productions:person_create": writers_only("planning"),
    "productions:person_delete": writers_only("planning"),
    "productions:locations": MATRIX["planning"],
    "productions:location_edit": MATRIX["planning"],
    "productions:location_create": writers_only("planning"),
    "productions:location_delete": writers_only("planning"),
    "scheduling:settings": writers_only("planning"),
    "productions:members": MATRIX["members"],
    "productions:member_remove": writers_only("members"),
    "productions:history": (frozenset({P, PM, A}), frozenset({P, PM})),
    "productions:exports": PERSONAL,
    "productions:export_download": PERSONAL,
    # the budget's detail is for those who manage it; the eco-referent reads the totals
    "budget:index": MATRIX["budget"],
    "budget:closing": (frozenset({P, PM, A}), frozenset({P, A})),
    # the carbon plan's forms are for its writers; every member reads the forecast
    "carbon:index": MATRIX["carbon"],
    "carbon:report_pdf": MATRIX["carbon"],
    "carbon:report_xlsx": MATRIX["carbon"],
    "labor:index": MATRIX["planning"],
    "labor:contract_create": writers_only("contracts"),
    "labor:contract_edit": MATRIX["contracts"],
    "labor:contract_document": MATRIX["contracts"],
    "labor:contract_signed": MATRIX["contracts"],
    "labor:compliance": (frozenset({P, PM, A}), frozenset({P, PM})),
    "labor:plan_from_schedule": writers_only("contracts"),
    "labor:settings": writers_only("contracts"),
    "labor:analyse": PAY_TOOLS,
    "labor:risks": MATRIX["planning"],
    "labor:risks_seed": writers_only("planning"),
    "labor:risks_from_breakdown": writers_only("planning"),
    "labor:observation_report": MATRIX["planning"],
    "labor:planning": MATRIX["planning"],
    "labor:person_calendar": MATRIX["planning"],
    "labor:accessibility": PERSONAL,
    "labor:inclusion": PERSONAL,
    "safety:duer_sync": writers_only("planning"),
    "safety:inclusion": PERSONAL,
    "safety:head_edit": PERSONAL,
    "safety:heads_form_csv": PERSONAL,
    # author contracts carry remuneration terms: the contracts area
    "rights:authors": MATRIX["contracts"],
    "rights:author_edit": MATRIX["contracts"],
    "rights:author_document": MATRIX["contracts"],
    "rights:author_create": writers_only("contracts"),
    "rights:clearance_create": writers_only("planning"),
    "rights:clearances_seed": writers_only("planning"),
    "rights:permit_create": writers_only("planning"),
    "rights:step_create": writers_only("planning"),
    "rights:rating_create": writers_only("planning"),
    "rights:document_create": writers_only("planning"),
    "rights:cuesheet_import": writers_only("planning"),
    "rights:cuesheet_rebuild": writers_only("planning"),
    "referential:export": writers_only("production"),
    **{
        f"development:{kind}_create": writers_only("production")
        for kind in (
            "objective",
            "approval",
            "benchmark_row",
            "note",
            "channel_plan",
            "dossier",
        )
    },
    # the closing file holds the coût définitif; closing the production is the producer's act
    "closing:report": MATRIX["budget"],
    "closing:report_export": MATRIX["budget"],
    "closing:freeze": writers_only("budget"),
    "closing:contract_closure": writers_only("contracts"),
    "closing:close": writers_only("production"),
}


def expected(route_name: str) -> Access:
    if route_name in ROUTES:
        return ROUTES[route_name]
    namespace = route_name.split(":")[0]
    if namespace == "budget":
        return writers_only("budget")
    if namespace == "carbon":
        return writers_only("carbon")
    if namespace == "referential":
        return CONFORMITY
    return MATRIX[NAMESPACE_AREA[namespace]]


def _name(route: str) -> str:
    match = resolve(fill(route, 1))
    return f"{match.namespace}:{match.url_name}"


def test_every_production_route_has_an_expectation() -> None:
    unknown = []
    for route in PRODUCTION_ROUTES:
        try:
            expected(_name(route))
        except KeyError:
            unknown.append(route)
    assert unknown == []


@pytest.fixture
def clients(member_client: Any) -> dict[str, Any]:
    return {role: member_client(role) for role in Role}


@pytest.mark.django_db
@pytest.mark.parametrize("route", PRODUCTION_ROUTES)
def test_each_role_reads_and_writes_what_the_matrix_says(
    route: str, clients: dict[str, Any], production: Any
) -> None:
    readers, writers = expected(_name(route))
    url = fill(route, production.pk)
    wrong = []
    for role, client in clients.items():
        read = client.get(url).status_code
        if (read == 403) != (role not in readers) or read >= 500:
            wrong.append(f"GET {role}: {read}")
        write = client.post(url).status_code
        if (write == 403) != (role not in readers or role not in writers) or write >= 500:
            wrong.append(f"POST {role}: {write}")
    assert wrong == []
