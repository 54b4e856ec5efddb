"""Signing in to the admin: guessing passwords locks the account and the address for the
cool-off (acceptance 1), the second factor is asked for before anything else (required for
superusers, Publishers and the Membership team), passwords of at least 12 characters, and
sessions that end after a working day of inactivity."""

import io
import json
import re
from base64 import b32decode
from datetime import timedelta

import pytest
from axes.models import AccessAttempt
from django.conf import settings
from django.contrib.auth.models import Group
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from staff.names import EDITORS, MEMBERSHIP_TEAM, PUBLISHERS
from tests.production import run_with_production_settings, settings_under

pytestmark = pytest.mark.django_db

PASSWORD = "correct horse battery staple"
LOGIN = "/admin/login/"


@pytest.fixture
def groups(db):
    call_command("setup_groups", stdout=io.StringIO())


def staff_member(django_user_model, username, *group_names):
    user = django_user_model.objects.create_user(username, password=PASSWORD)
    user.groups.add(*Group.objects.filter(name__in=group_names))
    return user


def sign_in(client, username, password=PASSWORD, **extra):
    return client.post(LOGIN, {"username": username, "password": password}, **extra)


def test_the_login_throttle_settings_are_productions():
    program = (
        "import json\nfrom django.conf import settings as s\n"
        "print(json.dumps([s.AXES_FAILURE_LIMIT, s.AXES_LOCKOUT_PARAMETERS,"
        " s.AXES_COOLOFF_TIME.total_seconds(), s.AUTHENTICATION_BACKENDS,"
        " s.MIDDLEWARE[-1], s.AXES_LOCKOUT_CALLABLE]))"
    )
    result = run_with_production_settings(program)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout.splitlines()[-1]) == [
        settings.AXES_FAILURE_LIMIT,
        settings.AXES_LOCKOUT_PARAMETERS,
        settings.AXES_COOLOFF_TIME.total_seconds(),
        settings.AUTHENTICATION_BACKENDS,
        "axes.middleware.AxesMiddleware",
        settings.AXES_LOCKOUT_CALLABLE,
    ]


def test_twenty_wrong_passwords_lock_the_account_until_the_cool_off(client, django_user_model):
    staff_member(django_user_model, "sam")
    for _ in range(20):
        response = sign_in(client, "sam", "wrong password")
        assert response.status_code in (200, 429)
        assert "_auth_user_id" not in client.session

    response = sign_in(client, "sam")
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session
    body = response.content.decode()
    assert "Signing in is paused" in body
    assert "paused for 30 minutes, even with the right password" in body

    # From another address, too: the account itself is locked.
    response = sign_in(client, "sam", REMOTE_ADDR="198.51.100.9")
    assert response.status_code == 429

    # After the cool-off, the right password works again.
    AccessAttempt.objects.update(attempt_time=timezone.now() - timedelta(minutes=31))
    response = sign_in(client, "sam")
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(django_user_model.objects.get().pk)


def test_a_superuser_unlocks_an_account(client, django_user_model):
    staff_member(django_user_model, "sam")
    for _ in range(10):
        sign_in(client, "sam", "wrong password")
    assert sign_in(client, "sam").status_code == 429
    call_command("axes_reset_username", "sam", stdout=io.StringIO())
    assert sign_in(client, "sam").status_code == 302


def test_passwords_need_twelve_characters():
    with pytest.raises(ValidationError, match="at least 12 characters"):
        validate_password("Tr0ub4dor&3")
    validate_password("a long enough passphrase")


def secret_on_page(body):
    """The hex key of the set-up page's "type this key instead" (base 32 in groups of 4)."""
    typed = re.search(r"type this key instead: <code>([A-Z2-7 ]+)</code>", body).group(1)
    compact = typed.replace(" ", "")
    return b32decode(compact + "=" * (-len(compact) % 8)).hex()


def code_for(device):
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):06d}"


@override_settings(TWO_FACTOR_ENFORCED=True)
def test_the_membership_team_must_give_a_code_before_seeing_submissions(
    client, django_user_model, groups
):
    user = staff_member(django_user_model, "morgan", MEMBERSHIP_TEAM)
    device = TOTPDevice.objects.create(user=user, name="phone", confirmed=True)
    response = sign_in(client, "morgan")
    assert response.status_code == 302
    for url in ("/admin/", "/admin/getinvolved/forms/", "/admin/getinvolved/interestsubmission/"):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith("/admin/two-factor/verify/?next=")
    assert b"Enter the code" in client.get(response["Location"]).content

    wrong = client.post("/admin/two-factor/verify/", {"code": "000000", "next": "/admin/"})
    assert wrong.status_code == 400 and b"That code was not right" in wrong.content
    device.refresh_from_db()
    device.throttle_reset()
    right = client.post("/admin/two-factor/verify/", {"code": code_for(device), "next": "/admin/"})
    assert right.status_code == 302 and right["Location"] == "/admin/"
    assert client.get("/admin/getinvolved/forms/").status_code == 200


@override_settings(TWO_FACTOR_ENFORCED=True)
@pytest.mark.parametrize("group", [PUBLISHERS, MEMBERSHIP_TEAM, "superuser"])
def test_required_roles_set_up_an_authenticator_first(client, django_user_model, groups, group):
    if group == "superuser":
        django_user_model.objects.create_superuser("pat", "pat@example.org", PASSWORD)
    else:
        staff_member(django_user_model, "pat", group)
    sign_in(client, "pat")
    response = client.get("/admin/pages/")
    assert response["Location"].startswith("/admin/two-factor/?next=")
    page = client.get("/admin/two-factor/")
    body = page.content.decode()
    assert "Your role needs two-factor authentication" in body
    assert '<svg role="img" aria-label="QR code for your authenticator app"' in body
    # The secret is this session's only: read from the page (the database has no device yet).
    assert not TOTPDevice.objects.filter(user__username="pat").exists()
    device = TOTPDevice(key=secret_on_page(body))
    response = client.post("/admin/two-factor/", {"code": code_for(device), "next": "/admin/"})
    assert response.status_code == 302
    device = TOTPDevice.objects.get(user__username="pat")
    assert device.confirmed
    assert client.get("/admin/").status_code == 200  # the dashboard, no longer redirected


@override_settings(TWO_FACTOR_ENFORCED=True)
def test_other_editors_may_use_it_and_are_then_asked_every_time(client, django_user_model, groups):
    editor = staff_member(django_user_model, "alex", EDITORS)
    sign_in(client, "alex")
    assert client.get("/admin/pages/").status_code == 200  # not required for Editors
    assert (
        b"Two-factor authentication keeps your account safe"
        in client.get("/admin/two-factor/").content
    )
    TOTPDevice.objects.create(user=editor, name="phone", confirmed=True)
    client.logout()
    sign_in(client, "alex")
    assert client.get("/admin/pages/")["Location"].startswith("/admin/two-factor/verify/")


def test_development_exempts_the_local_admin_and_production_never():
    names = ("TWO_FACTOR_ENFORCED", "TWO_FACTOR_EXEMPT_USERNAMES")
    production, development = settings_under(
        (names, {}), (names, {"DJANGO_SETTINGS_MODULE": "config.settings.dev"})
    )
    assert production == {"TWO_FACTOR_ENFORCED": True, "TWO_FACTOR_EXEMPT_USERNAMES": []}
    assert development == {"TWO_FACTOR_ENFORCED": True, "TWO_FACTOR_EXEMPT_USERNAMES": ["admin"]}
