"""Background tasks: NLP tagging is slow (a spaCy model to load), so it runs in the worker."""

from __future__ import annotations

from django_tasks import task
from simple_history.utils import bulk_create_with_history

from tournage.screenplay.nlp import nlp_tag

from .models import BreakdownTag, ScriptVersion, TagStatus
from .services import core_script, tag_row


@task()
def nlp_tag_version(version_id: int) -> int:
    """Add the NLP suggestions to a version's scenes; return how many were added."""
    version = ScriptVersion.objects.get(pk=version_id)
    script = nlp_tag(core_script(version))
    rows = list(version.scenes.prefetch_related("tags"))
    new: list[BreakdownTag] = []
    for scene, row in zip(script.scenes, rows, strict=True):
        known = {(tag.category, tag.name.lower()) for tag in row.tags.all()}
        new.extend(
            tag_row(row, tag, TagStatus.SUGGESTED)
            for tag in scene.tags
            if tag.source == "nlp" and (tag.category, tag.name.lower()) not in known
        )
    bulk_create_with_history(new, BreakdownTag)
    return len(new)
