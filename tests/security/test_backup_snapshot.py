"""A backup taken while members keep submitting is one consistent snapshot: it restores with
every foreign key intact (issue 16, acceptance 4; CI runs it on SQLite and PostgreSQL).

dumpdata reads one table after another. The loop below stores a submission (with its email
records) at the worst moment, as the dump starts writing submissions, so the email records
read later would name a submission the archive does not hold unless the whole dump reads one
snapshot."""

import io
import threading

import pytest
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.db import connection

from getinvolved.models import InterestSubmission
from getinvolved.records import EmailDelivery
from sitesetup import fulljson
from sitesetup.backup import stored_files
from tests.getinvolved.formhelpers import register_answers, submit

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


class SubmissionLoop(threading.Thread):
    """Posts submissions, one member after another, on its own database connection, until
    stopped (at most ``limit``). ``during_dump`` is set once a submission has been stored
    after the dump began reading submissions."""

    def __init__(self, client, page, limit=12):
        super().__init__(daemon=True)
        self.client, self.page, self.limit = client, page, limit
        self.dump_reached_submissions = threading.Event()
        self.during_dump = threading.Event()
        self.stop = threading.Event()
        self.stored = 0

    def run(self):
        try:
            for number in range(self.limit):
                if self.stop.is_set():
                    break
                dumping = self.dump_reached_submissions.is_set()
                answers = register_answers(
                    your_name=f"Member {number}", email_address=f"member{number}@example.org"
                )
                if submit(self.client, self.page, answers).status_code == 302:
                    self.stored += 1
                    if dumping:
                        self.during_dump.set()
                if not dumping:
                    self.dump_reached_submissions.wait(timeout=5)
        finally:
            connection.close()


def test_backup_while_members_submit_restores_with_every_foreign_key(
    client, forms, tmp_path, monkeypatch
):
    loop = SubmissionLoop(client, forms["register"])
    original_start_object = fulljson.Serializer.start_object

    def start_object(serializer, obj):
        # The first submission written: the dump has read the submissions table and will
        # read the email records next. Give the loop a moment to store one more.
        if isinstance(obj, InterestSubmission) and not loop.dump_reached_submissions.is_set():
            loop.dump_reached_submissions.set()
            loop.during_dump.wait(timeout=10)
        return original_start_object(serializer, obj)

    monkeypatch.setattr(fulljson.Serializer, "start_object", start_object)
    # Submissions before the backup, so the dump has submissions and email records to read.
    for name in ("Sam Member", "Ali Member"):
        answers = register_answers(your_name=name, email_address=f"{name[:3]}@example.org")
        assert submit(client, forms["register"], answers).status_code == 302

    archive = tmp_path / "site.tar.gz"
    loop.start()
    try:
        call_command("backup_site", str(archive), stdout=io.StringIO())
    finally:
        loop.stop.set()
        loop.join(timeout=60)
    assert loop.during_dump.is_set(), "no submission was stored while the backup ran"
    assert loop.stored >= 1

    call_command("flush", interactive=False, verbosity=0)
    for name in list(stored_files()):
        default_storage.delete(name)
    call_command("restore_site", str(archive), stdout=io.StringIO())

    submissions = set(InterestSubmission.objects.values_list("pk", flat=True))
    deliveries = list(EmailDelivery.objects.values_list("submission_id", flat=True))
    assert len(submissions) >= 2 and deliveries
    assert set(deliveries) <= submissions
    with connection.cursor():
        connection.check_constraints()
