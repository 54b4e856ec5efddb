"""The two content locales: English (en-gb, which every existing page already has) and
Welsh (cy). Pages are translated by Wagtail's own i18n (bilingual/translation.py)."""

from django.db import migrations

LANGUAGE_CODES = ["en-gb", "cy"]


def add_locales(apps, schema_editor):
    Locale = apps.get_model("wagtailcore", "Locale")
    for code in LANGUAGE_CODES:
        Locale.objects.get_or_create(language_code=code)


class Migration(migrations.Migration):
    dependencies = [("wagtailcore", "0054_initial_locale")]

    operations = [migrations.RunPython(add_locales, migrations.RunPython.noop)]
