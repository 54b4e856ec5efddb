"""The editor's guide inside the admin (docs/editors-guide.md rendered in the admin's layout,
its pictures served by the admin, a Help menu item and a dashboard panel), the admin's
settings that keep staff data on this site, and the guide's words matching the admin's."""

import io
import re

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.urls import reverse

from editorial.guide import rendered_guide
from staff.names import CONTENT_REVIEW, EDITORS, MEMBERSHIP_TEAM, PUBLISHERS, REVIEWERS, SIGN_OFF
from tests.browser.guide import GUIDE, SCREENSHOTS

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor_client(client, django_user_model, starter_site):
    user = django_user_model.objects.create_user("editor", password="not-used")
    user.groups.add(Group.objects.get(name=EDITORS))
    client.force_login(user)
    return client


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


def test_the_guide_opens_in_the_admin_with_every_picture(editor_client):
    response = editor_client.get("/admin/guide/")
    assert response.status_code == 200
    page = soup(response)
    assert page.find("h1").get_text(strip=True) == "Editor's guide"
    assert page.find("h2", id="adding-a-case-study").get_text() == "Adding a case study"
    shown = [img["src"] for img in page.select(".editors-guide img")]
    assert sorted(shown) == sorted(f"images/{name}" for name in SCREENSHOTS)
    for src in shown:
        picture = editor_client.get("/admin/guide/" + src)
        assert picture.status_code == 200, src
        assert picture["Content-Type"] == "image/png"
        assert b"".join(picture.streaming_content)[:4] == b"\x89PNG"
        assert page.find("img", src=src)["alt"].strip(), src


@pytest.mark.parametrize("name", ["../editors-guide.md", "..%2F..%2FREADME.md", "nothing.png"])
def test_only_the_guides_pictures_are_served(editor_client, name):
    response = editor_client.get(f"/admin/guide/images/{name}", follow=True)
    assert response.status_code == 404


def test_the_guide_is_for_staff_only(client):
    response = client.get("/admin/guide/")
    assert response.status_code == 302 and response["Location"].startswith("/admin/login/")


def test_help_menu_and_dashboard_open_the_guide(editor_client):
    dashboard = editor_client.get("/admin/").content.decode()
    # The sidebar's menu is rendered from JSON in the page.
    assert "Editor's guide for this site" in dashboard and '"/admin/guide/"' in dashboard
    assert "guide.wagtail.org" not in dashboard
    panel = soup(editor_client.get("/admin/")).find(id="editors-guide-section")
    links = {a.get_text(strip=True): a["href"] for a in panel.select(".editors-guide-sections a")}
    for heading in ("Adding a case study", "Sending a page for approval", "Changing a form"):
        anchor = heading.lower().replace(" ", "-")
        assert links[heading] == f"/admin/guide/#{anchor}"
    assert [name for _, name in rendered_guide().sections] == list(links)
    assert panel.find("a", string="Open the whole guide")["href"] == "/admin/guide/"


def test_the_admin_sends_nothing_about_staff_off_site(settings, editor_client):
    assert settings.WAGTAIL_GRAVATAR_PROVIDER_URL is None
    dashboard = editor_client.get("/admin/").content.decode()
    assert "gravatar" not in dashboard.lower()


# The guide's words are the admin's. The **bold** words name what editors see: each must be
# found on the admin screens an editor and a publisher use, except the few names listed here
# with the reason they cannot be.
NOT_ON_THOSE_SCREENS = {
    "Log out": "in the account menu, opened by JavaScript",
    "Reports": "each role's menu: tests/test_guide_menus.py",
    "Settings": "each role's menu: tests/test_guide_menus.py",
    "Locked pages": "a Publisher's report: tests/test_guide_menus.py",
    MEMBERSHIP_TEAM: "a group name: shown under Settings → Groups",
    REVIEWERS: "a group name",
    EDITORS: "a group name",
    PUBLISHERS: "a group name",
    "Overview": "the public site's name for the home page",
    "Forms": "the Membership team's menu item",
    "Interest submissions": "the Membership team's menu item",
    "Form responses": "the Membership team's report",
    "Download XLSX": "the Membership team's export menu",
    "Download CSV": "the Membership team's export menu",
    "Submit to Two-step approval": "in the editor's action menu (checked by the browser tests)",
    "Approve": "in the review menus (checked by the browser tests)",
    "Request changes": "in the review menus",
    "Approve with comment": "in the review menus",
    "Cancel workflow": "in the page editor's menu while a page is in review",
    "Approve and Publish": "in the page editor's menu at the last step (browser tests)",
    "Approve with comment and Publish": "in the page editor's menu at the last step",
    "New page": "in the review list, while a new page waits",
    "Change to a live page": "in the review list, while a change waits",
    "Awaiting your review": "on the dashboard while something waits for review",
    CONTENT_REVIEW: "a step's name: shown while a page is in review",
    SIGN_OFF: "a step's name: shown while a page is in review",
    "⋯": "the More button's symbol",
    "Add a document": "on the Documents screen",
    "Discard draft": "on the editor, to Publishers, while someone else's draft waits",
    "Keep the draft": "on the Discard draft screen",
    "Review this version": "in a page's history",
    "Replace current draft": "in the editor, while reviewing an earlier version",
    "Your pages and snippets in a workflow": "on the dashboard while your pages are in review",
}


def admin_screen_texts(client):
    from casestudies.models import CaseStudyPage
    from core.models import ReusableCallToAction
    from getinvolved.models import InterestFormPage

    case_study = CaseStudyPage.objects.first()
    form = InterestFormPage.objects.first()
    urls = [
        "/admin/",
        "/admin/guide/",
        "/admin/case-studies/",
        reverse("wagtailadmin_pages:edit", args=[case_study.pk]),
        reverse("wagtailadmin_pages:edit", args=[form.pk]),
        reverse("wagtailadmin_explore", args=[form.get_parent().pk]),
        reverse("wagtailsnippets_core_reusablecalltoaction:list"),
        reverse(
            "wagtailsnippets_core_reusablecalltoaction:edit",
            args=[ReusableCallToAction.objects.first().pk],
        ),
        "/admin/images/",
        "/admin/account/",  # where two-factor sign-in is set up (under More actions)
        "/admin/bilingual/welsh-translations/",  # Reports → Welsh translations
    ]
    texts = []
    for url in urls:
        response = client.get(url, follow=True)
        assert response.status_code == 200, url
        if url == "/admin/guide/":
            continue  # the guide itself proves nothing
        texts.append(response.content.decode())
    return " ".join(texts)


def test_the_guides_bold_words_are_the_admins(editor_client):
    call_command("setup_groups", stdout=io.StringIO())
    admin = re.sub(r"\s+", " ", admin_screen_texts(editor_client)).replace("&#x27;", "'")
    admin = admin.lower()
    bold = re.findall(r"\*\*([^*]+)\*\*", GUIDE.read_text("utf-8"))
    named = {re.sub(r"\s+", " ", name) for name in bold}
    unknown = sorted(
        name for name in named - set(NOT_ON_THOSE_SCREENS) if name.lower() not in admin
    )
    assert not unknown, f"The guide names what the admin does not show: {unknown}"


def test_the_guide_finds_two_factor_sign_in_where_the_admin_shows_it(editor_client):
    # The menu under your name holds only Account and Log out; two-factor sign-in is on the
    # Account page, under More actions.
    guide = re.sub(r"\s+", " ", GUIDE.read_text("utf-8"))
    for mention in re.finditer(r"menu under your name(.{0,80})", guide):
        first = re.search(r"\*\*([^*]+)\*\*", mention.group(1))
        assert first and first.group(1) in {"Account", "Log out"}, mention.group(0)
    assert "**Account** → **More actions** → **Two-factor authentication**" in guide
    page = soup(editor_client.get("/admin/account/"))
    actions = page.find(id="tab-actions")
    assert page.find(id="tab-label-actions").get_text(strip=True).startswith("More actions")
    link = actions.find("a", href=reverse("staff_two_factor_set_up"))
    assert "Two-factor authentication" in link.get_text()
