from django.apps import AppConfig


class HomeConfig(AppConfig):
    """The overview page (`HomePage`, one per site) and standard pages such as "Get
    involved". Builds on themes."""

    name = "home"
    verbose_name = "Overview and standard pages"
