"""The privacy notice says what UK GDPR asks (acceptance 3), written from the site settings
and the forms, and changes when they do: the controller and its data protection contact,
each form's purpose and lawful basis (edited per form), who receives the answers (other
members where a form says so), transfers outside the UK, the rights and how to use them,
how to complain to the ICO, the search's counts. The consent box names the form's purposes."""

import html
import re

import pytest
from bs4 import BeautifulSoup
from django.core.checks import run_checks

from core.models import SiteSettings
from getinvolved.models import ConsentNotice, PrivacyNoticePage
from getinvolved.purposes import LawfulBasis
from tests.getinvolved.formhelpers import share_answers, submit

pytestmark = pytest.mark.django_db

RIGHTS = (
    "access: to ask for a copy of your answers",
    "rectification: to have them corrected",
    "erasure: to have them deleted",
    "restriction: to have their use limited",
    "objection: to object to their use",
    "portability: to get them in a common machine-readable format",
    "withdrawing consent: where their use rests on your consent, to withdraw it at any time",
)


@pytest.fixture
def notice(forms, site_home):
    page = PrivacyNoticePage(title="Privacy notice", slug="privacy")
    site_home.add_child(instance=page)
    page.save_revision().publish()
    SiteSettings.objects.filter(site__root_page=site_home).update(privacy_notice_page=page)
    return page


def text_of(response):
    main = BeautifulSoup(response.content, "html.parser").find("main")
    words = " ".join(html.unescape(main.get_text(" ")).split())
    return re.sub(r" ([.,:;])", r"\1", words)  # no space before punctuation after a link


def notice_text(client, page):
    return text_of(client.get(page.url))


def update_settings(site_home, **values):
    site_settings = SiteSettings.objects.get(site__root_page=site_home)
    for name, value in values.items():
        setattr(site_settings, name, value)
    site_settings.save()


def test_controller_and_data_protection_contact_come_from_the_settings(client, notice, site_home):
    text = notice_text(client, notice)
    # No address yet: nothing guessed. (Changed: this asserted the notice gave no route at
    # all; now it names the NEU's website, tested below.)
    assert "For any question about your data, email" not in text

    update_settings(
        site_home,
        data_controller_name="Example Union",
        data_controller_address="1 Example Street\nLondon",
        data_protection_email="dpo@example.org",
        data_protection_contact="the Data Protection Officer",
    )
    text = notice_text(client, notice)
    assert (
        "The data controller for what you send through its forms is Example Union, "
        "1 Example Street London."
    ) in text
    assert (
        "For any question about your data, contact the Data Protection Officer at dpo@example.org."
        in text
    )
    assert "To use any of these rights, email dpo@example.org." in text

    update_settings(
        site_home, data_protection_email="privacy@example.org", data_protection_contact=""
    )
    text = notice_text(client, notice)
    assert "For any question about your data, email privacy@example.org." in text
    assert "dpo@example.org" not in text and "Data Protection Officer" not in text


def test_each_forms_purpose_and_lawful_basis_are_stated_and_follow_the_form(client, notice, forms):
    text = notice_text(client, notice)
    # The default for a form nobody has changed: consent, and a plain purpose.
    assert (
        "Register your interest We use your answers to get in touch about what is sent "
        "through this form. The lawful basis is your consent, which you give by ticking the "
        "box on the form. You can withdraw it at any time"
    ) in text

    register = forms["register"]
    register.purpose = "to invite you to the union’s belonging network."
    register.lawful_basis = LawfulBasis.LEGITIMATE_INTERESTS
    register.basis_explanation = "keeping in touch with members who asked to be involved"
    register.save_revision().publish()

    text = notice_text(client, notice)
    assert "We use your answers to invite you to the union’s belonging network." in text
    assert (
        "The lawful basis is the union’s legitimate interests: keeping in touch with members "
        "who asked to be involved."
    ) in text
    assert "to get in touch about what is sent through this form" in text  # the other form


def test_legitimate_interests_must_be_explained(forms):
    from django.core.exceptions import ValidationError

    register = forms["register"]
    register.lawful_basis = LawfulBasis.LEGITIMATE_INTERESTS
    register.basis_explanation = " "
    with pytest.raises(ValidationError) as error:
        register.full_clean()
    assert "basis_explanation" in error.value.message_dict


def test_sharing_with_other_members_is_stated_and_asked_for(client, notice, forms):
    share = forms["share"]
    text = notice_text(client, notice)
    assert "shared with other union members" not in text
    assert "shared with other union members" not in text_of(client.get(share.url))

    share.shared_with_members = True
    share.save_revision().publish()

    text = notice_text(client, notice)
    assert (
        "With your agreement, what you send through “Share best practice” may also be shared "
        "with other union members."
    ) in text
    form_page = BeautifulSoup(client.get(share.url).content, "html.parser")
    consent = " ".join(
        form_page.find("label", attrs={"for": "id_privacy-consent"}).get_text().split()
    )
    assert "I agree that they may be shared with other union members." in consent


def test_the_consent_box_names_the_forms_purpose(client, notice, forms):
    register = forms["register"]
    register.purpose = "to send you news of the research"
    register.save_revision().publish()

    page = BeautifulSoup(client.get(register.url).content, "html.parser")
    label = page.find("label", attrs={"for": "id_privacy-consent"})
    words = " ".join(html.unescape(label.get_text()).split())
    assert words == (
        "I agree that the National Education Union may store and use my answers to send you "
        "news of the research. Read the privacy notice."
    )
    assert label.find("a")["href"] == notice.url


def test_rights_complaints_and_transfers_are_stated(client, notice, site_home):
    text = notice_text(client, notice)
    for right in RIGHTS:
        assert right in text
    assert (
        "complain to the Information Commissioner’s Office (ICO), the UK’s data protection "
        "regulator: at ico.org.uk/make-a-complaint, or by phone on 0303 123 1113."
    ) in text
    page = BeautifulSoup(client.get(notice.url).content, "html.parser")
    assert page.find("a", href="https://ico.org.uk/make-a-complaint/")
    assert "Transfers outside the UK Your answers are not sent outside the UK." in text

    update_settings(
        site_home, international_transfers="Emails pass through a provider in Ireland (EU)."
    )
    text = notice_text(client, notice)
    assert "Transfers outside the UK Emails pass through a provider in Ireland (EU)." in text
    assert "Your answers are not sent outside the UK." not in text


def test_the_search_counts_are_stated_with_how_long_they_are_kept(client, notice, settings):
    settings.SEARCH_NO_RESULTS_KEEP_DAYS = 30
    text = notice_text(client, notice)
    assert "When a search on this website finds nothing" in text
    assert "It stores nothing about who searched" in text
    assert "The counts are deleted after 30 days." in text


def test_the_consent_record_keeps_the_purposes_and_rights_agreed_to(client, notice, forms):
    share = forms["share"]
    share.purpose = "to learn from your school’s practice"
    share.save_revision().publish()
    submit(client, share, share_answers())

    record = " ".join(ConsentNotice.objects.get().text.split())
    assert "We use your answers to learn from your school’s practice." in record
    assert "erasure: to have them deleted" in record
    assert "0303 123 1113" in record


NEU_ROUTE = "You can find the National Education Union’s contacts on its website, neu.org.uk."


def test_with_no_address_set_every_right_and_consent_withdrawal_still_has_a_route(
    client, notice, site_home
):
    # The starter state: no contact address of any kind in the site settings.
    update_settings(site_home, contact_email="", data_protection_email="")
    text = notice_text(client, notice)
    assert (
        "For any question about your data, contact the National Education Union. " + NEU_ROUTE
    ) in text
    assert (
        f"To use any of these rights, contact the National Education Union. {NEU_ROUTE} You do "
        "not need to give a reason, and you will have an answer within one month. To withdraw "
        "your consent, ask the same way."
    ) in text
    assert (
        "please tell the National Education Union first: its contacts are on its website, "
        "neu.org.uk. You can also complain to the Information Commissioner’s Office"
    ) in text
    page = BeautifulSoup(client.get(notice.url).content, "html.parser")
    main = page.find("main")
    assert len(main.find_all("a", href="https://neu.org.uk")) == 3
    assert not main.select('a[href^="mailto:"]')  # nothing guessed

    # The editor previewing it is told visitors get the NEU's website instead.
    preview = notice.make_preview_request()
    preview.render()
    assert "visitors are sent to the NEU's website instead" in html.unescape(
        preview.content.decode()
    )

    # With an address, the consent withdrawal goes there too.
    update_settings(site_home, contact_email="hello@example.org")
    text = notice_text(client, notice)
    assert (
        "To use any of these rights, email hello@example.org. You do not need to give a reason, "
        "and you will have an answer within one month. To withdraw your consent, ask the same way."
    ) in text
    assert NEU_ROUTE not in text


def test_check_deploy_warns_while_the_data_protection_settings_are_empty(site_home):
    def warnings():
        # What `manage.py check --deploy` runs, as messages.
        return " ".join(
            f"{message.id} {message.msg}" for message in run_checks(include_deployment_checks=True)
        )

    found = warnings()  # no settings saved yet
    assert "getinvolved.W001" in found and "getinvolved.W002" in found
    SiteSettings.for_site(site_home.get_site())
    update_settings(site_home, contact_email="", data_protection_email="", data_controller_name="")
    found = warnings()
    assert "getinvolved.W001" in found and "names no data controller" in found
    assert "getinvolved.W002" in found and "no email address for questions about data" in found

    update_settings(site_home, data_controller_name="Example Union", contact_email="a@example.org")
    found = warnings()
    assert "getinvolved.W001" not in found and "getinvolved.W002" not in found
