"""A first-time visitor's review (review 2): the story's length limit is said in its hint,
the privacy notice says what the forms' own words say (each question's hint, what the form
says after sending), thank-you pages are not indexed, and a person with errors to fix is not
told they were too quick."""

import pytest
from bs4 import BeautifulSoup
from django.test import override_settings
from formhelpers import register_answers, submit

from getinvolved.models import InterestSubmission

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


@override_settings(FORM_MIN_FILL_SECONDS=60)
def test_an_empty_form_sent_at_once_shows_only_the_answers_to_fix(client, register_form):
    response = submit(client, register_form, {})
    assert response.status_code == 400
    html = response.content.decode()
    assert "Enter your answer to “Your name”." in html
    assert "quicker than we expected" not in html
    assert InterestSubmission.objects.count() == 0

    # With nothing to fix, the too-fast refusal is still explained.
    response = submit(client, register_form, register_answers())
    assert response.status_code == 400
    assert "quicker than we expected" in response.content.decode()


def test_thank_you_pages_are_not_indexed_nor_in_the_sitemap(client, share_form):
    thanks = share_form.thank_you_url()
    page = BeautifulSoup(client.get(thanks).content, "html.parser")
    assert page.find("meta", attrs={"name": "robots", "content": "noindex"})
    form = BeautifulSoup(client.get(share_form.url).content, "html.parser")
    assert not form.find("meta", attrs={"name": "robots"})  # the form itself stays indexed
    sitemap = client.get("/sitemap.xml").content.decode()
    assert share_form.url in sitemap and "thank-you" not in sitemap


def test_the_privacy_notice_says_what_the_starter_forms_say(client, starter_forms):
    from getinvolved.models import PrivacyNoticePage

    notice = PrivacyNoticePage.objects.live().get()
    main = BeautifulSoup(client.get(notice.url).content, "html.parser").find("main")
    text = " ".join(main.get_text(" ").split())
    # Why the membership number is asked, in the form's own words.
    assert (
        "Membership number (optional): “If you have it to hand: it helps us find your "
        "membership record.”"
    ) in text
    # What the Share best practice form says after sending: contact before sharing.
    assert (
        "After you send it, the form says: “Thank you for sharing your school’s story. We "
        "have received it, and someone from the union may contact you before sharing it with "
        "other members.”"
    ) in text
