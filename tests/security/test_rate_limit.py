"""The forms' rate limit stops bots, not members (acceptance 4): accepted submissions and bot
signals are counted apart, per form and client address, over a sliding window; the client
address is found behind the configured number of proxies; confirmation emails are limited
per recipient; and an unreachable cache lets members through."""

import logging
import sys
import time
from types import SimpleNamespace

import pytest
from django.core import mail
from django.core.cache import caches
from django.test import RequestFactory, override_settings

from getinvolved import protection, submissions
from getinvolved.models import EmailDelivery, InterestSubmission
from tests.getinvolved.formhelpers import form_token, register_answers, share_answers, submit
from tests.production import production_settings

pytestmark = pytest.mark.django_db

# The limits as production has them (base.py's defaults, no environment overrides).
PRODUCTION_LIMITS = production_settings(
    "FORM_RATE_LIMIT",
    "FORM_BOT_SIGNAL_LIMIT",
    "FORM_RATE_LIMIT_WINDOW",
    "FORM_CONFIRMATIONS_PER_ADDRESS",
)


@pytest.fixture
def forms(forms):
    with override_settings(**PRODUCTION_LIMITS):
        yield forms


def test_production_allows_thirty_members_in_ten_minutes():
    assert PRODUCTION_LIMITS["FORM_RATE_LIMIT_WINDOW"] == 600
    assert PRODUCTION_LIMITS["FORM_RATE_LIMIT"] >= 30


def test_thirty_members_behind_one_address_are_all_stored(client, forms):
    register = forms["register"]
    # Typos on the way do not count against anyone.
    for _ in range(25):
        response = submit(client, register, register_answers(email_address="not an address"))
        assert response.status_code == 200
    for number in range(30):
        answers = register_answers(
            your_name=f"Member {number}", email_address=f"member{number}@school.example"
        )
        assert submit(client, register, answers).status_code == 302, number
    assert InterestSubmission.objects.count() == 30


def test_two_hundred_posts_without_a_valid_token_are_refused(client, forms, caplog, monkeypatch):
    register = forms["register"]
    # The 200 posts fall in one moment of the window, however long a loaded machine takes.
    ratelimit = sys.modules[protection.SlidingWindow.__module__]
    now = time.time()
    monkeypatch.setattr(ratelimit, "time", SimpleNamespace(time=lambda: now))
    caplog.set_level(logging.WARNING, "getinvolved.protection")
    statuses = []
    for number in range(200):
        data = register_answers(email_address=f"bot{number}@spam.example")
        if number % 2:
            data["form-token"] = "forged"
        statuses.append(client.post(register.url, data).status_code)
    assert set(statuses[: PRODUCTION_LIMITS["FORM_BOT_SIGNAL_LIMIT"]]) == {400}
    assert set(statuses[PRODUCTION_LIMITS["FORM_BOT_SIGNAL_LIMIT"] :]) == {429}
    assert not InterestSubmission.objects.exists()
    assert "reason rate-limit" in caplog.text

    # Members elsewhere, and this address on the other form, are not affected.
    other = client.post(
        register.url,
        {**register_answers(), "form-token": form_token(client, register)},
        REMOTE_ADDR="192.0.2.50",
    )
    assert other.status_code == 302
    assert submit(client, forms["share"], share_answers()).status_code == 302


def test_bot_signals_are_the_honeypot_forged_tokens_and_haste_not_an_expired_form():
    assert submissions.HONEYPOT.bot_signal
    assert submissions.TOKEN_REFUSALS["invalid"].bot_signal
    assert submissions.TOKEN_REFUSALS["too-fast"].bot_signal
    assert not submissions.TOKEN_REFUSALS["expired"].bot_signal
    assert not submissions.RATE_LIMITED.bot_signal


def test_the_window_slides():
    caches["shared"].clear()
    window = protection.SlidingWindow("test:window", 600)
    start = 600 * 1000  # the start of a fixed bucket
    for _ in range(10):
        window.add(now=start + 300)
    assert window.count(now=start + 300) == 10
    # Half a window later, half of that bucket still lies inside the last ten minutes.
    assert window.count(now=start + 600 + 300) == pytest.approx(5)
    assert window.count(now=start + 1200 + 1) == 0


@pytest.mark.parametrize(
    "proxies, forwarded, expected",
    [
        (0, "203.0.113.9", "10.0.0.2"),  # no proxy: a client's header is ignored
        (1, "203.0.113.9", "203.0.113.9"),  # nginx appended the client
        (1, "6.6.6.6, 203.0.113.9", "203.0.113.9"),  # the client's own claim is ignored
        (2, "203.0.113.9, 198.51.100.1", "203.0.113.9"),  # CDN, then nginx
        (2, "6.6.6.6, 203.0.113.9, 198.51.100.1", "203.0.113.9"),
        (1, None, "10.0.0.2"),  # not through the proxy (a health check)
    ],
)
def test_the_client_address_behind_trusted_proxies(proxies, forwarded, expected):
    headers = {"REMOTE_ADDR": "10.0.0.2"}
    if forwarded:
        headers["HTTP_X_FORWARDED_FOR"] = forwarded
    request = RequestFactory().post("/", **headers)
    with override_settings(TRUSTED_PROXY_COUNT=proxies):
        assert protection.client_address(request) == expected


def test_confirmation_emails_are_limited_per_recipient(client, forms):
    register = forms["register"]
    register.send_confirmation = True
    register.save()
    limit = PRODUCTION_LIMITS["FORM_CONFIRMATIONS_PER_ADDRESS"]
    for number in range(limit + 2):
        answers = register_answers(your_name=f"Sender {number}", email_address="Victim@Example.org")
        assert submit(client, register, answers).status_code == 302
    assert InterestSubmission.objects.count() == limit + 2
    confirmations = EmailDelivery.objects.filter(kind=EmailDelivery.Kind.CONFIRMATION)
    assert confirmations.count() == limit
    sent_to_victim = [m for m in mail.outbox if "Victim@Example.org" in m.to]
    assert len(sent_to_victim) == limit


def test_an_unreachable_cache_lets_members_through(client, forms, caplog):
    unreachable = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
        "shared": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
        "counters": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",  # nothing listens on port 1
            "OPTIONS": {"socket_connect_timeout": 0.2, "socket_timeout": 0.2},
        },
    }
    with override_settings(CACHES=unreachable, FORM_RATE_LIMIT_CACHE="counters"):
        response = submit(client, forms["register"], register_answers())
    assert response.status_code == 302
    assert InterestSubmission.objects.count() == 1
    assert "Rate limit cache unreachable" in caplog.text
