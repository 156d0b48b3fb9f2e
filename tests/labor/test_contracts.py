"""Contract checks: pay against the agreement's minima, dates, delivery, minors, trial."""

from datetime import date
from decimal import Decimal

import pytest

from tournage.labor.agreements import find_function, functions
from tournage.labor.contracts import check_contract
from tournage.labor.errors import LaborError
from tournage.labor.findings import finding_day


def codes(contract, **kw):
    return sorted(f.code for f in check_contract(contract, **kw))


def test_a_correct_contract_has_no_finding(contract):
    # Machiniste 2012 weekly 35 h minimum 721.54; computed 2017: 728.77, 2023: 746.99 < 850
    assert check_contract(contract) == []


def test_pay_below_the_official_2012_grid_is_an_error(make_contract):
    findings = check_contract(make_contract(pay_amount=Decimal("700.00")))
    by_code = {f.code: f for f in findings}
    error = by_code["LAB-PAY-BELOW-MIN"]
    assert error.severity == "fail" and "721,54\xa0€" in error.message
    assert "kali-data" in error.source
    # one warning for the highest uncertain floor: the computed 1 Jan 2023 grid,
    # 721.54 x 1.005 x 1.005 = 728.77 (<= 1000) x 1.025 = 746.99
    assert "746,99\xa0€" in by_code["LAB-PAY-BELOW-MIN-UNCERTAIN"].message
    assert len(findings) == 2


def test_pay_between_the_official_and_the_computed_floor_is_only_a_warning(make_contract):
    findings = check_contract(make_contract(pay_amount=Decimal("740.00")))
    assert [(f.code, f.severity) for f in findings] == [("LAB-PAY-BELOW-MIN-UNCERTAIN", "warn")]


def test_recent_fiction_grid_applies_to_fiction_only(make_contract):
    # Chef électricien: 2012 879.43, computed 2023 910.46; recent USPA grid (fiction) 1011.45
    fiction = make_contract(function="Chef électricien", pay_amount=Decimal("950"))
    assert codes(fiction) == ["LAB-PAY-BELOW-MIN-UNCERTAIN"]
    assert "1\u202f011,45\xa0€" in check_contract(fiction)[0].message
    flux = make_contract(function="Chef électricien", pay_amount=Decimal("950"), genre="flux")
    assert codes(flux) == []


def test_unknown_minimum_is_reported_as_unknown(make_contract):
    executive = make_contract(function="Producteur exécutif", pay_amount=Decimal("1"))
    findings = check_contract(executive)
    assert [f.code for f in findings] == ["LAB-PAY-MIN-UNKNOWN"]
    assert "inconnu" in findings[0].message


def test_unknown_function_is_a_finding_not_a_crash(make_contract):
    assert codes(make_contract(function="Astronaute")) == ["LAB-FUNCTION-UNKNOWN"]


def test_working_day_outside_the_contract_dates(make_contract):
    late = make_contract(working_days=(date(2026, 3, 2), date(2026, 3, 16)))
    findings = check_contract(late)
    assert [f.code for f in findings] == ["LAB-DATES-UNCOVERED"]
    assert finding_day(findings[0]) == date(2026, 3, 16)
    assert codes(make_contract(end=date(2026, 3, 1), working_days=())) == ["LAB-DATES-ORDER"]


def test_delivery_within_two_working_days(make_contract):
    # hired Friday 6 March: Saturday 7 = 1, Sunday 8 not counted, Monday 9 = 2 -> on time
    on_time = make_contract(start=date(2026, 3, 6), delivered_on=date(2026, 3, 9), working_days=())
    assert codes(on_time) == []
    late = make_contract(start=date(2026, 3, 6), delivered_on=date(2026, 3, 10), working_days=())
    assert codes(late) == ["LAB-DELIVERY-LATE"]
    pending = make_contract(delivered_on=None)
    assert codes(pending, today=date(2026, 3, 5)) == ["LAB-DELIVERY-LATE"]
    assert codes(pending, today=date(2026, 3, 4)) == []


def test_child_needs_the_prefect_authorisation(make_contract):
    child = make_contract(
        function="Artiste-interprète",
        pay_basis="cachet",
        birth_date=date(2016, 6, 1),
        rights_remuneration={"télévision": Decimal("120")},
    )
    assert "LAB-MINOR-AUTHORISATION" in codes(child)
    authorised = make_contract(
        function="Artiste-interprète",
        pay_basis="cachet",
        birth_date=date(2016, 6, 1),
        minor_authorisation="Préf. 75-2026-17",
        rights_remuneration={"télévision": Decimal("120")},
    )
    assert "LAB-MINOR-AUTHORISATION" not in codes(authorised)


def test_artist_without_rights_remuneration(make_contract):
    actor = make_contract(
        idcc=3097, function="Artiste-interprète", pay_basis="cachet", pay_amount=Decimal("450")
    )
    assert codes(actor) == ["LAB-ARTIST-RIGHTS"]
    cheap = make_contract(
        idcc=3097,
        function="Artiste-interprète",
        pay_basis="cachet",
        pay_amount=Decimal("400"),
        rights_remuneration={"cinéma": Decimal("50")},
    )
    assert codes(cheap) == ["LAB-PAY-BELOW-MIN"]  # 400 < 412.08 (2022 cachet)


def test_trial_period_limits(make_contract):
    # 12-day contract (2-13 March): 1 day per full week -> 1 day at most
    assert codes(make_contract(trial_days=1)) == []
    assert codes(make_contract(trial_days=2)) == ["LAB-TRIAL-TOO-LONG"]
    short = make_contract(end=date(2026, 3, 4), working_days=(), trial_days=1)
    assert codes(short) == ["LAB-TRIAL-TOO-LONG"]  # no trial under one week


def test_vague_object_and_missing_conges_number(make_contract):
    vague = make_contract(programme="prestation", conges_spectacles_number="")
    assert codes(vague) == ["LAB-CONGES-NUMBER", "LAB-OBJECT-VAGUE"]


def test_bad_inputs_raise_french_errors(make_contract):
    with pytest.raises(LaborError, match="Base de rémunération"):
        make_contract(pay_basis="hourly")
    with pytest.raises(LaborError, match="IDCC 9999"):
        functions(9999)
    with pytest.raises(LaborError, match="Fonctions proches"):
        find_function(2642, "machin")


def test_every_2642_grid_row_follows_the_grid_arithmetic():
    # daily_7h = weekly_35h / 4.5 and weekly_39h = weekly_35h x 40/35, to the cent (+/- 0.02)
    for job in functions(2642):
        rates = {r.basis: r.amount for r in job.minima if "officielle" in r.grid}
        if "weekly_35h" in rates and "daily_7h" in rates:
            assert abs(rates["weekly_35h"] / Decimal("4.5") - rates["daily_7h"]) <= Decimal("0.02")
            assert abs(rates["weekly_35h"] * 40 / 35 - rates["weekly_39h"]) <= Decimal("0.02")


def test_computed_2023_grid_matches_the_published_amounts():
    # 1er AR spécialisé: 1098.62 x 1.005 x 1.005 = 1109.63 (> 1000) x 1.015 = 1126.2766 -> 1126.28
    # 2e AR (24): 715.26 x 1.005 x 1.005 = 722.43 (<= 1000) x 1.025 = 740.4912 -> 740.49 (740.50
    # published); daily 8 h = weekly 39 h / 4.5
    from tournage.data import load_yaml

    step = next(
        r
        for r in load_yaml("labor/minima_idcc2642.yaml")["revaluations"]
        if r["id"] == "avenant_14_2023"
    )
    for published in step["cross_check_2023_01_01"]:
        job = find_function(2642, published["function"])
        for basis in ("weekly_35h", "weekly_39h", "daily_8h"):
            computed = [r.amount for r in job.rates(basis, "flux") if "2023" in r.grid]
            assert len(computed) == 1
            # the source rounds its intermediate grids its own way: a cent of difference
            assert abs(computed[0] - Decimal(str(published[basis]))) <= Decimal("0.01"), (
                job.label,
                basis,
                computed,
            )


def test_director_contract_needs_a_proportional_author_share(make_contract):
    director = make_contract(
        idcc=3097, function="Réalisateur", pay_basis="weekly_39h", pay_amount=Decimal("2500")
    )
    assert codes(director) == ["LAB-AUTHOR-PROPORTIONAL", "LAB-PAY-MIN-UNKNOWN"]
    shared = make_contract(
        idcc=3097,
        function="Réalisateur",
        pay_basis="weekly_39h",
        pay_amount=Decimal("2500"),
        author_share_percent=Decimal("2.5"),
    )
    assert codes(shared) == ["LAB-PAY-MIN-UNKNOWN"]
    assert "LAB-AUTHOR-PROPORTIONAL" in codes(
        make_contract(
            idcc=3097,
            function="Réalisateur",
            pay_basis="weekly_39h",
            author_share_percent=Decimal("150"),
        )
    )
