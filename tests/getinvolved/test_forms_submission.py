"""A member sends an interest form: what is stored, what they see, and how mistakes,
repeats and abuse are handled."""

import logging

import pytest
from django.core import mail
from django.test import override_settings
from formhelpers import form_token, register_answers, share_answers, submit

from getinvolved.models import EmailDelivery, InterestSubmission


def test_starter_forms_are_linked_from_get_involved(client, starter_forms):
    page = client.get("/get-involved/").content.decode()
    assert 'href="/get-involved/register-your-interest/"' in page
    assert 'href="/get-involved/share-best-practice/"' in page


@pytest.mark.parametrize(
    ("key", "answers", "thanks"),
    [
        ("register", register_answers(), "Thank you for registering your interest"),
        ("share", share_answers(), "Thank you for sharing your school’s story"),
    ],
)
def test_member_sends_form_then_sees_thank_you(client, starter_forms, key, answers, thanks):
    """The starter site's own forms, end to end (the other tests use forms built like them)."""
    page = starter_forms[key]
    response = submit(client, page, answers)

    assert response.status_code == 302
    assert response["Location"] == f"{page.url}thank-you/"
    assert thanks in client.get(response["Location"]).content.decode()
    submission = InterestSubmission.objects.get()
    assert submission.page_id == page.pk
    assert submission.form_data["your_name"] == answers["your_name"]
    assert submission.region == answers["region"]
    # The protection fields are not stored as answers.
    assert set(submission.form_data) == {k for k in answers if k != "privacy-consent"}


def test_consent_records_the_notice_text_and_time(client, register_form):
    submit(client, register_form, register_answers())

    submission = InterestSubmission.objects.get()
    assert submission.consented_at is not None
    notice = submission.consent_notice
    assert notice.title == "Privacy notice"
    assert "How long it is kept" in notice.text
    assert "Section heading" not in notice.text  # the heading level is not part of the text
    assert notice.page.slug == "privacy-notice"
    assert notice.revision_id == notice.page.live_revision_id


def test_consent_label_links_to_the_privacy_notice(client, register_form):
    page = client.get(register_form.url).content.decode()
    assert '<a href="/privacy-notice/">Read the privacy notice</a>' in page


def test_a_changed_notice_is_recorded_as_a_new_version(client, register_form):
    from wagtail.models import Page

    submit(client, register_form, register_answers())
    privacy = Page.objects.get(slug="privacy-notice").specific
    privacy.title = "Privacy notice (updated)"
    privacy.save_revision().publish()
    submit(client, register_form, register_answers(your_name="Second Member"))

    first, second = InterestSubmission.objects.order_by("pk")
    assert first.consent_notice.title == "Privacy notice"
    assert second.consent_notice.title == "Privacy notice (updated)"


def test_missing_answers_get_field_specific_messages_and_keep_input(client, register_form):
    answers = register_answers(email_address="not-an-email", region="", **{"privacy-consent": ""})
    del answers["privacy-consent"]
    response = submit(client, register_form, answers)

    assert response.status_code == 200
    html = response.content.decode()
    assert "There is a problem" in html
    assert "Enter an email address in the right format, like name@example.com." in html
    assert "Choose an option for “Region”." in html
    assert "Tick the box to agree to how we will use your answers." in html
    # What the member typed is still there.
    assert 'value="Sam Member"' in html
    assert 'value="not-an-email"' in html
    # Each message is tied to its field for screen readers, and the summary links to it.
    assert 'aria-describedby="id_email_address_helptext id_email_address_error"' in html
    assert 'href="#id_email_address"' in html
    assert InterestSubmission.objects.count() == 0


def test_too_long_answers_are_refused_with_the_limit(client, share_form):
    response = submit(client, share_form, share_answers(your_story="x" * 5001))

    assert response.status_code == 200
    assert "Please keep this to 5,000 characters or fewer." in response.content.decode()
    assert InterestSubmission.objects.count() == 0


def test_double_click_with_the_same_token_stores_one_record(client, register_form):
    token = form_token(client, register_form)
    first = submit(client, register_form, register_answers(), token=token)
    second = submit(client, register_form, register_answers(), token=token)

    assert first.status_code == second.status_code == 302
    assert second["Location"] == first["Location"]
    assert InterestSubmission.objects.count() == 1
    assert EmailDelivery.objects.count() == 1  # one confirmation, not two


def test_back_and_resend_with_a_fresh_form_stores_one_record(client, register_form):
    submit(client, register_form, register_answers())
    # Going back reloads the form (a new token); sending the same answers again.
    response = submit(client, register_form, register_answers())

    assert response.status_code == 302
    assert InterestSubmission.objects.count() == 1


def test_a_different_member_is_not_a_duplicate(client, register_form):
    submit(client, register_form, register_answers())
    submit(client, register_form, register_answers(email_address="other@example.org"))
    assert InterestSubmission.objects.count() == 2


def test_refreshing_the_thank_you_page_sends_nothing(client, register_form):
    response = submit(client, register_form, register_answers())
    client.get(response["Location"])
    client.get(response["Location"])
    assert InterestSubmission.objects.count() == 1


def test_form_page_is_never_cached(client, register_form):
    response = client.get(register_form.url)
    assert "no-store" in response["Cache-Control"]
    assert "private" in response["Cache-Control"]


def test_confirmation_email_goes_to_the_member_without_their_answers(client, register_form):
    register_form.to_address = "membership@example.org"
    register_form.save_revision().publish()
    submit(client, register_form, register_answers())

    by_recipient = {message.to[0]: message for message in mail.outbox}
    assert set(by_recipient) == {"sam@example.org", "membership@example.org"}
    team_email = by_recipient["membership@example.org"].body
    # Editors choose who is notified, so the notification carries no personal data: it links
    # to the admin, where only the Membership team can read the answers.
    assert "Sam Member" not in team_email and "sam@example.org" not in team_email
    assert f"/admin/forms/submissions/{register_form.pk}/" in team_email
    statuses = set(EmailDelivery.objects.values_list("status", flat=True))
    assert statuses == {EmailDelivery.Status.SENT}


def test_no_confirmation_when_the_editor_turns_it_off(client, register_form):
    register_form.send_confirmation = False
    register_form.save_revision().publish()
    submit(client, register_form, register_answers())
    assert mail.outbox == []


# Spam and abuse --------------------------------------------------------------------------


def assert_logged_without_personal_data(caplog, reason, answers):
    blocked = [r for r in caplog.records if r.name == "getinvolved.protection"]
    assert len(blocked) == 1
    text = blocked[0].getMessage()
    assert f"reason {reason}" in text
    for value in ("127.0.0.1", answers["your_name"], answers["email_address"]):
        assert value not in text


def test_honeypot_blocks_politely_and_logs_without_personal_data(client, register_form, caplog):
    caplog.set_level(logging.WARNING)
    answers = register_answers(**{"website-address": "http://spam.example"})
    response = submit(client, register_form, answers)

    assert response.status_code == 400
    assert "We could not accept this form" in response.content.decode()
    assert InterestSubmission.objects.count() == 0
    assert_logged_without_personal_data(caplog, "honeypot", answers)


def test_honeypot_is_hidden_from_people_and_assistive_technology(client, register_form):
    html = client.get(register_form.url).content.decode()
    assert '<div class="honeypot" hidden aria-hidden="true">' in html
    assert 'name="website-address" tabindex="-1" autocomplete="off"' in html


@override_settings(FORM_MIN_FILL_SECONDS=60)
def test_a_form_sent_too_fast_is_refused_with_input_kept(client, register_form, caplog):
    caplog.set_level(logging.WARNING)
    answers = register_answers()
    response = submit(client, register_form, answers)

    assert response.status_code == 400
    html = response.content.decode()
    assert "quicker than we expected" in html
    assert 'value="Sam Member"' in html
    assert InterestSubmission.objects.count() == 0
    assert_logged_without_personal_data(caplog, "token-too-fast", answers)


def test_a_forged_or_missing_token_is_refused_with_input_kept(client, register_form):
    response = client.post(register_form.url, {**register_answers(), "form-token": "forged"})
    assert response.status_code == 400
    assert "Your answers are still here" in response.content.decode()
    assert 'value="Sam Member"' in response.content.decode()
    # The page offers a fresh token: sending again now works.
    resend = submit(client, register_form, register_answers(), token=None)
    assert resend.status_code == 302
    assert InterestSubmission.objects.count() == 1


@override_settings(FORM_TOKEN_MAX_AGE=-1)
def test_an_expired_form_asks_to_send_again(client, register_form):
    response = submit(client, register_form, register_answers())
    assert response.status_code == 400
    assert "this form had expired" in response.content.decode()


@override_settings(FORM_RATE_LIMIT=3)
def test_rate_limit_blocks_politely_and_logs_without_personal_data(client, register_form, caplog):
    for number in range(3):
        answers = register_answers(email_address=f"member{number}@example.org")
        assert submit(client, register_form, answers).status_code == 302
    caplog.set_level(logging.WARNING)
    answers = register_answers(email_address="fourth@example.org")
    response = submit(client, register_form, answers)

    assert response.status_code == 429
    assert "please wait a few minutes" in response.content.decode()
    assert 'value="fourth@example.org"' in response.content.decode()
    assert InterestSubmission.objects.count() == 3
    assert_logged_without_personal_data(caplog, "rate-limit", answers)
    # Another client address is not affected.
    response = client.post(
        register_form.url,
        {
            **register_answers(your_name="Elsewhere"),
            "form-token": form_token(client, register_form),
        },
        REMOTE_ADDR="192.0.2.7",
    )
    assert response.status_code == 302


def test_without_a_live_privacy_notice_the_form_takes_nothing(client, register_form):
    from wagtail.models import Site

    from core.models import SiteSettings

    site_settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    site_settings.privacy_notice_page.specific.unpublish()
    get = client.get(register_form.url)
    assert get.status_code == 503
    assert "This form is closed" in get.content.decode()
    # No interest form (the header's search form, a GET, is on every page).
    assert b'method="post"' not in get.content
    post = client.post(register_form.url, {"your-name": "A member"})
    assert post.status_code == 503
    assert not InterestSubmission.objects.exists()
