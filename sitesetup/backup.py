"""One archive holding the whole site: the database (Django's dumpdata as JSON, times kept
to the microsecond by fulljson.py; it loads into SQLite or PostgreSQL whichever it came
from) and every uploaded file (images, renditions, documents, video posters, read through
the default storage). Used by `manage.py backup_site` and `manage.py restore_site`.

Rows keep their ids, content types and permissions included: natural keys would be neater,
but Wagtail's log entries may point at pages deleted since (their foreign key has no
constraint), which natural keys cannot serialise. Not in the archive: sessions (everyone
signs in again), sign-in lockouts (django-axes) and the search index (rebuilt on restore).

The archive holds members' answers and staff password hashes: keep it as carefully as the
database itself."""

import io
import json
import tarfile
import tempfile
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path, PurePosixPath

from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.core import serializers
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.db import connection, transaction

FORMAT = "neu-belonging-backup/1"
EXCLUDE = [
    "sessions",
    "axes",
    "wagtailsearch",  # the index and SQLite's full-text table mirroring it: rebuilt
]
FORMAT_NAME = "backupjson"
MANIFEST, DATA, MEDIA = "manifest.json", f"data.{FORMAT_NAME}", "media"
serializers.register_serializer(FORMAT_NAME, "sitesetup.fulljson")


def stored_files(storage=default_storage, folder=""):
    """Every file name in ``storage``, folders walked recursively."""
    folders, files = storage.listdir(folder)
    for name in sorted(files):
        yield f"{folder}/{name}" if folder else name
    for sub in sorted(folders):
        yield from stored_files(storage, f"{folder}/{sub}" if folder else sub)


def _add_bytes(archive, name, data):
    member = tarfile.TarInfo(name)
    member.size = len(data)
    member.mtime = int(datetime.now(UTC).timestamp())
    archive.addfile(member, io.BytesIO(data))


@contextmanager
def one_snapshot():
    """Every query inside reads the database as it was at one moment, while members go on
    submitting: dumpdata reads table after table, and a submission stored between two of
    them would otherwise leave an email record without its submission in the archive, which
    then fails to restore.

    PostgreSQL: one REPEATABLE READ, READ ONLY transaction. SQLite: one deferred read
    transaction on the raw connection, whose snapshot (WAL mode) starts at its first read;
    Django's atomic() would BEGIN IMMEDIATE here (settings' transaction_mode) and so make
    every submission wait for the whole backup."""
    if connection.vendor == "postgresql":
        with transaction.atomic():
            with connection.cursor() as cursor:
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
            yield
    elif connection.vendor == "sqlite":
        connection.ensure_connection()
        raw = connection.connection
        raw.execute("BEGIN DEFERRED")
        try:
            yield
        finally:
            raw.execute("COMMIT")  # nothing was written: this only ends the snapshot
    else:
        raise NotImplementedError(f"No consistent backup for {connection.vendor}.")


def write_backup(path):
    """Write the archive to ``path``; return its manifest."""
    with tempfile.TemporaryDirectory() as work:
        dump = Path(work) / DATA
        with one_snapshot():
            call_command(
                "dumpdata",
                format=FORMAT_NAME,
                exclude=EXCLUDE,
                output=str(dump),
                verbosity=0,
            )
        files = list(stored_files())
        manifest = {
            "format": FORMAT,
            "created": datetime.now(UTC).isoformat(),
            "database": connection.vendor,
            "objects": len(json.loads(dump.read_text("utf-8"))),
            "files": len(files),
        }
        with tarfile.open(path, "w:gz") as archive:
            _add_bytes(archive, MANIFEST, json.dumps(manifest, indent=2).encode())
            archive.add(dump, arcname=DATA)
            for name in files:
                with default_storage.open(name, "rb") as stored:
                    _add_bytes(archive, f"{MEDIA}/{name}", stored.read())
    return manifest


class BadArchive(Exception):
    pass


def _media_name(member):
    """The storage name of an archive member under media/, or None for other members.
    Refuses names that would escape the media folder."""
    path = PurePosixPath(member.name)
    if path.parts[:1] != (MEDIA,):
        return None
    relative = PurePosixPath(*path.parts[1:])
    if not member.isfile() or path.is_absolute() or ".." in relative.parts:
        raise BadArchive(f"Unsafe entry in the archive: {member.name}")
    return str(relative)


def read_manifest(archive):
    try:
        manifest = json.load(archive.extractfile(MANIFEST))
    except (KeyError, ValueError) as error:
        raise BadArchive("This is not a site backup: it has no manifest.") from error
    if manifest.get("format") != FORMAT:
        raise BadArchive(f"Unknown backup format: {manifest.get('format')!r}.")
    return manifest


def restore_backup(path):
    """Load the archive at ``path`` into the current database, emptied by `flush`, and
    storage."""
    with tarfile.open(path, "r:gz") as archive:
        manifest = read_manifest(archive)
        with tempfile.TemporaryDirectory() as work:
            dump = Path(work) / DATA
            rows = json.load(archive.extractfile(DATA))
            # Content types first: saving other rows may look one up, creating it if missing.
            rows.sort(key=lambda row: row["model"] != "contenttypes.contenttype")
            dump.write_text(json.dumps(rows), "utf-8")
            # The archive's content types and permissions replace those migrate made, whose
            # ids may differ (cascading to nothing else: the database is empty).
            Permission.objects.all().delete()
            ContentType.objects.all().delete()
            ContentType.objects.clear_cache()
            call_command("loaddata", str(dump), verbosity=0)
        for member in archive.getmembers():
            name = _media_name(member)
            if name is None:
                continue
            if default_storage.exists(name):
                default_storage.delete(name)
            default_storage.save(name, ContentFile(archive.extractfile(member).read()))
    return manifest
