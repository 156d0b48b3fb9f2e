"""The chefs de poste live in the safety file's CNC form (safety 0003 merged them)."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("development", "0003_age_category_to_rights"),
        ("safety", "0003_heads_from_development"),
    ]

    operations = [migrations.DeleteModel(name="HeadOfDepartment")]
