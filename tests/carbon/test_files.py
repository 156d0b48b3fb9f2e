"""Reading files: production archives, activity documents, imports, hostile input."""

import contextlib
import io
import json
import zipfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook

from tournage.carbon.errors import CarbonError
from tournage.carbon.importer import parse_actuals
from tournage.carbon.sources import load_source


def row(pk: int, **fields: Any) -> dict[str, Any]:
    return {"pk": pk, "fields": fields, "m2m": {}}


def make_archive(path: Path, carbon: dict[str, Any] | None = None) -> Path:
    productions = {
        "productions.production": [
            row(1, title="Archive", format="short", target_duration_minutes=15, country="FR")
        ],
        "productions.person": [
            row(
                7,
                first_name="Ana",
                last_name="Roux",
                home_city="Paris",
                home_latitude=48.8566,
                home_longitude=2.3522,
            )
        ],
        "productions.location": [
            row(
                3,
                name="Gare",
                city="Lille",
                latitude=50.6367,
                longitude=3.0703,
                power_source="grid",
            )
        ],
    }
    carbon = (
        carbon
        if carbon is not None
        else {
            "carbon.carbonprofile": [row(1, production=1, checklist={"waste_sorting": True})],
            "carbon.locationenergy": [
                row(1, production=1, location=3, shooting_days=2, energy_kwh_per_day="80")
            ],
            "carbon.persontravel": [row(1, production=1, person=7, mode="train")],
            "carbon.carbonactivity": [
                row(
                    1,
                    production=1,
                    factor="diesel_b7_l_ademe",
                    quantity="40",
                    unit="L",
                    phase="actual",
                    evidence={"name": "ticket.pdf", "archive": "files/x"},
                )
            ],
        }
    )
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr(
            "manifest.json",
            json.dumps({"format": "tournage-production-archive", "schema_version": 1}),
        )
        archive.writestr("sections/productions.json", json.dumps(productions))
        archive.writestr("sections/carbon.json", json.dumps(carbon))
    return path


def test_archive_gives_plan_activities_and_checklist(tmp_path: Path) -> None:
    source = load_source(make_archive(tmp_path / "p.zip"))
    assert source.title == "Archive"
    assert source.plan is not None and source.plan.people[0].mode == "train"
    assert len(source.plan.days) == 2
    assert source.activities[0].phase == "actual" and source.activities[0].evidence == "ticket.pdf"
    assert source.checklist == {"waste_sorting": True}


def test_archive_without_carbon_section_still_forecasts(tmp_path: Path) -> None:
    source = load_source(make_archive(tmp_path / "p.zip", carbon={}))
    assert source.plan is not None and source.activities == ()


def test_foreign_zip_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "x.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("hello.txt", "hi")
    with pytest.raises(CarbonError) as error:
        load_source(path)
    assert error.value.code == "archive.format"


@settings(max_examples=40, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.binary(max_size=300) | st.text(max_size=300).map(str.encode))
def test_any_bytes_give_a_carbon_error_or_a_source(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "input.yaml"
    path.write_bytes(content)
    with contextlib.suppress(CarbonError):
        load_source(path)


@settings(max_examples=40)
@given(
    st.recursive(
        st.none() | st.booleans() | st.integers() | st.text(max_size=5),
        lambda inner: (
            st.lists(inner, max_size=3)
            | st.dictionaries(
                st.sampled_from(
                    [
                        "activities",
                        "people",
                        "locations",
                        "days",
                        "factor",
                        "quantity",
                        "unit",
                        "checklist",
                        "options",
                        "catering",
                        "menu",
                        "lat",
                    ]
                ),
                inner,
                max_size=4,
            )
        ),
        max_leaves=12,
    )
)
def test_any_json_shape_gives_a_carbon_error_or_a_source(document: Any) -> None:
    import tempfile

    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as handle:
        json.dump(document, handle)
    try:
        load_source(Path(handle.name))
    except CarbonError:
        pass
    finally:
        Path(handle.name).unlink()


def test_csv_import_of_actuals_with_semicolons() -> None:
    content = (
        "factor;quantity;unit;label\ndiesel_b7_l_ademe;120,5;L;Ticket 1\ntrain_tgv;800;km;Billets\n"
    )
    activities = parse_actuals(content.encode(), "receipts.csv")
    assert [a.phase for a in activities] == ["actual", "actual"]
    assert str(activities[0].quantity) == "120.5"


def test_xlsx_import_refuses_a_wrong_unit_and_names_the_line() -> None:
    workbook = Workbook()
    workbook.active.append(["factor", "quantity", "unit"])
    workbook.active.append(["hotel_night_fr_avg_ademe", 4, "night"])
    workbook.active.append(["diesel_b7_l_ademe", 30, "kWh"])
    buffer = io.BytesIO()
    workbook.save(buffer)
    with pytest.raises(CarbonError) as error:
        parse_actuals(buffer.getvalue(), "x.xlsx")
    assert "Ligne 3" in str(error.value) and error.value.code == "unit.mismatch"


@pytest.mark.parametrize(
    ("content", "name", "code"),
    [
        (b"", "a.csv", "import.empty"),
        (b"a,b\n1,2\n", "a.csv", "import.columns"),
        (b"\xff\xfe\x00", "a.csv", "import.encoding"),
        (b"not a zip", "a.xlsx", "import.unreadable"),
    ],
)
def test_bad_import_files(content: bytes, name: str, code: str) -> None:
    with pytest.raises(CarbonError) as error:
        parse_actuals(content, name)
    assert error.value.code == code
