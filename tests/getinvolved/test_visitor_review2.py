"""A first-time visitor's review (review 2): the story's length limit is said in its hint,
the privacy notice says what the forms' own words say (each question's hint, what the form
says after sending), thank-you pages are not indexed, and a person with errors to fix is not
told they were too quick."""

import pytest
from bs4 import BeautifulSoup

pytestmark = pytest.mark.django_db


def hint_of(page, name):
    field = page.find(attrs={"name": name})
    ids = field.get("aria-describedby", "").split()
    return " ".join(page.find(id=i).get_text(" ", strip=True) for i in ids if page.find(id=i))


def test_the_story_hint_says_the_length_limit_the_browser_enforces(client, share_form):
    page = BeautifulSoup(client.get(share_form.url).content, "html.parser")
    story = page.find("textarea")
    assert story["maxlength"] == "5000"
    assert "Up to 5,000 characters." in hint_of(page, story["name"])
