"""Review finding (LOW): ids that are not ids were 500s in the submissions admin. Wagtail's
deleting of a form's submissions (``?selected-submissions=abc``, a NUL, nothing, a number no
id column holds) now sends the person back to the form's submissions with a message and
deletes nothing; the "Interest submissions" modeladmin's inspect, edit and delete addresses
with such an id are a 404, as an id of no submission is. Run on SQLite and PostgreSQL."""

import pytest
from django.urls import reverse

from getinvolved.models import InterestSubmission
from tests.getinvolved.formhelpers import register_answers, submit

pytestmark = pytest.mark.django_db

NOT_IDS = ["abc", "\x00", "", "99999999999999999999999", "-1", "0", "1.5", "1e3"]


@pytest.fixture
def team(client, forms, membership_user):
    submit(client, forms["register"], register_answers())
    client.force_login(membership_user)
    return client


@pytest.mark.parametrize("value", NOT_IDS)
def test_deleting_submissions_refuses_what_is_not_an_id(team, forms, value):
    page = forms["register"]
    url = reverse("wagtailforms:delete_submissions", args=(page.pk,))
    listing = reverse("wagtailforms:list_submissions", args=(page.pk,))
    submission = InterestSubmission.objects.get()
    for selected in ([value], [str(submission.pk), value]):
        response = team.get(url, {"selected-submissions": selected}, follow=True)
        assert response.status_code == 200
        assert response.redirect_chain[0][0] == listing
        assert "nothing was deleted" in response.content.decode()
        posted = team.post(f"{url}?selected-submissions={selected[-1]}")
        assert posted.status_code == 302
    assert InterestSubmission.objects.filter(pk=submission.pk).exists()


def test_deleting_real_submissions_still_works(team, forms):
    page = forms["register"]
    submission = InterestSubmission.objects.get()
    url = reverse("wagtailforms:delete_submissions", args=(page.pk,))
    query = f"?selected-submissions={submission.pk}"
    assert team.get(url + query).status_code == 200
    assert team.post(url + query).status_code == 302
    assert not InterestSubmission.objects.exists()


@pytest.mark.parametrize("action", ["inspect", "edit", "delete"])
@pytest.mark.parametrize("value", ["abc", "%00", "99999999999999999999999", "-1", "1.5"])
def test_one_submission_addresses_with_no_id_are_not_found(team, action, value):
    url = f"/admin/getinvolved/interestsubmission/{action}/{value}/"
    assert team.get(url).status_code == 404


def test_a_submission_is_still_inspected_by_its_id(team):
    submission = InterestSubmission.objects.get()
    url = f"/admin/getinvolved/interestsubmission/inspect/{submission.pk}/"
    assert team.get(url).status_code == 200
