"""The broadcast slot leaves the signage page: the development app's distribution plan
(ChannelPlan.slot) is its one record, and the signage reads it. Every slot typed on the
signage page moves there without loss: a channel without a plan row gets one; a plan row
without a slot takes the signage's; a plan row with another slot keeps its own, and the
signage's is noted in the rating's reason."""

from django.db import migrations

NOTE = "Case saisie à la signalétique : {:%H:%M}"
REASON_LENGTH = 300  # ChannelRating.reason


def to_plan(apps, schema_editor):
    Plan = apps.get_model("development", "ChannelPlan")
    Rating = apps.get_model("rights", "ChannelRating")
    for rating in Rating.objects.exclude(slot=None):
        plan, _ = Plan.objects.get_or_create(
            production_id=rating.production_id,
            channel=rating.channel,
            defaults={"slot": rating.slot},
        )
        if plan.slot is None:
            plan.slot = rating.slot
            plan.save()
        elif plan.slot != rating.slot:
            rating.reason = f"{rating.reason} {NOTE.format(rating.slot)}".strip()[:REASON_LENGTH]
            rating.save()


def from_plan(apps, schema_editor):
    Plan = apps.get_model("development", "ChannelPlan")
    Rating = apps.get_model("rights", "ChannelRating")
    for plan in Plan.objects.exclude(slot=None):
        Rating.objects.filter(production_id=plan.production_id, channel=plan.channel).update(
            slot=plan.slot
        )


class Migration(migrations.Migration):
    dependencies = [
        ("rights", "0001_initial"),
        ("development", "0004_heads_owned_by_safety"),
    ]

    operations = [
        migrations.RunPython(to_plan, from_plan),  # backwards: after the field is back
        migrations.RemoveField(model_name="channelrating", name="slot"),
        migrations.RemoveField(model_name="historicalchannelrating", name="slot"),
    ]
