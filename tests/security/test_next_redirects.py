"""No open redirect through ``next=``: when a bulk action is refused, the admin sends people
back to ``next`` only if it is an address on this site (Wagtail's
get_valid_next_url_from_request), else to the dashboard or the page's section."""

import io

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.urls import reverse

from staff.names import EDITORS, PUBLISHERS
from themes.models import ThemePage

pytestmark = pytest.mark.django_db

EVIL = "https://evil.example/phish"


@pytest.fixture
def people(starter_site, django_user_model):
    call_command("setup_groups", stdout=io.StringIO())
    found = {}
    for name in (EDITORS, PUBLISHERS):
        found[name] = django_user_model.objects.create_user(name.lower())
        found[name].groups.add(Group.objects.get(name=name))
    return found


def bulk(client, action, page, next_url):
    url = reverse("wagtail_bulk_action", args=["wagtailcore", "page", action])
    return client.post(f"{url}?id={page.pk}&next={next_url}", {"include_descendants": ""})


@pytest.mark.parametrize("next_url", [EVIL, "//evil.example/", "https:evil.example"])
def test_a_refused_bulk_publish_never_leaves_the_site(client, people, next_url):
    publisher = people[PUBLISHERS]
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
def test_other_refused_bulk_actions_never_leave_the_site(client, people, action):
    theme = ThemePage.objects.get(slug="belonging-and-agency")
    theme.title = "An editor's draft"
    theme.save_revision(user=people[EDITORS])
    theme.get_workflow().start(theme, people[EDITORS])
    user = people[PUBLISHERS] if action == "publish" else people[EDITORS]
    client.force_login(user)
    response = bulk(client, action, theme, EVIL)
    assert response.status_code == 302
    assert not response["Location"].startswith(("http", "//"))
