from django.apps import AppConfig


class BilingualConfig(AppConfig):
    """Welsh and English: the language from the URL, Welsh copies of pages and the report of
    what is missing or behind, the switcher, alternates and the sitemap in both languages."""

    name = "bilingual"
    verbose_name = "Welsh and English"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.db.models.signals import post_save

        from pagecache.caching import generation_changed

        from . import (
            basis,  # noqa: F401 - its receivers record what each Welsh page follows
            processes,
            translation,  # noqa: F401 - copies of drafts keep their author
        )

        generation_changed.connect(processes.forget_locales, dispatch_uid="bilingual")
        post_save.connect(processes.site_root_saved, dispatch_uid="bilingual")
