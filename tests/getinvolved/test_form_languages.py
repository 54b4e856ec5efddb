"""Forms in the member's language (issue 20): a Welsh form stores its answers under its
English form's questions and choices, so the Membership team reads one listing (with a
language column) whose region filter takes both; the member's confirmation is written in
the form's language by the worker; the consent record holds the notice in that language."""

import pytest
from django.core import mail
from django.test import Client
from formhelpers import register_answers, submit
from welsh import (
    WELSH_CONFIRMATION,
    WELSH_SUBJECT,
    make_welsh_form,
    welsh_answers,
)

from getinvolved.models import EmailDelivery, InterestFormField, InterestSubmission
from tests.tasks import run_due_tasks

LISTING = "/admin/getinvolved/interestsubmission/"


@pytest.fixture
def welsh_form(register_form, site_home, get_involved, privacy_notice):
    return make_welsh_form(register_form, site_home, get_involved)


def test_copy_keeps_each_questions_stored_key_whatever_its_wording(
    register_form, site_home, get_involved, privacy_notice
):
    # An English question first saved as "Region" and reworded since keeps "region"…
    region = register_form.form_fields.get(clean_name="region")
    region.label = "Which region is your school in?"
    region.save()
    register_form.save_revision().publish()
    welsh = make_welsh_form(register_form, site_home, get_involved)
    english_keys = list(register_form.form_fields.values_list("clean_name", flat=True))
    # …and so does its Welsh copy, whose wording the translator changed and published.
    assert list(welsh.form_fields.values_list("clean_name", flat=True)) == english_keys
    assert welsh.form_fields.get(clean_name="region").label == "Rhanbarth"
    field = InterestFormField.objects.get(page=welsh, clean_name="your_name")
    field.label = "Eich enw llawn"
    field.save()
    welsh.save_revision().publish()
    assert InterestFormField.objects.get(pk=field.pk).clean_name == "your_name"


def test_welsh_form_shows_welsh_choices_and_stores_the_english_ones(welsh_form):
    html = Client().get(welsh_form.url).content.decode()
    assert '<option value="Wales">Cymru</option>' in html
    assert 'value="Share practice from my school"' in html and "Rhannu arfer o fy ysgol" in html
    response = submit(Client(), welsh_form, welsh_answers())
    assert response.status_code == 302
    stored = InterestSubmission.objects.get(page=welsh_form)
    assert stored.region == "Wales"
    assert stored.form_data["how_would_you_like_to_be_involved"] == [
        "Share practice from my school"
    ]
    assert stored.language == "cy"
    # A Welsh label sent as an answer is not one of the choices.
    response = submit(Client(), welsh_form, welsh_answers(region="Cymru", your_name="Other"))
    assert response.status_code == 200
    assert InterestSubmission.objects.filter(page=welsh_form).count() == 1


def test_one_listing_with_a_language_column_and_regions_that_filter_together(
    register_form, welsh_form, membership_user
):
    submit(Client(), register_form, register_answers(region="Wales", your_name="Evan English"))
    submit(Client(), register_form, register_answers(region="London", your_name="Lon Don"))
    submit(Client(), welsh_form, welsh_answers(your_name="Siân Aelod"))
    team = Client()
    team.force_login(membership_user)
    html = team.get(LISTING, {"region": "Wales"}).content.decode()
    assert "Evan English" in html and "Siân Aelod" in html and "Lon Don" not in html
    assert "Cymraeg" in html and "English" in html
    assert html.count('value="Wales"') <= 1 and "Cymru" not in html  # one region, canonical
    html = team.get(LISTING, {"language": "cy"}).content.decode()
    assert "Siân Aelod" in html and "Evan English" not in html
    # The form filter takes the form in both languages.
    html = team.get(LISTING, {"form": str(register_form.pk)}).content.decode()
    assert "Siân Aelod" in html and "Evan English" in html


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_confirmation_goes_out_in_the_forms_language_from_the_worker(
    register_form, welsh_form, settings
):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    submit(Client(), welsh_form, welsh_answers())
    submit(Client(), register_form, register_answers())
    assert not mail.outbox  # nothing is sent inside the member's request
    run_due_tasks()
    confirmations = {
        message.to[0]: message
        for message in mail.outbox
        if message.to[0] in ("sian@example.org", "sam@example.org")
    }
    welsh = confirmations["sian@example.org"]
    assert welsh.subject == WELSH_SUBJECT
    assert WELSH_CONFIRMATION in welsh.body
    assert welsh.extra_headers["Content-Language"] == "cy"
    english = confirmations["sam@example.org"]
    assert english.subject == "Thank you for getting in touch"
    assert english.extra_headers["Content-Language"] == "en-gb"
    sent = EmailDelivery.objects.filter(submission__language="cy", status="sent")
    assert sent.filter(kind=EmailDelivery.Kind.CONFIRMATION).exists()


def test_consent_record_holds_the_notice_in_the_forms_language(
    register_form, site_home, get_involved, privacy_notice
):
    welsh_form = make_welsh_form(register_form, site_home, get_involved, privacy_notice)
    submit(Client(), welsh_form, welsh_answers())
    submit(Client(), register_form, register_answers())
    welsh = InterestSubmission.objects.get(page=welsh_form).consent_notice
    assert (welsh.language, welsh.title) == ("cy", "Hysbysiad preifatrwydd")
    english = InterestSubmission.objects.get(page=register_form).consent_notice
    assert (english.language, english.title) == ("en-gb", privacy_notice.title)
    # The Welsh form's consent box links to the Welsh notice.
    welsh_notice = privacy_notice.get_translation(welsh_form.locale)
    assert f'href="{welsh_notice.url}"' in Client().get(welsh_form.url).content.decode()


def test_a_translated_question_must_offer_as_many_choices_as_the_english(
    client, welsh_form, editor_user
):
    from test_form_editor import edit_data, errors, existing

    client.force_login(editor_user)
    questions = existing(welsh_form)
    region = next(q for q in questions if q["choices"].startswith("Gogledd"))
    region["choices"] = "Cymru\nLloegr"
    response = client.post(f"/admin/pages/{welsh_form.pk}/edit/", edit_data(welsh_form, questions))
    assert response.status_code == 200
    assert any("has 11 choices in English: give one for each" in text for text in errors(response))


def test_a_question_only_on_the_welsh_form_is_refused(client, welsh_form, editor_user):
    from test_form_editor import edit_data, errors, existing

    client.force_login(editor_user)
    new = {"label": "Eich hoff lyfr", "field_type": "singleline", "required": ""}
    url = f"/admin/pages/{welsh_form.pk}/edit/"
    response = client.post(url, edit_data(welsh_form, [*existing(welsh_form), new]))
    assert response.status_code == 200
    assert any("is not on the English form" in text for text in errors(response))
    assert not welsh_form.form_fields.filter(label="Eich hoff lyfr").exists()


def test_a_translated_question_keeps_the_english_questions_type(client, welsh_form, editor_user):
    # Red team: the Welsh region question made free text would store any words a member
    # typed as a region (the Membership team's region filter), not the English choices.
    from test_form_editor import edit_data, errors, existing

    client.force_login(editor_user)
    questions = existing(welsh_form)
    region = next(q for q in questions if q["choices"].startswith("Gogledd"))
    region["field_type"] = "singleline"
    response = client.post(f"/admin/pages/{welsh_form.pk}/edit/", edit_data(welsh_form, questions))
    assert response.status_code == 200
    assert any("is a dropdown question in English" in text for text in errors(response))
    assert welsh_form.form_fields.get(clean_name="region").field_type == "dropdown"


def test_a_welsh_form_stores_only_english_choices_after_english_gains_one(
    welsh_form, register_form
):
    # Red team: with one choice more in English than in Welsh, the Welsh form stored its
    # own (Welsh) choices, which the region filter then listed apart from the English ones.
    region = register_form.form_fields.get(clean_name="region")
    region.choices = f"{region.choices}\nOverseas"
    region.save()
    english = ["", *(line.strip() for line in region.choices.splitlines())]
    field = welsh_form.get_form().fields["region"]
    assert [value for value, _ in field.choices] == english
