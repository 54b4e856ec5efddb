"""An image or document a live page shows is not replaced by an Editor (issue 18,
acceptance 1 without a browser): the file and description are refused with the reason and
who can; Publishers may; images no live page uses stay editable; new uploads are unaffected."""

import io
from io import BytesIO

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group
from django.core.files.images import ImageFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse
from PIL import Image as PILImage
from wagtail.images import get_image_model

from casestudies.models import CaseStudyPage
from staff import roles

pytestmark = pytest.mark.django_db


def png(colour, name):
    buffer = BytesIO()
    PILImage.new("RGB", (40, 30), colour).save(buffer, format="PNG")
    return buffer.getvalue(), name


@pytest.fixture
def live_hero(starter_site):
    call_command("setup_groups", stdout=io.StringIO())
    data, name = png((0, 107, 107), "hero.png")
    image = get_image_model().objects.create(
        title="Hero", description="Pupils in the garden", file=ImageFile(BytesIO(data), name=name)
    )
    case_study = CaseStudyPage.objects.live().order_by("path").first()
    case_study.hero_image = image
    case_study.save_revision().publish()
    return image


def login(client, django_user_model, name, group):
    user = django_user_model.objects.create_user(name, password="not-used")
    user.groups.add(Group.objects.get(name=group))
    client.force_login(user)
    return user


def replace(client, image, description="Something else"):
    data, name = png((200, 0, 0), "other.png")
    return client.post(
        reverse("wagtailimages:edit", args=[image.pk]),
        {
            "title": image.title,
            "description": description,
            "file": SimpleUploadedFile(name, data, content_type="image/png"),
            "collection": image.collection_id,
            "tags": "",
            "focal_point_x": "",
            "focal_point_y": "",
            "focal_point_width": "",
            "focal_point_height": "",
        },
        follow=True,
    )


def test_an_editor_cannot_replace_an_image_a_live_page_shows(client, django_user_model, live_hero):
    login(client, django_user_model, "ed", roles.EDITORS)
    before = live_hero.file.name
    page = BeautifulSoup(
        client.get(reverse("wagtailimages:edit", args=[live_hero.pk])).content, "html.parser"
    )
    text = page.get_text(" ", strip=True)
    assert "only Publishers can replace its file or description" in text
    assert page.find("input", attrs={"name": "file"}).has_attr("disabled")
    replace(client, live_hero)
    live_hero.refresh_from_db()
    assert live_hero.file.name == before
    assert live_hero.description == "Pupils in the garden"


def test_the_guard_holds_before_the_worker_has_indexed_the_page(
    client, django_user_model, live_hero, settings
):
    """Wagtail indexes what a page uses in a background task: with the tasks waiting for a
    worker (the database backend, no worker running), a page just published still guards
    the images it shows."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    data, name = png((0, 0, 0), "banner.png")
    image = get_image_model().objects.create(
        title="Banner", description="A black band", file=ImageFile(BytesIO(data), name=name)
    )
    case_study = CaseStudyPage.objects.live().order_by("path").last()
    case_study.hero_image = image
    case_study.save_revision().publish()
    login(client, django_user_model, "ed", roles.EDITORS)
    before = image.file.name
    replace(client, image)
    image.refresh_from_db()
    assert image.file.name == before and image.description == "A black band"


def test_a_publisher_can_replace_it(client, django_user_model, live_hero):
    login(client, django_user_model, "pub", roles.PUBLISHERS)
    before = live_hero.file.name
    replace(client, live_hero)
    live_hero.refresh_from_db()
    assert live_hero.file.name != before
    assert live_hero.description == "Something else"


def test_an_editor_may_change_images_no_live_page_shows(client, django_user_model, starter_site):
    call_command("setup_groups", stdout=io.StringIO())
    data, name = png((0, 0, 200), "unused.png")
    image = get_image_model().objects.create(
        title="Unused", description="A blue square", file=ImageFile(BytesIO(data), name=name)
    )
    login(client, django_user_model, "ed", roles.EDITORS)
    replace(client, image)
    image.refresh_from_db()
    assert image.description == "Something else" and "other" in image.file.name


def test_an_editor_cannot_replace_a_document_a_live_page_links_to(
    client, django_user_model, starter_site
):
    from django.core.files.base import ContentFile
    from wagtail.documents import get_document_model

    from themes.models import ThemePage

    call_command("setup_groups", stdout=io.StringIO())
    document = get_document_model().objects.create(
        title="The report", file=ContentFile(b"%PDF-1.4 report", name="report.pdf")
    )
    theme = ThemePage.objects.live().order_by("path").first()
    theme.body.append(
        ("report", {"heading": "Read the report", "title": "The report", "document": document})
    )
    theme.save_revision().publish()
    login(client, django_user_model, "ed", roles.EDITORS)
    page = BeautifulSoup(
        client.get(reverse("wagtaildocs:edit", args=[document.pk])).content, "html.parser"
    )
    assert "only Publishers can replace its file" in page.get_text(" ", strip=True)
    assert page.find("input", attrs={"name": "file"}).has_attr("disabled")
