"""Issue 18, acceptance 3: each message in its new words, shown only to the roles that can
act on it. The site settings' gaps are told after saving only to those who can open the site
settings; search-engine fields only to whoever publishes (never a Reviewer); incomplete blocks
only when the save adds them, several in one banner; "Delete" after an upload only to those who
may delete. (Images a live page shows: tests/test_live_media.py; reviews:
tests/test_review_dashboard.py; the Publisher's warning: tests/test_editor_tools.py.)"""

import io
import json
from io import BytesIO

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.test import RequestFactory
from django.urls import reverse
from PIL import Image as PILImage
from wagtail.test.utils.form_data import nested_form_data, streamfield

from core.contact import SiteContactBlock
from staff import roles
from staff.names import PUBLISHERS
from tests.factories import StandardPageFactory
from tests.test_approval_feedback import messages_of
from tests.test_editor_tools import SHARING_WARNING, theme_edit_data
from tests.test_review_dashboard import act_in_editor, people, submitted_theme  # noqa: F401
from themes.models import ThemePage

pytestmark = pytest.mark.django_db

SETTINGS_GAP = "fill it in under Settings → Site settings"
ASK_AN_ADMINISTRATOR = "is empty in the site settings: ask an administrator to fill it in"


@pytest.fixture
def groups(site_home):
    call_command("setup_groups", stdout=io.StringIO())


def member(django_user_model, name, group):
    user = django_user_model.objects.create_user(name, password="not-used")
    user.groups.add(Group.objects.get(name=group))
    return user


def contact_block():
    return (
        "site_contact",
        {"contact": "accessibility_email", "text": "To report a problem, email"},
    )


def report_block(title):
    return (
        "report",
        {
            "heading": "Read the report",
            "title": title,
            "description": "",
            "cover": {"image": "", "decorative": "", "alt_text": ""},
            "document": "",
            "url": "",
            "link_text": "",
        },
    )


def save(client, page, blocks, action="action-submit"):
    data = nested_form_data(
        {
            "title": page.title,
            "slug": page.slug,
            "summary": page.summary,
            "body": streamfield(blocks),
            action: action,
        }
    )
    return client.post(f"/admin/pages/{page.pk}/edit/", data, follow=True)


def test_settings_gaps_are_told_only_to_those_who_can_open_the_settings(
    client, django_user_model, site_home, groups
):
    page = StandardPageFactory(parent=site_home, title="Accessibility")
    client.force_login(member(django_user_model, "ed", roles.EDITORS))
    said = " ".join(messages_of(save(client, page, [contact_block()])))
    assert "Site settings" not in said and "site settings" not in said

    admin = django_user_model.objects.create_superuser("admin", "admin@example.com", "pw")
    client.force_login(admin)
    said = " ".join(messages_of(save(client, page, [contact_block()], "action-publish")))
    assert SETTINGS_GAP in said


def test_the_preview_tells_an_editor_whom_to_ask(django_user_model, site_home, groups):
    block = SiteContactBlock()
    value = block.to_python({"contact": "accessibility_email", "text": "Email"})
    request = RequestFactory().get("/")
    request.user = member(django_user_model, "ed", roles.EDITORS)
    assert ASK_AN_ADMINISTRATOR in block.missing(value, {"request": request, "page": site_home})
    request.user = django_user_model.objects.create_superuser("admin", "a@example.com", "pw")
    assert SETTINGS_GAP in block.missing(value, {"request": request, "page": site_home})


def test_incomplete_blocks_are_told_once_each_save_adds_them_in_one_banner(admin_client, site_home):
    page = StandardPageFactory(parent=site_home, title="Reading")
    blocks = [report_block("First report"), report_block("Second report")]
    response = save(admin_client, page, blocks, "action-publish")
    warnings = [m for m in messages_of(response) if "Visitors don't see" in m]
    assert len(warnings) == 1, warnings
    assert "First report" in warnings[0] and "Second report" in warnings[0]

    # Another change to the live page: the reports are not mentioned again.
    response = save(admin_client, page, blocks, "action-publish")
    assert not [m for m in messages_of(response) if "Visitors don't see" in m]


def test_reviewers_are_never_told_about_search_engines(client, people):  # noqa: F811
    theme = submitted_theme(client, people["ed"])
    said = " ".join(messages_of(act_in_editor(client, people["rev"], theme, "approve")))
    assert "Search engines" not in said and "Promote tab" not in said


def upload(client):
    buffer = BytesIO()
    PILImage.new("RGB", (40, 30), (0, 107, 107)).save(buffer, format="PNG")
    response = client.post(
        reverse("wagtailimages:add_multiple"),
        {"files[]": SimpleUploadedFile("upload.png", buffer.getvalue(), "image/png")},
        headers={"x-requested-with": "XMLHttpRequest"},
    )
    answer = json.loads(response.content)
    assert answer["success"], answer
    return BeautifulSoup(answer["form"], "html.parser")


@pytest.mark.parametrize("group, offered", [(roles.EDITORS, False), (roles.PUBLISHERS, True)])
def test_delete_after_an_upload_only_for_those_who_may_delete(
    client, django_user_model, groups, group, offered
):
    client.force_login(member(django_user_model, "someone", group))
    form = upload(client)
    assert form.find("form") is not None
    assert bool(form.find("a", string="Delete")) is offered


def test_sharing_fields_are_mentioned_to_whoever_publishes(client, django_user_model, starter_site):
    # Issue 18 changed this: Editors were told at each submission, and Reviewers were told
    # to "add them on the Promote tab"; now the Publisher who publishes is told, once.
    call_command("setup_groups", stdout=io.StringIO())
    editor_client = client
    editor_client.force_login(member(django_user_model, "ed", roles.EDITORS))
    theme = ThemePage.objects.get(slug="belonging-and-culture")
    edit_url = reverse("wagtailadmin_pages:edit", args=[theme.pk])
    data = theme_edit_data(editor_client, theme)

    # Neither a draft save nor sending the page for approval is the moment.
    for action in ({}, {"action-submit": "1"}):
        response = editor_client.post(edit_url, {**data, **action}, follow=True)
        assert not [m for m in response.context["messages"] if SHARING_WARNING in str(m)]

    # Publishing is, once, to the Publisher, who can add them.
    other = ThemePage.objects.exclude(pk=theme.pk).filter(search_description="").first()
    publisher = django_user_model.objects.create_user("pub", password="not-used")
    publisher.groups.add(Group.objects.get(name=PUBLISHERS))
    editor_client.force_login(publisher)
    other_url = reverse("wagtailadmin_pages:edit", args=[other.pk])
    data = theme_edit_data(editor_client, other)
    response = editor_client.post(other_url, {**data, "action-publish": "1"}, follow=True)
    warnings = [str(m) for m in response.context["messages"] if SHARING_WARNING in str(m)]
    assert len(warnings) == 1, warnings
    assert f"{other_url}#tab-promote" in warnings[0]
