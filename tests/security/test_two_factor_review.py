"""Outside review of two-factor sign-in: codes in other scripts' digits ("¹²³⁴⁵⁶") are
refused with a message, never a 500, on every page that reads a code; a reset by an
administrator also ends the member's sessions, so a stolen session cannot enrol its own
authenticator; the first recovery codes page does not talk of codes someone never had."""

import io

import pytest
from django.core.management import call_command
from django.test import Client, override_settings
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from staff.names import EDITORS, PUBLISHERS
from tests.security.test_sign_in import code_for, sign_in, staff_member
from tests.security.test_two_factor_set_up import CODES, SET_UP, VERIFY, secret_shown, set_up

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("groups")]
NOT_ASCII = ["¹²³⁴⁵⁶", "١٢٣٤٥٦", "１２３４５６", "123 ４５６"]


@pytest.fixture
def groups(db):
    call_command("setup_groups", stdout=io.StringIO())


@pytest.fixture(autouse=True)
def enforced():
    with override_settings(TWO_FACTOR_ENFORCED=True):
        yield


@pytest.mark.parametrize("code", NOT_ASCII)
def test_a_code_in_other_digits_is_refused_when_setting_up(client, django_user_model, code):
    staff_member(django_user_model, "pat", PUBLISHERS)
    sign_in(client, "pat")
    client.get(SET_UP)
    response = client.post(SET_UP, {"code": code, "next": "/admin/"})
    assert response.status_code == 400
    assert "Enter the six digits your authenticator app shows." in response.content.decode()
    assert not TOTPDevice.objects.exists()


@pytest.mark.parametrize("code", NOT_ASCII)
def test_a_code_in_other_digits_is_refused_at_sign_in(django_user_model, code):
    staff_member(django_user_model, "pat", PUBLISHERS)
    first = Client()
    sign_in(first, "pat")
    set_up(first)
    later = Client()
    sign_in(later, "pat")
    response = later.post(VERIFY, {"code": code, "next": "/admin/"})
    assert response.status_code == 400
    assert "Enter the six digits your authenticator app shows." in response.content.decode()
    refused = later.post(VERIFY, {"recovery_code": "ａｂｃｄ-ｅｆｇｈ", "next": "/admin/"})
    assert refused.status_code == 400
    assert "eight letters and digits, like abcd-efgh" in refused.content.decode()
    assert later.get("/admin/pages/")["Location"].startswith(VERIFY)


def test_a_reset_ends_the_members_sessions(django_user_model):
    member = staff_member(django_user_model, "pat", PUBLISHERS)
    other = staff_member(django_user_model, "sam", EDITORS)
    first = Client()
    sign_in(first, "pat")
    set_up(first)
    stolen = Client()
    sign_in(stolen, "pat")  # the password, waiting at the code page
    bystander = Client()
    sign_in(bystander, "sam")
    assert first.get("/admin/").status_code == 200

    out = io.StringIO()
    call_command("reset_two_factor", "pat", stdout=out)
    assert "signed out of 2 session(s)" in out.getvalue()
    assert not TOTPDevice.objects.filter(user=member).exists()
    # Neither session can now set up its own authenticator: both must sign in again.
    for client in (first, stolen):
        assert client.get(SET_UP)["Location"].startswith("/admin/login/")
        client.post(SET_UP, {"code": "123456", "next": "/admin/"})
    assert not TOTPDevice.objects.exists()
    assert bystander.get("/admin/").status_code == 200  # others stay signed in
    assert bystander.session["_auth_user_id"] == str(other.pk)


def test_only_new_recovery_codes_say_the_old_ones_stopped_working(client, django_user_model):
    staff_member(django_user_model, "pat", PUBLISHERS)
    sign_in(client, "pat")
    device = secret_shown(client)
    response = client.post(SET_UP, {"code": code_for(device), "next": "/admin/"})
    first = client.get(response["Location"]).content.decode()
    assert "Save these recovery codes now" in first
    assert "no longer work" not in first  # there were none before
    assert StaticDevice.objects.count() == 1
    client.post(CODES)
    replaced = client.get(CODES).content.decode()
    assert "Save these recovery codes now" in replaced
    assert "Your old recovery codes no longer work." in replaced
    assert "Two-factor authentication is on" not in replaced
