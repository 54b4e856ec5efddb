"""Acceptance 5 of issue 20, in Chromium: a translator keeps a Welsh theme page in step.

The English theme page is changed and published; the translator (an Editor) finds the Welsh
page under Reports → Welsh translations as behind its English page, with the changed text
named and Wagtail's comparison of the two English versions a click away; the Welsh page's
editor says so too. The translator updates the Welsh page and submits it; a Reviewer
approves the first step and a Publisher the second, and only then do visitors see it."""

import io
import re

import pytest
from django.core.management import call_command
from playwright.sync_api import expect
from wagtail.models import Page

from bilingual.models import TranslationBasis
from staff.names import EDITORS, PUBLISHERS, REVIEWERS, WORKFLOW_NAME
from tests.browser.admin import add_user, field, sign_in, sign_out
from tests.factories import make_welsh_twin
from themes.models import ThemePage

pytestmark = pytest.mark.browser

WELSH_TITLE = "Thema 1: perthyn ac arweinyddiaeth"
NEW_ENGLISH = "Leaders who make time to listen help every pupil feel they belong."
# Test wording for the translator's update (not research content).
NEW_WELSH = "Mae arweinwyr sy'n gwrando yn helpu pob disgybl i deimlo eu bod yn perthyn."


def test_translator_updates_a_welsh_page_behind_its_english_one_through_both_approvals(
    live_site, page, django_user_model, axe_scan
):
    call_command("setup_groups", stdout=io.StringIO())  # as `make run` does
    home = Page.objects.get(depth=2).specific
    english = ThemePage.objects.get(slug="belonging-and-leadership", locale=home.locale)
    make_welsh_twin(home, "Trosolwg")
    welsh = make_welsh_twin(english, WELSH_TITLE)
    welsh_url = f"{live_site}/cy/{english.slug}/"
    old_summary = welsh.summary
    translator = add_user(django_user_model, "tegan.translator", EDITORS)
    reviewer = add_user(django_user_model, "riley.reviewer", REVIEWERS)
    publisher = add_user(django_user_model, "priya.publisher", PUBLISHERS)

    # Comms change the English page and publish it.
    english = Page.objects.get(pk=english.pk).specific
    english.summary = NEW_ENGLISH
    english.save_revision().publish()

    # The translator finds the Welsh page behind, with what changed.
    sign_in(page, live_site, *translator)
    page.get_by_role("button", name="Reports").click()
    page.get_by_role("link", name="Welsh translations").click()
    expect(page.get_by_role("heading", name="Welsh translations", level=1)).to_be_visible()
    behind = page.get_by_role("region", name=re.compile("Welsh pages behind their English page"))
    row = behind.get_by_role("row", name=re.compile(WELSH_TITLE))
    expect(row).to_contain_text(f"Summary changed: “{NEW_ENGLISH}”")
    report = axe_scan(page)
    assert not report.violations, report.describe()
    row.get_by_role("link", name="Compare the English versions").click()
    expect(page.get_by_text(NEW_ENGLISH)).to_be_visible()  # Wagtail's comparison
    page.go_back()

    # The Welsh page's editor says English has changed, and links to the changes.
    page.get_by_role("region", name=re.compile("Welsh pages behind")).get_by_role(
        "link", name=WELSH_TITLE
    ).click()
    expect(
        page.get_by_text(re.compile("English has changed since this translation"))
    ).to_be_visible()
    expect(page.get_by_role("link", name="see changes")).to_be_visible()
    field(page, "Summary").fill(NEW_WELSH)
    footer = page.get_by_role("navigation", name="Actions (footer)")
    footer.get_by_role("button", name="More actions").click()
    expect(footer.get_by_role("button", name=re.compile("Publish"))).to_have_count(0)
    footer.get_by_role("button", name=f"Submit to {WORKFLOW_NAME}").click()
    expect(page.get_by_text(re.compile("submitted for moderation"))).to_be_visible()
    sign_out(page, translator[0])

    # Not live yet: visitors still read the Welsh page as it was.
    page.goto(welsh_url)
    expect(page.get_by_role("main")).not_to_contain_text(NEW_WELSH)

    # A Reviewer approves the first step…
    sign_in(page, live_site, *reviewer)
    review = page.get_by_role("region", name="Awaiting your review")
    waiting = review.get_by_role("row", name=re.compile(re.escape(WELSH_TITLE)))
    waiting.get_by_role("button", name="Actions").click()
    waiting.get_by_role("button", name="Approve", exact=True).click()
    expect(
        page.get_by_text(re.compile(f"You approved Content review for “{WELSH_TITLE}”"))
    ).to_be_visible()
    sign_out(page, reviewer[0])
    page.goto(welsh_url)
    expect(page.get_by_role("main")).not_to_contain_text(NEW_WELSH)
    assert ThemePage.objects.get(pk=welsh.pk).summary == old_summary

    # …and a Publisher the second, which publishes it.
    sign_in(page, live_site, *publisher)
    review = page.get_by_role("region", name="Awaiting your review")
    review.get_by_role("link", name=WELSH_TITLE).click()
    footer = page.get_by_role("navigation", name="Actions (footer)")
    footer.get_by_role("button", name="More actions").click()
    footer.get_by_role("button", name=re.compile(r"^Approve( and Publish)?$")).click()
    expect(page.get_by_text(re.compile("approved and published"))).to_be_visible()

    # Live now, and up to date with the English page: no longer listed as behind.
    assert TranslationBasis.objects.get(page_id=welsh.pk).source_revision_id == (
        Page.objects.get(pk=english.pk).live_revision_id
    )
    page.goto(f"{live_site}/admin/bilingual/welsh-translations/")
    behind = page.get_by_role("region", name=re.compile("Welsh pages behind their English page"))
    expect(behind.get_by_role("row", name=re.compile(WELSH_TITLE))).to_have_count(0)
    sign_out(page, publisher[0])
    page.goto(welsh_url)
    expect(page.get_by_role("main")).to_contain_text(NEW_WELSH)
