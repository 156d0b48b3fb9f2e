"""Referential checks answered by the foundation: eco-referent, consent on sensitive data."""

from __future__ import annotations

from django.urls import reverse

from tournage.referential.registry import CheckResult, Evidence, register_check
from tournage.referential.verdicts import present, unknown

from .api import sensitive_records
from .models import Production, Role


@register_check("crit_b1_ecoproduction.eco_referent")
def eco_referent(production: Production) -> CheckResult:
    names = [
        m.user.get_full_name() or m.user.get_username()
        for m in production.memberships.filter(role=Role.ECO_REFERENT).select_related("user")
    ]
    members = reverse("productions:members", kwargs={"production_id": production.pk})
    return present(
        bool(names),
        met=f"Référent·e éco-production : {', '.join(names)}.",
        not_met="Aucun membre n'a le rôle de référent·e éco-production.",
        source="Membres de la production (rôle éco-référent)",
        evidence=(Evidence("Membres et rôles", members),),
        value=len(names),
        action="Donner le rôle « Référent éco-production » à un membre de l'équipe.",
    )


@register_check("crit_b2_inclusive_teams.sensitive_data_consent")
def sensitive_data_consent(production: Production) -> CheckResult:
    records = [r for r in sensitive_records(production) if r.total]
    if not records:
        return unknown("Aucune donnée personnelle sensible enregistrée pour cette production.")
    lacking = [f"{r.label} : {r.without_consent}" for r in records if r.without_consent]
    total = sum(r.total for r in records)
    return present(
        not lacking,
        met=f"{total} enregistrement(s) sensible(s), tous avec consentement ; rapports agrégés.",
        not_met=f"Données sensibles sans consentement ({'; '.join(lacking)}).",
        source="RGPD art. 9 (catégories particulières de données : consentement explicite)",
        value={"total": total, "without_consent": sum(r.without_consent for r in records)},
        action="Obtenir le consentement ou supprimer les enregistrements concernés.",
    )
