# The trailer's signage becomes one of the categories of the rights app's rating table
# (one age-rating source). Text typed before is read into its category when it names one;
# other text is kept in the piece's text, never lost.

from django.db import migrations, models

import tournage.closing.signage
from tournage.closing.signage import read_category as _category


def to_categories(apps, schema_editor):
    Piece = apps.get_model("closing", "MarketingPiece")
    for piece in Piece.objects.exclude(rating_signage=""):
        category = _category(piece.rating_signage)
        if category is None:
            note = f"Signalétique saisie : {piece.rating_signage}"
            piece.text = f"{piece.text}\n{note}".strip()
            category = ""
        piece.rating_signage = category
        piece.save(update_fields=["rating_signage", "text"])


class Migration(migrations.Migration):
    dependencies = [
        ("closing", "0001_initial"),
    ]

    operations = [
        migrations.RunPython(to_categories, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="marketingpiece",
            name="rating_signage",
            field=models.CharField(
                blank=True,
                choices=tournage.closing.signage.category_choices,
                help_text="The youth-protection category the trailer or teaser shows (blank: none).",
                max_length=100,
                verbose_name="age-rating signage",
            ),
        ),
    ]
