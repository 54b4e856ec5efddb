import tarfile

from django.contrib.auth import get_user_model
from django.core.cache import caches
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from sitesetup.backup import BadArchive, read_manifest, restore_backup, stored_files


class Command(BaseCommand):
    help = (
        "Restore a `manage.py backup_site` archive into an empty installation: migrates the "
        "database, loads the site's data and uploaded files, and rebuilds the search index."
    )

    def add_arguments(self, parser):
        parser.add_argument("archive")
        parser.add_argument(
            "--replace",
            action="store_true",
            help="Delete everything in this installation first (it is not empty).",
        )

    def handle(self, *args, archive, replace, **options):
        try:
            with tarfile.open(archive, "r:gz") as opened:
                read_manifest(opened)
        except (OSError, tarfile.TarError, BadArchive) as error:
            raise CommandError(f"Cannot restore {archive}: {error}") from error

        call_command("migrate", interactive=False, verbosity=0)
        users = get_user_model().objects.count()
        if users and not replace:
            raise CommandError(
                f"This installation is not empty ({users} user accounts). restore_site restores "
                "into an empty one: create a new database, or pass --replace to delete "
                "everything here first."
            )
        # Empty every table, including the rows Wagtail's migrations create (root page,
        # default site, groups): the archive has its own.
        call_command("flush", interactive=False, verbosity=0)
        if replace:
            for name in list(stored_files()):
                default_storage.delete(name)
        try:
            manifest = restore_backup(archive)
        except BadArchive as error:
            raise CommandError(str(error)) from error
        # Content types and permissions of models newer than the archive.
        call_command("migrate", interactive=False, verbosity=0)
        call_command("update_index", verbosity=0)
        for cache in caches.all():
            cache.clear()
        self.stdout.write(
            self.style.SUCCESS(
                f"Restored {manifest['objects']} database rows and {manifest['files']} files "
                f"from the backup of {manifest['created']} ({manifest['database']})."
            )
        )
