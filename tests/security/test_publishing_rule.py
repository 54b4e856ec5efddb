"""Publishers publish their own changes directly; a page holding someone else's unapproved
changes is refused, in the editor and in bulk, so an Editor's draft reaches the public only
through both approvals. Superusers may publish anything. And Editors cannot delete images
or documents, even their own uploads."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file

from staff.names import EDITORS, PUBLISHERS
from tests.test_roles import edit_post_data
from themes.models import ThemePage

pytestmark = pytest.mark.django_db

LIVE_TITLE = "Theme 3: belonging and agency"


@pytest.fixture
def editors_draft(staff):
    theme = ThemePage.objects.get(slug="belonging-and-agency")
    theme.title = "Drafted by an editor"
    theme.save_revision(user=staff[EDITORS])
    return theme


def bulk_publish(client, page):
    url = reverse("wagtail_bulk_action", args=["wagtailcore", "page", "publish"])
    return client.post(f"{url}?id={page.pk}", {"include_descendants": ""}, follow=True)


def test_a_publisher_cannot_bulk_publish_an_editors_draft(client, staff, editors_draft):
    client.force_login(staff[PUBLISHERS])
    response = bulk_publish(client, editors_draft)
    assert "has changes by editors that have not been approved" in response.content.decode()
    editors_draft.refresh_from_db()
    assert editors_draft.title == LIVE_TITLE and editors_draft.has_unpublished_changes


def test_a_publisher_cannot_publish_an_editors_draft_from_the_editor(client, staff, editors_draft):
    client.force_login(staff[PUBLISHERS])
    data = edit_post_data(client, editors_draft)
    data["action-publish"] = "action-publish"
    response = client.post(
        reverse("wagtailadmin_pages:edit", args=[editors_draft.pk]), data, follow=True
    )
    assert "Send it to the Two-step approval workflow" in response.content.decode()
    editors_draft.refresh_from_db()
    assert editors_draft.title == LIVE_TITLE


def test_a_publisher_publishes_their_own_change_and_a_superuser_anything(
    client, staff, editors_draft, django_user_model
):
    culture = ThemePage.objects.get(slug="belonging-and-culture")
    client.force_login(staff[PUBLISHERS])
    data = edit_post_data(client, culture)
    data["title"] = "Culture, corrected by a Publisher"
    data["action-publish"] = "action-publish"
    client.post(reverse("wagtailadmin_pages:edit", args=[culture.pk]), data)
    culture.refresh_from_db()
    assert culture.title == "Culture, corrected by a Publisher" and culture.live

    client.force_login(django_user_model.objects.create_superuser("root", "r@example.org"))
    bulk_publish(client, editors_draft)
    editors_draft.refresh_from_db()
    assert editors_draft.title == "Drafted by an editor"


def test_editors_cannot_delete_images_or_documents_even_their_own(client, staff):
    editor = staff[EDITORS]
    image = get_image_model().objects.create(
        title="Own upload", file=get_test_image_file(), uploaded_by_user=editor
    )
    document = get_document_model().objects.create(
        title="Own document",
        file=SimpleUploadedFile("notes.txt", b"notes"),
        uploaded_by_user=editor,
    )
    client.force_login(editor)
    for url in (
        reverse("wagtailimages:delete", args=[image.pk]),
        reverse("wagtaildocs:delete", args=[document.pk]),
    ):
        response = client.post(url)
        assert response.status_code in (302, 403) and response.get("Location") != "/admin/images/"
    assert get_image_model().objects.filter(pk=image.pk).exists()
    assert get_document_model().objects.filter(pk=document.pk).exists()
    # Publishers can.
    client.force_login(staff[PUBLISHERS])
    client.post(reverse("wagtailimages:delete", args=[image.pk]))
    client.post(reverse("wagtaildocs:delete", args=[document.pk]))
    assert not get_image_model().objects.filter(pk=image.pk).exists()
    assert not get_document_model().objects.filter(pk=document.pk).exists()
