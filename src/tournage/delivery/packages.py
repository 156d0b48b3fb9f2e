"""Structure of an IMF or DCP package: ASSETMAP, packing lists, compositions, files, hashes.

The package folder is only read. XML goes through defusedxml (no entities, no DTD: an
"XML bomb" is refused), with size and count limits from ``data/delivery/meter.yaml``;
paths must stay inside the package. Every problem becomes a line of the report rather
than an exception: a broken package is a QC failure, not a crash.
"""

from __future__ import annotations

import base64
import hashlib
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any
from xml.etree.ElementTree import Element, ParseError

import defusedxml
from defusedxml.ElementTree import fromstring

from tournage.delivery.meter_settings import meter

ASSETMAP_NAMES = ("ASSETMAP.xml", "ASSETMAP")  # SMPTE / Interop DCP, IMF


@dataclass
class PackageReport:
    kind: str
    assets: int = 0
    packing_lists: int = 0
    compositions: int = 0
    problems: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "assets": self.assets,
            "packing_lists": self.packing_lists,
            "compositions": self.compositions,
            "problems": self.problems,
        }


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _children(element: Element, name: str) -> list[Element]:
    return [child for child in element.iter() if _local(child.tag) == name]


def _text(element: Element, name: str) -> str:
    for child in element:
        if _local(child.tag) == name:
            return (child.text or "").strip()
    return ""


def _parse(path: Path, report: PackageReport) -> Element | None:
    """The XML root, or None with a problem line (too big, unreadable, dangerous)."""
    if path.stat().st_size > meter().packages.max_xml_bytes.value:
        report.problems.append(f"{path.name} : fichier XML trop gros, non lu.")
        return None
    try:
        root: Element = fromstring(path.read_bytes())
    except (ParseError, defusedxml.DefusedXmlException, ValueError) as error:
        report.problems.append(f"{path.name} : XML illisible ou dangereux ({error}).")
        return None
    return root


def _inside(folder: Path, relative: str) -> Path | None:
    """The asset's path if it stays inside the package folder, else None."""
    pure = PurePosixPath(relative.replace("\\", "/"))
    if not relative or pure.is_absolute() or ".." in pure.parts:
        return None
    return folder.joinpath(*pure.parts)


def _asset_map(folder: Path, report: PackageReport) -> dict[str, tuple[Path | None, bool]]:
    """Asset id -> (file, is a packing list) from the ASSETMAP."""
    found = next((folder / n for n in ASSETMAP_NAMES if (folder / n).is_file()), None)
    if found is None:
        report.problems.append("ASSETMAP absent : ce dossier n'est pas un paquet IMF ou DCP.")
        return {}
    root = _parse(found, report)
    if root is None:
        return {}
    assets: dict[str, tuple[Path | None, bool]] = {}
    for asset in _children(root, "Asset")[: meter().packages.max_assets.value]:
        paths = [(_text(chunk, "Path")) for chunk in _children(asset, "Chunk")]
        path = _inside(folder, paths[0]) if paths else None
        if paths and path is None:
            report.problems.append(f"ASSETMAP : chemin hors du paquet refusé ({paths[0][:80]}).")
        assets[_text(asset, "Id")] = (path, _text(asset, "PackingList").lower() == "true")
    report.assets = len(assets)
    return assets


def _sha1_base64(path: Path) -> str:
    with path.open("rb") as handle:
        digest = hashlib.file_digest(handle, "sha1").digest()
    return base64.b64encode(digest).decode("ascii")


def _check_pkl(
    pkl: Element, assets: dict[str, tuple[Path | None, bool]], report: PackageReport
) -> list[Path]:
    """Every listed asset mapped, present, of the stated size and hash; returns the XML ones."""
    xml_files = []
    for asset in _children(pkl, "Asset")[: meter().packages.max_assets.value]:
        asset_id = _text(asset, "Id")
        path, _ = assets.get(asset_id, (None, False))
        if asset_id not in assets:
            report.problems.append(f"PKL : l'élément {asset_id} n'est pas dans l'ASSETMAP.")
            continue
        if path is None or not path.is_file():
            report.problems.append(
                f"PKL : fichier manquant pour {asset_id} ({path.name if path else '?'})."
            )
            continue
        size = _text(asset, "Size")
        if size and size.isdigit() and int(size) != path.stat().st_size:
            report.problems.append(
                f"{path.name} : {path.stat().st_size} octets, {size} annoncés dans la PKL."
            )
        expected = _text(asset, "Hash")
        if expected and _sha1_base64(path) != expected:
            report.problems.append(f"{path.name} : empreinte SHA-1 différente de la PKL.")
        if "xml" in _text(asset, "Type").lower() or path.suffix.lower() == ".xml":
            xml_files.append(path)
    return xml_files


def _check_cpl(cpl: Element, listed: set[str], name: str, report: PackageReport) -> None:
    """Every track file a composition plays is listed in the packing lists."""
    report.compositions += 1
    references = {_text(r, "TrackFileId") for r in _children(cpl, "Resource")} - {""}
    for reel in _children(cpl, "Reel"):  # DCP: MainPicture / MainSound ... carry an Id
        for item in reel.iter():
            if _local(item.tag).startswith("Main") and _text(item, "Id"):
                references.add(_text(item, "Id"))
    for missing in sorted(references - listed):
        report.problems.append(f"{name} : la composition joue {missing}, absent des PKL.")


def check_package(folder: Path, kind: str) -> PackageReport:
    """Structure of the IMF or DCP package in ``folder`` (read only)."""
    report = PackageReport(kind)
    assets = _asset_map(folder, report)
    listed: set[str] = set()
    compositions = []
    for asset_id, (path, is_pkl) in assets.items():
        if not is_pkl:
            continue
        if path is None or not path.is_file():
            report.problems.append(f"PKL {asset_id} annoncée dans l'ASSETMAP mais absente.")
            continue
        pkl = _parse(path, report)
        if pkl is None:
            continue
        report.packing_lists += 1
        listed |= {_text(a, "Id") for a in _children(pkl, "Asset")}
        for xml_path in _check_pkl(pkl, assets, report):
            root = _parse(xml_path, report)
            if root is not None and _local(root.tag) == "CompositionPlaylist":
                compositions.append((root, xml_path.name))
    if assets and report.packing_lists == 0:
        report.problems.append("Aucune liste de colisage (PKL) lisible dans le paquet.")
    for root, name in compositions:
        _check_cpl(root, listed, name, report)
    if assets and report.packing_lists and not compositions:
        report.problems.append("Aucune composition (CPL) dans les listes de colisage.")
    return report
