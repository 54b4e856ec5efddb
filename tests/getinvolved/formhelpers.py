"""Helpers for the interest form tests: open a form, fill it in, send it; tell a refusal in
the admin."""

import re

# The "Register your interest" starter form's fields, in order.
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


def refused(response):
    """Whether the admin refused the request: Wagtail answers a refusal by sending a person
    back to the dashboard, with NO_PERMISSION shown there (and a scripted request with 403)."""
    return response.status_code == 403 or (
        response.status_code == 302 and response["Location"] == "/admin/"
    )
