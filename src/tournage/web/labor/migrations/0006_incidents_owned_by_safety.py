"""Incidents live in the safety file's register (safety 0002 copied them there first)."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("labor", "0005_child_guardian_schooling"),
        ("safety", "0002_incidents_from_labor"),
    ]

    operations = [migrations.DeleteModel(name="Incident")]
