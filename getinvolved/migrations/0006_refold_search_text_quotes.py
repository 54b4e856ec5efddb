from django.db import migrations

from getinvolved.answers import search_text


def refill_search_text(apps, schema_editor):
    """Fold again the submissions stored before search read curly quotes as straight ones
    ("St Mary’s" is found by "st mary's")."""
    submissions = apps.get_model("getinvolved", "InterestSubmission")
    for submission in submissions.objects.only("pk", "form_data", "region").iterator():
        submissions.objects.filter(pk=submission.pk).update(
            search_text=search_text(submission.form_data, submission.region)
        )


class Migration(migrations.Migration):
    dependencies = [
        ("getinvolved", "0005_merge_20261207_0543"),
    ]

    operations = [
        migrations.RunPython(refill_search_text, migrations.RunPython.noop),
    ]
