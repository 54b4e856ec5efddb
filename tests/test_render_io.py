"""Uncached renders of every public page type make no connection but the database's
(issue 10, acceptance 6): no video provider, no storage service, no cache server.

The guard replaces Python's socket connections while the pages render: any connection to an
address other than the database's fails the test. (The PostgreSQL driver connects from C,
and is connected before the guard starts; SQLite has no socket.) One page's video provider is
Wagtail's real oEmbed finder pointed at a local port where nothing listens: if a render asked
it anything, the guard would see the attempt."""

import socket

import pytest
from django.conf import settings as django_settings
from django.core.cache import caches
from wagtail.embeds.models import Embed
from wagtail.models import Page

from tests.videos import publish_theme_1_video

pytestmark = pytest.mark.django_db

NOWHERE = "http://127.0.0.1:9/oembed"  # the discard port: nothing answers oEmbed there
PAGE_TYPES = {
    "HomePage",
    "ThemePage",
    "CaseStudyIndexPage",
    "CaseStudyPage",
    "StandardPage",
    "InterestFormPage",
}


def database_addresses():
    database = django_settings.DATABASES["default"]
    host = database.get("HOST") or ""
    if not host:
        return set()
    port = int(database.get("PORT") or 5432)
    return {(address[4][0], port) for address in socket.getaddrinfo(host, port)}


@pytest.fixture
def socket_guard(monkeypatch):
    """Inside the test, a connection to anything but the database fails the test (and is
    listed in the returned list, in case something swallows the failure)."""
    allowed = database_addresses()
    attempts = []
    real_connect = socket.socket.connect
    real_connect_ex = socket.socket.connect_ex

    def check(address):
        if isinstance(address, tuple) and address[:2] in allowed:
            return
        attempts.append(address)
        pytest.fail(f"a connection to {address!r} while rendering")

    def connect(sock, address):
        check(address)
        return real_connect(sock, address)

    def connect_ex(sock, address):
        check(address)
        return real_connect_ex(sock, address)

    def create_connection(address, *args, **kwargs):
        check(address)
        raise AssertionError("unreachable: check() fails first")

    monkeypatch.setattr(socket.socket, "connect", connect)
    monkeypatch.setattr(socket.socket, "connect_ex", connect_ex)
    monkeypatch.setattr(socket, "create_connection", create_connection)
    return attempts


@pytest.fixture
def unreachable_provider(settings):
    settings.WAGTAILEMBEDS_FINDERS = [
        {
            "class": "wagtail.embeds.finders.oembed",
            "providers": [{"endpoint": NOWHERE, "urls": [r"^https://video\.test/watch/.+$"]}],
        }
    ]


def every_public_page():
    """One URL per public page type, the form's thank-you page and the 404 page."""
    urls = {}
    for page in Page.objects.live().filter(depth__gt=1).specific().order_by("path"):
        urls.setdefault(type(page).__name__, page.url)
    assert set(urls) >= PAGE_TYPES
    return {
        **urls,
        "thank-you": urls["InterestFormPage"] + "thank-you/",
        "404": "/no-such-page/",
    }


def test_the_guard_fails_a_render_that_connects(client, starter_site, socket_guard):
    with pytest.raises(pytest.fail.Exception):
        socket.create_connection(("127.0.0.1", 9))
    assert socket_guard == [("127.0.0.1", 9)]


def test_every_public_page_type_renders_with_no_connection_but_the_database(
    client, starter_site, unreachable_provider, monkeypatch, request
):
    # The editor's video, looked up at publish time from a provider that cannot be reached:
    # nothing is stored, and the page shows a link to the video.
    theme = publish_theme_1_video("https://video.test/watch/unreachable")
    assert not Embed.objects.exists()
    urls = every_public_page()
    for url in urls.values():
        client.get(url)  # the first views make the image renditions, as on a real server

    attempts = request.getfixturevalue("socket_guard")
    caches["shared"].clear()  # every render below is uncached
    for name, url in urls.items():
        response = client.get(url)
        assert response.status_code == (404 if name == "404" else 200), name
        assert response.get("X-Page-Cache") != "hit", name
    assert "https://video.test/watch/unreachable" in client.get(theme.url).content.decode()
    assert attempts == []
