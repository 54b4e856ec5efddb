from django.core.management.base import BaseCommand

from sitesetup.starter.loader import StarterContent


class Command(BaseCommand):
    help = (
        "Create the research's starter pages and images from the data files in "
        "sitesetup/starter/content/. Safe to run again: existing pages are kept."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--content",
            metavar="DIRECTORY",
            help="Load the data files from this directory instead (e.g. an edited copy).",
        )

    def handle(self, *args, content=None, **options):
        StarterContent(log=lambda message: self.stdout.write(message), content_dir=content).load()
