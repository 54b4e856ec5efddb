from django.core.management.base import BaseCommand

from sitesetup.starter.welsh import make_welsh_drafts


class Command(BaseCommand):
    help = (
        "Copy the starter pages (overview, themes, Get involved and its forms, privacy notice, "
        "accessibility statement) into Welsh drafts for translation, never live. Safe to run "
        "again: pages with a Welsh version are kept."
    )

    def handle(self, *args, **options):
        make_welsh_drafts(log=lambda message: self.stdout.write(message))
