"""The public site's layout in a real browser, on every public page type, at a phone size
(390x844) and a desktop size (1280x800).

- The phone header takes at most a quarter of the first screen; its Menu button
  (aria-expanded, aria-controls) works from the keyboard; without JavaScript the links are
  simply shown.
- On the desktop the main navigation is one line, and prose runs at most 75 characters a
  line.
- Nothing is wider than the phone screen; no case study is listed twice on one page.
- Printing (emulated) leaves out the navigation, and prints link addresses after links.
- axe-core finds no violations at either size.
- Ready for launch at either size: no placeholder text, no section without its content
  (tests/browser/test_launch_pages.py).

Each page type is photographed at both sizes into $LAYOUT_SCREENSHOTS_DIR, or else a
temporary folder (never the repository), for people to look at.
"""

import os
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from tests.browser.conftest import LOCAL_HOSTS
from tests.browser.test_accessibility import get_involved_path, load, one_of, path_of
from tests.browser.test_launch_pages import assert_ready_for_launch, by_slug

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 800}
MAX_HEADER_SHARE = 0.25
MAX_LINE_CHARACTERS = 75

# (name, how to find the path, expected HTTP status)
PAGE_TYPES = [
    ("overview", lambda: "/", 200),
    ("theme", lambda: by_slug("belonging-and-leadership"), 200),
    ("theme-3", lambda: by_slug("belonging-and-agency"), 200),
    ("case-study-index", lambda: path_of(one_of("CaseStudyIndexPage")), 200),
    ("case-study", lambda: path_of(one_of("CaseStudyPage")), 200),
    ("standard-page", get_involved_path, 200),
    ("form-page", lambda: path_of(one_of("InterestFormPage")), 200),
    ("privacy-notice", lambda: path_of(one_of("PrivacyNoticePage")), 200),
    ("accessibility-statement", lambda: by_slug("accessibility-statement"), 200),
    ("not-found", lambda: "/no-such-page/", 404),
]
PAGE_TYPE_PARAMS = [pytest.param(name, find, status, id=name) for name, find, status in PAGE_TYPES]


@pytest.fixture(scope="session")
def layout_screenshots_dir(tmp_path_factory):
    configured = os.environ.get("LAYOUT_SCREENSHOTS_DIR", "").strip()
    directory = Path(configured) if configured else tmp_path_factory.mktemp("layout")
    directory.mkdir(parents=True, exist_ok=True)
    return directory


def screenshot(page, directory, name, size):
    # A full-page picture: load the lazy images below the fold first.
    page.evaluate(
        "() => document.querySelectorAll('img[loading=lazy]').forEach(i => i.loading = 'eager')"
    )
    page.wait_for_function("() => [...document.images].every(i => i.complete)")
    path = directory / f"{name}-{size['width']}.png"
    page.screenshot(path=path, full_page=True)
    assert path.stat().st_size > 0, f"{path} is empty"
    return path


# Characters per rendered line of each prose element in <main> (paragraphs, list items,
# description terms and details, quotes, captions), counted character by character with
# Range.getClientRects: a character starts a new line when it sits below the line before.
LONGEST_LINES = """() => {
    const elements = document.querySelectorAll(
        "main p, main li, main dt, main dd, main blockquote, main figcaption"
    );
    const blocks = "p, ul, ol, dl, div, blockquote, figure, section, article, li";
    const range = document.createRange();
    const found = [];
    for (const element of elements) {
        if (element.querySelector(blocks) || !element.getClientRects().length) continue;
        const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
        let line = null;
        let longest = 0;
        const finish = () => { if (line) longest = Math.max(longest, line.count); };
        while (walker.nextNode()) {
            const node = walker.currentNode;
            if (node.parentElement.closest(".visually-hidden")) continue;
            for (let i = 0; i < node.length; i++) {
                range.setStart(node, i);
                range.setEnd(node, i + 1);
                const rect = range.getClientRects()[0];
                if (!rect || rect.width === 0) continue;  // collapsed white space
                if (!line || rect.top > line.top + line.height / 2) {
                    finish();
                    line = { top: rect.top, height: rect.height, count: 0 };
                }
                line.count += 1;
            }
        }
        finish();
        if (longest) {
            found.push({ longest, text: element.textContent.trim().slice(0, 80) });
        }
    }
    return found;
}"""


def header_height(page):
    return page.locator("header.site-header").evaluate("el => el.getBoundingClientRect().height")


def nav_links(page):
    return page.locator("#site-nav a")


def assert_no_sideways_scroll(page):
    width = page.evaluate("() => document.documentElement.scrollWidth")
    assert width <= page.viewport_size["width"], (
        f"{page.url} is {width}px wide at {page.viewport_size['width']}px: it scrolls sideways"
    )


def assert_each_case_study_once(page):
    hrefs = page.eval_on_selector_all(
        "main .card--case-study .card__link", "links => links.map(a => a.pathname)"
    )
    repeated = sorted({href for href in hrefs if hrefs.count(href) > 1})
    assert not repeated, f"{page.url} lists these case studies more than once: {repeated}"


def check_phone(page, url, status, axe_scan):
    page.set_viewport_size(PHONE)
    load(page, url, status)
    assert_ready_for_launch(page, f"{url} at 390px")

    height = header_height(page)
    assert height <= PHONE["height"] * MAX_HEADER_SHARE, (
        f"The header of {url} is {height:.0f}px tall at 390x844: more than a quarter of the screen"
    )
    assert_no_sideways_scroll(page)

    # The Menu button: reached with Tab, opened and closed with Enter; the links show only
    # while it is open.
    button = page.locator("button.menu-button")
    assert button.is_visible(), f"{url}: no Menu button at 390px"
    assert button.get_attribute("aria-controls") == "site-nav"
    assert button.get_attribute("aria-expanded") == "false"
    assert not nav_links(page).first.is_visible(), f"{url}: the menu starts open on a phone"
    for _ in range(6):
        page.keyboard.press("Tab")
        if button.evaluate("el => el === document.activeElement"):
            break
    else:
        pytest.fail(f"{url}: six presses of Tab did not reach the Menu button")
    page.keyboard.press("Enter")
    assert button.get_attribute("aria-expanded") == "true"
    links = nav_links(page)
    assert links.count() >= 2
    for index in range(links.count()):
        assert links.nth(index).is_visible(), f"{url}: menu link {index} hidden after Enter"
    page.keyboard.press("Tab")
    assert links.first.evaluate("el => el === document.activeElement"), (
        "Tab from the open Menu button should go to the first menu link"
    )
    page.keyboard.press("Escape")
    assert button.get_attribute("aria-expanded") == "false"
    assert button.evaluate("el => el === document.activeElement"), "Escape returns to the button"
    page.keyboard.press("Enter")
    assert button.get_attribute("aria-expanded") == "true"
    report = axe_scan(page)  # with the menu open
    assert not report.violations, report.describe()
    page.keyboard.press("Enter")
    assert button.get_attribute("aria-expanded") == "false"
    assert not links.first.is_visible()

    report = axe_scan(page)
    assert not report.violations, report.describe()


def check_desktop(page, url, status, axe_scan):
    page.set_viewport_size(DESKTOP)
    load(page, url, status)
    assert_ready_for_launch(page, f"{url} at 1280px")
    assert_no_sideways_scroll(page)

    assert not page.locator("button.menu-button").is_visible(), "no Menu button at 1280px"
    tops = page.eval_on_selector_all(
        "#site-nav li", "items => items.map(li => Math.round(li.getBoundingClientRect().top))"
    )
    assert len(tops) >= 2 and nav_links(page).first.is_visible()
    assert len(set(tops)) == 1, f"{url}: the navigation wraps at 1280px (item tops {tops})"

    too_long = [
        found for found in page.evaluate(LONGEST_LINES) if found["longest"] > MAX_LINE_CHARACTERS
    ]
    assert not too_long, (
        f"{url}: lines longer than {MAX_LINE_CHARACTERS} characters at 1280px: {too_long}"
    )
    assert_each_case_study_once(page)

    report = axe_scan(page)
    assert not report.violations, report.describe()


def check_print(page, url):
    page.emulate_media(media="print")
    try:
        assert not page.locator("#site-nav").is_visible(), f"{url}: the navigation prints"
        assert not page.locator("button.menu-button").is_visible()
        assert not page.locator(".skip-link").is_visible()
        if page.locator(".breadcrumbs").count():
            assert not page.locator(".breadcrumbs").is_visible(), f"{url}: breadcrumbs print"
        assert not page.locator(".banner").is_visible()
        # A link to another site in the text prints its address after it.
        after = page.evaluate(
            """() => {
                const link = document.createElement("a");
                link.href = "https://neu.org.uk/place-belonging";
                link.textContent = "the NEU's page";
                const holder = document.querySelector("main p") || document.querySelector("main");
                holder.append(link);
                const content = getComputedStyle(link, "::after").content;
                link.remove();
                return content;
            }"""
        )
        assert "https://neu.org.uk/place-belonging" in after, after
    finally:
        page.emulate_media(media="screen")


@pytest.mark.parametrize(("name", "find_path", "status"), PAGE_TYPE_PARAMS)
def test_page_type_layout_at_phone_and_desktop_sizes(
    live_site, page, axe_scan, layout_screenshots_dir, name, find_path, status
):
    url = live_site + find_path()

    check_phone(page, url, status, axe_scan)
    screenshot(page, layout_screenshots_dir, name, PHONE)

    check_desktop(page, url, status, axe_scan)
    screenshot(page, layout_screenshots_dir, name, DESKTOP)

    check_print(page, url)


@pytest.fixture
def page_without_javascript(browser):
    context = browser.new_context(java_script_enabled=False, viewport=PHONE, locale="en-GB")
    context.route(
        "**/*",
        lambda route: (
            route.continue_()
            if urlsplit(route.request.url).hostname in LOCAL_HOSTS
            else route.abort()
        ),
    )
    yield context.new_page()
    context.close()


def test_without_javascript_the_navigation_links_are_shown(live_site, page_without_javascript):
    page = page_without_javascript
    for _name, find_path, status in PAGE_TYPES:
        url = live_site + find_path()
        load(page, url, status)
        assert not page.locator("button.menu-button").is_visible(), (
            f"{url}: without JavaScript the Menu button could not open anything"
        )
        links = nav_links(page)
        assert links.count() >= 2
        for index in range(links.count()):
            assert links.nth(index).is_visible(), f"{url}: menu link {index} is hidden"
        assert_no_sideways_scroll(page)
