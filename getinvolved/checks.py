"""`manage.py check --deploy` warns while the site settings the privacy notice needs are empty
(the starter state): the data controller's name, and an address for questions about data.
The notice still gives a working route without them (the NEU's website), but nobody should
launch with it: the forms collect personal data."""

from django.core import checks
from django.db import DatabaseError
from wagtail.models import Site

from core.models import SiteSettings


@checks.register(checks.Tags.sites, deploy=True)
def check_data_protection_settings(app_configs=None, **kwargs):
    try:
        site = Site.objects.filter(is_default_site=True).first()
        # Read, not for_site(): a check should not create the settings' row.
        site_settings = SiteSettings.objects.filter(site=site).first() if site else None
    except DatabaseError:
        return []  # no database yet (before migrate): nothing to read
    if site is None:
        return []
    site_settings = site_settings or SiteSettings(site=site)  # none saved yet: all empty
    problems = []
    if not site_settings.data_controller_name:
        problems.append(
            checks.Warning(
                "The privacy notice names no data controller: “Data controller name” is "
                "empty in the site settings.",
                hint="Fill it in (and its address) under Settings → Site settings.",
                obj=site,
                id="getinvolved.W001",
            )
        )
    if not (site_settings.data_protection_email or site_settings.contact_email):
        problems.append(
            checks.Warning(
                "The privacy notice gives no email address for questions about data, for "
                "using people's rights or for withdrawing consent: “Data protection contact "
                "email” and “General contact email” are empty in the site settings.",
                hint="Fill in one of them under Settings → Site settings.",
                obj=site,
                id="getinvolved.W002",
            )
        )
    return problems
