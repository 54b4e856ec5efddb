"""Issue 17, "A visitor knows in ten seconds what this is and what to do", in Chromium on
the starter site:

- the overview's first screen (390x844 and 1280x800) holds the one-sentence summary and the
  three actions, each leading to something on the site;
- no page (the thank-you page and a case-study index asked for an unknown region included)
  has a heading followed by nothing or by the next heading;
- at 1280 and 1920 px every page type keeps its main column centred (left and right margins
  equal within CENTRED_TOLERANCE px) and every block in it as wide as the column; each is
  photographed into $LAYOUT_SCREENSHOTS_DIR, or else a temporary folder;
- every page type reflows at 320 CSS px wide, and at 400% zoom of a 1280x800 window
  (320x200 CSS px), without scrolling sideways (beyond WCAG AA, issue 17);
- no image in <main> says how it was drawn: decorative ones have alt="".
"""

import os
from pathlib import Path

import pytest

from tests.browser.test_accessibility import get_involved_path, load, one_of, path_of
from tests.browser.test_launch_pages import EMPTY_SECTIONS, by_slug
from tests.browser.test_layout import screenshot

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
LAPTOP = {"width": 1280, "height": 800}
WIDE = {"width": 1920, "height": 1080}
NARROW = {"width": 320, "height": 640}
ZOOMED = {"width": 320, "height": 200}  # 1280x800 at 400%
ACTIONS = ["Explore the three themes", "Read the report", "Get involved"]
# Left and right margins of the main column may differ by rounding only.
CENTRED_TOLERANCE = 1


@pytest.fixture(scope="session")
def centred_screenshots_dir(tmp_path_factory):
    configured = os.environ.get("LAYOUT_SCREENSHOTS_DIR", "").strip()
    directory = Path(configured) if configured else tmp_path_factory.mktemp("centred")
    directory.mkdir(parents=True, exist_ok=True)
    return directory


def thank_you_path():
    return path_of(one_of("InterestFormPage")) + "thank-you/"


PAGE_TYPES = {
    "overview": lambda: "/",
    "theme": lambda: by_slug("belonging-and-leadership"),
    "theme-2": lambda: by_slug("belonging-and-culture"),
    "case-study-index": lambda: path_of(one_of("CaseStudyIndexPage")),
    "case-study-index-unknown-region": lambda: (
        path_of(one_of("CaseStudyIndexPage")) + "?region=atlantis"
    ),
    "case-study": lambda: path_of(one_of("CaseStudyPage")),
    "standard-page": get_involved_path,
    "form-page": lambda: path_of(one_of("InterestFormPage")),
    "thank-you": thank_you_path,
    "privacy-notice": lambda: path_of(one_of("PrivacyNoticePage")),
    "accessibility-statement": lambda: by_slug("accessibility-statement"),
    "not-found": lambda: "/no-such-page/",
}


@pytest.mark.parametrize("size", [PHONE, LAPTOP], ids=["390x844", "1280x800"])
def test_the_first_screen_says_what_this_is_and_offers_the_three_actions(live_site, page, size):
    page.set_viewport_size(size)
    load(page, live_site + "/")

    lead = page.locator(".hero .hero__lead")
    assert lead.inner_text().startswith("Research commissioned by the National Education Union")
    actions = page.locator(".hero .hero__actions a")
    assert actions.all_inner_texts() == ACTIONS
    for element in [lead, *actions.all()]:
        box = element.bounding_box()
        assert box["y"] + box["height"] <= size["height"], (
            f"{element.inner_text()!r} ends at {box['y'] + box['height']:.0f}px, below the "
            f"first screen at {size['width']}x{size['height']}"
        )

    # Each action leads somewhere: a part of the overview that is there, or a live page.
    for action in actions.all():
        href = action.get_attribute("href")
        if href.startswith("#"):
            target = page.locator(href)
            assert target.count() == 1, f"{action.inner_text()}: nothing at {href}"
            assert target.locator("h2").first.is_visible()
        else:
            assert page.request.get(live_site + href).status == 200, href
    assert page.locator("#themes .card").count() == 3
    assert (
        page.locator(page.locator(".hero__actions a").nth(1).get_attribute("href"))
        .locator(".report a.button")
        .is_visible()
    )


# Each main column (and each block in it, against its column): left and right edges, and the
# margins to the window's edges (scroll bar excluded).
COLUMNS = """() => {
    const width = document.documentElement.clientWidth;
    const edges = (el) => {
        const r = el.getBoundingClientRect();
        return { left: r.left, right: r.right, margins: [r.left, width - r.right] };
    };
    const columns = [...document.querySelectorAll("main .column, main .container.prose")]
        .filter((el) => el.getClientRects().length);
    const blocks = [...document.querySelectorAll("main .prose > .block, main .prose > div")]
        .filter((el) => el.getClientRects().length)
        .map((el) => ({
            name: el.className,
            own: edges(el),
            column: edges(el.closest(".prose")),
        }));
    return { columns: columns.map((el) => ({ name: el.className, ...edges(el) })), blocks };
}"""


# One test per page type for the three checks below (they were three tests, each setting up
# the starter site and loading the same pages: a third of these tests' time went on set-up).
@pytest.mark.parametrize("name", list(PAGE_TYPES))
def test_every_page_type_has_no_empty_heading_is_centred_and_reflows(
    live_site, page, centred_screenshots_dir, name
):
    url = live_site + PAGE_TYPES[name]()
    status = 404 if name == "not-found" else 200
    for size in (LAPTOP, WIDE):
        page.set_viewport_size(size)
        load(page, url, status)
        if size is LAPTOP:
            assert_no_heading_leads_to_nothing(page, name)
        assert_main_column_centred(page, name, size)
        shot = screenshot(page, centred_screenshots_dir, f"centred-{name}", size)
        print(f"screenshot: {shot}")
    for size in (NARROW, ZOOMED):
        page.set_viewport_size(size)
        load(page, url, status)
        assert_reflows(page, name, size)


def assert_no_heading_leads_to_nothing(page, name):
    empty = page.evaluate(EMPTY_SECTIONS)
    assert not empty, f"{name}: headings followed by nothing or by the next heading: {empty}"


def assert_main_column_centred(page, name, size):
    found = page.evaluate(COLUMNS)
    assert found["columns"], f"{name}: no main column at {size['width']}px"
    for column in found["columns"]:
        left, right = column["margins"]
        assert abs(left - right) <= CENTRED_TOLERANCE, (
            f"{name} at {size['width']}px: {column['name']} is not centred: "
            f"{left:.0f}px on the left, {right:.0f}px on the right"
        )
        assert left > size["width"] * 0.1, f"{name}: the column hugs the left edge"
    for block in found["blocks"]:
        own, column = block["own"], block["column"]
        assert abs(own["left"] - column["left"]) <= 1, (name, size["width"], block)
        assert abs(own["right"] - column["right"]) <= 1, (name, size["width"], block)


def assert_reflows(page, name, size):
    """Nothing scrolls sideways or sticks out at 320 CSS px (WCAG 1.4.10, Reflow)."""
    widths = page.evaluate(
        "() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]"
    )
    assert widths[0] <= widths[1], (
        f"{name} at {size['width']}x{size['height']}: {widths[0]}px wide, it scrolls sideways"
    )
    wider = page.evaluate(
        """(limit) => [...document.querySelectorAll("header *, main *, footer *")]
            .filter((el) => el.getBoundingClientRect().right > limit + 1)
            .map((el) => el.tagName + "." + el.className).slice(0, 5)""",
        size["width"],
    )
    assert not wider, f"{name} at {size['width']}px: these stick out: {wider}"


def test_images_are_described_as_what_they_show_or_skipped(live_site, page):
    for name in ("overview", "theme", "case-study-index", "case-study"):
        load(page, live_site + PAGE_TYPES[name]())
        alts = page.eval_on_selector_all("main img", "imgs => imgs.map(i => i.alt)")
        assert alts, name
        for alt in alts:
            assert "drawn for this website" not in alt, (name, alt)
        # Banners, theme cards and the drawn case-study pictures are decorative.
        for selector in (".banner img", ".card--theme img", ".card--case-study img"):
            for alt in page.eval_on_selector_all(selector, "imgs => imgs.map(i => i.alt)"):
                assert alt == "", (name, selector, alt)
    load(page, live_site + "/")
    assert (
        page.locator(".report img")
        .get_attribute("alt")
        .startswith("Report cover: Place and Belonging in School")
    )
