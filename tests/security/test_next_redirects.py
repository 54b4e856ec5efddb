"""No open redirect through ``next=``: when a bulk action is refused, the admin sends people
back to ``next`` only if it is an address on this site (Wagtail's
get_valid_next_url_from_request), else to the dashboard or the page's section."""

import pytest
from django.urls import reverse

from staff.names import EDITORS, PUBLISHERS
from themes.models import ThemePage

pytestmark = pytest.mark.django_db

EVIL = "https://evil.example/phish"


def bulk(client, action, page, next_url):
    url = reverse("wagtail_bulk_action", args=["wagtailcore", "page", action])
    return client.post(f"{url}?id={page.pk}&next={next_url}", {"include_descendants": ""})


@pytest.mark.parametrize("next_url", [EVIL, "//evil.example/", "https:evil.example"])
def test_a_refused_bulk_publish_never_leaves_the_site(client, staff, next_url):
    publisher = staff[PUBLISHERS]
    theme = ThemePage.objects.get(slug="belonging-and-agency")
    theme.title = "The publisher's own change, in review"
    theme.save_revision(user=publisher)
    theme.get_workflow().start(theme, publisher)
    client.force_login(publisher)
    response = bulk(client, "publish", theme, next_url)
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_home")
    # An address on this site is kept.
    response = bulk(client, "publish", theme, "/admin/pages/")
    assert response["Location"] == "/admin/pages/"


@pytest.mark.parametrize("action", ["publish", "delete"])
def test_other_refused_bulk_actions_never_leave_the_site(client, staff, action):
    theme = ThemePage.objects.get(slug="belonging-and-agency")
    theme.title = "An editor's draft"
    theme.save_revision(user=staff[EDITORS])
    theme.get_workflow().start(theme, staff[EDITORS])
    user = staff[PUBLISHERS] if action == "publish" else staff[EDITORS]
    client.force_login(user)
    response = bulk(client, action, theme, EVIL)
    assert response.status_code == 302
    assert not response["Location"].startswith(("http", "//"))
