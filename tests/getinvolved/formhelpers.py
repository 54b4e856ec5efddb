"""Helpers for the interest form tests: open a form, fill it in, send it; tell a refusal in
the admin."""

import re

from wagtail.test.utils.form_data import inline_formset, nested_form_data

# The "Register your interest" form's fields, in order: the starter form's, and so those of
# the form conftest.py builds like it.
REGISTER_FIELD_NAMES = [
    "your_name",
    "email_address",
    "school_or_workplace",
    "role",
    "region",
    "membership_number",
    "how_would_you_like_to_be_involved",
]

TOKEN_RE = re.compile(r'name="form-token" value="([^"]+)"')


def form_token(client, page):
    """Open the form as a member would and return the one-time token it carries."""
    response = client.get(page.url)
    assert response.status_code == 200
    return TOKEN_RE.search(response.content.decode()).group(1)


def register_answers(**overrides):
    answers = {
        "your_name": "Sam Member",
        "email_address": "sam@example.org",
        "school_or_workplace": "Example Primary School",
        "role": "Class teacher",
        "region": "London",
        "membership_number": "",
        "how_would_you_like_to_be_involved": ["Share practice from my school"],
        "privacy-consent": "on",
    }
    answers.update(overrides)
    return answers


def share_answers(**overrides):
    answers = {
        "your_name": "Ali Member",
        "email_address": "ali@example.org",
        "school": "Example Academy",
        "region": "Wales",
        "your_story": "Every pupil has a named adult who greets them each morning.",
        "privacy-consent": "on",
    }
    answers.update(overrides)
    return answers


def submit(client, page, answers, token=None):
    data = {**answers, "form-token": token or form_token(client, page)}
    return client.post(page.url, data)


# The Membership team's forms index (the Forms menu item opens it).
TEAM_FORMS_INDEX = "/admin/getinvolved/forms/"
# What Wagtail's admin tells someone it refuses, on the dashboard it sends them back to.
NO_PERMISSION = "Sorry, you do not have permission to access this area."
# The reason the submissions views' own refusal page gives (getinvolved/refusals.py), as far
# as the apostrophe, which the page escapes.
REFUSAL_REASON = "Only the Membership team can read members"


def explains_refusal(response):
    """Whether the response is the submissions views' refusal: a page in the admin's layout
    (its menu, a way back to the dashboard) saying why, with 403 Forbidden."""
    body = response.content.decode()
    return (
        response.status_code == 403
        and REFUSAL_REASON in body
        and 'href="/admin/"' in body
        and "Back to the dashboard" in body
    )


def refused(response):
    """Whether the admin refused the request: with the refusal page above, or, for Wagtail's
    own views that refuse (deleting submissions, its forms index for people without page
    rights), by sending a person back to the dashboard with NO_PERMISSION shown there."""
    return explains_refusal(response) or (
        response.status_code == 302 and response["Location"] == "/admin/"
    )


def form_page_edit_data(form, action):
    """What the page editor posts for ``form`` unchanged, with ``action`` (e.g.
    "action-publish", "action-submit")."""
    fields = [
        {"id": f.pk, "label": f.label, "field_type": f.field_type, "required": f.required}
        for f in form.form_fields.all()
    ]
    return nested_form_data(
        {
            "title": form.title,
            "slug": form.slug,
            "summary": form.summary,
            "consent_text": form.consent_text,
            # What the answers are for (the form editor asks since the notice states it).
            "purpose": form.purpose,
            "lawful_basis": form.lawful_basis,
            "confirmation_subject": form.confirmation_subject,
            "form_fields": inline_formset(fields),
            action: action,
        }
    )
