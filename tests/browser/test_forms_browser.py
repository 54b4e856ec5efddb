"""A member fills in both starter interest forms in Chromium with the keyboard only, and the
form, its error state and the thank-you page pass axe (acceptance 1)."""

import pytest

pytestmark = pytest.mark.browser

HONEYPOT_ID = "id_website-address"


def tab_to(page, element_id, visited):
    """Press Tab until the element has focus, as a keyboard user would; fail if it never
    does. Every element focused on the way is added to ``visited``."""
    for _ in range(80):
        page.keyboard.press("Tab")
        focused = page.evaluate("document.activeElement.id")
        visited.append(focused)
        if focused == element_id:
            return
    pytest.fail(f"#{element_id} cannot be reached with the Tab key")


# The form's own Send button, not the header's Search button before it.
IS_SEND_BUTTON = (
    "document.activeElement.type === 'submit'"
    " && document.activeElement.closest('form[method=post]') !== null"
)


def send_with_keyboard(page, visited):
    for _ in range(80):
        page.keyboard.press("Tab")
        visited.append(page.evaluate("document.activeElement.id"))
        if page.evaluate(IS_SEND_BUTTON):
            with page.expect_navigation():
                page.keyboard.press("Enter")
            return
    pytest.fail("The Send button cannot be reached with the Tab key")


def assert_no_axe_violations(axe_scan, page):
    report = axe_scan(page)
    assert not report.violations, report.describe()


def fill_text(page, element_id, text, visited):
    tab_to(page, element_id, visited)
    page.keyboard.type(text)


def check_error_state(page, axe_scan, url, visited):
    page.goto(url)
    assert_no_axe_violations(axe_scan, page)
    send_with_keyboard(page, visited)
    assert page.title().startswith("Error:")
    # Focus is on the error summary, which names each problem and links to its field.
    assert page.evaluate("document.activeElement.id") == "error-summary"
    summary = page.locator("#error-summary")
    assert "Enter your answer to “Your name”." in summary.inner_text()
    assert summary.locator('a[href="#id_your_name"]').count() == 1
    assert_no_axe_violations(axe_scan, page)


def test_register_interest_with_keyboard_only(live_site, page, axe_scan):
    from getinvolved.models import InterestSubmission

    url = f"{live_site}/get-involved/register-your-interest/"
    visited = []
    check_error_state(page, axe_scan, url, visited)

    page.goto(url)
    fill_text(page, "id_your_name", "Sam Member", visited)
    fill_text(page, "id_email_address", "sam@example.org", visited)
    fill_text(page, "id_school_or_workplace", "Example Primary School", visited)
    fill_text(page, "id_role", "Class teacher", visited)
    tab_to(page, "id_region", visited)
    page.keyboard.type("London")  # type-ahead picks the option
    assert page.input_value("#id_region") == "London"
    fill_text(page, "id_how_would_you_like_to_be_involved", "Sharing practice", visited)
    tab_to(page, "id_privacy-consent", visited)
    page.keyboard.press("Space")
    send_with_keyboard(page, visited)

    assert page.url == f"{url}thank-you/"
    assert page.locator("h1").inner_text() == "Thank you"
    assert "Thank you for registering your interest" in page.locator("main").inner_text()
    assert_no_axe_violations(axe_scan, page)
    assert HONEYPOT_ID not in visited
    submission = InterestSubmission.objects.get()
    assert submission.form_data["region"] == "London"
    assert submission.form_data["how_would_you_like_to_be_involved"] == "Sharing practice"


def test_share_best_practice_with_keyboard_only(live_site, page, axe_scan):
    from getinvolved.models import InterestSubmission

    url = f"{live_site}/get-involved/share-best-practice/"
    visited = []
    check_error_state(page, axe_scan, url, visited)

    page.goto(url)
    fill_text(page, "id_your_name", "Ali Member", visited)
    fill_text(page, "id_email_address", "ali@example.org", visited)
    fill_text(page, "id_school", "Example Academy", visited)
    tab_to(page, "id_region", visited)
    page.keyboard.type("Wales")
    fill_text(page, "id_your_story", "Every pupil has a named adult.\nIt works.", visited)
    tab_to(page, "id_privacy-consent", visited)
    page.keyboard.press("Space")
    send_with_keyboard(page, visited)

    assert page.url == f"{url}thank-you/"
    assert "Thank you for sharing your school’s story" in page.locator("main").inner_text()
    assert_no_axe_violations(axe_scan, page)
    assert HONEYPOT_ID not in visited
    story = InterestSubmission.objects.get().form_data["your_story"].replace("\r\n", "\n")
    assert story == "Every pupil has a named adult.\nIt works."


def test_get_involved_page_leads_to_both_forms(live_site, page):
    page.goto(f"{live_site}/get-involved/")
    page.get_by_role("link", name="Register your interest").click()
    assert page.locator("h1").inner_text() == "Register your interest"
    page.go_back()
    page.get_by_role("link", name="Share best practice").click()
    assert page.locator("h1").inner_text() == "Share best practice"
