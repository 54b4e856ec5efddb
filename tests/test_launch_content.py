"""The starter content a visitor meets on launch day: nothing that stands in for something
missing, nothing the sources do not say, and the footer's privacy notice and accessibility
statement in place."""

import html
import importlib
import io
import json

import pytest
from bs4 import BeautifulSoup
from django.core.management import call_command
from wagtail.models import Page

from core.models import SiteSettings
from getinvolved.models import InterestFormPage, PrivacyNoticePage
from home.models import StandardPage

pytestmark = pytest.mark.django_db

# Words that stand in for content: none may reach a visitor.
PLACEHOLDERS = ["coming soon", "placeholder", "will replace", "lorem ipsum", "to be confirmed"]


def main_of(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return BeautifulSoup(response.content, "html.parser").find("main")


def text(element):
    return " ".join(html.unescape(element.get_text(" ")).split())


def test_no_live_page_shows_placeholder_text(client, starter_site):
    for page in Page.objects.live().filter(depth__gt=1):
        words = text(main_of(client, page.url)).lower()
        found = [placeholder for placeholder in PLACEHOLDERS if placeholder in words]
        assert not found, f"{page.url} says {found}"


def test_the_footer_links_the_privacy_notice_the_statement_and_the_neu(client, starter_site):
    footer = BeautifulSoup(client.get("/").content, "html.parser").find("footer")
    links = {a.get_text(strip=True): a["href"] for a in footer.find_all("a")}
    assert links["Privacy notice"] == "/privacy-notice/"
    assert links["Accessibility statement"] == "/accessibility-statement/"
    assert links["National Education Union website"] == "https://neu.org.uk"
    site_settings = SiteSettings.for_site(starter_site.get_site())
    assert isinstance(site_settings.privacy_notice_page.specific, PrivacyNoticePage)


def test_the_starter_privacy_notice_is_written_from_the_site(client, starter_site):
    notice = text(main_of(client, "/privacy-notice/"))
    assert "What the forms ask" in notice and "Your story" in notice
    assert "deleted automatically 24 months after you send them" in notice
    # Details comms have not given are left out, not invented.
    assert "data controller" not in notice


def test_the_accessibility_statement_follows_the_govuk_model(client, starter_site):
    statement = main_of(client, "/accessibility-statement/")
    headings = [h.get_text(strip=True) for h in statement.find_all("h2")]
    assert headings == [
        "Using this website",
        "How accessible this website is",
        "What we know does not work well",
        "Reporting a problem",
        "How we tested this website",
        "Preparation of this statement",
    ]
    words = text(statement)
    assert "WCAG) version 2.2 at level AA" in words
    assert "The website was last tested on 27 November 2026" in words
    # The contact comes from the site settings: without one, the NEU's website, where the
    # union lists its contacts (issue 17: never a dead end, never a guessed address)...
    assert "mailto:" not in str(statement)
    route = statement.find("p", class_="site-contact")
    assert route.find("a", href="https://neu.org.uk")
    assert "contacts" in text(route)
    site_settings = SiteSettings.objects.get()
    site_settings.accessibility_email = "access@example.org"
    site_settings.save()  # as the settings form does: the cached pages go
    link = main_of(client, "/accessibility-statement/").find("a", href="mailto:access@example.org")
    assert text(link.parent) == "To report a problem, email access@example.org ."


def test_the_loader_keeps_the_settings_editors_chose(starter_site):
    other = StandardPage.objects.get(slug="get-involved")
    SiteSettings.objects.update(accessibility_statement_page=other)
    call_command("load_starter_content", stdout=io.StringIO())
    assert SiteSettings.objects.get().accessibility_statement_page_id == other.pk


def test_theme_1_says_nothing_about_its_missing_video(client, starter_site):
    words = text(main_of(client, "/belonging-and-leadership/"))
    # Its heading goes too (issue 17): it would lead straight into the next heading.
    assert "Action for change" not in words
    assert "TED talk" not in words and "video" not in words.lower()


def test_when_you_feel_you_belong_has_no_invented_labels(client, starter_site):
    main = main_of(client, "/belonging-and-agency/")
    heading = main.find("h2", string="When you feel you belong")
    items = heading.find_parent(class_="trait-list").find_all("li")
    assert [text(item) for item in items] == [
        "You can be more creative, innovative and confident.",
        "You feel respected and accepted.",
        "You stay longer in an organisation and contribute more.",
        "You have a sense of well-being and agency.",
        "You feel more involved in and committed to your job.",
    ]
    assert not heading.find_parent(class_="trait-list").find(["dl", "strong"])


def test_starter_case_studies_have_decorative_pictures(client, starter_site):
    # Drawn rings, not the school: screen readers skip them (issue 17), rather than hear
    # the same description on every card and page.
    from casestudies.models import CaseStudyPage

    for case_study in CaseStudyPage.objects.all():
        image = main_of(client, case_study.url).select_one(".hero-image img")
        assert image["alt"] == "", case_study.url
        for card in main_of(client, "/case-studies/").select(".card__image"):
            assert card["alt"] == ""


def test_a_list_item_needs_a_name_or_a_description():
    from wagtail.blocks.struct_block import StructBlockValidationError

    from core.blocks import TraitBlock

    block = TraitBlock()
    assert block.clean(block.to_python({"name": "", "description": "A point."}))
    with pytest.raises(StructBlockValidationError):
        block.clean(block.to_python({"name": "", "description": ""}))


def test_the_helston_page_does_not_repeat_its_summary(client, starter_site):
    main = main_of(client, "/case-studies/helston-community-college/")
    summary = main.find("p", class_="lead").get_text(strip=True)
    body = text(main.find(class_="with-aside__main"))
    assert "at the heart of school life" in summary
    assert "at the heart of school life" not in body


def test_form_copy_says_nothing_the_sources_do_not(client, starter_site):
    register = InterestFormPage.objects.get(slug="register-your-interest")
    words = text(main_of(client, register.url))
    assert "two minutes" not in words
    involvement = register.form_fields.get(label="How would you like to be involved?")
    assert (involvement.field_type, involvement.choices, involvement.required) == (
        "multiline",
        "",
        False,
    )


def test_the_overview_mentions_the_literature_review_without_a_link(client, starter_site):
    main = main_of(client, "/")
    assert "literature review" in text(main)
    assert not [a for a in main.find_all("a") if "literature" in a.get_text().lower()]


# The overview's old report fields move into its body (home/migrations/0002).
migration = importlib.import_module("home.migrations.0002_report_block_replaces_report_fields")


def test_the_migration_puts_the_old_report_after_the_comparison():
    body = json.dumps([{"type": "comparison", "value": {}}, {"type": "heading", "value": {}}])
    block = migration.report_block(cover_id=7, cover_alt="The cover", document_id=3)
    moved = json.loads(migration.with_report(body, block))
    assert [b["type"] for b in moved] == ["comparison", "report", "heading"]
    assert moved[1]["value"]["document"] == 3
    assert moved[1]["value"]["cover"] == {"image": 7, "decorative": False, "alt_text": "The cover"}
    assert moved[1]["value"]["url"] == ""
    # Without a document, the NEU's page for the research, as in the starter content.
    cover_only = migration.report_block(cover_id=7, cover_alt="The cover", document_id=None)
    assert cover_only["value"]["url"] == "https://neu.org.uk/place-belonging"
    assert migration.report_block(cover_id=None, cover_alt="", document_id=None) is None
