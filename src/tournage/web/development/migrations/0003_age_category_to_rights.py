"""The age category leaves the channel plan: the rights app's signage page (ChannelRating)
is its one record, and the plan reads it. Every category typed in the plan moves there
without loss: a channel without a rating gets one; a rating without a category takes the
plan's; a rating with another category keeps its own, and the plan's is noted in its
reason, as is text that names no category."""

from django.db import migrations

from tournage.closing.signage import read_category

NOTE = "Catégorie saisie au plan de diffusion : {}"
REASON_LENGTH = 300  # ChannelRating.reason


def merge(rating, typed: str) -> None:
    """``rating`` (a ChannelRating) once the plan's ``typed`` category is moved into it."""
    category = read_category(typed)
    if category and not rating.category:
        rating.category = category
    elif category != rating.category:
        rating.reason = f"{rating.reason} {NOTE.format(typed)}".strip()[:REASON_LENGTH]


def to_rights(apps, schema_editor):
    Plan = apps.get_model("development", "ChannelPlan")
    Rating = apps.get_model("rights", "ChannelRating")
    for plan in Plan.objects.exclude(age_category=""):
        rating, _ = Rating.objects.get_or_create(
            production_id=plan.production_id, channel=plan.channel
        )
        merge(rating, plan.age_category)
        rating.save()


def from_rights(apps, schema_editor):
    Plan = apps.get_model("development", "ChannelPlan")
    Rating = apps.get_model("rights", "ChannelRating")
    for rating in Rating.objects.exclude(category=""):
        Plan.objects.filter(production_id=rating.production_id, channel=rating.channel).update(
            age_category=rating.category
        )


class Migration(migrations.Migration):
    dependencies = [
        ("development", "0002_channelplan_slot_time"),
        ("rights", "0001_initial"),
    ]

    operations = [
        migrations.RunPython(to_rights, from_rights),  # backwards: after the field is back
        migrations.RemoveField(model_name="channelplan", name="age_category"),
    ]
