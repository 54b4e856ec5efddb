"""Launch day, as a visitor sees it in Chromium at 390 and 1280 px, on every public page type
of the starter site (the privacy notice and the accessibility statement included): no
placeholder text, no section without its content, no case study listed twice, no axe-core
violation. Each page is
photographed at both sizes into $LAUNCH_SCREENSHOTS_DIR, or else a temporary folder."""

import os
from pathlib import Path

import pytest

from tests.browser.test_accessibility import get_involved_path, load, one_of, path_of

pytestmark = pytest.mark.browser

SIZES = [{"width": 390, "height": 844}, {"width": 1280, "height": 800}]
PLACEHOLDERS = ["coming soon", "placeholder", "will replace", "lorem ipsum", "to be confirmed"]


def by_slug(slug):
    from wagtail.models import Page

    return path_of(Page.objects.live().get(slug=slug).specific)


PAGE_TYPES = {
    "overview": lambda: "/",
    "theme-1": lambda: by_slug("belonging-and-leadership"),
    "theme-3": lambda: by_slug("belonging-and-agency"),
    "case-study-index": lambda: path_of(one_of("CaseStudyIndexPage")),
    "case-study": lambda: path_of(one_of("CaseStudyPage")),
    "standard-page": get_involved_path,
    "form-page": lambda: path_of(one_of("InterestFormPage")),
    "privacy-notice": lambda: path_of(one_of("PrivacyNoticePage")),
    "accessibility-statement": lambda: by_slug("accessibility-statement"),
}

# Headings of <main> with nothing shown between them and the next heading of the same or a
# higher rank (or the end of <main>); and block wrappers or lists that show nothing.
EMPTY_SECTIONS = """() => {
    const main = document.querySelector("main");
    const isHeading = (el) => /^H[1-4]$/.test(el.tagName);
    const rank = (el) => Number(el.tagName[1]);
    const shown = (el) =>
        el.getClientRects().length > 0 && getComputedStyle(el).visibility !== "hidden";
    const content = "p, li, dd, img, svg, figure, form, input, select, textarea, button, "
        + "blockquote, table, a.button";
    const hasContent = (el) =>
        el.textContent.trim() || el.matches("img, svg, input, select, textarea");
    const items = [...main.querySelectorAll("h1, h2, h3, h4, " + content)]
        .filter(shown)
        .filter((el) => isHeading(el) || hasContent(el));
    const empty = [];
    items.forEach((el, i) => {
        if (!isHeading(el)) return;
        const next = items.slice(i + 1)
            .find((other) => !isHeading(other) || rank(other) <= rank(el));
        if (!next || isHeading(next)) empty.push(el.tagName + ": " + el.textContent.trim());
    });
    for (const el of main.querySelectorAll(".block, ul, ol, section")) {
        if (!el.textContent.trim() && !el.querySelector("img, svg")) {
            empty.push("empty " + el.tagName + " " + el.className);
        }
    }
    return empty;
}"""


@pytest.fixture(scope="session")
def launch_screenshots_dir(tmp_path_factory):
    configured = os.environ.get("LAUNCH_SCREENSHOTS_DIR", "").strip()
    directory = Path(configured) if configured else tmp_path_factory.mktemp("launch")
    directory.mkdir(parents=True, exist_ok=True)
    return directory


def case_studies_listed(page):
    """The case studies a page links to from a card (lists and teasers alike)."""
    return page.eval_on_selector_all(
        "main .card--case-study .card__link", "links => links.map(a => a.pathname)"
    )


@pytest.mark.parametrize("name", list(PAGE_TYPES))
def test_a_visitor_meets_no_placeholder_and_no_empty_section(
    live_site, page, axe_scan, launch_screenshots_dir, name
):
    url = live_site + PAGE_TYPES[name]()
    for size in SIZES:
        page.set_viewport_size(size)
        load(page, url)
        where = f"{url} at {size['width']}px"

        words = page.locator("main").inner_text().lower()
        found = [placeholder for placeholder in PLACEHOLDERS if placeholder in words]
        assert not found, f"{where} shows placeholder text: {found}"
        empty = page.evaluate(EMPTY_SECTIONS)
        assert not empty, f"{where} has sections without content: {empty}"
        listed = case_studies_listed(page)
        assert len(listed) == len(set(listed)), f"{where} lists a case study twice: {listed}"
        report = axe_scan(page)
        assert not report.violations, report.describe()

        page.evaluate(
            "() => document.querySelectorAll('img[loading=lazy]').forEach(i => i.loading = 'eager')"
        )
        page.wait_for_function("() => [...document.images].every(i => i.complete)")
        page.screenshot(path=launch_screenshots_dir / f"{name}-{size['width']}.png", full_page=True)
        assert (launch_screenshots_dir / f"{name}-{size['width']}.png").stat().st_size > 0


def test_theme_pages_list_their_teased_case_study_once(live_site, page):
    for slug in ("belonging-and-leadership", "belonging-and-culture"):
        load(page, live_site + by_slug(slug))
        listed = case_studies_listed(page)
        assert len(listed) == 1, f"{slug}: {listed}"
