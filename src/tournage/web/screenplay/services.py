"""Store a parsed script as a new version, carrying the previous version's decisions over.

Other apps read the breakdown through ``current_version`` and ``core_script`` (the
framework-free ``tournage.screenplay`` model rebuilt from the database).
"""

from __future__ import annotations

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Max
from simple_history.utils import bulk_create_with_history

from tournage.screenplay import model as core
from tournage.screenplay import read_script
from tournage.screenplay.fountain import parse_fountain
from tournage.screenplay.fountain_export import to_fountain
from tournage.screenplay.heading import split_heading
from tournage.screenplay.limits import ParseLimits
from tournage.screenplay.revisions import carry_over
from tournage.web.productions.models import Person, Production

from .models import BreakdownTag, ChangeKind, Character, Scene, ScriptVersion, TagStatus

CERTAIN_SOURCES = frozenset({"cue", "manual"})


def current_version(production: Production) -> ScriptVersion | None:
    return ScriptVersion.objects.filter(production=production).order_by("-number").first()


def core_script(version: ScriptVersion) -> core.Script:
    """The version as a ``tournage.screenplay`` Script (rejected tags left out)."""
    script = core.Script(
        title_page=core.TitlePage({"Title": version.title} if version.title else {})
    )
    script.source_format = version.source_format
    script.page_count = version.page_count
    for row in version.scenes.prefetch_related("tags"):
        script.scenes.append(_core_scene(row))
    script.characters = [
        core.Character(
            c.name, list(c.aliases), list(c.scenes), c.speaking, c.dialogue_count, c.eighths
        )
        for c in version.characters.all()
    ]
    return script


def _core_scene(row: Scene) -> core.Scene:
    return core.Scene(
        index=row.index,
        heading=row.heading,
        heading_confidence=row.heading_confidence,
        number=row.number or None,
        int_ext=row.int_ext or None,
        location=row.location,
        set_name=row.set_name,
        sub_location=row.sub_location or None,
        time=row.time or None,
        day_night=row.day_night or None,
        page_start=row.page_start,
        eighths=row.eighths,
        fdx_eighths=row.fdx_eighths,
        synopsis=row.synopsis or None,
        omitted=row.omitted,
        elements=_elements(row.text),
        characters=list(row.characters),
        non_speaking=list(row.non_speaking),
        tags=[
            core.BreakdownTag(t.category, t.name, t.evidence, t.confidence, t.source)
            for t in row.tags.all()
            if t.status != TagStatus.REJECTED
        ],
        risks=[core.RiskFlag(code=risk["code"], evidence=risk["evidence"]) for risk in row.risks],
    )


def _elements(text: str) -> list[core.Element]:
    """A stored scene's elements, from its Fountain text (heading left out)."""
    elements = parse_fountain(text)[1] if text else []
    return (
        elements[1:]
        if elements and elements[0].kind is core.ElementKind.SCENE_HEADING
        else elements
    )


def script_limits() -> ParseLimits:
    """The data's import limits, with the server's settings over them."""
    return ParseLimits.defaults().with_overrides(
        max_bytes=settings.TOURNAGE_MAX_DOCUMENT_UPLOAD, **settings.TOURNAGE_SCRIPT_LIMITS
    )


def import_script(
    production: Production, data: bytes, filename: str, fmt: str | None = None
) -> ScriptVersion:
    """Parse ``data`` and store it as the production's next version.

    Raises ``ScriptError`` before anything is stored; the database part is atomic.
    """
    previous = current_version(production)
    aliases = dict(previous.aliases) if previous else {}
    script = read_script(data, filename, fmt, limits=script_limits(), aliases=aliases)
    decisions: dict[int, dict[tuple[str, str], str]] = {}
    changes: dict[int, tuple[str, str]] = {}
    reviewed: dict[int, Scene] = {}
    if previous is not None:
        old_script, old_rows = _with_rows(previous)
        for change in carry_over(old_script, script):
            scene = change.new or change.old
            assert scene is not None
            changes[id(scene)] = (str(change.kind), "\n".join(change.diff))
            if change.new is not None and change.old is not None:
                old_row = old_rows[id(change.old)]
                decisions[id(change.new)] = _statuses(old_row)
                if old_row.heading_as_read and old_row.heading_as_read == change.new.heading:
                    reviewed[id(change.new)] = old_row
    with transaction.atomic():
        version = _store(production, script, previous, filename, decisions, changes, reviewed)
        version.file.save(filename, ContentFile(data), save=True)
    return version


def _with_rows(version: ScriptVersion) -> tuple[core.Script, dict[int, Scene]]:
    script = core_script(version)
    rows = list(version.scenes.prefetch_related("tags"))
    return script, {id(scene): row for scene, row in zip(script.scenes, rows, strict=True)}


def _statuses(row: Scene) -> dict[tuple[str, str], str]:
    return {
        (t.category, t.name.lower()): t.status
        for t in row.tags.all()
        if t.status != TagStatus.SUGGESTED
    }


def merge_character(version: ScriptVersion, source: Character, target: Character) -> None:
    """Merge ``source`` into ``target`` (the same role under two names): scenes, speeches,
    cast tags and casting follow, and the next versions apply the merge on import."""
    old, new = source.name, target.name
    with transaction.atomic():
        aliases = {k: (new if v == old else v) for k, v in version.aliases.items()}
        aliases[old] = new
        version.aliases = aliases
        version.save(update_fields=["aliases"])
        scenes = list(version.scenes.all())
        for scene in scenes:
            if old in scene.characters or old in scene.non_speaking:
                scene.characters = list(
                    dict.fromkeys(new if n == old else n for n in scene.characters)
                )
                silent = dict.fromkeys(new if n == old else n for n in scene.non_speaking)
                scene.non_speaking = [n for n in silent if n not in scene.characters]
                scene.save(update_fields=["characters", "non_speaking"])
        tags = BreakdownTag.objects.filter(scene__version=version, category="cast")
        tags.filter(name=old, scene__tags__category="cast", scene__tags__name=new).delete()
        tags.filter(name=old).update(name=new)
        keys = {*target.scenes, *source.scenes}
        target.scenes = [scene.key for scene in scenes if scene.key in keys]
        target.eighths = sum(scene.eighths for scene in scenes if scene.key in keys)
        target.aliases = list(dict.fromkeys([*target.aliases, old, *source.aliases]))
        target.dialogue_count += source.dialogue_count
        target.speaking = target.speaking or source.speaking
        target.person_id = target.person_id or source.person_id
        target.save()
        source.delete()


def _store(
    production: Production,
    script: core.Script,
    previous: ScriptVersion | None,
    filename: str,
    decisions: dict[int, dict[tuple[str, str], str]],
    changes: dict[int, tuple[str, str]],
    reviewed: dict[int, Scene],
) -> ScriptVersion:
    top = ScriptVersion.objects.filter(production=production).aggregate(top=Max("number"))["top"]
    version = ScriptVersion.objects.create(
        production=production,
        number=(top or 0) + 1,
        title=script.title or "",
        source_format=script.source_format,
        original_name=filename[:255],
        fountain=to_fountain(script),
        aliases=previous.aliases if previous else {},
        page_count=script.page_count,
        eighths=sum(scene.eighths for scene in script.scenes if not scene.omitted),
    )
    for scene in script.scenes:
        change, diff = changes.get(id(scene), (ChangeKind.NONE, ""))
        if scene.omitted:  # carry_over keeps a copy of the omitted scene
            change = ChangeKind.OMITTED
        fields = _scene_fields(scene)
        if id(scene) in reviewed:  # the file says what it said when the user reviewed it
            fields.update(_reviewed_heading(reviewed[id(scene)]))
        row = Scene.objects.create(
            production=production, version=version, change=change, diff=diff, **fields
        )
        statuses = decisions.get(id(scene), {})
        rows = [
            tag_row(row, tag, statuses.get((tag.category, tag.name.lower()), _default_status(tag)))
            for tag in scene.tags
        ]
        bulk_create_with_history(rows, BreakdownTag)
    _store_characters(production, version, script, previous)
    return version


def tag_row(scene: Scene, tag: core.BreakdownTag, status: str) -> BreakdownTag:
    """An unsaved database tag of ``scene`` from a core tag."""
    return BreakdownTag(
        production_id=scene.production_id,
        scene=scene,
        category=tag.category,
        name=tag.name[:200],
        evidence=tag.evidence,
        confidence=tag.confidence,
        source=tag.source,
        status=status,
    )


def _default_status(tag: core.BreakdownTag) -> str:
    return TagStatus.ACCEPTED if tag.source in CERTAIN_SOURCES else TagStatus.SUGGESTED


def _scene_fields(scene: core.Scene) -> dict[str, object]:
    return {
        "index": scene.index,
        "number": scene.number or "",
        "heading": scene.heading[:300],
        "heading_confidence": scene.heading_confidence,
        "int_ext": scene.int_ext or "",
        "location": scene.location[:300],
        "set_name": scene.set_name[:300],
        "sub_location": (scene.sub_location or "")[:300],
        "time": (scene.time or "")[:60],
        "day_night": scene.day_night or "",
        "page_start": scene.page_start,
        "eighths": scene.eighths,
        "fdx_eighths": scene.fdx_eighths,
        "synopsis": scene.synopsis or "",
        "omitted": scene.omitted,
        "text": "" if scene.omitted else to_fountain(core.Script(scenes=[scene])),
        "characters": scene.characters,
        "non_speaking": scene.non_speaking,
        "risks": [risk.to_dict() for risk in scene.risks],
    }


HEADING_FIELDS = ("heading", "int_ext", "location", "set_name", "sub_location", "time", "day_night")


def _reviewed_heading(row: Scene) -> dict[str, object]:
    """The heading and effet the user gave ``row``, for the same scene of a new version."""
    fields: dict[str, object] = {name: getattr(row, name) for name in HEADING_FIELDS}
    fields.update(heading_confidence=1.0, heading_as_read=row.heading_as_read)
    return fields


def review_heading(scene: Scene, heading: str) -> bool:
    """Take ``heading`` as the scene's heading, checked by the user: its effet is read again
    with the heading grammar. ``False`` (nothing saved) when nothing changes."""
    heading = " ".join(heading.split())[:300]
    if heading == scene.heading and not scene.heading_to_review:
        return False
    effet = split_heading(heading)
    scene.heading_as_read = scene.heading_as_read or scene.heading
    scene.heading, scene.heading_confidence = heading, 1.0
    scene.int_ext = effet.int_ext or ""
    scene.location, scene.set_name = effet.location[:300], effet.set_name[:300]
    scene.sub_location = (effet.sub_location or "")[:300]
    scene.time, scene.day_night = (effet.time or "")[:60], effet.day_night or ""
    scene.save(update_fields=[*HEADING_FIELDS, "heading_confidence", "heading_as_read"])
    return True


def _store_characters(
    production: Production,
    version: ScriptVersion,
    script: core.Script,
    previous: ScriptVersion | None,
) -> None:

    cast = {c.name: c.person_id for c in previous.characters.all()} if previous else {}
    people = {
        person.character.strip().upper(): person.pk
        for person in Person.objects.filter(production=production).exclude(character="")
    }
    bulk_create_with_history(
        [
            Character(
                production=production,
                version=version,
                name=character.name[:200],
                aliases=character.aliases,
                speaking=character.speaking,
                dialogue_count=character.dialogue_count,
                eighths=character.eighths,
                scenes=character.scenes,
                person_id=cast.get(character.name) or people.get(character.name.upper()),
            )
            for character in script.characters
        ],
        Character,
    )
