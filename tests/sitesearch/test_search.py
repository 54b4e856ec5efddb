"""Site search (acceptance 5): a case study is found by its school, its town and a word of
its body, with its summary; promoted results come first; a search that finds nothing offers
other ways in and is counted per day for editors, with nothing about the visitor stored;
the counts are kept for a stated time; bad input never fails; the index follows the worker."""

import io

import pytest
from bs4 import BeautifulSoup
from django.contrib.sessions.models import Session
from django.core.management import call_command
from django_tasks_db.management.commands import db_worker
from wagtail.contrib.search_promotions.models import Query, SearchPromotion

from sitesearch.models import UnansweredSearch
from tests.factories import CaseStudyPageFactory
from tests.sitesearch.conftest import BODY_WORD, SCHOOL, TOWN
from tests.tasks import run_due_tasks

pytestmark = pytest.mark.django_db

VISITOR_ADDRESS = "203.0.113.77"
VISITOR_AGENT = "VisitorBrowser/9.9 (unique-agent-marker)"


def search(client, words, **extra):
    response = client.get("/search/", {"q": words, **extra})
    assert response.status_code == 200
    return response, BeautifulSoup(response.content, "html.parser")


def result_titles(doc):
    return [h2.get_text(strip=True) for h2 in doc.select(".search-result__title")]


@pytest.mark.parametrize("words", [SCHOOL, "Larkspur", TOWN, BODY_WORD, "ORCHARD tree"])
def test_a_case_study_is_found_by_its_school_town_and_body(client, larkspur, words):
    response, doc = search(client, words)
    assert result_titles(doc) == [larkspur.title]
    result = doc.select_one(".search-result")
    assert result.find("a")["href"] == larkspur.url
    assert "How pupils and staff planted a shared space." in result.get_text()
    assert "1 page found" in doc.find(attrs={"role": "status"}).get_text()


def test_drafts_and_unpublished_pages_are_not_found(client, larkspur, case_study_index):
    draft = CaseStudyPageFactory(parent=case_study_index, school_name="Quillon Hythe School")
    draft.unpublish()
    larkspur.unpublish()
    for words in ("Quillon", TOWN):
        _, doc = search(client, words)
        assert result_titles(doc) == []


def test_the_header_has_a_search_form_that_needs_no_javascript(client, larkspur):
    doc = BeautifulSoup(client.get(larkspur.url).content, "html.parser")
    form = doc.select_one("header form[role=search]")
    assert form["action"] == "/search/" and form["method"] == "get"
    field = form.find("input", attrs={"name": "q"})
    assert doc.find("label", attrs={"for": field["id"]}).get_text(strip=True)
    assert form.find("button", attrs={"type": "submit"})


def test_a_search_that_finds_nothing_suggests_and_is_counted_without_the_visitor(client, larkspur):
    headers = {"REMOTE_ADDR": VISITOR_ADDRESS, "HTTP_USER_AGENT": VISITOR_AGENT}
    for words in ("Zebra  crossings", "zebra crossings"):
        response = client.get("/search/", {"q": words}, **headers)
        assert response.status_code == 200
        assert not response.cookies
        assert "no-cache" in response["Cache-Control"]
    doc = BeautifulSoup(response.content, "html.parser")
    assert "No pages found for “zebra crossings”" in doc.get_text()
    suggestions = [a.get_text(strip=True) for a in doc.select("main li a")]
    assert "Overview" in suggestions

    (count,) = UnansweredSearch.objects.values("query_string", "hits")
    assert count == {"query_string": "zebra crossings", "hits": 2}
    # Nothing about who searched: no session, and their address and browser nowhere.
    assert not Session.objects.exists()
    dump = io.StringIO()
    call_command("dumpdata", stdout=dump)
    assert VISITOR_ADDRESS not in dump.getvalue()
    assert "unique-agent-marker" not in dump.getvalue()
    assert {f.name for f in UnansweredSearch._meta.get_fields()} == {
        "id",
        "query_string",
        "date",
        "hits",
    }

    search(client, TOWN)  # found: not counted
    assert UnansweredSearch.objects.count() == 1


def test_counts_are_kept_for_the_stated_number_of_days(client, settings):
    import datetime

    from django.utils import timezone

    settings.SEARCH_NO_RESULTS_KEEP_DAYS = 30
    today = timezone.localdate()
    UnansweredSearch.objects.create(query_string="old", date=today - datetime.timedelta(30), hits=4)
    UnansweredSearch.objects.create(query_string="kept", date=today - datetime.timedelta(29))
    search(client, "nothing here")
    assert set(UnansweredSearch.objects.values_list("query_string", flat=True)) == {
        "kept",
        "nothing here",
    }


def test_editors_promoted_results_come_first(client, larkspur, get_involved):
    query = Query.get("Volunteering")
    SearchPromotion.objects.create(
        query=query, page=get_involved, description="Tell the union you want to help.", sort_order=0
    )
    _, doc = search(client, "volunteering")
    promoted = doc.select_one(".search-result--promoted")
    assert promoted.find("a")["href"] == get_involved.url
    assert "Tell the union you want to help." in promoted.get_text()
    assert not UnansweredSearch.objects.exists()  # editors answered it

    SearchPromotion.objects.create(query=Query.get(TOWN), page=get_involved, sort_order=0)
    _, doc = search(client, TOWN)
    assert result_titles(doc) == [get_involved.title, larkspur.title]


def test_editors_see_the_counts_in_the_reports_menu(admin_client, client, site_home):
    # Listed once searched twice (a one-off wording is not: tests/security/test_search_counts.py)
    search(client, "quadrangle")
    search(client, "quadrangle")
    report = admin_client.get("/admin/reports/searches-that-found-nothing/")
    assert report.status_code == 200
    assert "quadrangle" in report.content.decode()
    assert "Searches that found nothing" in admin_client.get("/admin/").content.decode()


@pytest.mark.parametrize(
    "params",
    [
        {"q": "x" * 5000},
        {"q": "\"'():*&|!<>\\ -- ; DROP TABLE"},
        {"q": "orchard", "page": "abc"},
        {"q": "orchard", "page": "99999"},
        {"q": "   "},
        {},
        {"q": "\x00"},
        {"q": "--- ' \" ***"},
        {"q": "NOT OR AND NEAR"},
    ],
)
def test_bad_input_never_fails(client, larkspur, params):
    response = client.get("/search/", params)
    assert response.status_code == 200
    assert client.post("/search/", params).status_code == 405


def test_the_index_follows_the_task_worker(client, case_study_index, settings, monkeypatch):
    """Wagtail indexes a saved page in a background task: with the worker, new pages are
    found. (The worker closes connections between tasks: here it keeps the test's.)"""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    monkeypatch.setattr(db_worker, "close_old_connections", lambda: None)
    page = CaseStudyPageFactory(
        parent=case_study_index, school_name="Tamsin Reach Academy", publish=True
    )
    _, doc = search(client, "Tamsin")
    assert result_titles(doc) == []  # queued, not yet indexed
    run_due_tasks()
    _, doc = search(client, "Tamsin")
    assert result_titles(doc) == [page.title]
