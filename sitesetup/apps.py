from django.apps import AppConfig


class SiteSetupConfig(AppConfig):
    """Setting a site up, as operators do: the starter content, `setup_site` (which runs
    staff's `setup_groups`), the local admin account, and backup and restore. Management
    commands only: nothing imports this app."""

    name = "sitesetup"
    verbose_name = "Site set-up"
