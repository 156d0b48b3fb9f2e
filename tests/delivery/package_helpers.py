"""Small IMF / DCP package folders written for the tests (ASSETMAP, PKL, CPL, track files)."""

from __future__ import annotations

import base64
import hashlib
import uuid
from pathlib import Path

SMPTE_AM = "http://www.smpte-ra.org/schemas/429-9/2007/AM"
SMPTE_PKL = "http://www.smpte-ra.org/schemas/429-8/2007/PKL"
SMPTE_CPL = "http://www.smpte-ra.org/schemas/429-7/2006/CPL"
IMF_CPL = "http://www.smpte-ra.org/schemas/2067-3/2016"


def urn() -> str:
    return f"urn:uuid:{uuid.uuid4()}"


def sha1(data: bytes) -> str:
    return base64.b64encode(hashlib.sha1(data).digest()).decode()


def wrap(inner: str, *tags: str) -> str:
    """``inner`` inside the given elements, innermost first."""
    for tag in tags:
        inner = f"<{tag}>{inner}</{tag}>"
    return inner


def write_package(folder: Path, kind: str = "dcp", tracks: int = 2) -> dict[str, str]:
    """A consistent package; returns the file name of each asset id (for tests to break)."""
    folder.mkdir(parents=True, exist_ok=True)
    files = {urn(): f"track_{n}.mxf" for n in range(tracks)}
    for asset_id, name in files.items():
        (folder / name).write_bytes(f"essence of {name} {asset_id}".encode() * 50)
    cpl_id, pkl_id = urn(), urn()
    if kind == "imf":
        resources = "".join(f"<Resource><TrackFileId>{a}</TrackFileId></Resource>" for a in files)
        body = wrap(resources, "ResourceList", "Sequence", "SequenceList", "Segment", "SegmentList")
        namespace = IMF_CPL
    else:
        picture, *sounds = list(files)
        reel = f"<MainPicture><Id>{picture}</Id></MainPicture>" + "".join(
            f"<MainSound><Id>{a}</Id></MainSound>" for a in sounds
        )
        body = wrap(reel, "AssetList", "Reel", "ReelList")
        namespace = SMPTE_CPL
    cpl = f'<CompositionPlaylist xmlns="{namespace}"><Id>{cpl_id}</Id>{body}</CompositionPlaylist>'
    (folder / "CPL.xml").write_text(cpl, encoding="utf-8")
    assets = {**files, cpl_id: "CPL.xml"}
    pkl_assets = "".join(
        f"<Asset><Id>{a}</Id><Hash>{sha1((folder / n).read_bytes())}</Hash>"
        f"<Size>{(folder / n).stat().st_size}</Size>"
        f"<Type>{'text/xml' if n.endswith('.xml') else 'application/mxf'}</Type></Asset>"
        for a, n in assets.items()
    )
    (folder / "PKL.xml").write_text(
        f'<PackingList xmlns="{SMPTE_PKL}"><Id>{pkl_id}</Id>'
        f"{wrap(pkl_assets, 'AssetList')}</PackingList>",
        encoding="utf-8",
    )
    map_assets = "".join(
        f"<Asset><Id>{a}</Id>{'<PackingList>true</PackingList>' if n == 'PKL.xml' else ''}"
        f"<ChunkList><Chunk><Path>{n}</Path></Chunk></ChunkList></Asset>"
        for a, n in {**assets, pkl_id: "PKL.xml"}.items()
    )
    (folder / "ASSETMAP.xml").write_text(
        f'<AssetMap xmlns="{SMPTE_AM}"><Id>{urn()}</Id>{wrap(map_assets, "AssetList")}</AssetMap>',
        encoding="utf-8",
    )
    return assets
