from django.apps import AppConfig


class SiteSetupConfig(AppConfig):
    """Setting a site up: the starter content, the staff groups and the approval workflow,
    the local admin account and the benchmark. Management commands only: nothing imports
    this app."""

    name = "sitesetup"
    verbose_name = "Site set-up"
