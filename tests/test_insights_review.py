"""Outside review of the page-view counter and its reports: every beacon spends its client's
allowance before anything is looked up; referrers are host names of sites, never IP
addresses; one client can add only a few new referring hosts a day; the report lists only
hosts with a few views; each report names itself in its visible heading; and those who may
not read a report are told why and whom to ask."""

import io
from datetime import timedelta

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group
from django.core.cache import caches
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import Page

from insights.models import PageViewDay, ReferrerDay
from staff.names import EDITORS, MEMBERSHIP_TEAM, REVIEWERS
from tests.test_insights import BEACON, THEME_1, beacon, tables_of

pytestmark = pytest.mark.django_db
PAGE_VIEWS = "/admin/insights/page-views/"
FORM_RESPONSES = "/admin/insights/form-responses/"
MINUTE = 1_800_000_000  # all within one minute, whenever the test runs


@pytest.fixture(autouse=True)
def fresh_shared_cache():
    caches["shared"].clear()


@pytest.fixture
def theme(starter_site):
    return Page.objects.get(url_path__endswith=THEME_1)


@pytest.fixture
def one_minute(monkeypatch):
    monkeypatch.setattr("insights.counting.clock", lambda: MINUTE + 1.5)


def test_beacons_naming_no_live_page_spend_the_allowance_too(client, theme, settings, one_minute):
    settings.INSIGHTS_BEACONS_PER_MINUTE = 3
    assert [beacon(client, "99999999").status_code for _ in range(3)] == [400, 400, 400]
    assert client.post(BEACON, {"page": theme.pk}).status_code == 429  # no origin either
    assert beacon(client, theme.pk).status_code == 429
    assert not PageViewDay.objects.exists()


@pytest.mark.parametrize(
    "ref", ["10.0.0.5", "192.168.1.20", "localhost", "[::1]", "2001:db8::1", "intranet", "a..b"]
)
def test_addresses_and_bare_names_are_not_referring_sites(client, theme, ref):
    assert beacon(client, theme.pk, ref=ref).status_code == 204
    assert not ReferrerDay.objects.exists()
    assert PageViewDay.objects.get().views == 1  # the view itself counts


def test_one_client_adds_only_a_few_new_referring_hosts_a_day(client, theme, settings):
    settings.INSIGHTS_NEW_REFERRERS_PER_DAY = 3
    for n in range(6):
        assert beacon(client, theme.pk, ref=f"spam{n}.example").status_code == 204
    assert sorted(ReferrerDay.objects.values_list("host", flat=True)) == [
        "spam0.example",
        "spam1.example",
        "spam2.example",
    ]
    beacon(client, theme.pk, ref="spam1.example")  # hosts already counted today still count
    assert ReferrerDay.objects.get(host="spam1.example").views == 2
    beacon(client, theme.pk, ref="news.example.org", REMOTE_ADDR="192.0.2.9")  # another client
    assert ReferrerDay.objects.filter(host="news.example.org").exists()
    assert PageViewDay.objects.get().views == 8


@pytest.fixture
def people(django_user_model, starter_site):
    call_command("setup_groups", stdout=io.StringIO())

    def person(name, group):
        user = django_user_model.objects.create_user(name, password="pw")
        user.groups.add(Group.objects.get(name=group))
        return user

    return {
        "editor": person("eddie", EDITORS),
        "membership": person("morgan", MEMBERSHIP_TEAM),
        "reviewer": person("rory", REVIEWERS),
    }


def test_the_report_lists_only_hosts_with_a_few_views(client, people, settings):
    settings.INSIGHTS_MIN_REFERRER_VIEWS = 5
    today = timezone.localdate()
    ReferrerDay.objects.create(host="news.example.org", day=today, views=3)
    ReferrerDay.objects.create(host="news.example.org", day=today - timedelta(days=2), views=2)
    ReferrerDay.objects.create(host="one-off-spam.example", day=today, views=4)
    ReferrerDay.objects.create(host="quiet.example", day=today, views=1)
    client.force_login(people["editor"])
    html = client.get(PAGE_VIEWS).content.decode()
    assert tables_of(html)["Top referring sites (top 10), last 12 weeks"][1:] == [
        ["news.example.org", "5"]
    ]
    assert "one-off-spam" not in html and "quiet.example" not in html
    csv_text = client.get(f"{PAGE_VIEWS}?export=referrers").content.decode("utf-8-sig")
    assert "news.example.org" in csv_text and "spam" not in csv_text
    intro = BeautifulSoup(html, "html.parser").select_one(".nice-padding .help-block").text
    assert "host name" in intro and "Nothing about the visitor is stored" in intro
    assert "5 or more views" in intro


def visible_heading(html):
    """The heading a sighted user reads: the last breadcrumb, or a visible <h1>."""
    soup = BeautifulSoup(html, "html.parser")
    crumbs = soup.select('[data-w-breadcrumbs-target="content"] li, .w-breadcrumbs li')
    if crumbs:
        return crumbs[-1].get_text(" ", strip=True)
    h1 = soup.find("h1")
    assert "w-sr-only" not in (h1.get("class") or [])
    return h1.get_text(" ", strip=True)


@pytest.mark.parametrize(
    ("who", "url", "title"),
    [("editor", PAGE_VIEWS, "Page views"), ("membership", FORM_RESPONSES, "Form responses")],
)
def test_each_report_names_itself_in_its_visible_heading(client, people, who, url, title):
    client.force_login(people[who])
    html = client.get(url).content.decode()
    assert visible_heading(html) == title
    soup = BeautifulSoup(html, "html.parser")
    assert soup.find("h1").get_text(strip=True) == title
    assert soup.title.get_text().startswith(title)


@pytest.mark.parametrize(
    ("who", "url", "whom"),
    [
        ("reviewer", PAGE_VIEWS, "“Editors” or “Publishers” group"),
        ("membership", PAGE_VIEWS, "“Editors” or “Publishers” group"),
        ("editor", FORM_RESPONSES, "ask someone in the Membership team"),
        ("reviewer", FORM_RESPONSES, "ask someone in the Membership team"),
    ],
)
def test_those_who_may_not_read_a_report_are_told_whom_to_ask(client, people, who, url, whom):
    client.force_login(people[who])
    for response in (client.get(url), client.get(url, {"export": "weeks"})):
        assert response.status_code == 403
        html = response.content.decode()
        assert whom.lower() in html.lower()
        assert "Sorry, you do not have permission" not in html
        assert "insights-report__table" not in html and "text/csv" not in response["Content-Type"]
    assert visible_heading(html).startswith("You cannot open")


def test_the_privacy_notice_says_what_the_counter_keeps_of_referrers(client, starter_site):
    from getinvolved.models import PrivacyNoticePage

    html = client.get(PrivacyNoticePage.objects.live().get().url).content.decode()
    assert "host name (such as news.example.org)" in html
    assert "at most 10 are added" in html
