"""The call sheet as a printable A4 PDF, tagged for accessibility (headings, tables with
header cells, language set) through ``tournage.common.tagged_pdf``; user text is shown,
never interpreted."""

from __future__ import annotations

from typing import Any

from tournage.common.tagged_pdf import Writer


def _place(place: dict[str, Any]) -> list[str]:
    if place.get("sunrise"):
        sun = f"{place['sunrise']} / {place['sunset']}"
    else:
        sun = {"day": "le soleil ne se couche pas", "night": "le soleil ne se lève pas"}.get(
            place.get("polar", ""), "inconnus (décor sans coordonnées)"
        )
    return [place["name"], place["address"], place["access"], sun]


def _minor(row: dict[str, Any]) -> str:
    return str(row["name"]) + (" (mineur)" if row["minor"] else "")


def _minors(writer: Writer, rows: list[dict[str, Any]]) -> None:
    if not rows:
        return
    writer.add("H2", "Mineurs")
    writer.table(
        [["Nom", "Âge", "Présence", "Plafond", "Autorisation", "Encadrement", "Scolarité"]]
        + [
            [
                m["name"],
                str(m["age"]),
                f"{m['arrival']}–{m['departure']} ({m['hours']} h)"
                + (" DÉPASSE" if m["over_cap"] else ""),
                f"{m['cap']} h ({m['period']})" if m["cap"] else "inconnu",
                m["authorisation"] or "—",
                " · ".join(x for x in (m["guardian"], *m["supervisors"]) if x) or "—",
                m["schooling"] or "—",
            ]
            for m in rows
        ],
        [0.16, 0.06, 0.18, 0.16, 0.14, 0.16, 0.14],
    )
    writer.add("P", f"Plafonds : child_actors.yaml ({rows[0]['source']})")


def call_sheet_pdf(doc: dict[str, Any], title: str) -> bytes:
    """``doc`` is a call sheet's ``to_dict()`` (or a recipient's share of it)."""
    writer = Writer()
    heading = f"{title} — Feuille de service du {doc['date']} (v{doc['version']})"
    writer.add("H1", heading)
    writer.add(
        "P",
        f"Jour {doc['day_number']}/{doc['total_days']} · PAT {doc['unit_call']} · "
        f"Météo : {doc['weather'] or 'non renseignée'}",
    )
    if doc.get("personal_call"):
        writer.add("H2", f"Votre convocation : {doc['personal_call']}")
    writer.add("H2", "Décors")
    writer.table(
        [["Décor", "Adresse", "Accès", "Lever / coucher du soleil"]]
        + [_place(p) for p in doc["locations"]],
        [0.22, 0.33, 0.25, 0.2],
    )
    writer.add("H2", "Scènes")
    writer.table(
        [["Scène", "Décor / effet", "Huitièmes", "Rôles"]]
        + [[s["id"], s["label"], str(s["eighths"]), ", ".join(s["cast"])] for s in doc["scenes"]],
        [0.1, 0.42, 0.16, 0.32],
    )
    writer.add("H2", "Comédiens")
    writer.table(
        [["Nom", "Rôle", "Ramassage", "HMC", "Plateau"]]
        + [[_minor(c), c["role"], c["pickup"], c["makeup"], c["on_set"]] for c in doc["cast"]],
        [0.26, 0.24, 0.18, 0.16, 0.16],
    )
    _minors(writer, doc.get("minors", []))  # sheets issued before the section have none
    writer.add("H2", "Équipe")
    writer.table(
        [["Département", "Nom", "Convocation", "Téléphone"]]
        + [[c["department"], c["name"], c["call"], c["phone"]] for c in doc["crew"]],
        [0.3, 0.3, 0.18, 0.22],
    )
    writer.add("H2", "Sécurité")
    for note in doc["safety"]:
        writer.add("P", note)
    writer.add("P", f"Hôpital : {doc['hospital'] or 'non renseigné'}")
    for number in doc["emergency"]:
        writer.add("P", f"{number['number']} : {number['service']}")
    writer.add("H2", "Contacts")
    for contact in doc["contacts"] or ["non renseignés"]:
        writer.add("P", contact)
    for name, lines in (("Aménagements", doc["accessibility"]), ("Jours suivants", doc["advance"])):
        if lines:
            writer.add("H2", name)
            for line in lines:
                writer.add("P", line)
    return writer.build(f"Feuille de service {doc['date']}")
