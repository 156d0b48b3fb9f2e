"""The broadcast slot becomes a time: a text slot could hold anything (a "=HYPE..." slot
broke the dashboard). Empty slots become NULL first, as PostgreSQL cannot cast '' to a
time."""

from django.db import migrations, models


def blank_to_null(apps, schema_editor):
    apps.get_model("development", "ChannelPlan").objects.filter(slot="").update(slot=None)


class Migration(migrations.Migration):
    dependencies = [("development", "0001_initial")]

    operations = [
        migrations.AlterField(
            model_name="channelplan",
            name="slot",
            field=models.CharField(max_length=5, null=True, blank=True),
        ),
        migrations.RunPython(blank_to_null, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="channelplan",
            name="slot",
            field=models.TimeField(blank=True, null=True, verbose_name="broadcast slot"),
        ),
    ]
