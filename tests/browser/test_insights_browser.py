"""In Chromium (issue 18): the page-view counter counts a page served from the page cache and
one rendered afresh, each once, setting no cookie and within the site's CSP (acceptance 6);
the two reports pass axe (acceptance 6); and the Membership team reads a submission's
answers beside the questions' wording (acceptance 5)."""

import io
import re
from datetime import timedelta

import pytest
from django.core.cache import caches
from django.core.management import call_command
from django.test import Client
from django.utils import timezone
from playwright.sync_api import expect

from staff.names import EDITORS, MEMBERSHIP_TEAM
from tests.browser.admin import add_user, sign_in
from tests.getinvolved.formhelpers import register_answers, submit

pytestmark = pytest.mark.browser

THEME_1 = "/belonging-and-leadership/"


def csp_errors(page):
    """Messages of what the enforced Content-Security-Policy blocks on ``page`` from now on
    (the admin's report-only policy is not enforced, and says "[Report Only]")."""
    errors = []

    def listen(message):
        text = message.text
        if "Content Security Policy" in text and "Report Only" not in text:
            errors.append(text)

    page.on("console", listen)
    return errors


def counted(page_id):
    from insights.models import PageViewDay

    return sum(PageViewDay.objects.filter(page_id=page_id).values_list("views", flat=True))


def open_and_count(page, url):
    """Open ``url`` and wait for its beacon to be answered; return the page's response."""
    with page.expect_response(lambda r: r.url.endswith("/insights/view")) as beacon:
        response = page.goto(url)
    assert beacon.value.status == 204
    assert beacon.value.request.method == "POST"
    return response


def test_a_view_from_the_page_cache_and_a_direct_one_each_count_once(live_site, page):
    from wagtail.models import Page

    from insights.models import ReferrerDay

    caches["shared"].clear()
    theme = Page.objects.get(url_path__endswith=THEME_1)
    blocked = csp_errors(page)

    direct = open_and_count(page, live_site + THEME_1)
    assert direct.headers["x-page-cache"] == "miss"
    assert counted(theme.pk) == 1

    cached = open_and_count(page, live_site + THEME_1)
    assert cached.headers["x-page-cache"] == "hit"
    assert counted(theme.pk) == 2

    # Following a link on the site counts the next page, and this one no more; a link
    # within the site is no referrer.
    home = Page.objects.get(depth=2)
    with page.expect_response(lambda r: r.url.endswith("/insights/view")):
        page.get_by_role("link", name="Overview", exact=True).first.click()
    expect(page).to_have_url(live_site + "/")
    assert counted(home.pk) == 1 and counted(theme.pk) == 2
    assert ReferrerDay.objects.count() == 0

    assert page.context.cookies() == []
    assert blocked == []


@pytest.fixture
def report_readers(live_site, django_user_model):
    call_command("setup_groups", stdout=io.StringIO())
    return {
        "comms": add_user(django_user_model, "alex.editor", EDITORS),
        "membership": add_user(django_user_model, "morgan.membership", MEMBERSHIP_TEAM),
    }


@pytest.mark.parametrize(
    ("reader", "report", "heading"),
    [("comms", "Page views", "Most viewed pages"), ("membership", "Form responses", "per form")],
)
def test_the_reports_have_no_axe_violations(
    live_site, page, axe_scan, report_readers, reader, report, heading
):
    from wagtail.models import Page

    from getinvolved.models import InterestFormPage
    from insights.models import PageViewDay, ReferrerDay

    today = timezone.localdate()
    for days, views in ((0, 12), (7, 5), (21, 9)):
        day = today - timedelta(days=days)
        PageViewDay.objects.create(page=Page.objects.get(depth=2), day=day, views=views)
        ReferrerDay.objects.create(host="example.org", day=day, views=views // 2)
    submit(
        Client(), InterestFormPage.objects.get(slug="register-your-interest"), register_answers()
    )

    blocked = csp_errors(page)
    sign_in(page, live_site, *report_readers[reader])
    page.get_by_role("button", name="Reports").click()
    page.get_by_role("link", name=report, exact=True).click()
    expect(page.get_by_role("heading", name=heading)).to_be_visible()
    expect(page.get_by_role("img", name=heading).first).to_be_visible()  # the chart
    expect(page.get_by_role("table").first).to_be_visible()  # beside its figures
    report_axe = axe_scan(page)
    assert report_axe.violations == [], str(report_axe)
    assert blocked == []


def test_the_membership_team_reads_each_answer_beside_its_question(live_site, page, report_readers):
    from getinvolved.models import InterestFormPage

    form = InterestFormPage.objects.get(slug="register-your-interest")
    answers = register_answers(your_name="Siân Évans", school_or_workplace="École Saint-Jean")
    assert submit(Client(), form, answers).status_code == 302

    sign_in(page, live_site, *report_readers["membership"])
    page.get_by_role("link", name="Interest submissions").click()
    row = page.get_by_role("row", name="Siân Évans")
    expect(row).to_contain_text(form.title)
    page.get_by_role("textbox", name=re.compile("search", re.IGNORECASE)).fill("ecole saint")
    page.keyboard.press("Enter")
    expect(page.get_by_role("row", name="Siân Évans")).to_be_visible()
    page.get_by_role("row", name="Siân Évans").get_by_role("link", name="Inspect").click()

    for field in form.get_form_fields():
        question = page.locator("dt", has_text=field.label)
        expect(question).to_have_count(1)
        answer = answers.get(field.clean_name, "")
        if isinstance(answer, list):
            answer = ", ".join(answer)
        expected = answer or "Not answered"
        expect(page.locator("dt", has_text=field.label).locator("+ dd")).to_have_text(expected)
    expect(page.get_by_text("{'your_name'")).to_have_count(0)
