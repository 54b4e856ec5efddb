"""The daily cap on confirmation emails counts mailboxes, not spellings: ``+tags``, case and
a quoted local part of one mailbox share one count. Each email still goes to the address the
member typed."""

import pytest
from django.core import mail
from django.test import override_settings

from getinvolved import protection
from getinvolved.models import EmailDelivery, InterestSubmission
from tests.getinvolved.formhelpers import register_answers, submit
from tests.security.test_rate_limit import PRODUCTION_LIMITS

pytestmark = pytest.mark.django_db

SPELLINGS = [
    "victim@example.org",
    "Victim+news@Example.org",
    "VICTIM@EXAMPLE.ORG",
    '"victim"@example.org',
    '"Victim+x"@example.org',
    "victim+2@example.org.",
    "victim+a+b@example.org",
]
# The form refuses a trailing dot; every other spelling is one a member can send.
TYPED = [spelling for spelling in SPELLINGS if not spelling.endswith(".")]


@pytest.mark.parametrize("spelling", SPELLINGS)
def test_each_spelling_is_the_same_mailbox(spelling):
    assert protection.mailbox(spelling) == "victim@example.org"


def test_other_mailboxes_stay_apart():
    assert protection.mailbox("victim.other@example.org") != protection.mailbox(
        "victim@example.org"
    )
    assert protection.mailbox("victim@example.com") != protection.mailbox("victim@example.org")


def test_the_cap_counts_one_mailbox_however_it_is_spelled(client, forms):
    register = forms["register"]
    register.send_confirmation = True
    register.save()
    limit = PRODUCTION_LIMITS["FORM_CONFIRMATIONS_PER_ADDRESS"]
    typed = [TYPED[number % len(TYPED)] for number in range(limit + 3)]
    with override_settings(**PRODUCTION_LIMITS):
        for number, address in enumerate(typed):
            answers = register_answers(your_name=f"Sender {number}", email_address=address)
            assert submit(client, register, answers).status_code == 302, address
    assert InterestSubmission.objects.count() == limit + 3
    confirmations = EmailDelivery.objects.filter(kind=EmailDelivery.Kind.CONFIRMATION)
    assert confirmations.count() == limit
    # Sent to the address as the member typed it, not to the normalised mailbox.
    assert sorted(d.recipients for d in confirmations) == sorted(typed[:limit])
    confirmation_mail = [m for m in mail.outbox if m.to and m.to[0] in typed]
    assert sorted(m.to[0] for m in confirmation_mail) == sorted(typed[:limit])
