"""The CDN in front of the site is told when pages change (wagtail.contrib.frontend_cache),
configured from the environment (issue 10, acceptance 2). The CDN here is a local HTTP server,
run in a thread, that records the PURGE requests a Varnish or nginx would receive."""

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.db import transaction
from django.test import Client
from wagtail.models import Page

from casestudies.models import CaseStudyPage
from core.models import ReusableCallToAction
from tests.embeds import video_url
from tests.production import settings_under
from tests.videos import edit_theme_1, publish_theme_1_video, theme_1
from themes.models import ThemePage

pytestmark = pytest.mark.django_db


class PurgeRecorder(BaseHTTPRequestHandler):
    def do_PURGE(self):  # noqa: N802 - the HTTP method's name
        self.server.purged.append((self.headers["Host"], self.path))
        self.send_response(200)
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def cdn(settings):
    server = ThreadingHTTPServer(("127.0.0.1", 0), PurgeRecorder)
    server.purged = []
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    settings.WAGTAILFRONTENDCACHE = {
        "http": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": f"http://127.0.0.1:{server.server_address[1]}",
        }
    }
    yield server
    server.shutdown()
    server.server_close()


def test_publishing_a_page_purges_it_from_the_cdn(cdn, starter_site):
    page = ThemePage.objects.get(url_path__endswith="/belonging-and-leadership/")
    cdn.purged.clear()
    page.title = "Theme 1, edited"
    page.save_revision().publish()
    host = page.get_site().hostname
    assert (host, "/belonging-and-leadership/") in cdn.purged


def test_unpublishing_a_page_purges_it(cdn, starter_site):
    page = ThemePage.objects.get(url_path__endswith="/belonging-and-culture/")
    cdn.purged.clear()
    page.unpublish()
    assert any(path == "/belonging-and-culture/" for _, path in cdn.purged)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_shared_snippet_change_purges_every_live_page_once_committed(cdn, starter_site):
    cdn.purged.clear()
    with transaction.atomic():  # as the snippet editor saves: one transaction
        call_to_action = ReusableCallToAction.objects.first()
        call_to_action.heading = "Shared and changed"
        call_to_action.save()
        call_to_action.save()
        assert cdn.purged == [], "nothing is purged before the change is committed"
    live = {page.url for page in Page.objects.live().filter(depth__gt=1).specific()}
    assert live <= {path for _, path in cdn.purged}
    assert len(cdn.purged) == len(set(cdn.purged)), "each page purged once"


def test_the_cdn_is_configured_from_the_environment():
    none, http, cloudflare, cloudfront = settings_under(
        (["WAGTAILFRONTENDCACHE"], {}),
        (["WAGTAILFRONTENDCACHE"], {"CDN_PURGE_URL": "http://127.0.0.1:6081"}),
        (
            ["WAGTAILFRONTENDCACHE"],
            {"CLOUDFLARE_ZONE_ID": "zone", "CLOUDFLARE_BEARER_TOKEN": "token"},
        ),
        (["WAGTAILFRONTENDCACHE"], {"CLOUDFRONT_DISTRIBUTION_ID": "E123"}),
    )
    assert none == {"WAGTAILFRONTENDCACHE": {}}
    assert http["WAGTAILFRONTENDCACHE"] == {
        "http": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": "http://127.0.0.1:6081",
        }
    }
    assert cloudflare["WAGTAILFRONTENDCACHE"]["cloudflare"]["ZONEID"] == "zone"
    assert cloudfront["WAGTAILFRONTENDCACHE"]["cloudfront"]["DISTRIBUTION_ID"] == "E123"


# Invalidation by publishing events (issue 16, acceptance 1)


@pytest.fixture
def superuser_client(client, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("chief", "c@example.org", "pw"))
    return client


# Transactional: the CDN is purged once the change is committed.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_draft_save_and_an_autosave_keep_every_cached_page_and_purge_nothing(
    cdn, starter_site, superuser_client
):
    # Theme 1's video already looked up, as after its first publication: saving it again
    # asks the provider nothing new.
    publish_theme_1_video(video_url("krissi-carter"))
    visitor = Client()
    pages = [p.url for p in Page.objects.live().filter(depth__gt=1).specific()]
    for url in pages:
        visitor.get(url)
    # Form pages are never cached (each display carries its own token).
    cached = [url for url in pages if visitor.get(url)["X-Page-Cache"] == "hit"]
    assert {"/", theme_1().url} <= set(cached) and len(cached) >= 8
    cdn.purged.clear()

    draft = edit_theme_1(superuser_client, video_url("krissi-carter"))[1]
    autosave = edit_theme_1(
        superuser_client, video_url("krissi-carter"), headers={"Accept": "application/json"}
    )[1]
    assert draft.status_code in (200, 302) and autosave.json()["success"]
    assert theme_1().has_unpublished_changes

    assert {url: visitor.get(url)["X-Page-Cache"] for url in cached} == dict.fromkeys(cached, "hit")
    assert cdn.purged == []

    page = theme_1()
    page.title = "Theme 1, published"
    page.save_revision().publish()
    response = visitor.get(page.url)
    assert response["X-Page-Cache"] == "miss" and "Theme 1, published" in response.content.decode()
    assert "Theme 1, published" in visitor.get("/").content.decode()  # the menu and the card
    assert (page.get_site().hostname, page.url) in cdn.purged


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_publishing_a_case_study_purges_the_pages_that_show_it_and_no_others(cdn, starter_site):
    case_study = CaseStudyPage.objects.live().first()
    cdn.purged.clear()
    case_study.title = f"{case_study.title}, revised"
    case_study.save_revision().publish()

    purged = {path for _, path in cdn.purged}
    themes = {theme.url for theme in ThemePage.objects.live()}
    assert {case_study.url, case_study.get_parent().url, "/"} | themes <= purged
    live = {p.url for p in Page.objects.live().filter(depth__gt=1).specific()}
    assert purged < live, "pages that do not show the case study are not purged"
