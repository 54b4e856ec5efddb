from django.apps import AppConfig


class ThemesConfig(AppConfig):
    """`ThemePage`, one per research theme, under the overview, listing the live case
    studies that name it. Builds on casestudies."""

    name = "themes"
