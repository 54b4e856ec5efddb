"""Exports and deletions of members' submissions are recorded in Wagtail's log, with who,
when, which form and how many rows, and superusers read them in Reports → Site history
(acceptance 7)."""

import io
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import PageLogEntry

from getinvolved.audit import DELETE, EXPORT
from getinvolved.models import InterestSubmission
from tests.getinvolved.formhelpers import register_answers, submit

pytestmark = pytest.mark.django_db

SITE_HISTORY = "/admin/reports/site-history/"


@pytest.fixture
def two_submissions(client, forms):
    register = forms["register"]
    for name in ("Sam Member", "Ali Member"):
        submit(
            client, register, register_answers(your_name=name, email_address=f"{name[:3]}@x.org")
        )
    assert InterestSubmission.objects.count() == 2
    return register


@pytest.mark.parametrize("export_format", ["csv", "xlsx"])
def test_an_export_appears_in_the_audit_log_with_its_author(
    client, two_submissions, membership_user, django_user_model, export_format
):
    client.force_login(membership_user)
    response = client.get(f"/admin/forms/submissions/{two_submissions.pk}/?export={export_format}")
    assert response.status_code == 200
    content = b"".join(response.streaming_content) if response.streaming else response.content
    assert content  # the file was written: the entry is for a real download

    entry = PageLogEntry.objects.get(action=EXPORT)
    assert entry.user == membership_user
    assert entry.page_id == two_submissions.pk
    assert entry.data["rows"] == 2 and entry.data["format"] == export_format
    assert timezone.now() - entry.timestamp < timedelta(minutes=1)

    superuser = django_user_model.objects.create_superuser("root", "root@example.org")
    client.force_login(superuser)
    history = client.get(SITE_HISTORY).content.decode()
    assert f"Exported 2 submission(s) as {export_format.upper()}" in history
    assert "morgan" in history
    assert two_submissions.title in history


def test_deleting_submissions_is_recorded_once_with_the_row_count(
    client, two_submissions, membership_user
):
    client.force_login(membership_user)
    ids = "&".join(f"selected-submissions={s.pk}" for s in InterestSubmission.objects.all())
    response = client.post(f"/admin/forms/submissions/{two_submissions.pk}/delete/?{ids}")
    assert response.status_code == 302
    assert not InterestSubmission.objects.exists()
    entry = PageLogEntry.objects.get(action=DELETE)
    assert entry.user == membership_user and entry.data["rows"] == 2
    assert entry.page_id == two_submissions.pk


def test_the_retention_purge_is_recorded_too(two_submissions):
    InterestSubmission.objects.update(submit_time=timezone.now() - timedelta(days=3 * 365))
    call_command("purge_old_submissions", stdout=io.StringIO())
    entry = PageLogEntry.objects.get(action=DELETE)
    assert entry.user is None and entry.data["rows"] == 2
