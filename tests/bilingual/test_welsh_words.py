"""The site's own words in Welsh (issue 20): pages and forms rendered in Welsh show the Welsh
catalogue's words (skip link, header, footer, the form's button, hints and errors, Django's
own form errors) and never the English they replace.

Pages are served straight from the page (page.serve, as Wagtail's serve view does) under
``translation.override("cy")``: the language under test is set here, not by the address,
whichever middleware later picks it from the URL."""

import pytest
from bs4 import BeautifulSoup
from django import forms
from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.core.management import call_command
from django.template.loader import render_to_string
from django.test import RequestFactory, override_settings
from django.utils import translation

from tests.factories import InterestFormPageFactory, form_fields

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module", autouse=True)
def compiled_catalogue():
    """The .mo is built, not committed (`make test` builds it first); built here too, so
    this module also runs on its own. Changing LOCALE_PATHS drops Django's loaded catalogues."""
    call_command("compilemessages", ignore_patterns=[".venv", "audit"], verbosity=0)
    with override_settings(LOCALE_PATHS=list(settings.LOCALE_PATHS)):
        yield


def serve(page, data=None):
    factory = RequestFactory()
    request = factory.post(page.url, data) if data is not None else factory.get(page.url)
    request.user = AnonymousUser()
    response = page.serve(request)
    response.render()
    return response, BeautifulSoup(response.content, "html.parser")


def words(doc):
    return " ".join(doc.get_text(" ").split())


@pytest.fixture
def form_page(get_involved, privacy_notice):
    return InterestFormPageFactory(
        parent=get_involved,
        title="Cofrestru",
        form_fields=form_fields(
            {"label": "Eich enw", "field_type": "singleline", "required": True},
            {"label": "Ysgol", "field_type": "singleline", "required": False},
        ),
        publish=True,
    )


def test_a_welsh_page_has_the_welsh_skip_link_header_and_footer(page_tree):
    with translation.override("cy"):
        _, doc = serve(page_tree.theme)
    assert doc.find("a", class_="skip-link").get_text() == "Neidio i'r prif gynnwys"
    assert doc.find("label", attrs={"for": "site-search-words"}).get_text() == "Chwilio'r wefan hon"
    assert doc.find("button", class_="site-search__button").get_text() == "Chwilio"
    footer = doc.find("footer")
    assert footer.find("a", string="Hysbysiad preifatrwydd")
    assert "Yn ôl i'r brig" in words(footer)
    assert "Gwefan yr Undeb Addysg Cenedlaethol" in words(footer)
    assert doc.find("nav", class_="breadcrumbs").find("a").get_text() == "Trosolwg"
    for english in ("Skip to main content", "Privacy notice", "Back to top", "Search this site"):
        assert english not in words(doc)


def test_the_same_page_in_english_keeps_its_english_words(page_tree):
    with translation.override("en-gb"):
        _, doc = serve(page_tree.theme)
    assert doc.find("a", class_="skip-link").get_text() == "Skip to main content"
    assert doc.find("footer").find("a", string="Privacy notice")


def test_the_welsh_form_has_welsh_hints_and_a_welsh_send_button(form_page):
    with translation.override("cy"):
        _, doc = serve(form_page)
    assert doc.find("button", type="submit", class_="button").get_text() == "Anfon"
    assert "Rhaid ateb pob cwestiwn oni bai ei fod wedi'i nodi'n “dewisol”." in words(doc)
    assert "Ysgol (dewisol)" in words(doc.find("form", class_="interest-form"))
    consent = doc.find("input", attrs={"name": "privacy-consent"}).find_next("label")
    assert consent.find("a", string="Darllen yr hysbysiad preifatrwydd")


def test_a_welsh_member_is_told_what_went_wrong_in_welsh(form_page):
    with translation.override("cy"):
        response, doc = serve(form_page, data={"eich_enw": ""})
    assert response.status_code == 400
    summary = doc.find(id="error-summary")
    assert summary.find("h2").get_text() == "Mae problem wedi codi"
    assert "Er eich diogelwch, roedd y ffurflen hon wedi dod i ben." in words(summary)
    assert "Rhowch eich ateb i “Eich enw”." in words(summary)
    assert "Ticiwch y blwch i gytuno i'r ffordd y byddwn yn defnyddio eich atebion." in words(
        summary
    )
    assert doc.title.get_text().startswith("Gwall: ")
    assert "There is a problem" not in words(doc)


def test_djangos_own_form_errors_are_in_the_sites_welsh():
    """Wagtail's Welsh says "Mae angen y'r ffild hon."; the site's catalogue comes first."""

    class Question(forms.Form):
        answer = forms.CharField()
        day = forms.DateField(required=False)

    with translation.override("cy"):
        form = Question(data={"day": "not a date"})
        assert form.errors == {
            "answer": ["Mae angen y maes hwn."],
            "day": ["Rhowch ddyddiad dilys."],
        }


def test_the_not_found_page_in_welsh(rf):
    request = rf.get("/nothing-here/")
    request.user = AnonymousUser()
    with translation.override("cy"):
        doc = BeautifulSoup(render_to_string("404.html", request=request), "html.parser")
    assert doc.find("h1").get_text() == "Heb ddod o hyd i'r dudalen"
    assert doc.title.get_text().startswith("Heb ddod o hyd i'r dudalen")


def test_the_footer_cache_keeps_one_copy_per_language(rf):
    """The footer is rendered once per content generation ({% sitewide_cache %}): an English
    copy must not be served on a Welsh page, nor the reverse."""
    from django.template import engines

    template = engines["django"].from_string(
        '{% load i18n caching_tags %}{% sitewide_cache "footer" %}'
        '{% translate "Back to top" %}{% endsitewide_cache %}'
    )
    request = rf.get("/")
    request.content_generation = "1"
    with translation.override("en-gb"):
        assert template.render({}, request) == "Back to top"
    with translation.override("cy"):
        assert template.render({}, request) == "Yn ôl i'r brig"
    with translation.override("en-gb"):
        assert template.render({}, request) == "Back to top"
