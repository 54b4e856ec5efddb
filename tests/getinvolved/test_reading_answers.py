"""Reading members' answers (issue 18, acceptance 4): the "Interest submissions" listing names
the member and the form; search ignores accents and case (run on SQLite and PostgreSQL);
each form's CSV opens in Excel as written (a byte order mark, UK local times to the second,
blanks for questions not answered, the privacy notice by title and date); the inspect view
shows each question's wording beside its answer; both screens name their filters alike."""

import csv
import importlib
import io
import re
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest
from django.apps import apps as django_apps
from formhelpers import register_answers, submit

from getinvolved.models import InterestFormField, InterestSubmission

LISTING = "/admin/getinvolved/interestsubmission/"


def found(client, term):
    response = client.get(LISTING, {"q": term})
    assert response.status_code == 200
    return sorted(s.form_data["your_name"] for s in response.context["object_list"])


@pytest.fixture
def accented(client, forms):
    submit(client, forms["register"], register_answers(your_name="Siân Évans"))
    submit(
        client,
        forms["register"],
        register_answers(
            your_name="Ola Nowak",
            email_address="ola@example.org",
            school_or_workplace="École Sainte-Thérèse",
        ),
    )
    submit(
        client, forms["register"], register_answers(your_name="Sam Member", email_address="s@x.io")
    )
    return InterestSubmission.objects.order_by("pk")


def test_search_finds_an_accented_name_with_or_without_its_accents(
    client, accented, membership_user
):
    client.force_login(membership_user)
    for term in ("Siân", "sian", "SIAN", "évans", "Evans", "siân évans"):
        assert found(client, term) == ["Siân Évans"], term
    for term in ("École", "ecole", "ÉCOLE", "therese"):
        assert found(client, term) == ["Ola Nowak"], term
    assert found(client, "Zoë") == []


def test_existing_submissions_are_made_searchable_by_the_migration(
    client, accented, membership_user
):
    InterestSubmission.objects.update(search_text="")  # as stored before the migration
    client.force_login(membership_user)
    assert found(client, "sian") == []
    migration = importlib.import_module("getinvolved.migrations.0004_submission_search_text")
    migration.fill_search_text(django_apps, None)
    assert found(client, "sian") == ["Siân Évans"]


def test_the_listing_names_the_member_and_the_form(client, accented, forms, membership_user):
    client.force_login(membership_user)
    html = client.get(LISTING).content.decode()
    for heading in ("Member", "Form", "Submission date", "Region"):
        assert f">{heading}<" in html.replace("\n", "").replace("  ", ""), heading
    assert "Siân Évans" in html and "Ola Nowak" in html
    assert forms["register"].title in html


def export_csv(client, page):
    response = client.get(f"/admin/forms/submissions/{page.pk}/", {"export": "csv"})
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    return b"".join(response.streaming_content)


def test_the_csv_opens_in_excel_as_written(client, forms, membership_user):
    page = forms["register"]
    submit(client, page, register_answers(your_name="Siân Évans", membership_number=""))
    # 02:40:53.662516 UTC is 03:40:53 in the UK in summer, 02:40:53 in winter.
    InterestSubmission.objects.update(
        submit_time=datetime(2026, 7, 1, 2, 40, 53, 662516, tzinfo=UTC),
        consented_at=datetime(2026, 12, 7, 2, 40, 53, 662516, tzinfo=UTC),
    )
    notice = InterestSubmission.objects.get().consent_notice
    # A question added after the member sent the form.
    InterestFormField.objects.create(page=page, label="Phase of your school", sort_order=99)
    client.force_login(membership_user)

    data = export_csv(client, page)
    assert data.startswith(b"\xef\xbb\xbf")  # the UTF-8 byte order mark Excel looks for
    text = data.decode("utf-8-sig")
    header, row = list(csv.reader(io.StringIO(text, newline="")))
    answers = dict(zip(header, row, strict=True))
    assert answers["Your name"] == "Siân Évans"
    assert answers["Submission date"] == "2026-07-01 03:40:53"  # British Summer Time
    assert answers["Consent given at"] == "2026-12-07 02:40:53"  # Greenwich Mean Time
    assert answers["Phase of your school"] == ""
    assert answers["Membership number"] == ""
    day = notice.first_agreed_at.astimezone(ZoneInfo("Europe/London"))
    expected = f"{notice.title}, version of {day.day} {day:%B %Y}"
    assert answers["Privacy notice agreed to"] == expected
    assert "None" not in text
    assert "662516" not in text and "+00:00" not in text
    assert "revision" not in text


def test_the_inspect_view_shows_each_question_beside_its_answer(client, accented, membership_user):
    client.force_login(membership_user)
    submission = accented[1]
    html = client.get(f"{LISTING}inspect/{submission.pk}/").content.decode()
    pairs = [
        ("Your name", "Ola Nowak"),
        ("School or workplace", "École Sainte-Thérèse"),
        ("How would you like to be involved?", "Share practice from my school"),
        ("Membership number", "Not answered"),
    ]
    for question, answer in pairs:
        assert f"<dt>{question}</dt>" in html.replace(' class=""', ""), question
        assert answer in html.split(f"{question}</dt>", 1)[1].split("</dd>", 1)[0], question
    assert "{&#x27;your_name&#x27;" not in html and "{'your_name'" not in html


def test_both_listings_name_their_filters_alike(client, accented, forms, membership_user):
    client.force_login(membership_user)
    across = client.get(LISTING).content.decode()
    one_form = client.get(f"/admin/forms/submissions/{forms['register'].pk}/").content.decode()
    assert "Submission date" in one_form
    assert "By submission date" in across
    assert "By submit time" not in across
    assert "By form" in across and "By region" in across


def test_a_forms_listing_leaves_questions_added_since_blank(client, forms, membership_user):
    page = forms["register"]
    submit(client, page, register_answers(your_name="Siân Évans"))
    InterestFormField.objects.create(page=page, label="Phase of your school", sort_order=99)
    client.force_login(membership_user)
    listing = client.get(f"/admin/forms/submissions/{page.pk}/")
    headings = [heading["label"] for heading in listing.context["data_headings"]]
    (row,) = listing.context["data_rows"]
    cells = dict(zip(headings, row["fields"], strict=True))
    assert cells["Your name"] == "Siân Évans"
    assert cells["Phase of your school"] == ""
    assert not re.search(r"<td>\s*None\s*</td>", listing.content.decode())


def test_search_reads_curly_apostrophes_and_quotes_as_straight(client, forms, membership_user):
    submit(
        client,
        forms["register"],
        register_answers(
            your_name="Róisín O’Neill",
            email_address="r@example.org",
            school_or_workplace="St Mary’s “Heart” School",
        ),
    )
    client.force_login(membership_user)
    for term in ("st mary's", "St Mary’s", "ST MARY‘S", "o'neill", "O’Neill", '"heart"'):
        assert found(client, term) == ["Róisín O’Neill"], term
    # Submissions stored before are folded again by the migration.
    InterestSubmission.objects.update(search_text="st mary’s")  # as folded before
    assert found(client, "st mary's") == []
    migration = importlib.import_module("getinvolved.migrations.0006_refold_search_text_quotes")
    migration.refill_search_text(django_apps, None)
    assert found(client, "st mary's") == ["Róisín O’Neill"]


def test_the_inspect_title_shows_the_time_as_its_fields_do(client, accented, membership_user):
    client.force_login(membership_user)
    submission = accented[0]
    when = submission.submit_time.astimezone(ZoneInfo("Europe/London"))
    html = client.get(f"{LISTING}inspect/{submission.pk}/").content.decode()
    shown = f"{when:%Y-%m-%d %H:%M:%S}"
    assert html.count(shown) >= 2  # the title and the submission date field
    assert f"{when:%d %b %Y %H:%M}" not in html
