"""Demo step: a devis for the demo short film built from its people, landing just under the
production's budget envelope, a financing plan, a few commitments and expenses.

All demo figures are fictional choices of the demo producer (day counts, percentages,
amounts), not rules. Unknown social-charge rates are left unknown, as a user would find them.
Idempotent: a production that already has a devis is left alone.
"""

from __future__ import annotations

from datetime import date
from decimal import ROUND_FLOOR, Decimal
from typing import Any

from tournage.budget.closing import final_cost, final_cost_document
from tournage.budget.compute import compute
from tournage.budget.money import HUNDRED, ONE, money
from tournage.budget.report import analyse
from tournage.budget.tables import FRINGES
from tournage.web.productions.history import create_with_history

from . import adapters, models
from .schedule_link import provided_globals

# function of the demo crew -> account of the chart
CREW_ACCOUNTS = {
    "réalisateur": "2.3",
    "1er assistant réalisateur": "2.3",
    "2e assistant réalisateur": "2.3",
    "scripte": "2.3",
    "directeur de production": "2.2",
    "régisseur général": "2.2",
    "chef opérateur": "2.4",
    "1er assistant opérateur": "2.4",
    "chef opérateur du son": "2.5",
    "1er assistant opérateur du son": "2.5",
    "chef électricien": "2.11",
    "chef machiniste": "2.10",
    "chef décorateur": "2.7",
    "costumière": "2.8",
    "maquilleuse": "2.9",
    "responsable des enfants": "2.2",
    "monteur": "2.6",
}
PREP_FUNCTIONS = {
    "réalisateur",
    "directeur de production",
    "1er assistant réalisateur",
    "régisseur général",
    "chef décorateur",
}
FIXED_LINES = [  # account, label, quantity, unit, rate, quantity_ref
    ("1.2", "Scénario et dialogues", 1, "forfait", "6000", None),
    ("1.3", "Réalisation (part auteur)", 1, "forfait", "4000", None),
    ("1.4", "Musique originale", 1, "forfait", "3500", None),
    ("5.2", "Location de décors naturels", 1, "jour", "450", "tournage"),
    ("5.4", "Accessoires et Renault 4", 1, "forfait", "2800", None),
    ("5.5", "Costumes", 1, "forfait", "1800", None),
    ("6.1", "Camions et véhicules de jeu", 1, "jour", "380", "tournage"),
    ("6.3", "Hébergement équipe", 1, "nuit", "1250", "tournage"),
    ("6.4", "Cantine", 1, "jour", "520", "tournage"),
    ("7.1", "Caméra et optiques", 1, "jour", "950", "tournage"),
    ("7.3", "Électricité et groupe batterie", 1, "jour", "600", "tournage"),
    ("7.4", "Son tournage", 1, "jour", "220", "tournage"),
    ("8.3", "Étalonnage", 4, "jour", "900", None),
    ("8.6", "Mixage", 3, "jour", "850", None),
    ("8.8", "Sous-titrage SME et audiodescription", 1, "forfait", "3200", None),
    ("9.1", "Assurance production", 1, "forfait", "3900", None),
    ("9.4", "Expert-comptable", 1, "forfait", "2200", None),
]
OVERHEADS = {"frais_generaux": Decimal("7"), "imprevus": Decimal("5")}
COMMITMENTS = (
    ("account", "supplier", "label", "amount", "date", "reference"),
    ("7.1", "Loueur Caméra Sud", "Contrat de location caméra", "5700", "2027-03-15", "BC-001"),
    ("9.1", "Assureur Ciné", "Police tous risques production", "3900", "2027-03-01", "BC-002"),
    ("6.3", "Hôtel du Pont", "Hébergement équipe", "8100", "2027-04-02", "BC-003"),
)
EXPENSES = (
    ("date", "account", "supplier", "label", "amount_ht", "vat_rate", "payment_status"),
    ("2027-02-10", "1.2", "Autrice", "Solde scénario", "6000", "0", "paid"),
    ("2027-03-01", "9.1", "Assureur Ciné", "Prime d'assurance", "3900", "0", "paid"),
    ("2027-03-20", "5.4", "Garage Tarnais", "Renault 4 de jeu", "3150", "20", "paid"),
    ("2027-04-05", "7.1", "Loueur Caméra Sud", "Acompte location", "2850", "20", "paid"),
    ("2027-04-22", "6.4", "Traiteur du Tarn", "Cantine semaine 1", "1680", "10", "to_pay"),
)


def load_demo_budget(production: Any) -> None:
    if production.budget_versions.exists():
        return
    version = models.BudgetVersion.objects.create(
        production=production,
        name="v1",
        title=f"Devis {production.title}",
        variant="cinema",
        is_reference=True,
        frais_generaux_percent=OVERHEADS["frais_generaux"],
        imprevus_percent=OVERHEADS["imprevus"],
        plan_start=date(2027, 2, 1),
        plan_end=date(2027, 7, 31),
    )
    create_with_history(
        models.BudgetGlobal,
        [
            models.BudgetGlobal(
                budget=version,
                code="tournage",
                label="Jours de tournage",
                value=Decimal(6),
                unit="jours",
            ),
            models.BudgetGlobal(
                budget=version,
                code="preparation",
                label="Jours de préparation",
                value=Decimal(8),
                unit="jours",
            ),
        ],
    )
    _short_contract_rate(version)
    _people_lines(production, version)
    _fixed_lines(version)
    _balance_to_envelope(production, version)
    _financing_and_costs(production, version)
    _cost_controller_entries(production, version)


def _people_lines(production: Any, version: models.BudgetVersion) -> None:
    lines: list[models.BudgetLine] = []
    planned = provided_globals(production)
    for person in production.people.exclude(daily_rate=None).order_by("kind", "pk"):
        function = person.function_list()[0] if person.functions else ""
        if person.kind == "cast":
            account = "3.1" if person.daily_rate >= Decimal("600") else "3.2"
            label, category = person.character or str(person), "artiste_interprete"
        elif function in CREW_ACCOUNTS:
            account, label, category = CREW_ACCOUNTS[function], function, "technicien_intermittent"
        else:
            continue
        lines.append(
            models.BudgetLine(
                budget=version,
                position=len(lines) + 1,
                account=account,
                label=label[:300],
                quantity_ref=_days_ref(person, planned),
                unit="jour",
                rate=person.daily_rate,
                category=category,
                person=person,
            )
        )
        if function in PREP_FUNCTIONS:
            lines.append(
                models.BudgetLine(
                    budget=version,
                    position=len(lines) + 1,
                    account=account,
                    label=f"{function} (préparation)",
                    quantity_ref="preparation",
                    unit="jour",
                    rate=person.daily_rate,
                    category=category,
                    person=person,
                )
            )
    create_with_history(models.BudgetLine, lines)


def _days_ref(person: Any, planned: dict[str, Any]) -> str:
    """An actor is paid for their days in the plan de travail when there is one."""
    own = f"jours:{person.key}"
    return own if person.kind == "cast" and own in planned else "tournage"


def _fixed_lines(version: models.BudgetVersion) -> None:
    start = version.lines.count()
    create_with_history(
        models.BudgetLine,
        (
            models.BudgetLine(
                budget=version,
                position=start + i,
                account=account,
                label=label,
                quantity=Decimal(quantity),
                unit=unit,
                rate=Decimal(rate),
                quantity_ref=ref or "",
            )
            for i, (account, label, quantity, unit, rate, ref) in enumerate(FIXED_LINES, start=1)
        ),
    )


def _balance_to_envelope(production: Any, version: models.BudgetVersion) -> None:
    """Post-production lab work takes what the envelope leaves, so the devis fits it."""
    if production.budget_envelope is None:
        return
    totals = compute(adapters.core_budget(version))
    factor = ONE + sum(OVERHEADS.values()) / HUNDRED
    # one euro below the exact share, so the rounded overheads cannot push the total over
    room = (production.budget_envelope / factor).to_integral_value(ROUND_FLOOR) - 1
    room -= totals.chapters_total
    if room > 0:
        models.BudgetLine.objects.create(
            budget=version,
            position=version.lines.count() + 1,
            account="8.2",
            label="Laboratoire numérique, conformation et DCP",
            unit="forfait",
            rate=room,
        )


def _financing_and_costs(production: Any, version: models.BudgetVersion) -> None:
    total = compute(adapters.core_budget(version)).total
    aids = [
        (
            "cnc_selective",
            "CNC — aide avant réalisation court métrage",
            Decimal("50000"),
            "planned",
            Decimal(0),
            "cnc_court_metrage_avant",
        ),
        (
            "regional",
            "Région Occitanie — aide à la production",
            Decimal("45000"),
            "confirmed",
            Decimal("22500"),
            "region_occitanie",
        ),
        (
            "broadcaster_presale",
            "Préachat chaîne régionale",
            Decimal("15000"),
            "confirmed",
            Decimal(0),
            "",
        ),
    ]
    own = total - sum(a[2] for a in aids)
    create_with_history(
        models.FinancingSource,
        [
            *(
                models.FinancingSource(
                    production=production,
                    kind=k,
                    label=label,
                    amount=amount,
                    status=status,
                    received=received,
                    aid_id=aid,
                )
                for k, label, amount, status, received, aid in aids
            ),
            models.FinancingSource(
                production=production,
                kind="own_funds",
                label="Apport du producteur",
                amount=own,
                status="confirmed",
                received=money(own / 2),
            ),
        ],
    )
    profile = adapters.profile_for(production)
    profile.regions = ["occitanie"]
    profile.flags = {
        "french_language": True,
        "first_or_second_film": True,
        "accessibility_files_planned": True,
    }
    profile.save()
    create_with_history(models.Commitment, _objects(models.Commitment, production, COMMITMENTS))
    create_with_history(models.Expense, _objects(models.Expense, production, EXPENSES))


def _short_contract_rate(version: models.BudgetVersion) -> None:
    """The producer picks the short-CDDU unemployment rate of the data: every demo contract
    lasts under 3 months."""
    short = FRINGES.load().components["unemployment_employer"].short_cddu
    assert short is not None  # the rate this demo step exists to pick
    create_with_history(
        models.FringeOverride,
        [
            models.FringeOverride(
                budget=version,
                key="technicien_intermittent.unemployment_employer",
                rate=short.rate,
                note=f"{short.detail} ({short.source}, {short.as_of})",
            )
        ],
    )


def _cost_controller_entries(production: Any, version: models.BudgetVersion) -> None:
    """An estimate to complete set by hand and an interim cost statement."""
    create_with_history(
        models.EstimateToComplete,
        [models.EstimateToComplete(production=production, account="6.4", amount=Decimal("1600"))],
    )
    document = adapters.production_budget(production)
    if document is not None:
        _totals, report, _summary = analyse(document)
        create_with_history(
            models.CostStatement,
            [
                models.CostStatement(
                    production=production,
                    version=version.name,
                    document=final_cost_document(final_cost(report, document.financing)),
                )
            ],
        )


def _objects(model: type[Any], production: Any, table: tuple[tuple[str, ...], ...]) -> list[Any]:
    """Model rows from a demo table whose first row names the fields."""
    fields, *rows = table
    return [model(production=production, **dict(zip(fields, row, strict=True))) for row in rows]
