"""Site search in Chromium with JavaScript off and the keyboard only (acceptance 5): from
the overview, Tab to the header's search box, type, press Enter, reach the case study from
the results by its school, its place and a word of its body. (axe on the results and
no-results pages: test_accessibility.py's PAGES.)"""

import pytest

pytestmark = pytest.mark.browser

CASE_STUDY = "/case-studies/helston-community-college/"


def tab_to(page, element_id):
    for _ in range(40):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == element_id:
            return
    pytest.fail(f"#{element_id} cannot be reached with the Tab key")


def tab_to_link(page, href):
    for _ in range(80):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.getAttribute('href')") == href:
            return
    pytest.fail(f"No link to {href} can be reached with the Tab key")


@pytest.mark.parametrize(
    "words",
    [
        pytest.param("Helston Community College", id="school"),
        pytest.param("Cornwall", id="place"),
        pytest.param("solidarity", id="body-word"),
    ],
)
def test_a_case_study_is_found_with_the_keyboard_and_no_javascript(live_site, browser, words):
    context = browser.new_context(java_script_enabled=False, locale="en-GB")
    try:
        page = context.new_page()
        page.goto(live_site + "/", wait_until="load")
        tab_to(page, "site-search-words")
        page.keyboard.type(words)
        with page.expect_navigation():
            page.keyboard.press("Enter")
        assert page.url.startswith(live_site + "/search/?q=")
        assert page.locator("h1").inner_text() == f"Search results for “{words}”"
        assert page.locator(".search-result__summary").first.is_visible()

        tab_to_link(page, CASE_STUDY)
        with page.expect_navigation():
            page.keyboard.press("Enter")
        assert page.url == live_site + CASE_STUDY
        assert "Helston Community College" in page.locator("h1").inner_text()
    finally:
        context.close()


def test_nothing_found_says_so_and_offers_a_way_on(live_site, browser):
    context = browser.new_context(java_script_enabled=False, locale="en-GB")
    try:
        page = context.new_page()
        page.goto(live_site + "/", wait_until="load")
        tab_to(page, "site-search-words")
        page.keyboard.type("zyzzyva")
        with page.expect_navigation():
            page.keyboard.press("Enter")
        assert "No pages found for “zyzzyva”" in page.locator("main").inner_text()
        tab_to_link(page, "/case-studies/")
        with page.expect_navigation():
            page.keyboard.press("Enter")
        assert page.url == live_site + "/case-studies/"
    finally:
        context.close()
