from django.core.management.base import BaseCommand
from wagtail.models import Site

from core.public_address import apply_to_site


class Command(BaseCommand):
    help = (
        "Give the default Wagtail site the host name and port of WAGTAILADMIN_BASE_URL, the "
        "public address: the sitemap and Wagtail's absolute links use it. Safe to run again."
    )

    def handle(self, *args, **options):
        site = Site.objects.filter(is_default_site=True).first()
        if site is None:
            self.stdout.write("No default site yet: nothing to change.")
            return
        changed = apply_to_site(site)
        state = "set to" if changed else "already"
        self.stdout.write(f"The default site's address is {state} {site.root_url}.")
