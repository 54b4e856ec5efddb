"""The records of exports and deletions of members' submissions are for those who may export
them: the Membership team and superusers read them in Reports → Site history (and its
download) and superusers in the form page's history; Editors, who edit the forms, see none
of them anywhere."""

import pytest
from django.contrib.auth.models import Group
from wagtail.models import PageLogEntry

from getinvolved.audit import DELETE, EXPORT
from getinvolved.models import InterestSubmission
from staff.names import EDITORS
from tests.getinvolved.formhelpers import register_answers, submit

pytestmark = pytest.mark.django_db

SITE_HISTORY = "/admin/reports/site-history/"
EXPORTED = "Exported 2 submission(s) as CSV"
DELETED = "Deleted 1 submission(s)"


@pytest.fixture
def records(client, forms, membership_user):
    """An export of two submissions and the deletion of one, by the Membership team."""
    register = forms["register"]
    for name in ("Sam Member", "Ali Member"):
        answers = register_answers(your_name=name, email_address=f"{name[:3]}@x.org")
        submit(client, register, answers)
    client.force_login(membership_user)
    response = client.get(f"/admin/forms/submissions/{register.pk}/?export=csv")
    b"".join(response.streaming_content) if response.streaming else response.content
    first = InterestSubmission.objects.first()
    client.post(f"/admin/forms/submissions/{register.pk}/delete/?selected-submissions={first.pk}")
    client.logout()
    assert set(PageLogEntry.objects.values_list("action", flat=True)) >= {EXPORT, DELETE}
    return register


@pytest.fixture
def editor(django_user_model, forms):
    user = django_user_model.objects.create_user("eddie")
    user.groups.add(Group.objects.get(name=EDITORS))
    return user


def text(response):
    assert response.status_code == 200
    content = b"".join(response.streaming_content) if response.streaming else response.content
    return content.decode()


def test_an_editor_sees_none_of_them(client, records, editor):
    client.force_login(editor)
    for url in (
        SITE_HISTORY,
        f"{SITE_HISTORY}results/",
        f"{SITE_HISTORY}?export=csv",
        f"{SITE_HISTORY}?action={EXPORT}",
        f"/admin/pages/{records.pk}/history/",
        f"/admin/pages/{records.pk}/history/results/",
    ):
        page = text(client.get(url))
        for hidden in (EXPORTED, DELETED, "Export submissions", "Delete submissions", "morgan"):
            assert hidden not in page, (url, hidden)
    # The rest of the history is still theirs: the form page's creation, for one.
    assert records.title in text(client.get(f"/admin/pages/{records.pk}/history/"))


def test_the_membership_team_reads_them_in_site_history(client, records, membership_user):
    client.force_login(membership_user)
    page = text(client.get(SITE_HISTORY))
    assert EXPORTED in page and DELETED in page and records.title in page
    assert "Export submissions" in page  # offered in the action filter
    assert EXPORTED.split(" as")[0] in text(client.get(f"{SITE_HISTORY}?action={EXPORT}"))
    assert "Export submissions" in text(client.get(f"{SITE_HISTORY}?export=csv"))


def test_a_superuser_reads_them_everywhere(client, records, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("root", "root@example.org"))
    assert EXPORTED in text(client.get(SITE_HISTORY))
    history = text(client.get(f"/admin/pages/{records.pk}/history/"))
    assert EXPORTED in history and DELETED in history
