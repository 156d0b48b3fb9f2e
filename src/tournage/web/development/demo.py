"""Demo step: the development file of *Avant la crue* — brief, approvals, benchmark,
notes, channels, specification, a cahier des charges version and a CNC dossier with
missing pieces. Benchmark works are fictional and their figures illustrative (the
source says so): the demo invents no figure about a real work."""

from __future__ import annotations

import io
from datetime import date, time
from decimal import Decimal
from typing import Any

from django.core.files.base import ContentFile
from django.utils import timezone
from reportlab.pdfgen import canvas

from tournage.development import specification

from . import adapters, models

ILLUSTRATIVE = "Démo tournage : œuvre fictive, chiffre illustratif"
OBJECTIVES = (
    "Faire ressentir la montée d'une crue du Tarn à hauteur d'enfant",
    "Montrer la maladie d'Alzheimer sans pathos, par la relation grand-père et petite-fille",
    "Diffuser en festival puis à la télévision régionale et en ligne, accessible à tous",
)
BENCHMARK = (
    # title, year, kind, budget, audience, unit, positioning (audience None: left blank)
    (
        "La Digue (fictif)",
        2022,
        "cinema",
        "160000",
        "4200",
        "entrées",
        "Même décor de rivière, mais point de vue adulte ; le nôtre reste à hauteur d'enfant.",
    ),
    (
        "Les Heures bleues (fictif)",
        2021,
        "tv",
        "95000",
        "380000",
        "téléspectateurs",
        "Alzheimer en huis clos ; nous sortons sur la route, de nuit.",
    ),
    (
        "Rive gauche (fictif)",
        2023,
        "digital",
        None,
        "120000",
        "vues",
        "Format web court ; notre film vise d'abord le festival.",
    ),
    (
        "Après l'orage (fictif)",
        2020,
        "festival",
        "140000",
        None,
        "",
        "Récit de catastrophe naturelle ; le nôtre garde la crue hors champ.",
    ),
)


def load_demo_development(production: Any) -> None:
    """Idempotent: every record is keyed by production and a natural key."""
    brief = _brief(production)
    _approvals(production, brief)
    rows = _benchmark(production)
    _notes(production, rows)
    _channels(production)
    _specification(production)
    _dossier(production)
    if not production.cdc_versions.exists():
        sections = specification.build(adapters.cdc_inputs(production))
        models.CdcVersion.objects.create(
            production=production,
            number=1,
            created_on=timezone.localdate(),
            document={"sections": [s.to_dict() for s in sections]},
        )


def _brief(production: Any) -> models.Brief:
    brief, _ = models.Brief.objects.get_or_create(
        production=production,
        defaults={
            "client": "Projet d'auteur porté par la production",
            "author": "Scénario original du réalisateur",
            "context": "Crues répétées du Tarn ; vieillissement de la population rurale.",
            "audiences": "Public familial à partir de 10 ans ; festivals de courts métrages.",
            "deadline": date(2027, 9, 30),
            "constraints": "Tournage au printemps hors période de crue réelle ; enfant de 10 ans.",
        },
    )
    for order, text in enumerate(OBJECTIVES):
        models.Objective.objects.get_or_create(
            production=production, text=text, defaults={"order": order}
        )
    return brief


def _approvals(production: Any, brief: models.Brief) -> None:
    facts = adapters.script_facts(production)
    objectives = list(production.objectives.all())
    if (
        facts is not None
        and not models.ObjectiveTrace.objects.filter(objective__production=production).exists()
    ):
        scenes = sorted(facts.scenes, key=lambda key: (len(key), key))
        models.ObjectiveTrace.objects.create(
            objective=objectives[0], kind="scene", reference=scenes[0]
        )
        models.ObjectiveTrace.objects.create(
            objective=objectives[1], kind="scene", reference=scenes[-1]
        )
        models.ObjectiveTrace.objects.create(
            objective=objectives[2], kind="deliverable", reference="fr_pad_hd_file"
        )
    models.Approval.objects.get_or_create(
        production=production,
        milestone=models.Milestone.BRIEF,
        defaults={
            "approved_by": "Nathalie Campmas (productrice)",
            "approved_on": date(2026, 10, 5),
            "what": "Demande v1 et objectifs",
        },
    )
    if facts is not None:
        models.Approval.objects.get_or_create(
            production=production,
            milestone=models.Milestone.SCRIPT,
            script_version=facts.version,
            defaults={
                "approved_by": "Nathalie Campmas (productrice)",
                "approved_on": date(2026, 11, 20),
                "what": "Continuité dialoguée",
            },
        )


def _benchmark(production: Any) -> list[models.BenchmarkRow]:
    rows = []
    for title, year, kind, budget, audience, unit, positioning in BENCHMARK:
        row, _ = models.BenchmarkRow.objects.get_or_create(
            production=production,
            title=title,
            defaults={
                "year": year,
                "work_format": "court métrage de fiction",
                "channel_kind": kind,
                "budget": Decimal(budget) if budget else None,
                "budget_unknown": budget is None,
                "budget_source": ILLUSTRATIVE if budget else "",
                "budget_date": date(2026, 11, 1) if budget else None,
                "audience": Decimal(audience) if audience else None,
                "audience_unit": unit,
                "audience_source": ILLUSTRATIVE if audience else "",
                "audience_date": date(2026, 11, 1) if audience else None,
                "positioning": positioning,
            },
        )
        rows.append(row)
    return rows


NOTES = {
    models.NoteKind.OPPORTUNITY: (
        "Les crues du Tarn reviennent dans l'actualité régionale chaque printemps. Le film "
        "parle aux familles qui vivent en zone inondable et à celles qui accompagnent un "
        "parent malade. Il trouve sa place entre le festival et la télévision régionale."
    ),
    models.NoteKind.INTENTION: (
        "Je filme la nuit de crue à hauteur de Nina : la caméra ne monte jamais plus haut "
        "que ses yeux. Le grand-père n'est jamais montré comme un malade mais comme un "
        "homme qui cherche un lieu de sa jeunesse."
    ),
    models.NoteKind.PRODUCER: (
        "Un tournage de six jours dans le Tarn, une équipe régionale, un enfant accompagné "
        "par une responsable dédiée ; financement région, CNC et préachat régional."
    ),
}


def _notes(production: Any, rows: list[models.BenchmarkRow]) -> None:
    for kind, body in NOTES.items():
        note, created = models.Note.objects.get_or_create(
            production=production, kind=kind, defaults={"body": body}
        )
        if not created or kind != models.NoteKind.OPPORTUNITY:
            continue
        note.cites_audiences = True
        note.save(update_fields=["cites_audiences"])
        note.objectives.set(list(production.objectives.all())[:2])
        note.benchmark_rows.set(rows[:2])
        for label, source, day in (
            ("Vigicrues : épisodes de crue du Tarn", "vigicrues.gouv.fr (démo)", date(2026, 3, 1)),
            ("Nombre de malades d'Alzheimer en France", "Démo : référence à vérifier", None),
        ):
            models.NoteReference.objects.create(note=note, label=label, source=source, date=day)


def _channels(production: Any) -> None:
    plans = {
        "dcp_cinema": {
            "versions": "VF, VOSTA",
            "sme_versions": "VF",
            "ad": True,
            "release": date(2027, 11, 15),
            "territories": "France, festivals",
            "viewing_hours": Decimal(1200),
            "g_per_hour": Decimal(57),
            "carbon_source": "Arcom-Arcep-ADEME 2024, borne haute (données de démo)",
        },
        "fr_pad_hd_file": {
            "versions": "VF",
            "sme_versions": "VF",
            "ad": True,
            "slot": time(20, 30),
            "release": date(2029, 10, 1),
            "territories": "France",
            "viewing_hours": Decimal(45000),
            "g_per_hour": Decimal(30),
            "carbon_source": "Valeur retenue dans la fourchette 6-57 g/h (Arcom-Arcep-ADEME 2024)",
        },
        "youtube_upload": {
            "versions": "VF",
            "sme_versions": "VF",
            "release": date(2030, 1, 15),
            "territories": "Monde",
        },
    }
    for channel in production.channels:
        if channel in plans:
            models.ChannelPlan.objects.get_or_create(
                production=production, channel=channel, defaults=plans[channel]
            )


def _specification(production: Any) -> None:
    models.Specification.objects.get_or_create(
        production=production,
        defaults={
            "capture_width": 3840,
            "capture_height": 2160,
            "capture_frame_rate": "25",
            "capture_aspect": "16:9",
            "agreement": "IDCC 3097 (production cinématographique)",
            "inclusion": "Parité des chefs de poste visée ; un stagiaire en situation de handicap.",
            "rights": "Scénario original : contrat d'auteur-réalisateur ; musique originale ; "
            "droits à l'image des figurants ; archives Vigicrues.",
            "universal_design": "Sous-titres SME et audiodescription écrits dès le montage ; "
            "décors de plain-pied pour l'équipe.",
        },
    )


def _pdf(title: str) -> bytes:
    buffer = io.BytesIO()
    page = canvas.Canvas(buffer)
    page.drawString(72, 760, title)
    page.drawString(72, 740, "Pièce de démonstration (tournage).")
    page.save()
    return buffer.getvalue()


def _dossier(production: Any) -> None:
    record, _ = models.Dossier.objects.get_or_create(
        production=production, scheme="cnc_cm_avant_realisation"
    )
    models.Dossier.objects.get_or_create(production=production, scheme="framework_block_1")
    for piece, name in (("cv", "cv-equipe.pdf"), ("contrats_auteurs", "contrat-auteur.pdf")):
        if record.attachments.filter(piece=piece).exists():
            continue
        attached = models.AttachedPiece(dossier=record, piece=piece, source_name=name, pages=1)
        attached.file.save(name, ContentFile(_pdf(name)), save=True)
