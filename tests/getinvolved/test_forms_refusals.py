"""The refusals a form post can meet are data in submissions.py: every problem the token
checks can report has one, with a status that tells the member's browser it was refused.
(test_forms_submission.py sends each kind of refused post through the site.)"""

import time
from types import SimpleNamespace

import pytest
from django.test import override_settings

from getinvolved import protection, submissions

PAGE = SimpleNamespace(pk=1)


def token_problem(token):
    with pytest.raises(protection.TokenProblem) as problem:
        protection.read_token(PAGE, token)
    return problem.value.reason


def test_every_token_problem_has_a_refusal():
    old_enough = protection.issue_token(PAGE, issued_at=time.time() - 60)
    with override_settings(FORM_MIN_FILL_SECONDS=60):
        reasons = {token_problem("forged"), token_problem(protection.issue_token(PAGE))}
    with override_settings(FORM_TOKEN_MAX_AGE=-1):
        reasons.add(token_problem(old_enough))
    assert reasons == {"invalid", "too-fast", "expired"}
    assert reasons == set(submissions.TOKEN_REFUSALS)


def test_refusals_are_distinct_and_say_why():
    refusals = [
        submissions.RATE_LIMITED,
        submissions.HONEYPOT,
        *submissions.TOKEN_REFUSALS.values(),
    ]
    assert len({refusal.reason for refusal in refusals}) == len(refusals)
    for refusal in refusals:
        assert refusal.status in (400, 429)
        assert refusal.message.endswith(".")
    # A member refused for a bad token can send again at once; a rate-limited one keeps theirs.
    assert submissions.RATE_LIMITED.renew_token is None
    assert all(refusal.renew_token for refusal in submissions.TOKEN_REFUSALS.values())
