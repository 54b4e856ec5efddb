"""Acceptance 2: a member of the Membership team who signs in with the right password sees no
submission until they have given the code from their authenticator app."""

import io
from base64 import b32decode

import pytest
from django.core.management import call_command
from django.test import Client
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import expect

from getinvolved.models import InterestFormPage
from staff.names import MEMBERSHIP_TEAM, PUBLISHERS
from tests.browser.admin import add_user, field
from tests.getinvolved.formhelpers import register_answers, submit

pytestmark = pytest.mark.browser
MEMBER_NAME = "Sam Member"


def current_code(device):
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):06d}"


def test_the_membership_team_sees_no_submission_before_the_second_factor(
    live_site, page, django_user_model, settings, axe_scan
):
    settings.TWO_FACTOR_ENFORCED = True  # as production always has it
    call_command("setup_groups", stdout=io.StringIO())
    form = InterestFormPage.objects.get(slug="register-your-interest")
    assert submit(Client(), form, register_answers(your_name=MEMBER_NAME)).status_code == 302
    username, password = add_user(django_user_model, "morgan.membership", MEMBERSHIP_TEAM)
    device = TOTPDevice.objects.create(
        user=django_user_model.objects.get(username=username), name="Phone", confirmed=True
    )

    page.goto(live_site + "/admin/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()

    # The right password leads to the code, not to the admin.
    heading = page.get_by_role("heading", name="Enter the code from your authenticator app")
    expect(heading).to_be_visible()
    report = axe_scan(page)
    assert not report.violations, report.describe()
    for url in (
        "/admin/",
        "/admin/getinvolved/forms/",
        f"/admin/forms/submissions/{form.pk}/",
        "/admin/getinvolved/interestsubmission/",
    ):
        page.goto(live_site + url)
        expect(heading).to_be_visible()
        expect(page.get_by_text(MEMBER_NAME)).to_have_count(0)

    # A wrong code is refused and says so.
    field(page, "Code from your authenticator app").fill("000000")
    page.get_by_role("button", name="Continue").click()
    expect(page.get_by_role("status")).to_contain_text("That code was not right")
    device.refresh_from_db()
    device.throttle_reset()  # django-otp makes the next try wait a second after a wrong one

    # With the code, the team's forms and the member's answers are there.
    field(page, "Code from your authenticator app").fill(current_code(device))
    page.get_by_role("button", name="Continue").click()
    # Back where they were going (the last page they asked for), then the form's answers.
    expect(page).to_have_url(live_site + "/admin/getinvolved/interestsubmission/")
    page.goto(f"{live_site}/admin/forms/submissions/{form.pk}/")
    expect(page.get_by_role("cell", name=MEMBER_NAME)).to_be_visible()


def test_a_publisher_sets_up_two_factor_and_later_signs_in_with_a_recovery_code(
    live_site, page, django_user_model, settings, axe_scan
):
    """Issue 15: the set-up page's key is this browser's only; the recovery codes are shown
    once, and one signs in when the phone is lost."""
    settings.TWO_FACTOR_ENFORCED = True
    call_command("setup_groups", stdout=io.StringIO())
    username, password = add_user(django_user_model, "pat.publisher", PUBLISHERS)

    page.goto(live_site + "/admin/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_text("Your role needs two-factor authentication")).to_be_visible()
    report = axe_scan(page)
    assert not report.violations, report.describe()

    typed = page.locator("code").first.inner_text().replace(" ", "")
    device = TOTPDevice(key=b32decode(typed + "=" * (-len(typed) % 8)).hex())
    field(page, "Code from your authenticator app").fill(current_code(device))
    page.get_by_role("button", name="Turn on two-factor authentication").click()

    expect(page.get_by_role("heading", name="Save these recovery codes now")).to_be_visible()
    report = axe_scan(page)
    assert not report.violations, report.describe()
    codes = page.locator("ol li code").all_inner_texts()
    assert len(codes) == 10
    page.get_by_role("link", name="I have saved my recovery codes").click()
    expect(page).to_have_url(live_site + "/admin/")
    page.goto(live_site + "/admin/two-factor/recovery-codes/")
    expect(page.get_by_text("You have 10 unused recovery codes")).to_be_visible()
    expect(page.get_by_text(codes[0])).to_have_count(0)  # shown once only

    page.context.clear_cookies()  # a new sign-in, the phone lost
    page.goto(live_site + "/admin/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()
    field(page, "Recovery code").fill(codes[0])
    page.get_by_role("button", name="Sign in with a recovery code").click()
    expect(page).to_have_url(live_site + "/admin/")
    expect(page.get_by_text("9 unused codes are left")).to_be_visible()
