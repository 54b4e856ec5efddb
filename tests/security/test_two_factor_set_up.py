"""Red-team finding (issue 15): a half-finished set-up of two-factor sign-in was a back
door. The set-up page showed the same secret until someone confirmed it, so whoever saw it
first could later sign in with codes from it. Now the secret is the showing session's only
and expires; a reset removes every device; recovery codes are shown once and work once."""

import io
import re

import pytest
from django.core.management import call_command
from django.test import Client, override_settings
from django_otp import devices_for_user
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from staff.names import PUBLISHERS
from staff.twofactor import SET_UP_SESSION_KEY
from tests.security.test_sign_in import code_for, secret_on_page, sign_in, staff_member

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("groups")]
SET_UP = "/admin/two-factor/"
VERIFY = "/admin/two-factor/verify/"
CODES = "/admin/two-factor/recovery-codes/"


@pytest.fixture
def groups(db):
    call_command("setup_groups", stdout=io.StringIO())


@pytest.fixture(autouse=True)
def enforced():
    with override_settings(TWO_FACTOR_ENFORCED=True):
        yield


@pytest.fixture
def client_factory():
    """New browsers, each with its own session."""
    return Client


@pytest.fixture
def publisher(django_user_model):
    return staff_member(django_user_model, "pat", PUBLISHERS)


def secret_shown(client):
    return TOTPDevice(key=secret_on_page(client.get(SET_UP).content.decode()))


def set_up(client):
    """Set up an authenticator in this signed-in session; the recovery codes shown."""
    device = secret_shown(client)
    response = client.post(SET_UP, {"code": code_for(device), "next": "/admin/"})
    assert response.status_code == 302
    assert response["Location"].startswith(CODES)
    page = client.get(response["Location"]).content.decode()
    return re.findall(r"<li><code>([a-z2-7]{4}-[a-z2-7]{4})</code></li>", page)


def test_a_secret_seen_in_another_session_never_becomes_the_authenticator(
    client_factory, publisher
):
    intruder, member = client_factory(), client_factory()
    sign_in(intruder, "pat")  # someone who has the password, before the member sets up
    seen = secret_shown(intruder)
    sign_in(member, "pat")
    own = secret_shown(member)
    assert own.key != seen.key
    assert not TOTPDevice.objects.exists()  # nothing stored until a code is confirmed

    refused = member.post(SET_UP, {"code": code_for(seen), "next": "/admin/"})
    assert refused.status_code == 400
    assert "That code was not right" in refused.content.decode()
    assert member.post(SET_UP, {"code": code_for(own), "next": "/admin/"}).status_code == 302
    assert list(TOTPDevice.objects.values_list("key", flat=True)) == [own.key]

    # Later, the intruder signs in with the password and a code from the secret they saw.
    later = client_factory()
    sign_in(later, "pat")
    answer = later.post(VERIFY, {"code": code_for(seen), "next": "/admin/"})
    assert answer.status_code == 400
    assert later.get("/admin/pages/")["Location"].startswith(VERIFY)
    # Nor can the first session, still open, finish its set-up with it.
    intruder.post(SET_UP, {"code": code_for(seen), "next": "/admin/"})
    assert list(TOTPDevice.objects.values_list("key", flat=True)) == [own.key]
    assert intruder.get("/admin/pages/")["Location"].startswith(VERIFY)


def age_the_secret(client):
    session = client.session
    pending = session[SET_UP_SESSION_KEY]
    pending["shown_at"] -= 11 * 60  # shown eleven minutes ago: keys last ten
    session[SET_UP_SESSION_KEY] = pending
    session.save()


def test_an_expired_secret_is_refused(client, publisher):
    sign_in(client, "pat")
    old = secret_shown(client)
    age_the_secret(client)

    response = client.post(SET_UP, {"code": code_for(old), "next": "/admin/"})
    assert response.status_code == 400
    body = response.content.decode()
    assert "The key shown before has expired" in body
    assert not TOTPDevice.objects.exists()
    newer = TOTPDevice(key=secret_on_page(body))
    assert newer.key != old.key
    age_the_secret(client)  # and coming back to the page later shows a new one too
    page = client.get(SET_UP).content.decode()
    assert "The key shown before has expired" in page
    new = TOTPDevice(key=secret_on_page(page))
    assert new.key not in (old.key, newer.key)
    assert client.post(SET_UP, {"code": code_for(newer), "next": "/admin/"}).status_code == 400
    assert client.post(SET_UP, {"code": code_for(new), "next": "/admin/"}).status_code == 302
    assert list(TOTPDevice.objects.values_list("key", flat=True)) == [new.key]


def test_a_reset_removes_every_device_confirmed_or_not(publisher):
    TOTPDevice.objects.create(user=publisher, name="phone", confirmed=True)
    TOTPDevice.objects.create(user=publisher, name="abandoned set-up", confirmed=False)
    spare = StaticDevice.objects.create(user=publisher, name="Recovery codes", confirmed=True)
    spare.token_set.create(token="abcdefgh")
    call_command("reset_two_factor", "pat", stdout=io.StringIO())
    assert list(devices_for_user(publisher, confirmed=None)) == []
    assert not StaticToken.objects.exists()


def test_a_recovery_code_signs_in_once_and_not_twice(client_factory, publisher):
    first = client_factory()
    sign_in(first, "pat")
    codes = set_up(first)
    assert len(codes) == 10
    assert "Save these recovery codes now" not in first.get(CODES).content.decode()  # once

    phone_lost = client_factory()
    sign_in(phone_lost, "pat")
    page = phone_lost.get(VERIFY).content.decode()
    assert "Sign in with a recovery code" in page
    answer = phone_lost.post(VERIFY, {"recovery_code": codes[0].upper(), "next": "/admin/"})
    assert answer.status_code == 302 and answer["Location"] == "/admin/"
    dashboard = phone_lost.get("/admin/")
    assert dashboard.status_code == 200
    assert "9 unused codes are left" in dashboard.content.decode()

    again = client_factory()
    sign_in(again, "pat")
    refused = again.post(VERIFY, {"recovery_code": codes[0], "next": "/admin/"})
    assert refused.status_code == 400
    assert "That recovery code was not right, or has been used" in refused.content.decode()
    assert again.get("/admin/pages/")["Location"].startswith(VERIFY)


def test_new_recovery_codes_replace_the_old_ones(client, publisher):
    sign_in(client, "pat")
    old = set_up(client)
    response = client.post(CODES)
    assert response.status_code == 302
    new = re.findall(r"<code>([a-z2-7]{4}-[a-z2-7]{4})</code>", client.get(CODES).content.decode())
    assert len(new) == 10 and not set(new) & set(old)
    stored = set(StaticToken.objects.values_list("token", flat=True))
    assert stored == {code.replace("-", "") for code in new}


def test_a_password_alone_cannot_make_recovery_codes(client_factory, publisher):
    member = client_factory()
    sign_in(member, "pat")
    codes = set_up(member)
    stranger = client_factory()
    sign_in(stranger, "pat")  # the password, but no second factor
    assert stranger.post(CODES)["Location"].startswith(VERIFY)
    assert stranger.get(CODES)["Location"].startswith(VERIFY)
    with override_settings(TWO_FACTOR_ENFORCED=False):  # the page checks too, not only the rule
        assert stranger.post(CODES)["Location"] == SET_UP
    stored = set(StaticToken.objects.values_list("token", flat=True))
    assert stored == {code.replace("-", "") for code in codes}
