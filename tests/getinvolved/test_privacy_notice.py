"""The privacy notice is written from what the site does (getinvolved/privacy.py): it changes
when a form's questions or the retention setting change, the consent record keeps the text
the member read (generated sections included), organisation details come from the site
settings and nothing is guessed, and the cookies it names are the ones visitors get.
Notifications go to the site's notification address when a form names nobody."""

import html

import pytest
from bs4 import BeautifulSoup
from django.conf import settings as django_settings

from core.models import SiteSettings
from getinvolved.models import ConsentNotice, EmailDelivery, InterestFormField, PrivacyNoticePage
from home.models import HomePage, StandardPage
from tests.getinvolved.formhelpers import (
    form_page_edit_data,
    register_answers,
    share_answers,
    submit,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def notice(forms, site_home):
    """A published PrivacyNoticePage, chosen in site settings (the forms' consent boxes)."""
    page = PrivacyNoticePage(
        title="How we use your answers",
        slug="privacy",
        intro="<p>What happens to what you send.</p>",
    )
    site_home.add_child(instance=page)
    page.save_revision().publish()
    SiteSettings.objects.filter(site__root_page=site_home).update(privacy_notice_page=page)
    return page


def notice_text(client, page):
    main = BeautifulSoup(client.get(page.url).content, "html.parser").find("main")
    return " ".join(html.unescape(main.get_text(" ")).split())


def test_it_lists_each_forms_questions_who_reads_them_and_how_long_they_are_kept(client, notice):
    text = notice_text(client, notice)

    # (Changed: each question is now followed by the form's own hint, where it has one.)
    assert (
        "Register your interest Your name Email address: “We will only use this to contact "
        "you about this work.” School or workplace Role Region "
        "Membership number (optional) How would you like to be involved?"
    ) in text
    assert "Membership number (optional)" in text
    assert (
        "Share best practice Your name Email address: “We will only use this to contact you "
        "about this work.” School Region Your story"
    ) in text
    assert "Only union staff in the Membership team and the website’s administrators" in text
    assert "deleted automatically 24 months after you send them" in text
    assert "the text of this notice as you agreed to it, and the date and time" in text


def test_it_changes_with_the_retention_setting(client, notice, settings):
    settings.SUBMISSION_RETENTION_MONTHS = 6
    text = notice_text(client, notice)
    assert "deleted automatically 6 months after you send them" in text
    assert "24 months" not in text


def test_it_changes_when_a_forms_questions_change(client, notice, forms):
    register = forms["register"]
    register.form_fields = [
        *(field for field in register.form_fields.all() if field.label != "Role"),
        InterestFormField(label="Your phone number", field_type="singleline", sort_order=99),
    ]
    register.save_revision().publish()

    text = notice_text(client, notice)

    assert "Your phone number (optional)" in text
    assert "Role" not in text


def test_the_consent_record_keeps_the_generated_text_the_member_read(
    client, notice, forms, settings
):
    submit(client, forms["register"], register_answers())
    settings.SUBMISSION_RETENTION_MONTHS = 12
    submit(client, forms["share"], share_answers())

    first, second = ConsentNotice.objects.order_by("pk")
    assert first.page_id == second.page_id == notice.pk
    assert "deleted automatically 24 months after you send them" in first.text
    assert "deleted automatically 12 months after you send them" in second.text
    for record in (first, second):
        assert "What happens to what you send." in record.text
        assert "Membership number (optional)" in record.text
        assert f"one cookie, {django_settings.CSRF_COOKIE_NAME}" in " ".join(record.text.split())


def test_organisation_details_come_from_site_settings_and_are_never_guessed(client, notice):
    text = notice_text(client, notice)
    assert "This website is run by the National Education Union." in text
    assert "data controller" not in text  # not guessed
    # No address yet: the route the footer gives, the NEU's website (no guessed address).
    # (Changed: this line asserted the notice said nothing on how to use the rights.)
    assert (
        "To use any of these rights, contact the National Education Union. You can find the "
        "National Education Union’s contacts on its website, neu.org.uk"
    ) in text
    preview = notice.make_preview_request()
    preview.render()
    assert preview.content.decode().count("Not shown to visitors") == 2

    site_settings = SiteSettings.objects.get(site__root_page=notice.get_parent())
    site_settings.data_controller_name = "Example Union"
    site_settings.data_controller_address = "1 Example Street\nLondon"
    site_settings.data_protection_email = "privacy@example.org"
    site_settings.save()

    text = notice_text(client, notice)
    assert "The data controller for what you send through its forms is Example Union" in text
    assert "1 Example Street London" in text
    # Wording changed deliberately: the rights are listed, then how to use them.
    assert "To use any of these rights, email privacy@example.org" in text
    assert notice.missing_parts() == []


def test_the_cookies_it_names_are_the_ones_visitors_get(client, notice, forms, case_study):
    pages = (notice.get_parent(), case_study.get_parent(), case_study, *case_study.themes.all())
    for page in pages:
        assert client.get(page.url).status_code == 200
    submit(client, forms["register"], register_answers())
    client.get(forms["register"].thank_you_url())
    client.get(notice.url)

    assert set(client.cookies) == {django_settings.CSRF_COOKIE_NAME}
    text = notice_text(client, notice)
    assert f"Opening one of the forms sets one cookie, {django_settings.CSRF_COOKIE_NAME}" in text
    assert "The website sets no other cookie for visitors." in text


def test_only_one_privacy_notice_page_under_the_overview(notice):
    assert not PrivacyNoticePage.can_create_at(notice.get_parent())
    assert PrivacyNoticePage.parent_page_types == ["home.HomePage"]
    assert "getinvolved.PrivacyNoticePage" in HomePage.subpage_types
    assert "getinvolved.PrivacyNoticePage" not in StandardPage.subpage_types


# Who is told of a submission -------------------------------------------------------------


def test_a_form_without_recipients_notifies_the_sites_notification_address(client, forms):
    SiteSettings.objects.update(notification_email="membership@example.org")
    submit(client, forms["register"], register_answers())
    delivery = EmailDelivery.objects.get(kind=EmailDelivery.Kind.NOTIFICATION)
    assert delivery.recipients == "membership@example.org"

    forms["share"].to_address = "stories@example.org"
    forms["share"].save()
    assert forms["share"].notification_recipients() == ["stories@example.org"]


def test_publishing_a_form_that_notifies_nobody_warns_the_editor(admin_client, forms):
    form = forms["share"]
    url = f"/admin/pages/{form.pk}/edit/"
    editor = admin_client.get(url)
    assert editor.status_code == 200

    data = form_page_edit_data(form, "action-publish")
    response = admin_client.post(url, data, follow=True)

    assert "Nobody on staff will hear of this form’s submissions" in html.unescape(
        response.content.decode()
    ).replace("'", "’")
