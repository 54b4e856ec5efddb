"""The admin explains itself, in Chromium (acceptance 3, 4 and 6 of issue 12): the editor's
guide opens from the Help menu and the dashboard with its pictures; an Editor who opens a
submissions URL is told why not, in the admin's own layout; and no role's admin asks anything
of another site."""

import io
import re
from urllib.parse import urlsplit

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from staff import roles
from tests.browser.admin import add_user, sign_in, sign_out
from tests.browser.conftest import LOCAL_HOSTS
from tests.browser.guide import SCREENSHOTS

pytestmark = pytest.mark.browser


@pytest.fixture
def staff(live_site, django_user_model):
    call_command("setup_groups", stdout=io.StringIO())
    return django_user_model


def pictures_loaded(page):
    return page.locator(".editors-guide img").evaluate_all(
        "images => images.map(image => image.complete && image.naturalWidth > 0)"
    )


def test_the_guide_opens_from_the_help_menu_and_the_dashboard(live_site, page, staff, axe_scan):
    editor = add_user(staff, "alex.editor", roles.EDITORS)
    sign_in(page, live_site, *editor)

    page.get_by_role("button", name="Help").click()
    help_menu = page.get_by_role("list", name="Help")
    help_menu.get_by_role("link", name="Editor's guide for this site").click()
    expect(page.get_by_role("heading", name="Editor's guide", level=1)).to_be_visible()
    expect(page.get_by_role("heading", name="Adding a case study", level=2)).to_be_visible()
    expect(page.locator(".editors-guide img")).to_have_count(len(SCREENSHOTS))
    page.wait_for_load_state("load")
    assert all(pictures_loaded(page)), "a picture of the guide did not load"
    report = axe_scan(page, ".editors-guide")
    assert not report.violations, report.describe()

    page.goto(live_site + "/admin/")
    panel = page.get_by_role("region", name="Editor's guide")
    panel.get_by_role("link", name="Sending a page for approval").click()
    expect(page).to_have_url(re.compile(r"/admin/guide/#sending-a-page-for-approval$"))
    expect(page.get_by_role("heading", name="Sending a page for approval")).to_be_in_viewport()


def test_an_editor_opening_submissions_is_told_why_not_and_the_way_back(live_site, page, staff):
    from getinvolved.models import InterestFormPage

    form = InterestFormPage.objects.get(slug="register-your-interest")
    editor = add_user(staff, "alex.editor", roles.EDITORS)
    sign_in(page, live_site, *editor)

    for path in (f"/admin/forms/submissions/{form.pk}/", "/admin/getinvolved/interestsubmission/"):
        response = page.goto(live_site + path)
        assert response.status == 403, path
        # The admin's own layout: its menu and header, with the reason and whom to ask.
        expect(page.get_by_role("navigation", name="Main menu")).to_be_visible()
        expect(page.get_by_role("heading", name="You cannot open form submissions")).to_be_visible()
        expect(
            page.get_by_text("Only the Membership team can read members' answers")
        ).to_be_visible()
        expect(page.get_by_text("ask someone in the Membership team")).to_be_visible()

    page.get_by_role("link", name="Back to the dashboard").click()
    expect(page).to_have_url(live_site + "/admin/")


ROLE_SCREENS = {
    roles.EDITORS: ["case studies", "page editor"],
    getattr(roles, "REVIEWERS", roles.EDITORS): ["case studies"],
    roles.PUBLISHERS: ["case studies", "page editor"],
    roles.MEMBERSHIP_TEAM: ["forms"],
}


def test_no_role_makes_the_admin_ask_another_site(live_site, page, staff):
    from casestudies.models import CaseStudyPage

    case_study = CaseStudyPage.objects.first()
    screens = {
        "case studies": "/admin/case-studies/",
        "page editor": f"/admin/pages/{case_study.pk}/edit/",
        "forms": "/admin/getinvolved/forms/",
    }
    requested = []
    page.on("request", lambda request: requested.append(request.url))
    accounts = [
        (name, add_user(staff, name.lower().replace(" ", "."), name)) for name in ROLE_SCREENS
    ]
    admin = staff.objects.create_superuser("root", password="root-password-1")
    accounts.append(("administrator", ("root", "root-password-1")))
    for role, account in accounts:
        sign_in(page, live_site, *account)  # the dashboard
        for name in ROLE_SCREENS.get(role, ["case studies", "page editor", "forms"]):
            page.goto(live_site + screens[name])
            page.wait_for_load_state("networkidle")
            assert urlsplit(page.url).path.startswith("/admin/"), (role, name, page.url)
        sign_out(page, account[0])
    assert admin.is_superuser
    off_site = sorted({url for url in requested if urlsplit(url).hostname not in LOCAL_HOSTS})
    assert requested and not off_site, off_site
