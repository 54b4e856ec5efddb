"""The page-view counter and its reports (the insights app; issue 18, acceptance 6): what is
stored (totals only), which beacons count, who reads the reports, and that each report's
CSV holds exactly the figures of its table. tests/browser/test_insights_browser.py counts
views through Chromium, from the page cache and not, and scans the reports with axe."""

import csv
import io
import re
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
from tests.getinvolved.formhelpers import register_answers, submit

pytestmark = pytest.mark.django_db

BEACON = "/insights/view"
THEME_1 = "/belonging-and-leadership/"
SAME_ORIGIN = {"HTTP_SEC_FETCH_SITE": "same-origin", "HTTP_ORIGIN": "http://testserver"}


@pytest.fixture(autouse=True)
def fresh_shared_cache():
    caches["shared"].clear()  # the page cache and the beacons' rate limit


@pytest.fixture
def theme(starter_site):
    return Page.objects.get(url_path__endswith=THEME_1)


def beacon(client, page_id, ref=None, **headers):
    data = {"page": str(page_id)} | ({"ref": ref} if ref is not None else {})
    return client.post(BEACON, data, **{**SAME_ORIGIN, **headers})


def views_of(page):
    return sum(PageViewDay.objects.filter(page=page).values_list("views", flat=True))


def test_nothing_identifying_is_stored():
    columns = {
        model: {f.column for f in model._meta.concrete_fields}
        for model in (
            PageViewDay,
            ReferrerDay,
        )
    }
    assert columns[PageViewDay] == {"id", "page_id", "day", "views"}
    assert columns[ReferrerDay] == {"id", "day", "host", "views"}


def test_every_page_carries_the_beacon_from_the_cache_and_not(client, theme):
    direct = client.get(THEME_1)
    cached = client.get(THEME_1)
    assert (direct["X-Page-Cache"], cached["X-Page-Cache"]) == ("miss", "hit")
    script = f'data-page="{theme.pk}" data-endpoint="{BEACON}"'
    assert script in direct.content.decode() and script in cached.content.decode()
    # Rendering a page counts nothing: only the browser's beacon does, once per view.
    assert PageViewDay.objects.count() == 0
    assert "connect-src 'self'" in direct["Content-Security-Policy"]


def test_a_beacon_counts_one_view_and_sets_no_cookie(client, theme):
    response = beacon(client, theme.pk, ref="WWW.Example.org")
    assert response.status_code == 204
    assert not response.cookies
    assert "no-cache" in response["Cache-Control"] and "no-store" in response["Cache-Control"]
    beacon(client, theme.pk, ref="news.example.net")
    beacon(client, theme.pk, ref="testserver")  # from this site: not a referrer
    beacon(client, theme.pk, ref="<script>")  # not a host name: the view counts, not it
    assert list(PageViewDay.objects.values_list("page_id", "day", "views")) == [
        (theme.pk, timezone.localdate(), 4)
    ]
    assert sorted(ReferrerDay.objects.values_list("host", "views")) == [
        ("example.org", 1),
        ("news.example.net", 1),
    ]


def test_only_same_origin_beacons_for_live_pages_count(client, theme, starter_site):
    draft = Page.objects.get(pk=theme.pk)
    draft.live = False
    draft.save(update_fields=["live"])
    live = starter_site
    refused = [
        (beacon(client, live.pk, HTTP_SEC_FETCH_SITE="cross-site"), 403),
        (beacon(client, live.pk, HTTP_SEC_FETCH_SITE="same-site"), 403),
        (beacon(client, live.pk, HTTP_ORIGIN="https://evil.example"), 403),
        (client.post(BEACON, {"page": live.pk}), 403),  # no origin at all
        (beacon(client, "abc"), 400),
        (beacon(client, "0"), 400),
        (beacon(client, "-1"), 400),
        (beacon(client, "9" * 40), 400),
        (beacon(client, "99999999"), 400),
        (beacon(client, Page.objects.get(depth=1).pk), 400),  # the tree's root
        (beacon(client, draft.pk), 400),  # not live
        (client.post(BEACON, {}, **SAME_ORIGIN), 400),
        (client.get(BEACON, {"page": live.pk}, **SAME_ORIGIN), 405),
        (client.post(BEACON, "x" * 2000, content_type="text/plain", **SAME_ORIGIN), 413),
    ]
    assert [status for response, status in refused] == [r.status_code for r, _ in refused]
    assert PageViewDay.objects.count() == 0
    # Browsers that send only Origin are counted when it is this site.
    response = client.post(BEACON, {"page": live.pk}, HTTP_ORIGIN="http://testserver")
    assert response.status_code == 204
    assert views_of(live) == 1


def test_one_client_cannot_inflate_the_counts(client, theme, settings, monkeypatch):
    settings.INSIGHTS_BEACONS_PER_MINUTE = 3
    minute = 1_800_000_000  # all within one minute, whenever the test runs
    monkeypatch.setattr("insights.counting.clock", lambda: minute + 1.5)
    statuses = [beacon(client, theme.pk).status_code for _ in range(5)]
    assert statuses == [204, 204, 204, 429, 429]
    assert views_of(theme) == 3
    assert beacon(client, theme.pk, REMOTE_ADDR="192.0.2.9").status_code == 204  # another
    monkeypatch.setattr("insights.counting.clock", lambda: minute + 61)
    assert beacon(client, theme.pk).status_code == 204  # the next minute
    assert views_of(theme) == 5


def test_the_privacy_notice_describes_the_counter(client, starter_site):
    from getinvolved.models import PrivacyNoticePage

    html = client.get(PrivacyNoticePage.objects.live().get().url).content.decode()
    assert "<h2>Counting page views</h2>" in html
    assert "sets no cookie for this" in html


# Reports -----------------------------------------------------------------------------------

PAGE_VIEWS = "/admin/insights/page-views/"
FORM_RESPONSES = "/admin/insights/form-responses/"


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


def tables_of(html):
    """{table caption: [[heading, heading], [label, value], ...]} of a report page."""
    soup = BeautifulSoup(html, "html.parser")
    found = {}
    for table in soup.select("table.insights-report__table"):
        caption = table.caption.get_text(strip=True)
        rows = [
            [cell.get_text(strip=True) for cell in tr.find_all(["th", "td"])] for tr in table("tr")
        ]
        found[caption] = rows
    return found


def chart_bars(html):
    """(label, value) of each bar drawn in the page's SVG charts, in order."""
    soup = BeautifulSoup(html, "html.parser")
    charts = []
    for svg in soup.select("svg.insights-report__chart"):
        texts = [t.get_text() for t in svg("text")]
        charts.append(list(zip(texts[0::2], texts[1::2], strict=True)))
    return charts


def csv_of(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response.content.startswith(b"\xef\xbb\xbf")
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))


def test_comms_read_page_views_whose_csv_matches_the_chart_table(client, theme, people):
    today = timezone.localdate()
    PageViewDay.objects.create(page=theme, day=today, views=7)
    PageViewDay.objects.create(page=theme, day=today - timedelta(days=7), views=3)
    PageViewDay.objects.create(page=theme.get_parent(), day=today, views=2)
    PageViewDay.objects.create(page=theme, day=today - timedelta(days=200), views=50)  # too old
    ReferrerDay.objects.create(host="example.org", day=today, views=4)
    ReferrerDay.objects.create(host="example.org", day=today - timedelta(days=1), views=2)
    client.force_login(people["editor"])

    response = client.get(PAGE_VIEWS)
    assert response.status_code == 200
    html = response.content.decode()
    tables = tables_of(html)
    weeks = tables["Page views per week, last 12 weeks"]
    assert weeks[0] == ["Week beginning", "Views"] and len(weeks) == 13
    assert [row[1] for row in weeks[1:]][-2:] == ["3", "9"]
    assert tables["Most viewed pages (top 20), last 12 weeks"][1:] == [
        [theme.title, "10"],
        [theme.get_parent().title, "2"],
    ]
    assert tables["Top referring sites (top 10), last 12 weeks"][1:] == [["example.org", "6"]]
    # The chart draws the same rows as the table beside it, and the CSV holds them exactly.
    for (caption, rows), bars, slug in zip(
        tables.items(), chart_bars(html), ["weeks", "pages", "referrers"], strict=True
    ):
        assert [list(bar) for bar in bars] == rows[1:], caption
        assert csv_of(client, f"{PAGE_VIEWS}?weeks=12&export={slug}") == rows, caption
    # The admin's own policy, and nothing inline in the report itself.
    assert "frame-ancestors 'self'" in response["Content-Security-Policy"]
    report = html.split('class="nice-padding"', 1)[1]
    assert "<script" not in report and "style=" not in report

    # Other periods; nonsense is the default, never an error.
    assert (
        len(
            tables_of(client.get(PAGE_VIEWS, {"weeks": "4"}).content.decode())[
                "Page views per week, last 4 weeks"
            ]
        )
        == 5
    )
    for nonsense in ("0", "-1", "abc", "9" * 30):
        assert client.get(PAGE_VIEWS, {"weeks": nonsense, "export": "nope"}).status_code == 200


def test_the_membership_team_reads_form_responses(client, people, starter_site):
    from getinvolved.models import InterestFormPage

    form = InterestFormPage.objects.get(slug="register-your-interest")
    submit(client, form, register_answers(region="Wales"))
    submit(client, form, register_answers(your_name="Another", email_address="a@example.org"))
    client.force_login(people["membership"])
    html = client.get(FORM_RESPONSES).content.decode()
    tables = tables_of(html)
    assert tables["Responses per week, last 12 weeks"][-1] == [
        tables["Responses per week, last 12 weeks"][-1][0],
        "2",
    ]
    assert tables["Responses per form, last 12 weeks"][1:] == [[form.title, "2"]]
    regions = tables["Responses per region, last 12 weeks"][1:]
    assert sorted(regions) == sorted([["Wales", "1"], [register_answers()["region"], "1"]])
    for (caption, rows), slug in zip(tables.items(), ["weeks", "forms", "regions"], strict=True):
        assert csv_of(client, f"{FORM_RESPONSES}?export={slug}") == rows, caption


def test_each_report_only_for_its_readers(client, people):
    menus = {}
    for name, user in people.items():
        client.force_login(user)
        dashboard = client.get("/admin/").content.decode()
        menus[name] = {url for url in (PAGE_VIEWS, FORM_RESPONSES) if url in dashboard}
        for url in (PAGE_VIEWS, FORM_RESPONSES):
            response = client.get(url)
            if url in menus[name]:
                assert response.status_code == 200, (name, url)
            else:
                assert response.status_code == 403, (name, url)  # the refusal page
                assert "Back to the dashboard" in response.content.decode()
                assert client.get(f"{url}?export=weeks").status_code == 403
    assert menus == {
        "editor": {PAGE_VIEWS},
        "membership": {FORM_RESPONSES},
        "reviewer": set(),  # they change pages only while reviewing them
    }
    client.logout()
    assert re.match(r"/admin/login/", client.get(PAGE_VIEWS)["Location"])
