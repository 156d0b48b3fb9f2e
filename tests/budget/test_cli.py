import json
from decimal import Decimal

import pytest

from tournage.cli import main
from tournage.cli.output import options

from .helpers import SAMPLE


@pytest.fixture(autouse=True)
def reset_options():
    yield
    options.json = False
    options.debug = False


def run(capsys, *args):
    with pytest.raises(SystemExit) as done:
        main(list(args))
        raise SystemExit(0)
    captured = capsys.readouterr()
    return done.value.code, captured.out, captured.err


def test_show_json_has_the_documented_shape(capsys):
    code, out, _ = run(capsys, "budget", "show", str(SAMPLE), "--json")
    assert code == 0
    document = json.loads(out)
    chapters = document["chapters"]
    assert [c["code"] for c in chapters] == [str(i) for i in range(1, 12)]
    assert set(chapters[0]) >= {"code", "label", "budget", "committed", "actual", "efc", "variance"}
    total = sum(Decimal(c["budget"]) for c in chapters)
    assert Decimal(document["total_ht"]) == total
    assert document["total_ht"].count(".") == 1 and len(document["total_ht"].split(".")[1]) == 2
    financing = document["financing"]
    assert financing["total"] == "360000.00"
    assert Decimal(financing["public_share"]) > Decimal(financing["public_ceiling"])
    assert financing["over_ceiling"] is True
    assert {s["kind"] for s in financing["sources"]} == {"own_funds", "regional", "tax_credit"}
    assert document["tax_credit"]["rate_percent"] == "30"


def test_eligibility_json(capsys):
    code, out, _ = run(capsys, "--json", "budget", "eligibility", str(SAMPLE))
    assert code == 0
    verdicts = json.loads(out)
    grand_est = next(v for v in verdicts if v["aid"] == "region_grand_est")
    assert grand_est["eligible"] is True and grand_est["amount_max"] == "200000.00"
    assert all(
        set(v) >= {"aid", "eligible", "reasons", "amount_min", "amount_max"} for v in verdicts
    )
    assert all(isinstance(v["reasons"], list) and v["reasons"] for v in verdicts)


def test_text_output_and_compare(capsys, tmp_path):
    code, out, _ = run(capsys, "budget", "show", str(SAMPLE))
    assert "Droits artistiques" in out and "plafond" in out
    code, out, _ = run(capsys, "budget", "eligibility", str(SAMPLE))
    assert code == 0 and "✔ Grand Est" in out and "✘ Bretagne" in out
    v2 = tmp_path / "v2.yaml"
    v2.write_text(
        SAMPLE.read_text(encoding="utf-8")
        .replace("value: 24", "value: 30")
        .replace("version: v1", "version: v2"),
        encoding="utf-8",
    )
    code, out, _ = run(capsys, "--json", "budget", "compare", str(SAMPLE), str(v2))
    assert code == 0
    document = json.loads(out)
    assert document["before"] == "v1" and document["after"] == "v2"
    assert Decimal(document["total"]["difference"]) > 0


def test_export_then_show_the_xlsx(capsys, tmp_path):
    target = tmp_path / "devis.xlsx"
    code, _, _ = run(capsys, "budget", "export", str(SAMPLE), "-o", str(target))
    assert code == 0 and target.stat().st_size > 0
    code, out, _ = run(capsys, "--json", "budget", "show", str(target))
    yaml_total = json.loads(run(capsys, "--json", "budget", "show", str(SAMPLE))[1])["total_ht"]
    assert json.loads(out)["total_ht"] == yaml_total


def test_user_errors_exit_1_with_a_french_message(capsys, tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("budget: {lines: [{account: '2.1', rate: douze}]}", encoding="utf-8")
    code, out, err = run(capsys, "budget", "show", str(bad))
    assert code == 1 and err.startswith("Erreur : ") and "rate" in err and not out
    code, _, err = run(capsys, "budget", "show", str(tmp_path / "absent.yaml"))
    assert code == 1 and "introuvable" in err
