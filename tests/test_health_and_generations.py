"""The health check the edge cache asks (pagecache/outage.py), and what each process keeps for
itself is retired by the first content generation it sees too (pagecache/caching.py; issue 19)."""

import pytest
from wagtail.models import Site

from pagecache.caching import PageCacheMiddleware

pytestmark = pytest.mark.django_db


def test_the_health_check_answers_without_the_database_or_a_known_host(
    client, django_assert_num_queries
):
    with django_assert_num_queries(0):
        response = client.get("/health/", HTTP_HOST="not-an-allowed-host.example")
    assert response.status_code == 200
    assert response.content == b"ok\n"
    assert response["Cache-Control"] == "no-store"


def test_site_root_paths_read_before_the_first_generation_a_process_sees_are_dropped(
    client, starter_site, monkeypatch
):
    monkeypatch.setattr(PageCacheMiddleware, "seen_generation", None)  # a process just started
    Site.get_site_root_paths()  # read, e.g. while Redis was down
    # Another process renames the site (update(): no signal reaches this process).
    Site.objects.filter(is_default_site=True).update(hostname="renamed.example.org")
    client.get("/belonging-and-leadership/")
    assert [path.root_url for path in Site.get_site_root_paths()] == ["http://renamed.example.org"]
