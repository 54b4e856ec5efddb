from django.db import migrations, models


def english_until_now(apps, schema_editor):
    # Every submission and consent record so far came from the English forms and notice.
    for name in ("InterestSubmission", "ConsentNotice"):
        apps.get_model("getinvolved", name).objects.filter(language="").update(language="en-gb")


class Migration(migrations.Migration):
    dependencies = [
        ("getinvolved", "0007_language_of_parts"),
    ]

    operations = [
        migrations.AddField(
            model_name="consentnotice",
            name="language",
            field=models.CharField(blank=True, default="", max_length=15),
        ),
        migrations.AddField(
            model_name="interestsubmission",
            name="language",
            field=models.CharField(blank=True, db_index=True, default="", max_length=15),
        ),
        migrations.RunPython(english_until_now, migrations.RunPython.noop),
    ]
