"""Review finding (LOW-MED): anonymous visitors created a database row for every new wording
they searched for (100 searches, 100 rows), and editors' "Searches that found nothing"
listed whatever text they chose. Now a search that finds nothing is counted only within its
client's allowance (a sliding hour, and a few new wordings a day: sitesearch/counting.py),
the report lists only wordings searched at least twice, and nothing is counted while the
shared cache is unreachable, while the search itself is always answered."""

import pytest

from sitesearch.models import UnansweredSearch
from tests.security.test_counters_fail_closed import unreachable_shared_cache  # noqa: F401

pytestmark = pytest.mark.django_db

REPORT = "/admin/reports/searches-that-found-nothing/"


def nothing_found(client, words, address="198.51.100.7"):
    response = client.get("/search/", {"q": words}, REMOTE_ADDR=address)
    assert response.status_code == 200
    assert "No pages found" in response.content.decode()


def test_one_client_adds_only_a_few_new_wordings_a_day(client, site_home, settings):
    settings.SEARCH_NO_RESULTS_NEW_TERMS_PER_DAY = 3
    for number in range(20):
        nothing_found(client, f"made up wording {number}")
    assert UnansweredSearch.objects.count() == 3
    # Wordings already counted today are still counted.
    nothing_found(client, "made up wording 0")
    assert UnansweredSearch.objects.get(query_string="made up wording 0").hits == 2
    # Another visitor has an allowance of their own.
    nothing_found(client, "quadrangle", address="192.0.2.44")
    assert UnansweredSearch.objects.filter(query_string="quadrangle").exists()


def test_one_client_is_counted_only_so_often(client, site_home, settings):
    settings.SEARCH_NO_RESULTS_PER_HOUR = 5
    for _ in range(12):
        nothing_found(client, "quadrangle")
    assert UnansweredSearch.objects.get().hits == 5
    nothing_found(client, "quadrangle", address="192.0.2.44")
    assert UnansweredSearch.objects.get().hits == 6


def test_the_report_lists_only_wordings_searched_more_than_once(admin_client, client, site_home):
    nothing_found(client, "buy cheap pills at spam example")
    nothing_found(client, "quadrangle")
    nothing_found(client, "quadrangle", address="192.0.2.44")
    report = admin_client.get(REPORT).content.decode()
    assert "quadrangle" in report
    assert "spam example" not in report


def test_nothing_is_counted_while_the_shared_cache_is_down(
    client,
    site_home,
    unreachable_shared_cache,  # noqa: F811
):
    for _ in range(3):
        nothing_found(client, "quadrangle")
    assert not UnansweredSearch.objects.exists()
