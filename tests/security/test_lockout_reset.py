"""Red-team finding (issue 15): a successful sign-in used to clear the failed attempts of
every username from its address, so a member of staff could guess a colleague's password
in batches, signing in as themselves between batches, and never lock anything. Now a
success clears only its own username's failures."""

import pytest
from axes.models import AccessAttempt

pytestmark = pytest.mark.django_db

PASSWORD = "correct horse battery staple"
LOGIN = "/admin/login/"
ELSEWHERE = "198.51.100.9"


def sign_in(client, username, password=PASSWORD, **extra):
    return client.post(LOGIN, {"username": username, "password": password}, **extra)


@pytest.fixture
def colleagues(django_user_model):
    django_user_model.objects.create_user("alex", password=PASSWORD)  # the insider
    django_user_model.objects.create_user("sam", password=PASSWORD)  # their colleague


def test_guessing_in_batches_between_ones_own_sign_ins_locks_the_colleague(client, colleagues):
    for _ in range(3):
        for _ in range(4):
            sign_in(client, "sam", "a guess")
        own = sign_in(client, "alex")
        if own.status_code == 302:
            client.logout()
    # Twelve wrong passwords for sam: sam's account is locked, even from another address.
    response = sign_in(client, "sam", REMOTE_ADDR=ELSEWHERE)
    assert response.status_code == 429
    assert "Signing in is paused" in response.content.decode()


def test_a_successful_sign_in_clears_only_its_own_failures(client, colleagues):
    for _ in range(3):
        sign_in(client, "alex", "a typo")
        sign_in(client, "sam", "a guess", REMOTE_ADDR=ELSEWHERE)
    for _ in range(3):
        sign_in(client, "sam", "a guess")
    assert sign_in(client, "alex").status_code == 302
    assert not AccessAttempt.objects.filter(username="alex").exists()
    assert sum(a.failures_since_start for a in AccessAttempt.objects.filter(username="sam")) == 6
    client.logout()
    # And sam's own sign-in clears sam's failures, from every address.
    assert sign_in(client, "sam", REMOTE_ADDR=ELSEWHERE).status_code == 302
    assert not AccessAttempt.objects.exists()
    client.logout()
    for _ in range(9):
        sign_in(client, "sam", "a guess")
    assert sign_in(client, "sam").status_code == 302  # nine fresh failures: not locked
