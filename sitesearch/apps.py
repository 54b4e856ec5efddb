from django.apps import AppConfig


class SiteSearchConfig(AppConfig):
    """The site's search: the results page (Wagtail's search over live pages, with the
    promoted results editors choose) and the count of searches that found nothing. Builds on
    core (and the page cache's rate limit). Named sitesearch: ``search`` would shadow other
    modules of that name."""

    name = "sitesearch"
    verbose_name = "Site search"
