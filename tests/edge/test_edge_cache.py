"""The edge cache (deploy/varnish/default.vcl, a real varnishd) in front of the live server
(issue 19, acceptance 1): anonymous pages come from the edge, publishing purges them, and
drafts, previews, signed-in editors and form posts always reach the app."""

import re

import pytest
from django.test import Client
from django.utils.crypto import get_random_string

from devtools.edgestack import Varnish
from getinvolved.models import InterestFormPage, InterestSubmission
from tests.edge.http import fetch
from tests.edge.test_production_chain import wait_for
from tests.getinvolved.formhelpers import TOKEN_RE, register_answers
from themes.models import ThemePage

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

THEME_1 = "/belonging-and-leadership/"
CSRF_RE = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


def theme_1():
    return ThemePage.objects.get(url_path__endswith=THEME_1)


def test_an_anonymous_page_comes_from_the_edge_until_a_change_is_published(edge, starter_site):
    first = fetch(edge.url, THEME_1)
    assert (first.status, first.headers["X-Cache"]) == (200, "MISS")
    # Cookies the app does not read (analytics) or that do not change a public page
    # (csrftoken) do not keep a visitor from the cached copy.
    cookies = {"_ga": "GA1.1.123.456", "csrftoken": get_random_string(32)}
    second = fetch(edge.url, THEME_1, cookies=cookies)
    assert (second.status, second.headers["X-Cache"]) == (200, "HIT")
    assert "Age" in second.headers
    assert second.text == first.text
    # Varnish adds a worker thread's counters to the totals a moment later: read until then.
    assert wait_for(lambda: edge.counters()["MAIN.cache_hit"] >= 1)

    page = theme_1()
    page.title = "Leadership, published through the edge"
    page.save_revision().publish()  # Wagtail purges the page from the edge (PURGE)

    third = fetch(edge.url, THEME_1)
    assert third.headers["X-Cache"] == "MISS"
    assert "Leadership, published through the edge" in third.text
    assert fetch(edge.url, THEME_1).headers["X-Cache"] == "HIT"
    assert "Leadership, published through the edge" in fetch(edge.url, "/").text


def test_drafts_previews_and_signed_in_editors_never_reach_the_edge(
    edge, starter_site, django_user_model
):
    fetch(edge.url, THEME_1)
    assert fetch(edge.url, THEME_1).headers["X-Cache"] == "HIT"
    page = theme_1()
    page.title = "Only in the draft"
    page.save_revision()
    assert "Only in the draft" not in fetch(edge.url, THEME_1).text

    editor = django_user_model.objects.create_superuser("editor", "editor@example.org", "x")
    signed_in = Client()
    signed_in.force_login(editor)
    session = {"sessionid": signed_in.cookies["sessionid"].value}
    for _ in range(2):
        preview = fetch(edge.url, f"/admin/pages/{page.pk}/view_draft/", cookies=session)
        assert preview.status == 200
        assert "Only in the draft" in preview.text
        assert preview.headers["X-Cache"] == "MISS"
        own = fetch(edge.url, THEME_1, cookies=session)
        assert own.headers["X-Cache"] == "MISS"
        assert "wagtail-userbar" in own.text
        assert "private" in own.headers["Cache-Control"]

    visitor = fetch(edge.url, THEME_1)
    assert visitor.headers["X-Cache"] == "HIT"
    assert "Only in the draft" not in visitor.text
    assert "wagtail-userbar" not in visitor.text


def test_form_pages_and_posts_always_reach_the_app(edge, starter_site):
    form = InterestFormPage.objects.get(slug="register-your-interest")
    for number in range(2):
        shown = fetch(edge.url, form.url)
        assert (shown.status, shown.headers["X-Cache"]) == (200, "MISS")
        answers = {
            **register_answers(email_address=f"member{number}@example.org"),
            "form-token": TOKEN_RE.search(shown.text).group(1),
            "csrfmiddlewaretoken": CSRF_RE.search(shown.text).group(1),
        }
        sent = fetch(edge.url, form.url, method="POST", data=answers, cookies=shown.cookies)
        assert sent.status == 302, sent.text[:2000]
        assert sent.headers["X-Cache"] == "MISS"
    assert InterestSubmission.objects.filter(page=form).count() == 2


def test_only_the_apps_addresses_may_purge(live_server, starter_site):
    port = int(live_server.url.rsplit(":", 1)[1])
    varnish = Varnish([port], purgers=("192.0.2.10",)).start()  # not this machine
    try:
        fetch(varnish.url, THEME_1)
        assert fetch(varnish.url, THEME_1).headers["X-Cache"] == "HIT"
        assert fetch(varnish.url, THEME_1, method="PURGE").status == 405
        assert fetch(varnish.url, THEME_1).headers["X-Cache"] == "HIT"
    finally:
        varnish.stop()
