"""Issue 15, finding 2 (first half): one visitor cannot fill the page cache.

The key was the whole address, so each made-up query parameter stored a page of its own. Now
the key holds only the parameters a page answers by (the case-study index's filters), and a
page is stored only for values the page accepted: made-up parameters and values read the
canonical entry or are rendered without being stored. Counted in a real redis-server."""

import pytest
import redis
from django.core.cache import caches

from casestudies.filters import FILTERS_FROM
from casestudies.models import CaseStudyIndexPage, CaseStudyPage
from pagecache.caching import PAGE_KEY_PREFIX
from pagecache.shared_cache import FailOpenRedisCache
from tests.factories import CaseStudyPageFactory

pytestmark = pytest.mark.django_db

THEME_1 = "/belonging-and-leadership/"
INDEX = "/case-studies/"
FLOOD = 300  # distinct made-up query strings


@pytest.fixture
def shared_redis(settings, redis_server, monkeypatch):
    """The shared cache as production has it, on the real Redis server."""
    monkeypatch.setattr(FailOpenRedisCache, "_down_until", 0.0)
    monkeypatch.setattr(FailOpenRedisCache, "_was_down", False)
    settings.CACHES = {
        **settings.CACHES,
        "shared": {
            "BACKEND": "pagecache.shared_cache.FailOpenRedisCache",
            "LOCATION": redis_server.url,
            "OPTIONS": {"socket_connect_timeout": 0.25, "socket_timeout": 0.25},
        },
    }
    yield redis.Redis.from_url(redis_server.url)
    caches["shared"].close()


@pytest.fixture
def filtered_index(starter_site):
    """The starter site with enough case studies for the index to offer its filters."""
    index = CaseStudyIndexPage.objects.get()
    for number in range(FILTERS_FROM):
        CaseStudyPageFactory(parent=index, title=f"Example school {number}")
    return starter_site


def stored_pages(server):
    return sum(1 for _ in server.scan_iter(match=f"*{PAGE_KEY_PREFIX}*", count=1000))


def cache_status(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response["X-Page-Cache"]


def made_up(number):
    """A query string a visitor made up: unknown parameters, and the filters' own names with
    values no page accepts, on a page that reads them and on one that does not."""
    return [
        f"{THEME_1}?utm_source=n{number}",
        f"{THEME_1}?x{number}=1",
        f"{THEME_1}?theme={number}",
        f"{INDEX}?region=nowhere-{number}",
        f"{INDEX}?theme={10**6 + number}&phase=primary",
        f"{INDEX}?region=london&junk={number}",
        f"{INDEX}?region=&phase=&theme=&n={number}",
        f"{INDEX}?region=london&region=n{number}",
    ][number % 8]


def test_made_up_query_strings_add_no_page_entries(client, filtered_index, shared_redis):
    region = CaseStudyPage.objects.live().first().region
    addresses = [THEME_1, INDEX, f"{INDEX}?region={region}"]
    for address in addresses:
        assert cache_status(client, address) == "miss"
        assert cache_status(client, address) == "hit"
    stored = stored_pages(shared_redis)
    assert stored == len(addresses)

    for number in range(FLOOD):
        cache_status(client, made_up(number))
    assert stored_pages(shared_redis) == stored

    # Parameters no page reads share the page's entry; the valid filter keeps its own.
    assert cache_status(client, f"{THEME_1}?utm_source=newsletter&fbclid=abc") == "hit"
    assert cache_status(client, f"{INDEX}?phase=&region={region}") == "hit"
    assert cache_status(client, f"{INDEX}?region={region}") == "hit"


def test_an_invalid_filter_value_is_answered_but_not_stored(client, filtered_index, shared_redis):
    assert cache_status(client, INDEX) == "miss"
    for _ in range(2):
        response = client.get(f"{INDEX}?theme=99999999")
        assert response.status_code == 200 and response["X-Page-Cache"] == "miss"
        assert "Select a valid choice" in response.content.decode()
    # ...and the canonical page is not the one with the error under its field.
    assert "Select a valid choice" not in client.get(INDEX).content.decode()
    assert stored_pages(shared_redis) == 1
