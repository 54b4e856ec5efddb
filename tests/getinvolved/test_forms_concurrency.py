"""Fifty members sending a form at the same moment: every submission is stored exactly once
(acceptance 3), on SQLite and on PostgreSQL."""

import threading

import pytest
from django.db import connections
from django.test import Client
from formhelpers import form_token, share_answers

from getinvolved.models import EmailDelivery, InterestSubmission

MEMBERS = 50


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_fifty_concurrent_submissions_give_fifty_rows(forms):
    page = forms["share"]
    # Each member opens the form first, as they would, then all send at once.
    members = []
    for number in range(MEMBERS):
        client = Client()
        members.append((client, form_token(client, page), number))
    start = threading.Barrier(MEMBERS)
    statuses = [None] * MEMBERS

    def send(client, token, number):
        try:
            start.wait()
            answers = share_answers(email_address=f"member{number}@example.org")
            response = client.post(page.url, {**answers, "form-token": token})
            statuses[number] = response.status_code
        finally:
            connections.close_all()

    threads = [threading.Thread(target=send, args=member) for member in members]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert statuses == [302] * MEMBERS
    assert InterestSubmission.objects.count() == MEMBERS
    emails = set(InterestSubmission.objects.values_list("form_data__email_address", flat=True))
    assert emails == {f"member{number}@example.org" for number in range(MEMBERS)}
    assert EmailDelivery.objects.filter(status=EmailDelivery.Status.SENT).count() == MEMBERS


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_fifty_concurrent_copies_of_one_submission_give_one_row(forms):
    """A member's browser firing the same post many times at once (double clicks)."""
    page = forms["share"]
    client = Client()
    token = form_token(client, page)
    start = threading.Barrier(MEMBERS)
    statuses = []

    def send():
        try:
            start.wait()
            statuses.append(Client().post(page.url, {**share_answers(), "form-token": token}))
        finally:
            connections.close_all()

    threads = [threading.Thread(target=send) for _ in range(MEMBERS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert [response.status_code for response in statuses] == [302] * MEMBERS
    assert InterestSubmission.objects.count() == 1
    assert EmailDelivery.objects.count() == 1
