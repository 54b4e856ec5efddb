"""Scheduled publishing and previews, as editors use them."""

from datetime import timedelta

import pytest
from bs4 import BeautifulSoup
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import Page

from themes.models import ThemePage

pytestmark = pytest.mark.django_db


def test_go_live_date_publishes_when_due(client, site_home):
    page = ThemePage(title="Theme 4: belonging and families", slug="families")
    site_home.add_child(instance=page)
    page.unpublish()
    page.go_live_at = timezone.now() + timedelta(days=1)
    revision = page.save_revision()
    revision.publish()  # with a future go-live date this only schedules it
    page.refresh_from_db()
    assert not page.live
    assert client.get("/families/").status_code == 404

    # A day passes: move the scheduled date into the past rather than waiting.
    past = timezone.now() - timedelta(minutes=1)
    revision.approved_go_live_at = past
    revision.content["go_live_at"] = past.isoformat()
    revision.save()
    call_command("publish_scheduled")
    page.refresh_from_db()
    assert page.live
    assert client.get("/families/").status_code == 200


def test_expiry_date_unpublishes_when_due(client, theme_page):
    page = ThemePage.objects.get(slug="belonging-and-culture")
    assert client.get("/belonging-and-culture/").status_code == 200
    page.expire_at = timezone.now() - timedelta(minutes=1)
    page.save()
    call_command("publish_scheduled")
    page.refresh_from_db()
    assert not page.live and page.expired
    assert client.get("/belonging-and-culture/").status_code == 404


def test_preview_of_every_page_type_renders(page_tree):
    seen = set()
    for page in Page.objects.filter(depth__gt=1).specific():
        page.title = page.seo_title = f"{page.title} (unsaved draft)"
        response = page.make_preview_request()
        assert response.status_code == 200, page
        heading = BeautifulSoup(response.content, "html.parser").find("h1")
        assert heading.get_text(strip=True) == page.title, page
        seen.add(type(page).__name__)
    assert len(seen) == 6  # the interest form page included
