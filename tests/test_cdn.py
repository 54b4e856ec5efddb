"""The CDN in front of the site is told when pages change (wagtail.contrib.frontend_cache),
configured from the environment (issue 10, acceptance 2). The CDN here is a local HTTP server,
run in a thread, that records the PURGE requests a Varnish or nginx would receive."""

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.db import transaction
from wagtail.models import Page

from core.models import ReusableCallToAction
from tests.production import production_settings
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
    assert production_settings("WAGTAILFRONTENDCACHE") == {"WAGTAILFRONTENDCACHE": {}}
    http = production_settings("WAGTAILFRONTENDCACHE", CDN_PURGE_URL="http://127.0.0.1:6081")
    assert http["WAGTAILFRONTENDCACHE"] == {
        "http": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": "http://127.0.0.1:6081",
        }
    }
    cloudflare = production_settings(
        "WAGTAILFRONTENDCACHE", CLOUDFLARE_ZONE_ID="zone", CLOUDFLARE_BEARER_TOKEN="token"
    )
    assert cloudflare["WAGTAILFRONTENDCACHE"]["cloudflare"]["ZONEID"] == "zone"
    cloudfront = production_settings("WAGTAILFRONTENDCACHE", CLOUDFRONT_DISTRIBUTION_ID="E123")
    assert cloudfront["WAGTAILFRONTENDCACHE"]["cloudfront"]["DISTRIBUTION_ID"] == "E123"
