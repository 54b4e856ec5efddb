"""Acceptance 4 of issue 20, in Chromium: a Welsh member sends the Welsh "Register your
interest" form, first with a mistake (the error is in Welsh), then as it should be; the task
worker sends the Welsh confirmation to a real SMTP server process (aiosmtpd,
tests/getinvolved/smtp_sink.py); the Membership team reads the answer beside an English
member's, the region filter taking both, with the language in its own column."""

import email
import email.policy
import io
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command
from django.test import Client
from playwright.sync_api import expect
from wagtail.models import Page

from core.models import SiteSettings
from getinvolved.models import InterestFormPage, InterestSubmission
from home.models import StandardPage
from staff.names import MEMBERSHIP_TEAM
from tests.browser.admin import add_user, sign_in
from tests.getinvolved.formhelpers import register_answers, submit
from tests.getinvolved.welsh import WELSH_CONFIRMATION, WELSH_SUBJECT, make_welsh_form
from tests.tasks import run_due_tasks

pytestmark = pytest.mark.browser

SMTP_SINK = Path(__file__).parent.parent / "getinvolved" / "smtp_sink.py"


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def smtp_sink(tmp_path):
    """A real SMTP server process on a free loopback port, saving each message it gets."""
    port, mailbox = free_port(), tmp_path / "mailbox"
    mailbox.mkdir()
    process = subprocess.Popen(
        [sys.executable, str(SMTP_SINK), str(port), str(mailbox)],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert process.stdout.readline().strip() == "ready"
        yield port, mailbox
    finally:
        process.terminate()
        process.wait(timeout=10)


def received(mailbox):
    return [
        email.message_from_bytes(path.read_bytes(), policy=email.policy.default)
        for path in sorted(mailbox.iterdir())
    ]


def test_welsh_member_sends_the_welsh_form_and_gets_a_welsh_confirmation(
    live_site, page, django_user_model, settings, smtp_sink, axe_scan
):
    call_command("setup_groups", stdout=io.StringIO())
    port, mailbox = smtp_sink
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", port
    # Emails go out from the worker, as in production.
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    home = Page.objects.get(depth=2).specific
    get_involved = StandardPage.objects.get(slug="get-involved", locale=home.locale)
    english_form = InterestFormPage.objects.get(slug="register-your-interest", locale=home.locale)
    notice = SiteSettings.for_site(home.get_site()).privacy_notice_page
    welsh_form = make_welsh_form(english_form, home, get_involved, notice)
    # An English member has answered the English form.
    submit(Client(), english_form, register_answers(region="Wales", your_name="Evan English"))
    submit(Client(), english_form, register_answers(region="London", your_name="Lon Don"))

    url = f"{live_site}/cy/get-involved/register-your-interest/"
    assert welsh_form.url == "/cy/get-involved/register-your-interest/"
    page.goto(url)
    expect(page.locator("html")).to_have_attribute("lang", "cy")
    send = page.locator("form[method=post] button[type=submit]")

    # Sent without a name: the error is in Welsh.
    page.fill("#id_email_address", "sian@example.org")
    send.click()
    summary = page.locator("#error-summary")
    expect(summary).to_contain_text("Rhowch eich ateb i “Eich enw”.")
    report = axe_scan(page)
    assert not report.violations, report.describe()

    page.fill("#id_your_name", "Siân Aelod")
    page.fill("#id_school_or_workplace", "Ysgol Gynradd Enghraifft")
    page.fill("#id_role", "Athro dosbarth")
    page.select_option("#id_region", label="Cymru")
    page.fill("#id_how_would_you_like_to_be_involved", "Rhannu arfer o fy ysgol")
    page.check("#id_privacy-consent")
    send.click()
    expect(page).to_have_url(f"{url}thank-you/")
    stored = InterestSubmission.objects.get(page=welsh_form)
    assert (stored.region, stored.language) == ("Wales", "cy")
    assert stored.consent_notice.language == "cy"

    # The worker sends the Welsh confirmation to the real mail server.
    assert not [m for m in received(mailbox) if "sian@example.org" in m["To"]]
    run_due_tasks()
    welsh = [m for m in received(mailbox) if "sian@example.org" in m["To"]]
    assert len(welsh) == 1
    assert welsh[0]["Subject"] == WELSH_SUBJECT
    assert welsh[0]["Content-Language"] == "cy"
    assert WELSH_CONFIRMATION in welsh[0].get_content()

    # The Membership team reads it beside the English answer; the region filter takes both.
    sign_in(page, live_site, *add_user(django_user_model, "morgan.team", MEMBERSHIP_TEAM))
    page.goto(f"{live_site}/admin/getinvolved/interestsubmission/?region=Wales")
    welsh_row = page.get_by_role("row").filter(has_text="Siân Aelod")
    expect(welsh_row).to_contain_text("Cymraeg")
    expect(welsh_row).to_contain_text("Wales")
    expect(page.get_by_role("row").filter(has_text="Evan English")).to_contain_text("English")
    expect(page.get_by_role("row").filter(has_text="Lon Don")).to_have_count(0)
