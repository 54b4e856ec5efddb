"""Issue 17, beyond WCAG AA where it is cheap, in Chromium on the starter site:

- (every page type reflowing at 320 CSS px and at 400% zoom is checked with its other
  layout checks, in tests/browser/test_visitor_front.py);
- in forced-colours mode (emulated) the keyboard focus is drawn as an outline on links and
  buttons, buttons keep a border and the comparison's columns keep their borders;
- with reduced motion asked for, nothing scrolls smoothly or animates;
- Wagtail's own accessibility checker (the userbar's "Checks", axe with Wagtail's rules),
  run by an editor, finds nothing on a theme page.
"""

import pytest
from playwright.sync_api import expect

from staff.names import EDITORS
from tests.browser.admin import add_user, sign_in
from tests.browser.test_accessibility import load
from tests.browser.test_launch_pages import by_slug

pytestmark = pytest.mark.browser

FOCUS_STYLE = """() => {
    const style = getComputedStyle(document.activeElement);
    return {
        tag: document.activeElement.tagName,
        text: document.activeElement.textContent.trim().slice(0, 40),
        outline: style.outlineStyle,
        width: parseFloat(style.outlineWidth),
    };
}"""


def tab_to(page, locator, limit=40):
    for _ in range(limit):
        page.keyboard.press("Tab")
        if locator.evaluate("el => el === document.activeElement"):
            return
    pytest.fail(f"{limit} presses of Tab did not reach {locator}")


def test_forced_colours_keep_focus_buttons_and_the_comparison(live_site, page):
    page.emulate_media(forced_colors="active")
    page.set_viewport_size({"width": 1280, "height": 800})
    load(page, live_site + "/")
    assert page.evaluate("() => matchMedia('(forced-colors: active)').matches")

    # A link, then a button-styled link: each focused one has an outline to see.
    for locator in (
        page.locator(".site-nav__link").nth(1),
        page.locator(".hero__actions a").first,
        page.locator(".report a.button"),
    ):
        tab_to(page, locator)
        focus = page.evaluate(FOCUS_STYLE)
        assert focus["outline"] != "none" and focus["width"] >= 2, focus

    for selector in (".hero__actions a", ".report a.button"):
        border = page.locator(selector).first.evaluate(
            "el => { const s = getComputedStyle(el); "
            "return [s.borderTopStyle, parseFloat(s.borderTopWidth)]; }"
        )
        assert border[0] != "none" and border[1] >= 1, (selector, border)
    for column in page.locator(".comparison__column").all():
        sides = column.evaluate(
            """el => ["Top", "Right", "Bottom", "Left"].map(
                (side) => parseFloat(getComputedStyle(el)["border" + side + "Width"]))"""
        )
        assert all(width >= 1 for width in sides), sides


def test_reduced_motion_stops_smooth_scrolling_and_transitions(live_site, page):
    page.emulate_media(reduced_motion="reduce")
    load(page, live_site + "/")
    assert page.evaluate("() => getComputedStyle(document.documentElement).scrollBehavior") == (
        "auto"
    )
    durations = page.eval_on_selector_all(
        ".card", "cards => cards.map(c => getComputedStyle(c).transitionDuration)"
    )
    assert durations and set(durations) == {"0s"}, durations
    page.emulate_media(reduced_motion="no-preference")
    load(page, live_site + "/")
    assert page.evaluate("() => getComputedStyle(document.documentElement).scrollBehavior") == (
        "smooth"
    )


def test_wagtails_accessibility_checker_finds_nothing_on_a_theme_page(
    live_site, page, django_user_model
):
    username, password = add_user(django_user_model, "checker-editor", EDITORS)
    sign_in(page, live_site, username, password)

    page.goto(live_site + by_slug("belonging-and-leadership"), wait_until="networkidle")
    count = page.locator("#checker-trigger [data-content-checker-count]")
    # The userbar runs axe with Wagtail's rules (p-as-heading, heading-order, alt text
    # quality...) once the page has loaded, then writes the number of issues.
    expect(count).to_have_text("0", timeout=20_000)
    page.get_by_role("button", name="View Wagtail quick actions").click()
    page.locator("#checker-trigger").click()
    expect(page.locator("[data-content-checker-name]")).to_have_count(0)
