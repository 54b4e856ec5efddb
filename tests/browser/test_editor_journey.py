"""An Editor, a Reviewer and a Publisher run the site through the real Wagtail admin in
Chromium.

The Editor signs in through the login form, adds a case study from the "Case studies"
listing, fills in the school's details and builds the body from a trait list, a comparison
and a video, and submits it to the two-step approval workflow: a message says what happens
next, and the Editor lands back on the same listing, where the case study waits in
moderation. It is not public yet. A Reviewer approves the first step from the dashboard and
is told what comes next; a Publisher approves the second from the page editor and is told it
is published. Then visitors see the page, and the case-study index and the theme page list it.

On the way it takes the screenshots of the admin that docs/editors-guide.md shows.
"""

import io
import re

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from casestudies.models import CaseStudyPage
from staff.names import EDITORS, PUBLISHERS, REVIEWERS, WORKFLOW_NAME
from tests.browser.admin import add_user, field, menu, sign_in, sign_out
from tests.embeds import video_url

pytestmark = pytest.mark.browser

# An obviously made-up school: the site must never carry invented facts about a real one,
# and these pages end up in the editor's guide screenshots.
TITLE = "Example Primary School: roots in the town"
SCHOOL = "Example Primary School"
THEME = "Theme 2: belonging and culture"
TRAITS_HEADING = "What belonging looks like at Example Primary"
TRAITS = [
    ("Known by name", "Every adult greets every child by name at the gate."),
    ("Rooted in the town", "Pupils map their families' stories of the town."),
]
COLUMNS = {
    "first": ("Before", ["Pupils felt like visitors in their own school."]),
    "second": ("After", ["Pupils run the breakfast club.", "Attendance is up."]),
}
VIDEO_TITLE = "Example Primary's story in three minutes"
PLAY = f"Play video: {VIDEO_TITLE} (loads content from Test Video)"


def body(page):
    return page.locator('[data-contentpath="body"]')


def add_block(page, label, guide_screenshots=None):
    """Insert a block at the end of the body with the "+" button and the block picker."""
    add = body(page).get_by_title("Insert a block").last
    add.click()
    search = page.get_by_role("combobox", name="Search options…")
    if guide_screenshots:
        choices = page.get_by_role("listbox")
        expect(choices.get_by_role("option", name=label, exact=True)).to_be_visible()
        guide_screenshots.take(add, "block-picker.png", around=[search, choices])
    search.fill(label)
    page.get_by_role("option", name=label, exact=True).click()
    # Wagtail renders each body block with hidden inputs naming its type.
    block_type = label.lower().replace(" ", "_")
    block = page.locator(
        f'[data-streamfield-child]:has(> input[name$="-type"][value="{block_type}"])'
    )
    expect(block).to_have_count(1)
    return block


def fill_list(list_field, values):
    """Fill a list (e.g. a comparison column's points), adding items with its "Add" button."""
    for number, value in enumerate(values):
        if number:
            list_field.get_by_title("Add").last.click()
        list_field.get_by_role("textbox").nth(number).fill(value)


def public_listing(page, url):
    page.goto(url)
    return page.get_by_role("main").get_by_role("link", name=TITLE, exact=True)


def test_editor_writes_a_case_study_and_a_publisher_approves_it(
    live_site, player_origin, page, django_user_model, axe_scan, guide_screenshots
):
    call_command("setup_groups", stdout=io.StringIO())  # as `make run` does
    editor = add_user(django_user_model, "alex.editor", EDITORS)
    reviewer = add_user(django_user_model, "riley.reviewer", REVIEWERS)
    publisher = add_user(django_user_model, "priya.publisher", PUBLISHERS)

    # The Editor starts from the "Case studies" listing in the admin menu.
    sign_in(page, live_site, *editor)
    page.get_by_role("link", name="Case studies", exact=True).click()
    listing_url = page.url
    expect(page.get_by_role("heading", name="Case studies", level=1)).to_be_visible()
    guide_screenshots.take(page, "case-studies-listing.png", hide=None)
    page.get_by_role("link", name="Add case study").click()
    expect(page.get_by_role("heading", name="New: Case study")).to_be_visible()

    field(page, "Title").fill(TITLE)
    about = page.get_by_role("region", name="About the school")
    field(about, "School name").fill(SCHOOL)
    field(about, "Town").fill("Exampleton")
    field(about, "Region", "combobox").select_option(label="North West England")
    field(about, "Phase", "combobox").select_option(label="Primary")
    about.get_by_label(THEME).check()
    guide_screenshots.take(about, "case-study-about-the-school.png")

    traits = add_block(page, "Trait list", guide_screenshots)
    field(traits, "Heading").fill(TRAITS_HEADING)
    for number, (name, description) in enumerate(TRAITS):
        if number:
            traits.locator('[data-contentpath="items"]').get_by_title("Add").last.click()
        field(traits, "Name").nth(number).fill(name)
        field(traits, "Description").nth(number).fill(description)
    guide_screenshots.take(traits, "trait-list-block.png")

    comparison = add_block(page, "Comparison")
    for column, (heading, points) in COLUMNS.items():
        column_fields = comparison.locator(f'[data-contentpath="{column}"]')
        field(column_fields, "Heading").fill(heading)
        fill_list(column_fields.locator('[data-contentpath="points"]'), points)
    guide_screenshots.take(comparison, "comparison-block.png")

    video = add_block(page, "Video")
    field(video, "Title").fill(VIDEO_TITLE)
    field(video, "Video web address").fill(video_url("example-primary"))
    guide_screenshots.take(video, "video-block.png")

    # Editors cannot publish: their way to the public is the approval workflow.
    footer = page.get_by_role("navigation", name="Actions (footer)")
    footer.get_by_role("button", name="More actions").click()
    submit = footer.get_by_role("button", name=f"Submit to {WORKFLOW_NAME}")
    expect(submit).to_be_visible()
    expect(footer.get_by_role("button", name=re.compile("Publish"))).to_have_count(0)
    guide_screenshots.take(footer, "submit-for-approval.png", around=[menu(footer)], hide=None)
    submit.click()

    # Wagtail's autosave may already have created the page while the Editor typed: then the
    # submission comes from the edit view, with its own wording.
    submitted = re.compile(
        rf"Page '{re.escape(TITLE)}' (created and submitted|has been submitted) for moderation\."
    )
    expect(page.get_by_text(submitted)).to_be_visible()
    expect(
        page.get_by_text(f"Next for “{TITLE}”: Content review (by {REVIEWERS}), then Sign-off")
    ).to_be_visible()
    # Back on the listing the Editor started from, where it waits for approval.
    expect(page).to_have_url(listing_url)
    expect(page.get_by_role("row", name=re.compile(re.escape(TITLE)))).to_contain_text(
        "In moderation", ignore_case=True
    )
    sign_out(page, editor[0])
    expect(public_listing(page, live_site + "/case-studies/")).to_have_count(0)

    # A Reviewer approves the first step ("Content review") from the dashboard…
    sign_in(page, live_site, *reviewer)
    review = page.get_by_role("region", name="Awaiting your review")
    waiting = review.get_by_role("row", name=re.compile(re.escape(TITLE)))
    expect(waiting).to_contain_text("New page")
    expect(
        waiting.locator('[data-w-tooltip-content-value="Content review: In progress"]')
    ).to_have_count(1)
    waiting.get_by_role("button", name="Actions").click()
    approve = waiting.get_by_role("button", name="Approve", exact=True)
    expect(approve).to_be_visible()
    guide_screenshots.take(review, "awaiting-your-review.png", around=[menu(waiting)])
    approve.click()
    expect(
        page.get_by_text(
            f"You approved Content review for “{TITLE}”. Next: Sign-off (by {PUBLISHERS}). "
            "It is not published yet."
        )
    ).to_be_visible()
    # The second step is not the Reviewer's: the page leaves their list.
    expect(waiting).to_have_count(0)
    assert not CaseStudyPage.objects.get(title=TITLE).live, "published after one approval"
    sign_out(page, reviewer[0])

    # …and a Publisher the second ("Sign-off") from the page editor, which publishes the page.
    sign_in(page, live_site, *publisher)
    review = page.get_by_role("region", name="Awaiting your review")
    waiting = review.get_by_role("row", name=re.compile(re.escape(TITLE)))
    sign_off = waiting.locator('[data-w-tooltip-content-value="Sign-off: In progress"]')
    expect(sign_off).to_have_count(1)
    review.get_by_role("link", name=TITLE).click()
    footer.get_by_role("button", name="More actions").click()
    # "Approve and Publish", or "Approve" where a change in review must be approved again.
    final_approval = footer.get_by_role("button", name=re.compile(r"^Approve( and Publish)?$"))
    expect(final_approval).to_be_visible()
    # No way past the review: "Publish" is not offered while it runs.
    expect(footer.get_by_role("button", name="Publish", exact=True)).to_have_count(0)
    guide_screenshots.take(footer, "approve-and-publish.png", around=[menu(footer)], hide=None)
    final_approval.click()
    expect(
        page.get_by_text(f"“{TITLE}” is approved and published: visitors see it now.")
    ).to_be_visible()
    expect(page).to_have_url(listing_url)
    published = page.get_by_role("row", name=re.compile(re.escape(TITLE)))
    expect(published).to_contain_text("Live", ignore_case=True)
    sign_out(page, publisher[0])

    # Visitors find it on the case-study index…
    listed = public_listing(page, live_site + "/case-studies/")
    expect(listed).to_be_visible()
    listed.click()

    # …and see everything the Editor wrote.
    main = page.get_by_role("main")
    expect(main.get_by_role("heading", name=TITLE, level=1)).to_be_visible()
    expect(main).to_contain_text(SCHOOL)
    expect(main.get_by_role("heading", name=TRAITS_HEADING)).to_be_visible()
    for name, description in TRAITS:
        expect(main.get_by_role("term").filter(has_text=name)).to_be_visible()
        expect(main.get_by_role("definition").filter(has_text=description)).to_be_visible()
    for heading, points in COLUMNS.values():
        column = main.locator("section").filter(has=page.get_by_role("heading", name=heading))
        expect(column.get_by_role("listitem")).to_have_text(points)
    play = main.get_by_role("button", name=PLAY, exact=True)
    expect(play).to_be_visible()
    expect(play.locator("img")).to_have_attribute("src", re.compile(r"^/media/video-posters/"))
    report = axe_scan(page)
    assert not report.violations, report.describe()
    guide_screenshots.take(page, "published-case-study.png")

    # The theme the Editor ticked lists it too.
    main.get_by_role("link", name=THEME).click()
    theme_list = page.get_by_role("region", name="Case studies on this theme")
    expect(theme_list.get_by_role("link", name=TITLE, exact=True)).to_be_visible()
