"""Stored findings move to the common severity vocabulary: error -> fail, warning -> warn."""

from django.db import migrations
from django.db.backends.base.schema import BaseDatabaseSchemaEditor
from django.db.migrations.state import StateApps

RENAMES = {"error": "fail", "warning": "warn"}


def forward(apps: StateApps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    finding = apps.get_model("accessibility", "SubtitleFinding")
    for old, new in RENAMES.items():
        finding.objects.filter(severity=old).update(severity=new)


def backward(apps: StateApps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    finding = apps.get_model("accessibility", "SubtitleFinding")
    for old, new in RENAMES.items():
        finding.objects.filter(severity=new).update(severity=old)


class Migration(migrations.Migration):
    dependencies = [("accessibility", "0001_initial")]
    operations = [migrations.RunPython(forward, backward)]
