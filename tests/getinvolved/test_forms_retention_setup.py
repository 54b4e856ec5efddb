"""Retention (acceptance 6), the Membership team group, and the starter forms."""

import io
import logging
from datetime import UTC, datetime, timedelta

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.utils import timezone
from formhelpers import REGISTER_FIELD_NAMES
from wagtail.models import Page

from core.models import SiteSettings
from getinvolved.management.commands.purge_old_submissions import retention_cutoff
from getinvolved.models import EmailDelivery, InterestSubmission
from staff.names import EDITORS, MEMBERSHIP_TEAM, PUBLISHERS


def make_submission(page, submit_time, name):
    submission = InterestSubmission.objects.create(
        page=page,
        form_data={"your_name": name},
        idempotency_key=name,
        fingerprint=name,
        consented_at=submit_time,
    )
    EmailDelivery.objects.create(submission=submission, kind="notification", recipients="a@b.c")
    # submit_time is set on creation; backdate it as the passing months would.
    InterestSubmission.objects.filter(pk=submission.pk).update(submit_time=submit_time)
    return submission


def test_purge_deletes_exactly_the_submissions_older_than_the_setting(
    register_form, settings, caplog
):
    settings.SUBMISSION_RETENTION_MONTHS = 6
    cutoff = retention_cutoff()
    make_submission(register_form, cutoff - timedelta(days=400), "very-old")
    make_submission(register_form, cutoff - timedelta(minutes=5), "just-too-old")
    make_submission(register_form, cutoff + timedelta(minutes=5), "just-young-enough")
    make_submission(register_form, timezone.now(), "new")
    caplog.set_level(logging.INFO, logger="getinvolved.retention")

    out = io.StringIO()
    call_command("purge_old_submissions", stdout=out)

    kept = set(InterestSubmission.objects.values_list("idempotency_key", flat=True))
    assert kept == {"just-young-enough", "new"}
    assert EmailDelivery.objects.count() == 2
    assert "Deleted 2 submission(s) older than 6 months" in out.getvalue()
    assert any("Deleted 2 submission(s)" in r.getMessage() for r in caplog.records)


def test_retention_follows_the_setting(register_form, settings):
    make_submission(register_form, timezone.now() - timedelta(days=100), "hundred-days")
    settings.SUBMISSION_RETENTION_MONTHS = 4
    call_command("purge_old_submissions", stdout=io.StringIO())
    assert InterestSubmission.objects.count() == 1
    settings.SUBMISSION_RETENTION_MONTHS = 3
    call_command("purge_old_submissions", stdout=io.StringIO())
    assert InterestSubmission.objects.count() == 0


@pytest.mark.parametrize(
    ("now", "months", "expected"),
    [
        (datetime(2026, 3, 31, 12, tzinfo=UTC), 1, datetime(2026, 2, 28, 12)),
        (datetime(2026, 1, 15, 9, tzinfo=UTC), 24, datetime(2024, 1, 15, 9)),
        (datetime(2026, 5, 10, 0, tzinfo=UTC), 5, datetime(2025, 12, 10, 0)),
    ],
)
def test_retention_cutoff_counts_calendar_months(settings, now, months, expected):
    settings.SUBMISSION_RETENTION_MONTHS = months
    assert retention_cutoff(now) == expected.replace(tzinfo=UTC)


def test_setup_groups_is_idempotent_and_gives_the_team_submissions(forms):
    call_command("setup_groups", stdout=io.StringIO())
    call_command("setup_groups", stdout=io.StringIO())
    team = Group.objects.get(name=MEMBERSHIP_TEAM)
    codenames = set(team.permissions.values_list("codename", flat=True))
    assert codenames == {"access_admin", "view_interestsubmission"}
    assert not team.page_permissions.exists()  # the team edits no pages


def test_setup_site_creates_the_groups(db):
    call_command("setup_site", stdout=io.StringIO())
    names = set(Group.objects.values_list("name", flat=True))
    assert {MEMBERSHIP_TEAM, EDITORS, PUBLISHERS} <= names


def test_starter_forms_have_their_fields_and_the_privacy_notice_is_set(starter_forms):
    register, share = starter_forms["register"], starter_forms["share"]
    assert [f.clean_name for f in register.form_fields.all()] == REGISTER_FIELD_NAMES
    assert not register.form_fields.get(clean_name="membership_number").required
    assert [f.clean_name for f in share.form_fields.all()] == [
        "your_name",
        "email_address",
        "school",
        "region",
        "your_story",
    ]
    assert register.live and share.live
    assert register.get_parent().slug == share.get_parent().slug == "get-involved"
    privacy = Page.objects.get(slug="privacy-notice")
    site_settings = SiteSettings.for_site(register.get_site())
    assert site_settings.privacy_notice_page_id == privacy.pk


def test_loading_starter_content_again_keeps_editors_changes(starter_forms):
    register = starter_forms["register"]
    register.form_fields.filter(clean_name="role").delete()
    other = Page.objects.get(slug="get-involved")
    SiteSettings.objects.update(privacy_notice_page=other)
    call_command("load_starter_content", stdout=io.StringIO())
    assert not register.form_fields.filter(clean_name="role").exists()
    assert SiteSettings.objects.get().privacy_notice_page_id == other.pk
