from django.core.management.base import BaseCommand

from sitesetup.starter.loader import StarterContent


class Command(BaseCommand):
    help = (
        "Create the research's starter pages and images. "
        "Safe to run again: existing pages are kept."
    )

    def handle(self, *args, **options):
        StarterContent(log=lambda message: self.stdout.write(message)).load()
