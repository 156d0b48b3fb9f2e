import json
from decimal import Decimal
from pathlib import Path

import pytest

from scheduling.test_problem_io import sample
from tournage.cli import main
from tournage.scheduling.problem_io import to_dict

DATA = Path("/work/shared/data/talent-scheduling")


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as done:
        main(list(args))
        raise SystemExit(0)
    out = capsys.readouterr()
    return int(done.value.code or 0), out.out, out.err


def test_talent_instance_json_shape(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "schedule", "solve", str(DATA / "minizinc" / "small.dzn"), "--json")
    document = json.loads(out)
    assert code == 0
    assert set(document) == {
        "total_cost",
        "idle_cost",
        "optimal",
        "lower_bound",
        "order",
        "seconds",
    }
    assert (document["total_cost"], document["idle_cost"], document["optimal"]) == (54, 12, True)


def test_production_export(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "production.json"
    path.write_text(json.dumps(to_dict(sample())))
    code, out, _ = run(capsys, "--json", "schedule", "solve", str(path), "--time-limit", "3")
    document = json.loads(out)
    assert code == 0 and document["status"] in ("optimal", "feasible")
    assert set(document["assignment"]) == {"1", "2"}
    assert document["schedule"]["terms"]["shooting_days"] >= 1
    assert {row["kind"] for row in document["dood"]["rows"]} == {"cast", "location", "element"}
    terms = document["bound_terms"]
    assert set(terms) == {
        "crew_and_overtime",
        "company_moves",
        "holding",
        "minor_excess",
        "changes",
        "total",
        "lp_relaxation",  # computed on small problems only (see solver.LP_MAX_SCENE_DAYS)
        "solver",
    }
    assert float(document["bound_eur"]) >= float(terms["total"])
    assert float(document["bound_eur"]) >= float(terms["lp_relaxation"])
    proof = document["proof"]  # per term: paid, bound, open; the paid parts make the cost
    assert set(proof) == {"crew_and_overtime", "holding", "other"}
    assert sum(Decimal(t["paid"]) for t in proof.values()) == Decimal(document["objective_eur"])
    for term in proof.values():
        assert Decimal(term["paid"]) - Decimal(term["bound"]) == Decimal(term["open"]) >= 0


def test_production_text_names_the_bound_terms(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "production.json"
    path.write_text(json.dumps(to_dict(sample())))
    code, out, _ = run(capsys, "schedule", "solve", str(path), "--time-limit", "3")
    assert code == 0
    assert "Borne par terme : crew_and_overtime" in out
    assert "Preuve par terme (payé / borne / non prouvé) : crew_and_overtime" in out


def test_bad_file_is_a_french_error(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "x.dzn"
    path.write_text("numScenes = 3;")
    code, out, err = run(capsys, "schedule", "solve", str(path))
    assert code == 1 and out == ""
    assert err.startswith("Erreur : ") and "Traceback" not in err
