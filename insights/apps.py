from django.apps import AppConfig


class InsightsConfig(AppConfig):
    """The site's own page-view counter (no cookies, no third party) and the Reports drawn
    from it and from form submissions. Nothing but config imports it."""

    name = "insights"
    verbose_name = "Insights"
    default_auto_field = "django.db.models.BigAutoField"
