"""``manage.py write_edge_pages DIRECTORY``: the pages Varnish shows when no app node answers
(pagecache/edge_pages.py). Run on each deployment; docs/operations.md says where."""

from django.core.management.base import BaseCommand, CommandError

from pagecache.edge_pages import EdgePageError, write_pages


class Command(BaseCommand):
    help = (
        "Write the site's 'back in a few minutes' pages (English and Welsh, for a page and "
        "for a form post) as self-contained HTML files for the edge cache (Varnish)."
    )
    requires_system_checks = []  # needs no database: may run on the Varnish machine

    def add_arguments(self, parser):
        parser.add_argument("directory", help="e.g. /etc/varnish/neu-edge (edge_pages.vcl)")

    def handle(self, directory, **options):
        try:
            written = write_pages(directory)
        except (EdgePageError, OSError) as error:
            raise CommandError(str(error)) from error
        for path in written:
            self.stdout.write(f"Wrote {path}")
