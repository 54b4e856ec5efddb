"""Who can read submissions (acceptance 4) and whether exports are safe to open
(acceptance 5). test_forms_access_urls.py checks every submissions URL the admin has."""

import csv
import io
from datetime import timedelta

import openpyxl
import pytest
from django.utils import timezone
from formhelpers import (
    NO_PERMISSION,
    TEAM_FORMS_INDEX,
    explains_refusal,
    refused,
    register_answers,
    submit,
)

from getinvolved.models import InterestSubmission
from getinvolved.views import FORMULA_TRIGGERS
from staff.names import MEMBERSHIP_TEAM


@pytest.fixture
def submissions(client, forms):
    """One submission to each form, sent by members through the site."""
    submit(client, forms["register"], register_answers())
    submit(
        client,
        forms["share"],
        {**register_answers(), "school": "Example Academy", "your_story": "Hi"},
    )
    return InterestSubmission.objects.order_by("pk")


def submissions_urls(page, submission):
    delete = f"/admin/forms/submissions/{page.pk}/delete/"
    return {
        "list": f"/admin/forms/submissions/{page.pk}/",
        "list results": f"/admin/forms/submissions/{page.pk}/results/",
        "export CSV": f"/admin/forms/submissions/{page.pk}/?export=csv",
        "export XLSX": f"/admin/forms/submissions/{page.pk}/?export=xlsx",
        "delete": f"{delete}?selected-submissions={submission.pk}",
        "team's forms index": TEAM_FORMS_INDEX,
        "team's forms index results": f"{TEAM_FORMS_INDEX}results/",
        "cross-form listing": "/admin/getinvolved/interestsubmission/",
        "cross-form inspect": f"/admin/getinvolved/interestsubmission/inspect/{submission.pk}/",
    }


def test_editor_outside_the_team_is_refused_on_every_submissions_url(
    client, forms, submissions, editor_user
):
    page = forms["register"]
    # The editor can edit and publish the form page itself...
    assert page.permissions_for_user(editor_user).can_publish()
    client.force_login(editor_user)
    assert client.get(f"/admin/pages/{page.pk}/edit/").status_code == 200
    # ...but never see what members sent.
    for name, url in submissions_urls(page, submissions[0]).items():
        assert refused(client.get(url)), name
    assert refused(client.post(submissions_urls(page, submissions[0])["delete"]))
    assert InterestSubmission.objects.count() == 2
    # Wagtail's own deletion view says so on the dashboard it sends them back to…
    assert NO_PERMISSION in client.get("/admin/").content.decode()
    # …the others say why and whom to ask, in the admin's layout.
    listing = client.get(submissions_urls(page, submissions[0])["list"])
    assert explains_refusal(listing)
    assert "ask someone in the Membership team" in listing.content.decode()
    # Wagtail's own forms index (open to anyone with rights on pages) lists no form for them.
    assert list(client.get("/admin/forms/").context["object_list"]) == []
    # Nor are the menu items shown.
    dashboard = client.get("/admin/").content.decode()
    assert "/admin/forms/" not in dashboard
    assert "/admin/getinvolved/" not in dashboard


def test_signed_out_visitors_are_sent_to_the_login_page(client, forms, submissions):
    for name, url in submissions_urls(forms["register"], submissions[0]).items():
        response = client.get(url)
        assert response.status_code == 302, name
        assert response["Location"].startswith("/admin/login/?next="), name


def test_membership_team_lists_and_exports_each_form(client, forms, submissions, membership_user):
    page = forms["register"]
    client.force_login(membership_user)
    dashboard = client.get("/admin/").content.decode()
    assert TEAM_FORMS_INDEX in dashboard
    assert "/admin/getinvolved/interestsubmission/" in dashboard
    # The Forms menu item opens the team's index, not Wagtail's (which needs page rights).
    assert '"/admin/forms/"' not in dashboard
    assert refused(client.get("/admin/forms/"))
    index = client.get(TEAM_FORMS_INDEX)
    assert index.status_code == 200
    assert all(form.title in index.content.decode() for form in forms.values())

    listing = client.get(f"/admin/forms/submissions/{page.pk}/")
    assert listing.status_code == 200
    assert "Sam Member" in listing.content.decode()
    assert f'href="{TEAM_FORMS_INDEX}"' in listing.content.decode()  # the breadcrumb back

    csv_rows = list(csv.reader(io.StringIO(export(client, page, "csv").decode("utf-8-sig"))))
    assert csv_rows[0][:3] == ["Submission date", "Your name", "Email address"]
    assert csv_rows[1][1:3] == ["Sam Member", "sam@example.org"]
    assert "Privacy notice agreed to" in csv_rows[0]

    sheet = openpyxl.load_workbook(io.BytesIO(export(client, page, "xlsx"))).active
    assert [cell.value for cell in sheet[2]][1:3] == ["Sam Member", "sam@example.org"]


def test_membership_team_deletes_submissions(client, forms, submissions, membership_user):
    page = forms["register"]
    client.force_login(membership_user)
    delete = submissions_urls(page, submissions[0])["delete"]
    assert client.get(delete).status_code == 200
    response = client.post(delete)
    assert response.status_code == 302
    assert response["Location"] == f"/admin/forms/submissions/{page.pk}/"
    assert list(InterestSubmission.objects.values_list("page_id", flat=True)) == [forms["share"].pk]


def test_membership_team_filters_a_form_by_date(client, forms, submissions, membership_user):
    page = forms["register"]
    old = submissions[0]
    InterestSubmission.objects.filter(pk=old.pk).update(
        submit_time=timezone.now() - timedelta(days=40)
    )
    submit(client, page, register_answers(your_name="Recent Member"))
    client.force_login(membership_user)
    since = (timezone.now() - timedelta(days=7)).date().isoformat()

    listing = client.get(f"/admin/forms/submissions/{page.pk}/", {"date_from": since})
    assert "Recent Member" in listing.content.decode()
    assert "Sam Member" not in listing.content.decode()
    rows = list(
        csv.reader(io.StringIO(export(client, page, "csv", date_from=since).decode("utf-8-sig")))
    )
    assert [row[1] for row in rows[1:]] == ["Recent Member"]


def test_cross_form_listing_filters_and_searches(client, forms, submissions, membership_user):
    client.force_login(membership_user)
    url = "/admin/getinvolved/interestsubmission/"
    everything = client.get(url).content.decode()
    assert "Register your interest" in everything and "Share best practice" in everything
    assert "Confirmation to member: Sent" in everything  # the delivery status column

    by_form = client.get(url, {"form": forms["share"].pk})
    assert [s.page_id for s in by_form.context["object_list"]] == [forms["share"].pk]

    submit(client, forms["register"], register_answers(region="Wales", your_name="Wyn"))
    by_region = client.get(url, {"region": "Wales"})
    assert list(by_region.context["object_list"]) == [
        InterestSubmission.objects.get(region="Wales")
    ]

    found = client.get(url, {"q": "Wyn"})
    assert [s.form_data["your_name"] for s in found.context["object_list"]] == ["Wyn"]

    since = (timezone.now() - timedelta(days=1)).date().isoformat()
    by_date = client.get(url, {"submit_time__gte": since})
    assert by_date.context["object_list"].count() == 3

    inspect = client.get(f"{url}inspect/{submissions[0].pk}/")
    assert inspect.status_code == 200
    assert "Sam Member" in inspect.content.decode()


def export(client, page, kind, **filters):
    response = client.get(f"/admin/forms/submissions/{page.pk}/", {"export": kind, **filters})
    assert response.status_code == 200
    if response.streaming:
        return b"".join(response.streaming_content)
    return b"".join(response)


# Anything a member might type (or that older data might hold) that a spreadsheet would run.
NASTY = [
    '=HYPERLINK("http://evil.example","click")',
    "+1+1",
    "-2+3",
    "@SUM(A1:A2)",
    "\t=1+1",
    "\r=1+1",
    "   =cmd|' /C calc'!A0",
    "=1\x01+1",
]


def test_exports_are_safe_to_open_whatever_was_typed(client, forms, membership_user):
    page = forms["share"]
    # Through the form (which trims leading whitespace)...
    for number, value in enumerate(NASTY):
        answers = {**register_answers(), "school": value, "your_story": value}
        answers["your_name"] = value
        answers["email_address"] = f"m{number}@example.org"
        assert submit(client, page, answers).status_code == 302
    # ...and stored exactly as is, as data from elsewhere might be.
    for number, value in enumerate(NASTY):
        InterestSubmission.objects.create(
            page=page,
            form_data={"your_name": value, "school": value, "your_story": value},
            idempotency_key=f"raw-{number}",
            fingerprint=f"raw-{number}",
            consented_at=timezone.now(),
        )
    client.force_login(membership_user)

    rows = list(
        csv.reader(io.StringIO(export(client, page, "csv").decode("utf-8-sig"), newline=""))
    )
    cells = [cell for row in rows[1:] for cell in row]
    assert len(rows) == 1 + 2 * len(NASTY)
    for cell in cells:
        assert not cell.lstrip(" ").startswith(FORMULA_TRIGGERS), repr(cell)
    # Nothing is lost: the text is all there after the quote.
    assert '\'=HYPERLINK("http://evil.example","click")' in cells
    assert "'\t=1+1" in cells

    sheet = openpyxl.load_workbook(io.BytesIO(export(client, page, "xlsx"))).active
    for row in sheet.iter_rows(min_row=2):
        for cell in row:
            assert cell.data_type != "f", cell.value
            if isinstance(cell.value, str):
                assert not cell.value.lstrip(" ").startswith(FORMULA_TRIGGERS), repr(cell.value)


def test_membership_team_reads_submissions_but_cannot_edit_any_page(client, forms, membership_user):
    from wagtail.models import GroupPagePermission, Page

    assert not GroupPagePermission.objects.filter(group__name=MEMBERSHIP_TEAM).exists()
    client.force_login(membership_user)
    assert client.get(TEAM_FORMS_INDEX).status_code == 200
    for page in Page.objects.filter(depth__gt=1):
        assert not page.permissions_for_user(membership_user).can_edit(), page
        response = client.get(f"/admin/pages/{page.pk}/edit/")
        assert response.status_code in (302, 403), page


def test_pages_holding_submissions_cannot_be_deleted(
    client, django_user_model, forms, submissions, editor_user
):
    from wagtail.models import Page

    def refused(user, url):
        client.force_login(user)
        response = client.post(url, follow=True)
        return any("cannot be deleted" in str(m) for m in response.context["messages"])

    form = forms["register"]
    # A Publisher may delete pages in general, but not a form holding submissions...
    assert form.permissions_for_user(editor_user).can_delete()
    assert refused(editor_user, f"/admin/pages/{form.pk}/delete/")
    # ...and nobody may delete the section above it, one by one or in bulk.
    admin = django_user_model.objects.create_superuser("root", "root@example.org", "pw")
    assert refused(admin, f"/admin/pages/{form.get_parent().pk}/delete/")
    assert refused(admin, f"/admin/bulk/wagtailcore/page/delete/?id={form.pk}&next=/admin/")
    assert Page.objects.filter(pk__in=[form.pk, form.get_parent().pk]).count() == 2
    assert InterestSubmission.objects.filter(page=form).count() == 1

    # Once the Membership team has deleted a form's submissions, the form can go.
    share = forms["share"]
    InterestSubmission.objects.filter(page=share).delete()
    assert not refused(editor_user, f"/admin/pages/{share.pk}/delete/")
    assert not Page.objects.filter(pk=share.pk).exists()
