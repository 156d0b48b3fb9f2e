from decimal import Decimal

from tournage.budget.eligibility import ELIGIBLE, NOT_ELIGIBLE, TO_CHECK, ProjectProfile, match_aids
from tournage.data import load_yaml


def verdicts(**kw):
    base = dict(
        format="long_metrage",
        genre="fiction",
        stage="production",
        budget_total_eur=Decimal("2000000"),
        regions=["grand_est"],
        regional_spend_eur={"grand_est": Decimal("320000")},
        flags={
            "carbon_footprint_forecast": True,
            "french_language": True,
            "automatic_account": True,
            "accessibility_files_planned": True,
        },
    )
    base.update(kw)
    return {v.aid: v for v in match_aids(ProjectProfile(**base))}


def test_every_aid_of_the_data_gets_a_verdict_with_sources():
    aids = load_yaml("budget/funding_sources.yaml")["aids"]
    result = verdicts()
    assert set(result) == {a["id"] for a in aids}
    assert all(v.sources and v.reasons for v in result.values())


def test_grand_est_is_eligible_with_amount_capped_by_regional_spend():
    verdict = verdicts()["region_grand_est"]
    assert verdict.status == ELIGIBLE
    assert verdict.amount_max == Decimal("200000.00")  # 320,000 spend / 160 %
    assert any("carbone" in d for d in verdict.documents)


def test_missing_carbon_footprint_makes_cnc_aids_fail_with_the_reason():
    result = verdicts(
        flags={
            "carbon_footprint_forecast": False,
            "french_language": True,
            "automatic_account": True,
            "accessibility_files_planned": True,
        }
    )
    verdict = result["cnc_soutien_automatique_cinema"]
    assert verdict.status == NOT_ELIGIBLE
    assert any("122-18" in r for r in verdict.reasons)
    # animation is not listed by the eco-conditionality text
    animated = verdicts(
        genre="animation",
        flags={
            "carbon_footprint_forecast": False,
            "automatic_account": True,
            "accessibility_files_planned": True,
        },
    )
    assert animated["cnc_soutien_automatique_cinema"].status == ELIGIBLE


def test_unknown_facts_give_to_check_not_a_guess():
    verdict = verdicts(flags={})["cnc_avance_sur_recettes_avant"]
    assert verdict.status == TO_CHECK
    assert not verdict.eligible
    assert any(r.startswith("À vérifier") for r in verdict.reasons)


def test_format_region_and_coproduction_failures_say_why():
    result = verdicts(regions=["bretagne"])
    assert result["region_grand_est"].status == NOT_ELIGIBLE
    assert result["region_bretagne"].amount_max == Decimal("300000")
    assert result["eurimages_coproduction"].status == NOT_ELIGIBLE
    assert verdicts(coproduction_countries=2)["eurimages_coproduction"].amount_max == Decimal(
        "340000.00"
    )
    assert any("Format" in r for r in result["cnc_fsa_selectif"].reasons)


def test_superseded_aid_is_not_eligible():
    verdict = verdicts(format="web", subscribers=80000)["cnc_talent"]
    assert verdict.status == NOT_ELIGIBLE
    assert any("remplacé" in r for r in verdict.reasons)
