"""Backup then restore into an empty installation gives the same pages, images, documents,
submissions and consent records (acceptance 6; CI runs it on SQLite and on PostgreSQL)."""

import hashlib
import io
import tarfile

import pytest
from django.contrib.auth.models import Group
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Page
from wagtail.search.models import IndexEntry

from getinvolved.models import ConsentNotice, InterestSubmission
from sitesetup.backup import stored_files
from tests.getinvolved.formhelpers import register_answers, submit

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def digest(field_file):
    with default_storage.open(field_file.name, "rb") as stored:
        return hashlib.sha256(stored.read()).hexdigest()


def snapshot():
    """What the acceptance names, as plain values."""
    return {
        "pages": sorted(
            (p.pk, p.path, p.title, p.slug, p.live, p.content_type.model, p.latest_revision_id)
            for p in Page.objects.all()
        ),
        "images": sorted(
            (i.pk, i.title, i.file.name, digest(i.file), i.collection_id)
            for i in get_image_model().objects.all()
        ),
        "documents": sorted(
            (d.pk, d.title, d.file.name, digest(d.file)) for d in get_document_model().objects.all()
        ),
        "submissions": sorted(
            (s.pk, s.page_id, s.form_data, s.submit_time, s.consented_at, s.consent_notice_id)
            for s in InterestSubmission.objects.all()
        ),
        "consent notices": sorted(
            (c.pk, c.sha256, c.title, c.text) for c in ConsentNotice.objects.all()
        ),
        "groups": sorted(
            (g.name, sorted(g.permissions.values_list("codename", flat=True)))
            for g in Group.objects.all()
        ),
        "files": sorted(stored_files()),
    }


def test_backup_then_restore_into_an_empty_installation(client, forms, tmp_path):
    get_image_model().objects.create(title="A school garden", file=get_test_image_file())
    get_document_model().objects.create(
        title="Full report", file=SimpleUploadedFile("report.txt", b"The full report.")
    )
    for name in ("Sam Member", "Ali Member"):
        answers = register_answers(your_name=name, email_address=f"{name[:3]}@example.org")
        assert submit(client, forms["register"], answers).status_code == 302
    before = snapshot()
    assert len(before["submissions"]) == 2 and before["images"] and before["documents"]

    archive = tmp_path / "site.tar.gz"
    call_command("backup_site", str(archive), stdout=io.StringIO())
    with tarfile.open(archive) as opened:
        names = opened.getnames()
    assert "data.backupjson" in names and any(n.startswith("media/original_images/") for n in names)

    # A new, empty installation: no rows, no uploaded files.
    call_command("flush", interactive=False, verbosity=0)
    for name in list(stored_files()):
        default_storage.delete(name)
    assert not Page.objects.exists() and not list(stored_files())

    output = io.StringIO()
    call_command("restore_site", str(archive), stdout=output)
    assert "Restored" in output.getvalue()
    assert snapshot() == before
    assert IndexEntry.objects.exists()  # the search index is rebuilt, not restored
    # The restored site serves its pages.
    assert client.get("/").status_code == 200
    assert client.get(forms["register"].url).status_code == 200


def test_restore_refuses_an_installation_that_is_not_empty(forms, django_user_model, tmp_path):
    archive = tmp_path / "site.tar.gz"
    call_command("backup_site", str(archive), stdout=io.StringIO())
    django_user_model.objects.create_user("someone")
    with pytest.raises(CommandError, match="This installation is not empty"):
        call_command("restore_site", str(archive), stdout=io.StringIO())
    assert django_user_model.objects.filter(username="someone").exists()


def test_restore_refuses_a_file_that_is_not_a_backup(db, tmp_path):
    other = tmp_path / "other.tar.gz"
    with tarfile.open(other, "w:gz") as archive:
        archive.add(__file__, arcname="../../etc/passwd")
    with pytest.raises(CommandError, match="not a site backup"):
        call_command("restore_site", str(other), stdout=io.StringIO())
