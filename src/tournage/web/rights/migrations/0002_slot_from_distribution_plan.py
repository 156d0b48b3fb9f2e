"""The broadcast slot leaves the signage page: the development app's distribution plan
(ChannelPlan.slot) is its one record, and the signage reads it. Every slot typed on the
signage page moves there without loss: a channel without a plan row gets one; a plan row
without a slot takes the signage's; a plan row with another slot keeps its own, and the
signage's is noted in the rating's reason."""

from django.db import migrations

NOTE = "Case saisie à la signalétique : {:%H:%M}"
REASON_LENGTH = 300  # ChannelRating.reason


def move_slot(plan_model, rating, slot):
    """``slot``, typed on ``rating``'s signage, into the distribution plan (``plan_model``:
    development's ChannelPlan); a plan that says otherwise keeps its own and the rating
    notes the other. Also what an older archive's signage slots become (rights.legacy)."""
    plan, _ = plan_model.objects.get_or_create(
        production_id=rating.production_id, channel=rating.channel, defaults={"slot": slot}
    )
    if plan.slot is None:
        plan.slot = slot
        plan.save()
    elif plan.slot != slot:
        rating.reason = f"{rating.reason} {NOTE.format(slot)}".strip()[:REASON_LENGTH]
        rating.save()


def to_plan(apps, schema_editor):
    Plan = apps.get_model("development", "ChannelPlan")
    Rating = apps.get_model("rights", "ChannelRating")
    for rating in Rating.objects.exclude(slot=None):
        move_slot(Plan, rating, rating.slot)


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
