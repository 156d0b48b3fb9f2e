"""The register's decisions on one element: timing and the QC of the very file delivered."""

from __future__ import annotations

from datetime import date

from tournage.closing.register import Item, QCRunRef, evaluate, evaluate_destination

TODAY = date(2027, 10, 1)
CHECKED = "a" * 64
OTHER = "b" * 64


def _item(**changes: object) -> Item:
    base: dict[str, object] = {
        "id": 1,
        "destination": "Chaîne",
        "kind": "pad",
        "label": "PAD",
        "due": date(2027, 9, 15),
        "file_sha256": CHECKED,
        "delivered": date(2027, 9, 10),
        "runs": (QCRunRef(7, CHECKED, "pass"),),
    }
    base.update(changes)
    return Item(**base)  # type: ignore[arg-type]


def _codes(item: Item) -> list[str]:
    return [f.code for f in evaluate(item, TODAY).findings]


def test_on_time_with_a_passing_qc_of_that_very_file_is_clean() -> None:
    status = evaluate(_item(), TODAY)
    assert status.findings == ()
    assert status.run is not None and status.run.run_id == 7


def test_delivered_after_the_due_date_is_late() -> None:
    status = evaluate(_item(delivered=date(2027, 9, 20)), TODAY)
    assert [f.code for f in status.findings] == ["item.late"]
    assert status.late and "5 jour" in status.findings[0].message


def test_not_delivered_past_the_due_date_is_overdue_before_it_only_warns() -> None:
    assert _codes(_item(delivered=None)) == ["item.overdue"]
    assert _codes(_item(delivered=None, due=date(2027, 12, 1))) == ["item.missing"]


def test_a_file_whose_checksum_no_qc_run_has_was_changed_after_qc() -> None:
    status = evaluate(_item(file_sha256=OTHER), TODAY)
    assert status.modified_after_qc and status.run is None
    assert status.findings[0].evidence["checked_sha256"] == [CHECKED]


def test_the_latest_run_of_the_same_file_counts() -> None:
    runs = (QCRunRef(9, OTHER, "pass"), QCRunRef(8, CHECKED, "fail"), QCRunRef(7, CHECKED, "pass"))
    status = evaluate(_item(runs=runs), TODAY)
    assert status.run is not None and status.run.run_id == 8
    assert _codes(_item(runs=runs)) == ["item.qc_failed"]


def test_technical_items_need_a_file_and_a_qc_paperwork_does_not() -> None:
    assert _codes(_item(file_sha256="")) == ["item.no_file"]
    assert _codes(_item(runs=())) == ["item.no_qc"]
    assert _codes(_item(kind="press_kit", file_sha256="", runs=())) == []


def test_a_destination_lists_the_expected_elements_missing_from_the_register() -> None:
    status = evaluate_destination("Chaîne", "broadcaster", [_item()], TODAY)
    assert "sme" in status.missing_kinds and "pad" not in status.missing_kinds
    assert status.to_dict()["items"][0]["qc_run"] == 7
