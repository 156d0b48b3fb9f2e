"""IMF and DCP package structure: present, consistent, hashed; hostile packages refused."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from package_helpers import write_package

from tournage.delivery.errors import DeliveryError
from tournage.delivery.packages import check_package
from tournage.delivery.qc import run_qc


def snapshot(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir())}


@pytest.mark.parametrize(("kind", "profile"), [("dcp", "dcp"), ("imf", "netflix")])
def test_a_consistent_package_passes(tmp_path: Path, kind: str, profile: str) -> None:
    write_package(tmp_path / "pkg", kind)
    report = run_qc(tmp_path / "pkg", profile)
    package = report["checks"][0]
    assert (package["id"], package["status"], report["verdict"]) == ("package", "pass", "pass")
    assert package["measured"]["compositions"] == 1 and package["measured"]["assets"] == 4


def test_a_missing_track_file_fails(tmp_path: Path) -> None:
    write_package(tmp_path, "dcp")
    (tmp_path / "track_1.mxf").unlink()
    problems = check_package(tmp_path, "dcp").problems
    assert any("fichier manquant" in p and "track_1.mxf" in p for p in problems)


def test_a_modified_file_fails_its_hash(tmp_path: Path) -> None:
    write_package(tmp_path, "imf")
    with (tmp_path / "track_0.mxf").open("r+b") as handle:
        handle.write(b"X")  # same size, other bytes
    assert check_package(tmp_path, "imf").problems == [
        "track_0.mxf : empreinte SHA-1 différente de la PKL."
    ]


def test_a_composition_playing_an_unlisted_file_fails(tmp_path: Path) -> None:
    write_package(tmp_path, "imf")
    cpl = tmp_path / "CPL.xml"
    cpl.write_text(
        cpl.read_text().replace(
            "</ResourceList>",
            "<Resource><TrackFileId>urn:uuid:0</TrackFileId></Resource></ResourceList>",
        )
    )
    problems = check_package(tmp_path, "imf").problems
    assert any("urn:uuid:0" in p for p in problems)  # and its hash changed, reported too
    assert any("CPL.xml" in p and "SHA-1" in p for p in problems)


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("<AssetMap><AssetList>", "XML illisible"),
        (
            '<?xml version="1.0"?><!DOCTYPE b [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]>'
            "<AssetMap>&b;</AssetMap>",
            "dangereux",
        ),
        ("", "XML illisible"),
    ],
)
def test_broken_or_hostile_asset_maps_are_refused(
    tmp_path: Path, content: str, expected: str
) -> None:
    write_package(tmp_path, "dcp")
    (tmp_path / "ASSETMAP.xml").write_text(content)
    before = snapshot(tmp_path)
    report = run_qc(tmp_path, "dcp")
    assert report["verdict"] == "fail" and expected in report["checks"][0]["message"]
    assert snapshot(tmp_path) == before  # nothing written, nothing changed


def test_paths_leaving_the_package_are_refused(tmp_path: Path) -> None:
    assets = write_package(tmp_path / "pkg", "dcp")
    (tmp_path / "secret.mxf").write_bytes(b"outside")
    asset_map = tmp_path / "pkg" / "ASSETMAP.xml"
    name = next(n for n in assets.values() if n.endswith(".mxf"))
    asset_map.write_text(asset_map.read_text().replace(f">{name}<", ">../secret.mxf<"))
    problems = check_package(tmp_path / "pkg", "dcp").problems
    assert any("hors du paquet" in p for p in problems)


def test_a_folder_without_asset_map_or_with_a_media_profile(tmp_path: Path) -> None:
    assert check_package(tmp_path, "imf").problems[0].startswith("ASSETMAP absent")
    with pytest.raises(DeliveryError) as error:
        run_qc(tmp_path, "pad-hd-fr")
    assert error.value.code == "not_a_package_profile"
