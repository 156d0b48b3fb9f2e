"""The CLI contract (JSON shapes, errors) and the PDF/XLSX report."""

import io
import json
from pathlib import Path

import pytest
from openpyxl import load_workbook

from tournage.cli import main

SAMPLE = Path(__file__).parent / "sample_plan.yaml"


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as done:
        main([*args])
        raise SystemExit(0)
    captured = capsys.readouterr()
    return int(done.value.code or 0), captured.out, captured.err


def test_estimate_activity_list_json_shape(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "a.json"
    path.write_text(
        json.dumps(
            {
                "activities": [
                    {"factor": "train_tgv", "quantity": 1000, "unit": "km", "phase": "actual"},
                    {
                        "factor": "hotel_night_fr_avg_ademe",
                        "quantity": 2,
                        "unit": "night",
                        "phase": "actual",
                    },
                    {
                        "factor": "meal_beef_impactco2",
                        "quantity": 10,
                        "unit": "meal",
                        "phase": "forecast",
                    },
                ]
            }
        )
    )
    code, out, _ = run(capsys, "--json", "carbon", "estimate", str(path))
    document = json.loads(out)
    assert code == 0
    assert document["phase"] == "actual"
    assert document["total_kgco2e"] == pytest.approx(2.93 + 19.82)
    assert set(document["by_section"]) == {"transport", "regie"}
    assert {"factor", "quantity", "unit", "kgco2e"} <= set(document["lines"][0])
    assert document["factor_vintage"] == "tournage-factors-2026.11"
    assert document["phases"]["forecast"]["total_kgco2e"] == pytest.approx(72.6)


def test_estimate_plan_file_in_text(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "carbon", "estimate", str(SAMPLE))
    assert code == 0 and "tCO2e" in out


def test_errors_are_french_and_exit_one(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text(
        '{"activities": [{"factor": "diesel_b7_l_ademe", "quantity": 3, "unit": "kWh"}]}'
    )
    code, out, err = run(capsys, "carbon", "estimate", str(bad), "--json")
    assert code == 1 and out == "" and err.startswith("Erreur : ") and "incompatible" in err
    code, _, err = run(capsys, "carbon", "estimate", str(tmp_path / "missing.json"))
    assert code == 1 and "introuvable" in err


def test_factors_lists_the_table(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "carbon", "factors", "--category", "catering", "--json")
    document = json.loads(out)
    assert code == 0 and all(f["category"] == "catering" for f in document["factors"])


def test_forecast_and_scenarios_commands(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--json", "carbon", "forecast", str(SAMPLE))
    assert code == 0 and all(line["derivation"] for line in json.loads(out)["lines"])
    code, out, _ = run(capsys, "--json", "carbon", "scenarios", str(SAMPLE))
    levers = json.loads(out)["levers"]
    assert levers[0]["delta_kgco2e"] <= levers[-1]["delta_kgco2e"]


def test_report_writes_pdf_and_xlsx_section_by_section(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pdf, xlsx = tmp_path / "r.pdf", tmp_path / "r.xlsx"
    code, out, _ = run(
        capsys, "--json", "carbon", "report", str(SAMPLE), "--pdf", str(pdf), "--xlsx", str(xlsx)
    )
    document = json.loads(out)
    assert code == 0
    assert "homologué" in document["notice"]
    assert document["forecast"]["per_minute_tco2e"] is not None
    assert document["benchmark"]["genre"] == "feature"
    assert pdf.read_bytes().startswith(b"%PDF")
    import pdfplumber

    with pdfplumber.open(pdf) as reader:
        text = "".join(page.extract_text() or "" for page in reader.pages)
    assert "homologué" in text and "Lieux de tournage" in text and "Scénarios" in text
    workbook = load_workbook(io.BytesIO(xlsx.read_bytes()))
    assert workbook.sheetnames[0] == "Synthèse" and "Régie" in workbook.sheetnames
    regie = workbook["Régie"]
    assert any(row[2] == "hotel_night_fr_avg_ademe" for row in regie.iter_rows(values_only=True))


def test_bar_chart_scales_to_the_peak_and_escapes_labels() -> None:
    from tournage.carbon.charts import BAR_WIDTH, bar_chart

    svg = bar_chart([("<Décor & co>", {"a": 2.0}), ("B", {"a": 1.0})], ["a"], "T")
    assert svg.startswith("<svg") and "&lt;Décor &amp; co&gt;" in svg
    assert f'width="{BAR_WIDTH:.1f}"' in svg and f'width="{BAR_WIDTH / 2:.1f}"' in svg
    assert "<title>" in bar_chart([], ["a"], "vide")
