"""The safety file owns incidents: the teams app's incident rows are copied into the
safety register (same production, day, description and action; the teams app kept no
time, so the incident is dated at the start of its day), then the teams model goes
(labor 0006). A row already in the register (same day and description) is not doubled."""

from datetime import datetime, time
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db import migrations


def copy_incident(new, production_id, day, description, action):
    """One teams-app incident into the register (``new``: the safety Incident model); also
    what an older archive's ``labor.incident`` rows become (safety.legacy)."""
    zone = ZoneInfo(settings.TIME_ZONE)
    start = datetime.combine(day, time.min, tzinfo=zone)
    same = new.objects.filter(
        production_id=production_id,
        description=description,
        occurred_at__gte=start,
        occurred_at__lt=datetime.combine(day, time.max, tzinfo=zone),
    )
    if not same.exists():
        new.objects.create(
            production_id=production_id, occurred_at=start, description=description, action=action
        )


def copy_incidents(apps, schema_editor):
    old = apps.get_model("labor", "Incident")
    new = apps.get_model("safety", "Incident")
    for row in old.objects.all().order_by("pk"):
        copy_incident(new, row.production_id, row.day, row.description, row.action)


class Migration(migrations.Migration):
    dependencies = [
        ("safety", "0001_initial"),
        ("labor", "0005_child_guardian_schooling"),
    ]

    operations = [migrations.RunPython(copy_incidents, migrations.RunPython.noop)]
