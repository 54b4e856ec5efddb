"""The form editor's rules, through the real page editor: new questions are optional, a clash
of wordings is reported on the question the editor touched, by number, and the question that
feeds the region filter is marked (tests/browser/test_form_editor.py drives the same in
Chromium)."""

from bs4 import BeautifulSoup
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from getinvolved.models import InterestFormField


def edit_data(form, questions):
    saved = sum(1 for question in questions if "id" in question)
    return nested_form_data(
        {
            "title": form.title,
            "slug": form.slug,
            "consent_text": form.consent_text,
            # What the answers are for (the form editor asks since the notice states it).
            "purpose": form.purpose,
            "lawful_basis": form.lawful_basis,
            "confirmation_subject": form.confirmation_subject,
            "form_fields": inline_formset(questions, initial=saved),
        }
    )


def existing(form):
    return [
        {
            "id": field.pk,
            "label": field.label,
            "field_type": field.field_type,
            "required": "on" if field.required else "",
            "choices": field.choices,
            "help_text": field.help_text,
            "default_value": field.default_value,
        }
        for field in form.form_fields.all()
    ]


def errors(response):
    return [
        tag.get_text(" ", strip=True)
        for tag in BeautifulSoup(response.content, "html.parser").select(".error-message")
    ]


def test_new_questions_are_optional():
    assert InterestFormField().required is False


def test_a_repeated_wording_is_reported_on_the_new_question(client, register_form, editor_user):
    client.force_login(editor_user)
    questions = existing(register_form)
    region = next(n for n, q in enumerate(questions, 1) if q["label"] == "Region")
    new = {"label": "Region", "field_type": "singleline", "required": ""}
    url = f"/admin/pages/{register_form.pk}/edit/"
    response = client.post(url, edit_data(register_form, [*questions, new]))
    assert response.status_code == 200
    shown = [text for text in errors(response) if "wording" in text]
    assert shown == [
        f"Question {len(questions) + 1} has the same wording as question {region} "
        "(“Region”). Each question needs its own wording: change this one."
    ]


def test_a_wording_once_used_by_a_renamed_question_is_explained(client, register_form, editor_user):
    client.force_login(editor_user)
    questions = existing(register_form)
    region = next(n for n, q in enumerate(questions, 1) if q["label"] == "Region")
    questions[region - 1]["label"] = "Where you work"  # its answers stay stored as "region"
    new = {"label": "Region", "field_type": "singleline", "required": ""}
    response = client.post(
        f"/admin/pages/{register_form.pk}/edit/", edit_data(register_form, [*questions, new])
    )
    shown = [text for text in errors(response) if "wording" in text]
    assert len(shown) == 1 and shown[0].startswith(f"Question {region} was first saved as")
    assert f"Choose other wording for question {len(questions) + 1}." in shown[0]


def test_the_question_that_feeds_the_region_filter_is_marked(client, register_form, editor_user):
    client.force_login(editor_user)
    page = client.get(f"/admin/pages/{register_form.pk}/edit/").content.decode()
    assert page.count("fill the Region filter of Interest submissions") == 1
