"""The "no publishing other people's unapproved changes" rule covers the shared call to action
(a snippet with the same Two-step approval as pages), not only pages: a Publisher cannot
publish an Editor's draft of it from the snippet editor; their own change they can, and a
superuser anything."""

import pytest
from django.urls import reverse

from core.models import ReusableCallToAction
from staff.names import EDITORS, PUBLISHERS

pytestmark = pytest.mark.django_db


@pytest.fixture
def cta():
    return ReusableCallToAction.objects.get(name="Get involved")


def edit_url(cta):
    return reverse("wagtailsnippets_core_reusablecalltoaction:edit", args=[cta.pk])


def form_data(cta, **changes):
    return {
        "name": cta.name,
        "heading": cta.heading,
        "text": cta.text,
        "link_text": cta.link_text,
        "page": cta.page_id or "",
        "url": cta.url,
        **changes,
    }


def editors_draft(cta, editor):
    draft = ReusableCallToAction.objects.get(pk=cta.pk)
    draft.heading = "Drafted by an editor"
    draft.save_revision(user=editor)


def test_a_publisher_cannot_publish_an_editors_draft_of_the_call_to_action(client, staff, cta):
    live_heading = cta.heading
    editors_draft(cta, staff[EDITORS])
    client.force_login(staff[PUBLISHERS])
    latest = ReusableCallToAction.objects.get(pk=cta.pk).latest_revision.as_object()
    data = form_data(latest, text="A Publisher's touch", **{"action-publish": "action-publish"})
    response = client.post(edit_url(cta), data, follow=True)
    assert response.status_code == 200
    assert "has changes by editors that have not been approved" in response.content.decode()
    cta.refresh_from_db()
    assert cta.heading == live_heading and cta.has_unpublished_changes
    # Visitors still see the approved version.
    client.logout()
    assert "Drafted by an editor" not in client.get("/").content.decode()


def test_a_publisher_publishes_their_own_change_and_a_superuser_anything(
    client, staff, cta, django_user_model
):
    client.force_login(staff[PUBLISHERS])
    data = form_data(cta, heading="Corrected by a Publisher", **{"action-publish": "1"})
    client.post(edit_url(cta), data)
    cta.refresh_from_db()
    assert cta.heading == "Corrected by a Publisher" and not cta.has_unpublished_changes

    editors_draft(cta, staff[EDITORS])
    client.force_login(django_user_model.objects.create_superuser("root", "r@example.org"))
    latest = ReusableCallToAction.objects.get(pk=cta.pk).latest_revision.as_object()
    client.post(edit_url(cta), form_data(latest, **{"action-publish": "1"}))
    cta.refresh_from_db()
    assert cta.heading == "Drafted by an editor"
