"""Acceptance 3: the page cache and the CDN give each language its own address and entry,
and nothing varies on language (no ``Vary: Accept-Language``); and each process's own
caches follow the Welsh tree (pagecache/caching.py, bilingual/processes.py)."""

import pytest
from django.core.cache import cache
from django.db import transaction
from django.test import RequestFactory
from wagtail.models import Site
from wagtail.models.sites import SITE_ROOT_PATHS_CACHE_KEY, SITE_ROOT_PATHS_CACHE_VERSION

from bilingual.translation import welsh_copy
from pagecache.caching import GENERATION_KEY, PageCacheMiddleware, page_key
from pagecache.shared_cache import get_shared_cache
from tests.factories import make_welsh_twin
from tests.test_cdn import cdn  # noqa: F401 - the recording CDN fixture

pytestmark = pytest.mark.django_db


def vary(response):
    return {part.strip().lower() for part in response.get("Vary", "").split(",") if part.strip()}


def test_no_page_varies_on_language(client, welsh_page_tree):
    for url in ("/", "/cy/", "/belonging-and-culture/", "/cy/belonging-and-culture/"):
        response = client.get(url, HTTP_ACCEPT_LANGUAGE="cy, en-GB;q=0.5")
        assert response.status_code == 200, url
        assert "accept-language" not in vary(response), url
        assert "Content-Language" not in response, url
        assert "public" in response["Cache-Control"], url


def test_each_language_has_its_own_cache_entry(client, welsh_page_tree):
    factory = RequestFactory()
    assert page_key(factory.get("/")) != page_key(factory.get("/cy/"))
    assert client.get("/")["X-Page-Cache"] == "miss"
    assert client.get("/cy/")["X-Page-Cache"] == "miss"
    english, welsh = client.get("/"), client.get("/cy/")
    assert english["X-Page-Cache"] == welsh["X-Page-Cache"] == "hit"
    assert b'<html lang="en-GB">' in english.content and b"Trosolwg" not in english.content
    assert b'<html lang="cy">' in welsh.content and b"Trosolwg" in welsh.content
    # Asking in Welsh at the English address still gets the English entry.
    assert b'<html lang="en-GB">' in client.get("/", HTTP_ACCEPT_LANGUAGE="cy").content


def test_publishing_a_welsh_page_purges_its_welsh_address_and_its_english_twin(
    cdn,  # noqa: F811
    welsh_page_tree,
    django_capture_on_commit_callbacks,
):
    welsh = welsh_page_tree.cy.theme
    # The purges the fixture's pages queued wait for the test's own transaction: drop them,
    # so that this publish collects its pages in a purge of its own.
    transaction.get_connection().run_on_commit.clear()
    cdn.purged.clear()
    welsh.title = "Thema 2, wedi'i golygu"
    with django_capture_on_commit_callbacks(execute=True):
        welsh.save_revision().publish()
    purged = {path for _, path in cdn.purged}
    # The Welsh page, its ancestors, and its English twin (whose switcher names it).
    assert {"/cy/belonging-and-culture/", "/cy/", "/belonging-and-culture/"} <= purged
    assert "None" not in " ".join(purged)


def test_site_root_paths_read_before_the_welsh_overview_are_dropped_at_the_first_generation(
    client, page_tree, monkeypatch
):
    # A web process read the site root paths before the Welsh overview existed...
    stale = Site.get_site_root_paths()
    make_welsh_twin(page_tree.home, "Trosolwg")
    make_welsh_twin(page_tree.theme, "Thema 2")
    # ...(another process made the Welsh pages: this one still holds its old copy)...
    cache.set(SITE_ROOT_PATHS_CACHE_KEY, stale, 3600, version=SITE_ROOT_PATHS_CACHE_VERSION)
    # ...and now serves its first request, under the generation the others already use.
    monkeypatch.setattr(PageCacheMiddleware, "seen_generation", None)
    html = client.get("/cy/belonging-and-culture/").content.decode()
    assert 'hreflang="cy" href="http://testserver/cy/belonging-and-culture/"' in html
    assert 'href="None"' not in html and "/None" not in html
    html = client.get("/belonging-and-culture/").content.decode()
    assert 'href="http://testserver/cy/belonging-and-culture/" lang="cy"' in html


def test_creating_the_welsh_overview_starts_a_new_generation(
    client, page_tree, django_capture_on_commit_callbacks
):
    client.get("/")  # this process has seen the current generation
    before = get_shared_cache().get(GENERATION_KEY)
    Site.get_site_root_paths()
    with django_capture_on_commit_callbacks(execute=True):
        welsh_copy(page_tree.home)  # a draft: nothing visitors see changed, but the roots did
    assert get_shared_cache().get(GENERATION_KEY) != before
    # Any other process drops its site root paths on its next request.
    stale = [path for path in Site.get_site_root_paths() if path.language_code != "cy"]
    cache.set(SITE_ROOT_PATHS_CACHE_KEY, stale, 3600, version=SITE_ROOT_PATHS_CACHE_VERSION)
    client.get("/")
    assert {path.language_code for path in Site.get_site_root_paths()} == {"en-gb", "cy"}
