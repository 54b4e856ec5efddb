"""Issue 18: the admin's errors in editors' words. A web address already taken names the
other page and the tab; a long title is refused with its length, never cut short; a wrong
web address says what one looks like."""

import pytest
from bs4 import BeautifulSoup
from django.core.exceptions import ValidationError
from wagtail.test.utils.form_data import nested_form_data, streamfield

from core.blocks import CallToActionBlock
from core.web_address import INVALID_WEB_ADDRESS
from staff.names import MEMBERSHIP_TEAM
from tests.factories import StandardPageFactory
from video.blocks import VideoBlock

pytestmark = pytest.mark.django_db


def post_page(client, page, **fields):
    data = nested_form_data(
        {"title": page.title, "slug": page.slug, "summary": "", "body": streamfield([]), **fields}
    )
    return client.post(f"/admin/pages/{page.pk}/edit/", data)


def page_text(response):
    return BeautifulSoup(response.content, "html.parser").get_text(" ", strip=True)


def test_a_taken_web_address_names_the_other_page_and_the_tab(admin_client, site_home):
    StandardPageFactory(parent=site_home, title="Get involved", slug="get-involved")
    page = StandardPageFactory(parent=site_home, title="Join us", slug="join-us")
    response = post_page(admin_client, page, slug="get-involved")
    assert response.status_code == 200
    text = page_text(response)
    assert "already in use within the parent page" not in text
    assert (
        "Another page in the same place, “Get involved”, already has the web address ending "
        "“get-involved”. Change this page's Slug on the Promote tab"
    ) in text


def test_a_long_title_is_refused_with_its_length_not_cut(admin_client, site_home):
    page = StandardPageFactory(parent=site_home, title="Reading")
    form = BeautifulSoup(admin_client.get(f"/admin/pages/{page.pk}/edit/").content, "html.parser")
    title = form.find("input", attrs={"name": "title"})
    assert not title.has_attr("maxlength")  # a browser would drop what is pasted past it
    assert "up to 255 characters" in form.get_text(" ", strip=True)

    response = post_page(admin_client, page, title="A" * 600)
    assert "This title is 600 characters long: shorten it to 255 or fewer." in page_text(response)
    page.refresh_from_db()
    assert page.title == "Reading"


@pytest.mark.parametrize(
    "block, value",
    [
        (CallToActionBlock(), {"heading": "Join", "text": "", "button_text": "Go", "page": None}),
        (VideoBlock(), {"title": "Talk"}),
    ],
)
def test_a_wrong_web_address_says_what_one_looks_like(block, value):
    raw = {name: child.get_default() for name, child in block.child_blocks.items()}
    raw.update(value, url="not a web address")
    with pytest.raises(ValidationError) as refused:
        block.clean(block.to_python(raw))
    errors = refused.value.block_errors["url"]
    messages = [message for error in [errors] for message in error.messages]
    assert INVALID_WEB_ADDRESS in messages
    assert "Enter a valid URL." not in messages


def test_an_upload_too_big_says_the_limit_and_nothing_unrelated(admin_client, settings):
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.urls import reverse

    screen = admin_client.get(reverse("wagtailimages:add_multiple")).content.decode()
    assert "Sorry, upload failed" not in screen
    assert "Please provide an image description" not in screen  # shown beside every refusal
    template = BeautifulSoup(screen, "html.parser").find("template", id="upload-list-item")
    failure = template.decode_contents()
    assert "This file was not uploaded. Supported formats:" in failure
    assert "Maximum filesize: 10.0\xa0MB" in failure or "Maximum filesize: 10.0 MB" in failure

    settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE = 1000
    response = admin_client.post(
        reverse("wagtailimages:add_multiple"),
        {"files[]": SimpleUploadedFile("big.png", b"\x89PNG" + b"0" * 5000, "image/png")},
        headers={"x-requested-with": "XMLHttpRequest"},
    )
    answer = response.json()
    assert not answer["success"] and "Maximum filesize" in answer["error_message"]


def test_the_forms_list_names_each_forms_origin_in_words(client, django_user_model, starter_site):
    import io

    from django.contrib.auth.models import Group
    from django.core.management import call_command
    from django.urls import reverse

    call_command("setup_groups", stdout=io.StringIO())
    member = django_user_model.objects.create_user("mo", password="not-used")
    member.groups.add(Group.objects.get(name=MEMBERSHIP_TEAM))
    client.force_login(member)
    listing = client.get(reverse("getinvolved_forms_index"))
    assert listing.status_code == 200
    text = page_text(listing)
    assert "Interest form page" in text
    assert "getinvolved.interestformpage" not in text
