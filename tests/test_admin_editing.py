"""Editors can open the editor for every page type and add pages only where they belong."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import Page

from casestudies.models import CaseStudyIndexPage, CaseStudyPage
from home.models import StandardPage
from staff.names import EDITORS
from tests.factories import ThemePageFactory
from themes.models import ThemePage

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor_client(client, django_user_model, page_tree):
    # One page of each type, and a second theme page ("belonging-and-leadership").
    ThemePageFactory(parent=page_tree.home, slug="belonging-and-leadership")
    editor = django_user_model.objects.create_user("editor", password="not-used")
    # Wagtail's install creates an "Editors" group with add/edit rights on the whole tree.
    editor.groups.add(Group.objects.get(name=EDITORS))
    client.force_login(editor)
    return client


def test_edit_view_of_every_page_type_opens_for_an_editor(editor_client):
    seen = set()
    for page in Page.objects.filter(depth__gt=1).specific():
        response = editor_client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
        assert response.status_code == 200, page
        seen.add(type(page).__name__)
    assert seen == {
        "HomePage",
        "ThemePage",
        "CaseStudyIndexPage",
        "CaseStudyPage",
        "StandardPage",
        "InterestFormPage",
    }


@pytest.mark.parametrize(
    "model, parent_slug, allowed",
    [
        (ThemePage, "home", True),
        (ThemePage, "case-studies", False),
        (CaseStudyPage, "case-studies", True),
        (CaseStudyPage, "home", False),
        (CaseStudyIndexPage, "home", False),  # only one index
        (StandardPage, "get-involved", True),
        (StandardPage, "belonging-and-leadership", False),
    ],
)
def test_add_view_is_open_only_where_the_type_belongs(editor_client, model, parent_slug, allowed):
    parent = Page.objects.get(slug=parent_slug)
    url = reverse(
        "wagtailadmin_pages:add",
        args=[model._meta.app_label, model._meta.model_name, parent.pk],
    )
    response = editor_client.get(url)
    assert (response.status_code == 200) is allowed, response.status_code


def test_editor_can_create_a_case_study_with_structured_facts(editor_client):
    index = CaseStudyIndexPage.objects.get()
    culture = ThemePage.objects.get(slug="belonging-and-culture")
    url = reverse("wagtailadmin_pages:add", args=["casestudies", "casestudypage", index.pk])
    data = {
        "title": "A new school",
        "slug": "a-new-school",
        "summary": "",
        "school_name": "A New School",
        "town": "Anytown",
        "region": "london",
        "phase": "special",
        "themes": [str(culture.pk)],
        "hero_image": "",
        "hero_image_alt": "",
        "body-count": "0",
    }
    response = editor_client.post(url, data)
    assert response.status_code == 302, response.content[:2000]
    page = CaseStudyPage.objects.get(slug="a-new-school")
    assert page.get_latest_revision_as_object().themes.all()[0] == culture


def add_case_study_with_hero(editor_client, slug, image, alt=""):
    index = CaseStudyIndexPage.objects.get()
    url = reverse("wagtailadmin_pages:add", args=["casestudies", "casestudypage", index.pk])
    return editor_client.post(
        url,
        {
            "title": slug.title(),
            "slug": slug,
            "school_name": "S",
            "town": "T",
            "region": "london",
            "phase": "primary",
            "hero_image": str(image.pk),
            "hero_image_alt": alt,
            "body-count": "0",
        },
    )


def test_case_study_hero_image_without_any_description_is_refused(editor_client):
    image = ThemePage.objects.first().banner_image
    image.description = ""
    image.save()
    response = add_case_study_with_hero(editor_client, "no-alt", image)
    assert response.status_code == 200
    assert "Describe the hero image for screen readers" in response.content.decode()
    assert not CaseStudyPage.objects.filter(slug="no-alt").exists()


def test_case_study_hero_image_uses_the_images_own_description_unless_overridden(
    editor_client,
):
    """The alt text is asked once, with the image; a page may still describe it its own way."""
    image = ThemePage.objects.first().banner_image
    image.description = "Pupils planting trees in the school garden"
    image.save()
    assert add_case_study_with_hero(editor_client, "own-words", image).status_code == 302
    page = CaseStudyPage.objects.get(slug="own-words").get_latest_revision_as_object()
    assert page.hero_alt_text() == "Pupils planting trees in the school garden"

    response = add_case_study_with_hero(editor_client, "other-words", image, alt="A garden")
    assert response.status_code == 302
    page = CaseStudyPage.objects.get(slug="other-words").get_latest_revision_as_object()
    assert page.hero_alt_text() == "A garden"
