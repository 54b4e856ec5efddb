from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from sitesetup.backup import write_backup


class Command(BaseCommand):
    help = (
        "Write the whole site (the database and every uploaded file) to one .tar.gz archive, "
        "which `manage.py restore_site` loads into an empty installation."
    )

    def add_arguments(self, parser):
        parser.add_argument("archive", help="Where to write the archive, e.g. site.tar.gz")

    def handle(self, *args, archive, **options):
        path = Path(archive)
        if path.exists():
            raise CommandError(f"{path} exists already: choose a new name.")
        if not path.parent.is_dir():
            raise CommandError(f"No folder {path.parent} to write {path.name} in.")
        manifest = write_backup(path)
        self.stdout.write(
            self.style.SUCCESS(
                f"Backed up {manifest['objects']} database rows and {manifest['files']} files "
                f"to {path}. It holds members' answers: store it encrypted."
            )
        )
