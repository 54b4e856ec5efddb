"""Issue 15, finding 3: ``?export=csv`` (or xlsx) on the all-forms "Interest submissions"
listing writes members' answers to a file whether or not a button offers it. Every such
export is recorded in Wagtail's log like each form's own exports (getinvolved/audit.py): who,
which form, how many rows; superusers read it under Reports → Site history."""

import pytest
from wagtail.models import ModelLogEntry, PageLogEntry

from getinvolved.audit import EXPORT
from getinvolved.listing import LISTING
from tests.getinvolved.formhelpers import register_answers, share_answers, submit

pytestmark = pytest.mark.django_db

ALL_FORMS = "/admin/getinvolved/interestsubmission/"
SITE_HISTORY = "/admin/reports/site-history/"


@pytest.fixture
def three_submissions(client, forms):
    register, share = forms["register"], forms["share"]
    for name in ("Sam Member", "Ali Member"):
        answers = register_answers(your_name=name, email_address=f"{name[:3]}@x.org")
        assert submit(client, register, answers).status_code == 302
    assert submit(client, share, share_answers()).status_code == 302
    return forms


def download(client, url):
    response = client.get(url)
    assert response.status_code == 200
    content = b"".join(response.streaming_content) if response.streaming else response.content
    assert content  # a real file was written
    return content


@pytest.mark.parametrize("export_format", ["csv", "xlsx"])
def test_an_all_forms_export_is_logged_per_form_with_its_author(
    client, three_submissions, membership_user, django_user_model, export_format
):
    client.force_login(membership_user)
    download(client, f"{ALL_FORMS}?export={export_format}")

    entries = {entry.page_id: entry for entry in PageLogEntry.objects.filter(action=EXPORT)}
    register, share = three_submissions["register"], three_submissions["share"]
    assert set(entries) == {register.pk, share.pk}
    assert entries[register.pk].data["rows"] == 2 and entries[share.pk].data["rows"] == 1
    for entry in entries.values():
        assert entry.user == membership_user
        assert entry.data["format"] == export_format and entry.data["listing"] == LISTING

    client.force_login(django_user_model.objects.create_superuser("root", "root@example.org"))
    history = client.get(SITE_HISTORY).content.decode()
    assert f"Exported 2 submission(s) as {export_format.upper()} from {LISTING}" in history
    assert f"Exported 1 submission(s) as {export_format.upper()} from {LISTING}" in history
    assert "morgan" in history


def test_a_filtered_export_is_logged_for_the_rows_it_holds(
    client, three_submissions, membership_user
):
    client.force_login(membership_user)
    share = three_submissions["share"]
    download(client, f"{ALL_FORMS}?export=csv&form={share.pk}")
    entry = PageLogEntry.objects.get(action=EXPORT)
    assert entry.page_id == share.pk and entry.data["rows"] == 1


def test_an_export_that_holds_nothing_is_logged_too(client, three_submissions, membership_user):
    client.force_login(membership_user)
    download(client, f"{ALL_FORMS}?export=csv&q=nobody-wrote-this")
    assert not PageLogEntry.objects.filter(action=EXPORT).exists()
    entry = ModelLogEntry.objects.get(action=EXPORT)
    assert entry.user == membership_user and entry.data["rows"] == 0


def test_the_listing_itself_logs_nothing(client, three_submissions, membership_user):
    client.force_login(membership_user)
    assert client.get(ALL_FORMS).status_code == 200
    assert not PageLogEntry.objects.filter(action=EXPORT).exists()
    assert not ModelLogEntry.objects.filter(action=EXPORT).exists()
