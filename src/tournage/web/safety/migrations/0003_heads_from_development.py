"""One record of the chefs de poste: the safety file's CNC form. The development app's
heads of department are merged into it (its departments mapped to the parity grid's
posts), with their hiring date (new nullable column); then that model goes
(development 0004).

A post already held on the form keeps its declared holder (whose sex the form carries);
an empty post takes the development app's person; the hiring date is kept either way."""

from django.db import migrations, models

POSTS = {
    "realisation": "director",
    "image": "cinematographer",
    "son": "sound_mixer",
    "montage": "editor",
    "decors": "production_designer",
    "costumes": "costume_designer",
    "production": "production_manager",
}


def merge_head(new, production_id, department, person_id, planned_by):
    """One development head of department into the CNC form (``new``: the safety model);
    also what an older archive's ``development.headofdepartment`` rows become."""
    post = POSTS.get(department, department)
    head = new.objects.filter(production_id=production_id, post=post).first()
    if head is None:
        head = new(production_id=production_id, post=post)
    if head.person_id is None and not head.name:
        head.person_id = person_id
    head.planned_by = head.planned_by or planned_by
    head.save()


def merge_heads(apps, schema_editor):
    old = apps.get_model("development", "HeadOfDepartment")
    new = apps.get_model("safety", "HeadOfDepartment")
    for row in old.objects.all().order_by("pk"):
        merge_head(new, row.production_id, row.department, row.person_id, row.planned_by)


class Migration(migrations.Migration):
    dependencies = [
        ("safety", "0002_incidents_from_labor"),
        ("development", "0003_age_category_to_rights"),
    ]

    operations = [
        migrations.AddField(
            model_name="headofdepartment",
            name="planned_by",
            field=models.DateField(blank=True, null=True, verbose_name="to be hired by"),
        ),
        migrations.RunPython(merge_heads, migrations.RunPython.noop),
    ]
