"""Launch day, as a visitor sees it in Chromium at 390 and 1280 px, on every public page type
of the starter site (the privacy notice and the accessibility statement included): no
placeholder text, no section without its content, no case study listed twice
(``assert_ready_for_launch``, run by tests/browser/test_layout.py on each page type at both
sizes, with its axe-core scans and screenshots)."""

import pytest

from tests.browser.test_accessibility import load, path_of

pytestmark = pytest.mark.browser

PLACEHOLDERS = ["coming soon", "placeholder", "will replace", "lorem ipsum", "to be confirmed"]


def by_slug(slug):
    from wagtail.models import Page

    return path_of(Page.objects.live().get(slug=slug).specific)


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


def case_studies_listed(page):
    """The case studies a page links to from a card (lists and teasers alike)."""
    return page.eval_on_selector_all(
        "main .card--case-study .card__link", "links => links.map(a => a.pathname)"
    )


def assert_ready_for_launch(page, where):
    """No placeholder text, no section without its content, no case study listed twice, on
    the page as loaded. tests/browser/test_layout.py runs it on every page type at both sizes,
    beside its axe-core scans and screenshots (a test of its own loaded the same pages at the
    same sizes and scanned them again)."""
    words = page.locator("main").inner_text().lower()
    found = [placeholder for placeholder in PLACEHOLDERS if placeholder in words]
    assert not found, f"{where} shows placeholder text: {found}"
    empty = page.evaluate(EMPTY_SECTIONS)
    assert not empty, f"{where} has sections without content: {empty}"
    listed = case_studies_listed(page)
    assert len(listed) == len(set(listed)), f"{where} lists a case study twice: {listed}"


def test_theme_pages_list_their_teased_case_study_once(live_site, page):
    for slug in ("belonging-and-leadership", "belonging-and-culture"):
        load(page, live_site + by_slug(slug))
        listed = case_studies_listed(page)
        assert len(listed) == 1, f"{slug}: {listed}"
