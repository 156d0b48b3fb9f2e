"""The portfolio of an evaluation, for a jury, an insurer, a funder or a broadcaster.

``portfolio_pdf``: an accessible PDF organised by block and row (competence or
criterion) — tagged (a structure tree of H1/H2/H3/P elements in reading order, page
furniture marked as artefacts), its language set (fr-FR), its title shown. ReportLab
draws the pages and ``tournage.common.tagged_pdf`` adds the structure tree.
``portfolio_zip``: that PDF, the JSON document and the evidence documents, filed under
``bloc-N/<row>/<check>/``. User text is escaped: no markup is ever interpreted.
"""

from __future__ import annotations

import io
import json
import zipfile
from collections import defaultdict
from collections.abc import Callable, Mapping
from datetime import date, datetime
from pathlib import PurePosixPath
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Spacer

from tournage.common.formatting import format_date
from tournage.common.tagged_pdf import Writer
from tournage.referential.framework import FRAMEWORK, Row

STATUS_FR = {
    "met": "Atteint",
    "partly": "Partiellement atteint",
    "not_met": "Non atteint",
    "unknown": "Données absentes",
    "not_evaluated": "Pas encore évalué",
    None: "Jugement humain uniquement",
}
LEVEL_FR = {"fail": "bloquant", "warn": "avertissement", "info": "information"}
VERDICT_FR = {"met": "atteint", "not_met": "non atteint", "to_review": "à revoir"}


def _check_text(check: Mapping[str, Any]) -> str:
    status = STATUS_FR.get(check["status"], check["status"])
    level = LEVEL_FR.get(check["level"], check["level"])
    text = f"{status} ({level}) — {check['message']}"
    if check.get("source"):
        text += f" Source : {check['source']}."
    proofs = [e["label"] + (f" ({e['url']})" if e.get("url") else "") for e in check["evidence"]]
    if proofs:
        text += " Preuves : " + " ; ".join(proofs) + "."
    return text


def _row_heading(row: Row, status: str | None) -> str:
    return f"{FRAMEWORK.load().label(row)} — {STATUS_FR.get(status, status)}"


def _story(document: Mapping[str, Any], title: str, generated: datetime) -> Writer:
    framework = FRAMEWORK.load()
    rows = {row.id: row for row in framework.rows}
    blocks = {block.block: block for block in framework.blocks}
    summary = document["summary"]
    judgements: dict[str, list[Mapping[str, Any]]] = defaultdict(list)
    for judgement in document["judgements"]:
        judgements[judgement["row"]].append(judgement)
    writer = Writer()
    writer.add("H1", f"Production responsable — {title}")
    writer.add("P", f"{framework.meta.title} (version du {framework.meta.as_of}).")
    writer.add("P", f"Évaluation du {format_date(generated)} à {generated.strftime('%H:%M')}.")
    writer.add(
        "P",
        "Contrôles : {met} atteints, {partly} partiellement, {not_met} non atteints, "
        "{unknown} sans données, {not_evaluated} pas encore évalués.".format(**summary),
    )
    for block in document["blocks"]:
        info = blocks[block["block"]]
        writer.story.append(Spacer(1, 4 * mm))
        writer.add("H2", f"Bloc {info.block} — {info.title_fr}")
        for entry in block["criteria"]:
            row = rows[entry["id"]]
            writer.add("H3", _row_heading(row, entry["status"]))
            writer.add("P", row.text_fr)
            for check in entry["checks"]:
                spec = next(c for c in row.checks if c.id == check["id"])
                writer.add("P", f"{spec.rule_fr or spec.rule} : {_check_text(check)}", "Note")
            for judgement in judgements.get(row.id, []):
                verdict = VERDICT_FR.get(judgement["verdict"], judgement["verdict"])
                text = f"Jugement : {judgement['text']} — {verdict}, le {_day(judgement['date'])}"
                if judgement.get("by"):
                    text += f" par {judgement['by']}"
                if judgement.get("comment"):
                    text += f" : {judgement['comment']}"
                writer.add("P", text, "Note")
    return writer


def _day(value: Any) -> str:
    """A judgement's date (ISO text in the JSON document) the French way."""
    try:
        return format_date(date.fromisoformat(str(value)), "long")
    except ValueError:
        return str(value)


def portfolio_pdf(document: Mapping[str, Any], title: str, generated: datetime) -> bytes:
    return _story(document, title, generated).build(f"Production responsable — {title}")


def _safe_name(name: str) -> str:
    """The file's own name, never a path (no ``..``, no absolute path into the zip)."""
    base = PurePosixPath(name.replace("\\", "/")).name
    return base.lstrip(".") or "document"


def portfolio_zip(
    document: Mapping[str, Any],
    title: str,
    generated: datetime,
    open_document: Callable[[str], bytes | None],
) -> bytes:
    """The PDF, the JSON and every evidence document, under bloc-N/<row>/<check>/."""
    buffer = io.BytesIO()
    index = [f"Portefeuille « production responsable » — {title}", ""]
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("portefeuille.pdf", portfolio_pdf(document, title, generated))
        archive.writestr("referentiel.json", json.dumps(document, ensure_ascii=False, indent=2))
        for block in document["blocks"]:
            for row in block["criteria"]:
                for check in row["checks"]:
                    folder = f"bloc-{block['block']}/{row['id']}/{check['id']}"
                    for evidence in check["evidence"]:
                        if not evidence.get("file"):
                            continue
                        data = open_document(evidence["file"])
                        target = f"{folder}/{_safe_name(evidence['file'])}"
                        if data is None:
                            index.append(f"{target} : document introuvable ({evidence['label']})")
                            continue
                        archive.writestr(target, data)
                        index.append(f"{target} : {evidence['label']}")
        archive.writestr("LISEZMOI.txt", "\n".join(index) + "\n")
    return buffer.getvalue()
